import { App, Aspects, Stack, StackProps } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

/** A fresh app and a stack with a fixed env, so AZs and names are deterministic. */
export function testStack(props: StackProps = {}, context: Record<string, unknown> = {}): { app: App; stack: Stack } {
  const app = new App({ context });
  const stack = new Stack(app, 'TestStack', { env: { account: ACCOUNT, region: REGION }, ...props });
  return { app, stack };
}

/** The messages of the synth-time validation errors of the app, or [] when it synthesizes. */
export function validationErrors(app: App): string[] {
  try {
    app.synth();
    return [];
  } catch (e) {
    return (e as Error).message.split('\n').filter(line => line.trim().startsWith('['));
  }
}

/** Runs cdk-nag's AwsSolutions pack on the stack and returns its errors. */
export function awsSolutionsErrors(stack: Stack) {
  Aspects.of(stack).add(new AwsSolutionsChecks());
  return Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'));
}
