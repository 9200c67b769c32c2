import * as util from 'util';
import { App } from 'aws-cdk-lib';
import { ASSERTION_HANDLER_SOURCE } from './integ-assertion';
import { centralEndpointHubIntegApp } from './integ.central-endpoint-hub';
import { endpointServiceIntegApp } from './integ.endpoint-service';
import { privateEgressVpcIntegApp } from './integ.private-egress-vpc';
import { expectSchemaValid } from './schema';

// The deployable integration tests (test/integ.*.ts) are checked here without deploying: each stack's template must
// conform to the resource schemas and match its committed snapshot (`npx projen test:update` updates them on purpose).

describe('integration test apps', () => {
  test.each([
    ['integ.private-egress-vpc', privateEgressVpcIntegApp],
    ['integ.endpoint-service', endpointServiceIntegApp],
    ['integ.central-endpoint-hub', centralEndpointHubIntegApp],
  ])('%s synthesizes the templates in its snapshot', (_, integApp: () => App) => {
    const assembly = integApp().synth();
    // The test stack and its assertions stack.
    expect(assembly.stacks).toHaveLength(2);
    for (const stack of assembly.stacks) {
      expectSchemaValid(stack.template);
      expect(stack.template).toMatchSnapshot(stack.stackName);
    }
  });
});

interface Invocation {
  readonly StatusCode?: number;
  readonly FunctionError?: string;
  readonly Payload?: Uint8Array;
}

/**
 * The assertion's handlers, loaded as the Lambda Node.js runtime would, with the Lambda client's `send` answering
 * `invoke` (or throwing what it throws) and recording the function invoked.
 */
function loadAssertionHandlers(invoke: () => Invocation) {
  const invoked: unknown[] = [];
  class InvokeCommand {
    constructor(public readonly input: unknown) {}
  }
  class LambdaClient {
    public async send(command: InvokeCommand) {
      invoked.push(command.input);
      return invoke();
    }
  }
  const modules: Record<string, unknown> = { '@aws-sdk/client-lambda': { LambdaClient, InvokeCommand }, util };
  const exports: Record<string, (event: unknown) => Promise<unknown>> = {};
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  new Function('require', 'exports', ASSERTION_HANDLER_SOURCE)((name: string) => modules[name], exports);
  return { onEvent: exports.onEvent, isComplete: exports.isComplete, invoked, log };
}

const payload = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const assertionEvent = (requestType: string) => ({
  RequestType: requestType,
  LogicalResourceId: 'Assertion',
  ...(requestType === 'Create' ? {} : { PhysicalResourceId: 'Assertion' }),
  ResourceProperties: {
    ServiceToken: 'arn',
    FunctionName: 'PrivateEgressVpcInteg-Probe',
    ExpectedPayload: JSON.stringify({ s3: 'reachable', sts: 'reachable' }),
  },
});

describe('invocation assertion handlers', () => {
  afterEach(() => jest.restoreAllMocks());

  test.each(['Create', 'Update', 'Delete'])('onEvent names the resource on %s and invokes nothing', async (requestType) => {
    // GIVEN
    const { onEvent, invoked } = loadAssertionHandlers(() => ({ StatusCode: 200 }));

    // WHEN
    const result = await onEvent(assertionEvent(requestType));

    // THEN
    expect(result).toEqual({ PhysicalResourceId: 'Assertion' });
    expect(invoked).toEqual([]);
  });

  test.each(['Create', 'Update'])('isComplete holds on %s when the probe returns the expected payload', async (requestType) => {
    // GIVEN: the same object, its keys in another order
    const { isComplete, invoked } = loadAssertionHandlers(() => ({ StatusCode: 200, Payload: payload({ sts: 'reachable', s3: 'reachable' }) }));

    // WHEN
    const result = await isComplete(assertionEvent(requestType));

    // THEN
    expect(result).toEqual({ IsComplete: true });
    expect(invoked).toEqual([{ FunctionName: 'PrivateEgressVpcInteg-Probe' }]);
  });

  test.each([
    ['another payload', () => ({ StatusCode: 200, Payload: payload({ s3: 'reachable' }) })],
    ['a payload with more', () => ({ StatusCode: 200, Payload: payload({ s3: 'reachable', sts: 'reachable', extra: 1 }) })],
    ['a function error', () => ({ StatusCode: 200, FunctionError: 'Unhandled', Payload: payload({ errorMessage: 'timed out' }) })],
    ['a payload that is not JSON', () => ({ StatusCode: 200, Payload: new TextEncoder().encode('{') })],
    ['a failed Invoke call', () => {
      throw new Error('ResourceConflictException: the function is Pending');
    }],
  ])('isComplete does not hold yet, and logs why, on %s', async (_, invoke) => {
    // GIVEN
    const { isComplete, log } = loadAssertionHandlers(invoke);

    // WHEN
    const result = await isComplete(assertionEvent('Create'));

    // THEN: the Provider asks again after its query interval, until its total timeout fails the deploy
    expect(result).toEqual({ IsComplete: false });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Not yet: .*PrivateEgressVpcInteg-Probe/));
  });

  test('isComplete compares a string payload with the expected string', async () => {
    // GIVEN
    const { isComplete } = loadAssertionHandlers(() => ({ StatusCode: 200, Payload: payload('hello from the provider') }));

    // WHEN
    const result = await isComplete({
      ...assertionEvent('Create'),
      ResourceProperties: { FunctionName: 'Client', ExpectedPayload: JSON.stringify('hello from the provider') },
    });

    // THEN
    expect(result).toEqual({ IsComplete: true });
  });

  test('isComplete completes a delete at once, without invoking the probe', async () => {
    // GIVEN: a probe that would fail
    const { isComplete, invoked } = loadAssertionHandlers(() => ({ StatusCode: 200, FunctionError: 'Unhandled' }));

    // WHEN
    const result = await isComplete(assertionEvent('Delete'));

    // THEN
    expect(result).toEqual({ IsComplete: true });
    expect(invoked).toEqual([]);
  });
});
