import { CfnElement, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { schemaCheckedTemplate } from './schema';
import { AWS_SOLUTIONS_CHECKS, AZS, isolatedVpc, testStack, validationErrors } from './util';
import { InboundResolverEndpoint, InboundResolverEndpointProps } from '../src/inbound-resolver-endpoint';

const ON_PREMISES = '192.168.0.0/16';

function setUp(vpcProps: ec2.VpcProps = {}) {
  const { app, stack } = testStack();
  const vpc = isolatedVpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'), ...vpcProps });
  return { app, stack, vpc };
}

function inbound(scope: Construct, vpc: ec2.IVpc, props: Partial<InboundResolverEndpointProps> = {}): InboundResolverEndpoint {
  return new InboundResolverEndpoint(scope, 'Inbound', { vpc, onPremisesCidrs: [ON_PREMISES], ...props });
}

const subnetRefs = (stack: Stack, subnets: ec2.ISubnet[]) =>
  subnets.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) }));

/** An imported VPC with one isolated subnet in each of `azs`. */
function importedVpc(stack: Stack, azs: string[]): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
    vpcId: 'vpc-0123456789abcdef0',
    availabilityZones: azs,
    isolatedSubnetIds: azs.map((_, i) => `subnet-0${String(i).padStart(16, '0')}`),
  });
}

/** The DNS rules of the endpoint's security group for one peer: TCP and UDP 53. */
const dnsRules = (peer: Record<string, string>) => ['tcp', 'udp'].map(protocol => ({
  ...peer,
  IpProtocol: protocol,
  FromPort: 53,
  ToPort: 53,
  Description: `DNS over ${protocol.toUpperCase()} from on premises (onPremisesCidrs)`,
}));

describe('InboundResolverEndpoint', () => {
  describe('endpoint', () => {
    test('defines an inbound endpoint with one address in each AZ, in the isolated subnets by default', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      const endpoint = inbound(stack, vpc);

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Route53Resolver::ResolverEndpoint', 1);
      template.hasResourceProperties('AWS::Route53Resolver::ResolverEndpoint', {
        Direction: 'INBOUND',
        Name: Match.stringLikeRegexp('^teststack-inbound-[a-z0-9]+$'),
        IpAddresses: subnetRefs(stack, vpc.isolatedSubnets).map(subnetId => ({ SubnetId: subnetId })),
        SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^InboundSecurityGroup'), 'GroupId'] }],
        ResolverEndpointType: Match.absent(),
      });
      expect(endpoint.availabilityZones).toEqual(AZS);
      expect(validationErrors(app)).toEqual([]);
    });

    test('takes one private subnet per AZ in a VPC without isolated subnets', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });

      // WHEN
      inbound(stack, vpc);

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::Route53Resolver::ResolverEndpoint', {
        IpAddresses: subnetRefs(stack, vpc.privateSubnets).map(subnetId => ({ SubnetId: subnetId })),
      });
    });

    test('takes the subnets `vpcSubnets` selects', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const endpoint = inbound(stack, vpc, { vpcSubnets: { availabilityZones: ['us-east-1a', 'us-east-1c'] } });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::Route53Resolver::ResolverEndpoint', {
        IpAddresses: subnetRefs(stack, [vpc.isolatedSubnets[0], vpc.isolatedSubnets[2]]).map(subnetId => ({ SubnetId: subnetId })),
      });
      expect(endpoint.availabilityZones).toEqual(['us-east-1a', 'us-east-1c']);
    });

    test('exposes the endpoint\'s ID and ARN', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const endpoint = inbound(stack, vpc);

      // THEN
      const id = stack.getLogicalId(endpoint.node.findChild('Endpoint') as CfnElement);
      expect(stack.resolve(endpoint.resolverEndpointId)).toEqual({ 'Fn::GetAtt': [id, 'ResolverEndpointId'] });
      expect(stack.resolve(endpoint.resolverEndpointArn)).toEqual({ 'Fn::GetAtt': [id, 'Arn'] });
    });
  });

  describe('security group', () => {
    test('admits TCP and UDP 53 from each on-premises network and nothing else, with no egress', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      inbound(stack, vpc, { onPremisesCidrs: ['192.168.0.0/16', '2001:DB8::/32', 'pl-0123456789abcdef0', '192.168.0.0/16'] });

      // THEN duplicates are written once, IPv6 in lower case
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        VpcId: { Ref: Match.stringLikeRegexp('^Vpc') },
        SecurityGroupIngress: [...dnsRules({ CidrIp: '192.168.0.0/16' }), ...dnsRules({ CidrIpv6: '2001:db8::/32' })],
        // aws-cdk-lib's rule that matches no traffic, written when a group allows no outbound traffic.
        SecurityGroupEgress: [{ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic', FromPort: 252, IpProtocol: 'icmp', ToPort: 86 }],
      });
      // aws-cdk-lib writes a prefix list's rules as resources of their own.
      const groupId = { 'Fn::GetAtt': [Match.stringLikeRegexp('^InboundSecurityGroup'), 'GroupId'] };
      expect(Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).map(resource => resource.Properties))
        .toEqual(dnsRules({ SourcePrefixListId: 'pl-0123456789abcdef0' }).map(rule => ({ ...rule, GroupId: expect.anything() })));
      dnsRules({ SourcePrefixListId: 'pl-0123456789abcdef0' }).forEach(rule =>
        template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { ...rule, GroupId: groupId }));
      template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
    });

    test('takes a network known only at deploy time as IPv4', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const network = new CfnParameter(stack, 'OnPremises').valueAsString;

      // WHEN
      const endpoint = inbound(stack, vpc, { onPremisesCidrs: [network] });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: dnsRules({ CidrIp: 'OnPremises' }).map(rule => ({ ...rule, CidrIp: { Ref: 'OnPremises' } })),
      });
      expect(validationErrors(app)).toEqual([]);
      expect(endpoint.securityGroup).toBeDefined();
    });
  });

  describe('addresses', () => {
    test('reads them when deployed, in the order of the subnets, with a function that may list this endpoint\'s only', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const endpoint = inbound(stack, vpc);

      // THEN
      const template = Template.fromStack(stack);
      const endpointId = stack.getLogicalId(endpoint.node.findChild('Endpoint') as CfnElement);
      template.hasResourceProperties('Custom::ResolverEndpointIpAddresses', {
        ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^InboundAddressesHandler'), 'Arn'] },
        ResolverEndpointId: { 'Fn::GetAtt': [endpointId, 'ResolverEndpointId'] },
        SubnetIds: subnetRefs(stack, vpc.isolatedSubnets),
      });
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([{
            Action: 'route53resolver:ListResolverEndpointIpAddresses',
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [endpointId, 'Arn'] },
          }]),
        },
      });
      template.resourceCountIs('AWS::Lambda::Function', 1);
      template.hasResourceProperties('AWS::Lambda::Function', { Code: { ZipFile: Match.stringLikeRegexp('ListResolverEndpointIpAddressesCommand') } });
    });

    test('outputs them comma-separated and exposes them one per subnet', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const endpoint = inbound(stack, vpc);

      // THEN
      const addressesId = stack.getLogicalId(endpoint.node.findChild('Addresses').node.defaultChild as CfnElement);
      const commaSeparated = { 'Fn::GetAtt': [addressesId, 'IpAddresses'] };
      Template.fromStack(stack).hasOutput('*', {
        Description: Match.stringLikeRegexp('^IPv4 addresses of the Route 53 Resolver inbound endpoint, comma-separated'),
        Value: commaSeparated,
      });
      expect(stack.resolve(endpoint.ipAddresses)).toEqual([0, 1, 2].map(i => ({ 'Fn::Select': [i, { 'Fn::Split': [',', commaSeparated] }] })));
    });
  });

  describe('validation', () => {
    test('fails with fewer than two AZs', () => {
      // GIVEN
      const { app, stack, vpc } = setUp({ maxAzs: 1 });

      // WHEN
      inbound(stack, vpc);

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Inbound] `vpcSubnets` selects subnets in 1 AZ (us-east-1a); a Route 53 Resolver endpoint needs IP addresses '
        + 'in at least 2 AZs. Select one subnet in each of at least 2 AZs, or give the VPC subnets in a second AZ.',
      ]);
    });

    test('fails with two subnets in one AZ', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        maxAzs: 2,
        natGateways: 0,
        subnetConfiguration: [
          { name: 'Dns', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          { name: 'Other', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        ],
      });

      // WHEN
      inbound(stack, vpc, { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });

      // THEN
      expect(validationErrors(app)).toEqual(['us-east-1a', 'us-east-1b'].map(az =>
        `[TestStack/Inbound] \`vpcSubnets\` selects 2 subnets in ${az} (TestStack/Vpc/DnsSubnet${az.endsWith('a') ? 1 : 2}, `
        + `TestStack/Vpc/OtherSubnet${az.endsWith('a') ? 1 : 2}); a Route 53 Resolver endpoint takes at most one subnet per AZ. `
        + 'Narrow the selection (e.g. `subnetGroupName`) or set `onePerAz: true`.'));
    });

    test('fails when the selection picks no subnet, with aws-cdk-lib\'s reason', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      inbound(stack, vpc, { vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Inbound\] `vpcSubnets` selects no subnet \(There are no 'Public' subnet groups in this VPC\. .*\); a Route 53 Resolver endpoint needs IP addresses in at least 2 AZs\./)]);
    });

    test('fails with no on-premises network, and names each invalid one', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      inbound(stack, vpc, { onPremisesCidrs: [] });
      new InboundResolverEndpoint(stack, 'Invalid', { vpc, onPremisesCidrs: ['10.0.0.0/33', 'corp.example.com', '192.168.0.0/16'] });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Inbound] `onPremisesCidrs` is empty, so the inbound endpoint\'s security group would admit no DNS client. '
        + 'List the networks whose DNS servers forward to it (10.0.0.0/8, a prefix list pl-...).',
        '[TestStack/Invalid] `onPremisesCidrs` must hold IPv4 or IPv6 CIDR blocks (10.20.0.0/16, 2001:db8::/56) or prefix list '
        + 'IDs (pl-0123456789abcdef0), got \'10.0.0.0/33\', \'corp.example.com\'. Fix or remove them.',
      ]);
    });

    test('warns when every address is admitted, with an ID to acknowledge', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      inbound(stack, vpc, { onPremisesCidrs: ['0.0.0.0/0'] });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Inbound', Match.stringLikeRegexp(
        '^`onPremisesCidrs` includes 0.0.0.0/0, so every network that can route to the VPC may query the inbound endpoint on port 53.*'
        + 'cdk-private-endpoints:InboundResolverEndpoint.anyAddressAdmitted'));
    });

    test('warns of IPv6 networks, which an IPv4 endpoint cannot be reached from', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      inbound(stack, vpc, { onPremisesCidrs: ['2001:db8::/32'] });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Inbound', Match.stringLikeRegexp(
        '^`onPremisesCidrs` includes IPv6 blocks \\(2001:db8::/32\\).*InboundResolverEndpoint.ipv6Clients'));
    });

    test('warns above the quota of 6 IP addresses per endpoint', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = importedVpc(stack, ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(letter => `us-east-1${letter}`));

      // WHEN
      inbound(stack, vpc);

      // THEN
      expect(validationErrors(app)).toEqual([]);
      Annotations.fromStack(stack).hasWarning('/TestStack/Inbound', Match.stringLikeRegexp(
        "^IP addresses of the endpoint \\(one per subnet of `vpcSubnets`\\): 7, above the quota 'IP addresses per Resolver endpoint' "
        + 'of 6 .*InboundResolverEndpoint.ipAddressesPerEndpoint'));
    });

    test('is silent at 6 IP addresses', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = importedVpc(stack, ['a', 'b', 'c', 'd', 'e', 'f'].map(letter => `us-east-1${letter}`));

      // WHEN
      inbound(stack, vpc);

      // THEN
      expect(Annotations.fromStack(stack).findWarning('/TestStack/Inbound', Match.anyValue())).toEqual([]);
    });

    test('refuses props of the wrong type from JavaScript, naming the prop', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // THEN
      expect(() => new InboundResolverEndpoint(stack, 'Inbound', { vpc, onPremisesCidrs: '10.0.0.0/8' as never }))
        .toThrow(/onPremisesCidrs/);
    });
  });

  describe('estimateMonthlyCost', () => {
    test('charges each IP address by the hour: 3 in us-east-1 at 273.75 a month', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const estimate = inbound(stack, vpc).estimateMonthlyCost();

      // THEN 0.125 x 3 x 730
      expect(estimate).toMatchObject({ region: 'us-east-1', ipAddresses: 3, priced: true, totalFixedMonthlyUsd: 273.75, queriesUsdPerMillion: 0.4 });
    });
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
    // GIVEN
    const { stack, vpc } = setUp();
    vpc.addFlowLog('FlowLog');

    // WHEN
    inbound(stack, vpc);

    // THEN
    expect(errors(stack)).toEqual([]);
  });

  describe('snapshots', () => {
    test('defaults', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      inbound(stack, vpc);

      // THEN
      expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
    });

    test('all props', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      inbound(stack, vpc, {
        onPremisesCidrs: ['192.168.0.0/16', '172.16.0.0/12', 'pl-0123456789abcdef0'],
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: ['us-east-1a', 'us-east-1b'] },
      });

      // THEN
      expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
    });
  });
});
