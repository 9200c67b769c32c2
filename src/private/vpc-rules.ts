import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { error, Finding, warning } from './findings';

// Rules that hold for every interface endpoint, whichever construct defines it.

/** A subnet as the rules see it. */
export interface SubnetPlacement {
  /** The subnet's ID, or its construct path when the ID is known only at deploy time. */
  readonly subnetId: string;
  readonly availabilityZone: string;
}

/** A subnet defined in the app has a token for its ID: messages name it by its construct path instead. */
export function toPlacement(subnet: ec2.ISubnet): SubnetPlacement {
  return {
    subnetId: Token.isUnresolved(subnet.subnetId) ? subnet.node.path : subnet.subnetId,
    availabilityZone: subnet.availabilityZone,
  };
}

/**
 * An interface endpoint takes at most one subnet per AZ (aws-cdk-lib's L2 would silently keep the first).
 *
 * @param prop the prop that selected the subnets, as messages name it
 */
export function validateOneSubnetPerAz(prop: string, subnets: SubnetPlacement[]): Finding[] {
  // AZs known only at deploy time are compared as tokens: the same token is the same AZ (a VPC's subnet groups share
  // its AZ tokens), different tokens may still be one AZ and are not judged.
  const subnetsByAz = new Map<string, string[]>();
  for (const subnet of subnets) {
    subnetsByAz.set(subnet.availabilityZone, [...subnetsByAz.get(subnet.availabilityZone) ?? [], subnet.subnetId]);
  }
  return [...subnetsByAz.entries()]
    .filter(([, ids]) => ids.length > 1)
    .map(([az, ids]) => error(
      `\`${prop}\` selects ${ids.length} subnets in ${Token.isUnresolved(az) ? 'one AZ known only at deploy time' : az} `
      + `(${ids.join(', ')}); an interface endpoint takes at most one subnet per AZ. Narrow the selection (e.g. \`subnetGroupName\`) `
      + 'or set `onePerAz: true`.',
    ));
}

/**
 * Private DNS and private hosted zones resolve only in a VPC with DNS support and DNS hostnames on (undefined = not
 * known, as for an imported VPC).
 *
 * @param needs what needs them, as messages name it: "`privateDnsEnabled` (for ssm, logs)", "`domainName`"
 */
export function validateVpcDns(needs: string[], dnsSupportEnabled: boolean | undefined, dnsHostnamesEnabled: boolean | undefined): Finding[] {
  const off = [
    dnsSupportEnabled === false ? 'enableDnsSupport' : undefined,
    dnsHostnamesEnabled === false ? 'enableDnsHostnames' : undefined,
  ].filter(setting => setting !== undefined);
  if (off.length === 0 || needs.length === 0) {
    return [];
  }
  return [error(
    `${needs.join(' and ')} need${needs.length === 1 ? 's' : ''} the VPC's DNS support and DNS hostnames, but the VPC has `
    + `${off.join(' and ')} set to false, so the names will not resolve. Turn both on in the VPC.`,
  )];
}

/**
 * Each AZ left out of an endpoint because the service is not available there (as the context lookup says) is a
 * warning: workloads there still reach the endpoint, across AZs.
 *
 * @param endpoint the endpoint, as messages name it: "interface endpoint 'ssm'"
 */
export function warnUnsupportedAzs(endpoint: string, skippedAzs: string[]): Finding[] {
  return skippedAzs.map(az => warning('unsupportedAz',
    `${endpoint} leaves out ${az}: the service is not available there. Workloads in ${az} reach it through the `
    + 'endpoint\'s network interfaces in other AZs.'));
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
