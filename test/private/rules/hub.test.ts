import { Finding } from '../../../src/private/rules/findings';
import {
  warnGatewayServicesCentralized,
  warnHostedZoneQuota,
  warnSpokesNeedGatewayEndpoints,
  warnVpcsPerProfile,
  warnVpcsPerZone,
} from '../../../src/private/rules/hub';

const messages = (findings: Finding[]) => findings.map(finding => `${finding.severity} ${finding.slug}: ${finding.message}`);

describe('quotas', () => {
  test('warns above 500 hosted zones per account', () => {
    expect(warnHostedZoneQuota(500)).toEqual([]);
    expect(messages(warnHostedZoneQuota(501))).toEqual([expect.stringMatching(
      /^warning hostedZoneQuota: the hub defines 501 private hosted zones, above the default quota of 500 hosted zones per account \(https:\/\/docs.aws.amazon.com\/Route53\/latest\/DeveloperGuide\/DNSLimitations.html\)/)]);
  });

  test('warns above 100 VPCs per private hosted zone', () => {
    expect(warnVpcsPerZone(100)).toEqual([]);
    expect(messages(warnVpcsPerZone(101))).toEqual([expect.stringMatching(
      /^warning vpcsPerZone: each hub zone is associated with 101 VPCs \(the hub's and 100 from `associateVpc\(\)`\), above the default quota of 100/)]);
  });

  test('warns above 1,000 VPCs per profile', () => {
    expect(warnVpcsPerProfile(1000)).toEqual([]);
    expect(messages(warnVpcsPerProfile(1001))).toEqual([expect.stringMatching(
      /^warning vpcsPerProfile: 1001 spokes in this app associate with the hub's profile, above the default quota of 1000 VPCs per Route 53 Profile/)]);
  });
});

describe('gateway services', () => {
  test('names every centralized gateway service', () => {
    expect(warnGatewayServicesCentralized(['sts', 'ssm'])).toEqual([]);
    expect(messages(warnGatewayServicesCentralized(['s3', 'sts', 'dynamodb']))).toEqual([expect.stringMatching(
      /^warning gatewayServiceCentralized: s3 and dynamodb are centralized: /)]);
  });

  test('names each bundle with the gateway endpoints its spokes need', () => {
    expect(warnSpokesNeedGatewayEndpoints([{ name: 'SESSION_MANAGER', requiredGatewayEndpoints: [] }])).toEqual([]);
    expect(messages(warnSpokesNeedGatewayEndpoints([
      { name: 'ECR_IMAGE_PULL', requiredGatewayEndpoints: ['s3'] },
      { name: 'SESSION_MANAGER', requiredGatewayEndpoints: [] },
    ]))).toEqual([expect.stringMatching(/^warning spokesNeedGatewayEndpoints: bundles depend on gateway endpoints \(ECR_IMAGE_PULL needs s3\), /)]);
  });
});
