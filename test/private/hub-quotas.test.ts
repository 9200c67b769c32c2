import { INTERFACE_ENDPOINTS_PER_VPC_QUOTA } from '../../src/private/egress-vpc-rules';
import { HUB_QUOTAS } from '../../src/private/hub-quotas';

describe('hub quotas', () => {
  test('give a VPC one profile, which nobody can raise', () => {
    expect(HUB_QUOTAS.profilesPerVpc).toMatchObject({ value: 1, adjustable: false });
  });

  test('share the interface endpoint quota with PrivateEgressVpc', () => {
    expect(HUB_QUOTAS.interfaceEndpointsPerVpc.value).toBe(INTERFACE_ENDPOINTS_PER_VPC_QUOTA);
  });

  test('each name an AWS documentation page', () => {
    for (const quota of Object.values(HUB_QUOTAS)) {
      expect(quota.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });
});
