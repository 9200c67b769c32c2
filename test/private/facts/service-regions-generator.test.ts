import * as fs from 'fs';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { generateServiceRegions, GENERATED_FILE, readSdkEndpointData, REFRESH_COMMAND } from './service-regions-generator';
import { GATEWAY_SERVICE_SHORT_NAMES, KNOWN_INTERFACE_SERVICE_SHORT_NAMES } from '../../../src/private/facts/service-names';
import { PARTITION_REGIONS, REGIONS_WITHOUT_SERVICE, SERVICE_REGIONS_SOURCE } from '../../../src/private/facts/service-regions.generated';

describe('service-regions.generated.ts', () => {
  const sdk = readSdkEndpointData();
  // The table names the botocore release it was generated from; a machine with that release regenerates it to the byte.
  const sameRelease = sdk !== undefined && SERVICE_REGIONS_SOURCE.includes(`(${sdk.version})`);

  (sameRelease ? test : test.skip)('is what the SDK endpoint data it names generates', () => {
    if (generateServiceRegions(sdk!.data, sdk!.version) !== fs.readFileSync(GENERATED_FILE, 'utf-8')) {
      throw new Error(`src/private/facts/service-regions.generated.ts is stale (aws-cdk-lib's services or the generator changed). Refresh it with\n  ${REFRESH_COMMAND}`);
    }
  });

  // Two AWS sources that must agree: the SDKs' partitions and the Regions aws-cdk-lib's RegionInfo knows.
  test('lists only Regions that aws-cdk-lib knows', () => {
    const known = RegionInfo.regions.map(region => region.name);
    expect(Object.values(PARTITION_REGIONS).flat().filter(region => !known.includes(region))).toEqual([]);
  });

  test('names only services that aws-cdk-lib offers endpoints for, and most of them', () => {
    const offered = [...KNOWN_INTERFACE_SERVICE_SHORT_NAMES, ...GATEWAY_SERVICE_SHORT_NAMES];
    const listed = Object.keys(REGIONS_WITHOUT_SERVICE);
    expect(listed.filter(name => !offered.includes(name))).toEqual([]);
    expect(listed).toEqual(expect.arrayContaining(['ssm', 'sts', 'kms', 'logs', 'ecr.api', 'ecr.dkr', 'kinesis-firehose', 's3', 'dynamodb']));
  });
});
