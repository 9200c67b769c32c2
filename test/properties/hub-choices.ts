import { Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { Choice, choice } from './choices';
import { mostly, OTHER_ACCOUNT, stringToken, TokenSource, tokenSource } from './environment';

// Values that the hub, the spoke and the resource constructs share: principals of an AWS RAM share, `clientCidrs`
// entries, Transit Gateway IDs and SSM parameter names.

export const TRANSIT_GATEWAY_ID = 'tgw-0123456789abcdef0';

/** An AWS RAM principal: an account, an organization or an OU; or one RAM cannot share with (a role, a typo). */
export type SharePrincipalSpec = Choice<string> | { readonly kind: 'token'; readonly source: TokenSource };

export const sharePrincipalSpec = (prop: string): fc.Arbitrary<SharePrincipalSpec> => mostly<SharePrincipalSpec>(
  choice(prop, [OTHER_ACCOUNT, 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5',
    'arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56'],
  [`arn:aws:iam::${OTHER_ACCOUNT}:role/Admin`, '*', '12345', 'o-a1b2c3d4e5']),
  fc.record({ kind: fc.constant('token' as const), source: tokenSource }),
);

export function sharePrincipal(stack: Stack, spec: SharePrincipalSpec): string {
  return 'kind' in spec ? stringToken(stack, spec.source) : spec.value;
}

/** The mistake of a principal, if it is one. */
export function principalMistake(spec: SharePrincipalSpec): string | undefined {
  return 'kind' in spec ? undefined : spec.mistake;
}

/** A `clientCidrs` entry: IPv4 and IPv6 blocks, prefix lists, deploy-time values; or none of those forms. */
export type ClientCidrSpec = Choice<string> | { readonly kind: 'token'; readonly source: TokenSource };

export const IPV4_CLIENT_CIDRS = ['10.1.0.0/16', '10.0.0.0/8', '10.8.0.0/16', '100.64.0.0/10'];

/** Other spellings of `2001:db8::/56` and `fd00::1/128`, which EC2 keeps in lower case with zero groups folded. */
export const IPV6_SPELLINGS = ['2001:DB8::/56', '2001:db8:0:0::/56', '2001:0DB8:0000:0000:0000:0000:0000:0000/56', 'FD00::1/128'];

export const clientCidrSpec: fc.Arbitrary<ClientCidrSpec> = mostly<ClientCidrSpec>(
  choice('clientCidrs', [...IPV4_CLIENT_CIDRS, '2001:db8::/56', 'pl-0123456789abcdef0', ...IPV6_SPELLINGS],
    ['10.1.0.0', '10.1.0.0/33', 'pl-XYZ', 'spokes', '2001:db8::']),
  fc.record({ kind: fc.constant('token' as const), source: tokenSource }),
);

export function clientCidr(stack: Stack, spec: ClientCidrSpec): string {
  return 'kind' in spec ? stringToken(stack, spec.source) : spec.value;
}

export function clientCidrMistake(spec: ClientCidrSpec): string | undefined {
  return 'kind' in spec ? undefined : spec.mistake;
}

/** A Transit Gateway ID, literal or from a parameter. */
export type TransitGatewaySpec = 'literal' | TokenSource;

export const transitGatewaySpec: fc.Arbitrary<TransitGatewaySpec> = mostly(fc.constant('literal' as const), tokenSource);

export function transitGatewayId(stack: Stack, spec: TransitGatewaySpec): string {
  return spec === 'literal' ? TRANSIT_GATEWAY_ID : stringToken(stack, spec);
}

/**
 * SSM parameter names (PutParameter: letters, digits and `_.-/`, fully qualified with a leading `/`, never starting
 * with `aws` or `ssm`), right and wrong.
 */
export const parameterNameSpec = (prop: string, good: string): fc.Arbitrary<Choice<string>> =>
  choice(prop, [good], ['network/hub', '/aws/hub', '/SSM/hub', '/has space']);
