import { Token } from 'aws-cdk-lib';
import { error, Finding, warning } from './findings';
import { clientPeer } from './vpc';
import { AZ_NAMES_NOT_KNOWN, isPlaceholderAz } from '../facts/placeholder-azs';

// Rules of a Route 53 Resolver inbound endpoint.

/**
 * "For each Resolver endpoint, you specify two or more IP addresses in different Availability Zones" ("Considerations
 * when creating inbound and outbound endpoints", https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-choose-vpc.html),
 * and CloudFormation's `IpAddresses` ("Even though the minimum is 1, Route 53 requires that you create at least two").
 */
export const MIN_RESOLVER_ENDPOINT_AZS = 2;

/**
 * The endpoint's subnets must span at least two AZs. AZs known only at deploy time are counted as distinct tokens.
 *
 * @param azs the AZ of each selected subnet
 * @param selectionProblem why the selection picked nothing, when aws-cdk-lib said
 */
export function validateResolverEndpointAzs(azs: string[], selectionProblem?: string): Finding[] {
  const distinct = [...new Set(azs)];
  if (distinct.length >= MIN_RESOLVER_ENDPOINT_AZS) {
    return [];
  }
  const got = distinct.length === 0
    ? `no subnet${selectionProblem ? ` (${selectionProblem})` : ''}`
    : `subnets in 1 AZ (${Token.isUnresolved(distinct[0]) ? 'known only at deploy time' : distinct[0]})`;
  return [error(`\`vpcSubnets\` selects ${got}; a Route 53 Resolver endpoint needs IP addresses in at least `
    + `${MIN_RESOLVER_ENDPOINT_AZS} AZs. Select one subnet in each of at least ${MIN_RESOLVER_ENDPOINT_AZS} AZs, or give the VPC `
    + `subnets in a second AZ.${distinct.some(isPlaceholderAz) ? ` ${AZ_NAMES_NOT_KNOWN}` : ''}`)];
}

/** An endpoint that admits no network is billed for nothing: every query from on premises would be refused. */
export function validateOnPremisesCidrsGiven(onPremisesCidrs: string[]): Finding[] {
  return onPremisesCidrs.length > 0 ? [] : [error('`onPremisesCidrs` is empty, so the inbound endpoint\'s security group '
    + 'would admit no DNS client. List the networks whose DNS servers forward to it (10.0.0.0/8, a prefix list pl-...).')];
}

/** The networks that stand for every address. */
const ANY_ADDRESS = ['0.0.0.0/0', '::/0'];

/**
 * Admitting every address lets anything that can route to the hub query its private names (and use the endpoint for
 * recursion to the internet).
 */
export function warnAnyAddressAdmitted(onPremisesCidrs: string[]): Finding[] {
  const open = onPremisesCidrs.filter(cidr => ANY_ADDRESS.includes(cidr));
  return open.length === 0 ? [] : [warning('anyAddressAdmitted', `\`onPremisesCidrs\` includes ${open.join(' and ')}, so every `
    + 'network that can route to the VPC may query the inbound endpoint on port 53: the private names it answers, and '
    + 'public names through it. List the on-premises networks (or a prefix list of them) instead, or acknowledge this warning.')];
}

/**
 * The endpoint's addresses are IPv4 (its default `ResolverEndpointType`): a DNS server that forwards from an IPv6 address
 * cannot reach it, so a rule for an IPv6 block admits nobody.
 */
export function warnIpv6ClientsOfIpv4Endpoint(onPremisesCidrs: string[]): Finding[] {
  // Of the valid entries, only IPv6 blocks have a colon; invalid ones are reported by validateClientCidrs.
  const ipv6 = onPremisesCidrs.filter(cidr => cidr.includes(':') && clientPeer(cidr) !== undefined);
  return ipv6.length === 0 ? [] : [warning('ipv6Clients', `\`onPremisesCidrs\` includes IPv6 blocks (${ipv6.join(', ')}), but the `
    + 'inbound endpoint has IPv4 addresses only, so DNS servers in them can reach it only from IPv4 addresses. List the IPv4 '
    + 'networks of the on-premises DNS servers, or acknowledge this warning.')];
}
