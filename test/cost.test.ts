import { App, Stack } from 'aws-cdk-lib';
import { CostEstimateInput, estimateConsumerCost, estimateCost, estimateInboundResolverCost, estimateProviderCost } from '../src/private/cost/cost-model';
import { PRICE_TABLE, RESOLVER_PRICES } from '../src/private/cost/price-table';

/** `count` interface services, each in `azs` AZs, named svc1, svc2, ... */
function services(count: number, azs: number) {
  return Array.from({ length: count }, (_, i) => ({ service: `svc${i + 1}`, availabilityZones: azs }));
}

function input(overrides: Partial<CostEstimateInput>): CostEstimateInput {
  return { region: 'us-east-1', interfaceEndpoints: [], gatewayEndpoints: 0, natGatewayAzs: 3, flowLogsEnabled: true, ...overrides };
}

const PRICE_FIELDS = [
  'totalFixedMonthlyUsd',
  'dataProcessingUsdPerGb',
  'natGatewayComparisonMonthlyUsd',
  'natGatewayDataProcessingUsdPerGb',
  'breakEvenGbPerMonth',
  'pricesAsOf',
  'pricesSource',
];

describe('estimateMonthlyCost', () => {
  test('prices one service in 3 AZs in us-east-1 at 21.90 a month', () => {
    // GIVEN
    const vpc = input({ interfaceEndpoints: [{ service: 'ssm', availabilityZones: 3 }] });

    // WHEN
    const estimate = estimateCost(vpc);

    // THEN 0.01 USD x 3 AZs x 730 h = 21.90
    expect(estimate.priced).toBe(true);
    expect(estimate.interfaceEndpoints).toEqual([{ service: 'ssm', availabilityZones: 3, monthlyUsd: 21.9 }]);
    expect(estimate.totalFixedMonthlyUsd).toBe(21.9);
  });

  test('compares 8 services in 3 AZs in us-east-1 with three NAT gateways and finds the break-even', () => {
    // GIVEN
    const vpc = input({ interfaceEndpoints: services(8, 3), gatewayEndpoints: 2 });

    // WHEN
    const estimate = estimateCost(vpc);

    // THEN 8 x 21.90 = 175.20 to the cent (adding up the unrounded amounts gives 175.20000000000002);
    // NAT 0.045 x 3 x 730 = 98.55; break-even (175.20 - 98.55) / (0.045 - 0.01) = 76.65 / 0.035 = 2190 GB exactly
    expect(estimate).toEqual({
      region: 'us-east-1',
      priced: true,
      note: expect.stringMatching(/^Estimate for us-east-1 at list prices checked on \d{4}-\d{2}-\d{2}, 730 hours a month\./),
      interfaceEndpoints: services(8, 3).map(e => ({ ...e, monthlyUsd: 21.9 })),
      gatewayEndpoints: 2,
      gatewayEndpointsMonthlyUsd: 0,
      flowLogsNote: expect.stringMatching(/^On: billed per GB/),
      totalFixedMonthlyUsd: 175.2,
      dataProcessingUsdPerGb: 0.01,
      natGatewayAzs: 3,
      natGatewayComparisonMonthlyUsd: 98.55,
      natGatewayDataProcessingUsdPerGb: 0.045,
      breakEvenGbPerMonth: 2190,
      pricesAsOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      pricesSource: 'https://aws.amazon.com/privatelink/pricing/, https://aws.amazon.com/vpc/pricing/ and '
        + 'https://aws.amazon.com/elasticloadbalancing/pricing/',
    });
  });

  test('prices ap-northeast-1 at its own rates and rounds the break-even to a whole GB', () => {
    // GIVEN
    const vpc = input({ region: 'ap-northeast-1', interfaceEndpoints: services(8, 3) });

    // WHEN
    const estimate = estimateCost(vpc);

    // THEN 0.014 x 3 x 730 = 30.66 each, 8 x 30.66 = 245.28; NAT 0.062 x 3 x 730 = 135.78;
    // break-even (245.28 - 135.78) / (0.062 - 0.01) = 109.50 / 0.052 = 2105.77, so 2106 GB
    expect(estimate.interfaceEndpoints[0].monthlyUsd).toBe(30.66);
    expect(estimate.totalFixedMonthlyUsd).toBe(245.28);
    expect(estimate.natGatewayComparisonMonthlyUsd).toBe(135.78);
    expect(estimate.breakEvenGbPerMonth).toBe(2106);
  });

  test('prices each endpoint by its own AZ count', () => {
    // GIVEN
    const vpc = input({
      region: 'eu-west-1',
      interfaceEndpoints: [{ service: 'ssm', availabilityZones: 3 }, { service: 'logs', availabilityZones: 2 }],
    });

    // WHEN
    const estimate = estimateCost(vpc);

    // THEN 0.011 x 3 x 730 = 24.09 and 0.011 x 2 x 730 = 16.06, total 40.15
    expect(estimate.interfaceEndpoints.map(e => e.monthlyUsd)).toEqual([24.09, 16.06]);
    expect(estimate.totalFixedMonthlyUsd).toBe(40.15);
  });

  test('prices the example app: 7 services in 3 AZs and 2 gateway endpoints in us-east-1', () => {
    // GIVEN
    const vpc = input({
      interfaceEndpoints: ['ssm', 'ssmmessages', 'ec2messages', 'logs', 'monitoring', 'ecr.api', 'ecr.dkr']
        .map(service => ({ service, availabilityZones: 3 })),
      gatewayEndpoints: 2,
    });

    // WHEN
    const estimate = estimateCost(vpc);

    // THEN 7 x 21.90 = 153.30; break-even (153.30 - 98.55) / 0.035 = 54.75 / 0.035 = 1564.29, so 1564 GB
    expect(estimate.interfaceEndpoints.every(e => e.monthlyUsd === 21.9)).toBe(true);
    expect(estimate.gatewayEndpointsMonthlyUsd).toBe(0);
    expect(estimate.totalFixedMonthlyUsd).toBe(153.3);
    expect(estimate.natGatewayComparisonMonthlyUsd).toBe(98.55);
    expect(estimate.breakEvenGbPerMonth).toBe(1564);
  });

  test('puts the break-even at 0 when the endpoints cost less than the NAT gateways at any volume', () => {
    // GIVEN 21.90 of endpoints against 98.55 of NAT gateways
    const vpc = input({ interfaceEndpoints: services(1, 3) });

    // WHEN
    const estimate = estimateCost(vpc);

    // THEN
    expect(estimate.breakEvenGbPerMonth).toBe(0);
  });

  test('costs gateway endpoints nothing', () => {
    // GIVEN
    const vpc = input({ gatewayEndpoints: 2 });

    // WHEN
    const estimate = estimateCost(vpc);

    // THEN
    expect(estimate.gatewayEndpoints).toBe(2);
    expect(estimate.gatewayEndpointsMonthlyUsd).toBe(0);
    expect(estimate.totalFixedMonthlyUsd).toBe(0);
  });

  test('says flow logs cost nothing when they are off', () => {
    // WHEN
    const estimate = estimateCost(input({ flowLogsEnabled: false }));

    // THEN
    expect(estimate.flowLogsNote).toBe('Off: no flow-log charge.');
  });

  test('does not price a region the table does not have, and says which ones it has', () => {
    // GIVEN
    const vpc = input({ region: 'xx-nowhere-1', interfaceEndpoints: [{ service: 'ssm', availabilityZones: 3 }] });

    // WHEN
    const estimate = estimateCost(vpc);

    // THEN
    expect(estimate.priced).toBe(false);
    expect(estimate.region).toBe('xx-nowhere-1');
    expect(estimate.note).toMatch(/^Not priced: this library's price table has no row for Region `xx-nowhere-1` \(it covers us-east-1, .*ap-southeast-1\)/);
    expect(estimate.interfaceEndpoints).toEqual([{ service: 'ssm', availabilityZones: 3 }]);
    expect(estimate.interfaceEndpoints[0]).not.toHaveProperty('monthlyUsd');
    for (const field of PRICE_FIELDS) {
      expect(estimate).not.toHaveProperty(field);
    }
  });

  test('does not price an environment-agnostic stack, whose region is a token', () => {
    // GIVEN
    const region = new Stack(new App(), 'TestStack').region;
    const vpc = input({ region, interfaceEndpoints: [{ service: 'ssm', availabilityZones: 2 }] });

    // WHEN
    const estimate = estimateCost(vpc);

    // THEN
    expect(estimate.priced).toBe(false);
    expect(estimate.note).toMatch(/^Not priced: the stack's Region is not known at synth time \(an environment-agnostic stack\)\. Set `env: \{ region \}`/);
    expect(estimate.interfaceEndpoints).toEqual([{ service: 'ssm', availabilityZones: 2 }]);
    for (const field of PRICE_FIELDS) {
      expect(estimate).not.toHaveProperty(field);
    }
  });

  test('has a sourced, dated row with positive prices for each region it promises', () => {
    // THEN
    const regions = PRICE_TABLE.map(row => row.region);
    expect(regions).toEqual(expect.arrayContaining(
      ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ap-southeast-1'],
    ));
    expect(new Set(regions).size).toBe(regions.length);
    for (const row of PRICE_TABLE) {
      expect(row.source).toMatch(/^https:\/\/aws\.amazon\.com\/\S+\/pricing\//);
      expect(row.source).toMatch(/elasticloadbalancing\/pricing\//);
      // Every row says where its NLB rates come from.
      expect(row.sourceNote).toMatch(/NLB: /);
      expect(row.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(row.asOf).toISOString().slice(0, 10)).toBe(row.asOf);
      for (const price of [
        row.interfaceEndpointUsdPerAzHour, row.interfaceEndpointUsdPerGb, row.natGatewayUsdPerHour, row.natGatewayUsdPerGb,
        row.networkLoadBalancerUsdPerHour, row.networkLoadBalancerUsdPerNlcuHour,
      ]) {
        expect(price).toBeGreaterThan(0);
      }
      // The break-even divides by the per-GB saving, so it must be positive.
      expect(row.natGatewayUsdPerGb).toBeGreaterThan(row.interfaceEndpointUsdPerGb);
    }
  });
});

describe('estimateConsumerCost', () => {
  test('prices an endpoint in 2 AZs in us-east-1 at 14.60 a month, plus the per-GB rate', () => {
    // WHEN
    const estimate = estimateConsumerCost({ region: 'us-east-1', service: 'vpce-svc-0123456789abcdef0', availabilityZones: 2 });

    // THEN 0.01 x 2 x 730 = 14.60
    expect(estimate).toEqual({
      region: 'us-east-1',
      priced: true,
      note: expect.stringMatching(/^Estimate for us-east-1 at list prices checked on \d{4}-\d{2}-\d{2}, 730 hours a month\. The total is the interface endpoint's hourly charge, per AZ\./),
      interfaceEndpoint: { service: 'vpce-svc-0123456789abcdef0', availabilityZones: 2, monthlyUsd: 14.6 },
      totalFixedMonthlyUsd: 14.6,
      dataProcessingUsdPerGb: 0.01,
      pricesAsOf: PRICE_TABLE[0].asOf,
      pricesSource: PRICE_TABLE[0].source,
    });
  });

  test('prices an endpoint in 3 AZs in ap-northeast-1 at 30.66 a month', () => {
    // WHEN
    const estimate = estimateConsumerCost({ region: 'ap-northeast-1', service: 'vpce-svc-0123456789abcdef0', availabilityZones: 3 });

    // THEN 0.014 x 3 x 730 = 30.66
    expect(estimate.totalFixedMonthlyUsd).toBe(30.66);
    expect(estimate.interfaceEndpoint.monthlyUsd).toBe(30.66);
  });

  test('does not price a region the table does not have, nor a token one', () => {
    // GIVEN
    const agnosticRegion = new Stack(new App(), 'TestStack').region;

    for (const region of ['xx-nowhere-1', agnosticRegion]) {
      // WHEN
      const estimate = estimateConsumerCost({ region, service: 'vpce-svc-0123456789abcdef0', availabilityZones: 2 });

      // THEN
      expect(estimate).toEqual({
        region,
        priced: false,
        note: expect.stringMatching(/^Not priced: /),
        interfaceEndpoint: { service: 'vpce-svc-0123456789abcdef0', availabilityZones: 2 },
      });
    }
  });
});

describe('estimateProviderCost', () => {
  test('prices the NLB the provider defines in us-east-1 at 16.43 a month, plus the NLCU rate', () => {
    // WHEN
    const estimate = estimateProviderCost({ region: 'us-east-1', networkLoadBalancers: 1 });

    // THEN 0.0225 x 730 = 16.425, rounded half up to 16.43
    expect(estimate).toEqual({
      region: 'us-east-1',
      priced: true,
      note: expect.stringMatching(/The endpoint service has no charge of its own; the total is the hourly charge of the Network Load Balancer/),
      networkLoadBalancers: 1,
      networkLoadBalancerMonthlyUsd: 16.43,
      totalFixedMonthlyUsd: 16.43,
      nlcuUsdPerHour: 0.006,
      pricesAsOf: PRICE_TABLE[0].asOf,
      pricesSource: PRICE_TABLE[0].source,
    });
  });

  test.each([
    // 0.0252 x 730 = 18.396; 0.0243 x 730 = 17.739; 0.027 x 730 = 19.71
    ['eu-west-1', 18.4],
    ['ap-northeast-1', 17.74],
    ['eu-central-1', 19.71],
  ])('prices the NLB in %s at its own rate: %d a month', (region, monthlyUsd) => {
    expect(estimateProviderCost({ region, networkLoadBalancers: 1 }).totalFixedMonthlyUsd).toBe(monthlyUsd);
  });

  test('costs nothing of its own on an existing NLB, whose cost belongs to whoever defined it', () => {
    // WHEN
    const estimate = estimateProviderCost({ region: 'us-east-1', networkLoadBalancers: 0 });

    // THEN
    expect(estimate.totalFixedMonthlyUsd).toBe(0);
    expect(estimate.networkLoadBalancerMonthlyUsd).toBe(0);
    expect(estimate.nlcuUsdPerHour).toBe(0.006);
  });

  test('does not price a region the table does not have', () => {
    // WHEN
    const estimate = estimateProviderCost({ region: 'xx-nowhere-1', networkLoadBalancers: 1 });

    // THEN
    expect(estimate).toEqual({ region: 'xx-nowhere-1', priced: false, note: expect.stringMatching(/^Not priced: /), networkLoadBalancers: 1 });
  });
});

describe('estimateInboundResolverCost', () => {
  test('prices an endpoint with 2 IP addresses at 182.50 a month, as AWS\'s article says, plus the query rates', () => {
    // WHEN
    const estimate = estimateInboundResolverCost('us-east-1', 2);

    // THEN 0.125 x 2 x 730 = 182.50
    expect(estimate).toEqual({
      region: 'us-east-1',
      ipAddresses: 2,
      priced: true,
      note: expect.stringMatching(/^Estimate for us-east-1 at list prices checked on \d{4}-\d{2}-\d{2}, 730 hours a month: the endpoint's hourly charge, per IP address\. Not included: the DNS queries/),
      totalFixedMonthlyUsd: 182.5,
      queriesUsdPerMillion: 0.4,
      queriesBeyondBillionUsdPerMillion: 0.2,
      pricesAsOf: RESOLVER_PRICES.asOf,
      pricesSource: 'https://aws.amazon.com/route53/pricing/',
    });
  });

  test('charges each IP address: 3 in ap-northeast-1 at 273.75 a month', () => {
    expect(estimateInboundResolverCost('ap-northeast-1', 3).totalFixedMonthlyUsd).toBe(273.75);
  });

  test('does not price a region the table does not have, nor a token one', () => {
    // GIVEN
    const agnosticRegion = new Stack(new App(), 'TestStack').region;

    for (const region of ['xx-nowhere-1', agnosticRegion]) {
      // WHEN
      const estimate = estimateInboundResolverCost(region, 2);

      // THEN
      expect(estimate).toEqual({ region, ipAddresses: 2, priced: false, note: expect.stringMatching(/^Not priced: /) });
    }
  });

  test('has sourced, dated, positive rates', () => {
    expect(RESOLVER_PRICES.sourceNote).toMatch(/^AWS Knowledge Center, .*https:\/\/repost\.aws\/knowledge-center\/route-53-resolver-endpoint-costs/);
    expect(new Date(RESOLVER_PRICES.asOf).toISOString().slice(0, 10)).toBe(RESOLVER_PRICES.asOf);
    expect(RESOLVER_PRICES.queriesUsdPerMillion).toBeGreaterThan(RESOLVER_PRICES.queriesBeyondBillionUsdPerMillion);
    expect(RESOLVER_PRICES.endpointUsdPerIpHour).toBeGreaterThan(0);
  });
});
