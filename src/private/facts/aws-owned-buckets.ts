/**
 * AWS-owned S3 buckets that workloads in a VPC without internet access reach through the VPC's S3 endpoints on
 * behalf of AWS services. Their requests are anonymous or presigned by AWS's own accounts, so no account or
 * organization condition of a data-perimeter endpoint policy can match them: the policy must name them.
 *
 * After AWS's data perimeter examples (aws-samples/data-perimeter-policy-examples, `service_owned_resources.md` and
 * `vpc_endpoint_policies/s3_endpoint_policy.json`, commit 8e0d3c5, March 2026); each row names the service guide page
 * that documents it. Names take `{region}` (`us-west-2`) or `{regionWithoutDashes}` (`uswest2`).
 */
export interface AwsOwnedBucketRow {
  /** The bucket name, with the Region as a placeholder. */
  readonly bucket: string;
  /** What workloads do there: read objects, or write responses. */
  readonly access: 'read' | 'write';
  readonly usedBy: string;
  readonly source: string;
}

const ECR = 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-minimum-s3-perms';
const CLOUDFORMATION = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/vpc-interface-endpoints.html';
const AL2 = 'https://docs.aws.amazon.com/linux/al2/ug/al2-live-patching.html';
const AL2023 = 'https://docs.aws.amazon.com/linux/al2023/ug/live-patching.html';
const SSM_AGENT = 'https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-technical-details.html';
const CLOUDWATCH_AGENT = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/download-cloudwatch-agent-commandline.html';

export const AWS_OWNED_BUCKETS: AwsOwnedBucketRow[] = [
  { bucket: 'prod-{region}-starport-layer-bucket', access: 'read', usedBy: 'Amazon ECR image layers', source: ECR },
  { bucket: 'cloudformation-custom-resource-response-{regionWithoutDashes}', access: 'write', usedBy: 'CloudFormation custom resources', source: CLOUDFORMATION },
  { bucket: 'cloudformation-waitcondition-{region}', access: 'write', usedBy: 'CloudFormation wait conditions', source: CLOUDFORMATION },
  { bucket: 'packages.{region}.amazonaws.com', access: 'read', usedBy: 'Amazon Linux package repositories', source: AL2 },
  { bucket: 'repo.{region}.amazonaws.com', access: 'read', usedBy: 'Amazon Linux package repositories', source: AL2 },
  { bucket: 'amazonlinux.{region}.amazonaws.com', access: 'read', usedBy: 'Amazon Linux package repositories', source: AL2 },
  { bucket: 'amazonlinux-2-repos-{region}', access: 'read', usedBy: 'Amazon Linux 2 package repositories', source: AL2 },
  // The exact name rather than `al2023-repos-{region}-*`, which anyone could match with a bucket of their own.
  { bucket: 'al2023-repos-{region}-de612dc2', access: 'read', usedBy: 'Amazon Linux 2023 package repositories', source: AL2023 },
  { bucket: 'al2023-{region}', access: 'read', usedBy: 'Amazon Linux 2023 kernel live patching', source: AL2023 },
  { bucket: 'aws-ssm-{region}', access: 'read', usedBy: 'SSM Agent', source: SSM_AGENT },
  { bucket: 'aws-windows-downloads-{region}', access: 'read', usedBy: 'SSM Agent', source: SSM_AGENT },
  { bucket: 'amazon-ssm-{region}', access: 'read', usedBy: 'SSM Agent', source: SSM_AGENT },
  { bucket: 'amazon-ssm-packages-{region}', access: 'read', usedBy: 'SSM Agent', source: SSM_AGENT },
  { bucket: '{region}-birdwatcher-prod', access: 'read', usedBy: 'SSM Agent', source: SSM_AGENT },
  { bucket: 'aws-ssm-distributor-file-{region}', access: 'read', usedBy: 'SSM Distributor', source: SSM_AGENT },
  { bucket: 'aws-ssm-document-attachments-{region}', access: 'read', usedBy: 'SSM documents', source: SSM_AGENT },
  { bucket: 'patch-baseline-snapshot-{region}', access: 'read', usedBy: 'SSM Patch Manager', source: SSM_AGENT },
  { bucket: 'aws-patchmanager-macos-{region}', access: 'read', usedBy: 'SSM Patch Manager (macOS)', source: SSM_AGENT },
  { bucket: 'amazoncloudwatch-agent-{region}', access: 'read', usedBy: 'CloudWatch agent downloads', source: CLOUDWATCH_AGENT },
  { bucket: 'amazoncloudwatch-agent', access: 'read', usedBy: 'CloudWatch agent downloads', source: CLOUDWATCH_AGENT },
];
