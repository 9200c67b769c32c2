import { Token } from 'aws-cdk-lib';
import {
  DnsChoice,
  mixedEnvironmentProviderMessage,
  noSubnetMessage,
  validateDomainName,
  validatePrivateDns,
  validateProviderAzs,
  otherRegionOfServiceName,
  validateServiceName,
  validateServiceRegion,
  validateUniqueZone,
} from '../../../src/private/rules/consumer';

const SERVICE = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';
const NO_DNS: DnsChoice = { privateDnsEnabled: false, hostedZoneGiven: false, wildcardRecord: false };
const PROVIDER = { path: 'Provider/Service', availabilityZones: ['us-east-1a', 'us-east-1b'], privateDnsName: 'api.example.com' };

function messages(findings: { message: string }[]): string[] {
  return findings.map(f => f.message);
}

describe('validateServiceName', () => {
  test.each([
    SERVICE,
    'com.amazonaws.us-east-1.ssm',
    'com.amazonaws.us-east-1.ecr.dkr',
    'aws.api.us-east-1.freetier',
    'com.amazonaws.iam',
  ])('accepts %s in us-east-1', name => {
    expect(validateServiceName(name, undefined)).toEqual([]);
  });

  test.each([
    'com.amazonaws.vpce.us-east-1.vpce-svc-123',
    'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789ABCDEF0',
    'vpce-svc-0123456789abcdef0',
    'orders',
  ])('rejects the malformed name %s', name => {
    expect(messages(validateServiceName(name, undefined))).toEqual([
      expect.stringMatching(new RegExp(`^\`service\` name must be an endpoint service name, .*got '${name}'`)),
    ]);
  });

  test('skips a token name', () => {
    expect(validateServiceName(Token.asString({ Ref: 'Name' }), undefined)).toEqual([]);
  });

  test('accepts a name in the Region of serviceRegion', () => {
    expect(validateServiceName(SERVICE.replace('us-east-1', 'us-west-2'), 'us-west-2')).toEqual([]);
  });

  test('rejects a serviceRegion that differs from the name', () => {
    expect(messages(validateServiceName(SERVICE, 'eu-west-1'))).toEqual([
      expect.stringMatching(/^`serviceRegion` is 'eu-west-1', but the `service` name .* is in us-east-1\. Set `serviceRegion: 'us-east-1'`/),
    ]);
  });

  test('accepts the China prefix in China Regions only', () => {
    expect(validateServiceName('cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0', undefined)).toEqual([]);
    expect(messages(validateServiceName('com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0', undefined))).toEqual([
      expect.stringMatching(/starts with com\.amazonaws\.vpce, but endpoint service names in cn-north-1 start with cn\.com\.amazonaws\.vpce/),
    ]);
  });
});

describe('otherRegionOfServiceName', () => {
  test('is the Region of a name outside the stack\'s Region, and nothing for one inside, a global service or a token', () => {
    expect(otherRegionOfServiceName(SERVICE.replace('us-east-1', 'us-west-2'), 'us-east-1')).toBe('us-west-2');
    expect(otherRegionOfServiceName(SERVICE, 'us-east-1')).toBeUndefined();
    expect(otherRegionOfServiceName('com.amazonaws.iam', 'us-east-1')).toBeUndefined();
    expect(otherRegionOfServiceName(SERVICE, Token.asString({ Ref: 'AWS::Region' }))).toBeUndefined();
    expect(otherRegionOfServiceName(undefined, 'us-east-1')).toBeUndefined();
  });
});

describe('noSubnetMessage', () => {
  test('says the selection is empty', () => {
    expect(noSubnetMessage([])).toMatch(/^`vpcSubnets` selects no subnet of the VPC/);
  });

  test('gives the reason a selection selected nothing', () => {
    expect(noSubnetMessage([], "There are no subnet groups with name 'App' in this VPC"))
      .toMatch(/^`vpcSubnets` selects no subnet of the VPC \(There are no subnet groups with name 'App' in this VPC\), so/);
  });

  test('names the AZs the service does not support', () => {
    expect(noSubnetMessage(['us-east-1c', 'us-east-1d'])).toMatch(/only in us-east-1c, us-east-1d, where the service is not available/);
  });
});

describe('validateProviderAzs', () => {
  test('rejects AZs the provider does not serve, naming them', () => {
    expect(messages(validateProviderAzs(['us-east-1a', 'us-east-1c', 'us-east-1d'], PROVIDER))).toEqual([
      expect.stringMatching(/in us-east-1c, us-east-1d, which the provider at Provider\/Service does not serve \(its NLB is in us-east-1a, us-east-1b\)/),
    ]);
  });

  test('accepts AZs the provider serves', () => {
    expect(validateProviderAzs(['us-east-1b'], PROVIDER)).toEqual([]);
  });

  test('skips placeholder AZs, which only the AZ lookup turns into names that can be compared', () => {
    expect(validateProviderAzs(['dummy1a', 'dummy1b', 'dummy1c'], { ...PROVIDER, availabilityZones: ['dummy1a', 'dummy1b'] })).toEqual([]);
  });

  test('skips unknown or token provider AZs', () => {
    expect(validateProviderAzs(['us-east-1c'], { ...PROVIDER, availabilityZones: undefined })).toEqual([]);
    expect(validateProviderAzs(['us-east-1c'], { ...PROVIDER, availabilityZones: [] })).toEqual([]);
    expect(validateProviderAzs(['us-east-1c'], { ...PROVIDER, availabilityZones: [Token.asString({ Ref: 'Az' })] })).toEqual([]);
  });
});

describe('validatePrivateDns', () => {
  test('rejects private DNS for a provider without a private DNS name', () => {
    const findings = validatePrivateDns({ ...NO_DNS, privateDnsEnabled: true }, { ...PROVIDER, privateDnsName: undefined });
    expect(messages(findings)).toEqual([
      expect.stringMatching(/^`privateDnsEnabled` is true, but the provider at Provider\/Service has no `privateDnsName`/),
    ]);
  });

  test('rejects private DNS together with a domainName of the same name', () => {
    const findings = validatePrivateDns({ ...NO_DNS, privateDnsEnabled: true, domainName: 'API.example.com.' }, PROVIDER);
    expect(messages(findings)).toEqual([
      expect.stringMatching(/^`privateDnsEnabled` is true and `domainName` is 'API.example.com.', the provider's private DNS name too/),
    ]);
  });

  test('accepts private DNS with another domainName, and anything for a service that is not a provider', () => {
    expect(validatePrivateDns({ ...NO_DNS, privateDnsEnabled: true, domainName: 'orders.internal' }, PROVIDER)).toEqual([]);
    expect(validatePrivateDns({ ...NO_DNS, privateDnsEnabled: true }, undefined)).toEqual([]);
  });
});

describe('validateDomainName', () => {
  test.each(['orders.internal', 'Orders.Example.com.', 'a-b.c1.example'])('accepts %s', domainName => {
    expect(validateDomainName({ ...NO_DNS, domainName })).toEqual([]);
  });

  test.each([
    ['a single label', 'orders'],
    ['an underscore', 'bad_name.example.com'],
    ['a label starting with a hyphen', '-a.example.com'],
    ['a label of 64 characters', `${'a'.repeat(64)}.example.com`],
    ['more than 253 characters', `${'a.'.repeat(127)}com`],
  ])('rejects a name with %s', (_, domainName) => {
    expect(messages(validateDomainName({ ...NO_DNS, domainName }))).toEqual([
      expect.stringMatching(/^`domainName` must be a domain name .*got '/),
    ]);
  });

  test('rejects a wildcard, pointing at wildcardRecord', () => {
    expect(messages(validateDomainName({ ...NO_DNS, domainName: '*.example.com' }))).toEqual([
      expect.stringMatching(/^`domainName` must not be a wildcard, got '\*\.example\.com'\. Set `domainName: 'example\.com'` and `wildcardRecord: true`/),
    ]);
  });

  test('rejects hostedZone or wildcardRecord without domainName', () => {
    expect(messages(validateDomainName({ ...NO_DNS, hostedZoneGiven: true, wildcardRecord: true }))).toEqual([
      expect.stringMatching(/^`hostedZone` is set without `domainName`/),
      expect.stringMatching(/^`wildcardRecord` is true without `domainName`/),
    ]);
  });

  test('rejects a name outside hostedZone', () => {
    const choice = { ...NO_DNS, domainName: 'orders.example.org', hostedZoneName: 'example.com.', hostedZoneGiven: true };
    expect(messages(validateDomainName(choice))).toEqual([
      expect.stringMatching(/^`domainName` 'orders.example.org' is not inside `hostedZone` 'example.com'/),
    ]);
  });

  test('accepts a name in hostedZone, or the zone apex', () => {
    expect(validateDomainName({ ...NO_DNS, domainName: 'orders.example.com', hostedZoneName: 'example.com', hostedZoneGiven: true })).toEqual([]);
    expect(validateDomainName({ ...NO_DNS, domainName: 'example.com', hostedZoneName: 'example.com', hostedZoneGiven: true })).toEqual([]);
  });

  test('does not mistake a zone that is only a suffix of the name for its parent', () => {
    expect(validateDomainName({ ...NO_DNS, domainName: 'orders.myexample.com', hostedZoneName: 'example.com', hostedZoneGiven: true }))
      .toHaveLength(1);
  });

  test('skips token names', () => {
    expect(validateDomainName({ ...NO_DNS, domainName: Token.asString({ Ref: 'Name' }) })).toEqual([]);
  });
});

describe('validateUniqueZone', () => {
  test('rejects a zone name that another private hosted zone has in the same VPC, naming it and the fix', () => {
    expect(messages(validateUniqueZone('orders.internal', ['Stack/Other/HostedZone']))).toEqual([
      expect.stringMatching(/^`domainName` 'orders.internal' is also the name of the private hosted zone Stack\/Other\/HostedZone in the same VPC; .*ConflictingDomainExists.*pass it as `hostedZone`.*or use another `domainName`/),
    ]);
  });

  test('names every clashing zone', () => {
    expect(messages(validateUniqueZone('orders.internal', ['Stack/A/HostedZone', 'Stack/B']))).toEqual([
      expect.stringMatching(/is also the name of the private hosted zones Stack\/A\/HostedZone, Stack\/B in the same VPC/),
    ]);
  });

  test('accepts a zone nobody else claims', () => {
    expect(validateUniqueZone('orders.internal', [])).toEqual([]);
  });
});

describe('validateServiceRegion', () => {
  test('fails on a name that is not a Region, and on a Region that is not the provider\'s', () => {
    expect(messages(validateServiceRegion('Frankfurt', undefined))).toEqual([expect.stringMatching(/^`serviceRegion` must be a Region name like eu-west-1, got 'Frankfurt'/)]);
    expect(messages(validateServiceRegion('eu-central-1', { path: 'P/Provider', region: 'us-east-1' }))).toEqual([
      "`serviceRegion` is 'eu-central-1', but the provider at P/Provider is in us-east-1. Set `serviceRegion: 'us-east-1'`, or remove it "
      + 'when the consumer is in that Region too.',
    ]);
  });

  test('accepts a Region, the provider\'s Region, a token, and none; a provider of unknown Region is not compared', () => {
    expect([
      ...validateServiceRegion('eu-central-1', undefined),
      ...validateServiceRegion('us-east-1', { path: 'P', region: 'us-east-1' }),
      ...validateServiceRegion('eu-central-1', { path: 'P', region: Token.asString({ Ref: 'AWS::Region' }) }),
      ...validateServiceRegion(Token.asString({ Ref: 'Region' }), undefined),
      ...validateServiceRegion(undefined, undefined),
    ]).toEqual([]);
  });
});

describe('mixedEnvironmentProviderMessage', () => {
  const agnostic = { account: Token.asString({ Ref: 'AWS::AccountId' }), region: Token.asString({ Ref: 'AWS::Region' }) };
  const explicit = { account: '111111111111', region: 'us-east-1' };

  test('explains that a provider object needs both stacks explicit or both agnostic', () => {
    expect(mixedEnvironmentProviderMessage('P/Provider', explicit, agnostic)).toMatch(
      /^`service` is the provider at P\/Provider, whose stack has the explicit environment 111111111111\/us-east-1, but this stack has no explicit environment/);
    expect(mixedEnvironmentProviderMessage('P/Provider', agnostic, explicit)).toMatch(/whose stack has no explicit environment, but this stack has the explicit/);
    expect(mixedEnvironmentProviderMessage('P/Provider', { ...explicit, region: agnostic.region }, explicit)).toMatch(/a partly explicit environment/);
  });

  test('is silent when both are explicit or both are agnostic', () => {
    expect(mixedEnvironmentProviderMessage('P', explicit, { account: '222222222222', region: 'eu-west-1' })).toBeUndefined();
    expect(mixedEnvironmentProviderMessage('P', agnostic, agnostic)).toBeUndefined();
  });
});
