import { cloudFormationEvent, loadHandler as loadWith, responseBody as body } from './handler-harness';
import { HANDLER_SOURCE } from '../../../src/private/wiring/custom-domain-verification';

/** The handler, with the VPC Lattice client's call recorded: it answers with `txtMethodConfig`, or fails with `failWith`. */
const loadHandler = (txtMethodConfig: { name: string; value: string }, failWith?: Error) => loadWith(HANDLER_SOURCE, {
  module: '@aws-sdk/client-vpc-lattice',
  client: 'VPCLatticeClient',
  command: 'GetDomainVerificationCommand',
  answer: { id: 'dv-0123456789abcdef0', status: 'PENDING', txtMethodConfig },
  failWith,
});

const ARN = 'arn:aws:vpc-lattice:us-east-1:123456789012:domainverification/dv-0123456789abcdef0';

const event = (requestType: string, domainName = 'orders.example.com', physicalResourceId?: string) => cloudFormationEvent(requestType,
  'ShareDomainVerificationTxtMethodConfig', { DomainVerificationArn: ARN, DomainName: domainName }, physicalResourceId);

describe('CustomDomainVerification handler', () => {
  test.each(['Create', 'Update'])('reads the verification\'s TXT record on %s and reports it to CloudFormation', async (requestType) => {
    // GIVEN
    const { handler, calls } = loadHandler({ name: '_lattice-verify.orders.example.com', value: 'token-1' });

    // WHEN
    await handler(event(requestType, 'orders.example.com', requestType === 'Update' ? ARN : undefined));

    // THEN
    expect(calls.commands).toEqual([{ domainVerificationIdentifier: ARN }]);
    expect(calls.responses).toHaveLength(1);
    const [{ url, init }] = calls.responses;
    expect(url).toBe('https://cloudformation-custom-resource-response.s3.amazonaws.com/presigned');
    expect(init.method).toBe('PUT');
    // The pre-signed URL is signed for an empty content type.
    expect(init.headers).toEqual({ 'content-type': '' });
    expect(JSON.parse(init.body)).toEqual({
      Status: 'SUCCESS',
      // A new verification (a new domain) is a new physical ID; CloudFormation's delete of the old one does nothing.
      PhysicalResourceId: ARN,
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/TestStack/guid',
      RequestId: 'request-1',
      LogicalResourceId: 'ShareDomainVerificationTxtMethodConfig',
      Data: { Name: '_lattice-verify.orders.example.com', Value: 'token-1' },
    });
  });

  test.each([
    ['a name relative to the domain', '_lattice-verify', '_lattice-verify.orders.example.com'],
    ['a fully qualified name with the final dot', '_lattice-verify.orders.example.com.', '_lattice-verify.orders.example.com'],
    ['the domain itself', 'Orders.Example.com', 'orders.example.com'],
  ])('returns the record name fully qualified, without the final dot, for %s', async (_, name, expected) => {
    // GIVEN
    const { handler, calls } = loadHandler({ name, value: 'token-1' });

    // WHEN
    await handler(event('Create', 'orders.example.com.'));

    // THEN
    expect(body(calls).Data).toEqual({ Name: expected, Value: 'token-1' });
  });

  test('does nothing on delete but report success for the same physical ID', async () => {
    // GIVEN
    const { handler, calls } = loadHandler({ name: '_lattice-verify', value: 'token-1' });

    // WHEN
    await handler(event('Delete', 'orders.example.com', ARN));

    // THEN
    expect(calls.commands).toEqual([]);
    expect(body(calls)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: ARN });
    expect(body(calls).Data).toBeUndefined();
  });

  test('reports a failed call with its error, so that the deployment fails instead of waiting', async () => {
    // GIVEN
    const { handler, calls } = loadHandler({ name: '_lattice-verify', value: 'token-1' }, new Error('AccessDeniedException: not allowed'));

    // WHEN
    await handler(event('Create'));

    // THEN
    expect(body(calls)).toMatchObject({ Status: 'FAILED', Reason: 'Error: AccessDeniedException: not allowed', PhysicalResourceId: ARN });
  });
});
