import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { error, Finding } from './findings';

// The IP address type of an interface endpoint, and the type of the DNS records it gets, per the EC2 rules
// ("IP address types" and "DNS record IP types" of interface endpoints,
// https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html; the EC2 API's
// `IpAddressType` and `DnsRecordIpType`).

/** The address families of a subnet, where they can be known. */
export interface SubnetFamilies {
  /** The subnet's construct path, or its ID. */
  readonly subnet: string;
  /** Whether the subnet has an IPv4 range; undefined when it cannot be known (an imported subnet). */
  readonly ipv4?: boolean;
  /** Whether the subnet has an IPv6 range; undefined when it cannot be known. */
  readonly ipv6?: boolean;
}

/** What each IP address type needs of every subnet of the endpoint. */
const SUBNET_NEEDS: Record<string, { ipv4: boolean; ipv6: boolean; what: string }> = {
  [ec2.VpcEndpointIpAddressType.IPV4]: { ipv4: true, ipv6: false, what: 'an IPv4 range' },
  [ec2.VpcEndpointIpAddressType.DUALSTACK]: { ipv4: true, ipv6: true, what: 'both an IPv4 and an IPv6 range (a dual-stack subnet)' },
  [ec2.VpcEndpointIpAddressType.IPV6]: { ipv4: false, ipv6: true, what: 'an IPv6 range and no IPv4 range (an IPv6-only subnet)' },
};

/** Each subnet of an endpoint must have the address families its IP address type needs. */
export function validateIpAddressType(endpoint: string, ipAddressType: ec2.VpcEndpointIpAddressType | undefined,
  subnets: SubnetFamilies[]): Finding[] {
  const needs = ipAddressType === undefined ? undefined : SUBNET_NEEDS[ipAddressType];
  if (!needs) {
    return [];
  }
  // An IPv6-only endpoint also needs subnets without an IPv4 range.
  const misfits = subnets.filter(subnet => subnetsLacking([subnet], needs).length > 0 || (!needs.ipv4 && subnet.ipv4 === true));
  if (misfits.length === 0) {
    return [];
  }
  return [error(`${endpoint} has \`ipAddressType\` ${ipAddressType}, which needs subnets with ${needs.what}, but `
    + `${misfits.map(s => s.subnet).join(', ')} ${misfits.length === 1 ? 'has' : 'have'} not. Select such subnets, or `
    + 'choose the IP address type the subnets have.')];
}

/** The subnets known to lack a family that `needs` asks for; a subnet whose ranges cannot be known is never one. */
export function subnetsLacking(subnets: SubnetFamilies[], needs: { readonly ipv4: boolean; readonly ipv6: boolean }): SubnetFamilies[] {
  return subnets.filter(subnet => (needs.ipv4 && subnet.ipv4 === false) || (needs.ipv6 && subnet.ipv6 === false));
}

/** The IP address types each DNS record type can be used with. */
const RECORD_TYPE_NEEDS: Record<string, ec2.VpcEndpointIpAddressType[]> = {
  [ec2.VpcEndpointDnsRecordIpType.IPV4]: [ec2.VpcEndpointIpAddressType.IPV4, ec2.VpcEndpointIpAddressType.DUALSTACK],
  [ec2.VpcEndpointDnsRecordIpType.IPV6]: [ec2.VpcEndpointIpAddressType.IPV6, ec2.VpcEndpointIpAddressType.DUALSTACK],
  [ec2.VpcEndpointDnsRecordIpType.DUALSTACK]: [ec2.VpcEndpointIpAddressType.DUALSTACK],
  [ec2.VpcEndpointDnsRecordIpType.SERVICE_DEFINED]: [ec2.VpcEndpointIpAddressType.DUALSTACK],
};

/**
 * DNS records of a type the endpoint has no addresses for cannot be created.
 *
 * @param ipAddressType undefined means EC2's default, IPv4
 */
export function validateDnsRecordIpType(endpoint: string, dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType | undefined,
  ipAddressType: ec2.VpcEndpointIpAddressType | undefined): Finding[] {
  const allowed = dnsRecordIpType === undefined ? undefined : RECORD_TYPE_NEEDS[dnsRecordIpType];
  const addressType = ipAddressType ?? ec2.VpcEndpointIpAddressType.IPV4;
  if (!allowed || allowed.includes(addressType)) {
    return [];
  }
  return [error(`${endpoint} has \`dnsRecordIpType\` ${dnsRecordIpType}, which needs \`ipAddressType\` `
    + `${allowed.join(' or ')}, got ${addressType}. Set \`ipAddressType\` to ${allowed[allowed.length - 1]}, or choose the `
    + 'DNS record type of the addresses the endpoint has.')];
}

/** The address families of a subnet defined in the app; an imported subnet's cannot be known. */
export function subnetFamilies(subnet: ec2.ISubnet, name: string): SubnetFamilies {
  const resource = subnet.node.defaultChild;
  if (!(resource instanceof ec2.CfnSubnet) || Token.isUnresolved(resource.ipv6Native)) {
    return { subnet: name };
  }
  return {
    subnet: name,
    ipv4: resource.ipv6Native !== true && (resource.cidrBlock !== undefined || resource.ipv4IpamPoolId !== undefined),
    ipv6: resource.ipv6CidrBlock !== undefined || resource.ipv6IpamPoolId !== undefined,
  };
}
