import { Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { PrivateResourceCostEstimate } from './cost';
import { estimateResourceEndpointCost } from './private/cost/cost-model';
import { findIpv4CidrBlocks } from './private/inventory/vpc-inspection';
import { uniqueNetworks } from './private/rules/cidr-blocks';
import { crossAccountReferenceMessage } from './private/rules/cross-account';
import { Finding } from './private/rules/findings';
import {
  crossRegionShareMessage,
  validateEndpointPortRanges,
  validateGatewayAzOverlap,
  validateNotGatewayVpc,
  validatePortRanges,
  validateResourceConfigurationArn,
  warnPublicEndpointSubnets,
} from './private/rules/resource';
import {
  toPlacement,
  validateClientCidrs,
  validateClientCidrsWithSecurityGroups,
  validateEndpointIngress,
  validateOneSubnetPerAz,
  validateVpcDns,
  warnUnknownCidrBlocks,
} from './private/rules/vpc';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { selectSubnets } from './private/wiring/subnet-selection';
import { allowEndpointClientsAtSynth } from './private/wiring/vpc-ingress';
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
   * Whether VPC Lattice answers the resource's custom domain name inside the VPC (a private hosted zone that it
   * manages). Needs the VPC's DNS support and DNS hostnames.
   *
   * @default - true when `resourceShare` has a `customDomainName`; false otherwise (clients use `dnsName`)
   */
  readonly privateDnsEnabled?: boolean;
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
   * The name clients use: the share's custom domain name when private DNS is on and the share has one; otherwise the
   * endpoint's first DNS name.
   */
  public readonly dnsName: string;

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

    const selection = selectSubnets(vpc, props.vpcSubnets ?? { onePerAz: true });
    const selected = selection.subnets;
    if (selected.length === 0) {
      const reason = selection.problem ? ` (${selection.problem})` : '';
      throw new Error(`PrivateResourceEndpoint ${this.node.path}: \`vpcSubnets\` selects no subnet of the VPC${reason}, so the endpoint `
        + 'has nowhere to go. Select at least one private or isolated subnet, one per AZ.');
    }
    this.availabilityZones = selected.map(subnet => subnet.availabilityZone);
    this.portRanges = props.portRanges ?? resourceShare?.portRanges ?? [];
    this.resourceConfigurationArn = resourceShare?.resourceConfigurationArn ?? props.resourceConfigurationArn!;

    const clientCidrs = uniqueNetworks(props.clientCidrs ?? []);
    const securityGroups = props.securityGroups ?? [this.defineSecurityGroup(vpc, clientCidrs)];
    const defaultPort = this.portRanges.length === 1 ? this.portRanges[0].toEc2Port() : undefined;
    this.connections = new ec2.Connections({ securityGroups, defaultPort });

    const customDomainName = resourceShare?.customDomainName;
    const privateDnsEnabled = props.privateDnsEnabled ?? customDomainName !== undefined;
    const endpoint = new ec2.CfnVPCEndpoint(this, 'Endpoint', {
      vpcId: vpc.vpcId,
      vpcEndpointType: 'Resource',
      resourceConfigurationArn: this.resourceConfigurationArn,
      subnetIds: selected.map(subnet => subnet.subnetId),
      securityGroupIds: securityGroups.map(securityGroup => securityGroup.securityGroupId),
      privateDnsEnabled,
    });
    this.vpcEndpointId = endpoint.ref;
    this.dnsName = (privateDnsEnabled ? customDomainName : undefined)
      // Each DNS entry is `<hosted zone ID>:<DNS name>`.
      ?? Fn.select(1, Fn.split(':', Fn.select(0, endpoint.attrDnsEntries)));

    addRules(this, 'PrivateResourceEndpoint', () => {
      const vpcDetails = vpc instanceof ec2.Vpc ? vpc : undefined;
      return [
        ...(props.resourceConfigurationArn !== undefined ? validateResourceConfigurationArn(props.resourceConfigurationArn) : []),
        ...validateEndpointPortRanges(this.portRanges.length > 0, props.securityGroups !== undefined),
        ...validatePortRanges('portRanges', props.portRanges ?? []),
        ...validateOneSubnetPerAz('vpcSubnets', selected.map(toPlacement), 'a resource endpoint'),
        ...warnPublicEndpointSubnets(selected.filter(subnet => vpc.publicSubnets.includes(subnet)).map(subnet => toPlacement(subnet).subnetId)),
        // Given security groups are used as they are; the one defined here admits the VPC's CIDR blocks and clientCidrs.
        ...(props.securityGroups ? [] : validateEndpointIngress(findIpv4CidrBlocks(vpc, this).length, 1, 'the resource endpoint')),
        ...validateClientCidrsWithSecurityGroups(props.clientCidrs !== undefined, props.securityGroups !== undefined),
        ...validateClientCidrs(clientCidrs),
        ...warnUnknownCidrBlocks(!(vpc instanceof ec2.Vpc), props.clientCidrs !== undefined, props.securityGroups === undefined),
        ...(resourceShare ? this.validateAgainstShare(vpc, resourceShare) : []),
        ...validateVpcDns(privateDnsEnabled ? ['`privateDnsEnabled`'] : [], vpcDetails?.dnsSupportEnabled, vpcDetails?.dnsHostnamesEnabled),
      ];
    });
  }

  /** The monthly cost of the resource endpoint at list prices: an hourly charge per AZ, plus data processed. */
  public estimateMonthlyCost(): PrivateResourceCostEstimate {
    return estimateResourceEndpointCost(Stack.of(this).region, new Set(this.availabilityZones).size);
  }

  private defineSecurityGroup(vpc: ec2.IVpc, clientCidrs: string[]): ec2.ISecurityGroup {
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'Resource endpoint to a PrivateLink resource: its ports from the VPC CIDR blocks only',
      allowAllOutbound: false,
    });
    allowEndpointClientsAtSynth(this, vpc, securityGroup, () => this.portRanges.map(range => range.toEc2Port()), clientCidrs);
    return securityGroup;
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
