import { Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { PrivateResourceCostEstimate } from './cost';
import { estimateResourceEndpointCost } from './private/cost/cost-model';
import { LATTICE_QUOTAS } from './private/facts/quotas';
import { crossAccountReferenceMessage } from './private/rules/cross-account';
import { Finding } from './private/rules/findings';
import { customDomainResolves, LatticeDnsChoice, warnUnresolvedCustomDomains } from './private/rules/lattice-dns';
import { exceedsQuota } from './private/rules/quotas';
import {
  crossRegionShareMessage,
  validateGatewayAzOverlap,
  validateNotGatewayVpc,
  validateResourceConfigurationArn,
} from './private/rules/resource';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { defineLatticeEndpoint, latticeEndpointsOfVpc } from './private/wiring/lattice-endpoint';
import { PrivateDnsPreference } from './private-dns-preference';
import { PrivateResourceShare } from './private-resource-share';
import { PortRange } from './resource-definition';

/**
 * Properties of a `PrivateResourceEndpoint`. Give exactly one of `resourceShare` and `resourceConfigurationArn`.
 */
export interface PrivateResourceEndpointProps {
  /** The VPC whose workloads use the resource. It must not be the VPC of the resource gateway. */
  readonly vpc: ec2.IVpc;

  /**
   * A `PrivateResourceShare` of the same account, whose resource configuration the endpoint connects to.
   *
   * @default - none; give `resourceConfigurationArn`
   */
  readonly resourceShare?: PrivateResourceShare;

  /**
   * The ARN of a resource configuration shared with this account (the provider's `ResourceConfigurationArn` output),
   * like `arn:aws:vpc-lattice:us-east-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0`. Accept the AWS
   * RAM share first, unless it comes from your organization with sharing with AWS Organizations on.
   *
   * @default - none; give `resourceShare`
   */
  readonly resourceConfigurationArn?: string;

  /**
   * The TCP ports that the endpoint's security group admits: those the provider shares.
   *
   * @default - the share's port ranges with `resourceShare`; required with `resourceConfigurationArn` unless
   * `securityGroups` are given
   */
  readonly portRanges?: PortRange[];

  /**
   * The subnets of the endpoint's network interfaces: at most one subnet per AZ. At least one must be in an AZ of the
   * resource gateway (by AZ ID across accounts); with a `resourceShare` this is checked.
   *
   * @default - the VPC's default subnets (private, else isolated, else public), one per AZ
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Security groups of the endpoint. The construct adds no rules to them.
   *
   * @default - a new security group that allows the resource's ports from the VPC's IPv4 CIDR blocks (an imported VPC
   * must be given its `vpcCidrBlock`) and `clientCidrs` only, with no egress rules
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Clients outside the VPC's own CIDR blocks that may reach the endpoint: IPv4 or IPv6 CIDR blocks of on-premises
   * networks, peered VPCs or VPCs behind a transit gateway, or prefix list IDs (`pl-...`). Admitted by the security
   * group the construct defines; cannot be combined with `securityGroups`.
   *
   * @default - none: only the VPC's own CIDR blocks
   */
  readonly clientCidrs?: string[];

  /**
   * Whether VPC Lattice answers custom domain names of the resource inside the VPC (private hosted zones that it
   * manages), as `privateDnsPreference` allows. Needs the VPC's DNS support and DNS hostnames.
   *
   * @default - true when `resourceShare` has a custom domain name or a DNS preference or specified domains are given;
   * false otherwise (clients use `dnsName`)
   */
  readonly privateDnsEnabled?: boolean;

  /**
   * Which custom domain names VPC Lattice answers in the VPC: with the default, only names the provider has verified,
   * so that a provider cannot take over names of your VPC.
   *
   * @default PrivateDnsPreference.VERIFIED_DOMAINS_ONLY (with private DNS on)
   */
  readonly privateDnsPreference?: PrivateDnsPreference;

  /**
   * The names VPC Lattice answers whether verified or not, with `VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS` or
   * `SPECIFIED_DOMAINS_ONLY`: at most 10 domain names, each optionally with a leading wildcard (`*.example.com`).
   *
   * @default - none
   */
  readonly privateDnsSpecifiedDomains?: string[];
}

/**
 * The consumer side of PrivateLink for VPC resources: a resource VPC endpoint to a resource configuration (a database,
 * a host or a group of hosts shared from another VPC or account), with one network interface per AZ, reachable only from
 * the VPC and `clientCidrs` on the resource's ports.
 */
export class PrivateResourceEndpoint extends Construct implements ec2.IConnectable {
  /** The ID of the resource endpoint, like `vpce-0123456789abcdef0`. */
  public readonly vpcEndpointId: string;

  /** The ARN of the resource configuration the endpoint connects to. */
  public readonly resourceConfigurationArn: string;

  /**
   * The name clients use: the share's custom domain name when it resolves in the VPC (private DNS on, and the name
   * verified or specified as `privateDnsPreference` requires); otherwise the endpoint's first DNS name.
   */
  public readonly dnsName: string;

  /**
   * The custom domain names of the resource that resolve in the VPC under the endpoint's DNS options: the share's name, or
   * the names of a group's members. Empty with `resourceConfigurationArn`, whose names are not known here.
   */
  public readonly privateDomainNames: string[];

  /** The AZs of the endpoint's subnets. */
  public readonly availabilityZones: string[];

  /** The TCP ports the endpoint's security group admits. */
  public readonly portRanges: PortRange[];

  /** The endpoint's security groups, with the resource's port as the default port when it has one. */
  public readonly connections: ec2.Connections;

  constructor(scope: Construct, id: string, props: PrivateResourceEndpointProps) {
    super(scope, id);
    checkProps(this, 'PrivateResourceEndpoint', props);

    const { vpc, resourceShare } = props;
    if ((resourceShare === undefined) === (props.resourceConfigurationArn === undefined)) {
      throw new Error(`PrivateResourceEndpoint ${this.node.path}: give exactly one of \`resourceShare\` (a PrivateResourceShare of `
        + 'this account) or `resourceConfigurationArn` (the ARN of a resource configuration shared with this account)');
    }
    const stack = Stack.of(this);
    if (resourceShare) {
      const shareStack = Stack.of(resourceShare);
      const problem = crossAccountReferenceMessage({
        prop: 'resourceShare',
        object: 'the share',
        path: resourceShare.node.path,
        account: shareStack.account,
        value: 'the resource configuration ARN',
        fix: 'Pass it as a string: `resourceConfigurationArn` from the share\'s ResourceConfigurationArn output, or read from a '
          + 'parameter in this account.',
      }, stack.account) ?? crossRegionShareMessage(resourceShare.node.path, shareStack, stack);
      if (problem) {
        throw new Error(`PrivateResourceEndpoint ${this.node.path}: ${problem}`);
      }
    }

    this.resourceConfigurationArn = resourceShare?.resourceConfigurationArn ?? props.resourceConfigurationArn!;
    this.portRanges = props.portRanges ?? resourceShare?.portRanges ?? [];
    const customDomains = resourceShare?._customDomains() ?? [];
    const dns: LatticeDnsChoice = {
      privateDnsEnabled: props.privateDnsEnabled ?? (customDomains.length > 0 || props.privateDnsPreference !== undefined
        || props.privateDnsSpecifiedDomains !== undefined),
      preference: props.privateDnsPreference,
      specifiedDomains: props.privateDnsSpecifiedDomains,
    };
    const lattice = defineLatticeEndpoint(this, {
      ...props,
      givenPortRanges: props.portRanges,
      portRanges: this.portRanges,
      unknownPortsReason: props.portRanges?.length === 0 ? 'is empty' : this.portRanges.length > 0 ? undefined
        : 'is missing: with `resourceConfigurationArn`, the construct cannot know which ports the resource takes',
      dns,
      target: { vpcEndpointType: 'Resource', resourceConfigurationArn: this.resourceConfigurationArn },
      constructName: 'PrivateResourceEndpoint',
      name: 'the resource endpoint',
      securityGroupDescription: 'Resource endpoint to a PrivateLink resource: its ports from the VPC CIDR blocks only',
    });
    this.availabilityZones = lattice.subnets.map(subnet => subnet.availabilityZone);
    this.connections = lattice.connections;
    this.vpcEndpointId = lattice.endpoint.ref;
    this.privateDomainNames = customDomains.filter(domain => customDomainResolves(domain, dns)).map(domain => domain.name);
    const singleName = resourceShare?.customDomainName;
    this.dnsName = (singleName !== undefined && this.privateDomainNames.includes(singleName) ? singleName : undefined)
      // Each DNS entry is `<hosted zone ID>:<DNS name>`.
      ?? Fn.select(1, Fn.split(':', Fn.select(0, lattice.endpoint.attrDnsEntries)));

    addRules(this, 'PrivateResourceEndpoint', () => [
      ...(props.resourceConfigurationArn !== undefined ? validateResourceConfigurationArn(props.resourceConfigurationArn) : []),
      ...lattice.findings(),
      ...warnUnresolvedCustomDomains(customDomains, dns),
      ...(resourceShare ? this.validateAgainstShare(vpc, resourceShare) : []),
      ...exceedsQuota('resourceEndpointsPerVpc', LATTICE_QUOTAS.resourceEndpointsPerVpc,
        latticeEndpointsOfVpc(this, vpc.vpcId, 'Resource'), 'resource endpoints in the VPC:'),
    ]);
  }

  /** The monthly cost of the resource endpoint at list prices: an hourly charge per AZ, plus data processed. */
  public estimateMonthlyCost(): PrivateResourceCostEstimate {
    return estimateResourceEndpointCost(Stack.of(this).region, new Set(this.availabilityZones).size);
  }

  /** Not in the gateway's VPC, and sharing an AZ with it (comparable only within one account and Region). */
  private validateAgainstShare(vpc: ec2.IVpc, share: PrivateResourceShare): Finding[] {
    const shareStack = Stack.of(share);
    const stack = Stack.of(this);
    const sameEnvironment = [shareStack.account, shareStack.region].every(value => !Token.isUnresolved(value))
      && shareStack.account === stack.account && shareStack.region === stack.region;
    return [
      // The same VPC has the same ID token wherever it is referenced.
      ...validateNotGatewayVpc({ vpcId: vpc.vpcId, path: vpc.node.path }, { vpcId: share.vpc.vpcId, path: share.vpc.node.path },
        share.node.path),
      ...validateGatewayAzOverlap(this.availabilityZones, sameEnvironment ? share.availabilityZones : undefined, share.node.path),
    ];
  }
}
