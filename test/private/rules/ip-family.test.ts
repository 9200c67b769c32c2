import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validateCrossRegionEndpoint } from '../../../src/private/rules/egress-vpc';
import { validateDnsRecordIpType, validateIpAddressType } from '../../../src/private/rules/ip-family';

const { IPV4, IPV6, DUALSTACK } = ec2.VpcEndpointIpAddressType;

describe('IP address type rules', () => {
  test('each type needs its address families in every subnet; unknown subnets are not judged', () => {
    const dualStack = { subnet: 'a', ipv4: true, ipv6: true };
    const ipv4Only = { subnet: 'b', ipv4: true, ipv6: false };
    const ipv6Only = { subnet: 'c', ipv4: false, ipv6: true };
    const imported = { subnet: 'subnet-1' };
    expect(validateIpAddressType('e', DUALSTACK, [dualStack, imported])).toEqual([]);
    expect(validateIpAddressType('e', IPV4, [dualStack, ipv4Only])).toEqual([]);
    expect(validateIpAddressType('e', IPV6, [ipv6Only])).toEqual([]);
    expect(validateIpAddressType('e', undefined, [ipv6Only])).toEqual([]);
    expect(validateIpAddressType('e', DUALSTACK, [ipv4Only, ipv6Only]).map(f => f.message)).toEqual([
      'e has `ipAddressType` dualstack, which needs subnets with both an IPv4 and an IPv6 range (a dual-stack subnet), '
      + 'but b, c have not. Select such subnets, or choose the IP address type the subnets have.',
    ]);
    expect(validateIpAddressType('e', IPV6, [dualStack])).toHaveLength(1);
    expect(validateIpAddressType('e', IPV4, [ipv6Only])).toHaveLength(1);
  });

  test('DNS record types need the addresses they point at; no IP address type means IPv4', () => {
    const { IPV4: A, IPV6: AAAA, DUALSTACK: BOTH, SERVICE_DEFINED } = ec2.VpcEndpointDnsRecordIpType;
    expect([[A, IPV4], [A, DUALSTACK], [AAAA, IPV6], [AAAA, DUALSTACK], [BOTH, DUALSTACK], [SERVICE_DEFINED, DUALSTACK], [A, undefined]]
      .flatMap(([record, address]) => validateDnsRecordIpType('e', record as ec2.VpcEndpointDnsRecordIpType, address as ec2.VpcEndpointIpAddressType)))
      .toEqual([]);
    expect([[A, IPV6], [AAAA, IPV4], [BOTH, IPV4], [SERVICE_DEFINED, IPV6], [AAAA, undefined]]
      .flatMap(([record, address]) => validateDnsRecordIpType('e', record as ec2.VpcEndpointDnsRecordIpType, address as ec2.VpcEndpointIpAddressType)))
      .toHaveLength(5);
  });
});

describe('cross-Region endpoint rules', () => {
  const base = { shortName: 's3', serviceName: 'com.amazonaws.eu-west-1.s3', serviceRegion: 'eu-west-1', stackRegion: 'us-east-1' };

  test('a listed service named in its Region passes, as does a PrivateLink endpoint service', () => {
    expect(validateCrossRegionEndpoint(base)).toEqual([]);
    expect(validateCrossRegionEndpoint({ ...base, shortName: 'vpce-svc-0123456789abcdef0', serviceName: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0' })).toEqual([]);
  });

  test('a malformed Region, and a name known only at deploy time, fail with the fix', () => {
    expect(validateCrossRegionEndpoint({ ...base, serviceRegion: 'Ireland' }).map(f => f.message)).toEqual([
      "`serviceRegion` of interface endpoint 's3' must be a Region name like eu-west-1, got 'Ireland'.",
    ]);
    expect(validateCrossRegionEndpoint({ ...base, serviceName: undefined })[0].message).toMatch(
      /known only at deploy time .* pass `new ec2.InterfaceVpcEndpointService\('com.amazonaws.eu-west-1.s3'\)`/);
  });
});
