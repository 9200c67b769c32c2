/**
 * The AWS services whose interface endpoints can reach them in another Region (cross-Region PrivateLink, the endpoint
 * names the other Region in `ServiceRegion`), by short name: "Cross-Region enabled AWS services",
 * https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html (checked
 * 2026-11-22). IAM and Route 53 are global services with no Region to choose, and are left out.
 */
export const CROSS_REGION_SERVICES = [
  's3',
  'ecr.api',
  'ecr.dkr',
  'kms',
  'kms-fips',
  'ecs',
  'lambda',
  'kinesis-firehose',
  'kinesisanalytics',
  'kinesisanalytics-fips',
];

export const CROSS_REGION_SERVICES_SOURCE = 'https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html';
