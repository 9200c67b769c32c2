import { Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as fc from 'fast-check';
import { azNames, EnvSpec, mostly, sometimes, stringToken, TokenSource, tokenSource } from './environment';

export type SubnetKind = 'public' | 'private' | 'isolated';

/** A subnet group; two groups of one kind are possible (`Isolated` and `Data`). */
export interface SubnetGroupSpec {
  readonly kind: SubnetKind;
  readonly name: string;
}

/** A VPC defined in the app with aws-cdk-lib, which the construct adopts. */
export interface NewVpcSpec {
  readonly kind: 'new';
  readonly maxAzs: number;
  readonly groups: SubnetGroupSpec[];
  /** Per AZ with private subnets, up to `maxAzs`; zero when there are none. */
  readonly natGateways: number;
  readonly dnsSupport: boolean;
  /** A secondary CIDR block added with an L1, which endpoint clients may come from too. */
  readonly secondaryCidr: boolean;
}

/** A VPC imported with `Vpc.fromVpcAttributes`. */
export interface ImportedVpcSpec {
  readonly kind: 'imported';
  readonly azCount: number;
  /** `Fn.getAzs()` tokens instead of AZ names (environment-agnostic stacks). */
  readonly tokenAzs: boolean;
  readonly groups: ReadonlyArray<SubnetGroupSpec & { readonly routeTables: boolean }>;
  readonly cidr: boolean;
  readonly vpcIdToken?: TokenSource;
}

export type VpcSpec = NewVpcSpec | ImportedVpcSpec;

const GROUPS: SubnetGroupSpec[] = [
  { kind: 'public', name: 'Public' },
  { kind: 'private', name: 'Private' },
  { kind: 'isolated', name: 'Isolated' },
  { kind: 'isolated', name: 'Data' },
];

export const GROUP_NAMES = GROUPS.map(g => g.name);

export const newVpcSpec: fc.Arbitrary<NewVpcSpec> = fc.record({
  maxAzs: fc.integer({ min: 1, max: 3 }),
  groups: fc.subarray(GROUPS, { minLength: 1 }),
  natGateways: fc.integer({ min: 1, max: 3 }),
  dnsSupport: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }),
  secondaryCidr: fc.boolean(),
}).map(spec => {
  // aws-cdk-lib defines NAT gateways only for private subnets, and needs public subnets to put them in.
  const hasPrivate = spec.groups.some(g => g.kind === 'private');
  const withPublic = hasPrivate && !spec.groups.some(g => g.kind === 'public') ? [GROUPS[0], ...spec.groups] : spec.groups;
  return { kind: 'new' as const, ...spec, groups: withPublic, natGateways: hasPrivate ? Math.min(spec.natGateways, spec.maxAzs) : 0 };
});

export const importedVpcSpec: fc.Arbitrary<ImportedVpcSpec> = fc.record({
  kind: fc.constant('imported' as const),
  azCount: fc.integer({ min: 1, max: 3 }),
  tokenAzs: fc.boolean(),
  groups: fc.subarray(GROUPS, { minLength: 1 })
    .chain(gs => fc.tuple(...gs.map(g => mostly(fc.constant(true), fc.constant(false)).map(routeTables => ({ ...g, routeTables }))))),
  cidr: mostly(fc.constant(true), fc.constant(false)),
  vpcIdToken: fc.option(tokenSource, { nil: undefined }),
});

export const vpcSpec: fc.Arbitrary<VpcSpec> = fc.oneof(newVpcSpec, importedVpcSpec);

/** The subnet groups of the VPC: the spec's, or the one isolated group of a VPC that PrivateEgressVpc defines. */
export function subnetGroups(spec: VpcSpec | undefined): SubnetGroupSpec[] {
  return spec ? [...spec.groups] : [{ kind: 'isolated', name: 'Isolated' }];
}

/** Defines or imports the VPC in the stack. */
export function buildVpc(stack: Stack, env: EnvSpec, spec: VpcSpec, id = 'Network'): ec2.IVpc {
  if (spec.kind === 'new') {
    const vpc = new ec2.Vpc(stack, id, {
      maxAzs: spec.maxAzs,
      natGateways: spec.natGateways,
      enableDnsSupport: spec.dnsSupport,
      enableDnsHostnames: spec.dnsSupport,
      subnetConfiguration: spec.groups.map(g => ({ name: g.name, subnetType: subnetType(g.kind) })),
    });
    if (spec.secondaryCidr) {
      new ec2.CfnVPCCidrBlock(stack, `${id}SecondaryCidr`, { vpcId: vpc.vpcId, cidrBlock: '100.64.0.0/16' });
    }
    return vpc;
  }
  const azs = spec.tokenAzs || !env.region
    ? [...Array(spec.azCount).keys()].map(i => Fn.select(i, Fn.getAzs()))
    : azNames(env).slice(0, spec.azCount);
  // IDs in EC2's format (`subnet-` and 17 hex digits), one per group and AZ.
  const ids = (kind: SubnetKind, prefix: string) => spec.groups.filter(g => g.kind === kind)
    .flatMap(g => azs.map((_, i) => `${prefix}-${(GROUP_NAMES.indexOf(g.name) * 16 + i).toString(16).padStart(17, '0')}`));
  const withRouteTables = (kind: SubnetKind) => spec.groups.filter(g => g.kind === kind).every(g => g.routeTables);
  const subnets = (kind: SubnetKind) => ids(kind, 'subnet').length === 0 ? undefined : ids(kind, 'subnet');
  const routeTables = (kind: SubnetKind) => subnets(kind) && withRouteTables(kind) ? ids(kind, 'rtb') : undefined;
  return ec2.Vpc.fromVpcAttributes(stack, id, {
    vpcId: spec.vpcIdToken ? stringToken(stack, spec.vpcIdToken) : 'vpc-0123456789abcdef0',
    vpcCidrBlock: spec.cidr ? '10.8.0.0/16' : undefined,
    availabilityZones: azs,
    publicSubnetIds: subnets('public'),
    publicSubnetRouteTableIds: routeTables('public'),
    privateSubnetIds: subnets('private'),
    privateSubnetRouteTableIds: routeTables('private'),
    isolatedSubnetIds: subnets('isolated'),
    isolatedSubnetRouteTableIds: routeTables('isolated'),
  });
}

export function subnetType(kind: SubnetKind): ec2.SubnetType {
  return { public: ec2.SubnetType.PUBLIC, private: ec2.SubnetType.PRIVATE_WITH_EGRESS, isolated: ec2.SubnetType.PRIVATE_ISOLATED }[kind];
}

/**
 * A subnet selection as users write them, including ones that select nothing in some VPCs: a subnet type the VPC
 * lacks, a group name it lacks, AZs it is not in.
 */
export interface SubnetSelectionSpec {
  readonly subnetType?: SubnetKind;
  readonly subnetGroupName?: string;
  readonly azIndexes?: number[];
  readonly onePerAz?: boolean;
}

/**
 * Selections mostly of what the VPC has, sometimes of a subnet type, group name or AZ it lacks.
 *
 * @param groups the subnet groups of the VPC, which most selections name
 */
export const subnetSelectionSpec = (groups: SubnetGroupSpec[]): fc.Arbitrary<SubnetSelectionSpec> => {
  const kinds = [...new Set(groups.map(g => g.kind))];
  const names = groups.map(g => g.name);
  return fc.oneof(
    fc.record({
      subnetType: mostly(fc.constantFrom(...kinds), fc.constantFrom<SubnetKind>('private', 'isolated', 'public')),
      onePerAz: fc.boolean(),
    }, { requiredKeys: ['subnetType'] }),
    fc.record({
      subnetGroupName: mostly(fc.constantFrom(...names), fc.constant('Missing')),
      azIndexes: sometimes(fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 })),
    }, { requiredKeys: ['subnetGroupName'] }),
  );
};

/** @param azs the VPC's AZs, which `azIndexes` pick from; an index past them names an AZ the VPC is not in */
export function subnetSelection(azs: string[], spec: SubnetSelectionSpec): ec2.SubnetSelection {
  return {
    subnetType: spec.subnetType && subnetType(spec.subnetType),
    subnetGroupName: spec.subnetGroupName,
    availabilityZones: spec.azIndexes?.map(i => azs[i] ?? `elsewhere-${i}a`),
    onePerAz: spec.onePerAz,
  };
}

/** What the invariants need to know of a VPC, as resolved template values (JSON text). */
export interface VpcFacts {
  /** The IPv4 CIDR blocks known in the app. */
  readonly cidrs: Set<string>;
  readonly subnetAz: Map<string, string>;
  readonly publicRouteTables: Set<string>;
  readonly workloadRouteTables: Set<string>;
}

export function vpcFacts(stack: Stack, vpc: ec2.IVpc): VpcFacts {
  const text = (value: unknown) => JSON.stringify(stack.resolve(value));
  const routeTables = (subnets: ec2.ISubnet[]) => new Set(subnets
    .filter(s => s.routeTable?.routeTableId !== undefined).map(s => text(s.routeTable.routeTableId)));
  const cidrs = new Set<string>();
  // A VPC defined in the app has its primary block as the literal it was defined with (what the ingress rules name).
  const literal = vpc instanceof ec2.Vpc ? (vpc.node.defaultChild as ec2.CfnVPC).cidrBlock : undefined;
  try {
    cidrs.add(text(literal ?? vpc.vpcCidrBlock));
  } catch {
    // Imported without a CIDR block: none is known.
  }
  stack.node.findAll().filter((c): c is ec2.CfnVPCCidrBlock => c instanceof ec2.CfnVPCCidrBlock && c.vpcId === vpc.vpcId)
    .forEach(block => cidrs.add(text(block.cidrBlock)));
  const all = [...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets];
  return {
    cidrs,
    subnetAz: new Map(all.map(s => [text(s.subnetId), text(s.availabilityZone)])),
    publicRouteTables: routeTables(vpc.publicSubnets),
    workloadRouteTables: routeTables([...vpc.privateSubnets, ...vpc.isolatedSubnets]),
  };
}
