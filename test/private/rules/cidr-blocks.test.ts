import { Token } from 'aws-cdk-lib';
import { ipv4CidrsNotContained } from '../../../src/private/rules/cidr-blocks';

describe('ipv4CidrsNotContained', () => {
  test('returns the blocks no outer block contains', () => {
    expect(ipv4CidrsNotContained(['10.1.0.0/16', '10.3.4.0/24', '172.16.0.0/12'], ['10.1.0.0/16', '10.3.0.0/16'])).toEqual(['172.16.0.0/12']);
  });

  test('takes a larger inner block as not contained, however it overlaps', () => {
    expect(ipv4CidrsNotContained(['10.0.0.0/8'], ['10.1.0.0/16'])).toEqual(['10.0.0.0/8']);
  });

  test('compares at the outer block\'s prefix length, not the octets', () => {
    expect(ipv4CidrsNotContained(['10.1.128.0/17', '10.0.0.0/17'], ['10.1.0.0/15'])).toEqual([]);
    expect(ipv4CidrsNotContained(['10.2.0.0/16'], ['10.0.0.0/15'])).toEqual(['10.2.0.0/16']);
  });

  test('decides nothing when an outer entry is a prefix list, an IPv6 block or a token', () => {
    for (const outer of ['pl-0123456789abcdef0', '2001:db8::/56', Token.asString({ Ref: 'Cidr' })]) {
      expect(ipv4CidrsNotContained(['172.16.0.0/12'], ['10.0.0.0/8', outer])).toEqual([]);
    }
  });

  test('skips inner entries that are not literal IPv4 blocks', () => {
    expect(ipv4CidrsNotContained([Token.asString({ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }), '2001:db8::/56'], ['10.0.0.0/8'])).toEqual([]);
  });
});
