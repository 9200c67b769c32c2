/** What a custom resource's handler sent: its AWS SDK commands and the response PUT to CloudFormation. */
export interface HandlerCalls {
  readonly commands: unknown[];
  readonly responses: { url: string; init: { method: string; headers: Record<string, string>; body: string } }[];
}

/** The one AWS SDK client a handler uses, as the handler requires it. */
export interface FakeClient {
  /** The SDK module: `@aws-sdk/client-ec2`. */
  readonly module: string;
  readonly client: string;
  readonly command: string;
  /** What `send` answers with. */
  readonly answer: unknown;
  /** An error `send` throws instead. */
  readonly failWith?: Error;
}

/**
 * Loads a handler's source as the Lambda Node.js runtime would, with its AWS SDK client and `fetch` replaced by recorders.
 */
export function loadHandler(source: string, fake: FakeClient): { handler: (event: unknown) => Promise<void>; calls: HandlerCalls } {
  const calls: HandlerCalls = { commands: [], responses: [] };
  class Command {
    constructor(public readonly input: unknown) {}
  }
  class Client {
    public async send(command: Command) {
      calls.commands.push(command.input);
      if (fake.failWith) {
        throw fake.failWith;
      }
      return fake.answer;
    }
  }
  const sdk: Record<string, unknown> = { [fake.module]: { [fake.client]: Client, [fake.command]: Command } };
  const fetch = async (url: string, init: HandlerCalls['responses'][number]['init']) => {
    calls.responses.push({ url, init });
  };
  const module = { exports: {} as { handler?: (event: unknown) => Promise<void> } };
  new Function('require', 'exports', 'fetch', source)((name: string) => sdk[name], module.exports, fetch);
  return { handler: module.exports.handler!, calls };
}

/** A CloudFormation custom resource request, as the handler receives it. */
export function cloudFormationEvent(requestType: string, logicalResourceId: string, resourceProperties: Record<string, unknown>,
  physicalResourceId?: string) {
  return {
    RequestType: requestType,
    ResponseURL: 'https://cloudformation-custom-resource-response.s3.amazonaws.com/presigned',
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/TestStack/guid',
    RequestId: 'request-1',
    LogicalResourceId: logicalResourceId,
    ...(physicalResourceId ? { PhysicalResourceId: physicalResourceId } : {}),
    ResourceProperties: { ServiceToken: 'arn', ...resourceProperties },
  };
}

/** The body of the handler's first response to CloudFormation. */
export const responseBody = (calls: HandlerCalls) => JSON.parse(calls.responses[0].init.body);
