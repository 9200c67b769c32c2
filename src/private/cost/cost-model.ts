import { Token } from 'aws-cdk-lib';
import {
  AWS_PRICING_PAGES,
  HOURS_PER_MONTH,
  NETWORK_ACCESS_ANALYZER_PRICE_TABLE,
  NETWORK_ANALYSIS_PRICING_PAGE,
  networkAccessAnalyzerPricesFor,
  PRICE_TABLE,
  pricesFor,
  RegionPrices,
  RESOLVER_PRICES,
  RESOURCE_PRICE_TABLE,
  RESOURCE_PRICING_PAGES,
  ResourcePrices,
  resourcePricesFor,
  ROUTE53_PRICING_PAGE,
} from './price-table';
import {
  AccessScopeAnalysisCostEstimate,
  DnsEgressGuardCostEstimate,
  EndpointConsumerCostEstimate,
  EndpointServiceProviderCostEstimate,
  InboundResolverEndpointCostEstimate,
  MonthlyCostEstimate,
  PrivateResourceCostEstimate,
} from '../../cost';

/** What a VPC is billed for, as plain data. */
export interface CostEstimateInput {
  /** The stack's Region; may be a token. */
  readonly region: string;
  /** Each interface endpoint's service short name and the number of AZs it has a subnet in. */
  readonly interfaceEndpoints: { readonly service: string; readonly availabilityZones: number }[];
  /** The number of gateway endpoints. */
  readonly gatewayEndpoints: number;
  /** The VPC's AZ count: the NAT gateways a NAT design would need, one per AZ. */
  readonly natGatewayAzs: number;
  /** Whether the VPC has flow logs. */
  readonly flowLogsEnabled: boolean;
  /** The estimate of the VPC's DNS egress guard, if it has one. */
  readonly dnsEgressGuard?: DnsEgressGuardCostEstimate;
}

/**
 * Estimates the monthly cost of a VPC's endpoints. Pure: the price table is the only other input.
 */
export function estimateCost(input: CostEstimateInput): MonthlyCostEstimate {
  const common = {
    region: input.region,
    gatewayEndpoints: input.gatewayEndpoints,
    gatewayEndpointsMonthlyUsd: 0,
    flowLogsNote: input.flowLogsEnabled
      ? 'On: billed per GB of log data delivered (CloudWatch Logs vended logs or S3) plus storage, which '
        + 'depends on traffic and is not in the total.'
      : 'Off: no flow-log charge.',
    natGatewayAzs: input.natGatewayAzs,
    dnsEgressGuard: input.dnsEgressGuard,
  };

  // A token (the Region of an environment-agnostic stack) matches no row either.
  const prices = pricesFor(input.region);
  if (!prices) {
    return {
      ...common,
      priced: false,
      note: unpricedNote(input.region, PRICE_TABLE, AWS_PRICING_PAGES),
      interfaceEndpoints: input.interfaceEndpoints.map(e => ({ service: e.service, availabilityZones: e.availabilityZones })),
    };
  }

  const interfaceEndpoints = input.interfaceEndpoints.map(e => ({
    service: e.service,
    availabilityZones: e.availabilityZones,
    cents: monthlyCents(prices.interfaceEndpointUsdPerAzHour, e.availabilityZones),
  }));
  const totalCents = interfaceEndpoints.reduce((sum, e) => sum + e.cents, 0);
  const natCents = monthlyCents(prices.natGatewayUsdPerHour, input.natGatewayAzs);

  return {
    ...common,
    priced: true,
    note: `${pricedPreamble(prices)} The total is the interface endpoints' hourly charge, per endpoint per AZ; gateway `
      + 'endpoints are free. Not included: data processed (dataProcessingUsdPerGb), cross-AZ data transfer and flow logs. '
      + 'The NAT gateway comparison is their hourly charge only, without public IPv4 addresses or data transfer.',
    interfaceEndpoints: interfaceEndpoints.map(e => ({
      service: e.service,
      availabilityZones: e.availabilityZones,
      monthlyUsd: e.cents / 100,
    })),
    totalFixedMonthlyUsd: totalCents / 100,
    dataProcessingUsdPerGb: prices.interfaceEndpointUsdPerGb,
    natGatewayComparisonMonthlyUsd: natCents / 100,
    natGatewayDataProcessingUsdPerGb: prices.natGatewayUsdPerGb,
    breakEvenGbPerMonth: breakEvenGb(totalCents, natCents, prices),
    ...priceSources(prices),
  };
}

/** What an EndpointConsumer is billed for, as plain data. */
export interface ConsumerCostInput {
  /** The stack's Region; may be a token. */
  readonly region: string;
  /** How the estimate names the service: its short name, or where its name comes from. */
  readonly service: string;
  /** The AZs the endpoint has a network interface in. */
  readonly availabilityZones: number;
}

/** Estimates the monthly cost of a consumer's interface endpoint. Pure: the price table is the only other input. */
export function estimateConsumerCost(input: ConsumerCostInput): EndpointConsumerCostEstimate {
  const endpoint = { service: input.service, availabilityZones: input.availabilityZones };
  const prices = pricesFor(input.region);
  if (!prices) {
    return { region: input.region, priced: false, note: unpricedNote(input.region, PRICE_TABLE, AWS_PRICING_PAGES), interfaceEndpoint: endpoint };
  }
  const cents = monthlyCents(prices.interfaceEndpointUsdPerAzHour, input.availabilityZones);
  return {
    region: input.region,
    priced: true,
    note: `${pricedPreamble(prices)} The total is the interface endpoint's hourly charge, per AZ. Not included: data `
      + 'processed (dataProcessingUsdPerGb) and cross-AZ data transfer.',
    interfaceEndpoint: { ...endpoint, monthlyUsd: cents / 100 },
    totalFixedMonthlyUsd: cents / 100,
    dataProcessingUsdPerGb: prices.interfaceEndpointUsdPerGb,
    ...priceSources(prices),
  };
}

/** What an EndpointServiceProvider is billed for, as plain data. */
export interface ProviderCostInput {
  /** The stack's Region; may be a token. */
  readonly region: string;
  /** The Network Load Balancers the provider defines (0 when it was given an existing one). */
  readonly networkLoadBalancers: number;
}

/** Estimates the monthly cost of a provider's own resources. Pure: the price table is the only other input. */
export function estimateProviderCost(input: ProviderCostInput): EndpointServiceProviderCostEstimate {
  const prices = pricesFor(input.region);
  if (!prices) {
    const note = unpricedNote(input.region, PRICE_TABLE, AWS_PRICING_PAGES);
    return { region: input.region, priced: false, note, networkLoadBalancers: input.networkLoadBalancers };
  }
  const cents = monthlyCents(prices.networkLoadBalancerUsdPerHour, input.networkLoadBalancers);
  return {
    region: input.region,
    priced: true,
    note: `${pricedPreamble(prices)} The endpoint service has no charge of its own; the total is the hourly charge `
      + 'of the Network Load Balancer the provider defines (none when it was given an existing one). Not included: '
      + 'NLCU-hours (nlcuUsdPerHour), which depend on traffic, and the consumers\' endpoints, which their owners pay for.',
    networkLoadBalancers: input.networkLoadBalancers,
    networkLoadBalancerMonthlyUsd: cents / 100,
    totalFixedMonthlyUsd: cents / 100,
    nlcuUsdPerHour: prices.networkLoadBalancerUsdPerNlcuHour,
    ...priceSources(prices),
  };
}

export function pricedPreamble(prices: RegionPrices): string {
  return `Estimate for ${prices.region} at list prices checked on ${prices.asOf}, ${HOURS_PER_MONTH} hours a month.`;
}

function priceSources(prices: RegionPrices): { pricesAsOf: string; pricesSource: string } {
  return { pricesAsOf: prices.asOf, pricesSource: prices.source };
}

/**
 * Why an estimate is not priced.
 *
 * @param table the price table that has no row for the Region
 * @param pages the AWS pricing pages that have the Region's rates
 */
export function unpricedNote(region: string, table: readonly { readonly region: string }[], pages: string): string {
  if (Token.isUnresolved(region)) {
    return 'Not priced: the stack\'s Region is not known at synth time (an environment-agnostic stack). '
      + 'Set `env: { region }` on the stack to get prices.';
  }
  return `Not priced: this library's price table has no row for Region \`${region}\` (it covers `
    + `${table.map(row => row.region).join(', ')}), and it does not guess. See ${pages} for its rates.`;
}

/** A rate in millionths of a USD: an integer for every rate in the table (at most 6 decimals). */
export function microUsd(usd: number): number {
  return Math.round(usd * 1_000_000);
}

/**
 * The monthly charge, in whole cents, of `count` things billed by the hour. The product of integers is
 * exact, so the only rounding is the final one to the cent (half up; amounts are positive).
 */
export function monthlyCents(usdPerHour: number, count: number): number {
  return Math.round(microUsd(usdPerHour) * count * HOURS_PER_MONTH / 10_000);
}

/**
 * Solves fixed endpoints + GB x endpoint rate = fixed NAT + GB x NAT rate for GB. Every row of the price
 * table has a NAT per-GB rate above the endpoint one (its test checks this), so the divisor is positive.
 */
function breakEvenGb(endpointCents: number, natCents: number, prices: RegionPrices): number {
  const excessCents = endpointCents - natCents;
  if (excessCents <= 0) {
    return 0;
  }
  const savedMicroUsdPerGb = microUsd(prices.natGatewayUsdPerGb) - microUsd(prices.interfaceEndpointUsdPerGb);
  return Math.round(excessCents * 10_000 / savedMicroUsdPerGb);
}

// ---- PrivateLink for VPC resources: resource endpoints (consumer) and resource gateways (provider) ----

/** Estimates the monthly cost of a resource endpoint with network interfaces in `availabilityZones` AZs. */
export function estimateResourceEndpointCost(region: string, availabilityZones: number): PrivateResourceCostEstimate {
  return estimateResourceSide(region, availabilityZones, prices => ({
    usdPerAzHour: prices.resourceEndpointUsdPerAzHour,
    usdPerGb: prices.resourceEndpointUsdPerGb,
    note: `Estimate for ${prices.region} at list prices checked on ${prices.asOf}, ${HOURS_PER_MONTH} hours a month: the resource `
      + 'endpoint\'s hourly charge, per AZ. Not included: data processed (dataProcessingUsdPerGb) and cross-AZ data transfer.',
  }));
}

/** Estimates the monthly cost of a resource gateway in `availabilityZones` AZs: no hourly charge, only data processed. */
export function estimateResourceGatewayCost(region: string, availabilityZones: number): PrivateResourceCostEstimate {
  return estimateResourceSide(region, availabilityZones, prices => ({
    usdPerAzHour: 0,
    usdPerGb: prices.resourceGatewayUsdPerGb,
    note: `Estimate for ${prices.region} at list prices checked on ${prices.asOf}: a resource gateway has no hourly charge; `
      + 'it is billed per GB it processes (dataProcessingUsdPerGb). The resource configuration and the RAM share are free; '
      + 'consumers pay for their resource endpoints.',
  }));
}

/**
 * Estimates the monthly cost of a service-network endpoint: no hourly charge for the endpoint, only data processed. The
 * network's owner pays per resource configuration associated, per hour, which is not priced here.
 */
export function estimateServiceNetworkEndpointCost(region: string, availabilityZones: number): PrivateResourceCostEstimate {
  return estimateResourceSide(region, availabilityZones, prices => ({
    usdPerAzHour: 0,
    usdPerGb: prices.serviceNetworkEndpointUsdPerGb,
    note: `Estimate for ${prices.region} at list prices checked on ${prices.asOf}: a service-network endpoint has no hourly `
      + 'charge; it is billed per GB processed (dataProcessingUsdPerGb). The service network\'s owner pays an hourly charge per '
      + 'resource configuration associated with the network, not priced here (see https://aws.amazon.com/vpc/lattice/pricing/).',
  }));
}

/** One side of PrivateLink for VPC resources, priced from the Region's row by `rates`, or not priced without one. */
function estimateResourceSide(region: string, availabilityZones: number,
  rates: (prices: ResourcePrices) => { usdPerAzHour: number; usdPerGb: number; note: string }): PrivateResourceCostEstimate {
  const prices = resourcePricesFor(region);
  if (!prices) {
    return { region, availabilityZones, priced: false, note: unpricedNote(region, RESOURCE_PRICE_TABLE, RESOURCE_PRICING_PAGES) };
  }
  const { usdPerAzHour, usdPerGb, note } = rates(prices);
  return {
    region,
    availabilityZones,
    priced: true,
    note,
    totalFixedMonthlyUsd: monthlyCents(usdPerAzHour, availabilityZones) / 100,
    dataProcessingUsdPerGb: usdPerGb,
    pricesAsOf: prices.asOf,
    pricesSource: prices.source,
  };
}

// ---- Route 53 Resolver inbound endpoints ----

/** Estimates the monthly cost of a Resolver endpoint with `ipAddresses` IP addresses, priced in the Regions of PRICE_TABLE. */
export function estimateInboundResolverCost(region: string, ipAddresses: number): InboundResolverEndpointCostEstimate {
  if (!pricesFor(region)) {
    return { region, ipAddresses, priced: false, note: unpricedNote(region, PRICE_TABLE, ROUTE53_PRICING_PAGE) };
  }
  return {
    region,
    ipAddresses,
    priced: true,
    note: `Estimate for ${region} at list prices checked on ${RESOLVER_PRICES.asOf}, ${HOURS_PER_MONTH} hours a month: the `
      + 'endpoint\'s hourly charge, per IP address. Not included: the DNS queries it answers (queriesUsdPerMillion).',
    totalFixedMonthlyUsd: inboundResolverMonthlyCents(ipAddresses) / 100,
    queriesUsdPerMillion: RESOLVER_PRICES.queriesUsdPerMillion,
    queriesBeyondBillionUsdPerMillion: RESOLVER_PRICES.queriesBeyondBillionUsdPerMillion,
    pricesAsOf: RESOLVER_PRICES.asOf,
    pricesSource: RESOLVER_PRICES.source,
  };
}

/** The hourly charge of a Resolver endpoint's IP addresses, in cents a month. */
export function inboundResolverMonthlyCents(ipAddresses: number): number {
  return monthlyCents(RESOLVER_PRICES.endpointUsdPerIpHour, ipAddresses);
}
// ---- Network Access Analyzer ----

/** Estimates what one analysis of a Network Access Scope costs when it analyzes `networkInterfaces` network interfaces. */
export function estimateAccessScopeAnalysisCost(region: string, networkInterfaces: number): AccessScopeAnalysisCostEstimate {
  if (!Number.isInteger(networkInterfaces) || networkInterfaces < 0) {
    throw new Error(`\`networkInterfaces\` must be a whole number of network interfaces, 0 or more, got ${networkInterfaces}`);
  }
  const prices = networkAccessAnalyzerPricesFor(region);
  if (!prices) {
    return {
      region,
      networkInterfacesAnalyzed: networkInterfaces,
      priced: false,
      note: unpricedNote(region, NETWORK_ACCESS_ANALYZER_PRICE_TABLE, NETWORK_ANALYSIS_PRICING_PAGE),
    };
  }
  return {
    region,
    networkInterfacesAnalyzed: networkInterfaces,
    priced: true,
    note: `Estimate for ${prices.region} at list prices checked on ${prices.asOf}: the scope itself is not billed; each analysis `
      + 'is, per network interface it analyzes (an analysis reports the count as AnalyzedEniCount). Multiply usdPerAnalysis by the '
      + `analyses you run, for example one per deployment. ${prices.sourceNote}`,
    totalFixedMonthlyUsd: 0,
    usdPerNetworkInterfaceAnalyzed: prices.usdPerNetworkInterfaceAnalyzed,
    usdPerAnalysis: microUsd(prices.usdPerNetworkInterfaceAnalyzed) * networkInterfaces / 1_000_000,
    pricesAsOf: prices.asOf,
    pricesSource: prices.source,
  };
}
