import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { endpointConstructId, serviceShortName } from '../../../src/private/facts/service-names';

describe('service names', () => {
  test.each([
    [ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER, 'ecr.dkr', 'EcrDkr'],
    [ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES, 'ssmmessages', 'Ssmmessages'],
    [ec2.GatewayVpcEndpointAwsService.S3, 's3', 'S3'],
    [ec2.GatewayVpcEndpointAwsService.S3_EXPRESS, 's3express', 'S3express'],
    [new ec2.InterfaceVpcEndpointService('com.amazonaws.us-east-1.ecs-agent'), 'ecs-agent', 'EcsAgent'],
    [new ec2.InterfaceVpcEndpointService('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0'), 'vpce-svc-0123456789abcdef0', 'VpceSvc0123456789abcdef0'],
  ])('%o is %s, with construct ID %s', (service, shortName, constructId) => {
    expect(serviceShortName(service)).toBe(shortName);
    expect(endpointConstructId(service)).toBe(constructId);
  });
});
