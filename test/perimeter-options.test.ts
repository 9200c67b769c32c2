import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { testStack, validationErrors } from './util';
import { CentralEndpointHub, DnsEgressAction, EncryptionControlExclusion, EncryptionControlMode, PrivateEgressVpc } from '../src';

// The AWS-enforced controls as options of the constructs that define a VPC: PrivateEgressVpc and CentralEndpointHub.

describe('AWS-enforced controls on the VPC a construct defines', () => {
  test('a PrivateEgressVpc enforces encryption and states no path to the internet for its own VPC and subnets', () => {
    // GIVEN / WHEN
    const { app, stack } = testStack();
    const network = new PrivateEgressVpc(stack, 'Network', {
      encryptionControl: { mode: EncryptionControlMode.ENFORCE },
      internetAccessScope: {},
    });

    // THEN
    expect(validationErrors(app)).toEqual([]);
    const template = Template.fromStack(stack);
    const vpcRef = { Ref: stack.getLogicalId(network.vpc.node.defaultChild as ec2.CfnVPC) };
    template.hasResourceProperties('AWS::EC2::VPCEncryptionControl', { VpcId: vpcRef, Mode: 'enforce' });
    template.hasResourceProperties('AWS::EC2::NetworkInsightsAccessScope', {
      MatchPaths: [Match.objectLike({
        Source: { ResourceStatement: { Resources: network.vpc.isolatedSubnets.map(subnet => stack.resolve(subnet.subnetId)) } },
      })],
    });
    expect(network.encryptionControl?.mode).toBe(EncryptionControlMode.ENFORCE);
    expect(network.internetAccessScope?.subnets).toEqual(network.vpc.isolatedSubnets);
  });

  test('a PrivateEgressVpc adopting a VPC with a NAT gateway fails enforce mode without the exclusion, naming the gateway', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vpc = new ec2.Vpc(stack, 'Existing', { maxAzs: 2, natGateways: 1 });

    // WHEN
    new PrivateEgressVpc(stack, 'Network', { vpc, encryptionControl: { mode: EncryptionControlMode.ENFORCE } });

    // THEN
    expect(validationErrors(app)).toContainEqual(expect.stringMatching(/^\[TestStack\/Network\/EncryptionControl\] .*NAT gateway.*TestStack\/Existing\/PublicSubnet1\/NATGateway/));
  });

  test('a hub carries every control to its VPC, and its guard to its Profile', () => {
    // GIVEN / WHEN
    const { app, stack } = testStack();
    const hub = new CentralEndpointHub(stack, 'Hub', {
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS],
      clientCidrs: ['10.1.0.0/16'],
      dnsEgressGuard: { action: DnsEgressAction.ALERT },
      encryptionControl: { mode: EncryptionControlMode.MONITOR, exclusions: [] },
      internetAccessScope: {},
      inboundResolver: { onPremisesCidrs: ['192.168.0.0/16'] },
    });

    // THEN
    expect(validationErrors(app)).toEqual([]);
    const template = Template.fromStack(stack);
    const vpcRef = { Ref: stack.getLogicalId(hub.vpc.node.defaultChild as ec2.CfnVPC) };
    template.hasResourceProperties('AWS::EC2::VPCEncryptionControl', { VpcId: vpcRef, Mode: 'monitor' });
    template.resourceCountIs('AWS::EC2::NetworkInsightsAccessScope', 1);
    template.hasResourceProperties('AWS::Route53Resolver::FirewallRuleGroupAssociation', { VpcId: vpcRef });
    template.hasResourceProperties('AWS::Route53Resolver::ResolverEndpoint', { Direction: 'INBOUND' });
    // The inbound endpoint's S3 split puts S3's gateway endpoint in the hub VPC, whose names the guard then allows.
    const lists = Object.values(template.findResources('AWS::Route53Resolver::FirewallDomainList')).map(list => list.Properties.Domains);
    expect(lists).toContainEqual(expect.arrayContaining(['sts.us-east-1.amazonaws.com']));
  });

  test('an exclusion a PrivateEgressVpc\'s own VPC does not need is reported', () => {
    const { stack } = testStack();
    new PrivateEgressVpc(stack, 'Network', { encryptionControl: { mode: EncryptionControlMode.ENFORCE, exclusions: [EncryptionControlExclusion.INTERNET_GATEWAY] } });
    Annotations.fromStack(stack).hasWarning('/TestStack/Network/EncryptionControl',
      Match.stringLikeRegexp('cdk-private-endpoints:VpcEncryptionControl.unneededExclusion'));
  });
});
