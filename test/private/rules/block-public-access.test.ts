import { Token } from 'aws-cdk-lib';
import {
  exclusionElsewhereMessage,
  ExclusionTarget,
  validateNoInternetExclusions,
  validateSingleOptions,
  validateUniqueExclusions,
  warnBlockedVpcs,
  warnIneffectiveEgressExclusions,
} from '../../../src/private/rules/block-public-access';
import { Finding } from '../../../src/private/rules/findings';

const messages = (findings: Finding[]) => findings.map(finding => `${finding.severity} ${finding.slug}: ${finding.message}`);

const HERE = { account: '123456789012', region: 'us-east-1' };
const AGNOSTIC = { account: Token.asString({ Ref: 'AWS::AccountId' }), region: Token.asString({ Ref: 'AWS::Region' }) };

const vpc = (path: string, mode = 'allow-egress', noInternet?: ExclusionTarget['noInternet']): ExclusionTarget =>
  ({ kind: 'VPC', path, mode, noInternet });

describe('validateNoInternetExclusions', () => {
  test('accepts exclusions of VPCs that declare nothing', () => {
    expect(validateNoInternetExclusions([vpc('App/Web'), { kind: 'subnet', path: 'App/Web/Public1', mode: 'allow-bidirectional' }])).toEqual([]);
  });

  test('refuses the exclusion of a PrivateEgressVpc\'s VPC, naming the PrivateEgressVpc and the fix', () => {
    expect(messages(validateNoInternetExclusions([vpc('App/Egress/Vpc', 'allow-egress', { vpcPath: 'App/Egress/Vpc', privateEgressVpcPath: 'App/Egress' })])))
      .toEqual(['error undefined: the exclusion of the VPC at App/Egress/Vpc contradicts its VPC: the PrivateEgressVpc at App/Egress, which '
        + 'defines the VPC at App/Egress/Vpc, promises it no internet path, and VPC Block Public Access is what keeps a later internet gateway '
        + 'or route from opening it. Remove the exclusion; put workloads that need the internet in another VPC, and exclude that one.']);
  });

  test('refuses the exclusion of a subnet of a VPC declared with no internet path', () => {
    expect(messages(validateNoInternetExclusions([{ kind: 'subnet', path: 'App/Vpc/Isolated1', mode: 'allow-bidirectional', noInternet: { vpcPath: 'App/Vpc' } }])))
      .toEqual([expect.stringMatching(/^error undefined: the exclusion of the subnet at App\/Vpc\/Isolated1 contradicts its VPC: the VPC at App\/Vpc declares no internet path \(`NetworkRequirements.forbidInternet`\)/)]);
  });
});

describe('validateUniqueExclusions', () => {
  test('accepts a VPC and a subnet of it, each once', () => {
    expect(validateUniqueExclusions([vpc('App/Web'), { kind: 'subnet', path: 'App/Web/Public1', mode: 'allow-egress' }])).toEqual([]);
  });

  test('refuses a VPC or subnet given twice, once each, whatever the modes', () => {
    expect(messages(validateUniqueExclusions([vpc('App/Web'), vpc('App/Web', 'allow-bidirectional'), vpc('App/Web'), vpc('App/Batch')]))).toEqual([
      'error undefined: the VPC at App/Web is excluded more than once (`exclusions` and `addExclusion()`). Give each VPC or subnet one '
      + 'exclusion, with the mode it needs.',
    ]);
  });
});

describe('exclusionElsewhereMessage', () => {
  const web = { kind: 'VPC', path: 'Other/Web' };

  test('accepts a VPC of the same account and Region, in any stack', () => {
    expect(exclusionElsewhereMessage(web, HERE, HERE, false)).toBeUndefined();
    expect(exclusionElsewhereMessage(web, HERE, HERE, true)).toBeUndefined();
  });

  test('accepts a VPC of an environment-agnostic stack from that stack, where nothing can be compared, and an imported one by its ID', () => {
    expect(exclusionElsewhereMessage(web, AGNOSTIC, AGNOSTIC, true)).toBeUndefined();
    expect(exclusionElsewhereMessage(web, AGNOSTIC, AGNOSTIC, false)).toBeUndefined();
    expect(exclusionElsewhereMessage(web, AGNOSTIC, HERE, false)).toBeUndefined();
  });

  test('accepts a VPC of a Region-only stack of the same Region: its account may be this one', () => {
    expect(exclusionElsewhereMessage(web, { account: AGNOSTIC.account, region: 'us-east-1' }, HERE, true)).toBeUndefined();
  });

  test('refuses a VPC of another account or Region, with both environments', () => {
    expect(exclusionElsewhereMessage(web, { account: '111122223333', region: 'us-east-1' }, HERE, false)).toBe(
      'the VPC at Other/Web (account 111122223333, us-east-1) cannot be excluded by this VpcBlockPublicAccess (account 123456789012, '
      + 'us-east-1): VPC Block Public Access and its exclusions apply to the VPCs of their own account and Region, and CDK references a '
      + 'VPC of another stack only within one environment. Define a VpcBlockPublicAccess in a stack of the VPC\'s account and Region, and '
      + 'exclude it there.');
    expect(exclusionElsewhereMessage(web, { account: '123456789012', region: 'eu-west-1' }, HERE, true)).toMatch(/^the VPC at Other\/Web \(account 123456789012, eu-west-1\) cannot be excluded/);
  });

  test('refuses a VPC defined in another stack with a Region given on one side only', () => {
    expect(exclusionElsewhereMessage(web, AGNOSTIC, HERE, true))
      .toMatch(/^the VPC at Other\/Web \(an account known at deploy time, a Region known at deploy time\) cannot be excluded/);
    expect(exclusionElsewhereMessage(web, HERE, AGNOSTIC, true)).toMatch(/by this VpcBlockPublicAccess \(an account known at deploy time, a Region known at deploy time\)/);
  });
});

describe('validateSingleOptions', () => {
  test('accepts the only options of the account and Region', () => {
    expect(validateSingleOptions('account 123456789012 in us-east-1', [])).toEqual([]);
  });

  test('refuses others, naming each', () => {
    expect(messages(validateSingleOptions('account 123456789012 in us-east-1', ['the VpcBlockPublicAccess at Other/Block']))).toEqual([
      'error undefined: VPC Block Public Access is set once per account and Region, but the VpcBlockPublicAccess at Other/Block also sets it '
      + 'for account 123456789012 in us-east-1. Keep one VpcBlockPublicAccess per account and Region, and give it every exclusion.',
    ]);
    expect(messages(validateSingleOptions('the account and Region of this stack', ['a', 'b']))).toEqual([
      expect.stringContaining('but a, b also set it for the account and Region of this stack.'),
    ]);
  });
});

describe('warnBlockedVpcs', () => {
  const isolated = { path: 'App/Isolated', internetGateway: false, egressOnlyInternetGateway: false };
  const web = { path: 'App/Web', internetGateway: true, egressOnlyInternetGateway: false };
  const ipv6 = { path: 'App/Ipv6', internetGateway: false, egressOnlyInternetGateway: true };
  const dualStack = { path: 'App/Dual', internetGateway: true, egressOnlyInternetGateway: true };

  test('says nothing of a VPC with no gateway to the internet', () => {
    expect(warnBlockedVpcs('block-bidirectional', [isolated])).toEqual([]);
    expect(warnBlockedVpcs('block-ingress', [isolated])).toEqual([]);
  });

  test('warns of every gateway under the bidirectional block', () => {
    expect(messages(warnBlockedVpcs('block-bidirectional', [web, ipv6, dualStack]))).toEqual([
      expect.stringMatching(/^warning vpcBlocked: the VPC at App\/Web has an internet gateway and no exclusion: with `mode` BLOCK_BIDIRECTIONAL, AWS blocks all its internet traffic, inbound and outbound/),
      expect.stringMatching(/^warning vpcBlocked: the VPC at App\/Ipv6 has an egress-only internet gateway and no exclusion/),
      expect.stringMatching(/^warning vpcBlocked: the VPC at App\/Dual has an internet gateway and an egress-only internet gateway and no exclusion/),
    ]);
  });

  test('warns of internet gateways only under the ingress block, which lets egress-only gateways work', () => {
    expect(messages(warnBlockedVpcs('block-ingress', [web, ipv6]))).toEqual([
      expect.stringMatching(/^warning vpcBlocked: the VPC at App\/Web has an internet gateway and no exclusion: with `mode` BLOCK_INGRESS, AWS blocks its internet traffic except the outbound connections of its NAT gateways/),
    ]);
  });
});

describe('warnIneffectiveEgressExclusions', () => {
  test('says nothing under the bidirectional block, where egress-only exclusions apply', () => {
    expect(warnIneffectiveEgressExclusions('block-bidirectional', [vpc('App/Web', 'allow-egress')])).toEqual([]);
  });

  test('warns of egress-only exclusions under the ingress block, and not of bidirectional ones', () => {
    expect(messages(warnIneffectiveEgressExclusions('block-ingress', [vpc('App/Web', 'allow-egress'), vpc('App/Batch', 'allow-bidirectional')]))).toEqual([
      expect.stringMatching(/^warning egressExclusionIgnored: the exclusion of the VPC at App\/Web is ALLOW_EGRESS, which AWS applies only when VPC Block Public Access is BLOCK_BIDIRECTIONAL/),
    ]);
  });
});
