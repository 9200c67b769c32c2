import { Token } from 'aws-cdk-lib';
import { Finding } from '../../../src/private/rules/findings';
import {
  validateOnPremisesCidrsGiven,
  validateResolverEndpointAzs,
  warnAnyAddressAdmitted,
  warnIpv6ClientsOfIpv4Endpoint,
} from '../../../src/private/rules/resolver-endpoint';

const messages = (findings: Finding[]) => findings.map(f => `${f.severity} ${f.slug}: ${f.message}`);

describe('InboundResolverEndpoint rules', () => {
  describe('validateResolverEndpointAzs', () => {
    test('takes two or more AZs', () => {
      expect(validateResolverEndpointAzs(['us-east-1a', 'us-east-1b'])).toEqual([]);
      expect(validateResolverEndpointAzs(['us-east-1a', 'us-east-1b', 'us-east-1c'])).toEqual([]);
    });

    test('refuses one AZ, naming it', () => {
      expect(messages(validateResolverEndpointAzs(['us-east-1a', 'us-east-1a']))).toEqual([
        'error undefined: `vpcSubnets` selects subnets in 1 AZ (us-east-1a); a Route 53 Resolver endpoint needs IP addresses in '
        + 'at least 2 AZs. Select one subnet in each of at least 2 AZs, or give the VPC subnets in a second AZ.',
      ]);
    });

    test('refuses no subnet, with the reason the selection picked none', () => {
      expect(messages(validateResolverEndpointAzs([], 'There are no \'Private\' subnet groups in this VPC.'))).toEqual([
        'error undefined: `vpcSubnets` selects no subnet (There are no \'Private\' subnet groups in this VPC.); a Route 53 '
        + 'Resolver endpoint needs IP addresses in at least 2 AZs. Select one subnet in each of at least 2 AZs, or give the '
        + 'VPC subnets in a second AZ.',
      ]);
      expect(validateResolverEndpointAzs([])[0].message).toMatch(/^`vpcSubnets` selects no subnet; /);
    });

    test('counts deploy-time AZs as distinct tokens, and says when one is all there is', () => {
      const az = Token.asString({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] });
      expect(validateResolverEndpointAzs([az, Token.asString({ 'Fn::Select': [1, { 'Fn::GetAZs': '' }] })])).toEqual([]);
      expect(validateResolverEndpointAzs([az])[0].message).toMatch(/selects subnets in 1 AZ \(known only at deploy time\)/);
    });

    test('explains placeholder AZ names', () => {
      expect(validateResolverEndpointAzs(['dummy1a'])[0].message).toMatch(/The AZ names are not known yet/);
    });
  });

  test('validateOnPremisesCidrsGiven refuses an empty list', () => {
    expect(validateOnPremisesCidrsGiven(['10.0.0.0/8'])).toEqual([]);
    expect(messages(validateOnPremisesCidrsGiven([]))).toEqual([
      'error undefined: `onPremisesCidrs` is empty, so the inbound endpoint\'s security group would admit no DNS client. List '
      + 'the networks whose DNS servers forward to it (10.0.0.0/8, a prefix list pl-...).',
    ]);
  });

  test('warnAnyAddressAdmitted warns of 0.0.0.0/0 and ::/0 only', () => {
    expect(warnAnyAddressAdmitted(['10.0.0.0/8', '0.0.0.0/1', 'pl-0123456789abcdef0'])).toEqual([]);
    expect(messages(warnAnyAddressAdmitted(['10.0.0.0/8', '0.0.0.0/0', '::/0']))).toEqual([
      'warning anyAddressAdmitted: `onPremisesCidrs` includes 0.0.0.0/0 and ::/0, so every network that can route to the VPC '
      + 'may query the inbound endpoint on port 53: the private names it answers, and public names through it. List the '
      + 'on-premises networks (or a prefix list of them) instead, or acknowledge this warning.',
    ]);
  });

  test('warnIpv6ClientsOfIpv4Endpoint warns of valid IPv6 blocks, not of invalid entries (reported elsewhere)', () => {
    expect(warnIpv6ClientsOfIpv4Endpoint(['10.0.0.0/8', 'pl-0123456789abcdef0', 'fe80::zz/64'])).toEqual([]);
    expect(messages(warnIpv6ClientsOfIpv4Endpoint(['10.0.0.0/8', '2001:db8::/32']))).toEqual([
      'warning ipv6Clients: `onPremisesCidrs` includes IPv6 blocks (2001:db8::/32), but the inbound endpoint has IPv4 addresses '
      + 'only, so DNS servers in them can reach it only from IPv4 addresses. List the IPv4 networks of the on-premises DNS '
      + 'servers, or acknowledge this warning.',
    ]);
  });
});
