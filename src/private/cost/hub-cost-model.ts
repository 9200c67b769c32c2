import { inboundResolverMonthlyCents, microUsd, monthlyCents, pricedPreamble, unpricedNote } from './cost-model';
import {
  AWS_PRICING_PAGES,
  HOURS_PER_MONTH,
  pricesFor,
  RegionPrices,
  RESOLVER_PRICES,
  ROUTE53_PRICES,
  ROUTE53_PRICING_PAGE,
  TRANSIT_GATEWAY_PRICE_TABLE,
  TRANSIT_GATEWAY_PRICING_PAGE,
  TransitGatewayPrices,
  transitGatewayPricesFor,
} from './price-table';
import { CentralEndpointHubCostEstimate } from '../../cost';

/** What a hub and the spokes it serves are billed for, as plain data. */
export interface HubCostInput {
  /** The hub stack's Region; may be a token. */
  readonly region: string;
  /** The hub's interface endpoints: each service's short name and the AZs it has a subnet in. */
  readonly interfaceEndpoints: { readonly service: string; readonly availabilityZones: number }[];
  /** The private hosted zones the hub defines. */
  readonly hostedZones: number;
  /** Whether the hub has a Route 53 Profile. */
  readonly profile: boolean;
  /**
   * Whether the hub's estimate carries its account's hourly Profile charge: Profiles are billed per account and Region, so
   * only the first hub of an account and Region does; another's spokes pay their associations only.
   */
  readonly profileChargeCarried: boolean;
  /** The spoke VPCs planned. */
  readonly spokes: number;
  /** The AZs each spoke would give its own endpoints. */
  readonly spokeAvailabilityZones: number;
  /** Whether to count a Transit Gateway attachment for the hub and each spoke (false when they exist anyway). */
  readonly transitGatewayAttachments: boolean;
  /** The IP addresses of the hub's inbound Resolver endpoint; 0 without one. */
  readonly inboundResolverIpAddresses: number;
}

const PAGES = `${AWS_PRICING_PAGES}, ${TRANSIT_GATEWAY_PRICING_PAGE} and ${ROUTE53_PRICING_PAGE}`;

/**
 * Estimates the monthly cost of a hub against every spoke having its own endpoints. Pure: the price tables are the only
 * other input.
 */
export function estimateHubCost(input: HubCostInput): CentralEndpointHubCostEstimate {
  const common = {
    region: input.region,
    hostedZones: input.hostedZones,
    profile: input.profile,
    ...(input.profile && !input.profileChargeCarried ? { profileChargeCarriedElsewhere: true } : {}),
    spokes: input.spokes,
    spokeAvailabilityZones: input.spokeAvailabilityZones,
    transitGatewayAttachments: input.transitGatewayAttachments ? input.spokes + 1 : 0,
  };
  const prices = pricesFor(input.region);
  const tgw = transitGatewayPricesFor(input.region);
  if (!prices || !tgw) {
    return {
      ...common,
      priced: false,
      note: unpricedNote(input.region, TRANSIT_GATEWAY_PRICE_TABLE, PAGES),
      interfaceEndpoints: input.interfaceEndpoints.map(e => ({ service: e.service, availabilityZones: e.availabilityZones })),
    };
  }

  const interfaceEndpoints = input.interfaceEndpoints.map(e => ({
    service: e.service,
    availabilityZones: e.availabilityZones,
    monthlyUsd: monthlyCents(prices.interfaceEndpointUsdPerAzHour, e.availabilityZones) / 100,
  }));
  const model = new HubCostModel(input, prices, tgw);
  const hub = model.hubCents(input.spokes);
  const decentralized = model.decentralizedCents(input.spokes);
  const savingsCents = decentralized - hub.total;
  const breakEvenSpokes = model.breakEvenSpokes();

  return {
    ...common,
    priced: true,
    note: `${pricedPreamble(prices)} The total is the hub's own fixed charges: its interface endpoints per AZ-hour, its hosted `
      + 'zones (billed as the account\'s first ones), the Route 53 Profile and the Transit Gateway attachments counted. The '
      + 'comparison gives every spoke the same services with its own endpoints. The inbound Resolver endpoint, which on-premises '
      + 'clients would need in either design, is priced apart (inboundResolverMonthlyUsd). Not included: data processed by the endpoints '
      + '(dataProcessingUsdPerGb, paid in both designs), Transit Gateway data processing (transitGatewayDataProcessingUsdPerGb, '
      + 'only in the hub design), cross-AZ data transfer and DNS queries.',
    interfaceEndpoints,
    totalFixedMonthlyUsd: hub.total / 100,
    hostedZonesMonthlyUsd: hub.hostedZones / 100,
    profileMonthlyUsd: hub.profile / 100,
    inboundResolverMonthlyUsd: hub.inboundResolver / 100,
    transitGatewayAttachmentsMonthlyUsd: hub.transitGatewayAttachments / 100,
    decentralizedMonthlyUsd: decentralized / 100,
    savingsMonthlyUsd: savingsCents / 100,
    ...(breakEvenSpokes === undefined ? {} : { breakEvenSpokes }),
    dataProcessingUsdPerGb: prices.interfaceEndpointUsdPerGb,
    transitGatewayDataProcessingUsdPerGb: tgw.dataProcessingUsdPerGb,
    breakEvenGbPerMonth: savingsCents <= 0 ? 0 : Math.round(savingsCents * 10_000 / microUsd(tgw.dataProcessingUsdPerGb)),
    pricesAsOf: [prices.asOf, tgw.asOf, ROUTE53_PRICES.asOf, RESOLVER_PRICES.asOf].sort()[0],
    pricesSource: PAGES,
  };
}

/** The hub's and the decentralized design's fixed charges in cents, for any number of spokes. */
class HubCostModel {
  /** The hub's endpoints: the same whatever the number of spokes. */
  private readonly endpointsCents: number;
  /** One spoke's own endpoints in the decentralized design. */
  private readonly spokeEndpointsCents: number;

  constructor(private readonly input: HubCostInput, prices: RegionPrices, private readonly tgw: TransitGatewayPrices) {
    this.endpointsCents = sum(input.interfaceEndpoints.map(e => monthlyCents(prices.interfaceEndpointUsdPerAzHour, e.availabilityZones)));
    this.spokeEndpointsCents = sum(input.interfaceEndpoints.map(() =>
      monthlyCents(prices.interfaceEndpointUsdPerAzHour, input.spokeAvailabilityZones)));
  }

  hubCents(spokes: number) {
    const hostedZones = hostedZonesCents(this.input.hostedZones);
    const inboundResolver = inboundResolverMonthlyCents(this.input.inboundResolverIpAddresses);
    const profile = this.input.profile ? profileCents(spokes, this.input.profileChargeCarried) : 0;
    const transitGatewayAttachments = this.input.transitGatewayAttachments
      ? monthlyCents(this.tgw.attachmentUsdPerHour, spokes + 1)
      : 0;
    return {
      hostedZones,
      profile,
      transitGatewayAttachments,
      inboundResolver,
      // The inbound endpoint serves on-premises clients, which either design would need one for: not in the comparison.
      total: this.endpointsCents + hostedZones + profile + transitGatewayAttachments,
    };
  }

  decentralizedCents(spokes: number): number {
    return spokes * this.spokeEndpointsCents;
  }

  /**
   * The smallest number of spokes at which the hub costs less, or undefined if it never does. Up to the associations a
   * profile includes, the spoke counts are tried one by one. Beyond them every spoke changes the difference by the same
   * amount (its own endpoints, less its attachment and its association) but for rounding to the cent: when that amount is
   * positive, the answer is found from the shortfall at the last included spoke, and confirmed from just below it.
   */
  breakEvenSpokes(): number | undefined {
    const included = this.input.profileChargeCarried ? ROUTE53_PRICES.profileVpcAssociationsIncluded : 0;
    for (let spokes = 1; spokes <= included; spokes++) {
      if (this.hubCheaperWith(spokes)) {
        return spokes;
      }
    }
    const gainPerSpokeCents = this.spokeEndpointsCents
      - exactMonthlyCents(this.input.transitGatewayAttachments ? this.tgw.attachmentUsdPerHour : 0)
      - exactMonthlyCents(this.input.profile ? ROUTE53_PRICES.additionalProfileVpcAssociationUsdPerHour : 0);
    if (gainPerSpokeCents <= 0) {
      return undefined;
    }
    const shortfallCents = this.hubCents(included).total - this.decentralizedCents(included);
    let spokes = Math.max(included + 1, included + Math.floor(shortfallCents / gainPerSpokeCents) - 1);
    while (!this.hubCheaperWith(spokes)) {
      spokes++;
    }
    return spokes;
  }

  private hubCheaperWith(spokes: number): boolean {
    return this.hubCents(spokes).total < this.decentralizedCents(spokes);
  }
}

/** The hub's zones, billed as the account's first ones: the first 25 at the first rate, the others at the lower one. */
function hostedZonesCents(zones: number): number {
  const first = Math.min(zones, ROUTE53_PRICES.hostedZonesAtFirstRate);
  return Math.round((first * microUsd(ROUTE53_PRICES.hostedZoneUsdPerMonth)
    + (zones - first) * microUsd(ROUTE53_PRICES.additionalHostedZoneUsdPerMonth)) / 10_000);
}

/**
 * A Profile with one association per spoke. The hub that carries the account's hourly charge has the associations it
 * covers; another hub of the account and Region pays each of its associations by the hour, the covered ones being the
 * first hub's.
 */
function profileCents(spokes: number, chargeCarried: boolean): number {
  if (!chargeCarried) {
    return monthlyCents(ROUTE53_PRICES.additionalProfileVpcAssociationUsdPerHour, spokes);
  }
  const beyond = Math.max(0, spokes - ROUTE53_PRICES.profileVpcAssociationsIncluded);
  return monthlyCents(ROUTE53_PRICES.profileUsdPerHour, 1)
    + monthlyCents(ROUTE53_PRICES.additionalProfileVpcAssociationUsdPerHour, beyond);
}

/** A rate per hour as unrounded cents a month, for the slope of a cost that grows by one unit at a time. */
function exactMonthlyCents(usdPerHour: number): number {
  return microUsd(usdPerHour) * HOURS_PER_MONTH / 10_000;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
