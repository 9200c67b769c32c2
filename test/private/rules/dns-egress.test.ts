import { Token } from 'aws-cdk-lib';
import {
  domainCovers,
  validateAllowedDomains,
  validateDomainCoverage,
  validateGuardRegion,
  validateRuleGroupPriority,
  validateThreatOptions,
  warnEndpointsWithUnknownNames,
} from '../../../src/private/rules/dns-egress';
import { Finding } from '../../../src/private/rules/findings';

const messages = (findings: Finding[]) => findings.map(finding => `${finding.severity} ${finding.slug}: ${finding.message}`);
const need = (domain: string) => ({ domain, neededBy: `needer of ${domain}` });

describe('domainCovers', () => {
  test.each([
    ['*', 'anything.example.com', true],
    ['*', '*.example.com', true],
    ['api.example.com', 'api.example.com', true],
    ['api.example.com', 'v1.api.example.com', false],
    ['*.example.com', 'api.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', '*.api.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', '*.example.com', true],
    ['*.example.com', 'notexample.com', false],
    ['*.example.com', 'api.example.com.evil.net', false],
    ['*.api.example.com', '*.example.com', false],
  ])('%s covers %s: %s', (allowed, required, covered) => {
    expect(domainCovers(allowed, required)).toBe(covered);
  });
});

describe('validateAllowedDomains', () => {
  test('accepts names, wildcards over names or top-level domains, in any case and with a final dot, and tokens', () => {
    expect(validateAllowedDomains(['api.example.com', '*.example.com', '*.internal', 'API.Example.COM.', Token.asString({ Ref: 'Domain' })])).toEqual([]);
  });

  test('refuses `*`, which allows everything', () => {
    expect(messages(validateAllowedDomains([' * ']))).toEqual([expect.stringMatching(/^error undefined: `allowedDomains` contains `\*`/)]);
  });

  test('refuses what DNS Firewall cannot match, naming each', () => {
    expect(messages(validateAllowedDomains(['localhost', 'a..b.com', '*.', 'a.*.com', 'ex ample.com', '-bad.example.com']))).toEqual([
      'error undefined: `allowedDomains` has names DNS Firewall cannot match: \'localhost\', \'a..b.com\', \'*.\', \'a.*.com\', '
      + '\'ex ample.com\', \'-bad.example.com\'; give a domain name of two labels or more (`api.example.com`), or `*.` and a name '
      + '(`*.example.com`) for the names under it',
    ]);
  });
});

describe('validateDomainCoverage', () => {
  test('passes when every required name is covered', () => {
    expect(validateDomainCoverage([need('ssm.us-east-1.amazonaws.com'), need('*.ssm.us-east-1.amazonaws.com')], ['*.amazonaws.com'], true)).toEqual([]);
  });

  test('fails naming each name left out and what needs it when the guard blocks, and warns when it alerts', () => {
    const required = [need('ssm.us-east-1.amazonaws.com'), need('logs.us-east-1.amazonaws.com')];
    expect(messages(validateDomainCoverage(required, ['ssm.us-east-1.amazonaws.com'], true))).toEqual([expect.stringMatching(
      /^error undefined: .*which the guard would block: logs\.us-east-1\.amazonaws\.com \(needer of logs\.us-east-1\.amazonaws\.com\); add them to `allowedDomains`/)]);
    expect(messages(validateDomainCoverage(required, [], false))).toEqual([expect.stringMatching(
      /^warning domainsNotAllowed: .*alerts on at every call: ssm\.us-east-1\.amazonaws\.com \(needer of ssm.*\), logs\.us-east-1/)]);
  });
});

describe('warnEndpointsWithUnknownNames', () => {
  test('names the endpoints, or says nothing without any', () => {
    expect(warnEndpointsWithUnknownNames([])).toEqual([]);
    expect(messages(warnEndpointsWithUnknownNames(['S/Partner']))).toEqual([expect.stringMatching(/^warning endpointNamesUnknown: .*: S\/Partner; add their names/)]);
  });
});

describe('validateRuleGroupPriority', () => {
  test.each([undefined, 101, 5000, 9899, Token.asNumber({ Ref: 'Priority' })])('accepts %s', priority => {
    expect(validateRuleGroupPriority(priority)).toEqual([]);
  });

  test.each([0, 100, 9900, 100.5, NaN])('refuses %s', priority => {
    expect(messages(validateRuleGroupPriority(priority))).toEqual([`error undefined: \`priority\` must be a whole number from 101 to 9899, as DNS Firewall allows for a rule group's association, got ${priority}; leave it out for 101`]);
  });
});

describe('validateThreatOptions', () => {
  test('refuses a confidence that no protection reads, and accepts the other combinations', () => {
    expect(validateThreatOptions(0, true)).toHaveLength(1);
    expect(validateThreatOptions(0, false)).toEqual([]);
    expect(validateThreatOptions(1, true)).toEqual([]);
    expect(validateThreatOptions(2, false)).toEqual([]);
  });
});

describe('validateGuardRegion', () => {
  test('needs a Region to name the services', () => {
    expect(validateGuardRegion('us-east-1')).toEqual([]);
    expect(messages(validateGuardRegion(Token.asString({ Ref: 'AWS::Region' })))).toEqual([expect.stringMatching(/give the stack an `env` with a `region`$/)]);
  });
});
