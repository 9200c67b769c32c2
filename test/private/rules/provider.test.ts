import { Token } from 'aws-cdk-lib';
import { isDomainName, isInZone } from '../../../src/private/rules/domain-names';
import { Finding } from '../../../src/private/rules/findings';
import {
  validateAllowedRegions,
  validateCreatedLoadBalancerProps,
  validateExistingLoadBalancerProps,
  validateLoadBalancer,
  validateLoadBalancerSubnets,
  validateLoadBalancerVpc,
  validateParameterName,
  validatePort,
  validatePrincipals,
  validatePrivateDnsName,
} from '../../../src/private/rules/provider';

const ACCOUNT = 'arn:aws:iam::111122223333:root';
const TOKEN = Token.asString({ Ref: 'Unknown' });

function errors(findings: Finding[]): string[] {
  return findings.filter(f => f.severity === 'error').map(f => f.message);
}

describe('validatePrincipals', () => {
  test('accepts named principals, with or without acceptance', () => {
    expect(validatePrincipals([ACCOUNT], false, true)).toEqual([]);
    expect(validatePrincipals([ACCOUNT], false, false)).toEqual([]);
    expect(validatePrincipals([], false, true)).toEqual([]);
  });

  test('fails on the wildcard unless any principal is allowed', () => {
    expect(errors(validatePrincipals([ACCOUNT, '*'], false, true))).toEqual([
      expect.stringMatching(/^`allowedPrincipals` contains the wildcard principal `\*`.*set `allowAnyPrincipal: true`/),
    ]);
  });

  test('accepts the allowed wildcard when connections need acceptance', () => {
    expect(validatePrincipals(['*'], true, true)).toEqual([]);
  });

  test('warns when anyone can connect without approval', () => {
    expect(validatePrincipals(['*'], true, false)).toEqual([{
      severity: 'warning',
      slug: 'anyPrincipalWithoutAcceptance',
      message: expect.stringMatching(/anyone can connect without approval; set `acceptanceRequired: true`/),
    }]);
  });
});

describe('validateLoadBalancer', () => {
  const fine = { scheme: 'internal', otherEndpointServices: [], availabilityZones: ['us-east-1a', 'us-east-1b'] };

  test('accepts an internal NLB of its own in two AZs', () => {
    expect(validateLoadBalancer(fine)).toEqual([]);
  });

  test('accepts an NLB whose scheme and AZs are unknown', () => {
    expect(validateLoadBalancer({ otherEndpointServices: [], availabilityZones: [] })).toEqual([]);
  });

  test('fails on an internet-facing NLB', () => {
    expect(errors(validateLoadBalancer({ ...fine, scheme: 'internet-facing' }))).toEqual([
      expect.stringMatching(/^`networkLoadBalancer` is internet-facing .*use an internal NLB/),
    ]);
  });

  test('fails on an NLB another endpoint service uses, naming it', () => {
    expect(errors(validateLoadBalancer({ ...fine, otherEndpointServices: ['Stack/Other/Resource'] }))).toEqual([
      expect.stringMatching(/^`networkLoadBalancer` is already used by the endpoint service at Stack\/Other\/Resource; .*use a separate NLB/),
    ]);
  });

  test('warns on a single AZ, naming it', () => {
    expect(validateLoadBalancer({ ...fine, availabilityZones: ['us-east-1a'] })).toEqual([{
      severity: 'warning',
      slug: 'singleAz',
      message: expect.stringMatching(/^the NLB serves a single Availability Zone \(us-east-1a\); consumers whose endpoints are in other AZ IDs cannot connect/),
    }]);
  });
});

describe('validateLoadBalancer before the AZs are looked up', () => {
  test('warns on a single AZ, saying that its name is not known yet instead of naming the placeholder', () => {
    const [finding] = validateLoadBalancer({ scheme: 'internal', otherEndpointServices: [], availabilityZones: ['dummy1a'] });
    expect(finding.message).toMatch(/^the NLB serves a single Availability Zone; consumers whose endpoints/);
    expect(finding.message).toMatch(/two or more AZs\. The AZ names are not known yet: the CDK CLI looks them up/);
    expect(finding.message).not.toMatch(/dummy/);
  });
});

describe('validatePrivateDnsName', () => {
  test.each([
    ['api.example.com', 'example.com'],
    ['api.example.com', 'example.com.'],
    ['example.com', 'example.com'],
    ['a.b-c.example.com', 'b-c.example.com'],
  ])('accepts %s in zone %s', (name, zone) => {
    expect(validatePrivateDnsName(name, zone)).toEqual([]);
  });

  test('accepts a name without a zone, and neither', () => {
    expect(validatePrivateDnsName('api.example.com', undefined)).toEqual([]);
    expect(validatePrivateDnsName(undefined, undefined)).toEqual([]);
  });

  test.each([
    'localhost',
    'api_example.com',
    '-api.example.com',
    'api-.example.com',
    'API.example.com',
    'api..example.com',
    '*.example.com',
    `${'a'.repeat(64)}.example.com`,
    `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`,
  ])('fails on %s, which is not a domain name', name => {
    expect(errors(validatePrivateDnsName(name, undefined))).toEqual([
      expect.stringMatching(/^`privateDnsName` must be a domain name .*253 characters at most\), got '.*'; use a name like api.example.com$/),
    ]);
  });

  test('fails on a name outside the zone, including a zone that only ends the same way', () => {
    expect(errors(validatePrivateDnsName('api.example.org', 'example.com'))).toEqual([
      expect.stringMatching(/^`privateDnsName` 'api.example.org' is not inside `publicHostedZone` 'example.com'/),
    ]);
    expect(errors(validatePrivateDnsName('api.myexample.com', 'example.com'))).toHaveLength(1);
  });

  test('fails on a zone without a name to verify', () => {
    expect(errors(validatePrivateDnsName(undefined, 'example.com'))).toEqual([
      expect.stringMatching(/^`publicHostedZone` \(example.com\) is set without `privateDnsName`/),
    ]);
  });

  test('skips the checks that involve unresolved tokens', () => {
    expect(validatePrivateDnsName(TOKEN, 'example.com')).toEqual([]);
    expect(validatePrivateDnsName('api.example.com', TOKEN)).toEqual([]);
  });
});

describe('domain names', () => {
  test('isDomainName takes lowercase names of two or more labels', () => {
    expect(isDomainName('example.com')).toBe(true);
    expect(isDomainName('com')).toBe(false);
  });

  test('isInZone takes the zone itself and names under it', () => {
    expect(isInZone('example.com', 'example.com.')).toBe(true);
    expect(isInZone('a.example.com', 'example.com')).toBe(true);
    expect(isInZone('aexample.com', 'example.com')).toBe(false);
  });
});

describe('validateAllowedRegions', () => {
  test('accepts other Regions of every partition', () => {
    expect(validateAllowedRegions(['eu-west-1', 'us-gov-west-1', 'us-iso-east-1', 'us-isob-east-1', 'ap-southeast-5', 'cn-north-1', 'eusc-de-east-1'], 'us-east-1')).toEqual([]);
  });

  test('fails on malformed names, listing each', () => {
    expect(errors(validateAllowedRegions(['eu-west-1', 'EU-WEST-1', 'frankfurt'], 'us-east-1'))).toEqual([
      "`allowedRegions` must hold Region names like eu-west-1, got 'EU-WEST-1', 'frankfurt'; fix or remove them",
    ]);
  });

  test('fails on the stack\'s own Region', () => {
    expect(errors(validateAllowedRegions(['us-east-1', 'eu-west-1'], 'us-east-1'))).toEqual([
      expect.stringMatching(/^`allowedRegions` contains the stack's own Region us-east-1, where the service is always available/),
    ]);
  });

  test('skips unresolved Regions and an unresolved stack Region', () => {
    expect(validateAllowedRegions([TOKEN], 'us-east-1')).toEqual([]);
    expect(validateAllowedRegions(['us-east-1'], TOKEN)).toEqual([]);
  });
});

describe('validatePort', () => {
  test.each([1, 443, 65535, undefined])('accepts %s', port => {
    expect(validatePort('port', port)).toEqual([]);
  });

  test.each([0, -1, 65536, 44.3])('fails on %s', port => {
    expect(errors(validatePort('targetPort', port))).toEqual([
      `\`targetPort\` must be a TCP port, an integer in 1..65535, got ${port}; use the port the service listens on`,
    ]);
  });

  test('skips an unresolved port', () => {
    expect(validatePort('port', Token.asNumber({ Ref: 'Port' }))).toEqual([]);
  });
});

describe('validateExistingLoadBalancerProps', () => {
  test('fails on each prop that only shapes a defined NLB', () => {
    expect(validateExistingLoadBalancerProps([])).toEqual([]);
    expect(errors(validateExistingLoadBalancerProps(['healthCheck', 'securityGroups']))).toEqual([
      expect.stringMatching(/^`healthCheck` applies only to the NLB this construct defines from `targets`, but `networkLoadBalancer` was given/),
      expect.stringMatching(/^`securityGroups` applies only to the NLB this construct defines/),
    ]);
  });
});

describe('validateCreatedLoadBalancerProps', () => {
  test('accepts security groups with or without enforcement, and neither', () => {
    expect(validateCreatedLoadBalancerProps({ securityGroupCount: 0 })).toEqual([]);
    expect(validateCreatedLoadBalancerProps({ securityGroupCount: 1, enforceSecurityGroupInboundRules: true })).toEqual([]);
    expect(validateCreatedLoadBalancerProps({ securityGroupCount: 0, enforceSecurityGroupInboundRules: false })).toEqual([]);
  });

  test('fails on AZs given for a defined NLB', () => {
    expect(errors(validateCreatedLoadBalancerProps({ securityGroupCount: 0, availabilityZones: ['us-east-1a', 'us-east-1b'] }))).toEqual([
      expect.stringMatching(/^`availabilityZones` describes an existing `networkLoadBalancer`, got \[us-east-1a, us-east-1b\] with `targets`/),
    ]);
  });

  test('fails on enforcement without security groups', () => {
    expect(errors(validateCreatedLoadBalancerProps({ securityGroupCount: 0, enforceSecurityGroupInboundRules: true }))).toEqual([
      expect.stringMatching(/^`enforceSecurityGroupInboundRulesOnPrivateLinkTraffic` is true but `securityGroups` is empty/),
    ]);
  });
});

describe('validateLoadBalancerVpc', () => {
  const vpc = { vpcId: 'vpc-1', path: 'App/Vpc' };

  test('fails when the NLB is in another VPC, naming both', () => {
    expect(errors(validateLoadBalancerVpc({ vpcId: 'vpc-2', path: 'App/Other' }, vpc))).toEqual([
      "`networkLoadBalancer` is in the VPC at App/Other, but `vpc` is the VPC at App/Vpc; pass the NLB's own VPC as `vpc`",
    ]);
  });

  test('skips an NLB without a known VPC, the same VPC, and a token compared with a literal', () => {
    expect(validateLoadBalancerVpc(undefined, vpc)).toEqual([]);
    expect(validateLoadBalancerVpc({ vpcId: 'vpc-1', path: 'App/Imported' }, vpc)).toEqual([]);
    expect(validateLoadBalancerVpc({ vpcId: TOKEN, path: 'App/Other' }, vpc)).toEqual([]);
  });
});

describe('validateLoadBalancerSubnets', () => {
  test('fails without subnets, naming the prop that selected them and aws-cdk-lib\'s reason', () => {
    expect(errors(validateLoadBalancerSubnets(0, false, "There are no 'Isolated' subnet groups in this VPC"))).toEqual([
      expect.stringMatching(/^`vpc` has no private or isolated subnets, .* \(There are no 'Isolated' subnet groups in this VPC\); .* `vpcSubnets`$/),
    ]);
    expect(errors(validateLoadBalancerSubnets(0, true))).toEqual([expect.stringMatching(/^`vpcSubnets` selects no subnet of `vpc`, so the NLB/)]);
  });

  test('accepts any subnet', () => {
    expect(validateLoadBalancerSubnets(1, true)).toEqual([]);
  });
});

describe('validateParameterName', () => {
  const SERVICE_NAME_PARAMETER = { prop: 'serviceNameParameter', example: '/services/orders/endpoint-service-name' };

  const STACK = { partition: 'aws', region: 'us-east-1', account: '123456789012' };
  const PREFIX = 'arn:aws:ssm:us-east-1:123456789012:parameter/';

  test.each([
    '/services/orders/endpoint-service-name',
    'orders.service_name',
    `/${[...Array(15).keys()].join('/')}`,
    `/${'x'.repeat(1011 - PREFIX.length)}`,
  ])('accepts %s', name => {
    expect(validateParameterName(name, STACK, SERVICE_NAME_PARAMETER)).toEqual([]);
  });

  test.each([
    ['has space', 'only letters, digits and the symbols . - _ / are allowed'],
    ['caf\u00e9', 'only letters, digits and the symbols . - _ / are allowed'],
    ['/aws/reserved', 'it must not begin with aws or ssm (in any case)'],
    ['SSM-name', 'it must not begin with aws or ssm (in any case)'],
    ['orders/name', 'a name with a hierarchy must begin with /'],
    [`/${[...Array(16).keys()].join('/')}`, 'a hierarchy has at most 15 levels'],
    [`/${'x'.repeat(1012 - PREFIX.length)}`, 'the name with its ARN prefix may have at most 1011 characters, this one has 1012'],
  ])('fails on %s: %s', (name, problem) => {
    expect(errors(validateParameterName(name, STACK, SERVICE_NAME_PARAMETER))).toEqual([
      `\`serviceNameParameter\` is not a name SSM accepts, got '${name}': ${problem}; use a name like /services/orders/endpoint-service-name`,
    ]);
  });

  test('skips a token name', () => {
    expect(validateParameterName(TOKEN, STACK, SERVICE_NAME_PARAMETER)).toEqual([]);
    expect(validateParameterName(undefined, STACK, SERVICE_NAME_PARAMETER)).toEqual([]);
  });

  test('counts values known only at deploy time with their shortest length', () => {
    const agnostic = { partition: TOKEN, region: TOKEN, account: TOKEN };
    expect(validateParameterName(`/${'x'.repeat(1011 - PREFIX.length)}`, agnostic, SERVICE_NAME_PARAMETER)).toEqual([]);
    expect(errors(validateParameterName(`/${'x'.repeat(1012 - PREFIX.length)}`, agnostic, SERVICE_NAME_PARAMETER))).toHaveLength(1);
  });
});
