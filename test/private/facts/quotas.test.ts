import { HUB_QUOTAS } from '../../../src/private/facts/quotas';
import { validateInterfaceEndpointQuota } from '../../../src/private/rules/egress-vpc';

describe('hub quotas', () => {
  test('give a VPC one profile, which nobody can raise', () => {
    expect(HUB_QUOTAS.profilesPerVpc).toMatchObject({ value: 1, adjustable: false });
  });

  test('share the interface endpoint quota with PrivateEgressVpc, whose rule fires just above it', () => {
    const quota = HUB_QUOTAS.interfaceEndpointsPerVpc.value;
    expect(validateInterfaceEndpointQuota(quota)).toEqual([]);
    expect(validateInterfaceEndpointQuota(quota + 1)).toHaveLength(1);
  });

  test('each name an AWS documentation page', () => {
    for (const quota of Object.values(HUB_QUOTAS)) {
      expect(quota.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });
});
