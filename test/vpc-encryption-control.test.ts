import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import { schemaCheckedTemplate } from './schema';
import { AWS_SOLUTIONS_CHECKS, isolatedVpc, testStack, validationErrors } from './util';
import { EncryptionControlExclusion, EncryptionControlMode, VpcEncryptionControl } from '../src/vpc-encryption-control';

const GUIDE = 'https://docs\\.aws\\.amazon\\.com/vpc/latest/userguide/vpc-encryption-controls\\.html';

/** A VPC with public subnets (an internet gateway) and one NAT gateway. */
function publicVpc(stack: ReturnType<typeof testStack>['stack']) {
  return new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
}

function warnings(stack: ReturnType<typeof testStack>['stack']): string[] {
  return Annotations.fromStack(stack).findWarning('/TestStack/Control', Match.anyValue()).map(entry => String(entry.entry.data));
}

describe('VpcEncryptionControl', () => {
  test('is an encryption control in monitor mode with no exclusions by default', () => {
    // GIVEN
    const { stack } = testStack();
    const vpc = isolatedVpc(stack);

    // WHEN
    const control = new VpcEncryptionControl(stack, 'Control', { vpc });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::VPCEncryptionControl', 1);
    template.hasResourceProperties('AWS::EC2::VPCEncryptionControl', {
      VpcId: { Ref: stack.getLogicalId(vpc.node.defaultChild as ec2.CfnVPC) },
      Mode: 'monitor',
      InternetGatewayExclusionInput: Match.absent(),
      LambdaExclusionInput: Match.absent(),
    });
    expect(control.mode).toBe(EncryptionControlMode.MONITOR);
    expect(control.exclusions).toEqual([]);
    expect(stack.resolve(control.vpcEncryptionControlId)).toEqual({
      'Fn::GetAtt': [stack.getLogicalId(control.node.defaultChild as ec2.CfnVPCEncryptionControl), 'VpcEncryptionControlId'],
    });
    expect(warnings(stack)).toEqual([]);
  });

  test('maps each exclusion to its ExclusionInput property, once however often it is given', () => {
    // GIVEN
    const { stack } = testStack();
    const vpc = isolatedVpc(stack);

    // WHEN
    const control = new VpcEncryptionControl(stack, 'Control', {
      vpc,
      mode: EncryptionControlMode.ENFORCE,
      exclusions: [...Object.values(EncryptionControlExclusion), EncryptionControlExclusion.LAMBDA],
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEncryptionControl', {
      Mode: 'enforce',
      InternetGatewayExclusionInput: 'enable',
      EgressOnlyInternetGatewayExclusionInput: 'enable',
      NatGatewayExclusionInput: 'enable',
      VirtualPrivateGatewayExclusionInput: 'enable',
      VpcPeeringExclusionInput: 'enable',
      VpcLatticeExclusionInput: 'enable',
      ElasticFileSystemExclusionInput: 'enable',
      LambdaExclusionInput: 'enable',
    });
    expect(control.exclusions).toHaveLength(8);
  });

  test('synthesizes ENFORCE when every refused resource of the VPC is excluded', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vpc = publicVpc(stack);

    // WHEN
    new VpcEncryptionControl(stack, 'Control', {
      vpc,
      mode: EncryptionControlMode.ENFORCE,
      exclusions: [EncryptionControlExclusion.INTERNET_GATEWAY, EncryptionControlExclusion.NAT_GATEWAY],
    });

    // THEN
    expect(validationErrors(app)).toEqual([]);
    expect(warnings(stack)).toEqual([]);
  });

  describe('fails in ENFORCE mode when the VPC has, with no exclusion,', () => {
    test('an internet gateway and a NAT gateway, naming them and both fixes', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = publicVpc(stack);

      // WHEN
      new VpcEncryptionControl(stack, 'Control', { vpc, mode: EncryptionControlMode.ENFORCE });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(new RegExp('^\\[TestStack/Control\\] `mode` is ENFORCE, but the VPC has an internet gateway with no '
          + `exclusion: TestStack/Vpc/VPCGW\\. Enforce mode refuses it unless excluded \\(${GUIDE}\\), so the deployment would fail\\. `
          + 'Add `EncryptionControlExclusion.INTERNET_GATEWAY` to `exclusions` .*or use `EncryptionControlMode.MONITOR`\\.$')),
        expect.stringMatching(/has a NAT gateway with no exclusion: TestStack\/Vpc\/PublicSubnet1\/NATGateway\. .*`EncryptionControlExclusion.NAT_GATEWAY`/),
      ]);
    });

    test('an egress-only internet gateway and a virtual private gateway', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = isolatedVpc(stack, 'Vpc', { vpnGateway: true });
      new ec2.CfnEgressOnlyInternetGateway(stack, 'Eigw', { vpcId: vpc.vpcId });

      // WHEN
      new VpcEncryptionControl(stack, 'Control', { vpc, mode: EncryptionControlMode.ENFORCE });

      // THEN
      const errors = validationErrors(app);
      expect(errors).toEqual(expect.arrayContaining([
        expect.stringMatching(/an egress-only internet gateway with no exclusion: TestStack\/Eigw\. .*EGRESS_ONLY_INTERNET_GATEWAY/),
        expect.stringMatching(/a virtual private gateway with no exclusion: TestStack\/Vpc\/VPCVPNGW\. .*VIRTUAL_PRIVATE_GATEWAY/),
      ]));
      expect(errors).toHaveLength(2);
    });

    test('a Lambda function in its subnets and an EFS mount target', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = isolatedVpc(stack);
      new lambda.Function(stack, 'Fn', {
        vpc,
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async () => {};'),
      });
      new efs.CfnMountTarget(stack, 'MountTarget', { fileSystemId: 'fs-12345678', subnetId: vpc.isolatedSubnets[0].subnetId, securityGroups: [] });

      // WHEN
      new VpcEncryptionControl(stack, 'Control', { vpc, mode: EncryptionControlMode.ENFORCE });

      // THEN
      const errors = validationErrors(app);
      expect(errors).toEqual(expect.arrayContaining([
        expect.stringMatching(/a Lambda function with no exclusion: TestStack\/Fn\. .*`EncryptionControlExclusion.LAMBDA`/),
        expect.stringMatching(/an Amazon EFS mount target with no exclusion: TestStack\/MountTarget\. .*ELASTIC_FILE_SYSTEM/),
      ]));
      expect(errors).toHaveLength(2);
    });

    test('VPC Lattice: a service-network association and a resource gateway', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = isolatedVpc(stack);
      new vpclattice.CfnServiceNetworkVpcAssociation(stack, 'Association', { vpcIdentifier: vpc.vpcId, serviceNetworkIdentifier: 'sn-0123456789abcdef0' });
      new vpclattice.CfnResourceGateway(stack, 'Gateway', { name: 'gateway', vpcIdentifier: vpc.vpcId, subnetIds: vpc.isolatedSubnets.map(s => s.subnetId) });

      // WHEN
      new VpcEncryptionControl(stack, 'Control', { vpc, mode: EncryptionControlMode.ENFORCE });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/VPC Lattice with no exclusion: TestStack\/Association, TestStack\/Gateway\. .*`EncryptionControlExclusion.VPC_LATTICE`/),
      ]);
    });

    test('a peering connection as requester or accepter, to a VPC without enforce mode', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = isolatedVpc(stack);
      const other = isolatedVpc(stack, 'Other', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
      new ec2.CfnVPCPeeringConnection(stack, 'Outbound', { vpcId: vpc.vpcId, peerVpcId: other.vpcId });
      new ec2.CfnVPCPeeringConnection(stack, 'Inbound', { vpcId: other.vpcId, peerVpcId: vpc.vpcId });

      // WHEN
      new VpcEncryptionControl(stack, 'Control', { vpc, mode: EncryptionControlMode.ENFORCE });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/a VPC peering connection with no exclusion: TestStack\/Outbound, TestStack\/Inbound\. .*VPC_PEERING/),
      ]);
    });

    test('a Gateway Load Balancer, which no exclusion covers', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = isolatedVpc(stack);
      new elbv2.CfnLoadBalancer(stack, 'Gwlb', { type: 'gateway', subnets: vpc.isolatedSubnets.map(s => s.subnetId) });

      // WHEN
      new VpcEncryptionControl(stack, 'Control', { vpc, mode: EncryptionControlMode.ENFORCE, exclusions: Object.values(EncryptionControlExclusion) });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(new RegExp('has a Gateway Load Balancer or an AWS Network Firewall: TestStack/Gwlb\\. Neither is supported '
          + `in enforce mode and no exclusion covers them \\(${GUIDE}\\)\\. Use \`EncryptionControlMode.MONITOR\`, or move them`)),
      ]);
    });
  });

  test('needs no peering exclusion when the peer is in the same Region in enforce mode with no exclusions', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vpc = isolatedVpc(stack);
    const other = isolatedVpc(stack, 'Other', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
    new ec2.CfnVPCPeeringConnection(stack, 'Peering', { vpcId: vpc.vpcId, peerVpcId: other.vpcId });

    // WHEN
    new VpcEncryptionControl(stack, 'Control', { vpc, mode: EncryptionControlMode.ENFORCE });
    new VpcEncryptionControl(stack, 'OtherControl', { vpc: other, mode: EncryptionControlMode.ENFORCE });

    // THEN
    expect(validationErrors(app)).toEqual([]);
  });

  test('needs a peering exclusion when the enforced peer is in another Region', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vpc = isolatedVpc(stack);
    const other = isolatedVpc(stack, 'Other', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
    new ec2.CfnVPCPeeringConnection(stack, 'Peering', { vpcId: vpc.vpcId, peerVpcId: other.vpcId, peerRegion: 'eu-west-1' });

    // WHEN
    new VpcEncryptionControl(stack, 'Control', { vpc, mode: EncryptionControlMode.ENFORCE });
    new VpcEncryptionControl(stack, 'OtherControl', { vpc: other, mode: EncryptionControlMode.ENFORCE });

    // THEN
    expect(validationErrors(app)).toEqual([
      expect.stringMatching(/^\[TestStack\/Control\] .*a VPC peering connection with no exclusion: TestStack\/Peering\./),
      expect.stringMatching(/^\[TestStack\/OtherControl\] .*a VPC peering connection with no exclusion: TestStack\/Peering\./),
    ]);
  });

  test('fails when the VPC has a second encryption control', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vpc = isolatedVpc(stack);
    new VpcEncryptionControl(stack, 'Control', { vpc });

    // WHEN
    new VpcEncryptionControl(stack, 'Second', { vpc });
    new ec2.CfnVPCEncryptionControl(stack, 'Raw', { vpcId: vpc.vpcId, mode: 'monitor' });

    // THEN
    expect(validationErrors(app)).toEqual([
      '[TestStack/Control] the VPC TestStack/Vpc has another encryption control: TestStack/Second, TestStack/Raw. A VPC has at most one '
      + '(https://docs.aws.amazon.com/vpc/latest/userguide/vpc-encryption-controls.html); CloudFormation would fail to create the '
      + 'second. Keep one of them.',
      expect.stringMatching(/^\[TestStack\/Second\] the VPC TestStack\/Vpc has another encryption control: TestStack\/Control, TestStack\/Raw\./),
    ]);
  });

  test('fails when the VPC defines its own encryption control', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vpc = isolatedVpc(stack);
    (vpc.node.defaultChild as ec2.CfnVPC).vpcEncryptionControl = { mode: 'monitor' };

    // WHEN
    new VpcEncryptionControl(stack, 'Control', { vpc });

    // THEN
    expect(validationErrors(app)).toEqual([
      expect.stringMatching(/has another encryption control: TestStack\/Vpc \(its VpcEncryptionControl property\)\./),
    ]);
  });

  test('warns that exclusions have no effect in MONITOR mode', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vpc = publicVpc(stack);

    // WHEN
    new VpcEncryptionControl(stack, 'Control', { vpc, exclusions: [EncryptionControlExclusion.NAT_GATEWAY] });

    // THEN
    expect(validationErrors(app)).toEqual([]);
    expect(warnings(stack)).toEqual([
      '`exclusions` (NAT_GATEWAY) are given with `mode` MONITOR, which blocks nothing: exclusions only take effect in enforce mode. '
      + 'Remove them, or keep them ready for `EncryptionControlMode.ENFORCE`. '
      + '[ack: cdk-private-endpoints:VpcEncryptionControl.exclusionsWithoutEffect]',
    ]);
  });

  test('warns about an exclusion for a kind the VPC does not have', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vpc = isolatedVpc(stack);

    // WHEN
    new VpcEncryptionControl(stack, 'Control', {
      vpc,
      mode: EncryptionControlMode.ENFORCE,
      exclusions: [EncryptionControlExclusion.INTERNET_GATEWAY, EncryptionControlExclusion.LAMBDA],
    });

    // THEN
    expect(validationErrors(app)).toEqual([]);
    expect(warnings(stack)).toEqual([
      '`exclusions` has `EncryptionControlExclusion.INTERNET_GATEWAY`, `EncryptionControlExclusion.LAMBDA`, but the VPC has nothing '
      + 'of that kind (an internet gateway, a Lambda function). An exclusion exempts anything of its kind added later as well, which weakens '
      + 'enforcement for nothing. Remove it until the VPC needs it. [ack: cdk-private-endpoints:VpcEncryptionControl.unneededExclusion]',
    ]);
  });

  describe('on an imported VPC', () => {
    const importVpc = (stack: ReturnType<typeof testStack>['stack']) => ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a'],
      privateSubnetIds: ['subnet-0123456789abcdef0'],
    });

    test('warns in ENFORCE mode that its contents are not checked, and does not call exclusions unneeded', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new VpcEncryptionControl(stack, 'Control', {
        vpc: importVpc(stack),
        mode: EncryptionControlMode.ENFORCE,
        exclusions: [EncryptionControlExclusion.NAT_GATEWAY],
      });

      // THEN
      expect(validationErrors(app)).toEqual([]);
      expect(warnings(stack)).toEqual([expect.stringMatching(new RegExp('^`mode` is ENFORCE on an imported VPC, whose existing '
        + 'resources cannot be checked at synth\\. AWS enables encryption controls on an existing VPC in monitor mode first .*'
        + 'aws ec2 get-vpc-resources-blocking-encryption-enforcement --vpc-id <id>.*VpcEncryptionControl.contentsUnchecked\\]$'))]);
    });

    test('still fails for a refused resource the app adds to it', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = importVpc(stack);
      new ec2.CfnNatGateway(stack, 'Nat', { subnetId: 'subnet-0123456789abcdef0', connectivityType: 'private' });

      // WHEN
      new VpcEncryptionControl(stack, 'Control', { vpc, mode: EncryptionControlMode.ENFORCE });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(/a NAT gateway with no exclusion: TestStack\/Nat\./)]);
    });

    test('says nothing in MONITOR mode', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new VpcEncryptionControl(stack, 'Control', { vpc: importVpc(stack) });

      // THEN
      expect(validationErrors(app)).toEqual([]);
      expect(warnings(stack)).toEqual([]);
    });
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new VpcEncryptionControl(stack, 'Control', { vpc: isolatedVpc(stack), mode: EncryptionControlMode.ENFORCE });

    // THEN
    expect(errors(stack).filter(finding => finding.includes('Control'))).toEqual([]);
  });

  test('snapshot with defaults', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new VpcEncryptionControl(stack, 'Control', { vpc: isolatedVpc(stack) });

    // THEN
    expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
  });

  test('snapshot with every prop', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new VpcEncryptionControl(stack, 'Control', {
      vpc: publicVpc(stack),
      mode: EncryptionControlMode.ENFORCE,
      exclusions: [EncryptionControlExclusion.INTERNET_GATEWAY, EncryptionControlExclusion.NAT_GATEWAY],
    });

    // THEN
    expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
  });
});
