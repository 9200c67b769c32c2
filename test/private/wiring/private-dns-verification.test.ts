import { cloudFormationEvent, loadHandler as loadWith } from './handler-harness';
import { HANDLER_SOURCE } from '../../../src/private/wiring/private-dns-verification';

/** The handler, with the EC2 client's call recorded; `failWith` makes it fail. */
const loadHandler = (failWith?: Error) => loadWith(HANDLER_SOURCE, {
  module: '@aws-sdk/client-ec2',
  client: 'EC2Client',
  command: 'StartVpcEndpointServicePrivateDnsVerificationCommand',
  answer: {},
  failWith,
});

const event = (requestType: string, physicalResourceId?: string) => cloudFormationEvent(requestType, 'ProviderPrivateDnsVerification',
  { ServiceId: 'vpce-svc-0123456789abcdef0', PrivateDnsName: 'api.example.com' }, physicalResourceId);

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
