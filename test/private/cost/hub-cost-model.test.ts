import { Stack } from 'aws-cdk-lib';
import { estimateHubCost, HubCostInput } from '../../../src/private/cost/hub-cost-model';
import { ROUTE53_PRICES, TRANSIT_GATEWAY_PRICE_TABLE } from '../../../src/private/cost/price-table';

/** `count` interface services, each in `azs` AZs, named svc1, svc2, ... */
function services(count: number, azs: number) {
  return Array.from({ length: count }, (_, i) => ({ service: `svc${i + 1}`, availabilityZones: azs }));
}

function input(overrides: Partial<HubCostInput>): HubCostInput {
  return {
    region: 'us-east-1',
    interfaceEndpoints: services(12, 3),
    hostedZones: 12,
    profile: true,
    profileChargeCarried: true,
    spokes: 20,
    spokeAvailabilityZones: 3,
    transitGatewayAttachments: true,
    inboundResolverIpAddresses: 0,
    ...overrides,
  };
}

describe('estimateHubCost', () => {
  test('prices the issue\'s example: 20 spokes with 12 services in 3 AZs in us-east-1', () => {
    // WHEN
    const estimate = estimateHubCost(input({}));

    // THEN hub endpoints 12 x 0.01 x 3 x 730 = 262.80; zones 12 x 0.50 = 6.00; profile 0.75 x 730 = 547.50;
    // attachments (20 + 1) x 0.05 x 730 = 766.50; total 1,582.80. Decentralized 20 x 262.80 = 5,256.00, savings 3,673.20,
    // used up by 3,673.20 / 0.02 = 183,660 GB through the Transit Gateway. With 3 spokes the hub costs 262.80 + 6.00 + 547.50
    // + 4 x 36.50 = 962.30 against 788.40; with 4, 998.80 against 1,051.20.
    expect(estimate).toEqual({
      region: 'us-east-1',
      priced: true,
      note: expect.stringMatching(/^Estimate for us-east-1 at list prices checked on \d{4}-\d{2}-\d{2}, 730 hours a month\./),
      interfaceEndpoints: services(12, 3).map(e => ({ ...e, monthlyUsd: 21.9 })),
      hostedZones: 12,
      hostedZonesMonthlyUsd: 6,
      profile: true,
      profileMonthlyUsd: 547.5,
      inboundResolverMonthlyUsd: 0,
      spokes: 20,
      spokeAvailabilityZones: 3,
      transitGatewayAttachments: 21,
      transitGatewayAttachmentsMonthlyUsd: 766.5,
      totalFixedMonthlyUsd: 1582.8,
      decentralizedMonthlyUsd: 5256,
      savingsMonthlyUsd: 3673.2,
      breakEvenSpokes: 4,
      dataProcessingUsdPerGb: 0.01,
      transitGatewayDataProcessingUsdPerGb: 0.02,
      breakEvenGbPerMonth: 183660,
      pricesAsOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      pricesSource: 'https://aws.amazon.com/privatelink/pricing/, https://aws.amazon.com/vpc/pricing/ and '
        + 'https://aws.amazon.com/elasticloadbalancing/pricing/, https://aws.amazon.com/transit-gateway/pricing/ and '
        + 'https://aws.amazon.com/route53/pricing/',
    });
  });

  test('bills zones beyond the first 25 at the lower rate, and counts no profile or attachments when asked not to', () => {
    // GIVEN
    const hub = input({
      region: 'ap-northeast-1',
      interfaceEndpoints: services(2, 2),
      hostedZones: 30,
      profile: false,
      spokes: 1,
      spokeAvailabilityZones: 2,
      transitGatewayAttachments: false,
    });

    // WHEN
    const estimate = estimateHubCost(hub);

    // THEN endpoints 2 x 0.014 x 2 x 730 = 40.88; zones 25 x 0.50 + 5 x 0.10 = 13.00; total 53.88 against one spoke's
    // 40.88, so the hub saves nothing (-13.00) and any traffic is too much; with 2 spokes it is 53.88 against 81.76.
    expect(estimate).toMatchObject({
      hostedZonesMonthlyUsd: 13,
      profileMonthlyUsd: 0,
      transitGatewayAttachments: 0,
      transitGatewayAttachmentsMonthlyUsd: 0,
      totalFixedMonthlyUsd: 53.88,
      decentralizedMonthlyUsd: 40.88,
      savingsMonthlyUsd: -13,
      breakEvenSpokes: 2,
      breakEvenGbPerMonth: 0,
      dataProcessingUsdPerGb: 0.01,
      transitGatewayDataProcessingUsdPerGb: 0.02,
    });
  });

  test('bills each spoke association beyond the profile\'s first 100, and finds no break-even when a spoke costs more on the hub', () => {
    // GIVEN
    const hub = input({ interfaceEndpoints: services(1, 2), hostedZones: 1, spokes: 150, spokeAvailabilityZones: 1 });

    // WHEN
    const estimate = estimateHubCost(hub);

    // THEN profile 547.50 + 50 x 0.0014 x 730 = 547.50 + 51.10 = 598.60; attachments 151 x 36.50 = 5,511.50; endpoints
    // 14.60, zone 0.50: 6,125.20 against 150 x 7.30 = 1,095.00. Each spoke saves 7.30 of endpoints but adds 36.50 of
    // attachment, so the hub never costs less.
    expect(estimate.profileMonthlyUsd).toBe(598.6);
    expect(estimate.transitGatewayAttachmentsMonthlyUsd).toBe(5511.5);
    expect(estimate.totalFixedMonthlyUsd).toBe(6125.2);
    expect(estimate.decentralizedMonthlyUsd).toBe(1095);
    expect(estimate.savingsMonthlyUsd).toBe(-5030.2);
    expect(estimate.breakEvenSpokes).toBeUndefined();
    expect(estimate.breakEvenGbPerMonth).toBe(0);
  });

  test('finds a break-even beyond the associations the profile includes', () => {
    // GIVEN six services in 3 AZs on the hub, 1 AZ in each spoke, 500 zones
    const hub = input({ interfaceEndpoints: services(6, 3), hostedZones: 500, spokeAvailabilityZones: 1 });

    // WHEN
    const estimate = estimateHubCost(hub);

    // THEN fixed: endpoints 131.40, zones 25 x 0.50 + 475 x 0.10 = 60.00, profile 547.50. Each spoke saves 6 x 7.30 = 43.80
    // and adds a 36.50 attachment (and beyond 100, a 1.022 association). With 107 spokes: 131.40 + 60.00 + 547.50 + 7.15
    // (7 associations) + 108 x 36.50 = 4,688.05 against 4,687.60; with 108: 4,725.58 against 4,730.40.
    expect(estimate.breakEvenSpokes).toBe(108);
  });

  test('leaves the account\'s hourly Profile charge to the first hub of its account and Region, and bills each spoke\'s association', () => {
    // WHEN
    const second = estimateHubCost(input({ hostedZones: 0, profileChargeCarried: false }));

    // THEN 20 associations x 0.0014 x 730 = 20.44 instead of 547.50; total 262.80 + 20.44 + 766.50 = 1,049.74
    expect(second).toMatchObject({ profile: true, profileChargeCarriedElsewhere: true, profileMonthlyUsd: 20.44, totalFixedMonthlyUsd: 1049.74 });
    expect(estimateHubCost(input({})).profileChargeCarriedElsewhere).toBeUndefined();
  });

  test('agrees with trying every spoke count', () => {
    for (const [azs, spokeAzs, serviceCount, zones, profile, attachments, profileChargeCarried] of [
      [3, 1, 6, 500, true, true, true], [3, 3, 12, 12, true, true, true], [2, 1, 5, 5, true, true, false], [2, 2, 1, 1, false, false, true],
      [3, 1, 7, 40, true, false, true], [1, 1, 3, 3, false, true, true], [3, 2, 4, 300, true, true, false], [3, 3, 12, 0, true, true, false],
    ] as [number, number, number, number, boolean, boolean, boolean][]) {
      for (const region of TRANSIT_GATEWAY_PRICE_TABLE.map(row => row.region)) {
        const hub = {
          region,
          interfaceEndpoints: services(serviceCount, azs),
          hostedZones: zones,
          profile,
          profileChargeCarried,
          spokeAvailabilityZones: spokeAzs,
          transitGatewayAttachments: attachments,
          inboundResolverIpAddresses: 0,
        };
        const firstCheaper = Array.from({ length: 500 }, (_, i) => i + 1).find(spokes => {
          const e = estimateHubCost({ ...hub, spokes });
          return e.totalFixedMonthlyUsd! < e.decentralizedMonthlyUsd!;
        });
        expect({ region, azs, serviceCount, breakEvenSpokes: estimateHubCost({ ...hub, spokes: 1 }).breakEvenSpokes })
          .toEqual({ region, azs, serviceCount, breakEvenSpokes: firstCheaper });
      }
    }
  });

  test('is not priced in a Region without Transit Gateway prices, and says which Regions it covers', () => {
    // WHEN
    const estimate = estimateHubCost(input({ region: 'sa-east-1' }));

    // THEN
    expect(estimate).toEqual({
      region: 'sa-east-1',
      priced: false,
      note: expect.stringMatching(/^Not priced: this library's price table has no row for Region `sa-east-1` \(it covers us-east-1, us-west-2, eu-west-1, eu-central-1, ap-northeast-1, ap-southeast-1\)/),
      interfaceEndpoints: services(12, 3),
      hostedZones: 12,
      profile: true,
      spokes: 20,
      spokeAvailabilityZones: 3,
      transitGatewayAttachments: 21,
    });
  });

  test('is not priced for an environment-agnostic stack', () => {
    // WHEN
    const estimate = estimateHubCost(input({ region: new Stack().region }));

    // THEN
    expect(estimate.priced).toBe(false);
    expect(estimate.note).toMatch(/Region is not known at synth time/);
    expect(estimate.totalFixedMonthlyUsd).toBeUndefined();
  });
});

describe('centralization price rows', () => {
  test('cover the Regions of the endpoint price table, with a source, a note and a date', () => {
    expect(TRANSIT_GATEWAY_PRICE_TABLE.map(row => row.region))
      .toEqual(['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ap-southeast-1']);
    for (const row of [...TRANSIT_GATEWAY_PRICE_TABLE, ROUTE53_PRICES]) {
      expect(row.source).toMatch(/^https:\/\/aws\.amazon\.com\/.+\/pricing\/$/);
      expect(row.sourceNote.length).toBeGreaterThan(0);
      expect(row.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('prices the inbound Resolver endpoint\'s IP addresses apart from the comparison, which either design would need', () => {
    // GIVEN
    const without = estimateHubCost(input({}));

    // WHEN
    const estimate = estimateHubCost(input({ inboundResolverIpAddresses: 3 }));

    // THEN 0.125 x 3 x 730 = 273.75
    expect(without.inboundResolverMonthlyUsd).toBe(0);
    expect(estimate.inboundResolverMonthlyUsd).toBe(273.75);
    expect(estimate.totalFixedMonthlyUsd).toBe(without.totalFixedMonthlyUsd);
    expect(estimate.savingsMonthlyUsd).toBe(without.savingsMonthlyUsd);
    expect(estimate.breakEvenSpokes).toBe(without.breakEvenSpokes);
    expect(estimate.note).toMatch(/The inbound Resolver endpoint, which on-premises clients would need in either design, is priced apart/);
  });
});
