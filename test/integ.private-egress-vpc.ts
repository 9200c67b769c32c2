import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { assertInvocation } from './integ-assertion';
import { PrivateEgressVpc } from '../src';

/**
 * A deployable test of PrivateEgressVpc: a Lambda function in its isolated subnets, which have no route out of the
 * VPC, reads an S3 bucket through the gateway endpoint and calls STS through the interface endpoint; either call would
 * time out without its endpoint. The assertions stack (test/integ-assertion.ts) invokes the function until it returns
 * what it returns after both calls, and its deploy fails if it does not within five minutes. See the README's
 * "Integration tests" for how to deploy it; test/integ.test.ts checks its templates against committed snapshots.
 */
export function privateEgressVpcIntegApp(): App {
  const app = new App();
  const stack = new Stack(app, 'PrivateEgressVpcInteg');

  const egress = new PrivateEgressVpc(stack, 'Egress', {
    maxAzs: 2,
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS],
    // The flow log group would outlive the stack; a test leaves nothing behind.
    flowLogsEnabled: false,
  });

  const bucket = new s3.Bucket(stack, 'Bucket', { removalPolicy: RemovalPolicy.DESTROY });

  const probe = new lambda.Function(stack, 'Probe', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    vpc: egress.vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    timeout: Duration.seconds(30),
    environment: { BUCKET: bucket.bucketName },
    code: lambda.Code.fromInline([
      "const { S3Client, ListObjectsV2Command } = require('@aws-sdk/client-s3');",
      "const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');",
      'exports.handler = async () => {',
      '  await new S3Client({}).send(new ListObjectsV2Command({ Bucket: process.env.BUCKET }));',
      '  await new STSClient({}).send(new GetCallerIdentityCommand({}));',
      "  return { s3: 'reachable', sts: 'reachable' };",
      '};',
    ].join('\n')),
  });
  bucket.grantRead(probe);

  assertInvocation(app, 'PrivateEgressVpcIntegAssert', {
    testStack: stack,
    probe,
    expectedPayload: { s3: 'reachable', sts: 'reachable' },
    // Retried until it holds, and the deploy fails if it never does: the test needs no test runner to judge it.
    totalTimeout: Duration.minutes(5),
    queryInterval: Duration.seconds(15),
  });
  return app;
}

if (require.main === module) {
  privateEgressVpcIntegApp().synth();
}
