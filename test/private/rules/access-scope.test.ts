import { validateScopeSubnets, warnEgressOnlyRoutes } from '../../../src/private/rules/access-scope';
import { Finding } from '../../../src/private/rules/findings';
import { validateResourceTypeInRegion } from '../../../src/private/rules/resource-availability';

const messages = (findings: Finding[]) => findings.map(finding => `${finding.severity} ${finding.slug}: ${finding.message}`);
const SUBNETS = { count: 0, selectionGiven: false, vpcDefinedInApp: true };

describe('validateScopeSubnets', () => {
  test('accepts a scope with subnets', () => {
    expect(validateScopeSubnets({ ...SUBNETS, count: 2 })).toEqual([]);
  });

  test.each([
    [{ selectionProblem: 'There are no \'Public\' subnet groups in this VPC' },
      '`vpcSubnets` selects no subnet: There are no \'Public\' subnet groups in this VPC. Select subnets the VPC has.'],
    [{ selectionGiven: true },
      '`vpcSubnets` selects no subnet of the VPC, so the scope would state nothing. Select the subnets whose workloads must not reach the internet.'],
    [{ vpcDefinedInApp: false },
      'the imported VPC names no private or isolated subnets, so the scope would state nothing. Import it with `privateSubnetIds` '
      + 'or `isolatedSubnetIds` (ec2.Vpc.fromVpcAttributes), or give `vpcSubnets` with `subnets`.'],
    [{},
      'the VPC has no private or isolated subnets, so the scope would state nothing. Give `vpcSubnets` with the subnets whose '
      + 'workloads must not reach the internet.'],
  ])('fails for no subnet (%j)', (given, message) => {
    expect(messages(validateScopeSubnets({ ...SUBNETS, ...given }))).toEqual([`error undefined: ${message}`]);
  });
});

describe('warnEgressOnlyRoutes', () => {
  test('says nothing without such routes', () => {
    expect(warnEgressOnlyRoutes([])).toEqual([]);
  });

  test('names the routes the scope cannot see', () => {
    expect(messages(warnEgressOnlyRoutes(['Stack/Route']))).toEqual([
      'warning egressOnlyGatewayNotAnalyzed: the VPC routes IPv6 traffic to an egress-only internet gateway (Stack/Route). '
      + 'Network Access Analyzer cannot name one in a scope '
      + '(https://docs.aws.amazon.com/vpc/latest/network-access-analyzer/resource-statement.html), so no finding will show these '
      + 'paths. Remove the routes if the subnets must not reach the internet over IPv6, or rely on VPC Block Public Access for IPv6.',
    ]);
  });
});

describe('validateResourceTypeInRegion', () => {
  test.each(['us-east-1', 'us-gov-west-1', 'xx-east-9', '${Token[AWS.Region.1]}'])('accepts %s', region => {
    expect(validateResourceTypeInRegion('AWS::EC2::VPCEncryptionControl', region)).toEqual([]);
  });

  test('accepts a type CloudFormation has in China', () => {
    expect(validateResourceTypeInRegion('AWS::EC2::VPC', 'cn-north-1')).toEqual([]);
  });

  test.each(['cn-north-1', 'cn-northwest-1'])('fails in %s for a type CloudFormation lacks there', region => {
    expect(messages(validateResourceTypeInRegion('AWS::EC2::NetworkInsightsAccessScope', region))).toEqual([
      `error undefined: AWS::EC2::NetworkInsightsAccessScope does not exist in ${region}: CloudFormation has no such resource type `
      + 'there, so the stack would fail to create. Deploy the stack to another Region, or leave the construct out.',
    ]);
  });

  test('fails outside China where the table says so, with the fix given', () => {
    expect(messages(validateResourceTypeInRegion('AWS::EC2::VPCEncryptionControl', 'ap-northeast-2', 'Use MONITOR elsewhere.'))).toEqual([
      'error undefined: AWS::EC2::VPCEncryptionControl does not exist in ap-northeast-2: CloudFormation has no such resource type '
      + 'there, so the stack would fail to create. Use MONITOR elsewhere.',
    ]);
  });

  test('refuses fail-open where CloudFormation has no firewall config, and accepts it elsewhere', () => {
    expect(validateResourceTypeInRegion('AWS::Route53Resolver::FirewallConfig', 'us-east-1')).toEqual([]);
    expect(messages(validateResourceTypeInRegion('AWS::Route53Resolver::FirewallConfig', 'us-gov-west-1'))).toEqual([
      expect.stringMatching(/^error undefined: AWS::Route53Resolver::FirewallConfig does not exist in us-gov-west-1/),
    ]);
  });
});
