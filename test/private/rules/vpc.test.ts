import { Stack, Token } from 'aws-cdk-lib';
import {
  clientPeer,
  validateClientCidrs,
  validateOneSubnetPerAz,
  validateVpcDns,
  warnUnknownCidrBlocks,
  warnUnsupportedAzs,
} from '../../../src/private/rules/vpc';

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

  test('says the AZ is not known yet instead of naming aws-cdk-lib\'s placeholder for it', () => {
    const findings = validateOneSubnetPerAz('vpcSubnets', [
      { subnetId: 'Stack/Vpc/ASubnet1', availabilityZone: 'dummy1a' },
      { subnetId: 'Stack/Vpc/BSubnet1', availabilityZone: 'dummy1a' },
    ]);
    expect(findings.map(f => f.message)).toEqual([
      '`vpcSubnets` selects 2 subnets in one AZ (Stack/Vpc/ASubnet1, Stack/Vpc/BSubnet1); an interface endpoint takes at '
      + 'most one subnet per AZ. Narrow the selection (e.g. `subnetGroupName`) or set `onePerAz: true`. The AZ names are not '
      + 'known yet: the CDK CLI looks them up for the stack\'s account and Region (this needs credentials) and caches them '
      + 'in cdk.context.json.',
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

describe('clientCidrs', () => {
  test('takes IPv4 and IPv6 CIDR blocks and prefix lists, each rendered as its kind of peer', () => {
    const stack = new Stack();
    const rule = (entry: string) => stack.resolve(clientPeer(entry)!.toIngressRuleConfig());
    expect(rule('172.16.0.0/12')).toEqual({ cidrIp: '172.16.0.0/12' });
    expect(rule('2001:db8::/56')).toEqual({ cidrIpv6: '2001:db8::/56' });
    expect(rule('pl-0123456789abcdef0')).toEqual({ sourcePrefixListId: 'pl-0123456789abcdef0' });
    expect(validateClientCidrs(['172.16.0.0/12', '2001:db8::/56', 'pl-0123456789abcdef0', Token.asString({ Ref: 'OnPrem' })])).toEqual([]);
  });

  test('fails on anything else, naming every bad entry', () => {
    expect(validateClientCidrs(['10.0.0.0', '10.0.0.0/33', 'sg-0123456789abcdef0', '300.1.1.1/8']).map(f => f.message)).toEqual([
      '`clientCidrs` must hold IPv4 or IPv6 CIDR blocks (10.20.0.0/16, 2001:db8::/56) or prefix list IDs (pl-0123456789abcdef0), '
      + "got '10.0.0.0', '10.0.0.0/33', 'sg-0123456789abcdef0', '300.1.1.1/8'. Fix or remove them.",
    ]);
  });

  test('fails on IPv6 addresses that are not well formed, which EC2 would refuse at deploy', () => {
    // Found by the property tests: a pattern of hex digits and colons let these through.
    expect(validateClientCidrs(['1::2::3/64', '2001:db8:::/56', '1:2:3:4:5:6:7:8:9/64', '12345::/16', '::/0', 'fd00::1/128'])
      .map(f => f.message)).toEqual([
      '`clientCidrs` must hold IPv4 or IPv6 CIDR blocks (10.20.0.0/16, 2001:db8::/56) or prefix list IDs (pl-0123456789abcdef0), '
      + "got '1::2::3/64', '2001:db8:::/56', '1:2:3:4:5:6:7:8:9/64', '12345::/16'. Fix or remove them.",
    ]);
  });

  test('an imported VPC warns that its other CIDR blocks cannot be seen, unless clientCidrs is given', () => {
    expect(warnUnknownCidrBlocks(true, false, true)).toEqual([expect.objectContaining({ severity: 'warning', slug: 'cidrBlocksUnknown' })]);
    expect(warnUnknownCidrBlocks(true, true, true)).toEqual([]);
    expect(warnUnknownCidrBlocks(false, false, true)).toEqual([]);
    expect(warnUnknownCidrBlocks(true, false, false)).toEqual([]);
  });
});
