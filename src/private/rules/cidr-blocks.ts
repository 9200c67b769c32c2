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
