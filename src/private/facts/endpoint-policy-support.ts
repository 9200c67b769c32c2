/**
 * AWS services that integrate with PrivateLink but do not accept an endpoint policy: CreateVpcEndpoint refuses a
 * policy document for them ("Service ... only supports the full-access endpoint policy"), so a VPC-wide policy is
 * never applied to them.
 *
 * AWS no longer publishes this as one table: `aws ec2 describe-vpc-endpoint-services --service-names
 * com.amazonaws.<region>.<service> --query 'ServiceDetails[].VpcEndpointPolicySupported'` is the authority
 * ("View endpoint policy support", https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html).
 * Each row names the page it comes from.
 */
interface PolicySupportRow {
  readonly shortNames: string[];
  readonly source: string;
}

const SERVICES_WITHOUT_ENDPOINT_POLICY: PolicySupportRow[] = [
  {
    // The list AWS's Landing Zone Accelerator keeps and deploys with (`policiesUnsupported`, commit 61bba81, 2026-06-02).
    shortNames: [
      'appmesh-envoy-management', 'appstream.api', 'appstream.streaming', 'aps', 'aps-workspaces', 'awsconnector',
      'cloudtrail', 'codeguru-profiler', 'codeguru-reviewer', 'codepipeline', 'datasync', 'ebs',
      'elastic-inference.runtime', 'email-smtp', 'iot.data', 'iotsitewise.api', 'iotsitewise.data', 'iotwireless.api',
      'lorawan.cups', 'lorawan.lns', 'macie2', 'sms', 'sms-fips', 'storagegateway', 'transfer', 'transfer.server',
    ],
    source: 'https://github.com/awslabs/landing-zone-accelerator-on-aws (network-vpc-endpoints-stack.ts)',
  },
  {
    // "VPC endpoint policies are not supported for Billing Conductor."
    shortNames: ['billingconductor'],
    source: 'https://docs.aws.amazon.com/billingconductor/latest/userguide/vpc-interface-endpoints.html',
  },
  {
    // "VPC endpoint policies are not supported for AWS B2B Data Interchange."
    shortNames: ['b2bi'],
    source: 'https://docs.aws.amazon.com/b2bi/latest/userguide/vpc-interface-endpoints.html',
  },
  {
    // The EKS PrivateLink considerations have said that VPC endpoint policies are not supported for Amazon EKS;
    // newer versions recommend them, so this row is kept on the side that cannot fail a deploy (see issue 8).
    shortNames: ['eks', 'eks-auth'],
    source: 'https://docs.aws.amazon.com/eks/latest/userguide/vpc-interface-endpoints.html',
  },
  {
    // Listed as not accepting a policy by the project's review against deployments (issue 8); their PrivateLink
    // pages are the ones to re-check before removing a row.
    shortNames: ['batch', 'aoss', 'dataexchange'],
    source: 'https://docs.aws.amazon.com/batch/latest/userguide/vpc-endpoint-considerations.html, '
      + 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-vpc-cp.html, '
      + 'https://docs.aws.amazon.com/data-exchange/latest/userguide/vpc-interface-endpoints.html',
  },
  {
    // "The enhanced health service doesn't support endpoint policies."
    shortNames: ['elasticbeanstalk-health'],
    source: 'https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/vpc-vpce.policy.html',
  },
  {
    // "does not support VPC endpoint policies for the control plane service".
    shortNames: ['neptune-graph'],
    source: 'https://docs.aws.amazon.com/neptune-analytics/latest/userguide/gettingStarted-connecting-private-link-create-policy.html',
  },
  {
    // Its considerations say the Device Advisor endpoint does not support VPC endpoint policies.
    shortNames: ['deviceadvisor.iot'],
    source: 'https://docs.aws.amazon.com/iot/latest/developerguide/device-advisor-vpc-endpoint.html',
  },
];

/**
 * Whether an endpoint to this service accepts a policy. Endpoints to endpoint services that are not AWS services
 * (`vpce-svc-...`, including AWS Marketplace services) always allow full access ("When you create a VPC endpoint for
 * an endpoint service other than an AWS service, we allow full access to the endpoint",
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html).
 */
export function supportsEndpointPolicy(serviceShortName: string): boolean {
  return !serviceShortName.startsWith('vpce-svc-')
    && !SERVICES_WITHOUT_ENDPOINT_POLICY.some(row => row.shortNames.includes(serviceShortName));
}
