import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { schemaCheckedTemplate } from './schema';
import { AWS_SOLUTIONS_CHECKS, isolatedVpc, testStack, validationErrors } from './util';
import { InternetAccessScope } from '../src/internet-access-scope';

const subnetRefs = (stack: Stack, subnets: ec2.ISubnet[]) =>
  subnets.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) }));

/** Public, private (behind a NAT gateway) and isolated subnets in 2 AZs. */
function mixedVpc(stack: Stack) {
  return new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 1,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  });
}

describe('InternetAccessScope', () => {
  test('states no path from the private and isolated subnets to an internet gateway', () => {
    // GIVEN
    const { stack } = testStack();
    const vpc = mixedVpc(stack);

    // WHEN
    const scope = new InternetAccessScope(stack, 'Scope', { vpc });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::NetworkInsightsAccessScope', 1);
    template.hasResourceProperties('AWS::EC2::NetworkInsightsAccessScope', {
      MatchPaths: [{
        Source: { ResourceStatement: { Resources: subnetRefs(stack, [...vpc.privateSubnets, ...vpc.isolatedSubnets]) } },
        Destination: { ResourceStatement: { ResourceTypes: ['AWS::EC2::InternetGateway'] } },
      }],
      ExcludePaths: Match.absent(),
    });
    expect(scope.subnets).toEqual([...vpc.privateSubnets, ...vpc.isolatedSubnets]);
    const logicalId = stack.getLogicalId(scope.node.defaultChild as ec2.CfnNetworkInsightsAccessScope);
    expect(stack.resolve(scope.networkInsightsAccessScopeId)).toEqual({ 'Fn::GetAtt': [logicalId, 'NetworkInsightsAccessScopeId'] });
    expect(stack.resolve(scope.networkInsightsAccessScopeArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'NetworkInsightsAccessScopeArn'] });
  });

  test('covers the selected subnets only', () => {
    // GIVEN
    const { stack } = testStack();
    const vpc = mixedVpc(stack);

    // WHEN
    new InternetAccessScope(stack, 'Scope', { vpc, vpcSubnets: { subnetGroupName: 'Isolated' } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::NetworkInsightsAccessScope', {
      MatchPaths: [Match.objectLike({ Source: { ResourceStatement: { Resources: subnetRefs(stack, vpc.isolatedSubnets) } } })],
    });
  });

  test('outputs the scope ID and the commands to analyze it and read the findings', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const scope = new InternetAccessScope(stack, 'Scope', { vpc: isolatedVpc(stack) });

    // THEN
    const outputs = Template.fromStack(stack).toJSON().Outputs;
    const scopeId = stack.resolve(scope.networkInsightsAccessScopeId);
    expect(outputs).toEqual({
      ScopeScopeIdF7447C4B: expect.objectContaining({ Value: scopeId }),
      ScopeAnalyzeCommand5FF12A4E: expect.objectContaining({
        Value: {
          'Fn::Join': ['', [
            'aws ec2 start-network-insights-access-scope-analysis --region us-east-1 --network-insights-access-scope-id ',
            scopeId,
            ' --query NetworkInsightsAccessScopeAnalysis.NetworkInsightsAccessScopeAnalysisId --output text',
          ]],
        },
      }),
      ScopeFindingsCommandEA1F9FE2: expect.objectContaining({
        Value: 'aws ec2 get-network-insights-access-scope-analysis-findings --region us-east-1 '
          + '--network-insights-access-scope-analysis-id ANALYSIS_ID',
      }),
    });
  });

  describe('fails when the scope would state nothing:', () => {
    test('a VPC with public subnets only', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });

      // WHEN
      new InternetAccessScope(stack, 'Scope', { vpc });

      // THEN
      expect(validationErrors(app)).toEqual(['[TestStack/Scope] the VPC has no private or isolated subnets, so the scope would '
        + 'state nothing. Give `vpcSubnets` with the subnets whose workloads must not reach the internet.']);
    });

    test('a selection of no subnet', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new InternetAccessScope(stack, 'Scope', { vpc: isolatedVpc(stack), vpcSubnets: { subnets: [] } });

      // THEN
      expect(validationErrors(app)).toEqual(['[TestStack/Scope] `vpcSubnets` selects no subnet of the VPC, so the scope would '
        + 'state nothing. Select the subnets whose workloads must not reach the internet.']);
    });

    test('a selection of a subnet type the VPC does not have, with aws-cdk-lib\'s reason', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new InternetAccessScope(stack, 'Scope', { vpc: isolatedVpc(stack), vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Scope\] `vpcSubnets` selects no subnet: There are no 'Public' subnet groups in this VPC.*\. Select subnets the VPC has\.$/),
      ]);
    });

    test('an imported VPC that names no private or isolated subnets', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['us-east-1a'] });

      // WHEN
      new InternetAccessScope(stack, 'Scope', { vpc });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Scope\] the imported VPC names no private or isolated subnets, .*`privateSubnetIds` or `isolatedSubnetIds`/)]);
    });
  });

  test('covers the subnets an imported VPC names', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a'],
      isolatedSubnetIds: ['subnet-0123456789abcdef0'],
    });

    // WHEN
    new InternetAccessScope(stack, 'Scope', { vpc });

    // THEN
    expect(validationErrors(app)).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::NetworkInsightsAccessScope', {
      MatchPaths: [Match.objectLike({ Source: { ResourceStatement: { Resources: ['subnet-0123456789abcdef0'] } } })],
    });
  });

  test('warns that IPv6 routes to an egress-only internet gateway are not analyzed', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vpc = isolatedVpc(stack);
    const eigw = new ec2.CfnEgressOnlyInternetGateway(stack, 'Eigw', { vpcId: vpc.vpcId });
    new ec2.CfnRoute(stack, 'Ipv6Default', {
      routeTableId: vpc.isolatedSubnets[0].routeTable.routeTableId,
      destinationIpv6CidrBlock: '::/0',
      egressOnlyInternetGatewayId: eigw.ref,
    });

    // WHEN
    new InternetAccessScope(stack, 'Scope', { vpc });

    // THEN
    expect(validationErrors(app)).toEqual([]);
    Annotations.fromStack(stack).hasWarning('/TestStack/Scope', Match.stringLikeRegexp(
      '^the VPC routes IPv6 traffic to an egress-only internet gateway \\(TestStack/Ipv6Default\\)\\. Network Access Analyzer '
      + 'cannot name one in a scope .*InternetAccessScope.egressOnlyGatewayNotAnalyzed'));
  });

  test('synthesizes in an environment-agnostic stack', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Agnostic');

    // WHEN
    new InternetAccessScope(stack, 'Scope', { vpc: isolatedVpc(stack) });

    // THEN
    expect(() => app.synth()).not.toThrow();
    const analyze = Template.fromStack(stack).toJSON().Outputs.ScopeAnalyzeCommand5FF12A4E.Value;
    expect(JSON.stringify(analyze)).toContain('{"Ref":"AWS::Region"}');
  });

  describe('estimateAnalysisCost', () => {
    test('prices an analysis per network interface analyzed, with nothing billed by the hour', () => {
      // GIVEN
      const { stack } = testStack();
      const scope = new InternetAccessScope(stack, 'Scope', { vpc: isolatedVpc(stack) });

      // WHEN
      const estimate = scope.estimateAnalysisCost(150);

      // THEN
      expect(estimate).toEqual(expect.objectContaining({
        region: 'us-east-1',
        priced: true,
        networkInterfacesAnalyzed: 150,
        usdPerNetworkInterfaceAnalyzed: 0.002,
        usdPerAnalysis: 0.3,
        totalFixedMonthlyUsd: 0,
        pricesSource: 'https://aws.amazon.com/vpc/pricing/',
      }));
      expect(estimate.note).toMatch(/^Estimate for us-east-1 .*the scope itself is not billed; each analysis is, per network interface/);
    });

    test('does not guess the rate of a Region the table lacks, or of an unknown Region', () => {
      // GIVEN
      const { stack } = testStack({ env: { account: '123456789012', region: 'eu-west-1' } });
      const agnostic = new Stack(new App(), 'Agnostic');

      // WHEN
      const estimates = [stack, agnostic].map(s => new InternetAccessScope(s, 'Scope', { vpc: isolatedVpc(s) }).estimateAnalysisCost(10));

      // THEN
      expect(estimates[0]).toEqual({
        region: 'eu-west-1',
        priced: false,
        networkInterfacesAnalyzed: 10,
        note: expect.stringMatching(
          /^Not priced: this library's price table has no row for Region `eu-west-1` \(it covers us-east-1\), and it does not guess/),
      });
      expect(estimates[1]).toEqual(expect.objectContaining({ priced: false, note: expect.stringMatching(/Region is not known at synth time/) }));
    });

    test.each([-1, 2.5, Number.NaN])('throws for %d network interfaces', count => {
      // GIVEN
      const { stack } = testStack();
      const scope = new InternetAccessScope(stack, 'Scope', { vpc: isolatedVpc(stack) });

      // THEN
      expect(() => scope.estimateAnalysisCost(count)).toThrow(/^`networkInterfaces` must be a whole number of network interfaces, 0 or more, got /);
    });
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new InternetAccessScope(stack, 'Scope', { vpc: isolatedVpc(stack) });

    // THEN
    expect(errors(stack).filter(finding => finding.includes('Scope'))).toEqual([]);
  });

  test('snapshot with defaults', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new InternetAccessScope(stack, 'Scope', { vpc: isolatedVpc(stack) });

    // THEN
    expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
  });

  test('snapshot with every prop', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new InternetAccessScope(stack, 'Scope', { vpc: mixedVpc(stack), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } });

    // THEN
    expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
  });
});
