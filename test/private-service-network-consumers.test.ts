import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { hostShare } from './lattice-fixtures';
import { ACCOUNT, AWS_SOLUTIONS_CHECKS, AZS, isolatedVpc, REGION, testStack, validationErrors } from './util';
import { PrivateDnsPreference } from '../src/private-dns-preference';
import { PrivateResourceEndpoint } from '../src/private-resource-endpoint';
import { PrivateServiceNetwork } from '../src/private-service-network';
import { PrivateServiceNetworkAssociation } from '../src/private-service-network-association';
import { PrivateServiceNetworkEndpoint } from '../src/private-service-network-endpoint';
import { PortRange } from '../src/resource-definition';

const NETWORK_ARN = 'arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0123456789abcdef0';
const VPC_CIDR = '10.1.0.0/16';

/** A network carrying a verified and an unverified host, and a consumer VPC, in one stack. */
function setUp(networkProps: { privateDnsEnabled?: boolean } = {}) {
  const { app, stack } = testStack();
  const orders = hostShare(stack, 'Orders', { customDomainName: 'orders.example.com', verified: true, port: 5432 });
  const billing = hostShare(stack, 'Billing', { customDomainName: 'billing.example.com', port: 443 });
  const network = new PrivateServiceNetwork(stack, 'Network', { resources: [orders, billing], ...networkProps });
  const vpc = isolatedVpc(stack, 'ConsumerVpc', { ipAddresses: ec2.IpAddresses.cidr(VPC_CIDR) });
  return { app, stack, network, vpc, orders, billing };
}

describe('PrivateServiceNetworkEndpoint', () => {
  test('is one ServiceNetwork endpoint in one subnet per AZ, admitting every resource\'s port from the VPC only', () => {
    // GIVEN
    const { stack, network, vpc } = setUp();

    // WHEN
    const endpoint = new PrivateServiceNetworkEndpoint(stack, 'Endpoint', { vpc, serviceNetwork: network });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'ServiceNetwork',
      ServiceNetworkArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NetworkServiceNetwork'), 'Arn'] },
      SubnetIds: vpc.isolatedSubnets.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
      PrivateDnsEnabled: true,
      DnsOptions: { PrivateDnsPreference: 'VERIFIED_DOMAINS_ONLY' },
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^Service-network endpoint'),
      SecurityGroupIngress: [
        Match.objectLike({ CidrIp: VPC_CIDR, FromPort: 443, ToPort: 443, IpProtocol: 'tcp' }),
        Match.objectLike({ CidrIp: VPC_CIDR, FromPort: 5432, ToPort: 5432, IpProtocol: 'tcp' }),
      ],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })],
    });
    expect(endpoint.availabilityZones).toEqual(AZS);
    expect(endpoint.portRanges.map(String)).toEqual(['5432', '443']);
  });

  test('answers the verified custom domain names only, and warns about the others', () => {
    // GIVEN
    const { stack, network, vpc } = setUp();

    // WHEN
    const endpoint = new PrivateServiceNetworkEndpoint(stack, 'Endpoint', { vpc, serviceNetwork: network });

    // THEN
    expect(endpoint.privateDomainNames).toEqual(['orders.example.com']);
    Annotations.fromStack(stack).hasWarning('/TestStack/Endpoint', Match.stringLikeRegexp(
      "^the custom domain name 'billing.example.com' of the share at TestStack/Billing will not resolve in this VPC: it is not verified.*"
      + 'PrivateServiceNetworkEndpoint.customDomainNotResolved'));
  });

  test('answers a specified unverified name with VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS', () => {
    // GIVEN
    const { stack, network, vpc } = setUp();

    // WHEN
    const endpoint = new PrivateServiceNetworkEndpoint(stack, 'Endpoint', {
      vpc,
      serviceNetwork: network,
      privateDnsPreference: PrivateDnsPreference.VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS,
      privateDnsSpecifiedDomains: ['billing.example.com'],
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      DnsOptions: { PrivateDnsPreference: 'VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS', PrivateDnsSpecifiedDomains: ['billing.example.com'] },
    });
    expect(endpoint.privateDomainNames).toEqual(['orders.example.com', 'billing.example.com']);
  });

  test('answers no custom domain name when the network\'s associations have private DNS off, and says so', () => {
    // GIVEN
    const { stack, network, vpc } = setUp({ privateDnsEnabled: false });

    // WHEN
    const endpoint = new PrivateServiceNetworkEndpoint(stack, 'Endpoint', { vpc, serviceNetwork: network });

    // THEN
    expect(endpoint.privateDomainNames).toEqual([]);
    Annotations.fromStack(stack).hasWarning('/TestStack/Endpoint', Match.stringLikeRegexp(
      "^the service network's resource associations have private DNS off, which overrides this VPC's .*'orders.example.com', "
      + "'billing.example.com' will not resolve here.*PrivateServiceNetworkEndpoint.networkPrivateDnsOff"));
  });

  test('takes a network shared from another account by ARN, with the ports given', () => {
    // GIVEN
    const { stack, vpc } = setUp();

    // WHEN
    new PrivateServiceNetworkEndpoint(stack, 'Endpoint', { vpc, serviceNetworkArn: NETWORK_ARN, portRanges: [PortRange.tcp(5432)], privateDnsEnabled: false });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceNetworkArn: NETWORK_ARN,
      PrivateDnsEnabled: false,
      DnsOptions: Match.absent(),
    });
  });

  test('estimates no hourly charge, only data processed', () => {
    // GIVEN
    const { stack, network, vpc } = setUp();

    // WHEN
    const estimate = new PrivateServiceNetworkEndpoint(stack, 'Endpoint', { vpc, serviceNetwork: network }).estimateMonthlyCost();

    // THEN
    expect(estimate).toMatchObject({ priced: true, totalFixedMonthlyUsd: 0, dataProcessingUsdPerGb: 0.01, availabilityZones: 3 });
    expect(estimate.note).toMatch(/owner pays an hourly charge per resource configuration associated with the network, not priced here/);
  });

  describe('validation', () => {
    test('needs the ports of a network known by ARN or carrying targets of other stacks', () => {
      // GIVEN
      const { app, stack, network, vpc } = setUp();
      network.addService('Checkout', 'svc-0123456789abcdef0');

      // WHEN
      new PrivateServiceNetworkEndpoint(stack, 'ByArn', { vpc, serviceNetworkArn: NETWORK_ARN });
      new PrivateServiceNetworkEndpoint(stack, 'WithService', { vpc, serviceNetwork: network });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/ByArn\] `portRanges` is missing: with `serviceNetworkArn`, the construct cannot know which ports/),
        expect.stringMatching(/^\[TestStack\/WithService\] `portRanges` is missing: the service network TestStack\/Network carries resource configurations by ARN or VPC Lattice services/),
      ]);
    });

    test('refuses an empty portRanges, which would admit nothing', () => {
      // GIVEN
      const { app, stack, network, vpc } = setUp();

      // WHEN
      new PrivateServiceNetworkEndpoint(stack, 'Endpoint', { vpc, serviceNetwork: network, portRanges: [] });
      new PrivateServiceNetworkAssociation(stack, 'Association', { vpc, serviceNetworkArn: NETWORK_ARN, portRanges: [] });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Endpoint\] `portRanges` is empty, so its security group would admit none/),
        expect.stringMatching(/^\[TestStack\/Association\] `portRanges` is empty, so its security group would admit none/),
      ]);
    });

    test('reports a malformed ARN and DNS options that AWS refuses, at once', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      new PrivateServiceNetworkEndpoint(stack, 'Endpoint', {
        vpc,
        serviceNetworkArn: 'sn-0123456789abcdef0',
        portRanges: [PortRange.tcp(443)],
        privateDnsEnabled: false,
        privateDnsPreference: PrivateDnsPreference.SPECIFIED_DOMAINS_ONLY,
      });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Endpoint\] `serviceNetworkArn` must be the ARN of a VPC Lattice service network/),
        expect.stringMatching(/^\[TestStack\/Endpoint\] `privateDnsPreference` applies only with private DNS on/),
        expect.stringMatching(/^\[TestStack\/Endpoint\] `privateDnsPreference` SPECIFIED_DOMAINS_ONLY answers the names in `privateDnsSpecifiedDomains`, but none is given/),
      ]);
    });

    test('refuses a resource endpoint to a resource of the network in the same VPC with private DNS', () => {
      // GIVEN
      const { app, stack, network, vpc, orders } = setUp();
      new PrivateResourceEndpoint(stack, 'OrdersEndpoint', { vpc, resourceShare: orders });

      // WHEN
      new PrivateServiceNetworkEndpoint(stack, 'Endpoint', { vpc, serviceNetwork: network });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Endpoint\] the VPC has resource endpoints \(TestStack\/OrdersEndpoint\/Endpoint\) to resources the service network carries/),
      ]);
    });

    test('throws for a network object of another account, naming the ARN to pass instead', () => {
      // GIVEN
      const app = new App({ context: { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS } });
      const providerStack = new Stack(app, 'Provider', { env: { account: '111122223333', region: REGION } });
      const consumerStack = new Stack(app, 'Consumer', { env: { account: ACCOUNT, region: REGION } });
      const network = new PrivateServiceNetwork(providerStack, 'Network');

      // THEN
      expect(() => new PrivateServiceNetworkEndpoint(consumerStack, 'Endpoint', { vpc: isolatedVpc(consumerStack), serviceNetwork: network }))
        .toThrow(/^PrivateServiceNetworkEndpoint Consumer\/Endpoint: `serviceNetwork` is the service network at Provider\/Network in account 111122223333.*`serviceNetworkArn`/);
    });

    test('warns above the quota of 50 service-network endpoints in a VPC', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const securityGroups = [new ec2.SecurityGroup(stack, 'Shared', { vpc })];

      // WHEN
      for (let i = 0; i < 51; i++) {
        new PrivateServiceNetworkEndpoint(stack, `Endpoint${i}`, { vpc, serviceNetworkArn: NETWORK_ARN.replace(/.{2}$/, String(i).padStart(2, '0')), securityGroups, privateDnsEnabled: false });
      }

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Endpoint50', Match.stringLikeRegexp(
        "^service-network endpoints in the VPC: 51, above the quota 'Service network VPC endpoints per VPC' of 50 .*"
        + 'PrivateServiceNetworkEndpoint.serviceNetworkEndpointsPerVpc'));
    });

    test('throws when neither or both of the network and its ARN are given', () => {
      // GIVEN
      const { stack, network, vpc } = setUp();

      // THEN
      expect(() => new PrivateServiceNetworkEndpoint(stack, 'Neither', { vpc }))
        .toThrow(/give exactly one of `serviceNetwork` .* or `serviceNetworkArn`/);
      expect(() => new PrivateServiceNetworkEndpoint(stack, 'Both', { vpc, serviceNetwork: network, serviceNetworkArn: NETWORK_ARN }))
        .toThrow(/give exactly one of `serviceNetwork` .* or `serviceNetworkArn`/);
    });
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
    // GIVEN
    const { stack, network, vpc } = setUp();

    // WHEN
    new PrivateServiceNetworkEndpoint(stack, 'Endpoint', { vpc, serviceNetwork: network });

    // THEN
    expect(errors(stack).filter(finding => finding.includes('Endpoint'))).toEqual([]);
  });

  test('snapshot', () => {
    // GIVEN
    const { stack, network, vpc } = setUp();

    // WHEN
    new PrivateServiceNetworkEndpoint(stack, 'Endpoint', {
      vpc,
      serviceNetwork: network,
      clientCidrs: ['192.168.0.0/16'],
      privateDnsPreference: PrivateDnsPreference.VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS,
      privateDnsSpecifiedDomains: ['*.example.com'],
    });

    // THEN
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});

describe('PrivateServiceNetworkAssociation', () => {
  test('associates the VPC by the network\'s ARN, with a security group admitting the ports from the VPC and DNS options', () => {
    // GIVEN
    const { stack, network, vpc } = setUp();

    // WHEN
    const association = new PrivateServiceNetworkAssociation(stack, 'Association', { vpc, serviceNetwork: network });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::VpcLattice::ServiceNetworkVpcAssociation', {
      VpcIdentifier: { Ref: stack.getLogicalId(vpc.node.defaultChild as ec2.CfnVPC) },
      ServiceNetworkIdentifier: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NetworkServiceNetwork'), 'Arn'] },
      SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^AssociationSecurityGroup'), 'GroupId'] }],
      PrivateDnsEnabled: true,
      DnsOptions: { PrivateDnsPreference: 'VERIFIED_DOMAINS_ONLY' },
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^Service-network VPC association'),
      SecurityGroupIngress: [
        Match.objectLike({ CidrIp: VPC_CIDR, FromPort: 443 }),
        Match.objectLike({ CidrIp: VPC_CIDR, FromPort: 5432 }),
      ],
    });
    expect(association.privateDomainNames).toEqual(['orders.example.com']);
  });

  test('refuses a second association of the VPC and more than 5 security groups', () => {
    // GIVEN
    const { app, stack, network, vpc } = setUp();
    const securityGroups = [...Array(6).keys()].map(i => new ec2.SecurityGroup(stack, `Group${i}`, { vpc }));

    // WHEN
    new PrivateServiceNetworkAssociation(stack, 'First', { vpc, serviceNetwork: network });
    new PrivateServiceNetworkAssociation(stack, 'Second', { vpc, serviceNetworkArn: NETWORK_ARN, securityGroups, privateDnsEnabled: false });

    // THEN
    expect(validationErrors(app)).toEqual([
      expect.stringMatching(/^\[TestStack\/First\] service-network associations of the VPC: 2, above the quota 'Service networks a VPC is associated with' of 1 .*Reach the other service networks through PrivateServiceNetworkEndpoints/),
      expect.stringMatching(/^\[TestStack\/Second\] security groups of the association: 6, above the quota 'Security groups per association' of 5 .*which AWS does not raise. Combine their rules/),
      expect.stringMatching(/^\[TestStack\/Second\] service-network associations of the VPC: 2/),
    ]);
  });

  test('snapshot', () => {
    // GIVEN
    const { stack, vpc } = setUp();

    // WHEN
    new PrivateServiceNetworkAssociation(stack, 'Association', { vpc, serviceNetworkArn: NETWORK_ARN, portRanges: [PortRange.tcp(443)] });

    // THEN
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
