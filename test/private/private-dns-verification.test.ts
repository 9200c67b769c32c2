import { HANDLER_SOURCE } from '../../src/private/private-dns-verification';

/** What the handler sent: the EC2 commands and the response PUT to CloudFormation. */
interface Calls {
  readonly commands: unknown[];
  readonly responses: { url: string; init: { method: string; headers: Record<string, string>; body: string } }[];
}

/**
 * Loads the handler's source as the Lambda Node.js runtime would, with the AWS SDK's EC2 client and `fetch`
 * replaced by recorders; `failWith` makes the EC2 call fail.
 */
function loadHandler(failWith?: Error): { handler: (event: unknown) => Promise<void>; calls: Calls } {
  const calls: Calls = { commands: [], responses: [] };
  class StartVpcEndpointServicePrivateDnsVerificationCommand {
    constructor(public readonly input: unknown) {}
  }
  class EC2Client {
    public async send(command: StartVpcEndpointServicePrivateDnsVerificationCommand) {
      calls.commands.push(command.input);
      if (failWith) {
        throw failWith;
      }
      return {};
    }
  }
  const sdk: Record<string, unknown> = { '@aws-sdk/client-ec2': { EC2Client, StartVpcEndpointServicePrivateDnsVerificationCommand } };
  const fetch = async (url: string, init: Calls['responses'][number]['init']) => {
    calls.responses.push({ url, init });
  };
  const module = { exports: {} as { handler?: (event: unknown) => Promise<void> } };
  new Function('require', 'exports', 'fetch', HANDLER_SOURCE)((name: string) => sdk[name], module.exports, fetch);
  return { handler: module.exports.handler!, calls };
}

function event(requestType: string, physicalResourceId?: string) {
  return {
    RequestType: requestType,
    ResponseURL: 'https://cloudformation-custom-resource-response.s3.amazonaws.com/presigned',
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/TestStack/guid',
    RequestId: 'request-1',
    LogicalResourceId: 'ProviderPrivateDnsVerification',
    ...(physicalResourceId ? { PhysicalResourceId: physicalResourceId } : {}),
    ResourceProperties: { ServiceToken: 'arn', ServiceId: 'vpce-svc-0123456789abcdef0', PrivateDnsName: 'api.example.com' },
  };
}

describe('PrivateDnsVerification handler', () => {
  test.each(['Create', 'Update'])('starts the verification of the service on %s and reports success', async (requestType) => {
    // GIVEN
    const { handler, calls } = loadHandler();

    // WHEN
    await handler(event(requestType, requestType === 'Update' ? 'vpce-svc-0123456789abcdef0:old.example.com' : undefined));

    // THEN
    expect(calls.commands).toEqual([{ ServiceId: 'vpce-svc-0123456789abcdef0' }]);
    expect(calls.responses).toHaveLength(1);
    const [{ url, init }] = calls.responses;
    expect(url).toBe('https://cloudformation-custom-resource-response.s3.amazonaws.com/presigned');
    expect(init.method).toBe('PUT');
    // The pre-signed URL is signed for an empty content type.
    expect(init.headers).toEqual({ 'content-type': '' });
    expect(JSON.parse(init.body)).toEqual({
      Status: 'SUCCESS',
      // A new name is a new physical ID, so CloudFormation's delete of the old one follows (and does nothing).
      PhysicalResourceId: 'vpce-svc-0123456789abcdef0:api.example.com',
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/TestStack/guid',
      RequestId: 'request-1',
      LogicalResourceId: 'ProviderPrivateDnsVerification',
    });
  });

  test('does nothing on delete but report success for the same physical ID', async () => {
    // GIVEN
    const { handler, calls } = loadHandler();

    // WHEN
    await handler(event('Delete', 'vpce-svc-0123456789abcdef0:old.example.com'));

    // THEN
    expect(calls.commands).toEqual([]);
    expect(JSON.parse(calls.responses[0].init.body)).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: 'vpce-svc-0123456789abcdef0:old.example.com',
    });
  });

  test('reports a failed call with its error, so that the deployment fails instead of waiting', async () => {
    // GIVEN
    const { handler, calls } = loadHandler(new Error('InvalidVpcEndpointServiceId.NotFound: no such service'));

    // WHEN
    await handler(event('Create'));

    // THEN
    expect(JSON.parse(calls.responses[0].init.body)).toMatchObject({
      Status: 'FAILED',
      Reason: 'Error: InvalidVpcEndpointServiceId.NotFound: no such service',
      PhysicalResourceId: 'vpce-svc-0123456789abcdef0:api.example.com',
    });
  });
});
