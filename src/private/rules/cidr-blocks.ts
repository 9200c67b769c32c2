import { isIPv6 } from 'net';
import { Token } from 'aws-cdk-lib';

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** An IPv4 CIDR block as its first address and prefix length, or undefined for anything else (IPv6, prefix lists, tokens). */
function parseIpv4Cidr(cidr: string): { address: number; prefixLength: number } | undefined {
  const match = Token.isUnresolved(cidr) ? null : IPV4_CIDR.exec(cidr);
  if (!match) {
    return undefined;
  }
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some(octet => octet > 255) || prefixLength > 32) {
    return undefined;
  }
  return { address: octets.reduce((address, octet) => address * 256 + octet, 0), prefixLength };
}

/**
 * The literal IPv4 blocks of `inner` that no block of `outer` contains. Undefined-free: when any `outer` entry is not
 * a literal IPv4 block (a prefix list, an IPv6 block, a token), containment cannot be decided and none is returned.
 */
export function ipv4CidrsNotContained(inner: string[], outer: string[]): string[] {
  const outerBlocks = outer.map(parseIpv4Cidr);
  if (outerBlocks.some(block => block === undefined)) {
    return [];
  }
  return inner.filter(cidr => {
    const block = parseIpv4Cidr(cidr);
    return block !== undefined && !outerBlocks.some(container => contains(container!, block));
  });
}

function contains(outer: { address: number; prefixLength: number }, inner: { address: number; prefixLength: number }): boolean {
  const size = 2 ** (32 - outer.prefixLength);
  return inner.prefixLength >= outer.prefixLength && Math.floor(inner.address / size) === Math.floor(outer.address / size);
}

/**
 * The blocks of `inner` that are equal to or inside a block of `outer`: EC2 refuses a route to such a destination
 * through a gateway, since the VPC's local route covers it ("equal to or more specific than one of this VPC's CIDR
 * blocks"). Only literal IPv4 blocks are compared.
 */
export function ipv4CidrsWithin(inner: string[], outer: string[]): Array<{ cidr: string; within: string }> {
  const outerBlocks = outer.map(cidr => ({ cidr, block: parseIpv4Cidr(cidr) }));
  return inner.flatMap(cidr => {
    const block = parseIpv4Cidr(cidr);
    const container = block && outerBlocks.find(outerBlock => outerBlock.block !== undefined && contains(outerBlock.block, block));
    return container ? [{ cidr, within: container.cidr }] : [];
  });
}

/** The pairs of literal IPv4 blocks of `a` and `b` that share addresses (one contains the other). */
export function overlappingIpv4Cidrs(a: string[], b: string[]): Array<{ cidr: string; overlaps: string }> {
  const bBlocks = b.map(cidr => ({ cidr, block: parseIpv4Cidr(cidr) }));
  return a.flatMap(cidr => {
    const block = parseIpv4Cidr(cidr);
    return block === undefined ? [] : bBlocks
      .filter(other => other.block !== undefined && (contains(other.block, block) || contains(block, other.block)))
      .map(other => ({ cidr, overlaps: other.cidr }));
  });
}

const IPV6_CIDR = /^([0-9a-fA-F:]+)\/(\d{1,3})$/;

/**
 * The entries of a prop of networks (CIDR blocks and prefix list IDs) as EC2 keeps them: IPv6 blocks in lower case (EC2
 * and aws-cdk-lib's security group peers take no other), and each network once, whatever its spelling
 * (`2001:db8:0:0::/64` is `2001:db8::/64`): a second rule or route to one network is refused. The first spelling given
 * is kept, so that the construct IDs derived from it stay as they were.
 */
export function uniqueNetworks(entries: string[]): string[] {
  const seen = new Set<string>();
  return entries.map(entry => Token.isUnresolved(entry) || !IPV6_CIDR.test(entry) ? entry : entry.toLowerCase())
    .filter(entry => {
      const key = networkKey(entry);
      if (seen.has(key)) {
        return false;
      }
      seen.add(key);
      return true;
    });
}

/** One spelling per network: an IPv6 block with all eight groups written out, anything else as it is. */
function networkKey(entry: string): string {
  const ipv6 = Token.isUnresolved(entry) ? null : IPV6_CIDR.exec(entry);
  if (!ipv6 || !isIPv6(ipv6[1])) {
    return entry;
  }
  const [head, tail] = ipv6[1].split('::');
  const groups = (part: string | undefined) => part ? part.split(':') : [];
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = tail === undefined ? groups(head) : [...groups(head), ...Array<string>(missing).fill('0'), ...groups(tail)];
  return `${all.map(group => parseInt(group, 16).toString(16)).join(':')}/${Number(ipv6[2])}`;
}
