import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53profiles from 'aws-cdk-lib/aws-route53profiles';
import { schemaCheckedTemplate } from './schema';
import { ACCOUNT, AWS_SOLUTIONS_CHECKS, AZS, isolatedVpc, REGION, validationErrors } from './util';
import { CentralEndpointHub, CentralEndpointHubProps } from '../src/central-endpoint-hub';
import { CentralEndpointSpoke } from '../src/central-endpoint-spoke';
import { PrivateEgressVpc } from '../src/private-egress-vpc';

const TGW = 'tgw-0123456789abcdef0';
const PROFILE_ID = 'rp-0123456789abcdef';

/** A hub stack and a spoke stack with a spoke VPC (10.1.0.0/16), in one account and Region. */
function setUp(hubProps: CentralEndpointHubProps = {}, spokeRegion = REGION) {
  const app = new App({
    context: {
      [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS,
      [`availability-zones:account=${ACCOUNT}:region=eu-west-1`]: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    },
  });
  const hubStack = new Stack(app, 'HubStack', { env: { account: ACCOUNT, region: REGION } });
  const hub = new CentralEndpointHub(hubStack, 'Hub', {
    ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
    clientCidrs: ['10.1.0.0/16'],
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS],
    ...hubProps,
  });
  const stack = new Stack(app, 'SpokeStack', { env: { account: ACCOUNT, region: spokeRegion }, crossRegionReferences: spokeRegion !== REGION });
  const vpc = isolatedVpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
  return { app, hub, stack, vpc };
}

describe('CentralEndpointSpoke', () => {
  test('gives the hub\'s cost estimate the AZs its spokes span, for the spokes\' own endpoints it compares with', () => {
    // GIVEN: a hub whose endpoints are in 3 AZs
    const { hub, stack } = setUp({ maxAzs: 3 });
    expect(hub.estimateMonthlyCost({ spokes: 5 }).spokeAvailabilityZones).toBe(3);

    // WHEN: two spokes of 2 AZs
    for (const i of [1, 2]) {
      new CentralEndpointSpoke(stack, `Spoke${i}`, {
        vpc: isolatedVpc(stack, `Vpc${i}`, { ipAddresses: ec2.IpAddresses.cidr(`10.${10 + i}.0.0/16`), maxAzs: 2 }),
        hub,
      });
    }

    // THEN
    expect(hub.estimateMonthlyCost({ spokes: 5 }).spokeAvailabilityZones).toBe(2);
    expect(hub.estimateMonthlyCost({ spokes: 5, spokeAvailabilityZones: 1 }).spokeAvailabilityZones).toBe(1);
  });

  test('associates the VPC with the hub\'s profile and routes each workload route table to the hub through the Transit Gateway', () => {
    // GIVEN
    const { hub, stack, vpc } = setUp();

    // WHEN
    const spoke = new CentralEndpointSpoke(stack, 'Spoke', { vpc, hub, transitGatewayId: TGW });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Route53Profiles::ProfileAssociation', {
      ProfileId: { 'Fn::ImportValue': Match.stringLikeRegexp('HubProfile') },
      ResourceId: { Ref: stack.getLogicalId(vpc.node.defaultChild as ec2.CfnVPC) },
    });
    expect(stack.resolve(hub.profileId)).toBeDefined();
    // The hub's CIDR block is the literal it was defined with: the routes need no reference to the hub's stack.
    const routes = template.findResources('AWS::EC2::Route', { Properties: { TransitGatewayId: TGW } });
    expect(Object.values(routes).map(route => [route.Properties.RouteTableId, route.Properties.DestinationCidrBlock])).toEqual(
      vpc.isolatedSubnets.map(subnet => [stack.resolve(subnet.routeTable.routeTableId), '10.0.0.0/16']));
    expect(spoke.hubRoutes).toHaveLength(3);
  });

  test('takes a profile ID and hub CIDR blocks for a hub in another account', () => {
    // GIVEN
    const { stack, vpc } = setUp();

    // WHEN
    new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID, hubCidrs: ['10.0.0.0/16', '10.100.0.0/16'], transitGatewayId: TGW });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Route53Profiles::ProfileAssociation', { ProfileId: PROFILE_ID });
    template.resourcePropertiesCountIs('AWS::EC2::Route', { TransitGatewayId: TGW, DestinationCidrBlock: '10.0.0.0/16' }, 3);
    template.resourcePropertiesCountIs('AWS::EC2::Route', { TransitGatewayId: TGW, DestinationCidrBlock: '10.100.0.0/16' }, 3);
  });

  test('adds one route per route table, however many subnets share it', () => {
    // GIVEN
    const { stack } = setUp();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      privateSubnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'],
      privateSubnetRouteTableIds: ['rtb-0aaaaaaaaaaaaaaaa', 'rtb-0aaaaaaaaaaaaaaaa'],
    });

    // WHEN
    new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID, hubCidrs: ['10.0.0.0/16'], transitGatewayId: TGW });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::Route', 1);
    template.hasResourceProperties('AWS::EC2::Route', { RouteTableId: 'rtb-0aaaaaaaaaaaaaaaa', DestinationCidrBlock: '10.0.0.0/16', TransitGatewayId: TGW });
  });

  test('keeps the logical IDs of its routes when a hub CIDR block is added before them', () => {
    // GIVEN
    const routeIds = (hubCidrs: string[]) => {
      const { stack, vpc } = setUp();
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID, hubCidrs, transitGatewayId: TGW });
      const template = Template.fromStack(stack);
      return Object.keys(template.findResources('AWS::EC2::Route', { Properties: { DestinationCidrBlock: '10.0.0.0/16' } }));
    };

    // THEN
    expect(routeIds(['10.100.0.0/16', '10.0.0.0/16'])).toEqual(routeIds(['10.0.0.0/16']));
  });

  test('adds no route without a Transit Gateway', () => {
    // GIVEN
    const { app, hub, stack, vpc } = setUp();

    // WHEN
    new CentralEndpointSpoke(stack, 'Spoke', { vpc, hub });

    // THEN
    expect(validationErrors(app)).toEqual([]);
    Template.fromStack(stack).resourceCountIs('AWS::EC2::Route', 0);
  });

  describe('validation', () => {
    test.each([
      ['neither hub nor profileId', {}, /neither `hub` nor `profileId` is given/],
      ['both hub and profileId', { profileId: PROFILE_ID, withHub: true }, /both `hub` and `profileId` are given; a VPC is associated with one Route 53 Profile/],
      ['transitGatewayId without hubCidrs', { profileId: PROFILE_ID, transitGatewayId: TGW }, /`transitGatewayId` is given without `hubCidrs`/],
      ['hubCidrs without transitGatewayId', { profileId: PROFILE_ID, hubCidrs: ['10.0.0.0/16'] }, /`hubCidrs` is given without `transitGatewayId`/],
    ])('rejects %s', (_, { withHub, ...props }: { withHub?: boolean; profileId?: string; transitGatewayId?: string; hubCidrs?: string[] }, message) => {
      // GIVEN
      const { app, hub, stack, vpc } = setUp();

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, ...props, hub: withHub ? hub : undefined });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(new RegExp(`^\\[SpokeStack/Spoke\\] ${message.source}`))]);
    });

    test.each(['', 'rp 123', 'profile-1'])('rejects the profileId %j, which is no Route 53 Profile ID', profileId => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId });

      // THEN
      expect(validationErrors(app)).toEqual(['[SpokeStack/Spoke] `profileId` must be a Route 53 Profile ID such as rp-4987774726example, '
        + `got '${profileId}'. Pass the hub's ProfileId output (or its \`<parameterPrefix>/profile-id\` SSM parameter).`]);
    });

    test('rejects a spoke VPC that overlaps the hub: EC2 refuses a Transit Gateway route inside the VPC\'s own block', () => {
      // GIVEN: the spoke VPC is 10.1.0.0/16
      const { app, stack, vpc } = setUp();

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID, transitGatewayId: TGW, hubCidrs: ['10.1.0.0/16', '10.1.128.0/24', '10.0.0.0/8'] });

      // THEN: the route to 10.0.0.0/8 is less specific than the local route, which EC2 takes
      expect(validationErrors(app)).toEqual(['10.1.0.0/16', '10.1.128.0/24'].map(cidr => expect.stringMatching(new RegExp(
        `^\\[SpokeStack/Spoke\\] \`hubCidrs\` entry ${cidr.replace(/\./g, '\\.')} is inside the spoke VPC's own block 10\\.1\\.0\\.0/16: EC2 refuses`))));
    });

    test.each([
      ['the same block', '10.1.0.0/16', undefined],
      ['a block inside the spoke\'s, with no Transit Gateway', '10.1.16.0/20', undefined],
      ['a block inside the spoke\'s, with routes to it through the Transit Gateway', '10.1.16.0/20', TGW],
    ])('rejects a hub VPC whose block overlaps the spoke VPC\'s: %s', (_, hubBlock, transitGatewayId) => {
      // GIVEN: a regression the property tests found; the spoke VPC is 10.1.0.0/16
      const { app, hub, stack, vpc } = setUp({ ipAddresses: ec2.IpAddresses.cidr(hubBlock) });

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, hub, transitGatewayId });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(new RegExp(`^\\[SpokeStack/Spoke\\] (the hub VPC's block ${hubBlock} `
        + `overlaps the spoke VPC's block 10\\.1\\.0\\.0/16: the spoke's local route|\`hubCidrs\` entry ${hubBlock} is inside)`))]);
    });

    test('routes once to a hub IPv6 block given in two spellings, in lower case', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID, transitGatewayId: TGW, hubCidrs: ['2001:DB8:0:0::/56', '2001:db8::/56'] });

      // THEN
      const routes = Template.fromStack(stack).findResources('AWS::EC2::Route');
      expect(Object.values(routes).map(route => route.Properties.DestinationIpv6CidrBlock)).toEqual(AZS.map(() => '2001:db8:0:0::/56'));
    });

    test('rejects routes for subnets whose route table is not known', () => {
      // GIVEN
      const { app, stack } = setUp();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: 'vpc-0123456789abcdef0',
        availabilityZones: ['us-east-1a'],
        privateSubnetIds: ['subnet-0aaaaaaaaaaaaaaaa'],
      });

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID, hubCidrs: ['10.0.0.0/16'], transitGatewayId: TGW });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[SpokeStack\/Spoke\] the route tables of SpokeStack\/Imported\/PrivateSubnet1 are not known, so their routes to the hub through `transitGatewayId` cannot be added/)]);
    });

    test('rejects a VPC without DNS hostnames', () => {
      // GIVEN
      const { app, stack } = setUp();
      const vpc = isolatedVpc(stack, 'NoDns', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'), enableDnsHostnames: false });

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(/^\[SpokeStack\/Spoke\] .*the hub's private hosted zones.*enableDnsHostnames/)]);
    });

    test('rejects a second profile association of the VPC', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      new route53profiles.CfnProfileAssociation(stack, 'Other', { name: 'other', profileId: 'rp-fedcba9876543210', resourceId: vpc.vpcId });

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[SpokeStack\/Spoke\] the VPC is already associated with a Route 53 Profile by SpokeStack\/Other, and a VPC takes one profile/)]);
    });

    test('rejects a local endpoint with private DNS for a centralized service', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      new PrivateEgressVpc(stack, 'Local', {
        vpc,
        interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS, ec2.InterfaceVpcEndpointAwsService.SSM],
      });

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID, centralizedServices: ['sts', 'ecr.api'] });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[SpokeStack\/Spoke\] SpokeStack\/Local\/InterfaceEndpoints\/Sts is an interface endpoint of 'sts' with private DNS in SpokeStack\/Vpc/)]);
    });

    test('accepts a local endpoint of a centralized service with private DNS off', () => {
      // GIVEN
      const { app, hub, stack, vpc } = setUp();
      new PrivateEgressVpc(stack, 'Local', { vpc, privateDnsEnabled: false, interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, hub });

      // THEN
      expect(validationErrors(app)).toEqual([]);
    });

    test('rejects a spoke whose CIDR block the hub does not admit', () => {
      // GIVEN
      const { app, hub, stack } = setUp({ clientCidrs: ['10.1.0.0/16', '10.2.0.0/16'] });
      const vpc = isolatedVpc(stack, 'Other', { ipAddresses: ec2.IpAddresses.cidr('10.3.0.0/16') });

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, hub });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[SpokeStack\/Spoke\] the spoke's CIDR block 10.3.0.0\/16 is in none of the `clientCidrs` of HubStack\/Hub/)]);
    });

    test('accepts a spoke inside a larger client block, and cannot judge a prefix list', () => {
      // GIVEN
      const inside = setUp({ clientCidrs: ['10.0.0.0/8'] });
      const byPrefixList = setUp({ clientCidrs: ['pl-0123456789abcdef0'] });

      // WHEN
      new CentralEndpointSpoke(inside.stack, 'Spoke', { vpc: inside.vpc, hub: inside.hub });
      new CentralEndpointSpoke(byPrefixList.stack, 'Spoke', { vpc: byPrefixList.vpc, hub: byPrefixList.hub });

      // THEN
      expect(validationErrors(inside.app)).toEqual([]);
      expect(validationErrors(byPrefixList.app)).toEqual([]);
    });

    test('rejects a hub without a profile', () => {
      // GIVEN
      const { app, hub, stack, vpc } = setUp({ profileEnabled: false });

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, hub });

      // THEN
      expect(validationErrors(app)).toEqual(expect.arrayContaining([expect.stringMatching(
        /^\[SpokeStack\/Spoke\] `hub` HubStack\/Hub has no Route 53 Profile \(`profileEnabled: false`\).*`hub.associateVpc\(vpc\)`/)]));
    });

    test('fails at once when the hub object is in another account', () => {
      // GIVEN
      const { app, hub } = setUp();
      const stack = new Stack(app, 'OtherAccount', { env: { account: '222222222222', region: REGION } });
      const vpc = isolatedVpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });

      // THEN
      expect(() => new CentralEndpointSpoke(stack, 'Spoke', { vpc, hub })).toThrow(
        /^CentralEndpointSpoke OtherAccount\/Spoke: `hub` is the hub at HubStack\/Hub in account 123456789012, but this stack is in account 222222222222, and CDK cannot pass its profile ID between accounts\. Pass `profileId`/);
    });

    test('rejects a hub in another Region', () => {
      // GIVEN
      const { app, hub, stack, vpc } = setUp({}, 'eu-west-1');

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, hub });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[SpokeStack\/Spoke\] the spoke is in eu-west-1 and the hub in us-east-1; a Route 53 Profile is associated with VPCs of its own Region/)]);
    });
  });

  describe('validation, where aws-cdk-lib would fail first', () => {
    /** A hub stack in us-east-1 and a spoke stack elsewhere, without cross-Region references. */
    function spokeAwayFromHub(spokeEnv: { account: string; region: string } | undefined) {
      const { app, hub } = setUp();
      const stack = new Stack(app, 'AwayStack', { env: spokeEnv });
      const vpc = isolatedVpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, hub });
      return validationErrors(app);
    }

    test('reports a hub in another Region instead of aws-cdk-lib\'s cross-Region reference error', () => {
      expect(spokeAwayFromHub({ account: ACCOUNT, region: 'eu-west-1' })).toEqual([expect.stringMatching(
        /^\[AwayStack\/Spoke\] the spoke is in eu-west-1 and the hub in us-east-1; a Route 53 Profile is associated with VPCs of its own Region/)]);
    });

    test('reports an environment-agnostic spoke stack beside a hub stack of a known Region', () => {
      expect(spokeAwayFromHub(undefined)).toEqual([expect.stringMatching(
        /^\[AwayStack\/Spoke\] the spoke's stack is environment-agnostic and the hub's in us-east-1; .*`profileId` instead of `hub`/)]);
    });

    test('reports hubCidrs entries that are not CIDR blocks or prefix lists', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID, hubCidrs: ['10.0.0.0'], transitGatewayId: TGW });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[SpokeStack/Spoke] `hubCidrs` must hold IPv4 or IPv6 CIDR blocks (10.20.0.0/16, 2001:db8::/56) or prefix list IDs '
        + '(pl-0123456789abcdef0), got \'10.0.0.0\'. Fix or remove them.',
      ]);
    });
  });

  test('routes a hub CIDR block given twice once per route table', () => {
    // GIVEN
    const { stack, vpc } = setUp();

    // WHEN
    new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID, hubCidrs: ['10.0.0.0/16', '10.0.0.0/16'], transitGatewayId: TGW });

    // THEN
    Template.fromStack(stack).resourcePropertiesCountIs('AWS::EC2::Route', { DestinationCidrBlock: '10.0.0.0/16' }, 3);
  });

  test('validates against the CloudFormation resource schemas', () => {
    // GIVEN
    const { stack, vpc } = setUp();

    // WHEN
    new CentralEndpointSpoke(stack, 'Spoke', { vpc, profileId: PROFILE_ID, hubCidrs: ['10.0.0.0/16'], transitGatewayId: TGW });

    // THEN
    schemaCheckedTemplate(stack);
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
    // GIVEN
    const { hub, stack, vpc } = setUp();
    vpc.addFlowLog('FlowLog');

    // WHEN
    new CentralEndpointSpoke(stack, 'Spoke', { vpc, hub, transitGatewayId: TGW });

    // THEN
    expect(errors(stack)).toEqual([]);
  });
});
