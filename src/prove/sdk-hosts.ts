import { partitionOf } from '../private/facts/regions';
import { GLOBAL_HOSTS, PARTITIONS, REGIONAL_HOSTS, SDK_ENDPOINTS_SOURCE } from '../private/facts/sdk-endpoints.generated';

/** Where the host names come from, for the report. */
export const HOST_SOURCE = SDK_ENDPOINTS_SOURCE;

/**
 * The host name the AWS SDKs call for a service in a Region, from the SDKs' own endpoint data: the partition's global host
 * for a global service, else `<host label>.<region>.<DNS suffix>`. Undefined when the data has no host for the service
 * (its short name is that of the endpoint's service name, `com.amazonaws.<region>.<short name>`).
 */
export function sdkHostName(shortName: string, region: string): string | undefined {
  const partition = partitionOf(region);
  if (partition === undefined) {
    return undefined;
  }
  const global = GLOBAL_HOSTS[shortName]?.[partition];
  if (global !== undefined) {
    return global;
  }
  const label = REGIONAL_HOSTS[shortName];
  return label === undefined ? undefined : `${label}.${region}.${PARTITIONS[partition].dnsSuffix}`;
}

/** The short name and Region of an AWS service name (`com.amazonaws.us-east-1.ecr.api`), or undefined for another name. */
export function parseServiceName(serviceName: string): { region: string; shortName: string } | undefined {
  const match = /^(?:cn\.)?com\.amazonaws\.([a-z0-9-]+)\.(.+)$/.exec(serviceName);
  if (!match || match[2].startsWith('vpce-svc-') || match[1] === 'vpce') {
    return undefined;
  }
  return { region: match[1], shortName: match[2] };
}
