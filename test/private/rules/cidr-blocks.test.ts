import { Token } from 'aws-cdk-lib';
import { ipv4CidrsNotContained, ipv4CidrsWithin, uniqueNetworks } from '../../../src/private/rules/cidr-blocks';

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

describe('ipv4CidrsWithin', () => {
  test('returns the blocks equal to or inside an outer block, with it', () => {
    expect(ipv4CidrsWithin(['10.1.0.0/16', '10.1.4.0/24', '10.0.0.0/8', '172.16.0.0/12'], ['10.1.0.0/16']))
      .toEqual([{ cidr: '10.1.0.0/16', within: '10.1.0.0/16' }, { cidr: '10.1.4.0/24', within: '10.1.0.0/16' }]);
  });

  test('skips what is not a literal IPv4 block on either side', () => {
    expect(ipv4CidrsWithin(['pl-0123456789abcdef0', '2001:db8::/56', Token.asString({ Ref: 'Cidr' })], ['10.0.0.0/8'])).toEqual([]);
    expect(ipv4CidrsWithin(['10.1.0.0/16'], [Token.asString({ Ref: 'Cidr' })])).toEqual([]);
  });
});

describe('uniqueNetworks', () => {
  test('writes IPv6 blocks in lower case', () => {
    expect(uniqueNetworks(['2001:DB8::/32', '10.0.0.0/16'])).toEqual(['2001:db8::/32', '10.0.0.0/16']);
  });

  test('keeps one entry per network, in the first spelling given', () => {
    expect(uniqueNetworks(['2001:db8:0:0::/64', '2001:DB8::/64', '2001:db8:0000:0000:0:0:0:0/64', '10.0.0.0/16', '10.0.0.0/16']))
      .toEqual(['2001:db8:0:0::/64', '10.0.0.0/16']);
  });

  test('tells networks of other prefix lengths apart, and leaves tokens and prefix lists alone', () => {
    const token = Token.asString({ Ref: 'Cidr' });
    expect(uniqueNetworks(['2001:db8::/56', '2001:db8::/64', token, 'pl-0123456789abcdef0']))
      .toEqual(['2001:db8::/56', '2001:db8::/64', token, 'pl-0123456789abcdef0']);
  });
});
