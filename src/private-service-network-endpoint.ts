import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { PrivateResourceCostEstimate } from './cost';
import { estimateServiceNetworkEndpointCost } from './private/cost/cost-model';
import { LATTICE_QUOTAS } from './private/facts/quotas';
import { AppInventory } from './private/inventory/app-inventory';
import { customDomainResolves, LatticeDnsChoice, warnUnresolvedCustomDomains } from './private/rules/lattice-dns';
import { exceedsQuota } from './private/rules/quotas';
import {
  validateNoResourceEndpointForSameResource,
  validateServiceNetworkArn,
  warnNetworkPrivateDnsOff,
} from './private/rules/service-network';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { defineLatticeEndpoint, latticeEndpointsOfVpc } from './private/wiring/lattice-endpoint';
import { serviceNetworkOfConsumer, unknownPortsReason } from './private/wiring/service-network-consumer';
import { PrivateDnsPreference } from './private-dns-preference';
import { PrivateServiceNetwork } from './private-service-network';
import { PortRange } from './resource-definition';

/**
 * Properties of a `PrivateServiceNetworkEndpoint`. Give exactly one of `serviceNetwork` and `serviceNetworkArn`.
 */
export interface PrivateServiceNetworkEndpointProps {
  /** The VPC whose workloads use the network's resources and services. */
  readonly vpc: ec2.IVpc;

  /**
   * A `PrivateServiceNetwork` of the same account and Region.
   *
   * @default - none; give `serviceNetworkArn`
   */
  readonly serviceNetwork?: PrivateServiceNetwork;

  /**
   * The ARN of a service network shared with this account (the provider's `ServiceNetworkArn` output), like
   * `arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0123456789abcdef0`. Accept the AWS RAM share first,
   * unless it comes from your organization with sharing with AWS Organizations on.
   *
   * @default - none; give `serviceNetwork`
   */
  readonly serviceNetworkArn?: string;

  /**
   * The TCP ports that the endpoint's security group admits: those of every resource and service the workloads use.
   *
   * @default - the port ranges of the `serviceNetwork`'s resource shares; required when the network carries resource
   * configurations by ARN or VPC Lattice services, and with `serviceNetworkArn`, unless `securityGroups` are given
   */
  readonly portRanges?: PortRange[];

  /**
   * The subnets of the endpoint's network interfaces: at most one subnet per AZ.
   *
   * @default - the VPC's default subnets (private, else isolated, else public), one per AZ
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Security groups of the endpoint. The construct adds no rules to them.
   *
   * @default - a new security group that allows `portRanges` from the VPC's IPv4 CIDR blocks (an imported VPC must be given
   * its `vpcCidrBlock`) and `clientCidrs` only, with no egress rules
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Clients outside the VPC's own CIDR blocks that may reach the endpoint: IPv4 or IPv6 CIDR blocks of on-premises
   * networks, peered VPCs or VPCs behind a transit gateway, or prefix list IDs (`pl-...`). Only an endpoint serves them;
   * a VPC association serves the VPC alone. Cannot be combined with `securityGroups`.
   *
   * @default - none: only the VPC's own CIDR blocks
   */
  readonly clientCidrs?: string[];

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
 * The consumer side of a VPC Lattice service network: one VPC endpoint of type `ServiceNetwork`, with a network
 * interface per AZ, through which the VPC reaches every resource and service of the network, on `portRanges`, from the
 * VPC and `clientCidrs` only. Unlike a `PrivateServiceNetworkAssociation`, it also serves clients beyond the VPC
 * (peering, Transit Gateway, VPN, Direct Connect), and a VPC can have endpoints to several networks.
 */
export class PrivateServiceNetworkEndpoint extends Construct implements ec2.IConnectable {
  /** The ID of the endpoint, like `vpce-0123456789abcdef0`. */
  public readonly vpcEndpointId: string;

  /** The ARN of the service network. */
  public readonly serviceNetworkArn: string;

  /** The AZs of the endpoint's subnets. */
  public readonly availabilityZones: string[];

  /** The TCP ports the endpoint's security group admits. */
  public readonly portRanges: PortRange[];

  /** The endpoint's security groups, with the one port as the default port when there is one. */
  public readonly connections: ec2.Connections;

  /**
   * The custom domain names of the `serviceNetwork`'s resources that resolve in the VPC under the endpoint's DNS options.
   * Empty with `serviceNetworkArn`, whose resources are not known here.
   */
  public readonly privateDomainNames: string[];

  constructor(scope: Construct, id: string, props: PrivateServiceNetworkEndpointProps) {
    super(scope, id);
    checkProps(this, 'PrivateServiceNetworkEndpoint', props);

    const { vpc } = props;
    const network = serviceNetworkOfConsumer(this, 'PrivateServiceNetworkEndpoint', props);
    this.serviceNetworkArn = network?.serviceNetworkArn ?? props.serviceNetworkArn!;
    const shares = network?.resourceShares ?? [];
    this.portRanges = props.portRanges ?? shares.flatMap(share => share.portRanges);
    const customDomains = shares.flatMap(share => share._customDomains());
    const dns: LatticeDnsChoice = {
      privateDnsEnabled: props.privateDnsEnabled ?? true,
      preference: props.privateDnsPreference,
      specifiedDomains: props.privateDnsSpecifiedDomains,
    };
    const lattice = defineLatticeEndpoint(this, {
      ...props,
      givenPortRanges: props.portRanges,
      portRanges: this.portRanges,
      unknownPortsReason: unknownPortsReason(network, props.portRanges),
      dns,
      target: { vpcEndpointType: 'ServiceNetwork', serviceNetworkArn: this.serviceNetworkArn },
      constructName: 'PrivateServiceNetworkEndpoint',
      name: 'the service-network endpoint',
      securityGroupDescription: 'Service-network endpoint to a VPC Lattice service network: its ports from the VPC CIDR blocks only',
    });
    this.availabilityZones = lattice.subnets.map(subnet => subnet.availabilityZone);
    this.connections = lattice.connections;
    this.vpcEndpointId = lattice.endpoint.ref;
    const networkAnswers = network?.privateDnsEnabled ?? true;
    this.privateDomainNames = networkAnswers
      ? customDomains.filter(domain => customDomainResolves(domain, dns)).map(domain => domain.name) : [];

    addRules(this, 'PrivateServiceNetworkEndpoint', () => [
      ...validateServiceNetworkArn('serviceNetworkArn', props.serviceNetworkArn),
      ...lattice.findings(),
      ...(networkAnswers ? warnUnresolvedCustomDomains(customDomains, dns) : warnNetworkPrivateDnsOff(dns.privateDnsEnabled, customDomains)),
      ...validateNoResourceEndpointForSameResource(dns.privateDnsEnabled, AppInventory.of(this).endpointsOfVpc(vpc.vpcId)
        .filter(entry => shares.some(share => share.resourceConfigurationArn === entry.resourceConfigurationArn))
        .map(entry => entry.path)),
      ...exceedsQuota('serviceNetworkEndpointsPerVpc', LATTICE_QUOTAS.serviceNetworkEndpointsPerVpc,
        latticeEndpointsOfVpc(this, vpc.vpcId, 'ServiceNetwork'), 'service-network endpoints in the VPC:'),
      ...exceedsQuota('serviceNetworkEndpointsPerServiceNetwork', LATTICE_QUOTAS.serviceNetworkEndpointsPerServiceNetwork,
        AppInventory.of(this).endpointsOfServiceNetwork(this.serviceNetworkArn).length, 'service-network endpoints of the network in the app:'),
    ]);
  }

  /**
   * The monthly cost of the endpoint at list prices: no hourly charge for the endpoint itself, only data processed. The
   * network's owner pays an hourly charge per resource configuration associated with the network.
   */
  public estimateMonthlyCost(): PrivateResourceCostEstimate {
    return estimateServiceNetworkEndpointCost(Stack.of(this).region, new Set(this.availabilityZones).size);
  }
}
