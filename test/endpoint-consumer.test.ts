import { App, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { schemaCheckedTemplate } from './schema';
import { ACCOUNT, AWS_SOLUTIONS_CHECKS, isolatedVpc, REGION, testStack, validationErrors } from './util';
import { EndpointConsumer, EndpointConsumerProps } from '../src/endpoint-consumer';
import { EndpointServiceProvider, EndpointServiceProviderProps } from '../src/endpoint-service-provider';

const SERVICE_NAME = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** Context that names the Region's AZs, so that VPCs have readable ones. */
const AZ_CONTEXT = { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS };

/** The context key under which the CLI stores the AZs a service supports. */
function supportedAzsKey(serviceName: string): string {
  return `endpoint-service-availability-zones:account=${ACCOUNT}:region=${REGION}:serviceName=${serviceName}`;
}

function setUp(context: Record<string, unknown> = {}) {
  const { app, stack } = testStack({}, { ...AZ_CONTEXT, ...context });
  const vpc = isolatedVpc(stack, 'Vpc', { maxAzs: 3 });
  return { app, stack, vpc };
}

function consumer(scope: Construct, vpc: ec2.IVpc, props: Partial<EndpointConsumerProps> = {}, id = 'Consumer'): EndpointConsumer {
  return new EndpointConsumer(scope, id, { vpc, service: new ec2.InterfaceVpcEndpointService(SERVICE_NAME, 8443), ...props });
}

function provider(scope: Construct, props: Partial<EndpointServiceProviderProps> = {}, maxAzs = 3): EndpointServiceProvider {
  const vpc = isolatedVpc(scope, 'ProviderVpc', { maxAzs });
  return new EndpointServiceProvider(scope, 'Provider', { vpc, port: 8443, targets: [new elbv2targets.IpTarget('10.0.0.10')], ...props });
}

// A VPC defined in the app is admitted by the literal CIDR block it was defined with.
const VPC_CIDR = '10.0.0.0/16';

describe('EndpointConsumer', () => {
  describe('endpoint', () => {
    test('defines an interface endpoint to the service with one subnet per AZ', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc);

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::VPCEndpoint', 1);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Interface',
        ServiceName: SERVICE_NAME,
        VpcId: { Ref: Match.stringLikeRegexp('^Vpc') },
        SubnetIds: vpc.isolatedSubnets.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
        PrivateDnsEnabled: false,
        ServiceRegion: Match.absent(),
      });
    });

    test('takes the subnets of the selected group in a VPC with several groups per AZ', () => {
      // GIVEN
      const { stack } = testStack({}, AZ_CONTEXT);
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        maxAzs: 2,
        natGateways: 0,
        subnetConfiguration: [
          { name: 'Endpoints', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          { name: 'Workloads', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        ],
      });

      // WHEN
      consumer(stack, vpc, { vpcSubnets: { subnetGroupName: 'Endpoints' } });

      // THEN
      const endpoints = vpc.selectSubnets({ subnetGroupName: 'Endpoints' }).subnets;
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        SubnetIds: endpoints.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
      });
    });

    test('exposes the endpoint, its ID and, without DNS settings, its regional DNS name', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const c = consumer(stack, vpc);

      // THEN
      const endpointId = stack.getLogicalId(c.endpoint.node.defaultChild as ec2.CfnVPCEndpoint);
      expect(stack.resolve(c.vpcEndpointId)).toEqual({ Ref: endpointId });
      expect(stack.resolve(c.endpoint.vpcEndpointId)).toEqual({ Ref: endpointId });
      expect(stack.resolve(c.dnsName)).toEqual({
        'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Select': [0, { 'Fn::GetAtt': [endpointId, 'DnsEntries'] }] }] }],
      });
      expect(c.hostedZone).toBeUndefined();
    });

    test('sets serviceRegion for a cross-Region service', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { service: new ec2.InterfaceVpcEndpointService(SERVICE_NAME.replace('us-east-1', 'us-west-2'), 8443), serviceRegion: 'us-west-2' });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceRegion: 'us-west-2' });
    });
  });

  describe('supported AZs', () => {
    test('places the endpoint only in AZs the service supports, and warns for each one left out', () => {
      // GIVEN
      const { app, stack, vpc } = setUp({ [supportedAzsKey(SERVICE_NAME)]: ['us-east-1a', 'us-east-1b'] });

      // WHEN
      consumer(stack, vpc);

      // THEN
      const supported = vpc.isolatedSubnets.filter(subnet => subnet.availabilityZone !== 'us-east-1c');
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        SubnetIds: supported.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
      });
      app.synth();
      const warnings = Annotations.fromStack(stack).findWarning('/TestStack/Consumer', Match.anyValue());
      expect(warnings.map(w => w.entry.data)).toEqual([
        expect.stringMatching(new RegExp(`^the endpoint to ${SERVICE_NAME} leaves out us-east-1c: the service is not available there.*`
          + '\\[ack: cdk-private-endpoints:EndpointConsumer.unsupportedAz\\]')),
      ]);
    });

    test('asks the CLI for the supported AZs when the context does not have them yet, keeping every subnet meanwhile', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc);

      // THEN
      expect(app.synth().manifest.missing).toEqual([expect.objectContaining({
        key: supportedAzsKey(SERVICE_NAME),
        provider: 'endpoint-service-availability-zones',
      })]);
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        SubnetIds: vpc.isolatedSubnets.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
      });
    });

    test('keeps every subnet while the account\'s AZs are not looked up, even when the service\'s AZs are known', () => {
      // GIVEN: the AZs of the service are in context, those of the account not yet (the VPC's are placeholders)
      const app = new App({ context: { [supportedAzsKey(SERVICE_NAME)]: ['us-east-1a', 'us-east-1b'] } });
      const stack = new Stack(app, 'TestStack', { env: { account: ACCOUNT, region: REGION } });
      const vpc = isolatedVpc(stack, 'Vpc', { maxAzs: 3 });

      // WHEN
      consumer(stack, vpc);

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        SubnetIds: vpc.isolatedSubnets.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
      });
      expect(app.synth().manifest.missing?.map(missing => missing.provider)).toEqual(['availability-zones']);
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    });

    test('does not compare the provider\'s and its own AZs while their names are placeholders', () => {
      // GIVEN: no AZs in context, so both VPCs have aws-cdk-lib's placeholder AZs
      const app = new App();
      const stack = new Stack(app, 'TestStack', { env: { account: ACCOUNT, region: REGION } });
      const vpc = isolatedVpc(stack, 'Vpc', { maxAzs: 3 });

      // WHEN
      consumer(stack, vpc, { service: provider(stack, {}, 2) });

      // THEN
      expect(validationErrors(app)).toEqual([]);
    });

    test('looks nothing up in an env-agnostic stack, or for a cross-Region service', () => {
      // GIVEN
      const { app, stack } = testStack({ env: undefined });
      const vpc = isolatedVpc(stack, 'Vpc');
      const regional = setUp();

      // WHEN
      consumer(stack, vpc);
      consumer(regional.stack, regional.vpc, {
        service: new ec2.InterfaceVpcEndpointService(SERVICE_NAME.replace('us-east-1', 'us-west-2'), 8443),
        serviceRegion: 'us-west-2',
      });

      // THEN
      expect(app.synth().manifest.missing).toBeUndefined();
      expect(regional.app.synth().manifest.missing).toBeUndefined();
    });
  });

  describe('IP address types', () => {
    test('a dual-stack endpoint gets AAAA alias records beside the A records, and admits the VPC\'s IPv6 block', () => {
      // GIVEN
      const { app, stack } = setUp();
      const vpc = isolatedVpc(stack, 'DualStackVpc', { maxAzs: 2, ipProtocol: ec2.IpProtocol.DUAL_STACK });

      // WHEN
      consumer(stack, vpc, {
        ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK,
        dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.DUALSTACK,
        domainName: 'orders.internal.example.com',
        wildcardRecord: true,
      });

      // THEN
      expect(validationErrors(app)).toEqual([]);
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { IpAddressType: 'dualstack', DnsOptions: { DnsRecordIpType: 'dualstack' } });
      for (const [type, name] of [['A', 'orders.internal.example.com.'], ['AAAA', 'orders.internal.example.com.'], ['A', '*.orders.internal.example.com.'], ['AAAA', '*.orders.internal.example.com.']]) {
        template.hasResourceProperties('AWS::Route53::RecordSet', { Type: type, Name: name, AliasTarget: Match.anyValue() });
      }
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: Match.arrayWith([Match.objectLike({ CidrIpv6: Match.anyValue(), FromPort: 8443 })]),
      });
    });

    test('fails when an IPv6 endpoint goes in subnets that have IPv4 ranges', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { ipAddressType: ec2.VpcEndpointIpAddressType.IPV6, dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.IPV4 });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Consumer] the endpoint has `ipAddressType` ipv6, which needs subnets with an IPv6 range and no IPv4 range '
        + '(an IPv6-only subnet), but TestStack/Vpc/IsolatedSubnet1, TestStack/Vpc/IsolatedSubnet2, TestStack/Vpc/IsolatedSubnet3 '
        + 'have not. Select such subnets, or choose the IP address type the subnets have.',
        '[TestStack/Consumer] the endpoint has `dnsRecordIpType` ipv4, which needs `ipAddressType` ipv4 or dualstack, got ipv6. '
        + 'Set `ipAddressType` to dualstack, or choose the DNS record type of the addresses the endpoint has.',
      ]);
    });
  });

  describe('security group', () => {
    test('also allows clientCidrs: IPv4 and IPv6 blocks and prefix lists outside the VPC', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { clientCidrs: ['192.168.0.0/16', '2001:db8::/56', 'pl-0123456789abcdef0'] });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: [
          Match.objectLike({ CidrIp: VPC_CIDR, FromPort: 8443 }),
          Match.objectLike({ CidrIp: '192.168.0.0/16', FromPort: 8443, Description: 'Endpoint clients outside the VPC (clientCidrs), port 8443' }),
          Match.objectLike({ CidrIpv6: '2001:db8::/56', FromPort: 8443 }),
        ],
      });
      template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { SourcePrefixListId: 'pl-0123456789abcdef0', FromPort: 8443 });
    });

    test('fails when clientCidrs is given with security groups of the user\'s, or holds something else', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const securityGroup = new ec2.SecurityGroup(stack, 'Own', { vpc });

      // WHEN
      consumer(stack, vpc, { securityGroups: [securityGroup], clientCidrs: ['192.168.0.0/16'] });
      consumer(stack, vpc, { clientCidrs: ['10.0.0.0/8', 'everyone'] }, 'Other');

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Consumer] `clientCidrs` is given with `securityGroups`, whose rules the construct leaves alone, so the '
        + 'clients would not be admitted. Add their rules to your security groups, or remove `securityGroups` to have the '
        + 'construct define one that admits `clientCidrs`.',
        '[TestStack/Other] `clientCidrs` must hold IPv4 or IPv6 CIDR blocks (10.20.0.0/16, 2001:db8::/56) or prefix list IDs '
        + "(pl-0123456789abcdef0), got 'everyone'. Fix or remove them.",
      ]);
    });

    test('warns in an imported VPC, whose secondary CIDR blocks cannot be seen, until clientCidrs is given', () => {
      // GIVEN
      const { stack } = setUp();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: 'vpc-0123456789abcdef0',
        vpcCidrBlock: '10.1.0.0/16',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        privateSubnetIds: ['subnet-1', 'subnet-2'],
      });

      // WHEN
      consumer(stack, vpc);
      consumer(stack, vpc, { clientCidrs: ['10.2.0.0/16'], domainName: 'other.internal.example.com' }, 'Known');

      // THEN
      const annotations = Annotations.fromStack(stack);
      annotations.hasWarning('/TestStack/Consumer', Match.stringLikeRegexp('^`vpc` is imported, so only the CIDR block it was imported with'));
      expect(annotations.findWarning('/TestStack/Known', Match.stringLikeRegexp('is imported'))).toEqual([]);
    });

    test('allows only the service port from the VPC CIDR, with no egress', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc);

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: [{ CidrIp: VPC_CIDR, IpProtocol: 'tcp', FromPort: 8443, ToPort: 8443, Description: Match.anyValue() }],
        // The rule aws-cdk-lib renders for "no egress": it matches no traffic.
        SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })],
      });
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^ConsumerSecurityGroup'), 'GroupId'] }],
      });
    });

    test('also allows secondary CIDR blocks of the VPC, even those added after the consumer', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc);
      new ec2.CfnVPCCidrBlock(stack, 'SecondaryCidr', { vpcId: vpc.vpcId, cidrBlock: '100.64.0.0/16' });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: [
          Match.objectLike({ CidrIp: VPC_CIDR, FromPort: 8443 }),
          Match.objectLike({ CidrIp: '100.64.0.0/16', FromPort: 8443 }),
        ],
      });
    });

    test('uses given security groups as they are', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const securityGroup = new ec2.SecurityGroup(stack, 'Given', { vpc, allowAllOutbound: false });

      // WHEN
      consumer(stack, vpc, { securityGroups: [securityGroup] });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
      template.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: Match.absent() });
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Given'), 'GroupId'] }] });
    });

    test('is connectable: clients are allowed on the service port', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const c = consumer(stack, vpc);
      const clients = new ec2.SecurityGroup(stack, 'Clients', { vpc });

      // WHEN
      c.connections.allowDefaultPortFrom(clients);

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ConsumerSecurityGroup'), 'GroupId'] },
        SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Clients'), 'GroupId'] },
        IpProtocol: 'tcp',
        FromPort: 8443,
        ToPort: 8443,
      });
    });
  });

  describe('DNS', () => {
    test('defines a private hosted zone for domainName with an alias A record to the endpoint', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const c = consumer(stack, vpc, { domainName: 'Orders.Internal.Example.com.' });

      // THEN
      const template = Template.fromStack(stack);
      const endpointId = stack.getLogicalId(c.endpoint.node.defaultChild as ec2.CfnVPCEndpoint);
      const dnsEntry = { 'Fn::Split': [':', { 'Fn::Select': [0, { 'Fn::GetAtt': [endpointId, 'DnsEntries'] }] }] };
      template.hasResourceProperties('AWS::Route53::HostedZone', {
        Name: 'orders.internal.example.com.',
        VPCs: [{ VPCId: { Ref: Match.stringLikeRegexp('^Vpc') }, VPCRegion: REGION }],
      });
      template.resourceCountIs('AWS::Route53::RecordSet', 1);
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'orders.internal.example.com.',
        Type: 'A',
        HostedZoneId: { Ref: Match.stringLikeRegexp('^ConsumerHostedZone') },
        AliasTarget: { DNSName: { 'Fn::Select': [1, dnsEntry] }, HostedZoneId: { 'Fn::Select': [0, dnsEntry] } },
      });
      // Split-horizon DNS takes the place of private DNS.
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { PrivateDnsEnabled: false });
      expect(c.dnsName).toEqual('orders.internal.example.com');
      expect(c.hostedZone).toBeInstanceOf(route53.PrivateHostedZone);
    });

    test('adds a wildcard record when asked', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { domainName: 'orders.internal', wildcardRecord: true });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Route53::RecordSet', 2);
      template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'orders.internal.', Type: 'A' });
      template.hasResourceProperties('AWS::Route53::RecordSet', { Name: '*.orders.internal.', Type: 'A' });
    });

    test('adds the records to an existing hosted zone instead of defining one', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const zone = new route53.PrivateHostedZone(stack, 'Zone', { zoneName: 'internal.example.com', vpc });

      // WHEN
      const c = consumer(stack, vpc, { domainName: 'orders.internal.example.com', hostedZone: zone });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Route53::HostedZone', 1);
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'orders.internal.example.com.',
        HostedZoneId: { Ref: Match.stringLikeRegexp('^Zone') },
      });
      expect(c.hostedZone).toBe(zone);
    });

    test('keeps private DNS off by default for a provider with a private DNS name, which is verified only after deploy', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const p = provider(stack, { privateDnsName: 'orders.example.com' });

      // WHEN
      consumer(stack, vpc, { service: p });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { PrivateDnsEnabled: false });
    });

    test('turns on private DNS for a provider with a private DNS name when asked, and names it as the DNS name', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const p = provider(stack, { privateDnsName: 'orders.example.com' });

      // WHEN
      const c = consumer(stack, vpc, { service: p, privateDnsEnabled: true });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { PrivateDnsEnabled: true });
      expect(c.dnsName).toEqual('orders.example.com');
    });

    test('keeps private DNS off for a provider without a private DNS name', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const p = provider(stack);

      // WHEN
      consumer(stack, vpc, { service: p });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        PrivateDnsEnabled: false,
        ServiceName: { 'Fn::Join': ['.', Match.arrayWith([Match.objectLike({ Ref: Match.stringLikeRegexp('^ProviderEndpointService') })])] },
      });
    });
  });

  describe('handoff', () => {
    test('reads the service name from an SSM parameter', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { service: EndpointConsumer.serviceFromParameter(stack, '/services/orders/endpoint-service-name', 8443) });

      // THEN
      const template = Template.fromStack(stack);
      const parameters = template.findParameters('*', { Default: '/services/orders/endpoint-service-name' });
      expect(Object.values(parameters)).toEqual([expect.objectContaining({ Type: 'AWS::SSM::Parameter::Value<String>' })]);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: { Ref: Object.keys(parameters)[0] } });
      template.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [Match.objectLike({ FromPort: 8443 })] });
    });

    test('takes a provider from another stack of the same account through an export', () => {
      // GIVEN
      const { app, stack: providerStack } = testStack({}, AZ_CONTEXT);
      const p = provider(providerStack);
      const consumerStack = new Stack(app, 'ConsumerStack', { env: { account: ACCOUNT, region: REGION } });
      const vpc = isolatedVpc(consumerStack, 'Vpc');

      // WHEN
      consumer(consumerStack, vpc, { service: p });

      // THEN
      Template.fromStack(consumerStack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: { 'Fn::Join': ['.', Match.arrayWith([{ 'Fn::ImportValue': Match.stringLikeRegexp('^TestStack:') }])] },
      });
    });
  });

  describe('validation', () => {
    test('fails when its security group cannot admit a VPC imported without its CIDR block', () => {
      // GIVEN
      const { app, stack } = testStack({}, AZ_CONTEXT);
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: 'vpc-12345678',
        availabilityZones: ['us-east-1a'],
        isolatedSubnetIds: ['subnet-12345678'],
      });

      // WHEN
      consumer(stack, vpc);

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Consumer] `vpc` was imported without `vpcCidrBlock`, so the endpoint security group cannot admit the VPC '
        + 'and no workload could reach the interface endpoints. Import the VPC with `vpcCidrBlock` (Vpc.fromLookup has it).',
      ]);
    });

    test('accepts a VPC imported without its CIDR block when the security groups are given', () => {
      // GIVEN
      const { app, stack } = testStack({}, AZ_CONTEXT);
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: 'vpc-12345678',
        availabilityZones: ['us-east-1a'],
        isolatedSubnetIds: ['subnet-12345678'],
      });

      // WHEN
      consumer(stack, vpc, { securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(stack, 'Clients', 'sg-12345678')] });

      // THEN
      expect(validationErrors(app)).toEqual([]);
    });

    test('fails when the service name is malformed or has another partition\'s prefix', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { service: new ec2.InterfaceVpcEndpointService('vpce-svc-0123456789abcdef0', 443) }, 'Malformed');
      consumer(stack, vpc, { service: new ec2.InterfaceVpcEndpointService(`cn.${SERVICE_NAME}`, 443) }, 'Partition');

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Malformed\] `service` name must be an endpoint service name, .*got 'vpce-svc-0123456789abcdef0'/),
        "[TestStack/Partition] `service` name 'cn.com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' starts with "
        + 'cn.com.amazonaws.vpce, but endpoint service names in us-east-1 start with com.amazonaws.vpce. Copy the name from '
        + "the provider's `vpcEndpointServiceName` (its stack output or SSM parameter).",
      ]);
    });

    test('reaches a service named in another Region across Regions, warning that its provider must allow this one', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { service: new ec2.InterfaceVpcEndpointService(SERVICE_NAME.replace('us-east-1', 'us-west-2'), 443) });

      // THEN
      expect(validationErrors(app)).toEqual([]);
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceRegion: 'us-west-2' });
      Annotations.fromStack(stack).hasWarning('/TestStack/Consumer', Match.stringLikeRegexp(
        "^`service` '.*' is in us-west-2, so the endpoint reaches it across Regions \\(ServiceRegion us-west-2\\)\\. Its "
        + 'provider must list us-east-1 in its supported Regions',
      ));
    });

    test('accepts the names of the China and GovCloud partitions in their Regions', () => {
      for (const [region, name] of [
        ['cn-north-1', 'cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0'],
        ['us-gov-west-1', 'com.amazonaws.vpce.us-gov-west-1.vpce-svc-0123456789abcdef0'],
      ]) {
        // GIVEN
        const { app, stack } = testStack({ env: { account: ACCOUNT, region } });

        // WHEN
        consumer(stack, isolatedVpc(stack, 'Vpc', { maxAzs: 2 }), { service: new ec2.InterfaceVpcEndpointService(name, 443) });

        // THEN
        expect(validationErrors(app)).toEqual([]);
      }
    });

    test('fails when serviceRegion differs from the Region in the name', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { serviceRegion: 'eu-west-1' });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Consumer\] `serviceRegion` is 'eu-west-1', but the `service` name .* is in us-east-1/),
      ]);
    });

    test('fails when vpcSubnets selects two subnets in one AZ', () => {
      // GIVEN
      const { app, stack } = testStack({}, AZ_CONTEXT);
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        maxAzs: 1,
        natGateways: 0,
        subnetConfiguration: [
          { name: 'A', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          { name: 'B', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        ],
      });

      // WHEN
      consumer(stack, vpc, { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Consumer] `vpcSubnets` selects 2 subnets in us-east-1a (TestStack/Vpc/ASubnet1, TestStack/Vpc/BSubnet1); '
        + 'an interface endpoint takes at most one subnet per AZ. Narrow the selection (e.g. `subnetGroupName`) or set `onePerAz: true`.',
      ]);
    });

    test('fails at once when vpcSubnets selects no subnet, or none in an AZ the service supports', () => {
      // GIVEN
      const { stack, vpc } = setUp({ [supportedAzsKey(SERVICE_NAME)]: ['us-east-1d'] });

      // THEN
      expect(() => consumer(stack, vpc, { vpcSubnets: { availabilityZones: ['us-east-1d'] } }, 'Empty'))
        .toThrow(/^EndpointConsumer TestStack\/Empty: `vpcSubnets` selects no subnet of the VPC/);
      expect(() => consumer(stack, vpc, {}, 'Unsupported'))
        .toThrow(/^EndpointConsumer TestStack\/Unsupported: `vpcSubnets` selects subnets only in us-east-1a, us-east-1b, us-east-1c, where the service is not available/);
    });

    test('fails when the endpoint is in AZs the provider does not serve, naming them', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const p = provider(stack, {}, 2);

      // WHEN
      consumer(stack, vpc, { service: p });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Consumer\] `vpcSubnets` places the endpoint in us-east-1c, which the provider at TestStack\/Provider does not serve \(its NLB is in us-east-1a, us-east-1b\)/),
      ]);
    });

    test('reaches a provider in another Region across Regions, without the AZ check', () => {
      // GIVEN
      const { app, stack: providerStack } = testStack({ env: { account: ACCOUNT, region: 'us-west-2' }, crossRegionReferences: true }, {
        [`availability-zones:account=${ACCOUNT}:region=us-west-2`]: ['us-west-2a'],
      });
      const p = provider(providerStack, { allowedRegions: [REGION] }, 1);
      const consumerStack = new Stack(app, 'ConsumerStack', { env: { account: ACCOUNT, region: REGION }, crossRegionReferences: true });
      const vpc = isolatedVpc(consumerStack, 'Vpc');

      // WHEN
      consumer(consumerStack, vpc, { service: p });

      // THEN: the service name carries the provider's Region, not the consumer stack's, and ServiceRegion is set from it
      expect(validationErrors(app)).toEqual([]);
      Template.fromStack(consumerStack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: { 'Fn::Join': ['.', ['com.amazonaws.vpce.us-west-2', Match.anyValue()]] },
        ServiceRegion: 'us-west-2',
      });
    });

    test('fails when a provider in another Region does not allow the consumer\'s Region, naming both stacks', () => {
      // GIVEN
      const { app, stack: providerStack } = testStack({ env: { account: ACCOUNT, region: 'us-west-2' }, crossRegionReferences: true }, {
        [`availability-zones:account=${ACCOUNT}:region=us-west-2`]: ['us-west-2a'],
      });
      const p = provider(providerStack, { allowedRegions: ['eu-west-1'] }, 1);
      const consumerStack = new Stack(app, 'ConsumerStack', { env: { account: ACCOUNT, region: REGION }, crossRegionReferences: true });

      // WHEN
      consumer(consumerStack, isolatedVpc(consumerStack, 'Vpc'), { service: p });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[ConsumerStack/Consumer] `service` is the provider at TestStack/Provider in stack TestStack (us-west-2), but this '
        + "stack, ConsumerStack, is in us-east-1, which the provider's `allowedRegions` ([eu-west-1]) does not include, so the "
        + "endpoint could not connect. Add 'us-east-1' to the provider's `allowedRegions`, or consume the service from its own Region.",
      ]);
    });

    test('fails at once when a provider object is used from another account', () => {
      // GIVEN
      const { app, stack: providerStack } = testStack({ env: { account: '111111111111', region: REGION } });
      const p = provider(providerStack);
      const consumerStack = new Stack(app, 'ConsumerStack', { env: { account: '222222222222', region: REGION } });
      const vpc = new ec2.Vpc(consumerStack, 'Vpc');

      // THEN
      expect(() => consumer(consumerStack, vpc, { service: p }))
        .toThrow(/^EndpointConsumer ConsumerStack\/Consumer: `service` is the provider at TestStack\/Provider in account 111111111111, but this stack is in account 222222222222/);
    });

    test('fails when private DNS is on for a provider without a private DNS name', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { service: provider(stack), privateDnsEnabled: true });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Consumer\] `privateDnsEnabled` is true, but the provider at TestStack\/Provider has no `privateDnsName`/),
      ]);
    });

    test('fails when private DNS and domainName define the same name', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { service: provider(stack, { privateDnsName: 'orders.example.com' }), privateDnsEnabled: true, domainName: 'orders.example.com' });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Consumer\] `privateDnsEnabled` is true and `domainName` is 'orders.example.com', the provider's private DNS name too/),
      ]);
    });

    test('fails when domainName is not a domain name, defining no zone for it', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { domainName: 'orders internal' });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Consumer\] `domainName` must be a domain name .*got 'orders internal'/),
      ]);
      expect(stack.node.findAll().some(c => c instanceof route53.CfnHostedZone)).toBe(false);
    });

    test('fails when hostedZone or wildcardRecord come without domainName, or the name is outside the zone', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const zone = new route53.PrivateHostedZone(stack, 'Zone', { zoneName: 'internal.example.com', vpc });

      // WHEN
      consumer(stack, vpc, { hostedZone: zone, wildcardRecord: true }, 'NoName');
      consumer(stack, vpc, { hostedZone: zone, domainName: 'orders.example.org' }, 'Outside');

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/NoName\] `hostedZone` is set without `domainName`/),
        expect.stringMatching(/^\[TestStack\/NoName\] `wildcardRecord` is true without `domainName`/),
        expect.stringMatching(/^\[TestStack\/Outside\] `domainName` 'orders.example.org' is not inside `hostedZone` 'internal.example.com'/),
      ]);
    });

    test('fails when two consumers define a private hosted zone of the same name in one VPC', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { domainName: 'orders.internal' }, 'First');
      consumer(stack, vpc, { domainName: 'Orders.Internal.' }, 'Second');
      // Another VPC, or a name in an existing zone, is no conflict.
      const otherVpc = isolatedVpc(stack, 'OtherVpc');
      consumer(stack, otherVpc, { domainName: 'orders.internal' }, 'OtherVpcConsumer');

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/First\] `domainName` 'orders.internal' is also the name of the private hosted zone TestStack\/Second\/HostedZone in the same VPC; .*ConflictingDomainExists/),
        expect.stringMatching(/^\[TestStack\/Second\] `domainName` 'orders.internal' is also the name of the private hosted zone TestStack\/First\/HostedZone in the same VPC/),
      ]);
    });

    test('fails when a private hosted zone of the same name defined outside any consumer is in the VPC', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      new route53.PrivateHostedZone(stack, 'Zone', { zoneName: 'orders.internal', vpc });

      // WHEN
      consumer(stack, vpc, { domainName: 'orders.internal' });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Consumer\] `domainName` 'orders.internal' is also the name of the private hosted zone TestStack\/Zone in the same VPC; .*ConflictingDomainExists.*pass it as `hostedZone`/),
      ]);
    });

    test('fails when a zone associated with the VPC later, in another stack, has the same name', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const zones = new Stack(app, 'Zones', { env: { account: ACCOUNT, region: REGION } });
      const zone = new route53.PrivateHostedZone(zones, 'Zone', { zoneName: 'Orders.Internal.', vpc: isolatedVpc(zones, 'ZonesVpc') });

      // WHEN
      consumer(stack, vpc, { domainName: 'orders.internal' });
      zone.addVpc(vpc);

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Consumer\] `domainName` 'orders.internal' is also the name of the private hosted zone Zones\/Zone in the same VPC/),
      ]);
    });

    test('fails when a CfnHostedZone of the same name lists the VPC, naming every clashing zone', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      new route53.CfnHostedZone(stack, 'L1Zone', { name: 'orders.internal.', vpcs: [{ vpcId: vpc.vpcId, vpcRegion: REGION }] });
      new route53.PrivateHostedZone(stack, 'Zone', { zoneName: 'orders.internal', vpc });

      // WHEN
      consumer(stack, vpc, { domainName: 'orders.internal' });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Consumer\] `domainName` 'orders.internal' is also the name of the private hosted zones TestStack\/L1Zone, TestStack\/Zone in the same VPC/),
      ]);
    });

    test('fails when a zone of the same name is in the same imported VPC, matched by its ID', () => {
      // GIVEN
      const { app, stack } = setUp();
      const importVpc = (scope: Construct) => ec2.Vpc.fromVpcAttributes(scope, 'Imported', {
        vpcId: 'vpc-0123456789abcdef0',
        vpcCidrBlock: '10.1.0.0/16',
        availabilityZones: AZS,
        isolatedSubnetIds: ['subnet-a', 'subnet-b', 'subnet-c'],
      });
      const zones = new Stack(app, 'Zones', { env: { account: ACCOUNT, region: REGION } });
      new route53.PrivateHostedZone(zones, 'Zone', { zoneName: 'orders.internal', vpc: importVpc(zones) });

      // WHEN
      consumer(stack, importVpc(stack), { domainName: 'orders.internal' });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Consumer\] `domainName` 'orders.internal' is also the name of the private hosted zone Zones\/Zone in the same VPC/),
      ]);
    });

    // Zones whose names only overlap (internal, orders.internal) may share a VPC: Route 53 answers from the most
    // specific (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html).
    test('passes with zones of the same name in other VPCs, a public zone, or a zone of a parent name', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const otherVpc = isolatedVpc(stack, 'OtherVpc');
      new route53.PrivateHostedZone(stack, 'OtherVpcZone', { zoneName: 'orders.internal', vpc: otherVpc });
      new route53.CfnHostedZone(stack, 'OtherVpcL1Zone', { name: 'orders.internal', vpcs: [{ vpcId: otherVpc.vpcId, vpcRegion: REGION }] });
      new route53.PublicHostedZone(stack, 'PublicZone', { zoneName: 'orders.internal' });
      new route53.PrivateHostedZone(stack, 'ParentZone', { zoneName: 'internal', vpc });

      // WHEN
      consumer(stack, vpc, { domainName: 'orders.internal' });

      // THEN
      expect(validationErrors(app)).toEqual([]);
    });

    test('fails when the VPC has DNS hostnames off and names must resolve', () => {
      // GIVEN
      const { app, stack } = testStack({}, AZ_CONTEXT);
      const vpc = isolatedVpc(stack, 'Vpc', { enableDnsHostnames: false });

      // WHEN
      consumer(stack, vpc, { domainName: 'orders.internal' });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Consumer\] `domainName` needs the VPC's DNS support and DNS hostnames, but the VPC has enableDnsHostnames set to false/),
      ]);
    });
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions checks', (_, check) => {
    // GIVEN
    const { stack, vpc } = setUp();
    vpc.addFlowLog('FlowLog');

    // WHEN
    consumer(stack, vpc, { domainName: 'orders.internal', wildcardRecord: true });

    // THEN: cdk-nag 3 reads the template, where the security group admits the VPC's literal CIDR block.
    expect(check(stack)).toEqual([]);
  });

  describe('cost estimate', () => {
    test('prices the endpoint in each AZ it has a network interface in', () => {
      // GIVEN the service is in 2 of the VPC's 3 AZs
      const { stack, vpc } = setUp({ [supportedAzsKey(SERVICE_NAME)]: ['us-east-1a', 'us-east-1b'] });

      // WHEN
      const estimate = consumer(stack, vpc).estimateMonthlyCost();

      // THEN 0.01 x 2 x 730 = 14.60
      expect(estimate.interfaceEndpoint).toEqual({ service: 'vpce-svc-0123456789abcdef0', availabilityZones: 2, monthlyUsd: 14.6 });
      expect(estimate.totalFixedMonthlyUsd).toBe(14.6);
      expect(estimate.dataProcessingUsdPerGb).toBe(0.01);
    });

    test('names a service whose name is a token by where it comes from, never by the token', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const fromProvider = consumer(stack, vpc, { service: provider(stack) }).estimateMonthlyCost();
      const fromParameter = consumer(stack, vpc, { service: EndpointConsumer.serviceFromParameter(stack, '/orders/service-name', 443) }, 'Other')
        .estimateMonthlyCost();

      // THEN
      expect(fromProvider.interfaceEndpoint.service).toBe('the endpoint service of TestStack/Provider');
      expect(fromParameter.interfaceEndpoint.service).toBe('a service whose name is known at deploy time');
      expect(fromProvider.totalFixedMonthlyUsd).toBe(21.9);
    });
  });

  // Counterexamples the property tests (test/properties/) shrank to: each ended in an aws-cdk-lib error that names no
  // path of this library, or in a template the deploy would refuse.
  describe('regressions found by the property tests', () => {
    test('fails when `vpcSubnets` names a subnet group the VPC does not have, with aws-cdk-lib\'s reason', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // THEN
      expect(() => consumer(stack, vpc, { vpcSubnets: { subnetGroupName: 'App' } })).toThrow(
        "EndpointConsumer TestStack/Consumer: `vpcSubnets` selects no subnet of the VPC (There are no subnet groups with name 'App' in this "
        + 'VPC. Available names: Isolated), so the endpoint has nowhere to go. Select at least one private or isolated subnet the VPC has, one per AZ.');
    });

    test('fails when `hostedZone` comes from fromHostedZoneId, whose name is unknown, instead of crashing on it', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { domainName: 'orders.internal.example', hostedZone: route53.HostedZone.fromHostedZoneId(stack, 'Zone', 'Z0123456789') });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Consumer\] `hostedZone` was imported by ID only .* import it with `HostedZone.fromHostedZoneAttributes\(\)`, giving its `zoneName` too$/)]);
    });

    test('fails when `serviceRegion` is not a Region name', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc, { service: EndpointConsumer.serviceFromParameter(stack, '/services/orders/name', 443), serviceRegion: 'Frankfurt' });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(/^\[TestStack\/Consumer\] `serviceRegion` must be a Region name like eu-west-1, got 'Frankfurt'/)]);
    });

    test('fails when `vpcSubnets` selects two subnets whose AZ is the same deploy-time value', () => {
      // GIVEN: an imported VPC with AZs from Fn::GetAZs and two isolated subnet groups
      const { app, stack } = testStack({ env: undefined });
      const azs = [0, 1].map(i => Fn.select(i, Fn.getAzs()));
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: 'vpc-0123456789abcdef0',
        vpcCidrBlock: '10.8.0.0/16',
        availabilityZones: azs,
        isolatedSubnetIds: ['subnet-00000000000000001', 'subnet-00000000000000002', 'subnet-00000000000000003', 'subnet-00000000000000004'],
        isolatedSubnetNames: ['App', 'Data'],
      });

      // WHEN
      consumer(stack, vpc, { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });

      // THEN
      expect(validationErrors(app)).toEqual([0, 1].map(() => expect.stringMatching(
        /^\[TestStack\/Consumer\] `vpcSubnets` selects 2 subnets in one AZ known only at deploy time \(subnet-\d+, subnet-\d+\)/)));
    });

    test('fails when the provider\'s stack has an explicit environment and the consumer\'s has none', () => {
      // GIVEN
      const { app, stack: providerStack } = testStack();
      const consumerStack = new Stack(app, 'ConsumerStack');
      const service = provider(providerStack);

      // THEN
      expect(() => consumer(consumerStack, isolatedVpc(consumerStack, 'Vpc'), { service })).toThrow(
        /^EndpointConsumer ConsumerStack\/Consumer: `service` is the provider at TestStack\/Provider, whose stack has the explicit environment 123456789012\/us-east-1, but this stack has no explicit environment/);
    });
  });

  describe('snapshots', () => {
    test('defaults', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      consumer(stack, vpc);

      // THEN
      expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
    });

    test('all props', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const securityGroup = new ec2.SecurityGroup(stack, 'EndpointSecurityGroup', { vpc, allowAllOutbound: false });

      // WHEN
      consumer(stack, vpc, {
        service: new ec2.InterfaceVpcEndpointService(SERVICE_NAME.replace('us-east-1', 'us-west-2'), 8443),
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: ['us-east-1a', 'us-east-1b'] },
        privateDnsEnabled: false,
        domainName: 'orders.internal.example.com',
        wildcardRecord: true,
        serviceRegion: 'us-west-2',
        securityGroups: [securityGroup],
      });

      // THEN
      expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
    });
  });
});
