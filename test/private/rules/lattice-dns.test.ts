import { Token } from 'aws-cdk-lib';
import { Finding } from '../../../src/private/rules/findings';
import {
  customDomainResolves,
  LatticeCustomDomain,
  LatticeDnsChoice,
  MAX_SPECIFIED_DOMAINS,
  validateLatticeDns,
  warnUnresolvedCustomDomains,
} from '../../../src/private/rules/lattice-dns';

const messages = (findings: Finding[]) => findings.map(finding => `${finding.severity} ${finding.slug}: ${finding.message}`);
const on = (preference?: string, specifiedDomains?: string[]): LatticeDnsChoice => ({ privateDnsEnabled: true, preference, specifiedDomains });
const off = (preference?: string, specifiedDomains?: string[]): LatticeDnsChoice => ({ privateDnsEnabled: false, preference, specifiedDomains });
const domain = (name: string, verified: boolean): LatticeCustomDomain => ({ name, verified, resource: 'the resource share at Provider/Share' });
const names = (count: number) => Array.from({ length: count }, (_, index) => `host${index}.example.com`);
const token = (ref: string) => Token.asString({ Ref: ref });

describe('validateLatticeDns', () => {
  test('accepts private DNS on with each preference and the domains it reads, and private DNS off with neither', () => {
    expect(validateLatticeDns(on())).toEqual([]);
    expect(validateLatticeDns(on('VERIFIED_DOMAINS_ONLY'))).toEqual([]);
    expect(validateLatticeDns(on('ALL_DOMAINS'))).toEqual([]);
    expect(validateLatticeDns(on('VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS', ['orders.example.com']))).toEqual([]);
    expect(validateLatticeDns(on('SPECIFIED_DOMAINS_ONLY', ['orders.example.com', '*.example.net']))).toEqual([]);
    expect(validateLatticeDns(off())).toEqual([]);
  });

  test('refuses a preference, specified domains or both with private DNS off, naming what was given', () => {
    expect(messages(validateLatticeDns(off('ALL_DOMAINS')))).toEqual([expect.stringMatching(
      /^error undefined: `privateDnsPreference` applies only with private DNS on, but `privateDnsEnabled` is false \(https:\/\/docs\.aws\.amazon\.com\/AWSEC2\/latest\/APIReference\/API_DnsOptionsSpecification\.html\)\. Remove `privateDnsPreference`, or turn private DNS on\.$/)]);
    expect(messages(validateLatticeDns(off('VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS', ['orders.example.com'])))).toEqual([expect.stringMatching(
      /^error undefined: `privateDnsPreference` and `privateDnsSpecifiedDomains` apply only with private DNS on, .* Remove `privateDnsPreference` and `privateDnsSpecifiedDomains`, or turn private DNS on\.$/)]);
  });

  test('with private DNS off, specified domains alone are also read by no preference', () => {
    expect(messages(validateLatticeDns(off(undefined, ['orders.example.com'])))).toEqual([
      expect.stringMatching(/^error undefined: `privateDnsSpecifiedDomains` applies only with private DNS on, .* Remove `privateDnsSpecifiedDomains`, or turn private DNS on\.$/),
      expect.stringMatching(/^error undefined: `privateDnsSpecifiedDomains` is given, but `privateDnsPreference` is VERIFIED_DOMAINS_ONLY \(the default\), which does not read it/),
    ]);
  });

  test.each(['VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS', 'SPECIFIED_DOMAINS_ONLY'])('refuses %s without specified domains, or with an empty list', preference => {
    const expected = [expect.stringMatching(new RegExp(`^error undefined: \`privateDnsPreference\` ${preference} answers the names in `
      + '`privateDnsSpecifiedDomains`, but none is given \\(https://docs\\.aws\\.amazon\\.com/AWSEC2/latest/APIReference/'
      + 'API_DnsOptionsSpecification\\.html\\)\\. List the names, like `privateDnsSpecifiedDomains: \\[\'orders\\.example\\.com\'\\]`\\.$'))];
    expect(messages(validateLatticeDns(on(preference)))).toEqual(expected);
    expect(messages(validateLatticeDns(on(preference, [])))).toEqual(expected);
  });

  test('refuses specified domains with a preference that does not read them, naming it', () => {
    expect(messages(validateLatticeDns(on('ALL_DOMAINS', ['orders.example.com'])))).toEqual([expect.stringMatching(
      /^error undefined: `privateDnsSpecifiedDomains` is given, but `privateDnsPreference` is ALL_DOMAINS, which does not read it \(.*\)\. Use PrivateDnsPreference\.VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS or SPECIFIED_DOMAINS_ONLY, or remove `privateDnsSpecifiedDomains`\.$/)]);
    expect(messages(validateLatticeDns(on('VERIFIED_DOMAINS_ONLY', ['orders.example.com'])))).toEqual([expect.stringMatching(
      /^error undefined: `privateDnsSpecifiedDomains` is given, but `privateDnsPreference` is VERIFIED_DOMAINS_ONLY, which does not read it/)]);
    expect(messages(validateLatticeDns(on(undefined, ['orders.example.com'])))).toEqual([expect.stringMatching(
      /^error undefined: `privateDnsSpecifiedDomains` is given, but `privateDnsPreference` is VERIFIED_DOMAINS_ONLY \(the default\), which does not read it/)]);
  });

  test('refuses a specified domain listed twice, compared as DNS compares names', () => {
    expect(messages(validateLatticeDns(on('SPECIFIED_DOMAINS_ONLY', ['orders.example.com', 'Orders.Example.com.'])))).toEqual([
      "error undefined: `privateDnsSpecifiedDomains` lists 'orders.example.com' more than once. List each name once.",
    ]);
  });

  test(`takes at most ${MAX_SPECIFIED_DOMAINS} specified domains`, () => {
    expect(MAX_SPECIFIED_DOMAINS).toBe(10);
    expect(validateLatticeDns(on('SPECIFIED_DOMAINS_ONLY', names(10)))).toEqual([]);
    expect(messages(validateLatticeDns(on('SPECIFIED_DOMAINS_ONLY', names(11))))).toEqual([expect.stringMatching(
      /^error undefined: `privateDnsSpecifiedDomains` has 11 names; an endpoint takes at most 10 \(https:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\/latest\/TemplateReference\/aws-properties-ec2-vpcendpoint-dnsoptionsspecification\.html\)\. Name a parent domain with a wildcard, like '\*\.example\.com', for several\.$/)]);
  });

  test('accepts domain names with a leading wildcard label, in any case and with a trailing dot', () => {
    expect(validateLatticeDns(on('SPECIFIED_DOMAINS_ONLY', ['*.example.com', 'Orders.Example.COM.', '*.Internal.Example.net.', 'a-1.b2.example.org'])))
      .toEqual([]);
  });

  test('refuses malformed names, wildcards elsewhere than the first label, listing each', () => {
    expect(messages(validateLatticeDns(on('SPECIFIED_DOMAINS_ONLY', ['orders.example.com', 'a.*.example.com', 'not a domain'])))).toEqual([
      "error undefined: `privateDnsSpecifiedDomains` must hold domain names, optionally with a leading wildcard label ('orders.example.com', "
      + "'*.example.com'), got 'a.*.example.com', 'not a domain'.",
    ]);
  });

  test.each(['*', '*.com', '**.example.com', 'localhost', '-orders.example.com', 'orders..example.com', 'orders_db.example.com'])('refuses %j', name => {
    expect(messages(validateLatticeDns(on('SPECIFIED_DOMAINS_ONLY', [name])))).toEqual([
      expect.stringMatching(new RegExp(`^error undefined: \`privateDnsSpecifiedDomains\` must hold domain names, .*, got '${name.replace(/[.*]/g, '\\$&')}'\\.$`)),
    ]);
  });

  test('skips names known only at deploy time', () => {
    expect(validateLatticeDns(on('SPECIFIED_DOMAINS_ONLY', [token('Domain'), 'orders.example.com']))).toEqual([]);
  });
});

describe('customDomainResolves', () => {
  const verified = domain('orders.example.com', true);
  const unverified = domain('orders.example.com', false);

  test('is false with private DNS off, whatever the preference', () => {
    expect(customDomainResolves(verified, off())).toBe(false);
    expect(customDomainResolves(verified, off('ALL_DOMAINS'))).toBe(false);
    expect(customDomainResolves(unverified, off('SPECIFIED_DOMAINS_ONLY', ['orders.example.com']))).toBe(false);
  });

  test('answers only verified names by default and with VERIFIED_DOMAINS_ONLY', () => {
    expect(customDomainResolves(verified, on())).toBe(true);
    expect(customDomainResolves(unverified, on())).toBe(false);
    expect(customDomainResolves(verified, on('VERIFIED_DOMAINS_ONLY'))).toBe(true);
    expect(customDomainResolves(unverified, on('VERIFIED_DOMAINS_ONLY'))).toBe(false);
  });

  test('answers every name with ALL_DOMAINS, even one known only at deploy time', () => {
    expect(customDomainResolves(verified, on('ALL_DOMAINS'))).toBe(true);
    expect(customDomainResolves(unverified, on('ALL_DOMAINS'))).toBe(true);
    expect(customDomainResolves(domain(token('Domain'), false), on('ALL_DOMAINS'))).toBe(true);
  });

  test('answers verified names and the specified ones with VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS', () => {
    const preference = 'VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS';
    expect(customDomainResolves(verified, on(preference, ['other.example.com']))).toBe(true);
    expect(customDomainResolves(unverified, on(preference, ['orders.example.com']))).toBe(true);
    expect(customDomainResolves(unverified, on(preference, ['other.example.com']))).toBe(false);
    expect(customDomainResolves(unverified, on(preference))).toBe(false);
  });

  test('answers only the specified names with SPECIFIED_DOMAINS_ONLY, verified or not', () => {
    const preference = 'SPECIFIED_DOMAINS_ONLY';
    expect(customDomainResolves(verified, on(preference, ['orders.example.com']))).toBe(true);
    expect(customDomainResolves(unverified, on(preference, ['orders.example.com']))).toBe(true);
    expect(customDomainResolves(verified, on(preference, ['other.example.com']))).toBe(false);
    expect(customDomainResolves(unverified, on(preference, ['other.example.com']))).toBe(false);
  });

  test('matches names exactly, ignoring case and a trailing dot on either side', () => {
    const preference = 'SPECIFIED_DOMAINS_ONLY';
    expect(customDomainResolves(domain('Orders.Example.COM', false), on(preference, ['orders.example.com.']))).toBe(true);
    expect(customDomainResolves(domain('orders.example.com.', false), on(preference, ['ORDERS.example.com']))).toBe(true);
    expect(customDomainResolves(domain('orders.example.com', false), on(preference, ['example.com']))).toBe(false);
    expect(customDomainResolves(domain('example.com', false), on(preference, ['orders.example.com']))).toBe(false);
  });

  test('matches a wildcard against names under its parent, not the parent itself nor a look-alike', () => {
    const preference = 'VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS';
    expect(customDomainResolves(domain('orders.example.com', false), on(preference, ['*.example.com']))).toBe(true);
    expect(customDomainResolves(domain('Orders.Example.com.', false), on(preference, ['*.EXAMPLE.com.']))).toBe(true);
    expect(customDomainResolves(domain('example.com', false), on(preference, ['*.example.com']))).toBe(false);
    expect(customDomainResolves(domain('orders.notexample.com', false), on(preference, ['*.example.com']))).toBe(false);
    expect(customDomainResolves(domain('orders.example.com', false), on(preference, ['*.orders.example.com']))).toBe(false);
  });

  test('is undefined when the name, or a specified domain that could cover it, is known only at deploy time', () => {
    const preference = 'SPECIFIED_DOMAINS_ONLY';
    expect(customDomainResolves(domain(token('Domain'), false), on(preference, ['orders.example.com']))).toBeUndefined();
    expect(customDomainResolves(unverified, on(preference, [token('Specified')]))).toBeUndefined();
    expect(customDomainResolves(unverified, on(preference, ['other.example.com', token('Specified')]))).toBeUndefined();
    // With the verified preferences a verified name resolves whatever the specified domains are.
    expect(customDomainResolves(verified, on('VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS', [token('Specified')]))).toBe(true);
    expect(customDomainResolves(domain(token('Domain'), true), on())).toBe(true);
  });

  test('is true when a literal specified domain covers the name, even beside one known only at deploy time', () => {
    // Whatever the token resolves to, 'orders.example.com' is in the list, so VPC Lattice answers it.
    expect(customDomainResolves(unverified, on('SPECIFIED_DOMAINS_ONLY', ['orders.example.com', token('Specified')]))).toBe(true);
  });
});

describe('warnUnresolvedCustomDomains', () => {
  const dnsOptions = '\\(https://docs\\.aws\\.amazon\\.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification\\.html\\)';

  test('says nothing with private DNS off, or when every name resolves', () => {
    expect(warnUnresolvedCustomDomains([domain('orders.example.com', false)], off())).toEqual([]);
    expect(warnUnresolvedCustomDomains([domain('orders.example.com', true)], on())).toEqual([]);
    expect(warnUnresolvedCustomDomains([domain('orders.example.com', false)], on('ALL_DOMAINS'))).toEqual([]);
    expect(warnUnresolvedCustomDomains([domain('orders.example.com', false)], on('SPECIFIED_DOMAINS_ONLY', ['*.example.com']))).toEqual([]);
    expect(warnUnresolvedCustomDomains([], on())).toEqual([]);
  });

  test('says nothing for a name known only at deploy time', () => {
    expect(warnUnresolvedCustomDomains([domain(token('Domain'), false)], on('SPECIFIED_DOMAINS_ONLY', ['orders.example.com']))).toEqual([]);
  });

  test('warns of an unverified name under the default preference, with verification as the fix', () => {
    expect(messages(warnUnresolvedCustomDomains([domain('orders.example.com', false)], on()))).toEqual([expect.stringMatching(new RegExp(
      "^warning customDomainNotResolved: the custom domain name 'orders\\.example\\.com' of the resource share at Provider/Share will "
      + `not resolve in this VPC: it is not verified, and private DNS preference VERIFIED_DOMAINS_ONLY answers verified names only ${dnsOptions}\\. `
      + 'Have the provider verify the name \\(PrivateResourceShare `publicHostedZone` or `domainVerificationId`\\), or, if you trust the '
      + "provider with it, add 'orders\\.example\\.com' to `privateDnsSpecifiedDomains` with VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS\\.$"))]);
  });

  test('warns of a verified name left out of SPECIFIED_DOMAINS_ONLY, with adding it as the fix', () => {
    expect(messages(warnUnresolvedCustomDomains([domain('orders.example.com', true)], on('SPECIFIED_DOMAINS_ONLY', ['other.example.com']))))
      .toEqual([expect.stringMatching(new RegExp(
        "^warning customDomainNotResolved: the custom domain name 'orders\\.example\\.com' of .* will not resolve in this VPC: it is "
        + `verified, and private DNS preference SPECIFIED_DOMAINS_ONLY answers only the names in \`privateDnsSpecifiedDomains\` ${dnsOptions}\\. `
        + "Add 'orders\\.example\\.com' to `privateDnsSpecifiedDomains`\\.$"))]);
  });

  test('has listing the name as the fix for an unverified name under a SPECIFIED preference', () => {
    expect(messages(warnUnresolvedCustomDomains([domain('orders.example.com', false)], on('SPECIFIED_DOMAINS_ONLY', ['other.example.com']))))
      .toEqual([expect.stringMatching(/it is not verified, and private DNS preference SPECIFIED_DOMAINS_ONLY .* Add 'orders\.example\.com' to `privateDnsSpecifiedDomains`\.$/)]);
  });

  test('names the names VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS answers, and warns once per unresolved name only', () => {
    expect(messages(warnUnresolvedCustomDomains(
      [domain('a.example.com', false), domain('b.example.com', true), domain('c.example.com', false)],
      on('VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS', ['c.example.com'])))).toEqual([expect.stringMatching(
      /^warning customDomainNotResolved: the custom domain name 'a\.example\.com' .*: it is not verified, and private DNS preference VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS answers verified names and the names in `privateDnsSpecifiedDomains` /)]);
  });
});
