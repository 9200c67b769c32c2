import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import { ACCOUNT, AWS_SOLUTIONS_CHECKS, AZS, isolatedVpc, REGION, testStack, validationErrors } from './util';
import { PrivateDnsPreference } from '../src/private-dns-preference';
import { PrivateResourceEndpoint, PrivateResourceEndpointProps } from '../src/private-resource-endpoint';
import { PrivateResourceShare } from '../src/private-resource-share';
import { PortRange, ResourceDefinition } from '../src/resource-definition';

const ARN = 'arn:aws:vpc-lattice:us-east-1:222222222222:resourceconfiguration/rcfg-0123456789abcdef0';

// A VPC defined in the app is admitted by the literal CIDR block it was defined with.
const VPC_CIDR = '10.1.0.0/16';

function setUp() {
  const { app, stack } = testStack();
  const vpc = isolatedVpc(stack, 'Vpc', { maxAzs: 3, ipAddresses: ec2.IpAddresses.cidr(VPC_CIDR) });
  return { app, stack, vpc };
}

function endpoint(scope: Construct, vpc: ec2.IVpc, props: Partial<PrivateResourceEndpointProps> = {}, id = 'Endpoint'): PrivateResourceEndpoint {
  return new PrivateResourceEndpoint(scope, id, {
    vpc,
    ...(props.resourceShare ? {} : { resourceConfigurationArn: ARN, portRanges: [PortRange.tcp(5432)] }),
    ...props,
  });
}

/** A share of a host in a VPC of its own in `stack`. */
function share(stack: Stack, props: { customDomainName?: string; domainVerificationId?: string; maxAzs?: number } = {}): PrivateResourceShare {
  const vpc = isolatedVpc(stack, 'ResourceVpc', { maxAzs: props.maxAzs ?? 3 });
  return new PrivateResourceShare(stack, 'Share', {
    vpc,
    resource: ResourceDefinition.ipAddress('10.0.0.25'),
    portRanges: [PortRange.tcp(5432), PortRange.tcpRange(9000, 9001)],
    customDomainName: props.customDomainName,
    domainVerificationId: props.domainVerificationId,
  });
}

const DV = 'dv-0123456789abcdef0';

const IMPORTED_VPC = { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-0123456789abcdef0'] };

const subnetRefs = (stack: Stack, subnets: ec2.ISubnet[]) =>
  subnets.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) }));

describe('PrivateResourceEndpoint', () => {
  describe('endpoint', () => {
    test('defines a resource endpoint to the resource configuration ARN with one subnet per AZ', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const consumer = endpoint(stack, vpc);

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::VPCEndpoint', 1);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Resource',
        ResourceConfigurationArn: ARN,
        VpcId: { Ref: Match.stringLikeRegexp('^Vpc') },
        SubnetIds: subnetRefs(stack, vpc.isolatedSubnets),
        SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^EndpointSecurityGroup'), 'GroupId'] }],
        PrivateDnsEnabled: false,
        ServiceName: Match.absent(),
      });
      expect(consumer.availabilityZones).toEqual(AZS);
      expect(consumer.resourceConfigurationArn).toBe(ARN);
      const endpointId = stack.getLogicalId(consumer.node.findChild('Endpoint') as CfnElement);
      expect(stack.resolve(consumer.vpcEndpointId)).toEqual({ Ref: endpointId });
      expect(stack.resolve(consumer.dnsName)).toEqual({
        'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Select': [0, { 'Fn::GetAtt': [endpointId, 'DnsEntries'] }] }] }],
      });
    });

    test('takes a share of the same stack: its ARN and ports', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const shared = share(stack);

      // WHEN
      const consumer = endpoint(stack, vpc, { resourceShare: shared });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ResourceConfigurationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ShareResourceConfiguration'), 'Arn'] },
        PrivateDnsEnabled: false,
      });
      expect(consumer.portRanges).toBe(shared.portRanges);
    });

    test('takes a share from another stack of the same account through an export', () => {
      // GIVEN
      const app = new App({ context: { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS } });
      const env = { account: ACCOUNT, region: REGION };
      const provider = new Stack(app, 'Provider', { env });
      const consumerStack = new Stack(app, 'Consumer', { env });
      const shared = share(provider);

      // WHEN
      endpoint(consumerStack, isolatedVpc(consumerStack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr(VPC_CIDR) }), { resourceShare: shared });

      // THEN
      Template.fromStack(consumerStack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ResourceConfigurationArn: { 'Fn::ImportValue': Match.stringLikeRegexp('^Provider:ExportsOutputFnGetAttShareResourceConfiguration') },
      });
    });

    test('turns on private DNS for a verified custom domain name, answers verified names only, and names it as the DNS name', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const consumer = endpoint(stack, vpc, { resourceShare: share(stack, { customDomainName: 'orders.example.com', domainVerificationId: DV }) });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        PrivateDnsEnabled: true,
        DnsOptions: { PrivateDnsPreference: 'VERIFIED_DOMAINS_ONLY', PrivateDnsSpecifiedDomains: Match.absent() },
      });
      expect(consumer.dnsName).toBe('orders.example.com');
      expect(consumer.privateDomainNames).toEqual(['orders.example.com']);
    });

    test('names the endpoint\'s own DNS name, with a warning, for an unverified custom domain name that will not resolve', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const consumer = endpoint(stack, vpc, { resourceShare: share(stack, { customDomainName: 'orders.example.com' }) });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        PrivateDnsEnabled: true,
        DnsOptions: { PrivateDnsPreference: 'VERIFIED_DOMAINS_ONLY' },
      });
      const endpointId = stack.getLogicalId(consumer.node.findChild('Endpoint') as CfnElement);
      expect(stack.resolve(consumer.dnsName)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Select': [0, { 'Fn::GetAtt': [endpointId, 'DnsEntries'] }] }] }] });
      expect(consumer.privateDomainNames).toEqual([]);
      Annotations.fromStack(stack).hasWarning('/TestStack/Endpoint', Match.stringLikeRegexp(
        "^the custom domain name 'orders.example.com' of the share at TestStack/Share will not resolve in this VPC: it is not verified, "
        + 'and private DNS preference VERIFIED_DOMAINS_ONLY answers verified names only .*Have the provider verify the name '
        + '.*\\[ack: cdk-private-endpoints:PrivateResourceEndpoint.customDomainNotResolved\\]$'));
    });

    test.each([
      ['ALL_DOMAINS', PrivateDnsPreference.ALL_DOMAINS, undefined],
      ['an exact specified domain', PrivateDnsPreference.SPECIFIED_DOMAINS_ONLY, ['orders.example.com']],
      ['a wildcard specified domain', PrivateDnsPreference.VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS, ['*.example.com']],
    ])('answers an unverified custom domain name with %s', (_, preference, specifiedDomains) => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const consumer = endpoint(stack, vpc, {
        resourceShare: share(stack, { customDomainName: 'orders.example.com' }),
        privateDnsPreference: preference,
        privateDnsSpecifiedDomains: specifiedDomains,
      });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        DnsOptions: { PrivateDnsPreference: preference, PrivateDnsSpecifiedDomains: specifiedDomains ?? Match.absent() },
      });
      expect(consumer.dnsName).toBe('orders.example.com');
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('customDomainNotResolved'))).toEqual([]);
    });

    test('does not answer a verified name with SPECIFIED_DOMAINS_ONLY unless it is specified', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const consumer = endpoint(stack, vpc, {
        resourceShare: share(stack, { customDomainName: 'orders.example.com', domainVerificationId: DV }),
        privateDnsPreference: PrivateDnsPreference.SPECIFIED_DOMAINS_ONLY,
        privateDnsSpecifiedDomains: ['billing.example.com'],
      });

      // THEN
      expect(consumer.privateDomainNames).toEqual([]);
      Annotations.fromStack(stack).hasWarning('/TestStack/Endpoint', Match.stringLikeRegexp(
        "it is verified, and private DNS preference SPECIFIED_DOMAINS_ONLY answers only the names in `privateDnsSpecifiedDomains`.*Add 'orders.example.com' to `privateDnsSpecifiedDomains`"));
    });

    test('names the members of a group whose names resolve, and the endpoint\'s own DNS name as dnsName', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const group = new PrivateResourceShare(stack, 'Group', {
        vpc: isolatedVpc(stack, 'GroupVpc'),
        resource: ResourceDefinition.group([
          { name: 'Primary', definition: ResourceDefinition.ipAddress('10.0.0.10'), customDomainName: 'primary.db.example.com' },
          { name: 'Replica', definition: ResourceDefinition.ipAddress('10.0.0.11'), customDomainName: 'replica.db.example.com' },
        ]),
        portRanges: [PortRange.tcp(5432)],
        customDomainName: 'db.example.com',
        domainVerificationId: DV,
      });

      // WHEN
      const consumer = endpoint(stack, vpc, { resourceShare: group });

      // THEN
      expect(consumer.privateDomainNames).toEqual(['primary.db.example.com', 'replica.db.example.com']);
      expect(stack.resolve(consumer.dnsName)).toMatchObject({ 'Fn::Select': [1, expect.anything()] });
    });

    test('turns private DNS on for a DNS preference given with a resource configuration ARN', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      endpoint(stack, vpc, { privateDnsPreference: PrivateDnsPreference.SPECIFIED_DOMAINS_ONLY, privateDnsSpecifiedDomains: ['orders.example.com'] });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        PrivateDnsEnabled: true,
        DnsOptions: { PrivateDnsPreference: 'SPECIFIED_DOMAINS_ONLY', PrivateDnsSpecifiedDomains: ['orders.example.com'] },
      });
    });

    test('keeps private DNS off when asked, even with a custom domain name', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      endpoint(stack, vpc, { resourceShare: share(stack, { customDomainName: 'orders.example.com' }), privateDnsEnabled: false });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { PrivateDnsEnabled: false, DnsOptions: Match.absent() });
    });
  });

  describe('security group', () => {
    test('allows only the resource\'s ports from the VPC CIDR and clientCidrs, with no egress', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      endpoint(stack, vpc, {
        portRanges: [PortRange.tcp(5432), PortRange.tcpRange(9000, 9001)],
        clientCidrs: ['192.168.0.0/16'],
      });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
        GroupDescription: Match.stringLikeRegexp('^Resource endpoint to a PrivateLink resource'),
        SecurityGroupIngress: [
          { CidrIp: VPC_CIDR, IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, Description: 'Endpoint clients in the VPC, port 5432' },
          { CidrIp: VPC_CIDR, IpProtocol: 'tcp', FromPort: 9000, ToPort: 9001, Description: 'Endpoint clients in the VPC, port 9000-9001' },
          Match.objectLike({ CidrIp: '192.168.0.0/16', FromPort: 5432, ToPort: 5432 }),
          Match.objectLike({ CidrIp: '192.168.0.0/16', FromPort: 9000, ToPort: 9001 }),
        ],
        SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })],
      });
    });

    test('admits a database shared in the same app on its deploy-time port', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const resourceVpc = isolatedVpc(stack, 'ResourceVpc');
      const database = new rds.DatabaseInstance(stack, 'Db', {
        engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17_5 }),
        vpc: resourceVpc,
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        storageEncrypted: true,
      });
      const shared = new PrivateResourceShare(stack, 'Share', { vpc: resourceVpc, resource: ResourceDefinition.rdsInstance(database) });

      // WHEN
      endpoint(stack, vpc, { resourceShare: shared });

      // THEN
      const port = { 'Fn::GetAtt': [stack.getLogicalId(database.node.defaultChild as rds.CfnDBInstance), 'Endpoint.Port'] };
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EndpointSecurityGroup'), 'GroupId'] },
        CidrIp: VPC_CIDR,
        FromPort: port,
        ToPort: port,
        Description: 'Endpoint clients in the VPC, port set at deploy time',
      });
    });

    test('uses given security groups as they are', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const securityGroup = new ec2.SecurityGroup(stack, 'Clients', { vpc, allowAllOutbound: false });

      // WHEN
      endpoint(stack, vpc, { securityGroups: [securityGroup], portRanges: undefined });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        SecurityGroupIds: [{ 'Fn::GetAtt': [stack.getLogicalId(securityGroup.node.defaultChild as ec2.CfnSecurityGroup), 'GroupId'] }],
      });
    });

    test('is connectable: clients are allowed on the resource\'s port', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const consumer = endpoint(stack, vpc);
      const app = new ec2.SecurityGroup(stack, 'App', { vpc, allowAllOutbound: false });

      // WHEN
      consumer.connections.allowDefaultPortFrom(app);

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EndpointSecurityGroup'), 'GroupId'] },
        SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^App'), 'GroupId'] },
        FromPort: 5432,
        ToPort: 5432,
      });
    });
  });

  describe('validation', () => {
    test('warns when the endpoint lands in public subnets, as the default selection of a VPC with public subnets only does', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });

      // WHEN
      endpoint(stack, vpc);

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Endpoint', Match.stringLikeRegexp(
        'the resource endpoint is placed in public subnets \\(TestStack/Vpc/PublicSubnet1, TestStack/Vpc/PublicSubnet2\\).*'
        + 'cdk-private-endpoints:PrivateResourceEndpoint.publicSubnets'));
    });

    test('does not warn about private or isolated subnets', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      endpoint(stack, vpc);

      // THEN
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('publicSubnets'))).toEqual([]);
    });

    test('fails at once without exactly one of resourceShare and resourceConfigurationArn', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const shared = share(stack);

      // THEN
      expect(() => new PrivateResourceEndpoint(stack, 'Neither', { vpc })).toThrow(/give exactly one of `resourceShare`/);
      expect(() => new PrivateResourceEndpoint(stack, 'Both', { vpc, resourceShare: shared, resourceConfigurationArn: ARN }))
        .toThrow(/give exactly one of `resourceShare`/);
    });

    test('fails at once when a share object is in another Region, or beside an environment-agnostic stack', () => {
      // GIVEN
      const app = new App();
      const provider = new Stack(app, 'Provider', { env: { account: ACCOUNT, region: REGION } });
      const shared = share(provider);
      const inRegion = (id: string, env?: { account: string; region: string }) => {
        const stack = new Stack(app, id, { env });
        return () => endpoint(stack, isolatedVpc(stack), { resourceShare: shared });
      };

      // THEN
      expect(inRegion('Elsewhere', { account: ACCOUNT, region: 'eu-west-1' })).toThrow(
        /^PrivateResourceEndpoint Elsewhere\/Endpoint: `resourceShare` is the share at Provider\/Share in us-east-1, but this stack is in eu-west-1/);
      expect(inRegion('Agnostic')).toThrow(
        /^PrivateResourceEndpoint Agnostic\/Endpoint: `resourceShare` is the share at Provider\/Share in us-east-1, but this stack is in an environment-agnostic stack/);
    });

    test('fails at once when a share of a Region-only stack is used beside an environment-agnostic stack', () => {
      // GIVEN: the share's stack names its Region only, so its account is a token
      const app = new App();
      const shared = share(new Stack(app, 'Provider', { env: { region: REGION } }));
      const stack = new Stack(app, 'Agnostic');

      // THEN
      expect(() => endpoint(stack, isolatedVpc(stack), { resourceShare: shared })).toThrow(
        /^PrivateResourceEndpoint Agnostic\/Endpoint: `resourceShare` is the share at Provider\/Share in us-east-1, but this stack is in an environment-agnostic stack/);
    });

    test('fails at once when a share object is used from another account, or no subnet is selected', () => {
      // GIVEN
      const app = new App();
      const provider = new Stack(app, 'Provider', { env: { account: '111111111111', region: REGION } });
      const consumerStack = new Stack(app, 'Consumer', { env: { account: '222222222222', region: REGION } });
      const vpc = isolatedVpc(consumerStack);

      // THEN
      expect(() => endpoint(consumerStack, vpc, { resourceShare: share(provider) })).toThrow(
        /^PrivateResourceEndpoint Consumer\/Endpoint: `resourceShare` is the share at Provider\/Share in account 111111111111, but this stack is in account 222222222222/);
      expect(() => endpoint(consumerStack, vpc, { vpcSubnets: { availabilityZones: ['us-east-1f'] } }, 'NoSubnet')).toThrow(
        /`vpcSubnets` selects no subnet of the VPC/);
      // A subnet type the VPC lacks fails the same way, not in aws-cdk-lib's selectSubnets.
      expect(() => endpoint(consumerStack, vpc, { vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } }, 'NoPublicSubnet')).toThrow(
        /^PrivateResourceEndpoint Consumer\/NoPublicSubnet: `vpcSubnets` selects no subnet of the VPC \(There are no 'Public' subnet groups/);
    });

    test('reports every problem at once: the ARN, the ports, the subnets and clientCidrs', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        maxAzs: 1,
        natGateways: 0,
        subnetConfiguration: [
          { name: 'A', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          { name: 'B', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        ],
      });

      // WHEN
      endpoint(stack, vpc, {
        resourceConfigurationArn: 'rcfg-0123456789abcdef0',
        portRanges: [PortRange.tcpRange(10, 1)],
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        clientCidrs: ['on-premises'],
      });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Endpoint\] `resourceConfigurationArn` must be the ARN of a resource configuration/),
        expect.stringMatching(/^\[TestStack\/Endpoint\] `portRanges` must hold TCP ports 1..65535 .* got 10-1/),
        expect.stringMatching(/^\[TestStack\/Endpoint\] `vpcSubnets` selects 2 subnets in us-east-1a .*; a resource endpoint takes at most one subnet per AZ/),
        expect.stringMatching(/^\[TestStack\/Endpoint\] `clientCidrs` must hold IPv4 or IPv6 CIDR blocks .* got 'on-premises'/),
      ]);
    });

    test('fails without port ranges for its own security group, or with clientCidrs and given security groups', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const securityGroup = new ec2.SecurityGroup(stack, 'Clients', { vpc });

      // WHEN
      endpoint(stack, vpc, { portRanges: undefined });
      endpoint(stack, vpc, { securityGroups: [securityGroup], clientCidrs: ['192.168.0.0/16'] }, 'Given');

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Endpoint\] `portRanges` is missing: with `resourceConfigurationArn`/),
        expect.stringMatching(/^\[TestStack\/Given\] `clientCidrs` is given with `securityGroups`/),
      ]);
    });

    test('fails in a VPC imported without its CIDR block', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', IMPORTED_VPC);

      // WHEN
      endpoint(stack, vpc);

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Endpoint\] `vpc` was imported without `vpcCidrBlock`, .* no workload could reach the resource endpoint/),
      ]);
    });

    test('warns in an imported VPC, whose secondary CIDR blocks cannot be seen, until clientCidrs is given', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { ...IMPORTED_VPC, vpcCidrBlock: VPC_CIDR });

      // WHEN
      endpoint(stack, vpc);
      endpoint(stack, vpc, { clientCidrs: [] }, 'Acknowledged');

      // THEN
      const annotations = Annotations.fromStack(stack);
      annotations.hasWarning('/TestStack/Endpoint', Match.stringLikeRegexp('\\[ack: cdk-private-endpoints:PrivateResourceEndpoint.cidrBlocksUnknown\\]'));
      annotations.hasNoWarning('/TestStack/Acknowledged', Match.anyValue());
    });

    test('fails in the resource gateway\'s own VPC', () => {
      // GIVEN
      const { app, stack } = setUp();
      const shared = share(stack);

      // WHEN
      endpoint(stack, shared.vpc, { resourceShare: shared });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Endpoint\] `vpc` \(TestStack\/ResourceVpc\) is the VPC of the resource gateway of TestStack\/Share, and VPC Lattice creates no resource endpoint/),
      ]);
    });

    test('fails when it shares no AZ with the resource gateway of the same account and Region', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const shared = share(stack, { maxAzs: 1 });

      // WHEN
      endpoint(stack, vpc, { resourceShare: shared, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: ['us-east-1b', 'us-east-1c'] } });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Endpoint\] `vpcSubnets` places the endpoint in us-east-1b, us-east-1c, none of which the resource gateway of TestStack\/Share is in \(us-east-1a\)/),
      ]);
    });

    test('fails when private DNS is on in a VPC without DNS hostnames', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = isolatedVpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr(VPC_CIDR), enableDnsHostnames: false });

      // WHEN
      endpoint(stack, vpc, { privateDnsEnabled: true });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Endpoint\] `privateDnsEnabled` needs the VPC's DNS support and DNS hostnames, but the VPC has enableDnsHostnames set to false/),
      ]);
    });
  });

  describe('estimateMonthlyCost', () => {
    test('prices a resource endpoint in 3 AZs in us-east-1 at 21.90 a month, plus data processed', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const estimate = endpoint(stack, vpc).estimateMonthlyCost();

      // THEN 0.01 USD x 3 AZs x 730 h = 21.90
      expect(estimate).toEqual({
        region: 'us-east-1',
        availabilityZones: 3,
        priced: true,
        note: expect.stringMatching(/^Estimate for us-east-1 at list prices checked on \d{4}-\d{2}-\d{2}, 730 hours a month/),
        totalFixedMonthlyUsd: 21.9,
        dataProcessingUsdPerGb: 0.01,
        pricesAsOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        pricesSource: 'https://aws.amazon.com/privatelink/pricing/ and https://aws.amazon.com/vpc/lattice/pricing/',
      });
    });

    test('counts AZs, not subnets: 2 AZs are 14.60 a month', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const consumer = endpoint(stack, vpc, { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: ['us-east-1a', 'us-east-1b'] } });

      // THEN 0.01 USD x 2 AZs x 730 h = 14.60
      expect(consumer.estimateMonthlyCost().totalFixedMonthlyUsd).toBe(14.6);
    });

    test('is not priced in an environment-agnostic stack', () => {
      // GIVEN
      const app = new App();
      const stack = new Stack(app, 'Agnostic');
      const vpc = isolatedVpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr(VPC_CIDR) });

      // WHEN
      const estimate = endpoint(stack, vpc).estimateMonthlyCost();

      // THEN
      expect(estimate.priced).toBe(false);
      expect(estimate.totalFixedMonthlyUsd).toBeUndefined();
      expect(estimate.note).toMatch(/^Not priced: the stack's Region is not known at synth time/);
    });
  });

  test('warns above the quota of 200 resource endpoints in a VPC', () => {
    // GIVEN
    const { stack, vpc } = setUp();
    const securityGroups = [new ec2.SecurityGroup(stack, 'Shared', { vpc })];

    // WHEN
    for (let i = 0; i < 201; i++) {
      endpoint(stack, vpc, { resourceConfigurationArn: ARN.replace(/.{3}$/, String(i).padStart(3, '0')), securityGroups }, `Endpoint${i}`);
    }

    // THEN
    Annotations.fromStack(stack).hasWarning('/TestStack/Endpoint200', Match.stringLikeRegexp(
      "^resource endpoints in the VPC: 201, above the quota 'Resource VPC endpoints per VPC' of 200 .*PrivateResourceEndpoint.resourceEndpointsPerVpc"));
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
    // GIVEN
    const { stack, vpc } = setUp();
    vpc.addFlowLog('FlowLog');

    // WHEN
    endpoint(stack, vpc, { clientCidrs: ['192.168.0.0/16'] });

    // THEN
    expect(errors(stack)).toEqual([]);
  });

  describe('snapshots', () => {
    test('defaults', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      endpoint(stack, vpc);

      // THEN
      expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
    });

    test('all props', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      endpoint(stack, vpc, {
        resourceShare: share(stack, { customDomainName: 'orders.example.com' }),
        portRanges: [PortRange.tcp(5432)],
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: ['us-east-1a', 'us-east-1b'] },
        clientCidrs: ['192.168.0.0/16'],
        privateDnsEnabled: true,
      });

      // THEN
      expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
    });
  });
});
