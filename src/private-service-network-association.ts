import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import { Construct } from 'constructs';
import { LATTICE_QUOTAS } from './private/facts/quotas';
import { AppInventory } from './private/inventory/app-inventory';
import { findIpv4CidrBlocks } from './private/inventory/vpc-inspection';
import { customDomainResolves, LatticeDnsChoice, validateLatticeDns, warnUnresolvedCustomDomains } from './private/rules/lattice-dns';
import { exceedsQuota } from './private/rules/quotas';
import { validateEndpointPortRanges, validatePortRanges } from './private/rules/resource';
import { validateServiceNetworkArn, warnNetworkPrivateDnsOff } from './private/rules/service-network';
import { validateEndpointIngress, validateVpcDns } from './private/rules/vpc';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { serviceNetworkOfConsumer, unknownPortsReason } from './private/wiring/service-network-consumer';
import { allowEndpointClientsAtSynth } from './private/wiring/vpc-ingress';
import { PrivateDnsPreference } from './private-dns-preference';
import { PrivateServiceNetwork } from './private-service-network';
import { PortRange } from './resource-definition';

/**
 * Properties of a `PrivateServiceNetworkAssociation`. Give exactly one of `serviceNetwork` and `serviceNetworkArn`.
 */
export interface PrivateServiceNetworkAssociationProps {
  /** The VPC to associate. A VPC is associated with one service network at most. */
  readonly vpc: ec2.IVpc;

  /**
   * A `PrivateServiceNetwork` of the same account and Region.
   *
   * @default - none; give `serviceNetworkArn`
   */
  readonly serviceNetwork?: PrivateServiceNetwork;

  /**
   * The ARN of a service network shared with this account (the provider's `ServiceNetworkArn` output). Accept the AWS RAM
   * share first, unless it comes from your organization with sharing with AWS Organizations on.
   *
   * @default - none; give `serviceNetwork`
   */
  readonly serviceNetworkArn?: string;

  /**
   * The TCP ports that the association's security group admits from the VPC.
   *
   * @default - the port ranges of the `serviceNetwork`'s resource shares; required when the network carries resource
   * configurations by ARN or VPC Lattice services, and with `serviceNetworkArn`, unless `securityGroups` are given
   */
  readonly portRanges?: PortRange[];

  /**
   * Security groups of the association (at most 5), whose inbound rules decide which clients of the VPC reach the
   * network. The construct adds no rules to them.
   *
   * @default - a new security group that allows `portRanges` from the VPC's CIDR blocks only
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Whether VPC Lattice answers custom domain names of the network's resources inside the VPC, as `privateDnsPreference`
   * allows. Needs the VPC's DNS support and DNS hostnames.
   *
   * @default true
   */
  readonly privateDnsEnabled?: boolean;

  /**
   * Which custom domain names VPC Lattice answers in the VPC: with the default, only names their providers have verified.
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
 * The other way for a consumer VPC to use a VPC Lattice service network: a service-network VPC association. Clients in
 * the VPC reach the network's resources and services through addresses VPC Lattice manages (no network interfaces in
 * your subnets), but only clients in the VPC itself: traffic over peering, Transit Gateway, VPN or Direct Connect needs a
 * `PrivateServiceNetworkEndpoint`. A VPC is associated with one service network at most.
 */
export class PrivateServiceNetworkAssociation extends Construct implements ec2.IConnectable {
  /** The ID of the association, like `snva-0123456789abcdef0`. */
  public readonly associationId: string;

  /** The ARN of the service network. */
  public readonly serviceNetworkArn: string;

  /** The TCP ports the association's security group admits. */
  public readonly portRanges: PortRange[];

  /** The association's security groups. */
  public readonly connections: ec2.Connections;

  /**
   * The custom domain names of the `serviceNetwork`'s resources that resolve in the VPC under the association's DNS
   * options. Empty with `serviceNetworkArn`, whose resources are not known here.
   */
  public readonly privateDomainNames: string[];

  constructor(scope: Construct, id: string, props: PrivateServiceNetworkAssociationProps) {
    super(scope, id);
    checkProps(this, 'PrivateServiceNetworkAssociation', props);

    const { vpc } = props;
    const network = serviceNetworkOfConsumer(this, 'PrivateServiceNetworkAssociation', props);
    this.serviceNetworkArn = network?.serviceNetworkArn ?? props.serviceNetworkArn!;
    const shares = network?.resourceShares ?? [];
    this.portRanges = props.portRanges ?? shares.flatMap(share => share.portRanges);
    const securityGroups = props.securityGroups ?? [this.defineSecurityGroup(vpc)];
    this.connections = new ec2.Connections({ securityGroups });
    const dns: LatticeDnsChoice = {
      privateDnsEnabled: props.privateDnsEnabled ?? true,
      preference: props.privateDnsPreference,
      specifiedDomains: props.privateDnsSpecifiedDomains,
    };

    const association = new vpclattice.CfnServiceNetworkVpcAssociation(this, 'Association', {
      vpcIdentifier: vpc.vpcId,
      // Across accounts the network must be named by its ARN (CreateServiceNetworkVpcAssociation).
      serviceNetworkIdentifier: this.serviceNetworkArn,
      securityGroupIds: securityGroups.map(securityGroup => securityGroup.securityGroupId),
      privateDnsEnabled: dns.privateDnsEnabled,
      dnsOptions: dns.privateDnsEnabled ? {
        privateDnsPreference: dns.preference ?? 'VERIFIED_DOMAINS_ONLY',
        privateDnsSpecifiedDomains: dns.specifiedDomains,
      } : undefined,
    });
    this.associationId = association.attrId;
    const customDomains = shares.flatMap(share => share._customDomains());
    const networkAnswers = network?.privateDnsEnabled ?? true;
    this.privateDomainNames = networkAnswers
      ? customDomains.filter(domain => customDomainResolves(domain, dns)).map(domain => domain.name) : [];

    addRules(this, 'PrivateServiceNetworkAssociation', () => {
      const vpcDetails = vpc instanceof ec2.Vpc ? vpc : undefined;
      return [
        ...validateServiceNetworkArn('serviceNetworkArn', props.serviceNetworkArn),
        ...validateEndpointPortRanges(unknownPortsReason(network, props.portRanges), props.securityGroups !== undefined),
        ...validatePortRanges('portRanges', props.portRanges ?? []),
        ...(props.securityGroups ? [] : validateEndpointIngress(findIpv4CidrBlocks(vpc, this).length, 1, 'the service-network association')),
        ...validateLatticeDns(dns),
        ...validateVpcDns(dns.privateDnsEnabled ? ['`privateDnsEnabled`'] : [], vpcDetails?.dnsSupportEnabled, vpcDetails?.dnsHostnamesEnabled),
        ...(networkAnswers ? warnUnresolvedCustomDomains(customDomains, dns) : warnNetworkPrivateDnsOff(dns.privateDnsEnabled, customDomains)),
        ...exceedsQuota('securityGroupsPerAssociation', LATTICE_QUOTAS.securityGroupsPerAssociation, securityGroups.length,
          'security groups of the association:', 'Combine their rules into at most 5 security groups.'),
        ...exceedsQuota('serviceNetworksPerVpcAssociation', LATTICE_QUOTAS.serviceNetworksPerVpcAssociation,
          AppInventory.of(this).serviceNetworkAssociationsOfVpc(vpc.vpcId).length, 'service-network associations of the VPC:',
          'Reach the other service networks through PrivateServiceNetworkEndpoints, of which a VPC can have several.'),
      ];
    });
  }

  /**
   * The association's security group admits clients of the VPC on the ports; its rules apply to traffic from the VPC to the
   * network ("Control traffic to resources using security groups", VPC Lattice guide).
   */
  private defineSecurityGroup(vpc: ec2.IVpc): ec2.ISecurityGroup {
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'Service-network VPC association: the network ports from the VPC CIDR blocks only',
      allowAllOutbound: false,
    });
    allowEndpointClientsAtSynth(this, vpc, securityGroup, () => this.portRanges.map(range => range.toEc2Port()));
    return securityGroup;
  }
}
