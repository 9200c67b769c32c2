import { microUsd, monthlyCents, unpricedNote } from './cost-model';
import { AWS_PRICING_PAGES, HOURS_PER_MONTH, PRICE_TABLE, pricesFor, ROUTE53_PRICES } from './price-table';
import { DnsEgressGuardCostEstimate } from '../../cost';

/** What a DNS egress guard is billed for, as plain data. */
export interface DnsEgressGuardCostInput {
  /** The stack's Region; may be a token. */
  readonly region: string;
  /** The domain names in the guard's lists. */
  readonly domains: number;
  /** The Advanced protections of its rule group. */
  readonly threatProtections: number;
  readonly queryLogging: boolean;
}

/**
 * Estimates the monthly cost of a DNS egress guard. DNS Firewall is priced the same in every commercial Region; the
 * estimate is priced in the Regions of the library's price table, like the VPC's own.
 */
export function estimateDnsEgressGuardCost(input: DnsEgressGuardCostInput): DnsEgressGuardCostEstimate {
  const common = {
    region: input.region,
    domains: input.domains,
    threatProtections: input.threatProtections,
    queryLoggingNote: input.queryLogging
      ? 'On: billed by CloudWatch Logs per GB of query logs ingested and stored, which depends on the queries and is not in the total.'
      : 'Off: no query-log charge.',
  };
  const prices = pricesFor(input.region);
  if (!prices) {
    return { ...common, priced: false, note: unpricedNote(input.region, PRICE_TABLE, `${AWS_PRICING_PAGES} and ${ROUTE53_PRICES.source}`) };
  }
  // Whole cents of each line item; the domain charge is a monthly rate, the Advanced one hourly.
  const domainsCents = Math.round(input.domains * microUsd(ROUTE53_PRICES.dnsFirewallDomainUsdPerMonth) / 10_000);
  const threatCents = input.threatProtections > 0 ? monthlyCents(ROUTE53_PRICES.dnsFirewallAdvancedUsdPerHour, 1) : 0;
  return {
    ...common,
    priced: true,
    note: `Estimate for ${prices.region} at list prices checked on ${ROUTE53_PRICES.asOf}, ${HOURS_PER_MONTH} hours a month `
      + '(DNS Firewall is priced the same in every commercial Region). Included: the domain names of the guard\'s lists'
      + (input.threatProtections > 0 ? ' and the Advanced protections\' hourly charge for the VPC\'s association' : '')
      + '. Not included: queries (queriesUsdPerMillion), and for a hub, the Advanced charge of each spoke VPC of its Profile.',
    totalFixedMonthlyUsd: (domainsCents + threatCents) / 100,
    domainsMonthlyUsd: domainsCents / 100,
    threatProtectionsMonthlyUsd: threatCents / 100,
    queriesUsdPerMillion: ROUTE53_PRICES.dnsFirewallUsdPerMillionQueries,
    pricesAsOf: ROUTE53_PRICES.asOf,
    pricesSource: ROUTE53_PRICES.source,
  };
}
