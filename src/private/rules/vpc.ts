import { isIPv6 } from 'net';
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { error, Finding, warning } from './findings';
import { AZ_NAMES_NOT_KNOWN, isPlaceholderAz } from '../facts/placeholder-azs';

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
 * An interface endpoint takes at most one subnet per AZ (aws-cdk-lib's L2 would silently keep the first), and so does
 * a resource endpoint (the same EC2 endpoint API). For a resource gateway it is this library's rule: reach comes from
 * spanning AZs ("Resource gateways in VPC Lattice", https://docs.aws.amazon.com/vpc/latest/privatelink/resource-gateway.html),
 * and a second subnet in an AZ adds none.
 *
 * @param prop the prop that selected the subnets, as messages name it
 * @param placed what the subnets are for, as messages name it
 */
export function validateOneSubnetPerAz(prop: string, subnets: SubnetPlacement[], placed = 'an interface endpoint'): Finding[] {
  // AZs known only at deploy time are compared as tokens: the same token is the same AZ (a VPC's subnet groups share
  // its AZ tokens), different tokens may still be one AZ and are not judged.
  const subnetsByAz = new Map<string, string[]>();
  for (const subnet of subnets) {
    subnetsByAz.set(subnet.availabilityZone, [...subnetsByAz.get(subnet.availabilityZone) ?? [], subnet.subnetId]);
  }
  return [...subnetsByAz.entries()]
    .filter(([, ids]) => ids.length > 1)
    .map(([az, ids]) => error(
      `\`${prop}\` selects ${ids.length} subnets in ${Token.isUnresolved(az) ? 'one AZ known only at deploy time' : isPlaceholderAz(az) ? 'one AZ' : az} `
      + `(${ids.join(', ')}); ${placed} takes at most one subnet per AZ. Narrow the selection (e.g. \`subnetGroupName\`) `
      + `or set \`onePerAz: true\`.${isPlaceholderAz(az) ? ` ${AZ_NAMES_NOT_KNOWN}` : ''}`,
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

/**
 * An endpoint security group admits the VPC's CIDR blocks; with none known, no workload could reach the endpoint.
 *
 * @param endpoints the endpoints behind the security group, as messages name them
 */
export function validateEndpointIngress(knownCidrBlockCount: number, interfaceEndpointCount: number,
  endpoints = 'the interface endpoints'): Finding[] {
  if (knownCidrBlockCount > 0 || interfaceEndpointCount === 0) {
    return [];
  }
  return [error(
    '`vpc` was imported without `vpcCidrBlock`, so the endpoint security group cannot admit the VPC and no workload '
    + `could reach ${endpoints}. Import the VPC with \`vpcCidrBlock\` (Vpc.fromLookup has it).`,
  )];
}

/** `clientCidrs` are admitted by the security group the construct defines, so given security groups leave them out. */
export function validateClientCidrsWithSecurityGroups(clientCidrsGiven: boolean, securityGroupsGiven: boolean): Finding[] {
  if (!clientCidrsGiven || !securityGroupsGiven) {
    return [];
  }
  return [error('`clientCidrs` is given with `securityGroups`, whose rules the construct leaves alone, so the clients would '
    + 'not be admitted. Add their rules to your security groups, or remove `securityGroups` to have the construct define one '
    + 'that admits `clientCidrs`.')];
}

const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/;
// The address part is checked by Node's parser: IPv6 has too many forms for a pattern (one `::`, up to eight groups).
const IPV6_CIDR = /^([0-9a-fA-F:]+)\/(12[0-8]|1[01]\d|[1-9]?\d)$/;
const PREFIX_LIST_ID = /^pl-[0-9a-f]{8,17}$/;

/** How a `clientCidrs` entry is rendered into a security group rule, or undefined when it is none of the forms. */
export function clientPeer(entry: string): ec2.IPeer | undefined {
  if (Token.isUnresolved(entry) || IPV4_CIDR.test(entry)) {
    // A deploy-time value (a parameter, an import) is taken as IPv4, the common case; the EC2 API checks it.
    return ec2.Peer.ipv4(entry);
  }
  const ipv6 = IPV6_CIDR.exec(entry);
  if (ipv6 && isIPv6(ipv6[1])) {
    return ec2.Peer.ipv6(entry);
  }
  return PREFIX_LIST_ID.test(entry) ? ec2.Peer.prefixList(entry) : undefined;
}

/**
 * Each `clientCidrs` entry (or entry of another prop of networks, like a spoke's `hubCidrs`) must be an IPv4 or IPv6
 * CIDR block or a prefix list ID.
 */
export function validateClientCidrs(clientCidrs: string[], prop = 'clientCidrs'): Finding[] {
  const invalid = clientCidrs.filter(entry => clientPeer(entry) === undefined);
  if (invalid.length === 0) {
    return [];
  }
  return [error(`\`${prop}\` must hold IPv4 or IPv6 CIDR blocks (10.20.0.0/16, 2001:db8::/56) or prefix list IDs `
    + `(pl-0123456789abcdef0), got ${invalid.map(entry => `'${entry}'`).join(', ')}. Fix or remove them.`)];
}

/**
 * An imported VPC shows only the CIDR block it was imported with: secondary blocks (`AWS::EC2::VPCCidrBlock` outside
 * the app) cannot be seen, so clients there would be refused without a word.
 */
export function warnUnknownCidrBlocks(vpcImported: boolean, clientCidrsGiven: boolean, admitsClients: boolean): Finding[] {
  if (!vpcImported || clientCidrsGiven || !admitsClients) {
    return [];
  }
  return [warning('cidrBlocksUnknown', '`vpc` is imported, so only the CIDR block it was imported with is admitted to the '
    + 'endpoints: secondary CIDR blocks added outside this app cannot be seen. List them in `clientCidrs` (set '
    + '`clientCidrs: []` if the VPC has none), or acknowledge this warning.')];
}
