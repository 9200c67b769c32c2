import { CfnOutput, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53resolver from 'aws-cdk-lib/aws-route53resolver';
import { Construct } from 'constructs';
import { InboundResolverEndpointCostEstimate } from './cost';
import { estimateInboundResolverCost } from './private/cost/cost-model';
import { RESOLVER_QUOTAS } from './private/facts/quotas';
import { uniqueNetworks } from './private/rules/cidr-blocks';
import { exceedsQuota } from './private/rules/quotas';
import {
  validateOnPremisesCidrsGiven,
  validateResolverEndpointAzs,
  warnAnyAddressAdmitted,
  warnIpv6ClientsOfIpv4Endpoint,
} from './private/rules/resolver-endpoint';
import { clientPeer, toPlacement, validateClientCidrs, validateOneSubnetPerAz } from './private/rules/vpc';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { physicalName } from './private/wiring/physical-names';
import { ResolverEndpointAddresses } from './private/wiring/resolver-endpoint-addresses';
import { selectSubnets } from './private/wiring/subnet-selection';

/**
 * Who may query an inbound Resolver endpoint, and where its IP addresses go: the options of `CentralEndpointHub`'s
 * `inboundResolver`, and of an `InboundResolverEndpoint` with its `vpc`.
 */
export interface InboundResolverOptions {
  /**
   * The networks whose DNS servers forward queries to the endpoint: IPv4 or IPv6 CIDR blocks of on-premises networks, or
   * prefix list IDs (`pl-...`). The endpoint's security group admits them on TCP and UDP port 53, and nothing else.
   */
  readonly onPremisesCidrs: string[];

  /**
   * The subnets of the endpoint's IP addresses: one subnet per AZ, in at least two AZs. Resolver picks a free address in
   * each.
   *
   * @default - one isolated subnet per AZ of the VPC; one private subnet per AZ in a VPC without isolated subnets
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
}

/**
 * Properties of an `InboundResolverEndpoint`.
 */
export interface InboundResolverEndpointProps extends InboundResolverOptions {
  /**
   * The VPC whose names on-premises clients resolve: the endpoint answers as the VPC's own resolver does (its private
   * hosted zones, its interface endpoints' private DNS, its Route 53 Profile).
   */
  readonly vpc: ec2.IVpc;
}

/**
 * A Route 53 Resolver inbound endpoint: IP addresses in the VPC, one per AZ, that on-premises DNS servers forward queries
 * to, so that on-premises clients resolve the names the VPC resolves (private hosted zones, interface endpoints' private
 * DNS). Its security group admits DNS (TCP and UDP 53) from `onPremisesCidrs` only, and it has no egress rules: the
 * answers go back on the queries' tracked connections.
 */
export class InboundResolverEndpoint extends Construct {
  /** The endpoint's ID, like `rslvr-in-0123456789abcdef0`. */
  public readonly resolverEndpointId: string;

  /** The endpoint's ARN. */
  public readonly resolverEndpointArn: string;

  /**
   * The endpoint's IPv4 addresses, one per subnet in the order of the subnets: the targets of the on-premises DNS
   * forwarders. Read when the stack is deployed (CloudFormation returns no addresses), and also its `IpAddresses` output.
   */
  public readonly ipAddresses: string[];

  /** The endpoint's security group: TCP and UDP 53 from `onPremisesCidrs`, no egress. */
  public readonly securityGroup: ec2.ISecurityGroup;

  /** The AZs of the endpoint's IP addresses. */
  public readonly availabilityZones: string[];

  constructor(scope: Construct, id: string, props: InboundResolverEndpointProps) {
    super(scope, id);
    checkProps(this, 'InboundResolverEndpoint', props);

    const { vpc } = props;
    const selection = selectSubnets(vpc, props.vpcSubnets ?? {
      subnetType: vpc.isolatedSubnets.length > 0 ? ec2.SubnetType.PRIVATE_ISOLATED : ec2.SubnetType.PRIVATE_WITH_EGRESS,
      onePerAz: true,
    });
    const subnets = selection.subnets;
    this.availabilityZones = subnets.map(subnet => subnet.availabilityZone);
    const onPremisesCidrs = uniqueNetworks(props.onPremisesCidrs);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'Route 53 Resolver inbound endpoint: DNS from the on-premises networks only',
      allowAllOutbound: false,
    });
    for (const peer of onPremisesCidrs.map(clientPeer).filter((p): p is ec2.IPeer => p !== undefined)) {
      this.securityGroup.addIngressRule(peer, ec2.Port.tcp(53), 'DNS over TCP from on premises (onPremisesCidrs)');
      this.securityGroup.addIngressRule(peer, ec2.Port.udp(53), 'DNS over UDP from on premises (onPremisesCidrs)');
    }

    const endpoint = new route53resolver.CfnResolverEndpoint(this, 'Endpoint', {
      direction: 'INBOUND',
      name: physicalName(this, 64),
      ipAddresses: subnets.map(subnet => ({ subnetId: subnet.subnetId })),
      securityGroupIds: [this.securityGroup.securityGroupId],
    });
    this.resolverEndpointId = endpoint.attrResolverEndpointId;
    this.resolverEndpointArn = endpoint.attrArn;

    const addresses = new ResolverEndpointAddresses(this, 'Addresses', {
      resolverEndpointId: this.resolverEndpointId,
      resolverEndpointArn: this.resolverEndpointArn,
      subnetIds: subnets.map(subnet => subnet.subnetId),
    });
    this.ipAddresses = Fn.split(',', addresses.commaSeparated, subnets.length > 0 ? subnets.length : undefined);
    new CfnOutput(this, 'IpAddresses', {
      description: 'IPv4 addresses of the Route 53 Resolver inbound endpoint, comma-separated: the targets of on-premises DNS forwarders',
      value: addresses.commaSeparated,
    });

    addRules(this, 'InboundResolverEndpoint', () => [
      ...validateOnPremisesCidrsGiven(onPremisesCidrs),
      ...validateClientCidrs(onPremisesCidrs, 'onPremisesCidrs'),
      ...warnAnyAddressAdmitted(onPremisesCidrs),
      ...warnIpv6ClientsOfIpv4Endpoint(onPremisesCidrs),
      ...validateOneSubnetPerAz('vpcSubnets', subnets.map(toPlacement), 'a Route 53 Resolver endpoint'),
      ...validateResolverEndpointAzs(this.availabilityZones, selection.problem),
      ...exceedsQuota('ipAddressesPerEndpoint', RESOLVER_QUOTAS.ipAddressesPerEndpoint, subnets.length,
        'IP addresses of the endpoint (one per subnet of `vpcSubnets`):'),
    ]);
  }

  /** The monthly cost of the endpoint at list prices: an hourly charge per IP address; queries are billed on top. */
  public estimateMonthlyCost(): InboundResolverEndpointCostEstimate {
    return estimateInboundResolverCost(Stack.of(this).region, this.availabilityZones.length);
  }
}
