import { Token } from 'aws-cdk-lib';
import { validateOneSubnetPerAz, validateVpcDns, warnUnsupportedAzs } from '../../src/private/vpc-rules';

describe('validateOneSubnetPerAz', () => {
  test('rejects two subnets in one AZ, naming the prop, the AZ and the subnets', () => {
    const findings = validateOneSubnetPerAz('vpcSubnets', [
      { subnetId: 'subnet-1', availabilityZone: 'us-east-1a' },
      { subnetId: 'subnet-2', availabilityZone: 'us-east-1a' },
      { subnetId: 'subnet-3', availabilityZone: 'us-east-1b' },
    ]);
    expect(findings.map(f => f.message)).toEqual([
      '`vpcSubnets` selects 2 subnets in us-east-1a (subnet-1, subnet-2); an interface endpoint takes at most one '
      + 'subnet per AZ. Narrow the selection (e.g. `subnetGroupName`) or set `onePerAz: true`.',
    ]);
  });

  // Found by the EndpointConsumer property (test/properties): a VPC's subnet groups share its AZ tokens, and two
  // subnets with the same token are in the same AZ, which EC2 refuses at deploy.
  test('rejects two subnets with the same token AZ', () => {
    const az = Token.asString({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] });
    expect(validateOneSubnetPerAz('vpcSubnets', [{ subnetId: 'subnet-1', availabilityZone: az }, { subnetId: 'subnet-2', availabilityZone: az }])
      .map(f => f.message)).toEqual([
      '`vpcSubnets` selects 2 subnets in one AZ known only at deploy time (subnet-1, subnet-2); an interface endpoint takes at '
      + 'most one subnet per AZ. Narrow the selection (e.g. `subnetGroupName`) or set `onePerAz: true`.',
    ]);
  });

  test('skips different token AZs, which may or may not be one AZ', () => {
    const [first, second] = [0, 1].map(i => Token.asString({ 'Fn::Select': [i, { 'Fn::GetAZs': '' }] }));
    expect(validateOneSubnetPerAz('vpcSubnets', [{ subnetId: 'subnet-1', availabilityZone: first }, { subnetId: 'subnet-2', availabilityZone: second }]))
      .toEqual([]);
  });
});

describe('validateVpcDns', () => {
  test('rejects what needs DNS in a VPC with DNS support or hostnames off, naming the settings that are off', () => {
    expect(validateVpcDns(['`privateDnsEnabled`', '`domainName`'], true, false).map(f => f.message)).toEqual([
      "`privateDnsEnabled` and `domainName` need the VPC's DNS support and DNS hostnames, but the VPC has enableDnsHostnames "
      + 'set to false, so the names will not resolve. Turn both on in the VPC.',
    ]);
    expect(validateVpcDns(['`domainName`'], false, false).map(f => f.message)).toEqual([
      "`domainName` needs the VPC's DNS support and DNS hostnames, but the VPC has enableDnsSupport and enableDnsHostnames "
      + 'set to false, so the names will not resolve. Turn both on in the VPC.',
    ]);
  });

  test('accepts DNS on, unknown settings, or nothing that needs DNS', () => {
    expect(validateVpcDns(['`domainName`'], true, true)).toEqual([]);
    expect(validateVpcDns(['`domainName`'], undefined, undefined)).toEqual([]);
    expect(validateVpcDns([], false, false)).toEqual([]);
  });
});

describe('warnUnsupportedAzs', () => {
  test('warns once per AZ with a stable slug, naming the endpoint and the AZ', () => {
    const findings = warnUnsupportedAzs("interface endpoint 'ssm'", ['us-east-1c', 'us-east-1d']);
    expect(findings.map(f => [f.severity, f.slug])).toEqual([['warning', 'unsupportedAz'], ['warning', 'unsupportedAz']]);
    expect(findings[0].message).toBe("interface endpoint 'ssm' leaves out us-east-1c: the service is not available there. "
      + "Workloads in us-east-1c reach it through the endpoint's network interfaces in other AZs.");
  });
});
