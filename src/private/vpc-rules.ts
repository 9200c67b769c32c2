import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { error, Finding } from './findings';

// Rules that hold for every interface endpoint, whichever construct defines it.

/** A subnet as the rules see it. */
export interface SubnetPlacement {
  readonly subnetId: string;
  readonly availabilityZone: string;
}

export function toPlacement(subnet: ec2.ISubnet): SubnetPlacement {
  return { subnetId: subnet.subnetId, availabilityZone: subnet.availabilityZone };
}

/**
 * An interface endpoint takes at most one subnet per AZ (aws-cdk-lib's L2 would silently keep the first).
 *
 * @param prop the prop that selected the subnets, as messages name it
 */
export function validateOneSubnetPerAz(prop: string, subnets: SubnetPlacement[]): Finding[] {
  const subnetsByAz = new Map<string, string[]>();
  for (const subnet of subnets.filter(s => !Token.isUnresolved(s.availabilityZone))) {
    subnetsByAz.set(subnet.availabilityZone, [...subnetsByAz.get(subnet.availabilityZone) ?? [], subnet.subnetId]);
  }
  return [...subnetsByAz.entries()]
    .filter(([, ids]) => ids.length > 1)
    .map(([az, ids]) => error(
      `\`${prop}\` selects ${ids.length} subnets in ${az} (${ids.join(', ')}); an interface endpoint takes `
      + 'at most one subnet per AZ. Narrow the selection (e.g. `subnetGroupName`) or set `onePerAz: true`.',
    ));
}

/**
 * The VPC DNS settings that are off, of the two that private DNS and private hosted zones need
 * (undefined = not known, as for an imported VPC).
 */
export function disabledVpcDnsSettings(dnsSupportEnabled: boolean | undefined, dnsHostnamesEnabled: boolean | undefined): string[] {
  return [
    dnsSupportEnabled === false ? 'enableDnsSupport' : undefined,
    dnsHostnamesEnabled === false ? 'enableDnsHostnames' : undefined,
  ].filter((setting): setting is string => setting !== undefined);
}

/** An endpoint security group admits the VPC's CIDR blocks; with none known, no workload could reach the endpoint. */
export function validateEndpointIngress(knownCidrBlockCount: number, interfaceEndpointCount: number): Finding[] {
  if (knownCidrBlockCount > 0 || interfaceEndpointCount === 0) {
    return [];
  }
  return [error(
    '`vpc` was imported without `vpcCidrBlock`, so the endpoint security group cannot admit the VPC and no workload '
    + 'could reach the interface endpoints. Import the VPC with `vpcCidrBlock` (Vpc.fromLookup has it).',
  )];
}
