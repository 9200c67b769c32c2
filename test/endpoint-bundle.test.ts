import { Fn, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { EndpointBundle, PrivateEgressVpc } from '../src';
import { testStack, validationErrors } from './util';

/** The service names of the interface endpoints in the stack's template. */
function interfaceServiceNames(template: Template): string[] {
  return Object.values(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Interface' } }))
    .map(resource => resource.Properties.ServiceName);
}

const names = (...services: string[]) => services.map(service => `com.amazonaws.us-east-1.${service}`);

describe('EndpointBundle', () => {
  test.each([
    ['SESSION_MANAGER', EndpointBundle.SESSION_MANAGER, names('ssm', 'ssmmessages', 'ec2messages')],
    ['ECR_IMAGE_PULL', EndpointBundle.ECR_IMAGE_PULL, names('ecr.api', 'ecr.dkr', 'logs')],
    // Fargate tasks do not use the ecs, ecs-agent and ecs-telemetry endpoints: those serve container instances.
    ['ECS_FARGATE', EndpointBundle.ECS_FARGATE, names('ecr.api', 'ecr.dkr', 'logs')],
    ['ECS_EC2', EndpointBundle.ECS_EC2, names('ecr.api', 'ecr.dkr', 'logs', 'ecs', 'ecs-agent', 'ecs-telemetry')],
    ['CLOUDWATCH_AGENT', EndpointBundle.CLOUDWATCH_AGENT, names('monitoring', 'logs', 'ec2')],
    ['SECRETS', EndpointBundle.SECRETS, names('secretsmanager', 'kms', 'sts')],
    ['LAMBDA_IN_VPC', EndpointBundle.LAMBDA_IN_VPC, names('lambda', 'sts')],
  ])('%s defines its interface endpoints', (_name, bundle, expected) => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', { bundles: [bundle] });

    // THEN
    expect(interfaceServiceNames(Template.fromStack(stack))).toEqual(expected);
  });

  test('ECR image pull and ECS on Fargate or EC2 depend on the S3 gateway endpoint', () => {
    expect(EndpointBundle.ECR_IMAGE_PULL.requiredGatewayEndpoints).toEqual([ec2.GatewayVpcEndpointAwsService.S3]);
    expect(EndpointBundle.ECS_FARGATE.requiredGatewayEndpoints).toEqual([ec2.GatewayVpcEndpointAwsService.S3]);
    expect(EndpointBundle.ECS_EC2.requiredGatewayEndpoints).toEqual([ec2.GatewayVpcEndpointAwsService.S3]);
    expect(EndpointBundle.SESSION_MANAGER.requiredGatewayEndpoints).toEqual([]);
  });

  test('a shared bundle cannot be changed through its arrays', () => {
    // WHEN
    EndpointBundle.SESSION_MANAGER.interfaceEndpoints.push(ec2.InterfaceVpcEndpointAwsService.KMS);
    EndpointBundle.ECR_IMAGE_PULL.requiredGatewayEndpoints.push(ec2.GatewayVpcEndpointAwsService.DYNAMODB);

    // THEN
    expect(EndpointBundle.SESSION_MANAGER.interfaceEndpoints).toHaveLength(3);
    expect(EndpointBundle.ECR_IMAGE_PULL.requiredGatewayEndpoints).toEqual([ec2.GatewayVpcEndpointAwsService.S3]);
  });

  test('bundles and interfaceEndpoints are de-duplicated by service', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const egress = new PrivateEgressVpc(stack, 'Egress', {
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS],
      bundles: [EndpointBundle.ECR_IMAGE_PULL, EndpointBundle.CLOUDWATCH_AGENT],
    });
    egress.addBundle(EndpointBundle.ECS_EC2);

    // THEN
    expect(interfaceServiceNames(Template.fromStack(stack))).toEqual(
      names('logs', 'ecr.api', 'ecr.dkr', 'monitoring', 'ec2', 'ecs', 'ecs-agent', 'ecs-telemetry'),
    );
  });

  test('a custom bundle adds its endpoints', () => {
    // GIVEN
    const { stack } = testStack();
    const bundle = EndpointBundle.custom('DataPipeline', {
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SQS, ec2.InterfaceVpcEndpointAwsService.SNS],
      requiredGatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.DYNAMODB],
    });

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', { bundles: [bundle] });

    // THEN
    expect(bundle.name).toBe('DataPipeline');
    expect(interfaceServiceNames(Template.fromStack(stack))).toEqual(names('sqs', 'sns'));
  });

  test('fails when a custom bundle lacks its gateway dependency', () => {
    // GIVEN
    const { app, stack } = testStack();
    const bundle = EndpointBundle.custom('DataPipeline', {
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SQS],
      requiredGatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.DYNAMODB],
    });

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', { bundles: [bundle], gatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.S3] });

    // THEN
    expect(validationErrors(app)).toEqual([
      "[TestStack/Egress] `bundles` includes DataPipeline, which needs the 'dynamodb' gateway endpoint, but neither "
      + "`gatewayEndpoints` nor `existingGatewayEndpoints` includes it (got [s3]). Add the 'dynamodb' gateway endpoint "
      + '(ec2.GatewayVpcEndpointAwsService) to `gatewayEndpoints`, or to `existingGatewayEndpoints` if the VPC already has '
      + 'one, or remove the DataPipeline bundle.',
    ]);
  });

  test('fails when the ECR image pull bundle has no S3 gateway endpoint', () => {
    // GIVEN
    const { app, stack } = testStack();

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', { bundles: [EndpointBundle.ECR_IMAGE_PULL], gatewayEndpoints: [] });

    // THEN
    expect(validationErrors(app)).toEqual([
      "[TestStack/Egress] `bundles` includes ECR_IMAGE_PULL, which needs the 's3' gateway endpoint, but neither "
      + "`gatewayEndpoints` nor `existingGatewayEndpoints` includes it (got []). Add the 's3' gateway endpoint "
      + '(ec2.GatewayVpcEndpointAwsService) to `gatewayEndpoints`, or to `existingGatewayEndpoints` if the VPC already has '
      + 'one, or remove the ECR_IMAGE_PULL bundle.',
    ]);
  });
});

describe('PrivateEgressVpc endpointAzs', () => {
  test('limits interface endpoints to the first AZs', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM], endpointAzs: 2 });

    // THEN
    const [a, b] = egress.vpc.isolatedSubnets;
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      SubnetIds: [stack.resolve(a.subnetId), stack.resolve(b.subnetId)],
    });
    expect(egress.estimateMonthlyCost().totalFixedMonthlyUsd).toBe(14.6);
  });

  test('picks the AZs among those the service supports', () => {
    // GIVEN
    const { stack } = testStack({}, {
      'endpoint-service-availability-zones:account=123456789012:region=us-east-1:serviceName=com.amazonaws.us-east-1.ssm':
        ['us-east-1b', 'us-east-1c'],
    });

    // WHEN
    const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM], endpointAzs: 1 });

    // THEN
    const b = egress.vpc.isolatedSubnets[1];
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { SubnetIds: [stack.resolve(b.subnetId)] });
  });

  test('warns about availability with 1 AZ', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM], endpointAzs: 1 });

    // THEN
    Annotations.fromStack(stack).hasWarning('/TestStack/Egress', Match.stringLikeRegexp(
      '^`endpointAzs` is 1: every interface endpoint has a network interface in one AZ only, so an outage of that AZ',
    ));
  });

  test('warns that a deploy-time endpointAzs cannot place endpoints, and uses every AZ', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const egress = new PrivateEgressVpc(stack, 'Egress', {
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM],
      endpointAzs: Token.asNumber(Fn.importValue('EndpointAzs')),
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      SubnetIds: egress.vpc.isolatedSubnets.map(subnet => stack.resolve(subnet.subnetId)),
    });
    Annotations.fromStack(stack).hasWarning('/TestStack/Egress', Match.stringLikeRegexp(
      '^`endpointAzs` is a value known only at deploy time, but endpoints are placed at synth: every AZ of `endpointSubnets` is used',
    ));
  });

  test.each([0, 4, 1.5])('fails when endpointAzs is %p', (endpointAzs) => {
    // GIVEN
    const { app, stack } = testStack();

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM], endpointAzs });

    // THEN
    expect(validationErrors(app)).toEqual([
      `[TestStack/Egress] \`endpointAzs\` must be a whole number from 1 to 3 (the AZs of \`endpointSubnets\`), got ${endpointAzs}. `
      + 'Set it within that range, or leave it unset to use every AZ.',
    ]);
  });
});

describe('PrivateEgressVpc S3 and DynamoDB interface endpoints', () => {
  test.each(['s3', 'dynamodb'])('%s with private DNS answers only the inbound resolver, next to its gateway endpoint', (service) => {
    // GIVEN
    const { app, stack } = testStack();

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [new ec2.InterfaceVpcEndpointAwsService(service)] });

    // THEN: created after, and deleted before, the gateway endpoint that EC2 requires for it
    const template = Template.fromStack(stack);
    const [gatewayId] = Object.keys(template.findResources('AWS::EC2::VPCEndpoint', {
      Properties: { VpcEndpointType: 'Gateway', ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${service}`]] } },
    }));
    template.hasResource('AWS::EC2::VPCEndpoint', {
      Properties: {
        VpcEndpointType: 'Interface',
        ServiceName: `com.amazonaws.us-east-1.${service}`,
        PrivateDnsEnabled: true,
        DnsOptions: { PrivateDnsOnlyForInboundResolverEndpoint: 'OnlyInboundResolver' },
      },
      DependsOn: [gatewayId],
    });
    expect(validationErrors(app)).toEqual([]);
  });

  test('an S3 interface endpoint added before its gateway endpoint still depends on it', () => {
    // GIVEN
    const { stack } = testStack();
    const egress = new PrivateEgressVpc(stack, 'Egress', { gatewayEndpoints: [], interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.S3] });

    // WHEN
    egress.addGatewayEndpoint(ec2.GatewayVpcEndpointAwsService.S3);

    // THEN
    const template = Template.fromStack(stack);
    const [gatewayId] = Object.keys(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Gateway' } }));
    template.hasResource('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Interface' }, DependsOn: [gatewayId] });
  });

  test('other services keep the default DNS options', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Interface', DnsOptions: Match.absent() });
  });

  test('fails when the S3 interface endpoint has private DNS but no S3 gateway endpoint', () => {
    // GIVEN
    const { app, stack } = testStack();

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', {
      gatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.DYNAMODB],
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.S3],
    });

    // THEN
    expect(validationErrors(app)).toEqual([
      "[TestStack/Egress] interface endpoint 's3' has private DNS, which for s3 answers only through a Route 53 Resolver "
      + "inbound endpoint and requires the 's3' gateway endpoint in the VPC, but neither `gatewayEndpoints` nor "
      + "`existingGatewayEndpoints` includes it. Add the 's3' gateway endpoint, or set `privateDnsEnabled: false` on this endpoint.",
    ]);
  });

  test('without private DNS needs no gateway endpoint', () => {
    // GIVEN
    const { app, stack } = testStack();
    const egress = new PrivateEgressVpc(stack, 'Egress', { gatewayEndpoints: [] });

    // WHEN
    egress.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.S3, { privateDnsEnabled: false });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { PrivateDnsEnabled: false, DnsOptions: Match.absent() });
    expect(validationErrors(app)).toEqual([]);
  });
});
