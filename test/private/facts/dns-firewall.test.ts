import { RegionInfo } from 'aws-cdk-lib/region-info';
import { REGIONS_WITHOUT_FIREWALL_CONFIG } from '../../../src/private/facts/dns-firewall';
import { schemaViolations } from '../../schema';

describe('REGIONS_WITHOUT_FIREWALL_CONFIG', () => {
  test('lists exactly the Regions whose CloudFormation resource schemas have no AWS::Route53Resolver::FirewallConfig', () => {
    // GIVEN: the smallest valid fail-open configuration
    const template = {
      Resources: { Config: { Type: 'AWS::Route53Resolver::FirewallConfig', Properties: { ResourceId: 'vpc-0123456789abcdef0', FirewallFailOpen: 'ENABLED' } } },
    };

    // WHEN
    const without = RegionInfo.regions.map(region => region.name).filter(region => schemaViolations(template, region).length > 0);

    // THEN
    expect(without).toEqual([...REGIONS_WITHOUT_FIREWALL_CONFIG]);
  });
});
