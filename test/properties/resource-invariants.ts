import { Stack } from 'aws-cdk-lib';
import { resourcesOfType, TemplateJson } from './outcome';
import { VpcFacts } from './vpcs';

// Invariants of PrivateLink for VPC resources: the provider's resource gateway and share, the consumer's resource endpoint.

const text = (value: unknown) => JSON.stringify(value);

/** At least one subnet, all of the VPC, at most one per AZ. */
export function subnetsOnePerAz(what: string, subnetIds: unknown[] | undefined, vpc: VpcFacts): string[] {
  const subnets = (subnetIds ?? []).map(text);
  const azs = subnets.map(s => vpc.subnetAz.get(s));
  if (subnets.length === 0) {
    return [`${what} has no subnet`];
  }
  if (azs.some(az => az === undefined)) {
    return [`${what} has a subnet that is not one of the VPC's: ${subnets.join(', ')}`];
  }
  return new Set(azs).size === azs.length ? [] : [`${what} has two subnets in one AZ: ${azs.join(', ')}`];
}

/** One resource gateway in one subnet per AZ; the RAM share only with the principals given, and no share without them. */
export function resourceShareViolations(stack: Stack, template: TemplateJson, own: Set<string>, vpc: VpcFacts, principals: string[]): string[] {
  const mine = (type: string) => resourcesOfType(template, type).filter(([id]) => own.has(id)).map(([, props]) => props);
  const gateways = mine('AWS::VpcLattice::ResourceGateway');
  const violations = gateways.length === 1 ? subnetsOnePerAz('the resource gateway', gateways[0].SubnetIds, vpc)
    : [`${gateways.length} resource gateways, 1 expected`];
  const shares = mine('AWS::RAM::ResourceShare');
  const requested = [...new Set(principals.map(p => text(stack.resolve(p))))];
  const granted: string[] = (shares[0]?.Principals ?? []).map(text);
  if (requested.length === 0 ? shares.length > 0
    : shares.length !== 1 || granted.length !== requested.length || requested.some(p => !granted.includes(p))) {
    violations.push(`shared with ${granted} in ${shares.length} shares, requested ${requested}`);
  }
  return violations;
}
