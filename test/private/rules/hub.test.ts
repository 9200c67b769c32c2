import { Token } from 'aws-cdk-lib';
import { Finding } from '../../../src/private/rules/findings';
import {
  associatedVpcEnvironmentMessage,
  validateProfileId,
  validateRoutesLeaveVpc,
  warnGatewayServicesCentralized,
  validateVpcsPerZone,
  warnHostedZoneQuota,
  warnOnPremisesNotAdmitted,
  warnSpokesNeedGatewayEndpoints,
  warnVpcsPerProfile,
  warnProfilesPerAccountAndRegion,
} from '../../../src/private/rules/hub';

const messages = (findings: Finding[]) => findings.map(finding => `${finding.severity} ${finding.slug}: ${finding.message}`);

describe('quotas', () => {
  test('warns above 500 hosted zones per account', () => {
    expect(warnHostedZoneQuota(500)).toEqual([]);
    expect(messages(warnHostedZoneQuota(501))).toEqual([expect.stringMatching(
      /^warning hostedZoneQuota: the hub defines 501 private hosted zones, above the default quota of 500 hosted zones per account \(https:\/\/docs.aws.amazon.com\/Route53\/latest\/DeveloperGuide\/DNSLimitations.html\)/)]);
  });

  test('refuses more than 300 VPCs per private hosted zone, which cannot be raised', () => {
    expect(validateVpcsPerZone(300)).toEqual([]);
    expect(messages(validateVpcsPerZone(301))).toEqual([expect.stringMatching(
      /^error undefined: each hub zone is associated with 301 VPCs \(the hub's and 300 from `associateVpc\(\)`\), above the 300 VPCs a private hosted zone takes, which cannot be raised/)]);
  });

  test('warns above five Route 53 Profiles per account and Region', () => {
    expect(warnProfilesPerAccountAndRegion(5)).toEqual([]);
    expect(messages(warnProfilesPerAccountAndRegion(6))).toEqual([expect.stringMatching(
      /^warning profilesPerAccountAndRegion: the app defines 6 Route 53 Profiles \(one per hub\) for this hub's account and Region, above the default quota of 5/)]);
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

describe('validateProfileId', () => {
  test('takes a profile ID, or a value known only at deploy time', () => {
    expect(validateProfileId('rp-4987774726example')).toEqual([]);
    expect(validateProfileId(Token.asString({ 'Fn::ImportValue': 'Hub:ProfileId' }))).toEqual([]);
    expect(validateProfileId(undefined)).toEqual([]);
  });

  test.each(['', ' rp-1', 'rp-', 'profile'])('refuses %j', profileId => {
    expect(messages(validateProfileId(profileId))).toEqual([expect.stringMatching(/^error undefined: `profileId` must be a Route 53 Profile ID/)]);
  });
});

describe('validateRoutesLeaveVpc', () => {
  test('refuses each destination inside the VPC, naming the block', () => {
    expect(messages(validateRoutesLeaveVpc('hubCidrs', 'the spoke VPC', [{ cidr: '10.1.2.0/24', within: '10.1.0.0/16' }]))).toEqual([
      expect.stringMatching(/^error undefined: `hubCidrs` entry 10\.1\.2\.0\/24 is inside the spoke VPC's own block 10\.1\.0\.0\/16: EC2 refuses/),
    ]);
    expect(validateRoutesLeaveVpc('hubCidrs', 'the spoke VPC', [])).toEqual([]);
  });
});

describe('associatedVpcEnvironmentMessage', () => {
  const hub = { account: '111111111111', region: 'us-east-1' };

  test('is none for a VPC of the hub\'s account and Region', () => {
    expect(associatedVpcEnvironmentMessage('Vpc', hub, hub)).toBeUndefined();
  });

  test('refuses another account, with the profile as the fix', () => {
    expect(associatedVpcEnvironmentMessage('Other/Vpc', { ...hub, account: '222222222222' }, hub))
      .toMatch(/^`associateVpc` got the VPC at Other\/Vpc in account 222222222222, but the hub is in account 111111111111: .*CentralEndpointSpoke there\.$/);
  });

  test('refuses another Region, or an environment-agnostic stack', () => {
    expect(associatedVpcEnvironmentMessage('Other/Vpc', { ...hub, region: 'eu-west-1' }, hub))
      .toMatch(/^`associateVpc` got the VPC at Other\/Vpc in eu-west-1, but the hub is in us-east-1/);
    expect(associatedVpcEnvironmentMessage('Other/Vpc', { account: Token.asString({ Ref: 'AWS::AccountId' }), region: Token.asString({ Ref: 'AWS::Region' }) }, hub))
      .toMatch(/in an environment-agnostic stack, but the hub is in us-east-1/);
  });
});

describe('warnOnPremisesNotAdmitted', () => {
  test('is silent when every on-premises block is admitted', () => {
    expect(warnOnPremisesNotAdmitted([])).toEqual([]);
  });

  test('names the blocks the endpoints would refuse, with clientCidrs as the fix', () => {
    expect(messages(warnOnPremisesNotAdmitted(['192.168.0.0/16', '172.16.0.0/12']))).toEqual([
      'warning onPremisesNotAdmitted: `inboundResolver.onPremisesCidrs` includes 192.168.0.0/16, 172.16.0.0/12, which no '
      + '`clientCidrs` entry holds: clients there would resolve the services\' names to the hub\'s endpoints, whose security '
      + 'group then refuses them. Add them to `clientCidrs` (and route to them), or acknowledge this warning if they only '
      + 'resolve names.',
    ]);
  });
});
