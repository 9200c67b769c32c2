import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';
import { BlockPublicAccessExclusion } from './block-public-access-exclusion';
import { BlockPublicAccessExclusionMode, BlockPublicAccessMode } from './block-public-access-mode';
import { BLOCK_PUBLIC_ACCESS_EXCLUSIONS_QUOTA } from './private/facts/quotas';
import { AppInventory } from './private/inventory/app-inventory';
import {
  exclusionElsewhereMessage,
  ExclusionTarget,
  UnexcludedVpc,
  validateNoInternetExclusions,
  validateSingleOptions,
  validateUniqueExclusions,
  warnBlockedVpcs,
  warnIneffectiveEgressExclusions,
} from './private/rules/block-public-access';
import { error, Finding } from './private/rules/findings';
import { exceedsQuota } from './private/rules/quotas';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { declaresNoInternet, exclusionId, noInternetDeclaration, vpcOfSubnet } from './private/wiring/exclusion-targets';

/**
 * Properties of a `VpcBlockPublicAccess`.
 */
export interface VpcBlockPublicAccessProps {
  /**
   * What is blocked for every VPC and subnet of the account and Region that no exclusion exempts.
   *
   * @default BlockPublicAccessMode.BLOCK_BIDIRECTIONAL, which also blocks outbound traffic (the way data leaves)
   */
  readonly mode?: BlockPublicAccessMode;

  /**
   * The VPCs and subnets of this account and Region that keep their internet access (`BlockPublicAccessExclusion.vpc()`
   * and `.subnet()`). Exclusions take effect only where the account may have them: an organization that turns on VPC
   * Block Public Access with a declarative policy can forbid them (`exclusionsAllowed`).
   *
   * @default - none: every VPC and subnet of the account and Region is blocked
   */
  readonly exclusions?: BlockPublicAccessExclusion[];
}

/**
 * VPC Block Public Access for the account and Region of the stack: AWS blocks traffic between the internet and every VPC
 * there, through internet gateways and egress-only internet gateways, whatever their routes and security groups say,
 * except for the VPCs and subnets excluded. It turns "no internet path" from a property of today's routes into one AWS
 * enforces: a later hand-added internet gateway or route cannot open a VPC.
 *
 * The setting is one per account and Region (define one `VpcBlockPublicAccess` there), and exclusions are created before it
 * is set, so that an excluded VPC never loses its traffic ("You can create BPA exclusions for VPCs and subnets even when
 * BPA is not enabled on the account to ensure that there is no traffic disruption to the exclusions when VPC BPA is turned
 * on", CreateVpcBlockPublicAccessExclusion). Deleting the stack turns the block off.
 */
export class VpcBlockPublicAccess extends Construct {
  /** What is blocked. */
  public readonly mode: BlockPublicAccessMode;

  /**
   * Whether the account may have exclusions, `allowed` or `not-allowed`, known at deploy time: an organization that turns
   * on VPC Block Public Access with a declarative policy may forbid them ("If you have enabled VPC BPA at the Organization
   * level, exclusions may be not-allowed", VpcBlockPublicAccessOptions). Where they are not allowed, the excluded VPCs are
   * blocked too.
   */
  public readonly exclusionsAllowed: string;

  private readonly options: ec2.CfnVPCBlockPublicAccessOptions;
  private readonly exclusionScope: Construct;
  private readonly targets: ExclusionTarget[] = [];
  /** The VPC IDs whose VPC, or one of its subnets, is excluded: those the block is not a surprise for. */
  private readonly excludedVpcIds = new Set<string>();
  /** Why an exclusion was not defined: its VPC is in another account or Region. */
  private readonly elsewhereFindings: Finding[] = [];

  constructor(scope: Construct, id: string, props: VpcBlockPublicAccessProps = {}) {
    super(scope, id);
    checkProps(this, 'VpcBlockPublicAccess', props);

    this.mode = props.mode ?? BlockPublicAccessMode.BLOCK_BIDIRECTIONAL;
    this.options = new ec2.CfnVPCBlockPublicAccessOptions(this, 'Options', { internetGatewayBlockMode: this.mode });
    this.exclusionsAllowed = this.options.attrExclusionsAllowed;
    this.exclusionScope = new Construct(this, 'Exclusions');
    (props.exclusions ?? []).forEach(exclusion => this.addExclusion(exclusion));

    addRules(this, 'VpcBlockPublicAccess', () => [
      ...this.elsewhereFindings,
      ...validateUniqueExclusions(this.targets),
      ...validateNoInternetExclusions(this.targets),
      ...warnIneffectiveEgressExclusions(this.mode, this.targets),
      ...this.environmentFindings(),
    ]);
  }

  /**
   * Exempts a VPC or subnet of this account and Region from the block. Its exclusion is named after the VPC or subnet, so
   * adding or removing another one leaves it as it is.
   */
  public addExclusion(exclusion: BlockPublicAccessExclusion): void {
    const { excludedVpc, excludedSubnet } = exclusion;
    const target: ec2.IVpc | ec2.ISubnet = excludedVpc ?? excludedSubnet!;
    const kind = excludedVpc ? 'VPC' : 'subnet';
    const targetId = excludedVpc?.vpcId ?? excludedSubnet!.subnetId;
    const stack = Stack.of(this);
    const needsReference = Stack.of(target) !== stack && Token.isUnresolved(targetId);
    const elsewhere = exclusionElsewhereMessage({ kind, path: target.node.path }, target.env, stack, needsReference);
    if (elsewhere !== undefined) {
      // Not defined: it would exempt nothing here, and CDK may not be able to reference the VPC; synth reports why.
      this.elsewhereFindings.push(error(elsewhere));
      return;
    }

    const mode = exclusion.mode ?? defaultExclusionMode(this.mode);
    const vpc = excludedVpc ?? vpcOfSubnet(excludedSubnet!);
    this.targets.push({ kind, path: target.node.path, mode, noInternet: vpc && noInternetDeclaration(vpc) });
    const vpcId = vpc?.vpcId ?? subnetVpcId(excludedSubnet);
    if (vpcId !== undefined) {
      this.excludedVpcIds.add(vpcId);
    }
    const id = exclusionId(target, stack);
    if (this.exclusionScope.node.tryFindChild(id) !== undefined) {
      return; // a second exclusion of the same VPC or subnet, which synth reports
    }
    const resource = new ec2.CfnVPCBlockPublicAccessExclusion(this.exclusionScope, id, {
      internetGatewayExclusionMode: mode,
      vpcId: excludedVpc ? targetId : undefined,
      subnetId: excludedSubnet ? targetId : undefined,
    });
    this.options.addResourceDependency(resource);
  }

  /** What depends on the other VPCs and VPC Block Public Access resources of the app in this account and Region. */
  private environmentFindings(): Finding[] {
    const inventory = AppInventory.of(this);
    const stack = Stack.of(this);
    const here = (construct: IConstruct) => sameAccountAndRegion(Stack.of(construct), stack);
    const environment = Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region)
      ? 'the account and Region of this stack' : `account ${stack.account} in ${stack.region}`;
    const otherOptions = inventory.blockPublicAccessOptions.filter(options => options !== this.options && here(options));
    const unexcluded: UnexcludedVpc[] = inventory.vpcs
      .filter(vpc => here(vpc) && !this.excludedVpcIds.has(vpc.ref) && !declaresNoInternet(vpc))
      .map(vpc => ({
        path: (vpc.node.scope?.node.defaultChild === vpc ? vpc.node.scope : vpc).node.path,
        internetGateway: inventory.internetGatewayAttachmentsOfVpc(vpc.ref).length > 0,
        egressOnlyInternetGateway: inventory.egressOnlyInternetGatewaysOfVpc(vpc.ref).length > 0,
      }));
    return [
      ...validateSingleOptions(environment, otherOptions.map(pathOfOptions)),
      ...warnBlockedVpcs(this.mode, unexcluded),
      ...exceedsQuota('exclusionsPerAccountAndRegion', BLOCK_PUBLIC_ACCESS_EXCLUSIONS_QUOTA,
        inventory.blockPublicAccessExclusions.filter(here).length, `VPC Block Public Access exclusions of the app in ${environment}:`),
    ];
  }
}

/**
 * An exclusion's mode unless given: outbound only under the bidirectional block, the least an excluded VPC needs to call
 * out; both directions under the ingress block, where egress-only exclusions do not apply.
 */
function defaultExclusionMode(mode: BlockPublicAccessMode): BlockPublicAccessExclusionMode {
  return mode === BlockPublicAccessMode.BLOCK_INGRESS
    ? BlockPublicAccessExclusionMode.ALLOW_BIDIRECTIONAL
    : BlockPublicAccessExclusionMode.ALLOW_EGRESS;
}

/** The VPC ID of a subnet defined in the app (an `AWS::EC2::Subnet`), whose VPC it does not hold as a construct. */
function subnetVpcId(subnet: ec2.ISubnet | undefined): string | undefined {
  const resource = subnet?.node.defaultChild;
  return resource instanceof ec2.CfnSubnet ? resource.vpcId : undefined;
}

/** What defines the options: a `VpcBlockPublicAccess`, or the L1 where it is used directly. */
function pathOfOptions(options: ec2.CfnVPCBlockPublicAccessOptions): string {
  const owner = options.node.scope;
  return owner instanceof VpcBlockPublicAccess ? `the VpcBlockPublicAccess at ${owner.node.path}` : `the options at ${options.node.path}`;
}

/**
 * Whether two stacks deploy to one account and Region for certain: the same stack, or both with the same known account
 * and Region. Environment-agnostic stacks are compared with nothing else.
 */
function sameAccountAndRegion(a: Stack, b: Stack): boolean {
  const known = (stack: Stack) => !Token.isUnresolved(stack.account) && !Token.isUnresolved(stack.region);
  return a === b || (known(a) && known(b) && a.account === b.account && a.region === b.region);
}
