import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { schemaViolations } from './schema';
import { ACCOUNT, AWS_SOLUTIONS_CHECKS, AZS, isolatedVpc, REGION, testStack, validationErrors } from './util';
import {
  BlockPublicAccessExclusion,
  BlockPublicAccessExclusionMode,
  BlockPublicAccessMode,
  NetworkRequirements,
  PrivateEgressVpc,
  VpcBlockPublicAccess,
} from '../src';

const logicalId = (stack: Stack, element: unknown) => stack.getLogicalId(element as CfnElement);

/** A VPC with public subnets (an internet gateway) and isolated ones, in 2 AZs. */
function publicVpc(stack: Stack, id = 'PublicVpc'): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  });
}

/** The exclusions defined in the stack, for an app whose synth fails. */
const exclusionResources = (stack: Stack) => stack.node.findAll().filter(construct => construct instanceof ec2.CfnVPCBlockPublicAccessExclusion);

const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-private-endpoints:VpcBlockPublicAccess'))
  .map(warning => String(warning.entry.data));

describe('VpcBlockPublicAccess', () => {
  test('blocks both directions by default, with no exclusion', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const block = new VpcBlockPublicAccess(stack, 'Block');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::VPCBlockPublicAccessOptions', 1);
    template.hasResourceProperties('AWS::EC2::VPCBlockPublicAccessOptions', { InternetGatewayBlockMode: 'block-bidirectional' });
    template.resourceCountIs('AWS::EC2::VPCBlockPublicAccessExclusion', 0);
    expect(block.mode).toBe(BlockPublicAccessMode.BLOCK_BIDIRECTIONAL);
    expect(stack.resolve(block.exclusionsAllowed)).toEqual({ 'Fn::GetAtt': [logicalId(stack, block.node.findChild('Options')), 'ExclusionsAllowed'] });
  });

  test('excludes VPCs and subnets, egress only under the bidirectional block unless told, and sets the block after them', () => {
    // GIVEN
    const { stack } = testStack();
    const web = publicVpc(stack, 'WebVpc');
    const batch = publicVpc(stack, 'BatchVpc');

    // WHEN
    const block = new VpcBlockPublicAccess(stack, 'Block', {
      exclusions: [BlockPublicAccessExclusion.vpc(batch)],
    });
    block.addExclusion(BlockPublicAccessExclusion.subnet(web.publicSubnets[0], BlockPublicAccessExclusionMode.ALLOW_BIDIRECTIONAL));

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::VPCBlockPublicAccessExclusion', 2);
    template.hasResourceProperties('AWS::EC2::VPCBlockPublicAccessExclusion', {
      InternetGatewayExclusionMode: 'allow-egress',
      VpcId: { Ref: logicalId(stack, batch.node.defaultChild) },
      SubnetId: Match.absent(),
    });
    template.hasResourceProperties('AWS::EC2::VPCBlockPublicAccessExclusion', {
      InternetGatewayExclusionMode: 'allow-bidirectional',
      SubnetId: { Ref: logicalId(stack, web.publicSubnets[0].node.defaultChild) },
      VpcId: Match.absent(),
    });
    const exclusionIds = Object.keys(template.findResources('AWS::EC2::VPCBlockPublicAccessExclusion'));
    template.hasResource('AWS::EC2::VPCBlockPublicAccessOptions', { DependsOn: Match.arrayWith(exclusionIds.sort()) });
    // The web VPC's other public subnet stays blocked, by choice: a subnet exclusion counts as a decision about the VPC.
    expect(warnings(stack)).toEqual([]);
  });

  test('excludes both directions by default under the ingress block, where egress-only exclusions do not apply', () => {
    // GIVEN
    const { stack } = testStack();
    const web = publicVpc(stack, 'WebVpc');

    // WHEN
    new VpcBlockPublicAccess(stack, 'Block', { mode: BlockPublicAccessMode.BLOCK_INGRESS, exclusions: [BlockPublicAccessExclusion.vpc(web)] });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::VPCBlockPublicAccessOptions', { InternetGatewayBlockMode: 'block-ingress' });
    template.hasResourceProperties('AWS::EC2::VPCBlockPublicAccessExclusion', { InternetGatewayExclusionMode: 'allow-bidirectional' });
  });

  test('excludes an imported VPC and its subnets by their IDs', () => {
    // GIVEN
    const { stack } = testStack();
    const imported = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: AZS.slice(0, 1),
      publicSubnetIds: ['subnet-0123456789abcdef0'],
    });

    // WHEN
    new VpcBlockPublicAccess(stack, 'Block', {
      exclusions: [BlockPublicAccessExclusion.vpc(imported), BlockPublicAccessExclusion.subnet(imported.publicSubnets[0])],
    });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::VPCBlockPublicAccessExclusion', { VpcId: 'vpc-0123456789abcdef0' });
    template.hasResourceProperties('AWS::EC2::VPCBlockPublicAccessExclusion', { SubnetId: 'subnet-0123456789abcdef0' });
  });

  test('names each exclusion after its VPC or subnet, so adding or removing one keeps the others', () => {
    const exclusionIds = (withBatch: boolean) => {
      const { stack } = testStack();
      const web = publicVpc(stack, 'WebVpc');
      const exclusions = [BlockPublicAccessExclusion.subnet(web.publicSubnets[1])];
      if (withBatch) {
        exclusions.unshift(BlockPublicAccessExclusion.vpc(publicVpc(stack, 'BatchVpc')));
      }
      new VpcBlockPublicAccess(stack, 'Block', { exclusions });
      return Object.keys(Template.fromStack(stack).findResources('AWS::EC2::VPCBlockPublicAccessExclusion'));
    };

    const without = exclusionIds(false);
    expect(without).toEqual([expect.stringMatching(/^BlockExclusionsWebVpcPublicSubnet2/)]);
    expect(exclusionIds(true)).toEqual(expect.arrayContaining(without));
  });

  test('synthesizes templates that conform to the resource schemas', () => {
    // GIVEN
    const { stack } = testStack();
    const web = publicVpc(stack, 'WebVpc');

    // WHEN
    new VpcBlockPublicAccess(stack, 'Block', {
      mode: BlockPublicAccessMode.BLOCK_INGRESS,
      exclusions: [BlockPublicAccessExclusion.vpc(web), BlockPublicAccessExclusion.subnet(web.publicSubnets[0])],
    });

    // THEN
    expect(schemaViolations(Template.fromStack(stack).toJSON(), REGION)).toEqual([]);
  });

  describe('validation', () => {
    test('refuses an exclusion of a PrivateEgressVpc, or of a subnet of it, naming the PrivateEgressVpc', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');

      // WHEN
      new VpcBlockPublicAccess(stack, 'Block', {
        exclusions: [BlockPublicAccessExclusion.vpc(egress.vpc), BlockPublicAccessExclusion.subnet(egress.vpc.isolatedSubnets[0])],
      });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Block] the exclusion of the VPC at TestStack/Egress/Vpc contradicts its VPC: the PrivateEgressVpc at TestStack/Egress, '
        + 'which defines the VPC at TestStack/Egress/Vpc, promises it no internet path, and VPC Block Public Access is what keeps a later '
        + 'internet gateway or route from opening it. Remove the exclusion; put workloads that need the internet in another VPC, and '
        + 'exclude that one.',
        expect.stringMatching(/^\[TestStack\/Block\] the exclusion of the subnet at TestStack\/Egress\/Vpc\/IsolatedSubnet1 contradicts its VPC: the PrivateEgressVpc at TestStack\/Egress,/),
      ]);
    });

    test('refuses an exclusion of a VPC declared with no internet path', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = isolatedVpc(stack);
      NetworkRequirements.forbidInternet(vpc);

      // WHEN
      new VpcBlockPublicAccess(stack, 'Block', { exclusions: [BlockPublicAccessExclusion.vpc(vpc)] });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Block\] the exclusion of the VPC at TestStack\/Vpc contradicts its VPC: the VPC at TestStack\/Vpc declares no internet path \(`NetworkRequirements.forbidInternet`\)/),
      ]);
    });

    test('refuses a VPC excluded twice', () => {
      // GIVEN
      const { app, stack } = testStack();
      const web = publicVpc(stack, 'WebVpc');
      const block = new VpcBlockPublicAccess(stack, 'Block', { exclusions: [BlockPublicAccessExclusion.vpc(web)] });

      // WHEN
      block.addExclusion(BlockPublicAccessExclusion.vpc(web, BlockPublicAccessExclusionMode.ALLOW_BIDIRECTIONAL));

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Block] the VPC at TestStack/WebVpc is excluded more than once (`exclusions` and `addExclusion()`). Give each VPC or '
        + 'subnet one exclusion, with the mode it needs.',
      ]);
      expect(exclusionResources(stack)).toHaveLength(1);
    });

    test('refuses a second VpcBlockPublicAccess, or options, for the same account and Region', () => {
      // GIVEN
      const app = new App();
      const env = { account: ACCOUNT, region: REGION };
      const first = new Stack(app, 'First', { env });
      const second = new Stack(app, 'Second', { env });
      const otherRegion = new Stack(app, 'OtherRegion', { env: { account: ACCOUNT, region: 'eu-west-1' } });

      // WHEN
      new VpcBlockPublicAccess(first, 'Block');
      new VpcBlockPublicAccess(second, 'Block');
      new ec2.CfnVPCBlockPublicAccessOptions(second, 'HandWritten', { internetGatewayBlockMode: 'block-ingress' });
      new VpcBlockPublicAccess(otherRegion, 'Block');

      // THEN
      expect(validationErrors(app)).toEqual([
        '[First/Block] VPC Block Public Access is set once per account and Region, but the VpcBlockPublicAccess at Second/Block, the options at '
        + `Second/HandWritten also set it for account ${ACCOUNT} in ${REGION}. Keep one VpcBlockPublicAccess per account and Region, and give `
        + 'it every exclusion.',
        expect.stringMatching(/^\[Second\/Block\] VPC Block Public Access is set once per account and Region, but the VpcBlockPublicAccess at First\/Block, the options at Second\/HandWritten also set it/),
      ]);
    });

    test('refuses two in one environment-agnostic stack, and compares such a stack with no other', () => {
      // GIVEN
      const app = new App();
      const agnostic = new Stack(app, 'Agnostic');
      const other = new Stack(app, 'OtherAgnostic');

      // WHEN
      new VpcBlockPublicAccess(agnostic, 'Block');
      new VpcBlockPublicAccess(agnostic, 'Again');
      new VpcBlockPublicAccess(other, 'Block');

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[Agnostic\/Block\] .* the VpcBlockPublicAccess at Agnostic\/Again also sets it for the account and Region of this stack\./),
        expect.stringMatching(/^\[Agnostic\/Again\] .* the VpcBlockPublicAccess at Agnostic\/Block also sets it for the account and Region of this stack\./),
      ]);
    });

    test('refuses a VPC or subnet of another account or Region, or defined in an environment-agnostic stack, without defining its exclusion', () => {
      // GIVEN
      const app = new App({
        context: {
          [`availability-zones:account=${ACCOUNT}:region=eu-west-1`]: ['eu-west-1a', 'eu-west-1b'],
          [`availability-zones:account=111122223333:region=${REGION}`]: AZS,
        },
      });
      const stack = new Stack(app, 'Block', { env: { account: ACCOUNT, region: REGION } });
      const otherRegion = publicVpc(new Stack(app, 'Dublin', { env: { account: ACCOUNT, region: 'eu-west-1' } }));
      const otherAccount = publicVpc(new Stack(app, 'Partner', { env: { account: '111122223333', region: REGION } }));
      const agnostic = isolatedVpc(new Stack(app, 'Agnostic'), 'Vpc', { maxAzs: 1 });
      const imported = ec2.Vpc.fromVpcAttributes(new Stack(app, 'AgnosticImport'), 'Imported', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['a'] });

      // WHEN
      new VpcBlockPublicAccess(stack, 'Block', {
        exclusions: [
          BlockPublicAccessExclusion.vpc(otherRegion),
          BlockPublicAccessExclusion.subnet(otherAccount.publicSubnets[0]),
          BlockPublicAccessExclusion.vpc(agnostic),
          // Its ID is a literal, and its account may be this one: nothing to refuse.
          BlockPublicAccessExclusion.vpc(imported),
        ],
      });

      // THEN
      expect(validationErrors(app)).toEqual([
        `[Block/Block] the VPC at Dublin/PublicVpc (account ${ACCOUNT}, eu-west-1) cannot be excluded by this VpcBlockPublicAccess (account `
        + `${ACCOUNT}, ${REGION}): VPC Block Public Access and its exclusions apply to the VPCs of their own account and Region, and CDK `
        + 'references a VPC of another stack only within one environment. Define a VpcBlockPublicAccess in a stack of the VPC\'s account '
        + 'and Region, and exclude it there.',
        expect.stringMatching(/^\[Block\/Block\] the subnet at Partner\/PublicVpc\/PublicSubnet1 \(account 111122223333, us-east-1\) cannot be excluded/),
        expect.stringMatching(/^\[Block\/Block\] the VPC at Agnostic\/Vpc \(an account known at deploy time, a Region known at deploy time\) cannot be excluded/),
      ]);
      expect(exclusionResources(stack).map(exclusion => exclusion.node.path)).toEqual(['Block/Block/Exclusions/AgnosticImport--Imported']);
    });

    test('excludes a VPC of another stack of the same environment', () => {
      // GIVEN
      const { app, stack } = testStack();
      const network = new Stack(app, 'Network', { env: { account: ACCOUNT, region: REGION } });
      const web = publicVpc(network, 'WebVpc');

      // WHEN
      new VpcBlockPublicAccess(stack, 'Block', { exclusions: [BlockPublicAccessExclusion.vpc(web)] });

      // THEN
      expect(validationErrors(app)).toEqual([]);
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCBlockPublicAccessExclusion', { VpcId: { 'Fn::ImportValue': Match.anyValue() } });
    });

    test('warns of each VPC with an internet gateway that no exclusion covers, by the direction blocked', () => {
      // GIVEN
      const { stack } = testStack();
      publicVpc(stack, 'WebVpc');
      const ipv6 = isolatedVpc(stack, 'Ipv6Vpc');
      new ec2.CfnEgressOnlyInternetGateway(stack, 'EgressOnly', { vpcId: ipv6.vpcId });
      new PrivateEgressVpc(stack, 'Egress');
      isolatedVpc(stack, 'IsolatedVpc');

      // WHEN
      new VpcBlockPublicAccess(stack, 'Block');
      const ingress = testStack();
      publicVpc(ingress.stack, 'WebVpc');
      new ec2.CfnEgressOnlyInternetGateway(ingress.stack, 'EgressOnly', { vpcId: isolatedVpc(ingress.stack, 'Ipv6Vpc').vpcId });
      new VpcBlockPublicAccess(ingress.stack, 'Block', { mode: BlockPublicAccessMode.BLOCK_INGRESS });

      // THEN
      const fix = 'Exclude it (`BlockPublicAccessExclusion.vpc()`, or `.subnet()` for its public subnets) if it needs the internet, or '
        + 'acknowledge this warning if the block is intended.';
      expect(warnings(stack)).toEqual([
        'the VPC at TestStack/WebVpc has an internet gateway and no exclusion: with `mode` BLOCK_BIDIRECTIONAL, AWS blocks all its internet '
        + `traffic, inbound and outbound, NAT gateways included. ${fix} [ack: cdk-private-endpoints:VpcBlockPublicAccess.vpcBlocked]`,
        'the VPC at TestStack/Ipv6Vpc has an egress-only internet gateway and no exclusion: with `mode` BLOCK_BIDIRECTIONAL, AWS blocks all '
        + `its internet traffic, inbound and outbound, NAT gateways included. ${fix} [ack: cdk-private-endpoints:VpcBlockPublicAccess.vpcBlocked]`,
      ]);
      expect(warnings(ingress.stack)).toEqual([
        'the VPC at TestStack/WebVpc has an internet gateway and no exclusion: with `mode` BLOCK_INGRESS, AWS blocks its internet traffic '
        + 'except the outbound connections of its NAT gateways and egress-only internet gateways, so nothing on the internet reaches its '
        + `public subnets or internet-facing load balancers. ${fix} [ack: cdk-private-endpoints:VpcBlockPublicAccess.vpcBlocked]`,
      ]);
    });

    test('warns of an egress-only exclusion under the ingress block, where it changes nothing', () => {
      // GIVEN
      const { stack } = testStack();
      const web = publicVpc(stack, 'WebVpc');

      // WHEN
      new VpcBlockPublicAccess(stack, 'Block', {
        mode: BlockPublicAccessMode.BLOCK_INGRESS,
        exclusions: [BlockPublicAccessExclusion.vpc(web, BlockPublicAccessExclusionMode.ALLOW_EGRESS)],
      });

      // THEN
      expect(warnings(stack)).toEqual([
        'the exclusion of the VPC at TestStack/WebVpc is ALLOW_EGRESS, which AWS applies only when VPC Block Public Access is '
        + 'BLOCK_BIDIRECTIONAL, and `mode` is BLOCK_INGRESS: it changes nothing (outbound connections through NAT gateways and egress-only '
        + 'internet gateways are not blocked in this mode, https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa-basics.html#security-vpc-bpa-exclusions). '
        + 'Use ALLOW_BIDIRECTIONAL for a VPC or subnet the internet must reach, or remove the exclusion. '
        + '[ack: cdk-private-endpoints:VpcBlockPublicAccess.egressExclusionIgnored]',
      ]);
    });

    test('warns above the quota of exclusions per account and Region', () => {
      // GIVEN
      const { stack } = testStack();
      const subnets = Array.from({ length: 51 }, (_, i) => ec2.Subnet.fromSubnetId(stack, `Subnet${i}`, `subnet-0${String(i).padStart(16, '0')}`));

      // WHEN
      new VpcBlockPublicAccess(stack, 'Block', { exclusions: subnets.map(subnet => BlockPublicAccessExclusion.subnet(subnet)) });

      // THEN
      expect(warnings(stack)).toEqual([
        `VPC Block Public Access exclusions of the app in account ${ACCOUNT} in ${REGION}: 51, above the quota 'VPC Block Public Access `
        + "exclusions per account per Region' of 50 (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html); the deploy "
        + 'fails unless the quota has been raised. Request an increase in Service Quotas first. '
        + '[ack: cdk-private-endpoints:VpcBlockPublicAccess.exclusionsPerAccountAndRegion]',
      ]);
    });
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new VpcBlockPublicAccess(stack, 'Block', { exclusions: [BlockPublicAccessExclusion.vpc(publicVpc(stack, 'WebVpc'))] });

    // THEN
    expect(errors(stack).filter(finding => finding.includes('/Block'))).toEqual([]);
  });

  test('snapshot of the defaults', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new VpcBlockPublicAccess(stack, 'Block');

    // THEN
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });

  test('snapshot with every prop', () => {
    // GIVEN
    const { stack } = testStack();
    const web = publicVpc(stack, 'WebVpc');
    const batch = publicVpc(stack, 'BatchVpc');

    // WHEN
    const block = new VpcBlockPublicAccess(stack, 'Block', {
      mode: BlockPublicAccessMode.BLOCK_BIDIRECTIONAL,
      exclusions: [BlockPublicAccessExclusion.vpc(batch, BlockPublicAccessExclusionMode.ALLOW_EGRESS)],
    });
    for (const subnet of web.publicSubnets) {
      block.addExclusion(BlockPublicAccessExclusion.subnet(subnet, BlockPublicAccessExclusionMode.ALLOW_BIDIRECTIONAL));
    }

    // THEN
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
