import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as fc from 'fast-check';
import { ClientCidrSpec, clientCidrs, clientCidrsMistakes, clientCidrsSpec } from './client-cidrs';
import { concreteEnv, EnvSpec, envMistakes, envSpec, mostly, seldom, sometimes } from './environment';
import { plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import { buildVpc, SubnetSelectionSpec, subnetSelection, subnetSelectionSpec, subnetGroups, VpcSpec, vpcSpec } from './vpcs';
import { CentralEndpointHub, HubDnsMode, InboundResolverEndpoint } from '../../src';

// An inbound Resolver endpoint: on its own in any VPC (defined or imported, with any subnet groups, in a stack of any
// environment), and as a hub's `inboundResolver` beside S3 and DynamoDB. The on-premises networks come from the
// generator of `clientCidrs` (valid and malformed entries, the whole internet, IPv6 spellings, deploy-time values).

/** `onPremisesCidrs`: usually some networks, sometimes none (a mistake). */
const onPremisesCidrsSpec: fc.Arbitrary<ClientCidrSpec[]> = seldom(
  clientCidrsSpec.filter(entries => entries.length > 0),
  fc.constant([]),
);

/** The mistakes in `onPremisesCidrs`: malformed entries, or none at all. */
function onPremisesMistakes(specs: ClientCidrSpec[]): string[] {
  return [...clientCidrsMistakes(specs), ...(specs.length === 0 ? ['onPremisesCidrs (empty)'] : [])];
}

export interface InboundSpec {
  readonly env: EnvSpec;
  readonly vpc: VpcSpec;
  readonly onPremisesCidrs: ClientCidrSpec[];
  readonly vpcSubnets?: SubnetSelectionSpec;
  readonly plainJs?: PlainJsSpec;
}

/** Whether a VPC spec has workload (private or isolated) subnets in two AZs or more, where an endpoint can go. */
const endpointReady = (vpc: VpcSpec) => (vpc.kind === 'new' ? vpc.maxAzs : vpc.azCount) >= 2 && vpc.groups.some(g => g.kind !== 'public');

/** Usually an environment and VPC an endpoint can go in; sometimes any (one AZ, public subnets only). */
const placementSpec = mostly(
  fc.record({ env: envSpec([]).filter(env => env.azCount >= 2), vpc: vpcSpec.filter(endpointReady) }),
  fc.record({ env: envSpec([]), vpc: vpcSpec }),
);

export const inboundSpec: fc.Arbitrary<InboundSpec> = placementSpec
  .chain(({ env, vpc }) => fc.record({
    env: fc.constant(env),
    vpc: fc.constant(vpc),
    onPremisesCidrs: onPremisesCidrsSpec,
    vpcSubnets: sometimes(subnetSelectionSpec(subnetGroups(vpc))),
    plainJs: plainJsSpec,
  }, { requiredKeys: ['env', 'vpc', 'onPremisesCidrs', 'plainJs'] }));

/** What a run built: the construct, its VPC, the networks it was given and the subnets the selection picks (by aws-cdk-lib). */
export interface InboundRequest {
  readonly construct: InboundResolverEndpoint;
  readonly vpc: ec2.IVpc;
  readonly onPremisesCidrs: string[];
  readonly subnets: ec2.ISubnet[];
}

/** The VPC of a run, and the subnets its endpoint must take: the selection's, or one isolated (else private) subnet per AZ. */
export function inboundVpc(stack: Stack, spec: InboundSpec): { vpc: ec2.IVpc; subnets: ec2.ISubnet[] } {
  const vpc = buildVpc(stack, spec.env, spec.vpc);
  const selection = spec.vpcSubnets
    ? subnetSelection(vpc.availabilityZones, spec.vpcSubnets)
    : { subnetType: vpc.isolatedSubnets.length > 0 ? ec2.SubnetType.PRIVATE_ISOLATED : ec2.SubnetType.PRIVATE_WITH_EGRESS, onePerAz: true };
  let subnets: ec2.ISubnet[] = [];
  try {
    subnets = vpc.selectSubnets(selection).subnets;
  } catch {
    // A selection of what the VPC lacks selects nothing.
  }
  return { vpc, subnets };
}

/** The AZs of the subnets, as the template resolves them. */
const azsOf = (stack: Stack, subnets: ec2.ISubnet[]) => subnets.map(subnet => JSON.stringify(stack.resolve(subnet.availabilityZone)));

/** The mistakes of a run: the environment's, plain JavaScript, the networks, and subnets in fewer than 2 AZs or 2 in one AZ. */
export function inboundMistakes(stack: Stack, spec: InboundSpec, subnets: ec2.ISubnet[]): string[] {
  const azs = azsOf(stack, subnets);
  return [
    ...envMistakes(spec.env),
    ...plainJsMistakes(spec.plainJs),
    ...onPremisesMistakes(spec.onPremisesCidrs),
    ...(new Set(azs).size < 2 ? ['vpcSubnets (fewer than 2 AZs)'] : []),
    ...(new Set(azs).size < azs.length ? ['vpcSubnets (two subnets in one AZ)'] : []),
  ];
}

export function buildInbound(stack: Stack, spec: InboundSpec, vpc: ec2.IVpc, subnets: ec2.ISubnet[]): InboundRequest {
  const onPremisesCidrs = clientCidrs(stack, spec.onPremisesCidrs);
  const construct = new InboundResolverEndpoint(stack, 'Inbound', plainJs('InboundResolverEndpoint', {
    vpc,
    onPremisesCidrs,
    vpcSubnets: spec.vpcSubnets && subnetSelection(vpc.availabilityZones, spec.vpcSubnets),
  }, spec.plainJs));
  return { construct, vpc, onPremisesCidrs, subnets };
}

// ---- In a hub ----

const SERVICES = {
  sts: ec2.InterfaceVpcEndpointAwsService.STS,
  ssm: ec2.InterfaceVpcEndpointAwsService.SSM,
  s3: ec2.InterfaceVpcEndpointAwsService.S3,
  dynamodb: ec2.InterfaceVpcEndpointAwsService.DYNAMODB,
};

export type HubService = keyof typeof SERVICES;

/** The services that have both endpoint types. */
export const BOTH_TYPES: HubService[] = ['s3', 'dynamodb'];

export interface HubInboundSpec {
  readonly env: EnvSpec;
  readonly profile: boolean;
  readonly services: HubService[];
  /** The hub's `inboundResolver`, or none. */
  readonly onPremisesCidrs?: ClientCidrSpec[];
  /** Whether the hub's `clientCidrs` are the on-premises networks too. */
  readonly admitted: boolean;
}

export const hubInboundSpec: fc.Arbitrary<HubInboundSpec> = fc.record({
  env: mostly(envSpec([]).filter(env => env.azCount >= 2), envSpec([])),
  profile: fc.boolean(),
  services: fc.subarray(Object.keys(SERVICES) as HubService[], { minLength: 1 }),
  onPremisesCidrs: fc.option(onPremisesCidrsSpec, { nil: undefined, freq: 3 }),
  admitted: fc.boolean(),
}, { requiredKeys: ['env', 'profile', 'services', 'admitted'] });

/**
 * The mistakes of a hub run: the environment's; S3 or DynamoDB answered through the Profile without an inbound endpoint;
 * the inbound endpoint's networks, and a hub VPC in one AZ (the hub's default `maxAzs` is 3, an unknown environment 2).
 */
export function hubInboundMistakes(spec: HubInboundSpec): string[] {
  const inbound = spec.onPremisesCidrs !== undefined;
  const hubAzs = concreteEnv(spec.env) ? Math.min(spec.env.azCount, 3) : 2;
  return [
    ...envMistakes(spec.env),
    ...(spec.profile && !inbound && spec.services.some(s => BOTH_TYPES.includes(s)) ? ['dnsMode (S3 or DynamoDB through the Profile)'] : []),
    ...(inbound ? onPremisesMistakes(spec.onPremisesCidrs!) : []),
    ...(inbound && hubAzs < 2 ? ['inboundResolver (a hub VPC in one AZ)'] : []),
  ];
}

/** The hub of a run; `withInbound: false` builds the same hub without its inbound endpoint. */
export function buildHubInbound(stack: Stack, spec: HubInboundSpec, withInbound = true): CentralEndpointHub {
  const onPremisesCidrs = spec.onPremisesCidrs && clientCidrs(stack, spec.onPremisesCidrs);
  return new CentralEndpointHub(stack, 'Hub', {
    dnsMode: spec.profile ? HubDnsMode.PROFILE_ENDPOINTS : HubDnsMode.HOSTED_ZONES,
    interfaceEndpoints: spec.services.map(s => SERVICES[s]),
    clientCidrs: ['10.1.0.0/16', ...(spec.admitted && onPremisesCidrs ? onPremisesCidrs : [])],
    inboundResolver: withInbound && onPremisesCidrs ? { onPremisesCidrs } : undefined,
  });
}
