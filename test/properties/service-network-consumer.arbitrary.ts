import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as fc from 'fast-check';
import { Choice, choice, mistakes, seldomChoice } from './choices';
import { clientCidrs, clientCidrsMistakes, ClientCidrSpec, clientCidrsSpec } from './client-cidrs';
import { EnvSpec, envMistakes, mostly, OTHER_ACCOUNT, seldom, sometimes, tokenSource } from './environment';
import { constructId, longIdSpec, plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import { resourceEnvSpec } from './private-resource-share.arbitrary';
import {
  buildShareResource, Placement, placementMistake, placementSpec, placementStack, placementStackPath, SHARE_DOMAINS, ShareResourceSpec,
  shareResourceSpec, StringSpec, stringValue,
} from './private-service-network.arbitrary';
import { CarriedDomain } from './service-network-invariants';
import { buildVpc, subnetGroups, subnetSelection, SubnetSelectionSpec, subnetSelectionSpec, VpcSpec, vpcSpec } from './vpcs';
import {
  PortRange, PrivateDnsPreference, PrivateResourceEndpoint, PrivateResourceShare, PrivateServiceNetwork, PrivateServiceNetworkAssociation,
  PrivateServiceNetworkEndpoint,
} from '../../src';

// The consumer side of a VPC Lattice service network: a PrivateServiceNetworkEndpoint or a PrivateServiceNetworkAssociation
// of a VPC, to a PrivateServiceNetwork object (of its stack, or of a stack it cannot reference) or to a network's ARN, with
// the ports, security groups and private DNS options users give, right or wrong.

export type ConsumerKind = 'endpoint' | 'association';

/** The PrivateServiceNetwork a consumer is given: where it is, what it carries, whether its associations have private DNS. */
export interface ConsumerNetworkSpec {
  readonly where: Placement;
  readonly shares: ShareResourceSpec[];
  /** The first share added a second time. */
  readonly twice: boolean;
  /** A resource configuration by ARN, and a VPC Lattice service: targets whose ports the consumer cannot know. */
  readonly configuration: boolean;
  readonly service: boolean;
  readonly privateDnsEnabled?: boolean;
}

/** What the consumer connects to: a network object, a network's ARN (literal or not), both or neither. */
export type ConsumerTargetSpec =
  | { readonly kind: 'network'; readonly network: ConsumerNetworkSpec }
  | { readonly kind: 'arn'; readonly arn: StringSpec }
  | { readonly kind: 'both' | 'neither' };

export interface ConsumerSpec {
  readonly kind: ConsumerKind;
  readonly env: EnvSpec;
  readonly vpc: VpcSpec;
  readonly target: ConsumerTargetSpec;
  readonly portRanges?: Array<Choice<[number, number]>>;
  readonly securityGroups?: number;
  /** An endpoint's only. */
  readonly clientCidrs?: ClientCidrSpec[];
  /** An endpoint's only. */
  readonly vpcSubnets?: SubnetSelectionSpec;
  readonly privateDnsEnabled?: boolean;
  readonly privateDnsPreference?: Choice<string>;
  readonly privateDnsSpecifiedDomains?: StringSpec[];
  /** An endpoint's: a resource endpoint in the same VPC to a resource the network carries. */
  readonly resourceEndpoint?: boolean;
  /** An association's: a second service-network association of the same VPC. */
  readonly secondAssociation?: boolean;
  readonly plainJs?: PlainJsSpec;
  readonly longId?: boolean;
}

export function consumerId(spec: ConsumerSpec): string {
  return constructId(spec.kind === 'endpoint' ? 'Endpoint' : 'Association', spec.longId);
}

export const CONSUMER_NETWORK_ARN = `arn:aws:vpc-lattice:us-east-1:${OTHER_ACCOUNT}:servicenetwork/sn-0123456789abcdef0`;
const OTHER_NETWORK_ARN = `arn:aws:vpc-lattice:us-east-1:${OTHER_ACCOUNT}:servicenetwork/sn-0fedcba9876543210`;
const RCFG_ARN = `arn:aws:vpc-lattice:us-east-1:${OTHER_ACCOUNT}:resourceconfiguration/rcfg-0123456789abcdef0`;

/** The network of `both`: in the consumer's stack, carrying one host on 443. */
const BOTH_NETWORK: ConsumerNetworkSpec = {
  where: 'same-stack',
  shares: [{ ports: [443, 443], domain: false, verified: false }],
  twice: false,
  configuration: false,
  service: false,
};

const consumerNetworkSpec: fc.Arbitrary<ConsumerNetworkSpec> = fc.record({
  where: placementSpec,
  shares: mostly(fc.array(shareResourceSpec, { minLength: 1, maxLength: 2 }), fc.constant([])),
  twice: seldom(fc.constant(false), fc.constant(true)),
  configuration: seldom(fc.constant(false), fc.constant(true)),
  service: seldom(fc.constant(false), fc.constant(true)),
  privateDnsEnabled: sometimes(fc.boolean()),
}, { requiredKeys: ['where', 'shares', 'twice', 'configuration', 'service'] });

const targetSpec: fc.Arbitrary<ConsumerTargetSpec> = seldom<ConsumerTargetSpec>(
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('network' as const), network: consumerNetworkSpec }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('arn' as const),
        arn: seldom<StringSpec>(
          choice('serviceNetworkArn', [CONSUMER_NETWORK_ARN, CONSUMER_NETWORK_ARN.replace('us-east-1', 'eu-west-1')],
            ['sn-0123456789abcdef0', `${CONSUMER_NETWORK_ARN}x`, CONSUMER_NETWORK_ARN.replace('servicenetwork/sn-', 'service/svc-'), RCFG_ARN]),
          fc.record({ token: tokenSource })),
      }),
    },
  ),
  fc.record({ kind: fc.constantFrom('both' as const, 'neither' as const) }),
);

/** Whether the consumer can read every port from the network object: it carries shares, and nothing by ARN. */
function portsKnown(target: ConsumerTargetSpec): boolean {
  return target.kind === 'network' && target.network.shares.length > 0 && !target.network.configuration && !target.network.service;
}

/** Ports given: mostly one or two ranges, right or wrong, sometimes none at all (`[]`). */
const givenPortsSpec: fc.Arbitrary<Array<Choice<[number, number]>>> = seldom(
  fc.array(seldomChoice<[number, number]>('portRanges', [[443, 443], [5432, 5432], [8000, 8099]], [[0, 0], [9000, 8000], [443, 70000]]),
    { minLength: 1, maxLength: 2 }),
  fc.constant([]));

/** Sometimes given where the consumer knows them from the network; mostly where it cannot know them. */
function portRangesSpec(target: ConsumerTargetSpec): fc.Arbitrary<Array<Choice<[number, number]>> | undefined> {
  return portsKnown(target) ? sometimes(givenPortsSpec) : seldom(givenPortsSpec, fc.constant(undefined));
}

const SPECIFIED = ['VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS', 'SPECIFIED_DOMAINS_ONLY'];

// Domain names with a leading wildcard label or none, in any case, with or without the final dot; and what is no domain
// name, or a wildcard elsewhere than in the leading label.
const GOOD_DOMAINS = ['orders.example.com', '*.example.com', 'Billing.Example.Com.', '*.partner.example.org', 'ledger.example.net', 'example.org'];
const BAD_DOMAINS = ['bad_name.example.com', 'orders', '*', '*.*.example.com', 'orders.*.example.com', '*example.com', 'https://orders.example.com'];

const domainSpec: fc.Arbitrary<StringSpec> = seldom<StringSpec>(choice('privateDnsSpecifiedDomains', GOOD_DOMAINS, BAD_DOMAINS),
  fc.record({ token: tokenSource }));

/** More names than the 10 an endpoint or association takes. */
const tooManyDomains: fc.Arbitrary<StringSpec[]> = fc.array(fc.constantFrom(...GOOD_DOMAINS).map((value): StringSpec => ({ value })),
  { minLength: 11, maxLength: 12 });

/**
 * Specified domains as the preference reads them: mostly some with a SPECIFIED preference and none with another; sometimes
 * the other way round, an empty list or too many.
 */
function specifiedDomainsSpec(preference: string | undefined): fc.Arbitrary<StringSpec[] | undefined> {
  return SPECIFIED.includes(preference ?? '')
    ? seldom<StringSpec[] | undefined>(fc.array(domainSpec, { minLength: 1, maxLength: 3 }),
      fc.oneof(fc.constantFrom<StringSpec[] | undefined>(undefined, []), tooManyDomains))
    : seldom<StringSpec[] | undefined>(fc.constant(undefined), fc.oneof(
      { weight: 3, arbitrary: fc.array(domainSpec, { minLength: 1, maxLength: 2 }) },
      { weight: 1, arbitrary: fc.constant<StringSpec[]>([]) }));
}

export const consumerSpec = (kind: ConsumerKind): fc.Arbitrary<ConsumerSpec> => fc.tuple(resourceEnvSpec, vpcSpec).chain(([env, vpc]) => fc.record({
  kind: fc.constant(kind),
  env: fc.constant(env),
  vpc: fc.constant(vpc),
  target: targetSpec,
  // An association takes at most 5 security groups.
  securityGroups: sometimes(fc.integer({ min: 1, max: kind === 'endpoint' ? 2 : 6 })),
  clientCidrs: kind === 'endpoint' ? sometimes(clientCidrsSpec) : fc.constant(undefined),
  vpcSubnets: kind === 'endpoint' ? sometimes(subnetSelectionSpec(subnetGroups(vpc))) : fc.constant(undefined),
  privateDnsEnabled: sometimes(fc.boolean()),
  privateDnsPreference: sometimes(choice<string>('privateDnsPreference', Object.values(PrivateDnsPreference), ['VERIFIED', 'verified_domains_only'])),
  resourceEndpoint: kind === 'endpoint' ? seldom(fc.constant(undefined), fc.constant(true)) : fc.constant(undefined),
  secondAssociation: kind === 'association' ? seldom(fc.constant(undefined), fc.constant(true)) : fc.constant(undefined),
  plainJs: plainJsSpec,
  longId: longIdSpec,
}, { requiredKeys: ['kind', 'env', 'vpc', 'target', 'plainJs', 'longId'] }))
  .chain(spec => fc.tuple(portRangesSpec(spec.target), specifiedDomainsSpec(spec.privateDnsPreference?.value))
    .map(([portRanges, domains]) => ({ ...spec, portRanges, privateDnsSpecifiedDomains: domains })));

/** The network object a spec gives the consumer, if any. */
export function networkOf(spec: ConsumerSpec): ConsumerNetworkSpec | undefined {
  return spec.target.kind === 'network' ? spec.target.network : spec.target.kind === 'both' ? BOTH_NETWORK : undefined;
}

/** The literals of string specs (a token is no mistake). */
function literals(specs: ReadonlyArray<StringSpec | undefined>): Array<Choice<string> | undefined> {
  return specs.map(spec => spec === undefined || 'token' in spec ? undefined : spec);
}

/** The props a spec gets wrong, each of which must be reported (or refused at once). */
export function consumerMistakes(spec: ConsumerSpec): string[] {
  const target = spec.target;
  const network = networkOf(spec);
  const privateDns = spec.privateDnsEnabled ?? true;
  const preference = spec.privateDnsPreference?.value;
  const domains = spec.privateDnsSpecifiedDomains;
  const found = [
    ...mistakes([...spec.portRanges ?? [], spec.privateDnsPreference]),
    ...mistakes(literals([target.kind === 'arn' ? target.arn : undefined])),
    ...new Set(mistakes(literals(domains ?? []))),
    ...clientCidrsMistakes(spec.clientCidrs),
    ...envMistakes(spec.env),
    ...plainJsMistakes(spec.plainJs),
  ];
  if (target.kind === 'both' || target.kind === 'neither') {
    found.push(`serviceNetwork, serviceNetworkArn (${target.kind})`);
  }
  if (target.kind === 'network' && placementMistake(spec.env, target.network.where)) {
    found.push(`serviceNetwork (of a stack the consumer cannot reference: ${target.network.where})`);
  }
  // Ports it cannot know (of an ARN, of a network carrying targets by ARN, or nothing), unless given or left to own groups.
  const unknownPorts = network === undefined || network.configuration || network.service || network.shares.length === 0;
  if (spec.securityGroups === undefined && (spec.portRanges === undefined ? unknownPorts : spec.portRanges.length === 0)) {
    found.push('portRanges (missing or empty: the security group would admit nothing)');
  }
  if (spec.clientCidrs !== undefined && spec.securityGroups !== undefined) {
    found.push('clientCidrs (with securityGroups)');
  }
  if ((spec.securityGroups ?? 0) > 5) {
    found.push('securityGroups (more than an association takes)');
  }
  if (!privateDns && (preference !== undefined || domains !== undefined)) {
    found.push('privateDnsPreference, privateDnsSpecifiedDomains (with private DNS off)');
  }
  const needsDomains = preference !== undefined && SPECIFIED.includes(preference);
  if (needsDomains && (domains ?? []).length === 0) {
    found.push('privateDnsSpecifiedDomains (none, for a SPECIFIED preference)');
  }
  if (!needsDomains && domains !== undefined) {
    found.push('privateDnsSpecifiedDomains (without a SPECIFIED preference)');
  }
  if ((domains ?? []).length > 10) {
    found.push('privateDnsSpecifiedDomains (more than 10)');
  }
  if (privateDns && spec.vpc.kind === 'new' && !spec.vpc.dnsSupport) {
    found.push('privateDnsEnabled (no DNS support)');
  }
  if (spec.resourceEndpoint && privateDns && (network?.shares.length ?? 0) > 0) {
    found.push('resourceEndpoint (a resource endpoint and a service-network endpoint to one resource, with private DNS)');
  }
  if (spec.secondAssociation) {
    found.push('vpc (a second service-network association)');
  }
  return found;
}

/** The paths of the constructs that may report errors: the consumer, the network and its shares, the other consumers. */
export function consumerPaths(stack: Stack, spec: ConsumerSpec): string[] {
  const network = networkOf(spec);
  const networkStack = placementStackPath(stack, network?.where ?? 'same-stack');
  return [consumerId(spec), 'ResourceEndpoint', 'SecondAssociation'].map(id => `${stack.node.path}/${id}`)
    .concat([`${networkStack}/ServiceNetwork`, ...(network?.shares ?? []).map((_, n) => `${networkStack}/Share${n}`)]);
}

export interface ConsumerRequest {
  readonly construct: PrivateServiceNetworkEndpoint | PrivateServiceNetworkAssociation;
  readonly vpc: ec2.IVpc;
  readonly network?: PrivateServiceNetwork;
  /** The network's ARN, as given. */
  readonly arn?: string;
  /** The shares the network carries, each once. */
  readonly shares: PrivateResourceShare[];
  /** The custom domain names of the shares. */
  readonly domains: CarriedDomain[];
  readonly clientCidrs: string[];
  readonly securityGroups?: ec2.ISecurityGroup[];
  readonly specifiedDomains?: string[];
}

export function buildConsumer(app: App, stack: Stack, spec: ConsumerSpec): ConsumerRequest {
  const vpc = buildVpc(stack, spec.env, spec.vpc);
  const networkSpec = networkOf(spec);
  let network: PrivateServiceNetwork | undefined;
  let shares: PrivateResourceShare[] = [];
  if (networkSpec) {
    const networkStack = placementStack(app, stack, spec.env, networkSpec.where);
    // In the consumer's AZs, where a resource endpoint can reach them.
    shares = networkSpec.shares.map((share, n) => buildShareResource(networkStack, n, share, vpc.availabilityZones));
    network = new PrivateServiceNetwork(networkStack, 'ServiceNetwork', { resources: shares, privateDnsEnabled: networkSpec.privateDnsEnabled });
    if (networkSpec.twice && shares.length > 0) {
      network.addResource(shares[0]);
    }
    if (networkSpec.configuration) {
      network.addResourceConfiguration('Inventory', RCFG_ARN);
    }
    if (networkSpec.service) {
      network.addService('Checkout', 'svc-0123456789abcdef0');
    }
    if (spec.resourceEndpoint && shares.length > 0) {
      new PrivateResourceEndpoint(stack, 'ResourceEndpoint', { vpc, resourceShare: shares[0], privateDnsEnabled: false });
    }
  }
  const target = spec.target;
  const arn = target.kind === 'arn' ? stringValue(stack, target.arn) : target.kind === 'both' ? CONSUMER_NETWORK_ARN : undefined;
  const securityGroups = spec.securityGroups === undefined ? undefined
    : [...Array(spec.securityGroups).keys()].map(i => new ec2.SecurityGroup(stack, `ConsumerSecurityGroup${i}`, { vpc }));
  const clients = spec.clientCidrs && clientCidrs(stack, spec.clientCidrs);
  const specifiedDomains = spec.privateDnsSpecifiedDomains?.map(domain => stringValue(stack, domain));
  const common = {
    vpc,
    serviceNetwork: network,
    serviceNetworkArn: arn,
    portRanges: spec.portRanges?.map(({ value: [from, to] }) => from === to ? PortRange.tcp(from) : PortRange.tcpRange(from, to)),
    securityGroups,
    privateDnsEnabled: spec.privateDnsEnabled,
    privateDnsPreference: spec.privateDnsPreference?.value as PrivateDnsPreference | undefined,
    privateDnsSpecifiedDomains: specifiedDomains,
  };
  if (spec.secondAssociation) {
    new PrivateServiceNetworkAssociation(stack, 'SecondAssociation', { vpc, serviceNetworkArn: OTHER_NETWORK_ARN, portRanges: [PortRange.tcp(443)] });
  }
  const construct = spec.kind === 'endpoint'
    ? new PrivateServiceNetworkEndpoint(stack, consumerId(spec), plainJs('PrivateServiceNetworkEndpoint', {
      ...common,
      clientCidrs: clients,
      vpcSubnets: spec.vpcSubnets && subnetSelection(vpc.availabilityZones, spec.vpcSubnets),
    }, spec.plainJs))
    : new PrivateServiceNetworkAssociation(stack, consumerId(spec), plainJs('PrivateServiceNetworkAssociation', common, spec.plainJs));
  const domains = (networkSpec?.shares ?? [])
    .flatMap((share, n) => share.domain ? [{ name: SHARE_DOMAINS[n % SHARE_DOMAINS.length], verified: share.verified }] : []);
  return { construct, vpc, network, arn, shares, domains, clientCidrs: clients ?? [], securityGroups, specifiedDomains };
}
