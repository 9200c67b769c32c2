/** Hours in a month, as AWS's own pricing examples and the AWS Pricing Calculator count them. */
export const HOURS_PER_MONTH = 730;

/** The AWS pages that publish the figures below: interface endpoints, NAT gateways, then Network Load Balancers. */
export const AWS_PRICING_PAGES = 'https://aws.amazon.com/privatelink/pricing/, https://aws.amazon.com/vpc/pricing/ and '
  + 'https://aws.amazon.com/elasticloadbalancing/pricing/';

/** List prices (USD) of one Region, with where they come from and when they were checked. */
export interface RegionPrices {
  readonly region: string;
  /** Per interface endpoint, per AZ it has a subnet in, per hour (usage type `<prefix>-VpcEndpoint-Hours`). */
  readonly interfaceEndpointUsdPerAzHour: number;
  /**
   * Per GB processed by interface endpoints, first tier. The tiers apply to the total of all interface
   * endpoints in the Region and account per month: first 1 PB at this rate, next 4 PB at 0.006, beyond
   * 5 PB at 0.004. The estimate quotes the first tier only.
   */
  readonly interfaceEndpointUsdPerGb: number;
  /** Per NAT gateway per hour (`<prefix>-NatGateway-Hours`); its public IPv4 address is billed apart. */
  readonly natGatewayUsdPerHour: number;
  /** Per GB processed by a NAT gateway (`<prefix>-NatGateway-Bytes`), in addition to data transfer. */
  readonly natGatewayUsdPerGb: number;
  /** Per Network Load Balancer per hour (`<prefix>-LoadBalancerUsage`, Load Balancer-Network). */
  readonly networkLoadBalancerUsdPerHour: number;
  /**
   * Per NLCU-hour used by a Network Load Balancer (`<prefix>-LCUUsage`). For TCP an NLCU is 800 new connections
   * a second, 100,000 active connections or 1 GB processed an hour, whichever dimension is highest.
   */
  readonly networkLoadBalancerUsdPerNlcuHour: number;
  /** The AWS pricing pages that publish these figures. */
  readonly source: string;
  /** How each figure was confirmed, and which one could not be confirmed from a stored page. */
  readonly sourceNote: string;
  /** When the figures were last checked, YYYY-MM-DD. */
  readonly asOf: string;
}

/**
 * The only price table of the library. AWS renders the per-Region rates of its pricing pages in the
 * browser, so the stored copies of those pages carry the tiers but not the hourly rates; the rates were
 * matched against AWS Price List API results and bills quoted in public pages and repositories, as each
 * row's note says. Re-check every row when its date is a year old.
 */
export const PRICE_TABLE: readonly RegionPrices[] = [
  {
    region: 'us-east-1',
    interfaceEndpointUsdPerAzHour: 0.01,
    interfaceEndpointUsdPerGb: 0.01,
    natGatewayUsdPerHour: 0.045,
    natGatewayUsdPerGb: 0.045,
    networkLoadBalancerUsdPerHour: 0.0225,
    networkLoadBalancerUsdPerNlcuHour: 0.006,
    source: AWS_PRICING_PAGES,
    sourceNote: 'Per-GB tiers from the stored PrivateLink pricing page; hourly rates and the NAT per-GB rate from '
      + 'Price List API results and bills quoted in public repositories and pages. '
      + 'NLB: the hourly and NLCU rates of the US East examples on the stored Elastic Load Balancing pricing page ("$0.0225", "$0.006 per NLCU").',
    asOf: '2026-11-22',
  },
  {
    region: 'us-west-2',
    interfaceEndpointUsdPerAzHour: 0.01,
    interfaceEndpointUsdPerGb: 0.01,
    natGatewayUsdPerHour: 0.045,
    natGatewayUsdPerGb: 0.045,
    networkLoadBalancerUsdPerHour: 0.0225,
    networkLoadBalancerUsdPerNlcuHour: 0.006,
    source: AWS_PRICING_PAGES,
    sourceNote: 'Price List API results (`USW2-VpcEndpoint-Hours` and `-Bytes`) and a cost report billing '
      + '`USW2-NatGateway-Hours` at 32.85 USD for 730 hours, quoted in public repositories; the NAT per-GB rate is '
      + 'the best-known published figure, not confirmed from a stored page. '
      + 'NLB: the US East rates, which US West (Oregon) shares; best-known published figures, not confirmed from a stored page.',
    asOf: '2026-11-22',
  },
  {
    region: 'eu-west-1',
    interfaceEndpointUsdPerAzHour: 0.011,
    interfaceEndpointUsdPerGb: 0.01,
    natGatewayUsdPerHour: 0.048,
    natGatewayUsdPerGb: 0.048,
    networkLoadBalancerUsdPerHour: 0.0252,
    networkLoadBalancerUsdPerNlcuHour: 0.006,
    source: AWS_PRICING_PAGES,
    sourceNote: 'Price List API results ("$0.011 per VPC Endpoint Hour", "$0.048 per NAT Gateway Hour" and '
      + '"per GB Data Processed by NAT Gateways") quoted in a public audit report. '
      + 'NLB: best-known published figures, not confirmed from a stored page.',
    asOf: '2026-11-22',
  },
  {
    region: 'eu-central-1',
    interfaceEndpointUsdPerAzHour: 0.012,
    interfaceEndpointUsdPerGb: 0.01,
    natGatewayUsdPerHour: 0.052,
    natGatewayUsdPerGb: 0.052,
    networkLoadBalancerUsdPerHour: 0.027,
    networkLoadBalancerUsdPerNlcuHour: 0.006,
    source: AWS_PRICING_PAGES,
    sourceNote: 'Interface endpoint rates from Price List API results (`EUC1-VpcEndpoint-Hours` and `-Bytes`) quoted '
      + 'in a public repository. NAT gateway: best-known published figure, not confirmed from a stored AWS page '
      + '(third-party pages give 0.048-0.052 for the European Regions). '
      + 'NLB: best-known published figures, not confirmed from a stored page.',
    asOf: '2026-11-22',
  },
  {
    region: 'ap-northeast-1',
    interfaceEndpointUsdPerAzHour: 0.014,
    interfaceEndpointUsdPerGb: 0.01,
    natGatewayUsdPerHour: 0.062,
    natGatewayUsdPerGb: 0.062,
    networkLoadBalancerUsdPerHour: 0.0243,
    networkLoadBalancerUsdPerNlcuHour: 0.006,
    source: AWS_PRICING_PAGES,
    sourceNote: 'Bill lines "$0.014 per VPC Endpoint Hour" and "$0.062 per NAT Gateway Hour" quoted in a public page; '
      + 'NAT per-GB and endpoint per-GB rates quoted in a public cost analysis of this Region. '
      + 'NLB: "0.0243USD" an hour and "0.006USD" an LCU-hour, quoted from the pricing page in a public page on ELB costs in Tokyo.',
    asOf: '2026-11-22',
  },
  {
    region: 'ap-southeast-1',
    interfaceEndpointUsdPerAzHour: 0.013,
    interfaceEndpointUsdPerGb: 0.01,
    natGatewayUsdPerHour: 0.059,
    natGatewayUsdPerGb: 0.059,
    networkLoadBalancerUsdPerHour: 0.0252,
    networkLoadBalancerUsdPerNlcuHour: 0.006,
    source: AWS_PRICING_PAGES,
    sourceNote: 'Price List API results (`APS1-VpcEndpoint-Hours` and `-Bytes`, `APS1-NatGateway-Hours` and '
      + '`-Bytes`) quoted in a public repository. '
      + 'NLB: best-known published figures, not confirmed from a stored page.',
    asOf: '2026-11-22',
  },
];

/** The prices of a Region, or undefined when the table has no row for it. */
export function pricesFor(region: string): RegionPrices | undefined {
  return PRICE_TABLE.find(row => row.region === region);
}

// ---- PrivateLink for VPC resources: resource endpoints (consumer) and resource gateways (provider) ----

/** The AWS pages that publish the figures below. */
export const RESOURCE_PRICING_PAGES = 'https://aws.amazon.com/privatelink/pricing/ and https://aws.amazon.com/vpc/lattice/pricing/';

/**
 * List prices (USD) of PrivateLink for VPC resources in one Region. "Access VPC resources through AWS PrivateLink"
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-resources.html) names what is billed: a resource
 * endpoint per hour and per GB processed; a resource gateway per GB processed, with no hourly charge.
 */
export interface ResourcePrices {
  readonly region: string;
  /** Per resource endpoint, per AZ it has a subnet in, per hour. */
  readonly resourceEndpointUsdPerAzHour: number;
  /** Per GB processed by resource endpoints, first tier (first 1 PB a month; then 0.006 up to 5 PB, then 0.004). */
  readonly resourceEndpointUsdPerGb: number;
  /** Per GB processed by resource gateways, first tier (the VPC Lattice "VPC resources" tiers, like those above). */
  readonly resourceGatewayUsdPerGb: number;
  /**
   * Per GB processed when resources are reached through a service-network endpoint, first tier (the VPC Lattice "VPC
   * resources" tiers). The endpoint itself has no hourly charge; the network's owner pays per resource configuration
   * associated with the network, per hour, a rate that no stored AWS page carries, so no estimate includes it.
   */
  readonly serviceNetworkEndpointUsdPerGb: number;
  readonly source: string;
  /** How each figure was confirmed, and which one could not be confirmed from a stored page. */
  readonly sourceNote: string;
  /** When the figures were last checked, YYYY-MM-DD. */
  readonly asOf: string;
}

/**
 * The price rows for VPC resources. AWS renders the hourly rate of resource endpoints in the browser, so only the
 * Region whose rate could be matched is listed; other Regions are not priced rather than guessed.
 */
export const RESOURCE_PRICE_TABLE: readonly ResourcePrices[] = [
  {
    region: 'us-east-1',
    resourceEndpointUsdPerAzHour: 0.01,
    resourceEndpointUsdPerGb: 0.01,
    resourceGatewayUsdPerGb: 0.01,
    serviceNetworkEndpointUsdPerGb: 0.01,
    source: RESOURCE_PRICING_PAGES,
    sourceNote: 'Per-GB tiers of resource endpoints from the stored PrivateLink pricing page and of VPC resources from the '
      + 'VPC Lattice pricing page; the gateway has no hourly charge (PrivateLink guide). The hourly rate of a resource endpoint '
      + 'is not on a stored page: it is the interface-endpoint rate of the Region, billed per AZ like every VPC endpoint on the '
      + 'PrivateLink pricing page; re-check it before relying on it. Service-network endpoints: "You are not billed hourly for '
      + 'the service-network VPC endpoint itself" and are billed per GB processed, while the network\'s owner is "billed hourly '
      + 'for the resource configurations that are associated with your service network" (PrivateLink guide, "Access service '
      + 'networks"); the per-GB rate is the VPC resources tier above, the hourly rate per resource configuration is on no '
      + 'stored AWS page and is not priced.',
    asOf: '2026-11-22',
  },
];

/** The VPC resources prices of a Region, or undefined when the table has no row for it. */
export function resourcePricesFor(region: string): ResourcePrices | undefined {
  return RESOURCE_PRICE_TABLE.find(row => row.region === region);
}

// ---- Centralized endpoints: Transit Gateway (per Region) and Route 53 (global) ----

/** The AWS page that publishes the Transit Gateway figures below. */
export const TRANSIT_GATEWAY_PRICING_PAGE = 'https://aws.amazon.com/transit-gateway/pricing/';

/** Transit Gateway list prices (USD) of one Region. */
export interface TransitGatewayPrices {
  readonly region: string;
  /** Per VPC attachment per hour, billed to the VPC owner from the hour the attachment is accepted until it is deleted. */
  readonly attachmentUsdPerHour: number;
  /** Per GB sent from an attachment to the Transit Gateway; traffic to and from a hub is charged in each direction. */
  readonly dataProcessingUsdPerGb: number;
  readonly source: string;
  /** How each figure was confirmed, and which one could not be confirmed from a stored page. */
  readonly sourceNote: string;
  /** When the figures were last checked, YYYY-MM-DD. */
  readonly asOf: string;
}

/**
 * The Transit Gateway rows, for the Regions of PRICE_TABLE. The stored copy of the pricing page carries the billing rules
 * (per attachment-hour, per GB sent to the gateway) but renders the per-Region rates in the browser, as the other AWS
 * pricing pages do; each row's note says where its rates were matched.
 */
export const TRANSIT_GATEWAY_PRICE_TABLE: readonly TransitGatewayPrices[] = [
  {
    region: 'us-east-1',
    attachmentUsdPerHour: 0.05,
    dataProcessingUsdPerGb: 0.02,
    source: TRANSIT_GATEWAY_PRICING_PAGE,
    sourceNote: 'The US East rates ("$0.05 per attachment per hour", "$0.02 per GB processed") quoted in several public '
      + 'cost analyses of Transit Gateway; the billing rules from the stored China pricing page, which has the same structure.',
    asOf: '2026-11-22',
  },
  {
    region: 'us-west-2',
    attachmentUsdPerHour: 0.05,
    dataProcessingUsdPerGb: 0.02,
    source: TRANSIT_GATEWAY_PRICING_PAGE,
    sourceNote: 'The US rates, which public cost analyses give for every US Region; not confirmed from a stored AWS page.',
    asOf: '2026-11-22',
  },
  {
    region: 'eu-west-1',
    attachmentUsdPerHour: 0.05,
    dataProcessingUsdPerGb: 0.02,
    source: TRANSIT_GATEWAY_PRICING_PAGE,
    sourceNote: 'A public cost analysis gives the US rates for the EU as well ("same in US and EU"); best-known published '
      + 'figures, not confirmed from a stored AWS page.',
    asOf: '2026-11-22',
  },
  {
    region: 'eu-central-1',
    attachmentUsdPerHour: 0.06,
    dataProcessingUsdPerGb: 0.02,
    source: TRANSIT_GATEWAY_PRICING_PAGE,
    sourceNote: 'Best-known published figures (Frankfurt\'s attachment-hour above the US rate), not confirmed from a stored '
      + 'AWS page.',
    asOf: '2026-11-22',
  },
  {
    region: 'ap-northeast-1',
    attachmentUsdPerHour: 0.07,
    dataProcessingUsdPerGb: 0.02,
    source: TRANSIT_GATEWAY_PRICING_PAGE,
    sourceNote: 'Best-known published figures (public cost analyses: "slightly higher in Asia-Pacific"), not confirmed from '
      + 'a stored AWS page.',
    asOf: '2026-11-22',
  },
  {
    region: 'ap-southeast-1',
    attachmentUsdPerHour: 0.07,
    dataProcessingUsdPerGb: 0.02,
    source: TRANSIT_GATEWAY_PRICING_PAGE,
    sourceNote: 'Best-known published figures (public cost analyses: "slightly higher in Asia-Pacific"), not confirmed from '
      + 'a stored AWS page.',
    asOf: '2026-11-22',
  },
];

/** The Transit Gateway prices of a Region, or undefined when the table has no row for it. */
export function transitGatewayPricesFor(region: string): TransitGatewayPrices | undefined {
  return TRANSIT_GATEWAY_PRICE_TABLE.find(row => row.region === region);
}

/** The AWS page that publishes the Route 53 figures below. */
export const ROUTE53_PRICING_PAGE = 'https://aws.amazon.com/route53/pricing/';

/** Route 53 list prices (USD); Route 53 is a global service, priced the same in every commercial Region. */
export interface Route53Prices {
  /** Per hosted zone per month, for the first 25 hosted zones of the account. */
  readonly hostedZoneUsdPerMonth: number;
  /** How many hosted zones of the account are billed at `hostedZoneUsdPerMonth`. */
  readonly hostedZonesAtFirstRate: number;
  /** Per hosted zone per month beyond the first 25. */
  readonly additionalHostedZoneUsdPerMonth: number;
  /**
   * Per account and Region per hour for Route 53 Profiles, whatever their number, covering up to
   * `profileVpcAssociationsIncluded` Profile-VPC associations across all of them.
   */
  readonly profileUsdPerHour: number;
  /** The Profile-VPC associations of an account and Region that the hourly charge covers. */
  readonly profileVpcAssociationsIncluded: number;
  /** Per VPC association per hour beyond `profileVpcAssociationsIncluded`. */
  readonly additionalProfileVpcAssociationUsdPerHour: number;
  /** Per million DNS queries from VPCs with a DNS Firewall rule group, for the first billion a month (0.40 beyond). */
  readonly dnsFirewallUsdPerMillionQueries: number;
  /** Per domain name in the account's own DNS Firewall domain lists, per month (prorated hourly). */
  readonly dnsFirewallDomainUsdPerMonth: number;
  /** Per hour, per rule group holding DNS Firewall Advanced rules, per VPC association. */
  readonly dnsFirewallAdvancedUsdPerHour: number;
  readonly source: string;
  /** How each figure was confirmed, and which one could not be confirmed from a stored page. */
  readonly sourceNote: string;
  /** When the figures were last checked, YYYY-MM-DD. */
  readonly asOf: string;
}

export const ROUTE53_PRICES: Route53Prices = {
  hostedZoneUsdPerMonth: 0.5,
  hostedZonesAtFirstRate: 25,
  additionalHostedZoneUsdPerMonth: 0.1,
  profileUsdPerHour: 0.75,
  profileVpcAssociationsIncluded: 100,
  additionalProfileVpcAssociationUsdPerHour: 0.0014,
  dnsFirewallUsdPerMillionQueries: 0.6,
  dnsFirewallDomainUsdPerMonth: 0.0005,
  dnsFirewallAdvancedUsdPerHour: 0.16,
  source: ROUTE53_PRICING_PAGE,
  sourceNote: 'Hosted zones: "$0.50 per hosted zone / month for the first 25 hosted zones, $0.10 for additional zones", '
    + 'quoted from the pricing page in a stored public page. Profiles: "billed per account, not per Profile: $0.75/hour '
    + 'covers up to 100 Profile-VPC associations across all Profiles the account owns in a Region, then $0.0014 per '
    + 'association per hour. The Profile owner pays for every association, including those created by RAM recipients" '
    + '(AWS\'s own Route 53 Profiles guidance in aws/agent-toolkit-for-aws, configuring-route53-profiles.md; the pricing '
    + 'page itself is not stored here). DNS Firewall: "Queries: $0.60 per million queries from VPCs with a rule group '
    + 'association (first 1 billion per month), then $0.40 per million", "Custom domains: $0.0005 per domain per month for '
    + 'domains in custom lists", "DNS Firewall Advanced: $0.16 per hour per rule group containing one or more Advanced rules, '
    + 'per VPC association" (AWS\'s own DNS Firewall guidance in aws/agent-toolkit-for-aws, blocking-malicious-domains.md; '
    + 'the same three rates transcribed verbatim from the pricing page on 2026-09-20 in api-evangelist/amazon-route53-resolver).',
  asOf: '2026-12-04',
};

// ---- Route 53 Resolver endpoints ----

/** Route 53 Resolver endpoint list prices (USD). */
export interface ResolverPrices {
  /** Per IP address of an endpoint (one network interface each), per hour. */
  readonly endpointUsdPerIpHour: number;
  /** Per million DNS queries through the account's endpoints, for the first billion a month. */
  readonly queriesUsdPerMillion: number;
  /** Per million DNS queries beyond the first billion a month. */
  readonly queriesBeyondBillionUsdPerMillion: number;
  readonly source: string;
  /** How each figure was confirmed. */
  readonly sourceNote: string;
  /** When the figures were last checked, YYYY-MM-DD. */
  readonly asOf: string;
}

/** One rate for the Regions of PRICE_TABLE: AWS's article below gives Resolver endpoints a single rate. */
export const RESOLVER_PRICES: ResolverPrices = {
  endpointUsdPerIpHour: 0.125,
  queriesUsdPerMillion: 0.4,
  queriesBeyondBillionUsdPerMillion: 0.2,
  source: ROUTE53_PRICING_PAGE,
  sourceNote: 'AWS Knowledge Center, "How do I optimize costs for Route 53 Resolver endpoints?" '
    + '(https://repost.aws/knowledge-center/route-53-resolver-endpoint-costs, read in its German edition): Resolver creates '
    + 'one network interface per IP address of an endpoint, each billed 0.125 USD an hour; queries through the endpoints are '
    + 'billed 0.40 USD per million up to one billion a month and 0.20 USD per million beyond; an endpoint with two IP '
    + 'addresses costs about 182.50 USD a month at least. The pricing page itself is not stored here.',
  asOf: '2026-12-04',
};

// ---- Network Access Analyzer (per analysis) ----

/** The AWS page that publishes the Network Access Analyzer rate (its Network Analysis tab). */
export const NETWORK_ANALYSIS_PRICING_PAGE = 'https://aws.amazon.com/vpc/pricing/';

/**
 * Network Access Analyzer list prices (USD) of one Region. An analysis is billed per network interface it analyzes; the
 * analysis reports how many (`AnalyzedEniCount`, NetworkInsightsAccessScopeAnalysis in the EC2 API reference). A scope
 * that is never analyzed is not billed.
 */
export interface NetworkAccessAnalyzerPrices {
  readonly region: string;
  /** Per network interface analyzed, per analysis. */
  readonly usdPerNetworkInterfaceAnalyzed: number;
  readonly source: string;
  /** How the figure was confirmed, or that it could not be confirmed from a stored page. */
  readonly sourceNote: string;
  /** When the figure was last checked, YYYY-MM-DD. */
  readonly asOf: string;
}

export const NETWORK_ACCESS_ANALYZER_PRICE_TABLE: readonly NetworkAccessAnalyzerPrices[] = [
  {
    region: 'us-east-1',
    usdPerNetworkInterfaceAnalyzed: 0.002,
    source: NETWORK_ANALYSIS_PRICING_PAGE,
    sourceNote: '"$0.002 per ENI analyzed", quoted from the pricing page in several public cost notes and comparisons of AWS\'s '
      + 'network analysis tools (none names a Region; taken as the US East rate). Best-known published figure, not confirmed '
      + 'from a stored AWS page.',
    asOf: '2026-12-04',
  },
];

/** The Network Access Analyzer prices of a Region, or undefined when the table has no row for it. */
export function networkAccessAnalyzerPricesFor(region: string): NetworkAccessAnalyzerPrices | undefined {
  return NETWORK_ACCESS_ANALYZER_PRICE_TABLE.find(row => row.region === region);
}
