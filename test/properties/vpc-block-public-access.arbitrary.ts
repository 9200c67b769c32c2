import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as fc from 'fast-check';
import { envMistakes, EnvSpec, envSpec, mostly, seldom, sometimes, stackProps } from './environment';
import { constructId, longIdSpec, plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import { Placement, placementEnv, placementMistake, placementStack, placementStackPath } from './private-service-network.arbitrary';
import {
  BlockPublicAccessExclusion,
  BlockPublicAccessExclusionMode,
  BlockPublicAccessMode,
  NetworkRequirements,
  PrivateEgressVpc,
  VpcBlockPublicAccess,
} from '../../src';

// VPC Block Public Access over a random app: VPCs of every kind (a PrivateEgressVpc's, VPCs with public subnets, isolated
// ones, some declared with no internet path, imported ones) in stacks of this and other environments, and exclusions of
// them or of one of their subnets, given in props or added later, some of them mistakes.

/**
 * A VPC of the app: a PrivateEgressVpc's, an `ec2.Vpc` with public subnets (an internet gateway) or isolated ones only,
 * possibly declared with no internet path (`NetworkRequirements.forbidInternet`), or imported (with public subnets).
 */
export type AppVpcKind = 'egress' | 'public' | 'isolated' | 'forbidden' | 'imported' | 'imported-forbidden';

export interface AppVpcSpec {
  readonly kind: AppVpcKind;
  readonly where: Placement;
}

/** An exclusion of the `vpc`th VPC of the app, or of its first subnet. */
export interface ExclusionSpec {
  readonly vpc: number;
  readonly subnet: boolean;
  readonly mode?: BlockPublicAccessExclusionMode;
  /** Added with `addExclusion()` rather than given in `exclusions`. */
  readonly later: boolean;
}

export interface BlockSpec {
  readonly env: EnvSpec;
  readonly mode?: BlockPublicAccessMode;
  readonly vpcs: AppVpcSpec[];
  readonly exclusions: ExclusionSpec[];
  /** A second VpcBlockPublicAccess in the same stack. */
  readonly second: boolean;
  readonly plainJs?: PlainJsSpec;
  readonly longId?: boolean;
}

const KINDS_WITH_NO_INTERNET: AppVpcKind[] = ['egress', 'forbidden', 'imported-forbidden'];

// A PrivateEgressVpc looks up its stack's AZs, which the test app knows for its own environment only.
const anywhere = mostly(fc.constant<Placement>('same-stack'),
  fc.constantFrom<Placement>('same-env', 'region-only', 'other-account', 'other-region', 'agnostic'));

const appVpcSpec: fc.Arbitrary<AppVpcSpec> = fc.oneof(
  fc.record({ kind: fc.constantFrom<AppVpcKind>('public', 'isolated', 'imported'), where: anywhere }),
  fc.record({ kind: fc.constant<AppVpcKind>('egress'), where: seldom(fc.constant<Placement>('same-stack'), fc.constant<Placement>('same-env')) }),
  fc.record({ kind: fc.constantFrom<AppVpcKind>('forbidden', 'imported-forbidden'), where: fc.constant<Placement>('same-stack') }),
);

const exclusionModeSpec = sometimes(fc.constantFrom(BlockPublicAccessExclusionMode.ALLOW_BIDIRECTIONAL, BlockPublicAccessExclusionMode.ALLOW_EGRESS));

export const blockSpec: fc.Arbitrary<BlockSpec> = fc.array(appVpcSpec, { maxLength: 3 }).chain(vpcs => fc.record({
  env: envSpec([]),
  // Each mode as often as the default: an exclusion's default mode depends on it.
  mode: fc.constantFrom(undefined, BlockPublicAccessMode.BLOCK_BIDIRECTIONAL, BlockPublicAccessMode.BLOCK_INGRESS),
  vpcs: fc.constant(vpcs),
  // Mostly of different VPCs or subnets; sometimes one twice.
  exclusions: vpcs.length === 0 ? fc.constant([]) : mostly(
    fc.uniqueArray(fc.record({ vpc: fc.nat(vpcs.length - 1), subnet: fc.boolean(), mode: exclusionModeSpec, later: fc.boolean() }),
      { maxLength: 3, selector: exclusion => `${exclusion.vpc} ${exclusion.subnet}` }),
    fc.array(fc.record({ vpc: fc.nat(vpcs.length - 1), subnet: fc.boolean(), mode: exclusionModeSpec, later: fc.boolean() }), { maxLength: 3 })),
  second: seldom(fc.constant(false), fc.constant(true)),
  plainJs: plainJsSpec,
  longId: longIdSpec,
}, { requiredKeys: ['env', 'vpcs', 'exclusions', 'second', 'plainJs', 'longId'] }));

export function blockId(spec: BlockSpec): string {
  return constructId('Block', spec.longId);
}

function repeated(keys: string[]): boolean {
  return new Set(keys).size < keys.length;
}

/** Whether the VPC is imported, so that its ID is a literal which needs no reference between stacks. */
const imported = (vpc: AppVpcSpec) => vpc.kind === 'imported' || vpc.kind === 'imported-forbidden';

/**
 * Whether the stack at the placement and the block's stack both have a known Region and differ in it or in a known account:
 * what an imported VPC's exclusion is judged by (an environment-agnostic side may be deployed anywhere).
 */
function knownAndDifferent(env: EnvSpec, at: Placement): boolean {
  const here = stackProps(env).env;
  const there = placementEnv(env, at);
  if (here === undefined || there === undefined) {
    return false;
  }
  return here.region !== there.region || (here.account !== undefined && there.account !== undefined && here.account !== there.account);
}

/** The props a spec gets wrong, each of which must be reported. */
export function blockMistakes(spec: BlockSpec): string[] {
  const found = [...envMistakes(spec.env), ...plainJsMistakes(spec.plainJs)];
  const excluded = spec.exclusions.map(exclusion => spec.vpcs[exclusion.vpc]);
  if (excluded.some(vpc => KINDS_WITH_NO_INTERNET.includes(vpc.kind))) {
    found.push('exclusions (a VPC declared with no internet path)');
  }
  // An imported VPC's literal ID needs no reference: only known accounts and Regions that differ are compared.
  const elsewhere = (vpc: AppVpcSpec) => imported(vpc) ? knownAndDifferent(spec.env, vpc.where) : placementMistake(spec.env, vpc.where);
  if (excluded.some(elsewhere)) {
    found.push('exclusions (a VPC of another account or Region)');
  }
  if (repeated(spec.exclusions.map(exclusion => `${exclusion.vpc} ${exclusion.subnet}`))) {
    found.push('exclusions (a VPC or subnet twice)');
  }
  if (spec.second) {
    found.push('a second VpcBlockPublicAccess in the account and Region');
  }
  return found;
}

/** The paths of the constructs that may report errors: the blocks, and the PrivateEgressVpcs (which check their stack's Region). */
export function blockPaths(stack: Stack, spec: BlockSpec): string[] {
  return [
    `${stack.node.path}/${blockId(spec)}`,
    `${stack.node.path}/Second`,
    ...spec.vpcs.map((vpc, n) => `${placementStackPath(stack, vpc.where)}/Vpc${n}`),
  ];
}

/** What the construct was asked to exclude: each VPC or subnet once, with the mode asked for (undefined for the default). */
export interface BlockRequest {
  readonly construct: VpcBlockPublicAccess;
  readonly exclusions: ReadonlyArray<{ readonly target: ec2.IVpc | ec2.ISubnet; readonly kind: 'VPC' | 'subnet'; readonly mode?: string }>;
}

function buildVpc(app: App, stack: Stack, spec: BlockSpec, vpc: AppVpcSpec, n: number): ec2.IVpc {
  const scope = placementStack(app, stack, spec.env, vpc.where);
  const id = `Vpc${n}`;
  switch (vpc.kind) {
    case 'egress':
      return new PrivateEgressVpc(scope, id, { maxAzs: 1, flowLogsEnabled: false, gatewayEndpoints: [] }).vpc;
    case 'public':
    case 'isolated':
    case 'forbidden': {
      const defined = new ec2.Vpc(scope, id, {
        maxAzs: 1,
        natGateways: 0,
        subnetConfiguration: [vpc.kind === 'public'
          ? { name: 'Public', subnetType: ec2.SubnetType.PUBLIC }
          : { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      });
      if (vpc.kind === 'forbidden') {
        NetworkRequirements.forbidInternet(defined);
      }
      return defined;
    }
    case 'imported':
    case 'imported-forbidden': {
      const hex = n.toString(16).padStart(17, '0');
      const importedVpc = ec2.Vpc.fromVpcAttributes(scope, id, {
        vpcId: `vpc-${hex}`,
        availabilityZones: ['az1'],
        publicSubnetIds: [`subnet-${hex}`],
      });
      if (vpc.kind === 'imported-forbidden') {
        NetworkRequirements.forbidInternet(importedVpc);
      }
      return importedVpc;
    }
  }
}

export function buildBlock(app: App, stack: Stack, spec: BlockSpec): BlockRequest {
  const vpcs = spec.vpcs.map((vpc, n) => buildVpc(app, stack, spec, vpc, n));
  const exclusions = spec.exclusions.map(exclusion => {
    const vpc = vpcs[exclusion.vpc];
    const subnet = [...vpc.publicSubnets, ...vpc.isolatedSubnets][0];
    return {
      spec: exclusion,
      request: { target: exclusion.subnet ? subnet : vpc, kind: exclusion.subnet ? 'subnet' as const : 'VPC' as const, mode: exclusion.mode },
      exclusion: exclusion.subnet ? BlockPublicAccessExclusion.subnet(subnet, exclusion.mode) : BlockPublicAccessExclusion.vpc(vpc, exclusion.mode),
    };
  });
  const construct = new VpcBlockPublicAccess(stack, blockId(spec), plainJs('VpcBlockPublicAccess', {
    mode: spec.mode,
    exclusions: exclusions.filter(e => !e.spec.later).map(e => e.exclusion),
  }, spec.plainJs));
  exclusions.filter(e => e.spec.later).forEach(e => construct.addExclusion(e.exclusion));
  if (spec.second) {
    new VpcBlockPublicAccess(stack, 'Second');
  }
  return { construct, exclusions: exclusions.map(e => e.request) };
}
