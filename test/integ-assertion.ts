import { App, CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';

/**
 * The handlers of the assertion's custom resource, for the Lambda Node.js 22 runtime (whose AWS SDK v3 includes the
 * Lambda client). `onEvent` does nothing but name the resource; `isComplete` invokes the probe and answers true only
 * when the probe returned without error a payload deeply equal to the expected one. Anything else, a failed `Invoke`
 * call included, answers false, so that the Provider asks again after its query interval, until its total timeout
 * fails the deploy; each answer is logged with what the probe returned. A delete completes at once: it is also how a
 * failed assertion rolls back, and must not wait for the probe.
 */
export const ASSERTION_HANDLER_SOURCE = [
  "const { LambdaClient, InvokeCommand } = require('@aws-sdk/client-lambda');",
  "const { isDeepStrictEqual } = require('util');",
  'const client = new LambdaClient({});',
  'exports.onEvent = async (event) => ({ PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId });',
  'exports.isComplete = async (event) => {',
  "  if (event.RequestType === 'Delete') {",
  '    return { IsComplete: true };',
  '  }',
  '  const { FunctionName, ExpectedPayload } = event.ResourceProperties;',
  '  let response;',
  '  try {',
  '    response = await client.send(new InvokeCommand({ FunctionName }));',
  '  } catch (error) {',
  '    console.log(`Not yet: invoking ${FunctionName} failed: ${error}`);',
  '    return { IsComplete: false };',
  '  }',
  "  const payload = Buffer.from(response.Payload ?? []).toString('utf8');",
  '  if (response.StatusCode !== 200 || response.FunctionError) {',
  '    console.log(`Not yet: ${FunctionName} failed (${response.FunctionError}): ${payload}`);',
  '    return { IsComplete: false };',
  '  }',
  '  let actual;',
  '  try {',
  '    actual = JSON.parse(payload);',
  '  } catch {',
  '    console.log(`Not yet: ${FunctionName} returned no JSON: ${payload}`);',
  '    return { IsComplete: false };',
  '  }',
  '  const holds = isDeepStrictEqual(actual, JSON.parse(ExpectedPayload));',
  '  console.log(`${holds ? \'Holds\' : \'Not yet\'}: ${FunctionName} returned ${payload}, expected ${ExpectedPayload}`);',
  '  return { IsComplete: holds };',
  '};',
].join('\n');

/** What an integration app asserts about its probe. */
export interface InvocationAssertionProps {
  /** The stack under test: the assertions stack is deployed after it, and destroyed before it. */
  readonly testStack: Stack;
  /** The function the assertion invokes, without arguments; it must answer within the `isComplete` handler's two minutes. */
  readonly probe: lambda.IFunction;
  /** What the probe must return: its JSON payload must be deeply equal to this value. */
  readonly expectedPayload: unknown;
  /** How long the probe may take to answer as expected before the deploy fails (the Provider's `totalTimeout`). */
  readonly totalTimeout: Duration;
  /** How long to wait between two invocations of the probe (the Provider's `queryInterval`). */
  readonly queryInterval: Duration;
}

/**
 * Defines a stack with the assertion of an integration app, like integ-tests' DeployAssert stack: a custom resource
 * whose creation invokes the probe until it returns the expected payload, which fails the deploy if it does not
 * within `totalTimeout`. Built from aws-cdk-lib's `custom-resources` Provider alone: its `isComplete` handler invokes
 * the probe and its waiter asks again every `queryInterval`. The assertion runs when the stack is created (the README
 * deploys and then destroys both stacks) and when its probe or expected payload change; a deploy that changes
 * neither does not run it again.
 *
 * @returns the assertions stack
 */
export function assertInvocation(app: App, id: string, props: InvocationAssertionProps): Stack {
  const stack = new Stack(app, id);
  stack.addStackDependency(props.testStack, 'the assertion invokes a function of the test stack');

  // Imported by name, so that the test stack exports only the probe's name (a reference to its ARN would add an export).
  const probe = lambda.Function.fromFunctionName(stack, 'Probe', props.probe.functionName);
  const code = lambda.Code.fromInline(ASSERTION_HANDLER_SOURCE);
  const onEvent = new lambda.Function(stack, 'OnEvent', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.onEvent',
    code,
  });
  const isComplete = new lambda.Function(stack, 'IsComplete', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.isComplete',
    code,
    // Waits for the probe's answer (the probes time out after 30 seconds): a handler that times out fails the deploy at once.
    timeout: Duration.minutes(2),
  });
  probe.grantInvoke(isComplete);

  const provider = new cr.Provider(stack, 'Provider', {
    onEventHandler: onEvent,
    isCompleteHandler: isComplete,
    totalTimeout: props.totalTimeout,
    queryInterval: props.queryInterval,
  });
  new CustomResource(stack, 'Assertion', {
    serviceToken: provider.serviceToken,
    resourceType: 'Custom::InvocationAssertion',
    properties: {
      FunctionName: props.probe.functionName,
      // As JSON: CloudFormation passes a custom resource's numbers and booleans on as strings.
      ExpectedPayload: stack.toJsonString(props.expectedPayload),
    },
  });
  return stack;
}
