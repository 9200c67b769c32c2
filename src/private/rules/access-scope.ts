import { error, Finding, warning } from './findings';

/** "Network Access Analyzer resource statements" (https://docs.aws.amazon.com/vpc/latest/network-access-analyzer/resource-statement.html). */
export const RESOURCE_STATEMENTS_GUIDE = 'https://docs.aws.amazon.com/vpc/latest/network-access-analyzer/resource-statement.html';

/** How the scope's subnets were chosen, and what was found. */
export interface ScopeSubnets {
  /** The number of subnets selected. */
  readonly count: number;
  /** Whether `vpcSubnets` was given (else the VPC's private and isolated subnets). */
  readonly selectionGiven: boolean;
  /** aws-cdk-lib's reason when the selection names a subnet type or group the VPC does not have. */
  readonly selectionProblem?: string;
  /** Whether the VPC is defined in the app (else imported, with only the subnets its import names). */
  readonly vpcDefinedInApp: boolean;
}

/**
 * A scope with no source subnets states nothing: an analysis of it finds no path and proves nothing. CloudFormation also
 * needs at least one resource in a resource statement.
 */
export function validateScopeSubnets(subnets: ScopeSubnets): Finding[] {
  if (subnets.count > 0) {
    return [];
  }
  if (subnets.selectionProblem !== undefined) {
    return [error(`\`vpcSubnets\` selects no subnet: ${subnets.selectionProblem}. Select subnets the VPC has.`)];
  }
  if (subnets.selectionGiven) {
    return [error('`vpcSubnets` selects no subnet of the VPC, so the scope would state nothing. Select the subnets whose '
      + 'workloads must not reach the internet.')];
  }
  if (!subnets.vpcDefinedInApp) {
    return [error('the imported VPC names no private or isolated subnets, so the scope would state nothing. Import it with '
      + '`privateSubnetIds` or `isolatedSubnetIds` (ec2.Vpc.fromVpcAttributes), or give `vpcSubnets` with `subnets`.')];
  }
  return [error('the VPC has no private or isolated subnets, so the scope would state nothing. Give `vpcSubnets` with the '
    + 'subnets whose workloads must not reach the internet.')];
}

/**
 * A resource statement names internet gateways and NAT gateways but not egress-only internet gateways (AWS's list of
 * components), so the scope cannot state that no IPv6 path leaves through one; the routes can be seen at synth.
 */
export function warnEgressOnlyRoutes(routePaths: readonly string[]): Finding[] {
  if (routePaths.length === 0) {
    return [];
  }
  return [warning('egressOnlyGatewayNotAnalyzed', `the VPC routes IPv6 traffic to an egress-only internet gateway (${routePaths.join(', ')}). `
    + `Network Access Analyzer cannot name one in a scope (${RESOURCE_STATEMENTS_GUIDE}), so no finding will show these paths. `
    + 'Remove the routes if the subnets must not reach the internet over IPv6, or rely on VPC Block Public Access for IPv6.')];
}
