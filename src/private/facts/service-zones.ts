import { partitionOf } from './regions';
import { GLOBAL_HOSTS, PARTITIONS, REGIONAL_HOSTS } from './sdk-endpoints.generated';

/** A private hosted zone a hub defines so that clients reach its endpoint for one service at the names SDKs and CLIs use. */
export interface ServiceZone {
  /** e.g. `sts.us-east-1.amazonaws.com`; built from the Region and the partition's DNS suffix */
  readonly zoneName: string;
  /** whether the zone also gets a `*.<zoneName>` record (clients use sub-domains: S3 buckets, ecr.dkr registries, execute-api APIs, ...) */
  readonly wildcard: boolean;
}

/** Which DNS suffix a zone name ends with: the partition's (`amazonaws.com`) or its dual-stack one (`api.aws`). */
type SuffixKind = 'partition' | 'dualStack';

interface ZoneTemplate {
  /** The labels before the Region: `api.ecr` for `api.ecr.<region>.amazonaws.com`. */
  readonly labels: string;
  readonly suffix: SuffixKind;
  readonly wildcard: boolean;
}

interface ServiceZonesRow {
  /** As aws-cdk-lib's `InterfaceVpcEndpointAwsService.shortName`. */
  readonly shortName: string;
  readonly zones: ZoneTemplate[];
  readonly source: string;
}

function zone(labels: string, options: { wildcard?: boolean; suffix?: SuffixKind } = {}): ZoneTemplate {
  return { labels, suffix: options.suffix ?? 'partition', wildcard: options.wildcard ?? false };
}

/**
 * The services whose clients use sub-domains (a wildcard record), that answer at more than one name, or whose names the
 * AWS SDKs' endpoint data does not give, each from its documentation. Every other service gets one zone at the host the
 * SDK data gives (`sdk-endpoints.generated.ts`), and where it gives none, `<shortName>.<region>.<suffix>`. The rows the
 * SDK data also covers are checked against it (sdk-endpoints-generator.test.ts).
 */
const SERVICE_ZONES: ServiceZonesRow[] = [
  {
    // API calls go to `api.ecr.<region>.amazonaws.com` ("Amazon ECR interface VPC endpoints (AWS PrivateLink)").
    shortName: 'ecr.api',
    zones: [zone('api.ecr')],
    source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
  },
  {
    // Docker clients reach a registry at `<account>.dkr.ecr.<region>.amazonaws.com` ("Amazon ECR private registry"), so
    // the zone needs a wildcard; the endpoint's private DNS is required for it (ECR interface VPC endpoints page).
    shortName: 'ecr.dkr',
    zones: [zone('dkr.ecr', { wildcard: true })],
    source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html and '
      + 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/Registries.html',
  },
  {
    // Endpoints created after August 2024 answer at `eks.<region>.amazonaws.com` and the dual-stack `eks.<region>.api.aws`
    // ("Access Amazon EKS using AWS PrivateLink", DNS names and IP address types).
    shortName: 'eks',
    zones: [zone('eks'), zone('eks', { suffix: 'dualStack' })],
    source: 'https://docs.aws.amazon.com/eks/latest/userguide/vpc-interface-endpoints.html',
  },
  {
    // The EKS Auth API that the Pod Identity agent calls has only the dual-stack name `eks-auth.<region>.api.aws`
    // ("Amazon EKS endpoints and quotas"; nodes in private subnets need its endpoint, "Set up the Amazon EKS Pod Identity Agent").
    shortName: 'eks-auth',
    zones: [zone('eks-auth', { suffix: 'dualStack' })],
    source: 'https://docs.aws.amazon.com/general/latest/gr/eks.html and '
      + 'https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html',
  },
  {
    // With private DNS, the S3 interface endpoint answers for the Regional bucket endpoint `s3.<region>`, the control endpoint
    // `s3-control.<region>` and the access point endpoint `s3-accesspoint.<region>` ("AWS PrivateLink for Amazon S3", Private
    // DNS). Clients put the bucket, the account ID or the access point in a sub-domain of each, hence the wildcards.
    shortName: 's3',
    zones: [zone('s3', { wildcard: true }), zone('s3-control', { wildcard: true }), zone('s3-accesspoint', { wildcard: true })],
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns',
  },
  {
    // A private API is invoked at `https://{restapi-id}.execute-api.{region}.amazonaws.com` ("Invoke a private API").
    shortName: 'execute-api',
    zones: [zone('execute-api', { wildcard: true })],
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-test-invoke-url.html',
  },
  {
    // The SDKs' default `api.sagemaker.<region>.amazonaws.com` resolves to the endpoint ("Connect to SageMaker AI Through a
    // VPC Interface Endpoint").
    shortName: 'sagemaker.api',
    zones: [zone('api.sagemaker')],
    source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/interface-vpc-endpoint.html',
  },
  {
    // `runtime.sagemaker.<region>.amazonaws.com`, the SageMaker Runtime SDKs' default (same page).
    shortName: 'sagemaker.runtime',
    zones: [zone('runtime.sagemaker')],
    source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/interface-vpc-endpoint.html',
  },
  {
    // Feature Store Runtime endpoints are named `...featurestore-runtime.sagemaker.<region>...` (same page).
    shortName: 'sagemaker.featurestore-runtime',
    zones: [zone('featurestore-runtime.sagemaker')],
    source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/interface-vpc-endpoint.html',
  },
  {
    // CodeArtifact API calls go to the service endpoint `codeartifact.<region>.amazonaws.com` ("AWS CodeArtifact endpoints
    // and quotas"), through the `codeartifact.api` endpoint ("Create VPC endpoints for CodeArtifact").
    shortName: 'codeartifact.api',
    zones: [zone('codeartifact')],
    source: 'https://docs.aws.amazon.com/general/latest/gr/codeartifact.html and '
      + 'https://docs.aws.amazon.com/codeartifact/latest/ug/create-vpc-endpoints.html',
  },
  {
    // Package managers reach `<domain>-<owner>.d.codeartifact.<region>.amazonaws.com`; the endpoint's private DNS is
    // required for them ("Use CodeArtifact from a VPC").
    shortName: 'codeartifact.repositories',
    zones: [zone('d.codeartifact', { wildcard: true })],
    source: 'https://docs.aws.amazon.com/codeartifact/latest/ug/use-codeartifact-from-vpc.html',
  },
  {
    // The `kinesis-streams` endpoint answers for the service's default name `kinesis.<region>.amazonaws.com` (the EC2 API's
    // `PrivateDnsEnabled` gives it as the example; "Use Amazon Kinesis Data Streams with interface VPC endpoints").
    shortName: 'kinesis-streams',
    zones: [zone('kinesis')],
    source: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html and '
      + 'https://docs.aws.amazon.com/streams/latest/dev/vpc.html',
  },
];

/** The dual-stack suffix assumed when the partition is not known at synth time: the commercial one. */
const ASSUMED_DUAL_STACK_SUFFIX = PARTITIONS.aws.dualStackDnsSuffix!;

/**
 * Where a service's zone names come from: the table above (`documented`), the AWS SDKs' endpoint data, which gives the
 * host name clients call (`sdk`), or neither, in which case `<shortName>.<region>.<suffix>` is assumed (`assumed`): right
 * for most services, wrong where the DNS name reorders a dotted short name (as `api.ecr` does for `ecr.api`) or is under
 * another domain (`aws.sagemaker` services).
 */
export function zoneNameSource(shortName: string): 'documented' | 'sdk' | 'assumed' {
  if (SERVICE_ZONES.some(r => r.shortName === shortName)) {
    return 'documented';
  }
  return REGIONAL_HOSTS[shortName] !== undefined || GLOBAL_HOSTS[shortName] !== undefined ? 'sdk' : 'assumed';
}

/**
 * The private hosted zones a hub needs for one AWS service, so that clients reach the hub's endpoint at the names their
 * SDKs and CLIs use: those of the table above, else the host name of the SDKs' endpoint data (a service with one endpoint
 * per partition, such as IAM, at its global name), else `<shortName>.<region>.<suffix>`.
 *
 * Dual-stack names (`eks-auth.<region>.api.aws`) take the partition's dual-stack suffix from the SDK data; a partition
 * without one (the isolated partitions) gets no dual-stack zone. For a Region or suffix known only at deploy time, the
 * commercial partition is assumed for global names and dual-stack suffixes.
 *
 * @param shortName as aws-cdk-lib's `InterfaceVpcEndpointAwsService.shortName` (`sts`, `ecr.dkr`, `s3`, ...)
 * @param region the Region; may be a token
 * @param dnsSuffix the partition's DNS suffix (`amazonaws.com`, `amazonaws.com.cn`); may be a token (`Stack.urlSuffix`)
 */
export function serviceZones(shortName: string, region: string, dnsSuffix: string): ServiceZone[] {
  const partitionName = partitionOf(region);
  const partition = partitionName === undefined ? undefined : PARTITIONS[partitionName];
  const globalHost = GLOBAL_HOSTS[shortName];
  if (globalHost !== undefined && !SERVICE_ZONES.some(r => r.shortName === shortName)) {
    const host = globalHost[partitionName ?? 'aws'];
    return host === undefined ? [] : [{ zoneName: host, wildcard: false }];
  }
  const row = SERVICE_ZONES.find(r => r.shortName === shortName);
  const templates = row?.zones ?? [zone(REGIONAL_HOSTS[shortName] ?? shortName)];
  const dualStackSuffix = partition === undefined ? ASSUMED_DUAL_STACK_SUFFIX : partition.dualStackDnsSuffix;
  return templates
    .filter(t => t.suffix === 'partition' || dualStackSuffix !== undefined)
    .map(t => ({ zoneName: `${t.labels}.${region}.${t.suffix === 'partition' ? dnsSuffix : dualStackSuffix}`, wildcard: t.wildcard }));
}
