import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** The service names that gateway endpoints exist for (S3, S3 Express One Zone and DynamoDB). */
export const GATEWAY_SERVICE_SHORT_NAMES = ['s3', 's3express', 'dynamodb'];

/**
 * The short names of the AWS services that aws-cdk-lib offers interface endpoints for (the static members of
 * `InterfaceVpcEndpointAwsService`), read from the aws-cdk-lib in use: the list grows with each release, and a service
 * newer than it gets a warning that can be acknowledged, never an error.
 */
export const KNOWN_INTERFACE_SERVICE_SHORT_NAMES: readonly string[] = [...new Set(Object.values(ec2.InterfaceVpcEndpointAwsService)
  .filter((member): member is ec2.InterfaceVpcEndpointAwsService => member instanceof ec2.InterfaceVpcEndpointAwsService)
  .map(service => service.shortName))];

// What AWS service short names are made of: lower-case letters and digits, in labels joined by dots and hyphens (ssm,
// ecr.dkr, bedrock-runtime, s3-outposts).
const SERVICE_SHORT_NAME = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** Whether a name is shaped like an AWS service short name; one with spaces, capitals or other letters never is. */
export function isServiceShortNameShape(name: string): boolean {
  return SERVICE_SHORT_NAME.test(name);
}

/**
 * Services with both gateway and interface endpoints. With private DNS, their interface endpoint answers only
 * through a Route 53 Resolver inbound endpoint (`PrivateDnsOnlyForInboundResolverEndpoint`), which the EC2 API
 * accepts only when the VPC also has the service's gateway endpoint.
 */
export const SERVICES_WITH_BOTH_ENDPOINT_TYPES = ['s3', 'dynamodb'];

/** A service's short name: `ssm`, `ecr.dkr`, `s3`, or `vpce-svc-0123...` for a PrivateLink endpoint service. */
export function serviceShortName(service: ec2.IInterfaceVpcEndpointService | ec2.IGatewayVpcEndpointService): string {
  if (service instanceof ec2.InterfaceVpcEndpointAwsService) {
    return service.shortName;
  }
  // `com.amazonaws.vpce.<region>.vpce-svc-0123...`: a PrivateLink endpoint service, named by its ID.
  const endpointServiceId = /vpce-svc-[0-9a-z]+$/.exec(service.name);
  if (endpointServiceId) {
    return endpointServiceId[0];
  }
  // `<prefix>.<region>.<short name>`, where the region may be a token (`${Token[AWS.Region.8]}`) whose
  // text contains dots itself, so the short name is what follows the last `}` or the third segment.
  const afterToken = service.name.split('}').pop()!;
  if (afterToken !== service.name) {
    return afterToken.replace(/^\./, '');
  }
  const parts = service.name.split('.');
  return parts.length > 3 ? parts.slice(3).join('.') : service.name;
}

/**
 * The construct ID of a service's endpoint, derived from its short name (`ecr.dkr` -> `EcrDkr`) and never
 * from a position in a list, so adding or removing a service leaves every other logical ID unchanged.
 */
export function endpointConstructId(service: ec2.IInterfaceVpcEndpointService | ec2.IGatewayVpcEndpointService): string {
  return serviceShortName(service)
    .split(/[^A-Za-z0-9]+/)
    .filter(word => word.length > 0)
    .map(word => word[0].toUpperCase() + word.slice(1))
    .join('');
}
