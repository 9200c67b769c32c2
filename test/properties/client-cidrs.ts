import { Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { Choice, choice, mistakes } from './choices';
import { stringToken, TokenSource, tokenSource } from './environment';
import { IPV6_SPELLINGS } from './hub-choices';

/** One entry of `clientCidrs`: a literal as users write it, right or wrong, or a value known only at deploy time. */
export type ClientCidrSpec = Choice<string> | { readonly token: TokenSource };

// IPv4 and IPv6 blocks (the whole internet, and the imported VPCs' own block, included), AWS-managed (8 hex digits)
// and customer-managed (17) prefix list IDs. IPv6 blocks also in upper case and with zero groups written out, so that
// one network sometimes comes in two spellings (see IPV6_SPELLINGS).
const VALID = ['192.168.0.0/16', '10.8.0.0/16', '0.0.0.0/0', '172.16.4.0/32', '2001:db8::/56', '::/0', 'fd00::1/128',
  'pl-63a5400a', 'pl-0123456789abcdef0', ...IPV6_SPELLINGS];
// A mask out of range, a missing mask or octet, names, a security group ID, malformed IPv6 addresses (two `::`, three
// colons in a row, too many groups, a group of five digits), a prefix list ID that is not hexadecimal.
const INVALID = ['10.0.0.0/33', '192.168.0.0', '10.0.0/16', '256.0.0.0/8', 'on-prem', '', ' 10.0.0.0/8',
  'sg-0123456789abcdef0', '2001:db8::/129', '1::2::3/64', '2001:db8:::/56', '1:2:3:4:5:6:7:8:9/64', '12345::/16',
  'pl-XYZ12345'];

/** `clientCidrs`: mostly valid entries (sometimes none, sometimes the same one twice), sometimes a mistake. */
export const clientCidrsSpec: fc.Arbitrary<ClientCidrSpec[]> = fc.array(fc.oneof(
  { weight: 5, arbitrary: choice('clientCidrs', VALID, INVALID) },
  { weight: 1, arbitrary: fc.record({ token: tokenSource }) },
), { maxLength: 3 });

/** The entries as the construct receives them. */
export function clientCidrs(stack: Stack, specs: ClientCidrSpec[]): string[] {
  return specs.map(spec => 'token' in spec ? stringToken(stack, spec.token) : spec.value);
}

/** `clientCidrs` when one of its entries is a mistake. */
export function clientCidrsMistakes(specs: ClientCidrSpec[] | undefined): string[] {
  return [...new Set(mistakes((specs ?? []).map(spec => 'token' in spec ? undefined : spec)))];
}
