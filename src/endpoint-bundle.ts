import * as ec2 from 'aws-cdk-lib/aws-ec2';

const aws = ec2.InterfaceVpcEndpointAwsService;
const S3_GATEWAY = ec2.GatewayVpcEndpointAwsService.S3;

/**
 * Properties of a custom endpoint bundle.
 */
export interface EndpointBundleProps {
  /**
   * The interface endpoints the bundle adds.
   */
  readonly interfaceEndpoints: ec2.IInterfaceVpcEndpointService[];

  /**
   * Gateway endpoints the bundle's workloads cannot work without. The bundle does not add them (gateway
   * endpoints are chosen with `gatewayEndpoints`); a VPC that lacks one fails synth with a message saying so.
   *
   * @default - none
   */
  readonly requiredGatewayEndpoints?: ec2.IGatewayVpcEndpointService[];
}

/**
 * A named set of the endpoints that one kind of workload needs to run with no internet path, dependencies
 * included: knowing that ECR image pulls also need S3 (where the layers are) is the point of a bundle.
 */
export class EndpointBundle {
  /** AWS Systems Manager Session Manager: ssm, ssmmessages and ec2messages. */
  public static readonly SESSION_MANAGER = new EndpointBundle('SESSION_MANAGER', {
    interfaceEndpoints: [aws.SSM, aws.SSM_MESSAGES, aws.EC2_MESSAGES],
  });

  /**
   * Pulling images from Amazon ECR: ecr.api and ecr.dkr, logs for the container logs, and the S3 gateway
   * endpoint, because image layers are served from S3.
   */
  public static readonly ECR_IMAGE_PULL = new EndpointBundle('ECR_IMAGE_PULL', {
    interfaceEndpoints: [aws.ECR, aws.ECR_DOCKER, aws.CLOUDWATCH_LOGS],
    requiredGatewayEndpoints: [S3_GATEWAY],
  });

  /**
   * Amazon ECS tasks on AWS Fargate: the ECR image pull set (ecr.api, ecr.dkr, logs and the S3 gateway endpoint).
   * Fargate tasks do not use the ecs, ecs-agent and ecs-telemetry endpoints, which serve the ECS agent on container
   * instances ("Amazon ECS interface VPC endpoints", considerations for Fargate,
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html; "Jobs using Fargate resources
   * don't require the interface VPC endpoints for Amazon ECS",
   * https://docs.aws.amazon.com/batch/latest/userguide/vpc-endpoint-considerations.html). Add secretsmanager or ssm
   * when task definitions read secrets or parameters.
   */
  public static readonly ECS_FARGATE = new EndpointBundle('ECS_FARGATE', {
    interfaceEndpoints: EndpointBundle.ECR_IMAGE_PULL.interfaceEndpoints,
    requiredGatewayEndpoints: EndpointBundle.ECR_IMAGE_PULL.requiredGatewayEndpoints,
  });

  /**
   * Amazon ECS tasks on EC2 container instances: the ECR image pull set plus ecs, ecs-agent and ecs-telemetry, which
   * the ECS agent on each container instance uses; in Regions launched from 23 December 2023 on, its traffic takes the
   * public endpoints unless all three exist ("Amazon ECS interface VPC endpoints",
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html).
   */
  public static readonly ECS_EC2 = new EndpointBundle('ECS_EC2', {
    interfaceEndpoints: [...EndpointBundle.ECR_IMAGE_PULL.interfaceEndpoints, aws.ECS, aws.ECS_AGENT, aws.ECS_TELEMETRY],
    requiredGatewayEndpoints: EndpointBundle.ECR_IMAGE_PULL.requiredGatewayEndpoints,
  });

  /** The CloudWatch agent: monitoring for metrics, logs, and ec2 for the instance metadata it tags with. */
  public static readonly CLOUDWATCH_AGENT = new EndpointBundle('CLOUDWATCH_AGENT', {
    interfaceEndpoints: [aws.CLOUDWATCH_MONITORING, aws.CLOUDWATCH_LOGS, aws.EC2],
  });

  /** Reading secrets: secretsmanager, kms to decrypt them, and sts for the credentials of assumed roles. */
  public static readonly SECRETS = new EndpointBundle('SECRETS', {
    interfaceEndpoints: [aws.SECRETS_MANAGER, aws.KMS, aws.STS],
  });

  /**
   * Lambda functions attached to the VPC: lambda to invoke other functions and sts for assumed roles. A function's
   * own logs are delivered by the Lambda service, outside the VPC, so logs is not needed for them.
   */
  public static readonly LAMBDA_IN_VPC = new EndpointBundle('LAMBDA_IN_VPC', {
    interfaceEndpoints: [aws.LAMBDA, aws.STS],
  });

  /** A bundle of your own, reported by `name` in error messages. */
  public static custom(name: string, props: EndpointBundleProps): EndpointBundle {
    return new EndpointBundle(name, props);
  }

  // Copies in and out: the bundles are shared static instances that no caller may change for the others.
  private readonly services: ec2.IInterfaceVpcEndpointService[];
  private readonly gatewayServices: ec2.IGatewayVpcEndpointService[];

  private constructor(
    /** The bundle's name, as error messages give it. */
    public readonly name: string,
    props: EndpointBundleProps,
  ) {
    this.services = [...props.interfaceEndpoints];
    this.gatewayServices = [...props.requiredGatewayEndpoints ?? []];
  }

  /** The interface endpoints the bundle adds. */
  public get interfaceEndpoints(): ec2.IInterfaceVpcEndpointService[] {
    return [...this.services];
  }

  /** The gateway endpoints the bundle needs in the VPC. */
  public get requiredGatewayEndpoints(): ec2.IGatewayVpcEndpointService[] {
    return [...this.gatewayServices];
  }
}
