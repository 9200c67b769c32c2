import { Token } from 'aws-cdk-lib';
import {
  DefinitionFacts,
  validateAddressFamilies,
  validateCustomDomain,
  validateDefinition,
  validateDomainVerification,
  validateEndpointPortRanges,
  validateGatewayAzOverlap,
  validateGatewaySecurityGroups,
  validateIpInVpc,
  validateNotGatewayVpc,
  validatePortRanges,
  validateDatabasePortKnown,
  validatePortRangesGiven,
  validateResourceConfigurationArn,
  validateResourceConfigurationName,
  warnSingleAzGateway,
} from '../../../src/private/rules/resource';

const ip = (ipAddress: string): DefinitionFacts => ({ kind: 'ip', description: `the IP address ${ipAddress}`, ipAddress });
const dns = (domainName: string, ipAddressType: 'IPV4' | 'IPV6' = 'IPV4'): DefinitionFacts =>
  ({ kind: 'dns', description: `the domain name '${domainName}'`, domainName, ipAddressType });
const rds: DefinitionFacts = { kind: 'arn', description: 'the RDS instance at Stack/Db', arn: 'arn:aws:rds:us-east-1:111111111111:db:orders' };
const group = (...members: [string, DefinitionFacts, string?][]): DefinitionFacts => ({
  kind: 'group',
  description: `a group of ${members.length} resources`,
  members: members.map(([name, definition, customDomainName]) => ({ name, definition, customDomainName })),
});
const messages = (findings: { message: string }[]) => findings.map(f => f.message);

describe('validateDefinition', () => {
  test('accepts single resources and a group of them', () => {
    expect(validateDefinition(ip('10.0.1.5'))).toEqual([]);
    expect(validateDefinition(ip('2001:db8::5'))).toEqual([]);
    expect(validateDefinition(dns('db.example.com'))).toEqual([]);
    expect(validateDefinition(group(['a', ip('10.0.1.5')], ['b', dns('b.example.com')]))).toEqual([]);
  });

  test('rejects an empty group, members that are not single resources, and repeated member names', () => {
    expect(messages(validateDefinition(group()))).toEqual([
      '`resource` is a group without members, so there is nothing to share. Give `ResourceDefinition.group()` at least one member.',
    ]);
    expect(messages(validateDefinition(group(['db', rds], ['inner', group(['x', ip('10.0.0.1')])], ['db', ip('10.0.0.2')])))).toEqual([
      expect.stringMatching(/^`resource` is a group whose members 'db' \(the RDS instance at Stack\/Db\), 'inner' \(a group of 1 resources\) are not single resources; a group member is a CHILD resource configuration/),
      "`resource` is a group with more than one member named 'db'; member names are construct IDs and must be unique. Rename the members.",
    ]);
  });

  test('rejects a malformed IP address or domain name, also in a group, and skips tokens', () => {
    expect(messages(validateDefinition(ip('10.0.1')))).toEqual([
      "`resource` defines the IP address '10.0.1', which is neither an IPv4 nor an IPv6 address. Use an address like 10.0.1.25.",
    ]);
    expect(messages(validateDefinition(group(['a', dns('localhost')])))).toEqual([
      "`resource` defines the domain name 'localhost', which is not a domain name (at least two labels of letters, digits or "
      + 'hyphens). Use the name of the host, like db.example.com.',
    ]);
    expect(validateDefinition(ip(Token.asString({ Ref: 'Address' })))).toEqual([]);
  });
});

describe('validatePortRanges', () => {
  test('accepts ports and ranges in 1..65535, and tokens', () => {
    expect(validatePortRanges('portRanges', [{ fromPort: 1, toPort: 65535 }, { fromPort: 5432, toPort: 5432 }])).toEqual([]);
    expect(validatePortRanges('portRanges', [{ fromPort: Token.asNumber({ Ref: 'Port' }), toPort: Token.asNumber({ Ref: 'Port' }) }])).toEqual([]);
  });

  test('rejects ports out of range, fractions and reversed ranges, listing them', () => {
    expect(messages(validatePortRanges('portRanges', [{ fromPort: 0, toPort: 0 }, { fromPort: 443.5, toPort: 443.5 },
      { fromPort: 9000, toPort: 8000 }, { fromPort: 1, toPort: 70000 }]))).toEqual([
      '`portRanges` must hold TCP ports 1..65535 with the first port of a range not above the last, got 0, 443.5, 9000-8000, '
      + '1-70000. Fix the ranges.',
    ]);
  });
});

describe('validatePortRangesGiven', () => {
  const tcp443 = [{ fromPort: 443, toPort: 443 }];

  test('rejects port ranges for a database, which is reached on its own port', () => {
    expect(validatePortRangesGiven(rds, undefined)).toEqual([]);
    expect(validatePortRangesGiven(rds, [])).toEqual([]);
    expect(messages(validatePortRangesGiven(rds, tcp443))).toEqual([
      expect.stringMatching(/^`portRanges` is given for the RDS instance at Stack\/Db, but a resource configuration of an AWS resource \(type ARN\) takes no port ranges/),
    ]);
  });

  test('requires port ranges for anything else', () => {
    expect(validatePortRangesGiven(ip('10.0.0.1'), tcp443)).toEqual([]);
    expect(messages(validatePortRangesGiven(group(['a', ip('10.0.0.1')]), undefined))).toEqual([
      '`portRanges` is missing for a group of 1 resources; name the ports consumers may use, like `portRanges: [PortRange.tcp(443)]`, '
      + 'so that no other port is open.',
    ]);
  });

  test('takes an empty list as no port ranges, not as given', () => {
    expect(messages(validatePortRangesGiven(ip('10.0.0.1'), []))).toEqual([
      '`portRanges` is empty for the IP address 10.0.0.1; name the ports consumers may use, like `portRanges: [PortRange.tcp(443)]`, '
      + 'so that no other port is open.',
    ]);
  });
});

describe('validateDomainVerification', () => {
  test('accepts a name in the zone or at its apex, no zone at all, and names or zones only known at deploy time', () => {
    expect(validateDomainVerification({ customDomainName: 'orders.example.com', zoneGiven: true, zoneName: 'example.com.' })).toEqual([]);
    expect(validateDomainVerification({ customDomainName: 'Example.com', zoneGiven: true, zoneName: 'example.com' })).toEqual([]);
    expect(validateDomainVerification({ customDomainName: 'orders.example.com', domainVerificationId: 'dv-0123456789abcdef0', zoneGiven: false })).toEqual([]);
    expect(validateDomainVerification({ customDomainName: Token.asString({ Ref: 'Domain' }), zoneGiven: true, zoneName: 'example.com' })).toEqual([]);
    expect(validateDomainVerification({ customDomainName: 'orders.example.com', zoneGiven: true, zoneName: Token.asString({ Ref: 'Zone' }) })).toEqual([]);
    // A zone imported by ID only is reported by validateZoneNameKnown.
    expect(validateDomainVerification({ customDomainName: 'orders.example.com', zoneGiven: true })).toEqual([]);
  });

  test('rejects a zone without a name to verify, a zone with a verification ID, and a name outside the zone', () => {
    expect(messages(validateDomainVerification({ zoneGiven: true }))).toEqual([
      expect.stringMatching(/^`publicHostedZone` is given without `customDomainName`, so there is no name to verify/),
    ]);
    expect(messages(validateDomainVerification({ customDomainName: 'orders.example.com', domainVerificationId: 'dv-0123456789abcdef0', zoneGiven: true }))).toEqual([
      expect.stringMatching(/^both `domainVerificationId` \(dv-0123456789abcdef0\) and `publicHostedZone` are given/),
    ]);
    expect(messages(validateDomainVerification({ customDomainName: 'orders.notexample.com', zoneGiven: true, zoneName: 'example.com' }))).toEqual([
      expect.stringMatching(/^`customDomainName` 'orders.notexample.com' is not inside `publicHostedZone` 'example.com'/),
    ]);
  });
});

describe('validateCustomDomain', () => {
  test('accepts a custom domain for a single resource or a group, with members under it', () => {
    expect(validateCustomDomain(ip('10.0.0.1'), { customDomainName: 'orders.example.com', domainVerificationId: 'dv-0123456789abcdef0' })).toEqual([]);
    expect(validateCustomDomain(group(['a', ip('10.0.0.1'), 'a.nodes.example.com'], ['b', dns('b.internal.example.net')]),
      { customDomainName: 'nodes.example.com' })).toEqual([]);
    expect(validateCustomDomain(rds, {})).toEqual([]);
  });

  test('rejects a malformed domain, a custom domain for a database, and a verification ID alone or malformed', () => {
    expect(messages(validateCustomDomain(ip('10.0.0.1'), { customDomainName: 'orders' }))).toEqual([
      "`customDomainName` must be a domain name (at least two labels of letters, digits or hyphens), got 'orders'. Use a name "
      + 'like orders-db.example.com.',
    ]);
    expect(messages(validateCustomDomain(rds, { customDomainName: 'orders-db.example.com' }))).toEqual([
      expect.stringMatching(/^`customDomainName` is given for the RDS instance at Stack\/Db, but custom domain names are for resource configurations of a single resource or a group/),
    ]);
    expect(messages(validateCustomDomain(ip('10.0.0.1'), { domainVerificationId: 'dv-0123456789abcdef0' }))).toEqual([
      '`domainVerificationId` is given without `customDomainName`, so there is no name to verify. Set `customDomainName`, or '
      + 'remove `domainVerificationId`.',
    ]);
    expect(messages(validateCustomDomain(ip('10.0.0.1'), { customDomainName: 'orders.example.com', domainVerificationId: 'orders' }))).toEqual([
      expect.stringMatching(/^`domainVerificationId` must be the ID of a VPC Lattice domain verification, dv-<17 hex digits>, got 'orders'/),
    ]);
  });

  test('rejects a custom domain that is the domain-name target or a parent of it', () => {
    expect(messages(validateCustomDomain(dns('db.example.com'), { customDomainName: 'example.com' }))).toEqual([
      expect.stringMatching(/^customDomainName: the domain-name target 'db.example.com' is the custom domain name 'example.com' or a name under it, and VPC Lattice then creates no resource endpoint/),
    ]);
    expect(validateCustomDomain(dns('db.example.com'), { customDomainName: 'orders.example.net' })).toEqual([]);
  });

  test('rejects members\' domains without a group domain, outside it, or above their targets', () => {
    expect(messages(validateCustomDomain(group(['a', ip('10.0.0.1'), 'a.nodes.example.com']), {}))).toEqual([
      expect.stringMatching(/^group member 'a' has the custom domain name 'a.nodes.example.com', but the share has no `customDomainName`/),
    ]);
    expect(messages(validateCustomDomain(group(['a', ip('10.0.0.1'), 'a.example.org'], ['b', ip('10.0.0.2'), 'nodes.example.com']),
      { customDomainName: 'nodes.example.com' }))).toEqual([
      expect.stringMatching(/^group member 'a' has the custom domain name 'a.example.org', which is not a subdomain of the group domain 'nodes.example.com'/),
      expect.stringMatching(/^group member 'b' has the custom domain name 'nodes.example.com', which is not a subdomain/),
    ]);
    expect(messages(validateCustomDomain(group(['c', dns('c.nodes.example.com')]), { customDomainName: 'nodes.example.com' }))).toEqual([
      expect.stringMatching(/^group member 'c': the domain-name target 'c.nodes.example.com' is the custom domain name 'nodes.example.com' or a name under it/),
    ]);
  });
});

describe('validateIpInVpc', () => {
  test('accepts addresses in any of the VPC\'s blocks', () => {
    expect(validateIpInVpc(group(['a', ip('10.0.255.1')], ['b', ip('10.1.0.1')]), ['10.0.0.0/16', '10.1.0.0/24'])).toEqual([]);
  });

  test('rejects IPv4 addresses outside every block, naming them and the blocks', () => {
    expect(messages(validateIpInVpc(group(['a', ip('10.1.0.1')], ['b', ip('192.168.0.1')]), ['10.0.0.0/16']))).toEqual([
      expect.stringMatching(/^`resource` defines the IP addresses 10.1.0.1, 192.168.0.1, outside the VPC's CIDR blocks \(10.0.0.0\/16\); a resource configuration takes only IP addresses in the VPC/),
    ]);
  });

  test('skips what it cannot decide: unknown or token blocks, IPv6 and token addresses', () => {
    expect(validateIpInVpc(ip('192.168.0.1'), [])).toEqual([]);
    expect(validateIpInVpc(ip('192.168.0.1'), [Token.asString({ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] })])).toEqual([]);
    expect(validateIpInVpc(ip('2001:db8::1'), ['10.0.0.0/16'])).toEqual([]);
    expect(validateIpInVpc(ip(Token.asString({ Ref: 'Address' })), ['10.0.0.0/16'])).toEqual([]);
  });
});

describe('validateAddressFamilies', () => {
  test('accepts resources of the gateway\'s family, anything on a dual-stack gateway, and databases', () => {
    expect(validateAddressFamilies(group(['a', ip('10.0.0.1')], ['b', dns('b.example.com')]), 'IPV4')).toEqual([]);
    expect(validateAddressFamilies(group(['a', ip('2001:db8::1')], ['b', dns('b.example.com', 'IPV6')]), 'IPV6')).toEqual([]);
    expect(validateAddressFamilies(group(['a', ip('2001:db8::1')], ['b', dns('b.example.com')]), 'DUALSTACK')).toEqual([]);
    expect(validateAddressFamilies(rds, 'IPV6')).toEqual([]);
  });

  test('rejects resources of the other family, naming them', () => {
    expect(messages(validateAddressFamilies(group(['a', ip('2001:db8::1')], ['b', dns('b.example.com', 'IPV6')]), 'IPV4'))).toEqual([
      expect.stringMatching(/^`ipAddressType` of the resource gateway is IPv4, but the IP address 2001:db8::1, the domain name 'b.example.com' are not IPv4; an IPv4 gateway reaches only IPv4 resources/),
    ]);
    expect(messages(validateAddressFamilies(ip('10.0.0.1'), 'IPV6'))).toEqual([
      expect.stringMatching(/^`ipAddressType` of the resource gateway is IPv6, but the IP address 10.0.0.1 is not IPv6; an IPv6 gateway reaches only IPv6 resources/),
    ]);
  });
});

describe('resource gateway', () => {
  test('takes at most five security groups', () => {
    expect(validateGatewaySecurityGroups(5)).toEqual([]);
    expect(messages(validateGatewaySecurityGroups(6))).toEqual([
      expect.stringMatching(/^`securityGroups` holds 6 security groups, but a resource gateway takes at most 5/),
    ]);
  });

  test('warns in a single AZ, with a stable slug', () => {
    expect(warnSingleAzGateway(['us-east-1a', 'us-east-1b'])).toEqual([]);
    expect(warnSingleAzGateway([Token.asString({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] })])).toEqual([]);
    expect(warnSingleAzGateway(['us-east-1a', 'us-east-1a'])).toEqual([{
      severity: 'warning',
      slug: 'singleAz',
      message: expect.stringMatching(/^the resource gateway is in a single AZ \(us-east-1a\); resource endpoints must share an AZ with it/),
    }]);
  });

  test('checks a given resource configuration name against the CloudFormation pattern', () => {
    expect(validateResourceConfigurationName(undefined)).toEqual([]);
    expect(validateResourceConfigurationName('orders-db')).toEqual([]);
    for (const name of ['Orders', 'rcfg-orders', '-orders', 'orders-', 'orders--db', 'db', 'x'.repeat(41)]) {
      expect(messages(validateResourceConfigurationName(name))).toEqual([
        expect.stringMatching(new RegExp(`^\`resourceConfigurationName\` must be 3..40 lowercase letters, digits and hyphens.*got '${name}'`)),
      ]);
    }
  });
});

describe('resource endpoint', () => {
  test('checks a literal resource configuration ARN, skipping tokens', () => {
    expect(validateResourceConfigurationArn('arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0')).toEqual([]);
    expect(validateResourceConfigurationArn(Token.asString({ Ref: 'Arn' }))).toEqual([]);
    expect(messages(validateResourceConfigurationArn('rcfg-0123456789abcdef0'))).toEqual([
      expect.stringMatching(/^`resourceConfigurationArn` must be the ARN of a resource configuration, .* got 'rcfg-0123456789abcdef0'/),
    ]);
  });

  test('needs port ranges for its own security group', () => {
    const reason = 'is missing: with `resourceConfigurationArn`, the construct cannot know which ports the resource takes';
    expect(validateEndpointPortRanges(undefined, false)).toEqual([]);
    expect(validateEndpointPortRanges(reason, true)).toEqual([]);
    expect(messages(validateEndpointPortRanges(reason, false))).toEqual([
      expect.stringMatching(/^`portRanges` is missing: with `resourceConfigurationArn`, the construct cannot know which ports the resource takes, so its security group would admit none/),
    ]);
  });

  test('is not in the resource gateway\'s VPC', () => {
    expect(validateNotGatewayVpc({ vpcId: 'vpc-1', path: 'A/Vpc' }, { vpcId: 'vpc-2', path: 'B/Vpc' }, 'B/Share')).toEqual([]);
    expect(messages(validateNotGatewayVpc({ vpcId: 'vpc-1', path: 'A/Vpc' }, { vpcId: 'vpc-1', path: 'A/Vpc' }, 'A/Share'))).toEqual([
      expect.stringMatching(/^`vpc` \(A\/Vpc\) is the VPC of the resource gateway of A\/Share, and VPC Lattice creates no resource endpoint in the resource gateway's own VPC/),
    ]);
  });

  test('shares at least one AZ with the resource gateway, where that can be compared', () => {
    expect(validateGatewayAzOverlap(['us-east-1a', 'us-east-1c'], ['us-east-1c'], 'S/Share')).toEqual([]);
    expect(validateGatewayAzOverlap(['us-east-1a'], undefined, 'S/Share')).toEqual([]);
    expect(messages(validateGatewayAzOverlap(['us-east-1a', 'us-east-1b'], ['us-east-1c', 'us-east-1c'], 'S/Share'))).toEqual([
      '`vpcSubnets` places the endpoint in us-east-1a, us-east-1b, none of which the resource gateway of S/Share is in (us-east-1c); '
      + 'at least one AZ of a resource endpoint and its resource gateway must overlap '
      + '(https://docs.aws.amazon.com/vpc/latest/privatelink/resource-gateway.html). Select a subnet in one of the gateway\'s AZs.',
    ]);
  });
});

describe('validateDatabasePortKnown', () => {
  test('reports a database imported without its port, with how to import it', () => {
    expect(validateDatabasePortKnown(rds)).toEqual([]);
    expect(messages(validateDatabasePortKnown({ ...rds, importWithPort: 'the import with `port`' }))).toEqual([
      '`resource` is the RDS instance at Stack/Db, imported without its endpoint address and port, which consumers need. '
      + 'Import it with them: the import with `port`.',
    ]);
  });

  test('reports a database imported with a port that is no number, naming what was given', () => {
    expect(messages(validateDatabasePortKnown({ ...rds, importWithPort: 'the import with `port`', importedPort: '"5432"' }))).toEqual([
      '`resource` is the RDS instance at Stack/Db, imported with the port "5432", which is no port number; consumers reach the '
      + 'database on its port. Import it with `port` as a number from 1 to 65535: the import with `port`.',
    ]);
  });
});
