import { AssemblyStack, StackMetadata, Template, TemplateResource } from '../../src/prove/assembly';
import { NO_INTERNET_METADATA, REQUIRED_SERVICES_METADATA } from '../../src/prove/metadata';
import { NetworkModel } from '../../src/prove/network-model';
import { ReferenceResolver } from '../../src/prove/references';

type Resources = Record<string, TemplateResource>;

function stack(id: string, resources: Resources, extra: Partial<AssemblyStack> = {}, outputs: Template['Outputs'] = {}): AssemblyStack {
  return {
    id,
    stackName: id,
    account: '123456789012',
    region: 'us-east-1',
    templatePath: `${id}.template.json`,
    template: { Resources: resources, Outputs: outputs },
    metadata: [],
    constructPaths: {},
    ...extra,
  };
}

function modelOf(...stacks: AssemblyStack[]): NetworkModel {
  return new NetworkModel(new ReferenceResolver(stacks));
}

const ref = (logicalId: string) => ({ Ref: logicalId });
const getAtt = (logicalId: string, attribute: string) => ({ 'Fn::GetAtt': [logicalId, attribute] });
const subnetType = (type: string) => [{ Key: 'aws-cdk:subnet-type', Value: type }, { Key: 'Name', Value: `${type}Subnet` }];

const VPC: Resources = {
  Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', EnableDnsHostnames: true, EnableDnsSupport: true } },
};

describe('NetworkModel: VPCs and subnets', () => {
  test('reads a VPC\'s CIDR blocks, secondary ones included, and its DNS attributes with their defaults', () => {
    // GIVEN
    const net = stack('Net', {
      ...VPC,
      Secondary: { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: ref('Vpc'), CidrBlock: '100.64.0.0/16' } },
      Ipv6: { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: ref('Vpc'), AmazonProvidedIpv6CidrBlock: true } },
      Defaults: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
      NoDns: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.2.0.0/16', EnableDnsSupport: false } },
      FromIpam: { Type: 'AWS::EC2::VPC', Properties: { Ipv4IpamPoolId: 'ipam-pool-0123', Ipv4NetmaskLength: 16 } },
    });

    // WHEN
    const model = modelOf(net);

    // THEN
    expect(model.vpcs.get('Net|Vpc')).toMatchObject({ key: 'Net|Vpc', stack: net, cidrBlocks: ['10.0.0.0/16', '100.64.0.0/16'], dnsSupport: true, dnsHostnames: true });
    expect(model.vpcs.get('Net|Defaults')).toMatchObject({ cidrBlocks: ['10.1.0.0/16'], dnsSupport: true, dnsHostnames: false });
    expect(model.vpcs.get('Net|NoDns')).toMatchObject({ dnsSupport: false });
    expect(model.vpcs.get('Net|FromIpam')?.cidrBlocks).toEqual([]);
    expect(model.cidrBlockOf('Net|Vpc')).toBe('10.0.0.0/16');
    expect(model.cidrBlockOf('Net|FromIpam')).toBeUndefined();
    expect(model.cidrBlockOf(undefined)).toBeUndefined();
  });

  test('reads a subnet\'s VPC, block, AZ, public IP on launch and aws-cdk:subnet-type tag, named by construct path', () => {
    // GIVEN
    const net = stack('Net', {
      ...VPC,
      IsolatedA: {
        Type: 'AWS::EC2::Subnet',
        Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1a', MapPublicIpOnLaunch: false, Tags: subnetType('Isolated') },
      },
      PublicA: {
        Type: 'AWS::EC2::Subnet',
        Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a', MapPublicIpOnLaunch: true, Tags: subnetType('Public') },
      },
      Untagged: {
        Type: 'AWS::EC2::Subnet',
        Properties: { VpcId: 'vpc-0123', CidrBlock: { 'Fn::Select': [0, { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }] }, AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } },
      },
    }, { constructPaths: { Vpc: 'Net/Vpc/Resource', IsolatedA: 'Net/Vpc/IsolatedSubnet1/Subnet' } });

    // WHEN
    const model = modelOf(net);

    // THEN
    expect(model.subnets.get('Net|IsolatedA')).toEqual({
      key: 'Net|IsolatedA',
      path: 'Net/Vpc/IsolatedSubnet1',
      vpc: 'Net|Vpc',
      vpcPath: 'Net/Vpc',
      cidrBlock: '10.0.0.0/24',
      availabilityZone: 'us-east-1a',
      mapPublicIpOnLaunch: false,
      subnetType: 'Isolated',
    });
    expect(model.subnets.get('Net|PublicA')).toMatchObject({ path: 'Net/PublicA', mapPublicIpOnLaunch: true, subnetType: 'Public' });
    expect(model.subnets.get('Net|Untagged')).toMatchObject({
      vpc: 'literal:vpc-0123',
      vpcPath: 'vpc-0123',
      cidrBlock: undefined,
      availabilityZone: undefined,
      subnetType: undefined,
    });
  });

  test('reads CloudFormation\'s string booleans as booleans', () => {
    // GIVEN: "true" and "false", which CloudFormation takes for its Boolean properties as it takes true and false
    const net = stack('Net', {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', EnableDnsSupport: 'false', EnableDnsHostnames: 'true' } },
      Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: 'true' } },
      Sts: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('Vpc'), ServiceName: 'com.amazonaws.us-east-1.sts', VpcEndpointType: 'Interface', PrivateDnsEnabled: 'true' } },
    });

    // WHEN
    const model = modelOf(net);

    // THEN
    expect(model.vpcs.get('Net|Vpc')).toMatchObject({ dnsSupport: false, dnsHostnames: true });
    expect(model.subnets.get('Net|Subnet')?.mapPublicIpOnLaunch).toBe(true);
    expect(model.endpoints.get('Net|Sts')?.privateDnsEnabled).toBe(true);
  });

  test('names resources by construct path without the Resource, Subnet or Default suffix; else <stack>/<logical ID>', () => {
    const net = stack('Net', VPC, { constructPaths: { Vpc: 'Net/Vpc/Resource', Sg: 'Net/Endpoints/Sg/Default', Zone: 'Net/Zone' } });
    const model = modelOf(net);
    expect(model.nameOf('Net|Vpc')).toBe('Net/Vpc');
    expect(model.nameOf('Net|Sg')).toBe('Net/Endpoints/Sg');
    expect(model.nameOf('Net|Zone')).toBe('Net/Zone');
    expect(model.nameOf('Net|Other')).toBe('Net/Other');
    expect(model.nameOf('literal:tgw-0123')).toBe('tgw-0123');
    expect(model.nameOf(undefined)).toBe('a resource known only at deploy time');
  });

  test('reads a secondary CIDR block written before its VPC, as the order of a template\'s resources has no meaning', () => {
    // GIVEN
    const net = stack('Net', {
      Secondary: { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: ref('Vpc'), CidrBlock: '100.64.0.0/16' } },
      ...VPC,
    });

    // WHEN
    const model = modelOf(net);

    // THEN
    expect(model.vpcs.get('Net|Vpc')?.cidrBlocks).toEqual(['10.0.0.0/16', '100.64.0.0/16']);
  });

  test('reads the VPC\'s block in an ingress rule written before the VPC, as aws-cdk-lib writes a group of a construct created first', () => {
    // GIVEN: `new Construct(stack, 'Endpoints')` created before the VPC, holding a group that admits `vpc.vpcCidrBlock`
    const net = stack('Net', {
      EndpointsSg: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { VpcId: ref('Vpc'), SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: getAtt('Vpc', 'CidrBlock') }] },
      },
      ...VPC,
    });

    // WHEN
    const model = modelOf(net);

    // THEN
    expect(model.ingress.get('Net|EndpointsSg')).toEqual([expect.objectContaining({ cidr: '10.0.0.0/16' })]);
  });
});

describe('NetworkModel: routes', () => {
  const net = stack('Net', {
    ...VPC,
    Igw: { Type: 'AWS::EC2::InternetGateway', Properties: {} },
    Vgw: { Type: 'AWS::EC2::VPNGateway', Properties: { Type: 'ipsec.1' } },
    Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.0.0/24' } },
    Table: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('Vpc') } },
    Association: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref('Subnet'), RouteTableId: ref('Table') } },
    ToIgwByRef: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } },
    ToIgwByGetAtt: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '0.0.0.0/1', GatewayId: getAtt('Igw', 'InternetGatewayId') } },
    ToIgwLiteral: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '128.0.0.0/1', GatewayId: 'igw-0123456789abcdef0' } },
    ToVgw: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '192.168.0.0/16', GatewayId: ref('Vgw') } },
    ToVgwLiteral: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '192.169.0.0/16', GatewayId: 'vgw-0123' } },
    ToUnknownGateway: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '192.170.0.0/16', GatewayId: ref('GatewayParameter') } },
    ToNat: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123' } },
    ToEigw: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-0123' } },
    ToTgw: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '10.1.0.0/16', TransitGatewayId: 'tgw-0123' } },
    ToPeer: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: 'pcx-0123' } },
    ToInstance: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '10.3.0.0/16', InstanceId: 'i-0123' } },
    ToEni: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '10.4.0.0/16', NetworkInterfaceId: 'eni-0123' } },
    ToEndpoint: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '10.5.0.0/16', VpcEndpointId: 'vpce-0123' } },
    ToPrefixList: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationPrefixListId: 'pl-0123', TransitGatewayId: 'tgw-0123' } },
    ToUnknownDestination: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: ref('CidrParameter'), CarrierGatewayId: 'cagw-0123' } },
    OfUnknownTable: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('TableParameter'), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123' } },
  });
  const model = modelOf(net);
  const routes = new Map((model.routes.get('Net|Table') ?? []).map(route => [route.key.split('|')[1], route]));

  test('associates subnets with route tables, and route tables with VPCs', () => {
    expect(model.subnetRouteTables.get('Net|Subnet')).toBe('Net|Table');
    expect(model.routeTableVpcs.get('Net|Table')).toBe('Net|Vpc');
  });

  test('takes a gateway as an internet gateway when it is one of the assembly (Ref or GetAtt), or a literal igw- ID', () => {
    expect(routes.get('ToIgwByRef')).toEqual({ key: 'Net|ToIgwByRef', destination: '0.0.0.0/0', target: { kind: 'internet-gateway', key: 'Net|Igw' } });
    expect(routes.get('ToIgwByGetAtt')?.target).toEqual({ kind: 'internet-gateway', key: 'Net|Igw' });
    expect(routes.get('ToIgwLiteral')?.target).toEqual({ kind: 'internet-gateway', key: 'literal:igw-0123456789abcdef0' });
  });

  test('takes another gateway, or one known only at deploy time, as of unknown kind', () => {
    expect(routes.get('ToVgw')?.target).toEqual({ kind: 'unknown', key: 'Net|Vgw' });
    expect(routes.get('ToVgwLiteral')?.target).toEqual({ kind: 'unknown', key: 'literal:vgw-0123' });
    expect(routes.get('ToUnknownGateway')?.target).toEqual({ kind: 'unknown', key: undefined });
  });

  test('reads each other target by its property', () => {
    expect([...routes.values()].filter(r => !r.key.includes('Igw') && !r.key.includes('Vgw') && !r.key.includes('Gateway'))
      .map(r => [r.key.split('|')[1], r.destination, r.target.kind, r.target.key])).toEqual([
      ['ToNat', '0.0.0.0/0', 'nat-gateway', 'literal:nat-0123'],
      ['ToEigw', '::/0', 'egress-only-internet-gateway', 'literal:eigw-0123'],
      ['ToTgw', '10.1.0.0/16', 'transit-gateway', 'literal:tgw-0123'],
      ['ToPeer', '10.2.0.0/16', 'peering', 'literal:pcx-0123'],
      ['ToInstance', '10.3.0.0/16', 'instance', 'literal:i-0123'],
      ['ToEni', '10.4.0.0/16', 'network-interface', 'literal:eni-0123'],
      ['ToEndpoint', '10.5.0.0/16', 'vpc-endpoint', 'literal:vpce-0123'],
      ['ToPrefixList', 'prefix-list:literal:pl-0123', 'transit-gateway', 'literal:tgw-0123'],
      ['ToUnknownDestination', undefined, 'unknown', undefined],
    ]);
  });

  test('drops a route of a route table known only at deploy time', () => {
    expect([...model.routes.keys()]).toEqual(['Net|Table']);
  });
});

describe('NetworkModel: endpoints', () => {
  const join = (...parts: unknown[]) => ({ 'Fn::Join': ['', parts] });
  const endpoint = (serviceName: unknown, more: Record<string, unknown> = {}): TemplateResource =>
    ({ Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('Vpc'), ServiceName: serviceName, VpcEndpointType: 'Interface', ...more } });
  const provider = stack('Provider', {
    Service: { Type: 'AWS::EC2::VPCEndpointService', Properties: { NetworkLoadBalancerArns: [ref('Nlb'), 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/x/1'] } },
    Nlb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network' } },
    Tls: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: ref('Nlb'), Port: 443 } },
    Tcp: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: ref('Nlb'), Port: ref('PortParameter') } },
  }, {}, { ServiceId: { Value: ref('Service'), Export: { Name: 'Provider:ServiceId' } } });
  const consumer = stack('Consumer', {
    ...VPC,
    Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.0.0/24' } },
    Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { VpcId: ref('Vpc') } },
    Table: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('Vpc') } },
    Sts: endpoint(join('com.amazonaws.', { Ref: 'AWS::Region' }, '.sts'), {
      SubnetIds: [ref('Subnet'), ref('SubnetParameter')],
      SecurityGroupIds: [getAtt('Sg', 'GroupId')],
      PrivateDnsEnabled: true,
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
    }),
    Kms: endpoint('com.amazonaws.us-east-1.kms', {
      SubnetIds: { 'Fn::Split': [',', ref('SubnetsParameter')] },
      DnsOptions: { PrivateDnsOnlyForInboundResolverEndpoint: 'OnlyInboundResolver' },
      PrivateDnsEnabled: true,
    }),
    S3: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('Vpc'), ServiceName: join('com.amazonaws.', { Ref: 'AWS::Region' }, '.s3'), RouteTableIds: [ref('Table')] } },
    ToProvider: endpoint(join('com.amazonaws.vpce.', { Ref: 'AWS::Region' }, '.', { 'Fn::ImportValue': 'Provider:ServiceId' })),
    ToSameStackService: endpoint(join('com.amazonaws.vpce.', { Ref: 'AWS::Region' }, '.', ref('LocalService'))),
    LocalService: { Type: 'AWS::EC2::VPCEndpointService', Properties: { GatewayLoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/gwy/x/1'] } },
    ToPartner: endpoint('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0'),
    ToPartnerCn: endpoint('cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0'),
    ByParameter: endpoint(ref('ServiceNameParameter')),
  });
  const agnostic = stack('Agnostic', {
    Vpc: VPC.Vpc,
    Sts: endpoint(join('com.amazonaws.', { Ref: 'AWS::Region' }, '.sts')),
  }, { account: undefined, region: undefined });
  const model = modelOf(provider, consumer, agnostic);
  const get = (key: string) => model.endpoints.get(key)!;

  test('reads an interface endpoint: service name joined with the stack\'s Region, subnets, groups, private DNS, policy', () => {
    expect(get('Consumer|Sts')).toEqual({
      key: 'Consumer|Sts',
      path: 'Consumer/Sts',
      vpc: 'Consumer|Vpc',
      type: 'Interface',
      serviceName: 'com.amazonaws.us-east-1.sts',
      endpointService: undefined,
      toEndpointService: false,
      subnets: ['Consumer|Subnet', undefined],
      securityGroups: ['Consumer|Sg'],
      routeTables: [],
      privateDnsEnabled: true,
      privateDnsOnlyForInboundResolver: false,
      policyStatements: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
    });
  });

  test('reads a literal service name, subnets that are a token as none, and private DNS for inbound resolvers only', () => {
    expect(get('Consumer|Kms')).toMatchObject({
      serviceName: 'com.amazonaws.us-east-1.kms',
      subnets: [],
      securityGroups: [],
      privateDnsOnlyForInboundResolver: true,
      policyStatements: undefined,
    });
  });

  test('takes an endpoint without a type as a gateway endpoint, with its route tables', () => {
    expect(get('Consumer|S3')).toMatchObject({ type: 'Gateway', serviceName: 'com.amazonaws.us-east-1.s3', routeTables: ['Consumer|Table'], privateDnsEnabled: false });
  });

  test('finds the endpoint service of the assembly that a service name refers to, across stacks', () => {
    expect(get('Consumer|ToProvider')).toMatchObject({ serviceName: undefined, endpointService: 'Provider|Service', toEndpointService: true });
    expect(get('Consumer|ToSameStackService')).toMatchObject({ serviceName: undefined, endpointService: 'Consumer|LocalService', toEndpointService: true });
  });

  test('takes a literal com.amazonaws.vpce name as an endpoint service outside the assembly', () => {
    expect(get('Consumer|ToPartner')).toMatchObject({
      serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0',
      endpointService: undefined,
      toEndpointService: true,
    });
    expect(get('Consumer|ToPartnerCn')).toMatchObject({ toEndpointService: true });
  });

  test('leaves a service name of a parameter, or joined with the Region of an environment-agnostic stack, unknown', () => {
    expect(get('Consumer|ByParameter')).toMatchObject({ serviceName: undefined, endpointService: undefined, toEndpointService: false });
    expect(get('Agnostic|Sts')).toMatchObject({ serviceName: undefined, toEndpointService: false });
  });

  test('reads the load balancers of an endpoint service and the ports of their listeners', () => {
    expect(model.endpointServiceLoadBalancers.get('Provider|Service')).toEqual(['Provider|Nlb', 'literal:arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/x/1']);
    expect(model.endpointServiceLoadBalancers.get('Consumer|LocalService')).toEqual([]);
    expect(model.listenerPorts.get('Provider|Nlb')).toEqual([443, undefined]);
  });
});

describe('NetworkModel: security groups', () => {
  test('reads inline and separate ingress rules, a VPC\'s own block by Fn::GetAtt, groups and prefix lists', () => {
    // GIVEN
    const net = stack('Net', {
      ...VPC,
      Sg: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          VpcId: ref('Vpc'),
          SecurityGroupIngress: [
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: getAtt('Vpc', 'CidrBlock') },
            { IpProtocol: '-1', CidrIp: '192.168.0.0/16' },
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv6: '::/0' },
          ],
        },
      },
      Other: { Type: 'AWS::EC2::SecurityGroup', Properties: { VpcId: ref('Vpc') } },
      FromGroup: {
        Type: 'AWS::EC2::SecurityGroupIngress',
        Properties: { GroupId: getAtt('Sg', 'GroupId'), IpProtocol: 'tcp', FromPort: 1024, ToPort: 65535, SourceSecurityGroupId: getAtt('Other', 'GroupId') },
      },
      FromPrefixList: {
        Type: 'AWS::EC2::SecurityGroupIngress',
        Properties: { GroupId: ref('Other'), IpProtocol: 'tcp', FromPort: 443, ToPort: 443, SourcePrefixListId: 'pl-0123' },
      },
      FromParameter: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('Other'), IpProtocol: 'tcp', FromPort: '443', ToPort: '443', CidrIp: ref('CidrParameter') } },
      ToUnknownGroup: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref('GroupParameter'), IpProtocol: 'tcp', CidrIp: '0.0.0.0/0' } },
    });

    // WHEN
    const model = modelOf(net);

    // THEN
    expect(model.ingress.get('Net|Sg')).toEqual([
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16', sourceGroup: undefined, prefixList: undefined },
      { protocol: '-1', fromPort: undefined, toPort: undefined, cidr: '192.168.0.0/16', sourceGroup: undefined, prefixList: undefined },
      { protocol: 'tcp', ipv6Only: true },
      { protocol: 'tcp', fromPort: 1024, toPort: 65535, cidr: undefined, sourceGroup: 'Net|Other', prefixList: undefined },
    ]);
    expect(model.ingress.get('Net|Other')).toEqual([
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: undefined, sourceGroup: undefined, prefixList: 'literal:pl-0123' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: undefined, sourceGroup: undefined, prefixList: undefined },
    ]);
    expect([...model.ingress.keys()]).toEqual(['Net|Sg', 'Net|Other']);
  });

  test('reads the block of a VPC of another stack, by an import of its CidrBlock', () => {
    const network = stack('Network', VPC, {}, { Cidr: { Value: getAtt('Vpc', 'CidrBlock'), Export: { Name: 'Network:Cidr' } } });
    const workloads = stack('Workloads', {
      Sg: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: { 'Fn::ImportValue': 'Network:Cidr' } }] },
      },
    });
    expect(modelOf(network, workloads).ingress.get('Workloads|Sg')?.[0].cidr).toBe('10.0.0.0/16');
  });

  test('reads the block of a VPC of a stack listed later, as aws-cdk-lib lists stacks in the order they were created', () => {
    // GIVEN: the importing stack first, as in the manifest of an app that creates it before the VPC's stack
    const network = stack('Network', VPC, {}, { Cidr: { Value: getAtt('Vpc', 'CidrBlock'), Export: { Name: 'Network:Cidr' } } });
    const workloads = stack('Workloads', {
      Sg: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: { 'Fn::ImportValue': 'Network:Cidr' } }] },
      },
    });

    // THEN
    expect(modelOf(workloads, network).ingress.get('Workloads|Sg')?.[0].cidr).toBe('10.0.0.0/16');
  });
});

describe('NetworkModel: DNS', () => {
  test('reads private hosted zones, normalized, with their VPCs, and records, with the endpoint an alias points at', () => {
    // GIVEN
    const net = stack('Net', {
      ...VPC,
      Sts: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('Vpc'), ServiceName: 'com.amazonaws.us-east-1.sts', VpcEndpointType: 'Interface' } },
      Zone: {
        Type: 'AWS::Route53::HostedZone',
        Properties: { Name: 'STS.us-east-1.amazonaws.com.', VPCs: [{ VPCId: ref('Vpc'), VPCRegion: 'us-east-1' }, { VPCId: 'vpc-0123', VPCRegion: 'us-east-1' }] },
      },
      Alias: {
        Type: 'AWS::Route53::RecordSet',
        Properties: {
          HostedZoneId: ref('Zone'),
          Name: 'sts.us-east-1.amazonaws.com.',
          Type: 'A',
          AliasTarget: {
            DNSName: { 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Select': [0, getAtt('Sts', 'DnsEntries')] }] }] },
            HostedZoneId: { 'Fn::Select': [0, { 'Fn::Split': [':', { 'Fn::Select': [0, getAtt('Sts', 'DnsEntries')] }] }] },
          },
        },
      },
      Plain: { Type: 'AWS::Route53::RecordSet', Properties: { HostedZoneId: 'Z0123', Name: 'api.example.com', Type: 'A', ResourceRecords: ['10.0.0.10'] } },
      AliasElsewhere: {
        Type: 'AWS::Route53::RecordSet',
        Properties: { HostedZoneId: ref('Zone'), Name: 'other.sts.us-east-1.amazonaws.com', Type: 'A', AliasTarget: { DNSName: 'lb.example.com', HostedZoneId: 'Z1' } },
      },
    });

    // WHEN
    const model = modelOf(net);

    // THEN
    expect(model.hostedZones.get('Net|Zone')).toEqual({ key: 'Net|Zone', name: 'sts.us-east-1.amazonaws.com', vpcs: ['Net|Vpc', 'literal:vpc-0123'] });
    expect(model.records).toEqual([
      { zone: 'Net|Zone', name: 'sts.us-east-1.amazonaws.com', aliasEndpoint: 'Net|Sts' },
      { zone: 'literal:Z0123', name: 'api.example.com', aliasEndpoint: undefined },
      { zone: 'Net|Zone', name: 'other.sts.us-east-1.amazonaws.com', aliasEndpoint: undefined },
    ]);
  });

  test('reads Route 53 Profiles, the endpoints and zones associated with them by ARN, and the VPCs associated with them', () => {
    // GIVEN
    const net = stack('Net', {
      ...VPC,
      Sts: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('Vpc'), ServiceName: 'com.amazonaws.us-east-1.sts', VpcEndpointType: 'Interface' } },
      Zone: { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'example.internal', VPCs: [{ VPCId: ref('Vpc'), VPCRegion: 'us-east-1' }] } },
      Profile: { Type: 'AWS::Route53Profiles::Profile', Properties: { Name: 'shared' } },
      EndpointAssociation: {
        Type: 'AWS::Route53Profiles::ProfileResourceAssociation',
        Properties: {
          ProfileId: getAtt('Profile', 'Id'),
          Name: 'sts',
          ResourceArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:123456789012:vpc-endpoint/', ref('Sts')]] },
        },
      },
      ZoneAssociation: {
        Type: 'AWS::Route53Profiles::ProfileResourceAssociation',
        Properties: { ProfileId: getAtt('Profile', 'Id'), Name: 'zone', ResourceArn: { 'Fn::Join': ['', ['arn:aws:route53:::hostedzone/', ref('Zone')]] } },
      },
      Spoke: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
      SpokeAssociation: { Type: 'AWS::Route53Profiles::ProfileAssociation', Properties: { ProfileId: getAtt('Profile', 'Id'), ResourceId: ref('Spoke'), Name: 'spoke' } },
      SharedAssociation: { Type: 'AWS::Route53Profiles::ProfileAssociation', Properties: { ProfileId: 'rp-0123456789abcdef', ResourceId: ref('Spoke'), Name: 'shared' } },
    });

    // WHEN
    const model = modelOf(net);

    // THEN
    expect([...model.profiles]).toEqual(['Net|Profile']);
    expect(model.profileResources.get('Net|Profile')).toEqual(['Net|Sts', 'Net|Zone']);
    expect(model.vpcProfiles.get('Net|Spoke')).toEqual(['Net|Profile', 'literal:rp-0123456789abcdef']);
    expect(model.vpcProfiles.has('Net|Vpc')).toBe(false);
  });
});

describe('NetworkModel: Transit Gateways and network ACLs', () => {
  test('reads the VPCs attached to a Transit Gateway, and each subnet\'s network ACL with its entries', () => {
    // GIVEN
    const net = stack('Net', {
      ...VPC,
      Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.0.0/24' } },
      Tgw: { Type: 'AWS::EC2::TransitGateway', Properties: {} },
      Attachment: { Type: 'AWS::EC2::TransitGatewayAttachment', Properties: { TransitGatewayId: ref('Tgw'), VpcId: ref('Vpc'), SubnetIds: [ref('Subnet')] } },
      Shared: { Type: 'AWS::EC2::TransitGatewayVpcAttachment', Properties: { TransitGatewayId: 'tgw-0123', VpcId: ref('Vpc'), SubnetIds: [ref('Subnet')] } },
      Acl: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref('Vpc') } },
      AclAssociation: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: ref('Subnet'), NetworkAclId: ref('Acl') } },
      Https: {
        Type: 'AWS::EC2::NetworkAclEntry',
        Properties: { NetworkAclId: ref('Acl'), RuleNumber: 100, Protocol: 6, RuleAction: 'allow', Egress: true, CidrBlock: '10.0.0.0/16', PortRange: { From: 443, To: 443 } },
      },
      DenyAll: { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('Acl'), RuleNumber: 200, Protocol: -1, RuleAction: 'deny', CidrBlock: '0.0.0.0/0' } },
      Ipv6: { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('Acl'), RuleNumber: 300, Protocol: -1, RuleAction: 'allow', Ipv6CidrBlock: '::/0' } },
    });

    // WHEN
    const model = modelOf(net);

    // THEN
    expect(model.transitGatewayVpcs).toEqual(new Map([['Net|Tgw', ['Net|Vpc']], ['literal:tgw-0123', ['Net|Vpc']]]));
    expect(model.subnetNetworkAcls.get('Net|Subnet')).toBe('Net|Acl');
    expect(model.networkAclEntries.get('Net|Acl')).toEqual([
      { ruleNumber: 100, egress: true, allow: true, protocol: '6', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16' },
      { ruleNumber: 200, egress: false, allow: false, protocol: '-1', fromPort: undefined, toPort: undefined, cidr: '0.0.0.0/0' },
      { ruleNumber: 300, egress: false, allow: true, protocol: '-1', fromPort: undefined, toPort: undefined, cidr: '::/0' },
    ]);
  });
});

describe('NetworkModel: NetworkRequirements metadata', () => {
  test('reads the services a VPC requires, across entries, and whether it forbids the internet, by the VPC\'s logical ID', () => {
    // GIVEN
    const metadata: StackMetadata[] = [
      { path: '/Net/Vpc/Resource', type: REQUIRED_SERVICES_METADATA, data: ['kms', 'logs'], logicalId: 'Vpc' },
      { path: '/Net/Vpc/Resource', type: REQUIRED_SERVICES_METADATA, data: ['ecr.api'], logicalId: 'Vpc' },
      { path: '/Net/Vpc/Resource', type: NO_INTERNET_METADATA, data: true, logicalId: 'Vpc' },
      { path: '/Net/Other/Resource', type: REQUIRED_SERVICES_METADATA, data: 'kms', logicalId: 'Other' },
      { path: '/Net/Imported', type: NO_INTERNET_METADATA, data: true },
      { path: '/Net/Vpc/Resource', type: 'aws:cdk:warning', data: 'unrelated', logicalId: 'Vpc' },
    ];
    const net = stack('Net', { ...VPC, Other: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } } }, { metadata });

    // WHEN
    const model = modelOf(net);

    // THEN
    expect(model.requiredServices).toEqual(new Map([['Net|Vpc', ['kms', 'logs', 'ecr.api']]]));
    expect([...model.noInternet]).toEqual(['Net|Vpc']);
  });
});
