import { partitionOf } from '../private/facts/regions';
import { PARTITIONS } from '../private/facts/sdk-endpoints.generated';

/**
 * Hosts that AWS clients other than the SDKs call, so that the SDKs' endpoint data does not list them: each from the
 * documentation of the client that calls it. `<label>` stands for the part of the name each client puts first.
 */
const CLIENT_HOSTS: ReadonlyArray<{ readonly shortName: string; readonly labels: string; readonly client: string; readonly source: string }> = [
  {
    shortName: 'ssmmessages',
    labels: 'ssmmessages',
    client: 'SSM Agent (Session Manager)',
    source: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html',
  },
  {
    shortName: 'ec2messages',
    labels: 'ec2messages',
    client: 'SSM Agent',
    source: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html',
  },
  {
    // Docker clients reach a private registry at `<account>.dkr.ecr.<region>.amazonaws.com`.
    shortName: 'ecr.dkr',
    labels: '<label>.dkr.ecr',
    client: 'Docker and other OCI clients',
    source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/Registries.html',
  },
  {
    // A private REST API is invoked at `{restapi-id}.execute-api.{region}.amazonaws.com`.
    shortName: 'execute-api',
    labels: '<label>.execute-api',
    client: 'clients of a private API Gateway API',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-test-invoke-url.html',
  },
];

/** The host a non-SDK client calls for the service in the Region (with `example` for its first label), or undefined. */
export function clientHostName(shortName: string, region: string): { host: string; client: string; source: string } | undefined {
  const row = CLIENT_HOSTS.find(r => r.shortName === shortName);
  const partition = partitionOf(region);
  if (row === undefined || partition === undefined) {
    return undefined;
  }
  return { host: `${row.labels.replace('<label>', 'example')}.${region}.${PARTITIONS[partition].dnsSuffix}`, client: row.client, source: row.source };
}
