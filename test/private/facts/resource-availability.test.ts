import { RegionInfo } from 'aws-cdk-lib/region-info';
import { REGIONS_WITHOUT_RESOURCE_TYPE } from '../../../src/private/facts/resource-availability';
import { schemaViolations } from '../../schema';

/** The smallest valid resource of each type in the table. */
const MINIMAL_PROPERTIES: { [resourceType: string]: object } = {
  'AWS::EC2::VPCEncryptionControl': { VpcId: 'vpc-0123456789abcdef0', Mode: 'monitor' },
  'AWS::EC2::NetworkInsightsAccessScope': { MatchPaths: [] },
  'AWS::Route53Resolver::FirewallConfig': { ResourceId: 'vpc-0123456789abcdef0', FirewallFailOpen: 'ENABLED' },
};

describe('REGIONS_WITHOUT_RESOURCE_TYPE', () => {
  test('has a minimal resource for each type, to check it by', () => {
    expect(Object.keys(MINIMAL_PROPERTIES).sort()).toEqual(Object.keys(REGIONS_WITHOUT_RESOURCE_TYPE).sort());
  });

  test.each(Object.entries(MINIMAL_PROPERTIES))('lists exactly the Regions whose resource schemas have no %s', (resourceType, properties) => {
    // GIVEN
    const template = { Resources: { Resource: { Type: resourceType, Properties: properties } } };

    // WHEN
    const without = RegionInfo.regions.map(region => region.name).filter(region => schemaViolations(template, region).length > 0);

    // THEN
    expect(without).toEqual([...REGIONS_WITHOUT_RESOURCE_TYPE[resourceType]]);
  });
});
