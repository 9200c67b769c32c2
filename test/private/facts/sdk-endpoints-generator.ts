/**
 * Writes src/private/facts/sdk-endpoints.generated.ts from the AWS SDKs' own endpoint data: botocore's
 * `data/endpoints.json`, the file the AWS SDKs and the AWS CLI resolve service host names from. For each AWS service
 * that aws-cdk-lib offers endpoints for, it gives the Regions without the service and the host name clients call;
 * for each partition, its Regions and DNS suffixes.
 *
 * sdk-endpoints-generator.test.ts fails when the committed table differs from what that data generates. Refresh it with
 * REFRESH_COMMAND, after `pip install --upgrade botocore` (or with the path of a newer endpoints.json as argument).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { GATEWAY_SERVICE_SHORT_NAMES, KNOWN_INTERFACE_SERVICE_SHORT_NAMES } from '../../../src/private/facts/service-names';

const ROOT = path.resolve(__dirname, '../../..');
export const GENERATED_FILE = path.join(ROOT, 'src/private/facts/sdk-endpoints.generated.ts');
export const REFRESH_COMMAND = 'npx ts-node --transpile-only test/private/facts/sdk-endpoints-generator.ts [endpoints.json]';

/**
 * VPC endpoint short names whose SDK service key (the first label of its host name) differs.
 * - Amazon ECR's endpoints are `ecr.api` and `ecr.dkr`, its API's host `api.ecr`, and the registry is offered with it
 *   ("Amazon ECR interface VPC endpoints", https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html).
 * - Amazon Data Firehose's endpoint is `kinesis-firehose`, its API's host `firehose`
 *   ("Using Amazon Data Firehose with AWS PrivateLink", https://docs.aws.amazon.com/firehose/latest/dev/vpc.html).
 * - Kinesis Data Streams' endpoint is `kinesis-streams`, its API's host `kinesis`
 *   ("Use interface VPC endpoints with Kinesis Data Streams", https://docs.aws.amazon.com/streams/latest/dev/vpc.html).
 * - SageMaker AI's endpoints are `sagemaker.api` and `sagemaker.runtime`, its hosts `api.sagemaker` and
 *   `runtime.sagemaker` ("Connect to SageMaker AI Within your VPC",
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/interface-vpc-endpoint.html).
 */
const SDK_SERVICE_KEYS: Record<string, string> = {
  'ecr.api': 'api.ecr',
  'ecr.dkr': 'api.ecr',
  'kinesis-firehose': 'firehose',
  'kinesis-streams': 'kinesis',
  'sagemaker.api': 'api.sagemaker',
  'sagemaker.runtime': 'runtime.sagemaker',
};

/** Services whose SDK key tells only where they are offered: Docker clients call the ECR registry at its own host (`dkr.ecr`). */
const OFFERED_WITH_ANOTHER_HOST = new Set(['ecr.dkr']);

interface EndpointEntry {
  readonly hostname?: string;
  readonly variants?: Array<{ readonly hostname?: string; readonly dnsSuffix?: string; readonly tags: string[] }>;
}

interface Partition {
  readonly partition: string;
  readonly dnsSuffix: string;
  readonly defaults: EndpointEntry;
  readonly regions: Record<string, unknown>;
  readonly services: Record<string, {
    readonly defaults?: EndpointEntry;
    readonly endpoints?: Record<string, EndpointEntry>;
    readonly isRegionalized?: boolean;
    readonly partitionEndpoint?: string;
  }>;
}

interface EndpointsJson {
  readonly partitions: Partition[];
}

/** botocore's endpoint data and version: from the given file, or from the botocore that Python imports. */
export function readSdkEndpointData(endpointsJson?: string): { data: EndpointsJson; version: string } | undefined {
  let file = endpointsJson;
  let version = 'given file';
  if (file === undefined) {
    try {
      const [dir, botocoreVersion] = execFileSync('python3', ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__)); print(botocore.__version__)'],
        { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n');
      file = path.join(dir, 'data', 'endpoints.json');
      version = `botocore ${botocoreVersion}`;
    } catch {
      return undefined;
    }
  }
  return { data: JSON.parse(fs.readFileSync(file, 'utf-8')), version };
}

/** The generated file's text. */
export function generateSdkEndpoints(data: EndpointsJson, version: string): string {
  const shortNames = [...new Set([...KNOWN_INTERFACE_SERVICE_SHORT_NAMES, ...GATEWAY_SERVICE_SHORT_NAMES])].sort(byCodeUnits);
  const partitions = data.partitions.map(partition => ({
    name: partition.partition,
    dnsSuffix: partition.dnsSuffix,
    dualStackDnsSuffix: partition.defaults.variants?.find(variant => sameTags(variant.tags, ['dualstack']))?.dnsSuffix,
    regions: Object.keys(partition.regions).sort(byCodeUnits),
  }));
  const partitionRows = partitions.map(({ name, dnsSuffix, dualStackDnsSuffix, regions }) => `  ${quote(name)}: {\n`
    + `    dnsSuffix: '${dnsSuffix}',\n${dualStackDnsSuffix ? `    dualStackDnsSuffix: '${dualStackDnsSuffix}',\n` : ''}`
    + `    regions: [${regions.map(quote).join(', ')}],\n  },`);

  const gapRows: string[] = [];
  const hostRows: string[] = [];
  const globalRows: string[] = [];
  for (const shortName of shortNames) {
    const key = SDK_SERVICE_KEYS[shortName] ?? shortName;
    const services = data.partitions.map(partition => partition.services[key]);
    if (services.every(service => service === undefined)) {
      continue; // a service the SDK data does not know says nothing
    }
    if (services.some(service => service?.isRegionalized === false)) {
      // One endpoint for the partition (IAM): its host name in each partition that has it.
      const hosts = data.partitions.flatMap((partition, i) => {
        const service = services[i];
        const entry = service?.partitionEndpoint ? service.endpoints?.[service.partitionEndpoint] : undefined;
        return entry ? [`${quote(partition.partition)}: '${hostname(partition, key, service!.partitionEndpoint!, entry, service!.defaults)}'`] : [];
      });
      globalRows.push(`  ${quote(shortName)}: { ${hosts.join(', ')} },`);
      continue;
    }
    const gaps = data.partitions.flatMap((partition, i) => {
      const missing = partitions[i].regions.filter(region => services[i]?.endpoints?.[region] === undefined);
      return missing.length === 0 ? [] : [`${quote(partition.partition)}: [${missing.map(quote).join(', ')}]`];
    });
    gapRows.push(`  ${quote(shortName)}: {${gaps.length === 0 ? '' : ` ${gaps.join(', ')} `}},`);
    const labels = OFFERED_WITH_ANOTHER_HOST.has(shortName) ? undefined : commercialHostLabels(data.partitions[0], key);
    if (labels !== undefined) {
      hostRows.push(`  ${quote(shortName)}: '${labels}',`);
    }
  }

  return `// Generated by test/private/facts/sdk-endpoints-generator.ts from the AWS SDKs' endpoint data (${version},
// botocore/data/endpoints.json); do not edit. Refresh: ${REFRESH_COMMAND}

/** Where the tables come from, for messages that rest on them. */
export const SDK_ENDPOINTS_SOURCE = 'the AWS SDKs\\' endpoint data (${version})';

/** Each partition's DNS suffixes (the dual-stack one where the partition has dual-stack endpoints) and Regions. */
export const PARTITIONS: {
  readonly [partition: string]: { readonly dnsSuffix: string; readonly dualStackDnsSuffix?: string; readonly regions: readonly string[] };
} = {
${partitionRows.join('\n')}
};

/**
 * For each AWS service short name (as in \`com.amazonaws.<region>.<short name>\`) that the SDK data has regional endpoints
 * for, the Regions of each partition in which it has none. A service missing here is one the data says nothing about.
 */
export const REGIONS_WITHOUT_SERVICE: { readonly [shortName: string]: { readonly [partition: string]: readonly string[] } } = {
${gapRows.join('\n')}
};

/**
 * The host name clients call for each regional service, as the labels before \`.<region>.<DNS suffix>\`, the same in every
 * Region of the commercial partition: \`firehose\` for \`kinesis-firehose\`, \`api.ecr\` for \`ecr.api\`.
 */
export const REGIONAL_HOSTS: { readonly [shortName: string]: string } = {
${hostRows.join('\n')}
};

/** The host name of each service with one endpoint per partition (\`iam.amazonaws.com\`), per partition. */
export const GLOBAL_HOSTS: { readonly [shortName: string]: { readonly [partition: string]: string } } = {
${globalRows.join('\n')}
};
`;
}

/** An endpoint's host name: its own, else the service's default, else the partition's, with the placeholders filled. */
function hostname(partition: Partition, key: string, region: string, entry: EndpointEntry, serviceDefaults?: EndpointEntry): string {
  const template = entry.hostname ?? serviceDefaults?.hostname ?? partition.defaults.hostname!;
  return template.replace('{service}', key).replace('{region}', region).replace('{dnsSuffix}', partition.dnsSuffix);
}

/**
 * The labels before `.<region>.<DNS suffix>` of the service's host name in the commercial partition, when every Region
 * has the same ones (undefined otherwise: no one name to give).
 */
function commercialHostLabels(partition: Partition, key: string): string | undefined {
  const service = partition.services[key];
  const labels = new Set(Object.entries(service?.endpoints ?? {})
    .filter(([region]) => region in partition.regions)
    .map(([region, entry]) => {
      const host = hostname(partition, key, region, entry, service!.defaults);
      const suffix = `.${region}.${partition.dnsSuffix}`;
      return host.endsWith(suffix) ? host.slice(0, -suffix.length) : undefined;
    }));
  return labels.size === 1 ? [...labels][0] : undefined;
}

function sameTags(tags: string[], expected: string[]): boolean {
  return tags.length === expected.length && expected.every(tag => tags.includes(tag));
}

function quote(text: string): string {
  return /^[a-z][a-z0-9]*$/i.test(text) ? text : `'${text}'`;
}

/** Sorted by code units, not the locale, so that every machine writes the same file. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

if (require.main === module) {
  const sdk = readSdkEndpointData(process.argv[2]);
  if (!sdk) {
    throw new Error('botocore is not installed: give the path of its data/endpoints.json, or `pip install botocore`');
  }
  fs.writeFileSync(GENERATED_FILE, generateSdkEndpoints(sdk.data, sdk.version));
  process.stdout.write(`wrote ${path.relative(ROOT, GENERATED_FILE)} from ${sdk.version}\n`);
}
