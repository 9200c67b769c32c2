import { Token } from 'aws-cdk-lib';
import { normalizeDomainName } from '../../../src/private/rules/domain-names';

describe('normalizeDomainName', () => {
  test('lowercases and drops the trailing dot, leaving tokens alone', () => {
    const token = Token.asString({ Ref: 'Name' });
    expect([normalizeDomainName('Orders.Internal.'), normalizeDomainName(token)]).toEqual(['orders.internal', token]);
  });
});
