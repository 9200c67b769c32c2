import { Token } from 'aws-cdk-lib';
import { disabledVpcDnsSettings, validateOneSubnetPerAz } from '../../src/private/vpc-rules';

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

  test('skips token AZs', () => {
    const az = Token.asString({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] });
    expect(validateOneSubnetPerAz('vpcSubnets', [{ subnetId: 'subnet-1', availabilityZone: az }, { subnetId: 'subnet-2', availabilityZone: az }])).toEqual([]);
  });
});

describe('disabledVpcDnsSettings', () => {
  test('names the settings that are off, and not the unknown ones', () => {
    expect(disabledVpcDnsSettings(false, false)).toEqual(['enableDnsSupport', 'enableDnsHostnames']);
    expect(disabledVpcDnsSettings(true, false)).toEqual(['enableDnsHostnames']);
    expect(disabledVpcDnsSettings(undefined, undefined)).toEqual([]);
  });
});
