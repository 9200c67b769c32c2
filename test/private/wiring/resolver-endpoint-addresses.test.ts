import { cloudFormationEvent, loadHandler as loadWith, responseBody } from './handler-harness';
import { HANDLER_SOURCE } from '../../../src/private/wiring/resolver-endpoint-addresses';

const ENDPOINT = 'rslvr-in-0123456789abcdef0';
const SUBNETS = ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'];

/** The handler, with ListResolverEndpointIpAddresses answering `addresses`, or failing with `failWith`. */
const loadHandler = (addresses: { SubnetId: string; Ip?: string }[], failWith?: Error) => loadWith(HANDLER_SOURCE, {
  module: '@aws-sdk/client-route53resolver',
  client: 'Route53ResolverClient',
  command: 'ListResolverEndpointIpAddressesCommand',
  answer: { IpAddresses: addresses },
  failWith,
});

const event = (requestType: string, physicalResourceId?: string) => cloudFormationEvent(requestType, 'InboundAddresses',
  { ResolverEndpointId: ENDPOINT, SubnetIds: SUBNETS }, physicalResourceId);

describe('ResolverEndpointAddresses handler', () => {
  test.each(['Create', 'Update'])('returns the addresses in the order of the subnets on %s', async (requestType) => {
    // GIVEN Resolver lists them in another order
    const { handler, calls } = loadHandler([
      { SubnetId: SUBNETS[1], Ip: '10.0.1.10' },
      { SubnetId: SUBNETS[0], Ip: '10.0.0.10' },
    ]);

    // WHEN
    await handler(event(requestType, requestType === 'Update' ? ENDPOINT : undefined));

    // THEN
    expect(calls.commands).toEqual([{ ResolverEndpointId: ENDPOINT }]);
    expect(responseBody(calls)).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: ENDPOINT,
      Data: { IpAddresses: '10.0.0.10,10.0.1.10' },
    });
  });

  test('fails, naming the subnet, when a subnet has no IPv4 address', async () => {
    // GIVEN
    const { handler, calls } = loadHandler([{ SubnetId: SUBNETS[0], Ip: '10.0.0.10' }, { SubnetId: SUBNETS[1] }]);

    // WHEN
    await handler(event('Create'));

    // THEN
    expect(responseBody(calls)).toMatchObject({
      Status: 'FAILED',
      Reason: `Error: ${ENDPOINT} has no IPv4 address in ${SUBNETS[1]}`,
    });
  });

  test('reports a failed call with its error', async () => {
    // GIVEN
    const { handler, calls } = loadHandler([], new Error('AccessDeniedException: not authorized'));

    // WHEN
    await handler(event('Create'));

    // THEN
    expect(responseBody(calls)).toMatchObject({ Status: 'FAILED', Reason: 'Error: AccessDeniedException: not authorized' });
  });

  test('does nothing on delete', async () => {
    // GIVEN
    const { handler, calls } = loadHandler([]);

    // WHEN
    await handler(event('Delete', ENDPOINT));

    // THEN
    expect(calls.commands).toEqual([]);
    expect(responseBody(calls)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: ENDPOINT });
    expect(responseBody(calls).Data).toBeUndefined();
  });
});
