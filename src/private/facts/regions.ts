import { PARTITIONS } from './sdk-endpoints.generated';

/**
 * The shape of a Region name, for use inside larger patterns: commercial (`us-east-1`), GovCloud
 * (`us-gov-west-1`), China (`cn-north-1`), isolated (`us-isob-east-1`) and sovereign (`eusc-de-east-1`) Regions.
 */
export const REGION_PATTERN = '[a-z]{2,4}(?:-[a-z]+)+-\\d+';

const REGION_NAME = new RegExp(`^${REGION_PATTERN}$`);

export function isRegionName(name: string): boolean {
  return REGION_NAME.test(name);
}

/** The partition of a Region, by the AWS SDKs' endpoint data (`aws`, `aws-cn`, ...); undefined for a Region it does not list. */
export function partitionOf(region: string): string | undefined {
  return Object.keys(PARTITIONS).find(name => PARTITIONS[name].regions.includes(region));
}
