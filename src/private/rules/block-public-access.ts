import { Token } from 'aws-cdk-lib';
import { crossRegionReferenceProblem, StackEnvironment } from './cross-account';
import { error, Finding, warning } from './findings';

// VPC Block Public Access ("Block public access to VPCs and subnets", https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html):
// one mode per account and Region, which every VPC and subnet there is under unless an exclusion exempts it.

/** A VPC or subnet given to a `VpcBlockPublicAccess` to exclude, as the rules see it. */
export interface ExclusionTarget {
  readonly kind: 'VPC' | 'subnet';
  readonly path: string;
  /** The exclusion's mode, as CloudFormation spells it: `allow-bidirectional` or `allow-egress`. */
  readonly mode: string;
  /** Where the VPC (of the subnet) declares that it has no internet path, if it does. */
  readonly noInternet?: NoInternetDeclaration;
}

/** A VPC whose `AWS::EC2::VPC` carries the no-internet requirement (`NetworkRequirements.forbidInternet`). */
export interface NoInternetDeclaration {
  readonly vpcPath: string;
  /** The PrivateEgressVpc that defines the VPC, which declares it so. */
  readonly privateEgressVpcPath?: string;
}

/** A VPC of the app in the account and Region of a `VpcBlockPublicAccess`, which no exclusion covers. */
export interface UnexcludedVpc {
  readonly path: string;
  /** Whether an internet gateway is attached to it (a VPC with public subnets). */
  readonly internetGateway: boolean;
  readonly egressOnlyInternetGateway: boolean;
}

const EXCLUSIONS_DOC = 'https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa-basics.html#security-vpc-bpa-exclusions';

function describe(target: ExclusionTarget): string {
  return `the exclusion of the ${target.kind} at ${target.path}`;
}

/**
 * An exclusion exempts its VPC or subnet from the block, so that a later internet gateway or route opens it: it must not
 * be one whose VPC declares no internet path (a PrivateEgressVpc's), where the block is what enforces that promise.
 */
export function validateNoInternetExclusions(targets: ExclusionTarget[]): Finding[] {
  return targets.filter(target => target.noInternet !== undefined).map(target => {
    const declaration = target.noInternet!;
    const declarer = declaration.privateEgressVpcPath !== undefined
      ? `the PrivateEgressVpc at ${declaration.privateEgressVpcPath}, which defines the VPC at ${declaration.vpcPath}, promises it no internet path`
      : `the VPC at ${declaration.vpcPath} declares no internet path (\`NetworkRequirements.forbidInternet\`)`;
    return error(`${describe(target)} contradicts its VPC: ${declarer}, and VPC Block Public Access is what keeps a later internet `
      + 'gateway or route from opening it. Remove the exclusion; put workloads that need the internet in another VPC, and exclude that one.');
  });
}

/** Each VPC or subnet once: a second exclusion of it would conflict with the first, in the construct tree and in the account. */
export function validateUniqueExclusions(targets: ExclusionTarget[]): Finding[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const target of targets) {
    const key = `${target.kind} ${target.path}`;
    (seen.has(key) ? repeated : seen).add(key);
  }
  return [...repeated].map(key => error(`the ${key.replace(' ', ' at ')} is excluded more than once (\`exclusions\` and `
    + '`addExclusion()`). Give each VPC or subnet one exclusion, with the mode it needs.'));
}

/**
 * An exclusion applies in the account and Region whose VPC Block Public Access it exempts from, and CDK references a VPC
 * of another stack only within one environment: a VPC or subnet of another account or Region, or one defined in a stack
 * whose Region is not given on one side only, cannot be excluded here. Undefined when it can (or when an account or
 * Region is not known at synth).
 *
 * @param needsReference whether the target's ID is an attribute of another stack (not a literal ID, as an imported VPC's)
 */
export function exclusionElsewhereMessage(target: { kind: string; path: string }, targetEnv: StackEnvironment,
  stackEnv: StackEnvironment, needsReference: boolean): string | undefined {
  const where = (env: StackEnvironment) =>
    `${Token.isUnresolved(env.account) ? 'an account known at deploy time' : `account ${env.account}`}, `
    + `${Token.isUnresolved(env.region) ? 'a Region known at deploy time' : env.region}`;
  const otherAccount = !Token.isUnresolved(targetEnv.account) && !Token.isUnresolved(stackEnv.account) && targetEnv.account !== stackEnv.account;
  const otherRegion = !Token.isUnresolved(targetEnv.region) && !Token.isUnresolved(stackEnv.region) && targetEnv.region !== stackEnv.region;
  const unreferenceable = needsReference && crossRegionReferenceProblem(targetEnv, stackEnv) !== undefined;
  if (!otherAccount && !otherRegion && !unreferenceable) {
    return undefined;
  }
  return `the ${target.kind} at ${target.path} (${where(targetEnv)}) cannot be excluded by this VpcBlockPublicAccess (${where(stackEnv)}): `
    + 'VPC Block Public Access and its exclusions apply to the VPCs of their own account and Region, and CDK references a VPC of another '
    + 'stack only within one environment. Define a VpcBlockPublicAccess in a stack of the VPC\'s account and Region, and exclude it there.';
}

/**
 * The options are one resource per account and Region ("AccountId" is its primary identifier): a second definition
 * would fail the deploy, or set a mode the first one then overwrites.
 *
 * @param environment where the construct is, as the message names it: "account 123456789012 in us-east-1"
 * @param otherPaths the other `AWS::EC2::VPCBlockPublicAccessOptions` of the app there
 */
export function validateSingleOptions(environment: string, otherPaths: string[]): Finding[] {
  if (otherPaths.length === 0) {
    return [];
  }
  return [error(`VPC Block Public Access is set once per account and Region, but ${otherPaths.join(', ')} also set${otherPaths.length === 1 ? 's' : ''} `
    + `it for ${environment}. Keep one VpcBlockPublicAccess per account and Region, and give it every exclusion.`)];
}

/**
 * A VPC of the app with an internet gateway, which no exclusion covers, loses its internet traffic when the block is on:
 * said per VPC, with the direction the mode blocks, so that the block of a public VPC is a decision, not a surprise.
 */
export function warnBlockedVpcs(mode: string, vpcs: UnexcludedVpc[]): Finding[] {
  const fix = 'Exclude it (`BlockPublicAccessExclusion.vpc()`, or `.subnet()` for its public subnets) if it needs the internet, '
    + 'or acknowledge this warning if the block is intended.';
  return vpcs.flatMap(vpc => {
    if (mode === 'block-bidirectional' && (vpc.internetGateway || vpc.egressOnlyInternetGateway)) {
      const gateways = [vpc.internetGateway ? 'an internet gateway' : '', vpc.egressOnlyInternetGateway ? 'an egress-only internet gateway' : '']
        .filter(gateway => gateway !== '').join(' and ');
      return [warning('vpcBlocked', `the VPC at ${vpc.path} has ${gateways} and no exclusion: with \`mode\` BLOCK_BIDIRECTIONAL, AWS blocks `
        + `all its internet traffic, inbound and outbound, NAT gateways included. ${fix}`)];
    }
    if (mode === 'block-ingress' && vpc.internetGateway) {
      return [warning('vpcBlocked', `the VPC at ${vpc.path} has an internet gateway and no exclusion: with \`mode\` BLOCK_INGRESS, AWS blocks `
        + 'its internet traffic except the outbound connections of its NAT gateways and egress-only internet gateways, so nothing on '
        + `the internet reaches its public subnets or internet-facing load balancers. ${fix}`)];
    }
    return [];
  });
}

/**
 * An egress-only exclusion "only applies when VPC Block Public Access is set to Bidirectional"
 * (CreateVpcBlockPublicAccessExclusion): under `block-ingress` it changes nothing.
 */
export function warnIneffectiveEgressExclusions(mode: string, targets: ExclusionTarget[]): Finding[] {
  if (mode !== 'block-ingress') {
    return [];
  }
  return targets.filter(target => target.mode === 'allow-egress').map(target => warning('egressExclusionIgnored',
    `${describe(target)} is ALLOW_EGRESS, which AWS applies only when VPC Block Public Access is BLOCK_BIDIRECTIONAL, and \`mode\` is `
    + 'BLOCK_INGRESS: it changes nothing (outbound connections through NAT gateways and egress-only internet gateways are not blocked '
    + `in this mode, ${EXCLUSIONS_DOC}). Use ALLOW_BIDIRECTIONAL for a VPC or subnet the internet must reach, or remove the exclusion.`));
}
