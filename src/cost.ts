/** The monthly cost of one interface endpoint. */
export interface InterfaceEndpointCost {
  /** The service's short name: `ssm`, `ecr.dkr`, or `vpce-svc-...` for a PrivateLink service. */
  readonly service: string;

  /** The number of AZs the endpoint has a network interface in; each one is billed by the hour. */
  readonly availabilityZones: number;

  /**
   * USD per month: the Region's rate per endpoint per AZ-hour x `availabilityZones` x 730 hours, rounded
   * to the cent.
   *
   * @default - undefined when the estimate is not priced (see `MonthlyCostEstimate.priced`)
   */
  readonly monthlyUsd?: number;
}

/**
 * What every cost estimate of the library has: the Region, whether it is priced, the total of the fixed
 * (hourly) charges, and where the prices come from.
 *
 * Only the fixed charges are totalled; traffic-dependent charges are given as rates. Where the Region is
 * unresolved or not in the library's price table, `priced` is false, `note` says why, and every price is
 * undefined rather than zero.
 */
export interface CostEstimate {
  /** The stack's Region, as the stack has it (a token in an environment-agnostic stack). */
  readonly region: string;

  /** Whether the figures are priced; false for an unresolved or unknown Region. */
  readonly priced: boolean;

  /** What the estimate covers and leaves out, or why it is not priced. */
  readonly note: string;

  /**
   * USD per month of the fixed (hourly) charges of the construct's own resources: the sum of the rounded line
   * items, at 730 hours a month.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly totalFixedMonthlyUsd?: number;

  /**
   * When the prices were last checked against their source, YYYY-MM-DD.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly pricesAsOf?: string;

  /**
   * The AWS pricing pages the prices come from.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly pricesSource?: string;
}

/**
 * The monthly cost of a VPC's endpoints at list prices, compared with NAT gateways. The total covers the
 * interface endpoints (gateway endpoints are free).
 */
export interface MonthlyCostEstimate extends CostEstimate {
  /** One entry per interface endpoint, in the order the VPC has them. */
  readonly interfaceEndpoints: InterfaceEndpointCost[];

  /** The number of gateway endpoints (S3, DynamoDB). */
  readonly gatewayEndpoints: number;

  /** Gateway endpoints have no hourly or data-processing charge in any Region: always 0. */
  readonly gatewayEndpointsMonthlyUsd: number;

  /** What the VPC flow logs cost: they are billed by volume, so they are described, not totalled. */
  readonly flowLogsNote: string;

  /**
   * USD per GB processed by the interface endpoints (first tier, the first 1 PB a month in the Region),
   * on top of the total.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly dataProcessingUsdPerGb?: number;

  /** The number of NAT gateways in the comparison: one per AZ of the VPC. */
  readonly natGatewayAzs: number;

  /**
   * USD per month for `natGatewayAzs` NAT gateways' hourly charge, for comparison. Their public IPv4
   * addresses and data transfer are not included.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly natGatewayComparisonMonthlyUsd?: number;

  /**
   * USD per GB processed by a NAT gateway, the rate the same traffic would pay without endpoints.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly natGatewayDataProcessingUsdPerGb?: number;

  /**
   * The GB of AWS API traffic per month above which the endpoints cost less than sending that traffic
   * through the NAT gateways, rounded to the nearest GB: where `totalFixedMonthlyUsd` + GB x
   * `dataProcessingUsdPerGb` = `natGatewayComparisonMonthlyUsd` + GB x `natGatewayDataProcessingUsdPerGb`.
   * 0 when the endpoints cost less at any volume.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly breakEvenGbPerMonth?: number;

  /**
   * The VPC's DNS egress guard, estimated on its own: it is not in `totalFixedMonthlyUsd`, which compares the endpoints with
   * NAT gateways.
   *
   * @default - undefined without a guard
   */
  readonly dnsEgressGuard?: DnsEgressGuardCostEstimate;
}

/**
 * The monthly cost of an `EndpointConsumer` at list prices: its interface endpoint, billed per AZ-hour. The
 * total is that line item; data processed is billed per GB on top.
 */
export interface EndpointConsumerCostEstimate extends CostEstimate {
  /** The interface endpoint. */
  readonly interfaceEndpoint: InterfaceEndpointCost;

  /**
   * USD per GB processed by the endpoint (first tier, the first 1 PB a month in the Region), on top of the total.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly dataProcessingUsdPerGb?: number;
}

/**
 * The monthly cost of an `EndpointServiceProvider` at list prices. The endpoint service itself has no charge
 * (consumers pay for their endpoints); the provider pays for the Network Load Balancer it defines: by the hour,
 * plus NLCU-hours that depend on traffic.
 */
export interface EndpointServiceProviderCostEstimate extends CostEstimate {
  /**
   * The Network Load Balancers the construct defines: 1 when it defines one from `targets`, 0 when it was given
   * an existing `networkLoadBalancer` (whose cost belongs to whoever defined it).
   */
  readonly networkLoadBalancers: number;

  /**
   * USD per month of the hourly charge of those load balancers.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly networkLoadBalancerMonthlyUsd?: number;

  /**
   * USD per NLCU-hour, on top of the total. For TCP an NLCU is 800 new connections a second, 100,000 active
   * connections or 1 GB processed an hour, whichever is highest.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly nlcuUsdPerHour?: number;
}

/**
 * The monthly cost of one side of PrivateLink for VPC resources at list prices: a resource endpoint (the consumer) or
 * a resource gateway (the provider). Only fixed (hourly) charges are totalled; the per-GB rate is given apart. Where
 * the Region is unresolved or not in the library's price table, `priced` is false, `note` says why, and every price is
 * undefined rather than zero.
 */
export interface PrivateResourceCostEstimate extends CostEstimate {
  /**
   * The number of AZs with a network interface: of the resource endpoint, or of the resource gateway. The fixed total
   * is the resource endpoint's rate per AZ-hour x this x 730 hours; 0 for a resource gateway, which has no hourly
   * charge.
   */
  readonly availabilityZones: number;

  /**
   * USD per GB processed (first tier, the first 1 PB a month in the Region), on top of `totalFixedMonthlyUsd`.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly dataProcessingUsdPerGb?: number;
}

/**
 * The monthly cost of an `InboundResolverEndpoint` at list prices: an hourly charge per IP address (each one is a network
 * interface). The DNS queries it answers are billed per million on top.
 */
export interface InboundResolverEndpointCostEstimate extends CostEstimate {
  /** The endpoint's IP addresses, one per subnet. */
  readonly ipAddresses: number;

  /**
   * USD per million DNS queries through the account's Resolver endpoints, for the first billion a month.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly queriesUsdPerMillion?: number;

  /**
   * USD per million DNS queries beyond the first billion a month.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly queriesBeyondBillionUsdPerMillion?: number;
}

/**
 * The monthly cost of a `CentralEndpointHub` at list prices, against the same services given to every spoke VPC with its
 * own endpoints. Only fixed (hourly and monthly) charges are totalled; the centralized path's extra per-GB charge is given
 * as a rate, with the traffic at which it uses the savings up.
 */
export interface CentralEndpointHubCostEstimate extends CostEstimate {
  /** The hub's interface endpoints, one entry per service, in the order the hub has them. */
  readonly interfaceEndpoints: InterfaceEndpointCost[];

  /** The private hosted zones the hub defines. */
  readonly hostedZones: number;

  /**
   * USD per month for the hub's hosted zones, billed as if they were the account's first zones (0.50 each for the first 25,
   * 0.10 beyond).
   *
   * @default - undefined when the estimate is not priced
   */
  readonly hostedZonesMonthlyUsd?: number;

  /** Whether the hub has a Route 53 Profile. */
  readonly profile: boolean;

  /**
   * USD per month for Route 53 Profiles, which are billed per account and Region: the account's hourly charge (which covers
   * the first 100 Profile-VPC associations across all of its Profiles) plus each spoke's association beyond them. A hub
   * whose account and Region have an earlier hub in the app counts each of its spokes' associations only
   * (`profileChargeCarriedElsewhere`). 0 without a profile (associating zones with VPCs directly is free).
   *
   * @default - undefined when the estimate is not priced
   */
  readonly profileMonthlyUsd?: number;

  /**
   * Whether another hub of the app, in the same account and Region, carries the account's hourly Profile charge.
   *
   * @default false
   */
  readonly profileChargeCarriedElsewhere?: boolean;

  /**
   * USD per month for the hub's inbound Resolver endpoint (`inboundResolver`), per IP address; 0 without one. Not in
   * `totalFixedMonthlyUsd`: on-premises clients would need an inbound endpoint in the decentralized design too. Its DNS
   * queries are billed per million on top.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly inboundResolverMonthlyUsd?: number;

  /** The spoke VPCs in the comparison. */
  readonly spokes: number;

  /** The AZs each spoke would give its own endpoints in the decentralized design. */
  readonly spokeAvailabilityZones: number;

  /** The Transit Gateway attachments counted: one for the hub and one per spoke, or 0 when they exist anyway. */
  readonly transitGatewayAttachments: number;

  /**
   * USD per month for those attachments' hourly charge.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly transitGatewayAttachmentsMonthlyUsd?: number;

  /**
   * USD per month for the same services in every spoke with its own endpoints, in `spokeAvailabilityZones` AZs each.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly decentralizedMonthlyUsd?: number;

  /**
   * `decentralizedMonthlyUsd` - `totalFixedMonthlyUsd`: what the hub saves a month before traffic charges; negative when the
   * hub costs more.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly savingsMonthlyUsd?: number;

  /**
   * The smallest number of spokes at which the hub's fixed charges are below those of the decentralized design, with the
   * same services, AZs and choices.
   *
   * @default - undefined when the estimate is not priced, or when the hub never costs less
   */
  readonly breakEvenSpokes?: number;

  /**
   * USD per GB processed by the interface endpoints (first tier), paid in both designs.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly dataProcessingUsdPerGb?: number;

  /**
   * USD per GB that only the centralized path pays: Transit Gateway data processing, charged on every GB sent to the
   * gateway, requests from the spokes and responses from the hub alike.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly transitGatewayDataProcessingUsdPerGb?: number;

  /**
   * The GB per month through the hub (both directions) above which `transitGatewayDataProcessingUsdPerGb` uses the
   * savings up, rounded to the nearest GB; 0 when the hub saves nothing.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly breakEvenGbPerMonth?: number;

  /**
   * The hub's DNS egress guard, estimated on its own: it is not in `totalFixedMonthlyUsd`, which compares the hub with
   * endpoints in every spoke.
   *
   * @default - undefined without a guard
   */
  readonly dnsEgressGuard?: DnsEgressGuardCostEstimate;
}

/**
 * The monthly cost of a `DnsEgressGuard` at list prices: the domain names its lists hold and, with Advanced protections,
 * their hourly charge for the VPC's association. DNS Firewall's per-query charge is given as a rate.
 */
export interface DnsEgressGuardCostEstimate extends CostEstimate {
  /** The domain names in the guard's lists: the allowed names and the catch-all `*`. */
  readonly domains: number;

  /**
   * USD per month for those names.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly domainsMonthlyUsd?: number;

  /** The DNS Firewall Advanced protections the guard has. */
  readonly threatProtections: number;

  /**
   * USD per month for the Advanced protections on the guarded VPC's association: 0 without protections. A hub's
   * guard is also billed for each spoke VPC associated with its Profile, which the estimate does not count.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly threatProtectionsMonthlyUsd?: number;

  /**
   * USD per million DNS queries from the guarded VPCs (first billion a month), on top of the total.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly queriesUsdPerMillion?: number;

  /** What query logging costs: billed by CloudWatch Logs by volume, so described, not totalled. */
  readonly queryLoggingNote: string;
}

/**
 * The cost of analyzing an `InternetAccessScope` at list prices. The scope itself is not billed; each analysis is, per
 * network interface it analyzes, so the total is per analysis rather than per month: `usdPerAnalysis` for the number of
 * network interfaces given, which the construct cannot know (every workload, endpoint and load balancer in the subnets has
 * some). `totalFixedMonthlyUsd` is 0: nothing is billed by the hour.
 */
export interface AccessScopeAnalysisCostEstimate extends CostEstimate {
  /** The network interfaces an analysis is assumed to analyze. */
  readonly networkInterfacesAnalyzed: number;

  /**
   * USD per network interface analyzed, per analysis.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly usdPerNetworkInterfaceAnalyzed?: number;

  /**
   * USD per analysis, for `networkInterfacesAnalyzed` network interfaces.
   *
   * @default - undefined when the estimate is not priced
   */
  readonly usdPerAnalysis?: number;
}
