/**
 * The Regions whose CloudFormation has no resource of a type the library defines (a stack with one fails to create), by
 * the per-Region resource schemas that aws-cdk-lib 2.276.0 bundles for its template validation
 * (`@aws/cloudformation-validate`: "Resource type ... does not exist in '<region>'");
 * test/private/facts/resource-availability.test.ts checks this table against them for every Region aws-cdk-lib knows.
 * Types absent from the table exist in every such Region.
 */
export const REGIONS_WITHOUT_RESOURCE_TYPE: { readonly [resourceType: string]: readonly string[] } = {
  'AWS::EC2::VPCEncryptionControl': [
    'ap-east-2', 'ap-northeast-2', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'cn-north-1', 'cn-northwest-1',
    'eu-south-2', 'il-central-1', 'mx-central-1',
  ],
  'AWS::EC2::NetworkInsightsAccessScope': ['cn-north-1', 'cn-northwest-1'],
  'AWS::Route53Resolver::FirewallConfig': ['cn-north-1', 'cn-northwest-1', 'me-central-1', 'us-gov-east-1', 'us-gov-west-1'],
};
