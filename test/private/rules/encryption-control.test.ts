import {
  EncryptionRelevantContents,
  validateEnforceContents,
  validateOneControlPerVpc,
  warnMonitorExclusions,
  warnUncheckedContents,
  warnUnneededExclusions,
} from '../../../src/private/rules/encryption-control';
import { Finding } from '../../../src/private/rules/findings';

const messages = (findings: Finding[]) => findings.map(finding => `${finding.severity} ${finding.slug}: ${finding.message}`);

const EMPTY: EncryptionRelevantContents = { excludable: {}, neverAllowedInEnforce: [], otherControls: [], complete: true };
const ENFORCE = { enforce: true, exclusions: [] };
const MONITOR = { enforce: false, exclusions: [] };

describe('validateOneControlPerVpc', () => {
  test('accepts a VPC with no other control', () => {
    expect(validateOneControlPerVpc('Stack/Vpc', [])).toEqual([]);
  });

  test('names every other control', () => {
    expect(messages(validateOneControlPerVpc('Stack/Vpc', ['Stack/A', 'Stack/B']))).toEqual([
      'error undefined: the VPC Stack/Vpc has another encryption control: Stack/A, Stack/B. A VPC has at most one '
      + '(https://docs.aws.amazon.com/vpc/latest/userguide/vpc-encryption-controls.html); CloudFormation would fail to create the '
      + 'second. Keep one of them.',
    ]);
  });
});

describe('validateEnforceContents', () => {
  const contents = { ...EMPTY, excludable: { NAT_GATEWAY: ['Stack/Nat1', 'Stack/Nat2'], LAMBDA: [] } };

  test('accepts any contents in monitor mode', () => {
    expect(validateEnforceContents(MONITOR, { ...contents, neverAllowedInEnforce: ['Stack/Gwlb'] })).toEqual([]);
  });

  test('accepts a refused kind that is excluded, and a kind with no resources', () => {
    expect(validateEnforceContents({ enforce: true, exclusions: ['NAT_GATEWAY'] }, contents)).toEqual([]);
  });

  test('fails for a refused kind with no exclusion, naming its resources and both fixes', () => {
    expect(messages(validateEnforceContents(ENFORCE, contents))).toEqual([
      'error undefined: `mode` is ENFORCE, but the VPC has a NAT gateway with no exclusion: Stack/Nat1, Stack/Nat2. Enforce mode '
      + 'refuses it unless excluded (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-encryption-controls.html), so the '
      + 'deployment would fail. Add `EncryptionControlExclusion.NAT_GATEWAY` to `exclusions` (you then answer for encrypting that '
      + 'traffic), remove the resource, or use `EncryptionControlMode.MONITOR`.',
    ]);
  });

  test('fails for what no exclusion covers, even with every exclusion', () => {
    const all = ['INTERNET_GATEWAY', 'EGRESS_ONLY_INTERNET_GATEWAY', 'NAT_GATEWAY', 'VIRTUAL_PRIVATE_GATEWAY', 'VPC_PEERING',
      'VPC_LATTICE', 'ELASTIC_FILE_SYSTEM', 'LAMBDA'];
    expect(messages(validateEnforceContents({ enforce: true, exclusions: all }, { ...EMPTY, neverAllowedInEnforce: ['Stack/Firewall'] }))).toEqual([
      'error undefined: `mode` is ENFORCE, but the VPC has a Gateway Load Balancer or an AWS Network Firewall: Stack/Firewall. '
      + 'Neither is supported in enforce mode and no exclusion covers them '
      + '(https://docs.aws.amazon.com/vpc/latest/userguide/vpc-encryption-controls.html). Use `EncryptionControlMode.MONITOR`, or '
      + 'move them to another VPC.',
    ]);
  });
});

describe('warnMonitorExclusions', () => {
  test('says nothing in enforce mode, or without exclusions', () => {
    expect(warnMonitorExclusions({ enforce: true, exclusions: ['LAMBDA'] })).toEqual([]);
    expect(warnMonitorExclusions(MONITOR)).toEqual([]);
  });

  test('warns that exclusions change nothing in monitor mode', () => {
    expect(messages(warnMonitorExclusions({ enforce: false, exclusions: ['LAMBDA', 'NAT_GATEWAY'] }))).toEqual([
      'warning exclusionsWithoutEffect: `exclusions` (LAMBDA, NAT_GATEWAY) are given with `mode` MONITOR, which blocks nothing: '
      + 'exclusions only take effect in enforce mode. Remove them, or keep them ready for `EncryptionControlMode.ENFORCE`.',
    ]);
  });
});

describe('warnUnneededExclusions', () => {
  const choice = { enforce: true, exclusions: ['NAT_GATEWAY', 'VPC_LATTICE'] };

  test('says nothing when every exclusion covers something', () => {
    expect(warnUnneededExclusions(choice, { ...EMPTY, excludable: { NAT_GATEWAY: ['Stack/Nat'], VPC_LATTICE: ['Stack/Association'] } })).toEqual([]);
  });

  test('says nothing in monitor mode, or for a VPC whose contents are not all known', () => {
    expect(warnUnneededExclusions({ ...choice, enforce: false }, EMPTY)).toEqual([]);
    expect(warnUnneededExclusions(choice, { ...EMPTY, complete: false })).toEqual([]);
  });

  test('names the exclusions that cover nothing', () => {
    expect(messages(warnUnneededExclusions(choice, { ...EMPTY, excludable: { NAT_GATEWAY: ['Stack/Nat'] } }))).toEqual([
      'warning unneededExclusion: `exclusions` has `EncryptionControlExclusion.VPC_LATTICE`, but the VPC has nothing of that kind '
      + '(VPC Lattice). An exclusion exempts anything of its kind added later as well, which weakens enforcement for nothing. '
      + 'Remove it until the VPC needs it.',
    ]);
  });
});

describe('warnUncheckedContents', () => {
  test('says nothing for a VPC defined in the app, or in monitor mode', () => {
    expect(warnUncheckedContents(ENFORCE, EMPTY)).toEqual([]);
    expect(warnUncheckedContents(MONITOR, { ...EMPTY, complete: false })).toEqual([]);
  });

  test('warns in enforce mode on an imported VPC, with the way to check it', () => {
    expect(messages(warnUncheckedContents(ENFORCE, { ...EMPTY, complete: false }))).toEqual([
      'warning contentsUnchecked: `mode` is ENFORCE on an imported VPC, whose existing resources cannot be checked at synth. AWS '
      + 'enables encryption controls on an existing VPC in monitor mode first '
      + '(https://docs.aws.amazon.com/vpc/latest/userguide/vpc-encryption-controls.html): deploy with '
      + '`EncryptionControlMode.MONITOR`, list what blocks enforcement with `aws ec2 get-vpc-resources-blocking-encryption-enforcement '
      + '--vpc-id <id>`, add the exclusions it needs, then switch to ENFORCE.',
    ]);
  });
});
