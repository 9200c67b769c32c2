import { LATTICE_QUOTAS } from '../../../src/private/facts/quotas';

const LATTICE_PAGE = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/quotas.html';
const PRIVATELINK_PAGE = 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html';

/**
 * The defaults as "Quotas for Amazon VPC Lattice" and "AWS PrivateLink quotas" state them, for every VPC Lattice quota the
 * constructs may check. A row of LATTICE_QUOTAS must be one of these and carry these values.
 */
const DOCUMENTED = {
  resourceConfigurationsPerServiceNetwork: { value: 500, adjustable: true, source: LATTICE_PAGE },
  servicesPerServiceNetwork: { value: 500, adjustable: true, source: LATTICE_PAGE },
  childConfigurationsPerGroup: { value: 60, adjustable: true, source: LATTICE_PAGE },
  domainVerificationsPerRegion: { value: 5, adjustable: true, source: LATTICE_PAGE },
  serviceNetworkEndpointsPerVpc: { value: 50, adjustable: true, source: PRIVATELINK_PAGE },
  serviceNetworkEndpointsPerServiceNetwork: { value: 200, adjustable: true, source: LATTICE_PAGE },
  vpcAssociationsPerServiceNetwork: { value: 500, adjustable: true, source: LATTICE_PAGE },
  serviceNetworksPerVpcAssociation: { value: 1, adjustable: false, source: LATTICE_PAGE },
  securityGroupsPerAssociation: { value: 5, adjustable: false, source: LATTICE_PAGE },
  resourceEndpointsPerVpc: { value: 200, adjustable: true, source: PRIVATELINK_PAGE },
} as const;

describe('LATTICE_QUOTAS', () => {
  test('each name an AWS documentation page and a quota name', () => {
    for (const quota of Object.values(LATTICE_QUOTAS)) {
      expect(quota.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(quota.name).not.toEqual('');
    }
  });

  test('hold the quotas the constructs check, and not those the stack budget guards', () => {
    // The 500 resource configurations and services of a service network are each one resource in the network's stack, which
    // the 500-resources-per-stack check already covers; its 500 VPC associations are mostly in accounts the app cannot see.
    expect(Object.keys(LATTICE_QUOTAS).sort()).toEqual([
      'childConfigurationsPerGroup',
      'domainVerificationsPerRegion',
      'resourceEndpointsPerVpc',
      'securityGroupsPerAssociation',
      'serviceNetworkEndpointsPerServiceNetwork',
      'serviceNetworkEndpointsPerVpc',
      'serviceNetworksPerVpcAssociation',
    ]);
  });

  test.each(Object.entries(LATTICE_QUOTAS))('%s has the value its page states', (key, quota) => {
    expect(DOCUMENTED).toHaveProperty([key]);
    expect({ value: quota.value, adjustable: quota.adjustable, source: quota.source }).toEqual(DOCUMENTED[key as keyof typeof DOCUMENTED]);
  });

  test('refuse an increase only where AWS does', () => {
    expect(LATTICE_QUOTAS.serviceNetworksPerVpcAssociation).toMatchObject({ value: 1, adjustable: false });
    expect(LATTICE_QUOTAS.securityGroupsPerAssociation).toMatchObject({ value: 5, adjustable: false });
    const fixed = Object.entries(LATTICE_QUOTAS).filter(([, quota]) => !quota.adjustable).map(([key]) => key).sort();
    expect(fixed).toEqual(['securityGroupsPerAssociation', 'serviceNetworksPerVpcAssociation']);
  });
});
