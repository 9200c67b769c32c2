import { App, Aspects, Stack, StackProps } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Construct } from 'constructs';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

/** The AZs the test account sees in us-east-1, as the CLI would put them in context. */
export const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** A fresh app and a stack with a fixed env, so AZs and names are deterministic. */
export function testStack(props: StackProps = {}, context: Record<string, unknown> = {}): { app: App; stack: Stack } {
  const app = new App({ context: { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS, ...context } });
  const stack = new Stack(app, 'TestStack', { env: { account: ACCOUNT, region: REGION }, ...props });
  return { app, stack };
}

/** The messages of the synth-time validation errors of the app, or [] when it synthesizes. */
export function validationErrors(app: App): string[] {
  try {
    app.synth();
    return [];
  } catch (e) {
    return (e as Error).message.split('\n').map(line => line.trim()).filter(line => line.startsWith('['));
  }
}

/** Runs cdk-nag's AwsSolutions pack on the stack and returns its errors. */
export function awsSolutionsErrors(stack: Stack) {
  Aspects.of(stack).add(new AwsSolutionsChecks());
  return Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'));
}

/** A VPC with isolated subnets only (no internet or NAT gateway), in `maxAzs` AZs (3 unless given). */
export function isolatedVpc(scope: Construct, id = 'Vpc', props: ec2.VpcProps = {}): ec2.Vpc {
  return new ec2.Vpc(scope, id, {
    natGateways: 0,
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    ...props,
  });
}
