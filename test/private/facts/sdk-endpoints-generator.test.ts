import * as fs from 'fs';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { GENERATED_FILE, generateSdkEndpoints, readSdkEndpointData, REFRESH_COMMAND } from './sdk-endpoints-generator';
import { GLOBAL_HOSTS, PARTITIONS, REGIONAL_HOSTS, REGIONS_WITHOUT_SERVICE, SDK_ENDPOINTS_SOURCE } from '../../../src/private/facts/sdk-endpoints.generated';
import { GATEWAY_SERVICE_SHORT_NAMES, KNOWN_INTERFACE_SERVICE_SHORT_NAMES } from '../../../src/private/facts/service-names';
import { serviceZones } from '../../../src/private/facts/service-zones';

describe('sdk-endpoints.generated.ts', () => {
  const sdk = readSdkEndpointData();
  // The table names the botocore release it was generated from; a machine with that release regenerates it to the byte.
  const sameRelease = sdk !== undefined && SDK_ENDPOINTS_SOURCE.includes(`(${sdk.version})`);

  (sameRelease ? test : test.skip)('is what the SDK endpoint data it names generates', () => {
    if (generateSdkEndpoints(sdk!.data, sdk!.version) !== fs.readFileSync(GENERATED_FILE, 'utf-8')) {
      throw new Error('src/private/facts/sdk-endpoints.generated.ts is stale (aws-cdk-lib\'s services or the generator changed). '
        + `Refresh it with\n  ${REFRESH_COMMAND}`);
    }
  });

  // Two AWS sources that must agree: the SDKs' partitions and the Regions aws-cdk-lib's RegionInfo knows.
  test('lists only Regions that aws-cdk-lib knows, with the DNS suffix aws-cdk-lib gives each', () => {
    for (const partition of Object.values(PARTITIONS)) {
      for (const region of partition.regions) {
        expect([region, RegionInfo.get(region).domainSuffix]).toEqual([region, partition.dnsSuffix]);
      }
    }
  });

  test('names only services that aws-cdk-lib offers endpoints for, and most of them', () => {
    const offered = [...KNOWN_INTERFACE_SERVICE_SHORT_NAMES, ...GATEWAY_SERVICE_SHORT_NAMES];
    const listed = [...Object.keys(REGIONS_WITHOUT_SERVICE), ...Object.keys(GLOBAL_HOSTS)];
    expect(listed.filter(name => !offered.includes(name))).toEqual([]);
    expect(listed).toEqual(expect.arrayContaining(['ssm', 'sts', 'kms', 'logs', 'ecr.api', 'ecr.dkr', 'kinesis-firehose', 'iam', 's3', 'dynamodb']));
  });
});

// The hub's zones must be named as the SDKs call the services: a zone under any other name leaves clients on the public
// name, which has no route in a VPC without internet. The zone table's rows, written from each service's documentation,
// must agree with the SDK data wherever it has the service.
describe('hub zone names against the SDK data', () => {
  const [region, dnsSuffix] = [PARTITIONS.aws.regions[0], PARTITIONS.aws.dnsSuffix];

  test.each(KNOWN_INTERFACE_SERVICE_SHORT_NAMES.filter(name => REGIONAL_HOSTS[name] !== undefined))('%s is answered at its regional host', shortName => {
    expect(serviceZones(shortName, region, dnsSuffix).map(zone => zone.zoneName)).toContain(`${REGIONAL_HOSTS[shortName]}.${region}.${dnsSuffix}`);
  });

  test.each(KNOWN_INTERFACE_SERVICE_SHORT_NAMES.filter(name => GLOBAL_HOSTS[name] !== undefined))('%s is answered at its global host in each partition', shortName => {
    for (const [partitionName, host] of Object.entries(GLOBAL_HOSTS[shortName])) {
      const partition = PARTITIONS[partitionName];
      expect(serviceZones(shortName, partition.regions[0], partition.dnsSuffix)).toEqual([{ zoneName: host, wildcard: false }]);
    }
  });
});
