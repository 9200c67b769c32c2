import { App, Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as fc from 'fast-check';
import { Choice, choice, mistakes } from './choices';
import { ACCOUNT, EnvSpec, envMistakes, mostly, OTHER_ACCOUNT, seldom, sometimes, stackProps, stringToken, TokenSource, tokenSource } from './environment';
import { constructId, longIdSpec, plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import { parameterNameSpec, principalMistake, sharePrincipal, SharePrincipalSpec, sharePrincipalSpec } from './hub-choices';
import { resourceEnvSpec } from './private-resource-share.arbitrary';
import { PortRange, PrivateResourceShare, PrivateServiceNetwork, ResourceDefinition } from '../../src';

// The provider side of a VPC Lattice service network: a PrivateServiceNetwork that carries resource shares (of its own
// stack, or of other stacks, some of which CDK cannot reference), resource configurations by ARN and VPC Lattice services,
// shared with principals. What the consumers' generators (service-network-consumer.arbitrary.ts) share with it is here
// too: where an object lives beside the stack that is given it, and the resource shares a network carries.

/**
 * Where an object (a resource share, a service network) lives, beside the stack of the construct that is given it: the same
 * stack, another stack of the same environment, a Region-only stack, another account, another Region, or an
 * environment-agnostic stack.
 */
export type Placement = 'same-stack' | 'same-env' | 'region-only' | 'other-account' | 'other-region' | 'agnostic';

export const placementSpec: fc.Arbitrary<Placement> = seldom(fc.constantFrom<Placement>('same-stack', 'same-env'),
  fc.constantFrom<Placement>('region-only', 'other-account', 'other-region', 'agnostic'));

/** A Region of the commercial partition (whose resource schemas have VPC Lattice) other than `region`. */
function otherRegion(region: string): string {
  return region === 'eu-west-1' ? 'us-east-1' : 'eu-west-1';
}

/** The `env` of a stack at the placement, beside a stack of `env`. */
export function placementEnv(env: EnvSpec, at: Placement): { account?: string; region: string } | undefined {
  const region = env.region ?? 'us-east-1';
  switch (at) {
    case 'same-stack':
    case 'same-env':
      return stackProps(env).env;
    case 'region-only':
      return { region };
    case 'other-account':
      return { account: OTHER_ACCOUNT, region };
    case 'other-region':
      return { account: ACCOUNT, region: otherRegion(region) };
    case 'agnostic':
      return undefined;
  }
}

/**
 * Whether CDK cannot pass the object's tokens to the stack of `env` (src/private/rules/cross-account.ts): both accounts
 * known and different, both Regions given and different, or one stack environment-agnostic and the other not. A Region-only
 * stack's account is the one it is deployed to, which may be the other's: not decidable at synth, so no mistake.
 */
export function placementMistake(env: EnvSpec, at: Placement): boolean {
  const here = stackProps(env).env;
  const there = placementEnv(env, at);
  const accountsDiffer = here?.account !== undefined && there?.account !== undefined && here.account !== there.account;
  const regionsDiffer = (here === undefined) !== (there === undefined) || (here !== undefined && there !== undefined && here.region !== there.region);
  return accountsDiffer || regionsDiffer;
}

const PLACEMENT_STACKS: Record<Placement, string> = {
  'same-stack': '',
  'same-env': 'SameEnvStack',
  'region-only': 'RegionOnlyStack',
  'other-account': 'OtherAccountStack',
  'other-region': 'OtherRegionStack',
  'agnostic': 'AgnosticStack',
};

/** The path of the stack at the placement (`stack` itself for the same stack). */
export function placementStackPath(stack: Stack, at: Placement): string {
  return at === 'same-stack' ? stack.node.path : PLACEMENT_STACKS[at];
}

/** The stack at the placement: `stack` itself, or one stack per placement in the app. */
export function placementStack(app: App, stack: Stack, env: EnvSpec, at: Placement): Stack {
  if (at === 'same-stack') {
    return stack;
  }
  return (app.node.tryFindChild(PLACEMENT_STACKS[at]) as Stack | undefined) ?? new Stack(app, PLACEMENT_STACKS[at], { env: placementEnv(env, at) });
}

/**
 * A resource a network carries: a host shared on one port range, with a custom domain name (verified or not) or none; or
 * a database (a resource configuration of type ARN, on its own port 5432, with no custom domain name).
 */
export interface ShareResourceSpec {
  readonly database?: boolean;
  readonly ports: [number, number];
  readonly domain: boolean;
  readonly verified: boolean;
}

export const shareResourceSpec: fc.Arbitrary<ShareResourceSpec> = mostly(
  fc.record({
    ports: fc.constantFrom<[number, number]>([443, 443], [5432, 5432], [8000, 8099]),
    domain: fc.boolean(),
    verified: fc.boolean(),
  }),
  fc.constant({ database: true, ports: [5432, 5432] as [number, number], domain: false, verified: false }));

/** The custom domain names of shares, by their number: one per share, so that no two shares claim one name. */
export const SHARE_DOMAINS = ['orders.example.com', 'billing.example.com', 'data.partner.example.org', 'search.example.com', 'ledger.example.net', 'audit.example.com'];

const DOMAIN_VERIFICATION_ID = 'dv-0123456789abcdef0';

/**
 * The `n`th share of the app, in `stack`: a host by domain name in an imported VPC with isolated subnets in `azs` (by
 * default two AZs of the stack's Region, or deploy-time AZs in an environment-agnostic stack).
 */
export function buildShareResource(stack: Stack, n: number, spec: ShareResourceSpec, azs?: string[]): PrivateResourceShare {
  const zones = azs ?? (Token.isUnresolved(stack.region) ? [0, 1].map(i => Fn.select(i, Fn.getAzs())) : [`${stack.region}a`, `${stack.region}b`]);
  const vpc = (stack.node.tryFindChild('ShareVpc') as ec2.IVpc | undefined) ?? ec2.Vpc.fromVpcAttributes(stack, 'ShareVpc', {
    vpcId: 'vpc-0aaaaaaaaaaaaaaaa',
    vpcCidrBlock: '10.50.0.0/16',
    availabilityZones: zones,
    isolatedSubnetIds: zones.map((_, i) => `subnet-0aaaaaaaaaaaaaa${i}0`),
  });
  const [from, to] = spec.ports;
  return new PrivateResourceShare(stack, `Share${n}`, {
    vpc,
    resource: spec.database
      ? ResourceDefinition.rdsInstance(rds.DatabaseInstance.fromDatabaseInstanceAttributes(stack, `Db${n}`, {
        instanceIdentifier: `orders${n}`,
        instanceEndpointAddress: `orders${n}.example.internal`,
        port: from,
        securityGroups: [new ec2.SecurityGroup(stack, `DbSecurityGroup${n}`, { vpc })],
      }))
      : ResourceDefinition.dnsName(`db${n}.internal.example.net`),
    portRanges: spec.database ? undefined : [from === to ? PortRange.tcp(from) : PortRange.tcpRange(from, to)],
    customDomainName: spec.domain ? SHARE_DOMAINS[n % SHARE_DOMAINS.length] : undefined,
    domainVerificationId: spec.domain && spec.verified ? DOMAIN_VERIFICATION_ID : undefined,
  });
}

/** A string prop: a literal, right or wrong, or a value known only at deploy time. */
export type StringSpec = Choice<string> | { readonly token: TokenSource };

export function stringValue(stack: Stack, spec: StringSpec): string {
  return 'token' in spec ? stringToken(stack, spec.token) : spec.value;
}

/** The literal of a spec, undefined for a token. */
function literal(spec: StringSpec | undefined): Choice<string> | undefined {
  return spec === undefined || 'token' in spec ? undefined : spec;
}

export const NETWORK_ARN = `arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:servicenetwork/sn-0123456789abcdef0`;
const RCFG = 'rcfg-0123456789abcdef0';
const rcfgArn = (id: string) => `arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:resourceconfiguration/${id}`;
const svcArn = (id: string) => `arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:service/${id}`;

/** A share given to the network, in `resources` or `addResource()`, where it lives. */
export interface NetworkShareSpec extends ShareResourceSpec {
  readonly where: Placement;
}

/** An `addResource()` call: a new share, or one added before (by its number) again. */
export type LaterResourceSpec = NetworkShareSpec | { readonly again: number };

export interface NetworkSpec {
  readonly env: EnvSpec;
  /** The stack's construct ID: `ServiceNetwork` is a natural name for the stack of a service network. */
  readonly stackId: string;
  readonly serviceNetworkName?: StringSpec;
  readonly serviceNetworkArn?: StringSpec;
  readonly resources?: NetworkShareSpec[];
  readonly laterResources: LaterResourceSpec[];
  readonly configurations: ReadonlyArray<{ readonly id: string; readonly arn: StringSpec }>;
  readonly services: ReadonlyArray<{ readonly id: string; readonly identifier: StringSpec }>;
  readonly privateDnsEnabled?: boolean;
  readonly allowedPrincipals?: SharePrincipalSpec[];
  readonly laterPrincipals: SharePrincipalSpec[];
  readonly allowExternalPrincipals?: boolean;
  readonly serviceNetworkArnParameter?: StringSpec;
  readonly plainJs?: PlainJsSpec;
  readonly longId?: boolean;
}

export function networkId(spec: NetworkSpec): string {
  return constructId('Network', spec.longId);
}

const networkShareSpec: fc.Arbitrary<NetworkShareSpec> = fc.tuple(shareResourceSpec, placementSpec)
  .map(([resource, where]) => ({ ...resource, where }));

const token = <T>(arbitrary: fc.Arbitrary<Choice<T>>): fc.Arbitrary<Choice<T> | { token: TokenSource }> =>
  seldom<Choice<T> | { token: TokenSource }>(arbitrary, fc.record({ token: tokenSource }));

// Names the CloudFormation schema takes (3..63 lowercase letters, digits and single hyphens, not first or last, not
// starting with `servicenetwork-`), and names it refuses.
const serviceNetworkNameSpec = token(choice('serviceNetworkName', ['shared-data', 'abc', `n${'0'.repeat(62)}`, 'servicenetwork1'],
  ['Shared-Data', 'shared_data', 'ab', `n${'0'.repeat(63)}`, '-shared', 'shared-', 'shared--data', 'servicenetwork-shared', 'shared data']));

const serviceNetworkArnSpec = token(choice('serviceNetworkArn', [NETWORK_ARN, NETWORK_ARN.replace('us-east-1', 'eu-west-1')],
  ['sn-0123456789abcdef0', `${NETWORK_ARN}x`, NETWORK_ARN.replace('servicenetwork/', 'service/'), 'shared-data', NETWORK_ARN.replace(ACCOUNT, '12345')]));

// Resource configurations by ARN (some the same one), or not an ARN of one (a service network's, a typo). A bare ID, which
// the method's documentation allows and its check refuses, is left out.
const configurationArnSpec = token(choice('addResourceConfiguration',
  [rcfgArn(RCFG), rcfgArn('rcfg-0fedcba9876543210'), rcfgArn('rcfg-0aaaaaaaaaaaaaaa1')],
  [`${rcfgArn(RCFG)}x`, NETWORK_ARN, rcfgArn('rcfg-123'), 'inventory']));

// Services by ID or ARN, which name the same service in two spellings (svc-0123456789abcdef0), or names of no service.
const serviceIdentifierSpec = token(choice('addService',
  ['svc-0123456789abcdef0', svcArn('svc-0123456789abcdef0'), svcArn('svc-0fedcba9876543210'), 'svc-0aaaaaaaaaaaaaaa1'],
  ['checkout', 'svc-123', NETWORK_ARN, `${svcArn('svc-0123456789abcdef0')}/listener`]));

/** Mostly none; sometimes one or two of `item`, mostly of unique IDs and sometimes of one ID twice. */
const addCalls = <T extends { id: string }>(item: fc.Arbitrary<T>) => mostly(fc.constant<T[]>([]), mostly(
  fc.uniqueArray(item, { minLength: 1, maxLength: 2, selector: call => call.id }),
  fc.array(item, { minLength: 2, maxLength: 2 })));

export const networkSpec: fc.Arbitrary<NetworkSpec> = fc.record({
  env: resourceEnvSpec,
  stackId: seldom(fc.constant('Stack'), fc.constantFrom('ServiceNetwork', 'Servicenetwork')),
  serviceNetworkName: sometimes(serviceNetworkNameSpec),
  serviceNetworkArn: seldom(fc.constant(undefined), serviceNetworkArnSpec),
  resources: mostly(fc.array(networkShareSpec, { minLength: 1, maxLength: 2 }), fc.constantFrom(undefined, [])),
  laterResources: mostly(fc.constant([]), fc.array(fc.oneof(networkShareSpec, fc.record({ again: fc.nat(3) })), { minLength: 1, maxLength: 2 })),
  configurations: addCalls(fc.record({ id: fc.constantFrom('Inventory', 'Billing'), arn: configurationArnSpec })),
  services: addCalls(fc.record({ id: fc.constantFrom('Checkout', 'Search'), identifier: serviceIdentifierSpec })),
  privateDnsEnabled: sometimes(fc.boolean()),
  allowedPrincipals: sometimes(fc.array(sharePrincipalSpec('allowedPrincipals'), { maxLength: 2 })),
  laterPrincipals: mostly(fc.constant<SharePrincipalSpec[]>([]), fc.array(sharePrincipalSpec('allowedPrincipals'), { minLength: 1, maxLength: 2 })),
  allowExternalPrincipals: sometimes(fc.boolean()),
  serviceNetworkArnParameter: sometimes(token(parameterNameSpec('serviceNetworkArnParameter', '/network/shared-data/service-network-arn'))),
  plainJs: plainJsSpec,
  longId: longIdSpec,
}, { requiredKeys: ['env', 'stackId', 'laterResources', 'configurations', 'services', 'laterPrincipals', 'plainJs', 'longId'] });

/** A share that `addResource()` adds "again" when none was given before: a new one. */
const FIRST_SHARE: NetworkShareSpec = { ports: [443, 443], domain: false, verified: false, where: 'same-stack' };

/**
 * The shares a spec builds, by number, and the share each of `resources` and `addResource()` is given (by number): a new
 * share, or one given before again.
 */
export function sharePlan(spec: NetworkSpec): { shares: NetworkShareSpec[]; resources?: number[]; later: number[] } {
  const shares: NetworkShareSpec[] = [];
  const add = (share: NetworkShareSpec) => shares.push(share) - 1;
  const resources = spec.resources?.map(add);
  const given = [...resources ?? []];
  const later = spec.laterResources.map(call => {
    const n = !('again' in call) ? add(call) : given.length > 0 ? given[call.again % given.length] : add(FIRST_SHARE);
    given.push(n);
    return n;
  });
  return { shares, resources, later };
}

/** The last part of an ARN: the ID a service or resource configuration has in its two spellings. */
const lastPart = (identifier: string) => identifier.split('/').pop()!;

function repeated(values: string[]): boolean {
  return new Set(values).size < values.length;
}

/** The props a spec gets wrong, each of which must be reported. */
export function networkMistakes(spec: NetworkSpec): string[] {
  const found = [
    ...mistakes([literal(spec.serviceNetworkName), literal(spec.serviceNetworkArn), literal(spec.serviceNetworkArnParameter)]),
    ...new Set(mistakes([...spec.configurations.map(c => literal(c.arn)), ...spec.services.map(s => literal(s.identifier))])),
    ...[...spec.allowedPrincipals ?? [], ...spec.laterPrincipals].map(principalMistake).filter((m): m is string => m !== undefined),
    ...envMistakes(spec.env),
    ...plainJsMistakes(spec.plainJs),
  ];
  if (spec.serviceNetworkName !== undefined && spec.serviceNetworkArn !== undefined) {
    found.push('serviceNetworkName (with serviceNetworkArn)');
  }
  if (sharePlan(spec).shares.some(share => placementMistake(spec.env, share.where))) {
    found.push('resources (a share of a stack the network cannot reference)');
  }
  if (repeated(spec.configurations.map(c => c.id)) || repeated(spec.services.map(s => s.id))) {
    found.push('addResourceConfiguration, addService (an ID twice)');
  }
  // One resource configuration or service twice, in one spelling or in both (ID and ARN): AWS refuses the second
  // association of it with the network (a conflict).
  const valid = (calls: ReadonlyArray<StringSpec>) => calls.map(literal)
    .filter(c => c !== undefined && c.mistake === undefined).map(c => lastPart(c!.value));
  if (repeated(valid(spec.configurations.map(c => c.arn)))) {
    found.push('addResourceConfiguration (a resource configuration twice)');
  }
  if (repeated(valid(spec.services.map(s => s.identifier)))) {
    found.push('addService (a service twice)');
  }
  return found;
}

/** The paths of the constructs that may report errors: the network and every share. */
export function networkPaths(stack: Stack, spec: NetworkSpec): string[] {
  return [`${stack.node.path}/${networkId(spec)}`, ...sharePlan(spec).shares.map((share, n) => `${placementStackPath(stack, share.where)}/Share${n}`)];
}

export interface NetworkRequest {
  readonly construct: PrivateServiceNetwork;
  /** The name given, if any. */
  readonly name?: string;
  /** Each share given, once, in the order first given. */
  readonly shares: PrivateResourceShare[];
  /** The shares of databases (resource configurations of type ARN). */
  readonly databases: Set<PrivateResourceShare>;
  readonly configurations: ReadonlyArray<{ readonly id: string; readonly arn: string }>;
  readonly services: ReadonlyArray<{ readonly id: string; readonly identifier: string }>;
  /** Every principal given, in `allowedPrincipals` and `addAllowedPrincipal()`. */
  readonly principals: string[];
  readonly parameterName?: string;
}

export function buildNetwork(app: App, stack: Stack, spec: NetworkSpec): NetworkRequest {
  const plan = sharePlan(spec);
  const shares = plan.shares.map((share, n) => buildShareResource(placementStack(app, stack, spec.env, share.where), n, share));
  const resources = plan.resources?.map(n => shares[n]);
  const name = spec.serviceNetworkName && stringValue(stack, spec.serviceNetworkName);
  const principals = spec.allowedPrincipals?.map(p => sharePrincipal(stack, p));
  const parameterName = spec.serviceNetworkArnParameter && stringValue(stack, spec.serviceNetworkArnParameter);
  const construct = new PrivateServiceNetwork(stack, networkId(spec), plainJs('PrivateServiceNetwork', {
    serviceNetworkName: name,
    serviceNetworkArn: spec.serviceNetworkArn && stringValue(stack, spec.serviceNetworkArn),
    resources,
    privateDnsEnabled: spec.privateDnsEnabled,
    allowedPrincipals: principals,
    allowExternalPrincipals: spec.allowExternalPrincipals,
    serviceNetworkArnParameter: parameterName,
  }, spec.plainJs));
  plan.later.forEach(n => construct.addResource(shares[n]));
  const configurations = spec.configurations.map(c => ({ id: c.id, arn: stringValue(stack, c.arn) }));
  configurations.forEach(c => construct.addResourceConfiguration(c.id, c.arn));
  const services = spec.services.map(s => ({ id: s.id, identifier: stringValue(stack, s.identifier) }));
  services.forEach(s => construct.addService(s.id, s.identifier));
  const later = spec.laterPrincipals.map(p => sharePrincipal(stack, p));
  later.forEach(p => construct.addAllowedPrincipal(p));
  return {
    construct,
    name,
    shares: [...new Set([...plan.resources ?? [], ...plan.later])].map(n => shares[n]),
    databases: new Set(shares.filter((_, n) => plan.shares[n].database)),
    configurations,
    services,
    principals: [...principals ?? [], ...later],
    parameterName,
  };
}
