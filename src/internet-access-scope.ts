import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { AccessScopeAnalysisCostEstimate } from './cost';
import { estimateAccessScopeAnalysisCost } from './private/cost/cost-model';
import { findInternetRoutes } from './private/inventory/vpc-inspection';
import { validateScopeSubnets, warnEgressOnlyRoutes } from './private/rules/access-scope';
import { validateResourceTypeInRegion } from './private/rules/resource-availability';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { selectSubnets } from './private/wiring/subnet-selection';

/** The choices of an `InternetAccessScope`, for constructs that define one for their VPC. */
export interface InternetAccessScopeOptions {
  /**
   * The subnets whose workloads must have no path to the internet.
   *
   * @default - the VPC's private and isolated subnets
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
}

/** Properties of an `InternetAccessScope`. */
export interface InternetAccessScopeProps extends InternetAccessScopeOptions {
  /** The VPC whose subnets the scope covers. */
  readonly vpc: ec2.IVpc;
}

/**
 * A Network Access Analyzer scope (`AWS::EC2::NetworkInsightsAccessScope`) that states "no path from these subnets to an
 * internet gateway". A path out through a NAT gateway ends at an internet gateway too, so it is a finding as well.
 *
 * The scope is the promise; an analysis checks it against the deployed network. Start one with the `AnalyzeCommand` output
 * after each deployment: each finding is a path that breaks the promise, with every hop (subnet, route table, NAT gateway,
 * internet gateway); an analysis that succeeds with no findings (`FindingsFound` false) is AWS's proof that, as configured,
 * no packet from these subnets can reach the internet.
 */
export class InternetAccessScope extends Construct {
  /** The ID of the Network Access Scope, like `nis-0123456789abcdef0`. */
  public readonly networkInsightsAccessScopeId: string;

  /** The ARN of the Network Access Scope. */
  public readonly networkInsightsAccessScopeArn: string;

  /** The subnets the scope covers. */
  public readonly subnets: ec2.ISubnet[];

  constructor(scope: Construct, id: string, props: InternetAccessScopeProps) {
    super(scope, id);
    checkProps(this, 'InternetAccessScope', props);

    const { vpc } = props;
    const selection = props.vpcSubnets ? selectSubnets(vpc, props.vpcSubnets) : { subnets: [...vpc.privateSubnets, ...vpc.isolatedSubnets] };
    this.subnets = selection.subnets;

    // Subnets may be a source by ID; internet gateways a destination by type; NAT gateways only a "through" component,
    // which a path to an internet gateway crosses anyway ("Network Access Analyzer resource statements").
    const accessScope = new ec2.CfnNetworkInsightsAccessScope(this, 'Resource', {
      matchPaths: [{
        source: { resourceStatement: { resources: this.subnets.map(subnet => subnet.subnetId) } },
        destination: { resourceStatement: { resourceTypes: ['AWS::EC2::InternetGateway'] } },
      }],
    });
    this.networkInsightsAccessScopeId = accessScope.attrNetworkInsightsAccessScopeId;
    this.networkInsightsAccessScopeArn = accessScope.attrNetworkInsightsAccessScopeArn;
    this.defineOutputs();

    addRules(this, 'InternetAccessScope', () => [
      ...validateResourceTypeInRegion(ec2.CfnNetworkInsightsAccessScope.CFN_RESOURCE_TYPE_NAME, Stack.of(this).region),
      ...validateScopeSubnets({
        count: this.subnets.length,
        selectionGiven: props.vpcSubnets !== undefined,
        selectionProblem: selection.problem,
        vpcDefinedInApp: vpc instanceof ec2.Vpc,
      }),
      ...warnEgressOnlyRoutes(findInternetRoutes(vpc, this)
        .filter(route => route.target === 'an egress-only internet gateway')
        .map(route => route.path)),
    ]);
  }

  /**
   * What one analysis of the scope costs at list prices, for the number of network interfaces it analyzes: every network
   * interface an analysis considers is billed, and which ones it considers (those in the subnets, and those its paths reach)
   * is AWS's to decide, so give the count the last analysis reported (`AnalyzedEniCount`) or an estimate.
   *
   * @param networkInterfaces the network interfaces an analysis analyzes
   */
  public estimateAnalysisCost(networkInterfaces: number): AccessScopeAnalysisCostEstimate {
    return estimateAccessScopeAnalysisCost(Stack.of(this).region, networkInterfaces);
  }

  /** The scope's ID and the AWS CLI commands that analyze it and read the findings, for after each deployment. */
  private defineOutputs(): void {
    const region = Stack.of(this).region;
    new CfnOutput(this, 'ScopeId', {
      description: 'Network Access Scope: no path from the subnets to an internet gateway',
      value: this.networkInsightsAccessScopeId,
    });
    new CfnOutput(this, 'AnalyzeCommand', {
      description: 'Starts an analysis and prints its ID; wait until describe-network-insights-access-scope-analyses shows Status succeeded',
      value: `aws ec2 start-network-insights-access-scope-analysis --region ${region} --network-insights-access-scope-id `
        + `${this.networkInsightsAccessScopeId} --query NetworkInsightsAccessScopeAnalysis.NetworkInsightsAccessScopeAnalysisId --output text`,
    });
    new CfnOutput(this, 'FindingsCommand', {
      description: 'Lists the paths that break the promise (none: the subnets cannot reach the internet); replace ANALYSIS_ID',
      value: `aws ec2 get-network-insights-access-scope-analysis-findings --region ${region} `
        + '--network-insights-access-scope-analysis-id ANALYSIS_ID',
    });
  }
}
