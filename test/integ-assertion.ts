import { App, CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';

/** What a deployable integration test asserts: the probe, run inside the network under test, returns `expected`. */
export interface InvocationAssertionProps {
  /** The stack under test: the assertion's stack is deployed after it. */
  readonly testStack: Stack;
  /** The function that tries the network path from inside. */
  readonly probe: lambda.IFunction;
  /** What the probe must return, compared as the JSON it serializes to. */
  readonly expected: unknown;
  /** How long the probe may keep failing before the deploy fails (endpoints and zones answer a while after creation). */
  readonly totalTimeout: Duration;
  /** How long to wait between two invocations. */
  readonly queryInterval: Duration;
}

// The completion check invokes the probe until it returns the expected JSON; on delete it completes at once.
const HANDLER_SOURCE = `
const { LambdaClient, InvokeCommand } = require('@aws-sdk/client-lambda');
const client = new LambdaClient({});
exports.onEvent = async (event) => ({ PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId });
exports.isComplete = async (event) => {
  if (event.RequestType === 'Delete') {
    return { IsComplete: true };
  }
  const { FunctionName, Expected } = event.ResourceProperties;
  const response = await client.send(new InvokeCommand({ FunctionName }));
  const payload = new TextDecoder().decode(response.Payload);
  const holds = response.FunctionError === undefined && payload === Expected;
  console.log(JSON.stringify({ holds, payload, functionError: response.FunctionError }));
  return { IsComplete: holds };
};
`;

/**
 * A stack, deployed after the test stack, whose deploy succeeds only once the probe returns what is expected: a custom
 * resource whose completion check (the provider framework's waiter) invokes the probe every `queryInterval`, and fails
 * the deploy after `totalTimeout`. It needs nothing beyond aws-cdk-lib.
 */
export function assertInvocation(app: App, id: string, props: InvocationAssertionProps): Stack {
  // In the test stack's environment: the integration apps are environment-agnostic, deployed where the CLI points.
  const stack = new Stack(app, id);
  stack.addDependency(props.testStack);
  const handler = (name: string) => new lambda.Function(stack, name, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: `index.${name.charAt(0).toLowerCase()}${name.slice(1)}`,
    timeout: Duration.minutes(1),
    code: lambda.Code.fromInline(HANDLER_SOURCE),
  });
  const isComplete = handler('IsComplete');
  props.probe.grantInvoke(isComplete);
  const provider = new cr.Provider(stack, 'Provider', {
    onEventHandler: handler('OnEvent'),
    isCompleteHandler: isComplete,
    queryInterval: props.queryInterval,
    totalTimeout: props.totalTimeout,
  });
  new CustomResource(stack, 'Assertion', {
    serviceToken: provider.serviceToken,
    properties: { FunctionName: props.probe.functionName, Expected: JSON.stringify(props.expected) },
  });
  return stack;
}
