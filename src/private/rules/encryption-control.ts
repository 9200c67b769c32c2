import { error, Finding, warning } from './findings';
import { ENCRYPTION_CONTROLS_GUIDE, EXCLUSION_FACTS } from '../facts/encryption-exclusions';

/** The mode and exclusions a `VpcEncryptionControl` asks for. */
export interface EncryptionControlChoice {
  readonly enforce: boolean;
  /** `EncryptionControlExclusion` values, without repeats. */
  readonly exclusions: readonly string[];
}

/** What the app puts in or attaches to the VPC that matters to encryption controls, by construct path. */
export interface EncryptionRelevantContents {
  /** The resources each exclusion covers, by `EncryptionControlExclusion` value; kinds with none may be absent. */
  readonly excludable: { readonly [exclusion: string]: readonly string[] };
  /** Gateway Load Balancers and Network Firewall firewalls, which enforce mode refuses and no exclusion covers. */
  readonly neverAllowedInEnforce: readonly string[];
  /** The other encryption controls on the VPC: `VpcEncryptionControl`s, L1s, or a VPC's own `VpcEncryptionControl` property. */
  readonly otherControls: readonly string[];
  /** Whether the VPC is defined in the app, so that these are all it contains; false for an imported VPC. */
  readonly complete: boolean;
}

const exclusionName = (exclusion: string) => `\`EncryptionControlExclusion.${exclusion}\``;

/**
 * "Each VPC can have only one VPC encryption control associated with it" (AWS News Blog, "Introducing VPC encryption
 * controls", 2025-11-21); the EC2 API's `Vpc` carries one `EncryptionControl`.
 */
export function validateOneControlPerVpc(vpcPath: string, otherControls: readonly string[]): Finding[] {
  if (otherControls.length === 0) {
    return [];
  }
  return [error(`the VPC ${vpcPath} has another encryption control: ${otherControls.join(', ')}. A VPC has at most one `
    + `(${ENCRYPTION_CONTROLS_GUIDE}); CloudFormation would fail to create the second. Keep one of them.`)];
}

/**
 * In enforce mode AWS refuses to create or attach what allows unencrypted traffic unless an exclusion covers its kind
 * ("When enabled, enforce mode prevents you from creating or attaching unencrypted VPC resources such as ... internet
 * gateways"), and refuses to switch a VPC to enforce mode while such resources are there without exclusions. Gateway Load
 * Balancers and Network Firewall "are not supported with VPCs in enforce mode" and cannot be excluded.
 */
export function validateEnforceContents(choice: EncryptionControlChoice, contents: EncryptionRelevantContents): Finding[] {
  if (!choice.enforce) {
    return [];
  }
  const findings: Finding[] = [];
  for (const [exclusion, paths] of Object.entries(contents.excludable)) {
    if (paths.length > 0 && !choice.exclusions.includes(exclusion)) {
      findings.push(error(`\`mode\` is ENFORCE, but the VPC has ${EXCLUSION_FACTS[exclusion].description} with no exclusion: `
        + `${paths.join(', ')}. Enforce mode refuses it unless excluded (${ENCRYPTION_CONTROLS_GUIDE}), so the deployment would `
        + `fail. Add ${exclusionName(exclusion)} to \`exclusions\` (you then answer for encrypting that traffic), remove the `
        + 'resource, or use `EncryptionControlMode.MONITOR`.'));
    }
  }
  if (contents.neverAllowedInEnforce.length > 0) {
    findings.push(error('`mode` is ENFORCE, but the VPC has a Gateway Load Balancer or an AWS Network Firewall: '
      + `${contents.neverAllowedInEnforce.join(', ')}. Neither is supported in enforce mode and no exclusion covers them `
      + `(${ENCRYPTION_CONTROLS_GUIDE}). Use \`EncryptionControlMode.MONITOR\`, or move them to another VPC.`));
  }
  return findings;
}

/**
 * Exclusions are exceptions to enforcement ("you must add these exclusions when switching from monitor to enforce mode"):
 * monitor mode enforces nothing, so they change nothing until the mode is ENFORCE.
 */
export function warnMonitorExclusions(choice: EncryptionControlChoice): Finding[] {
  if (choice.enforce || choice.exclusions.length === 0) {
    return [];
  }
  return [warning('exclusionsWithoutEffect', `\`exclusions\` (${choice.exclusions.join(', ')}) are given with \`mode\` MONITOR, `
    + 'which blocks nothing: exclusions only take effect in enforce mode. Remove them, or keep them ready for '
    + '`EncryptionControlMode.ENFORCE`.')];
}

/**
 * An exclusion lets its whole kind carry traffic AWS does not check, now and for whatever is added to the VPC later: one
 * that covers nothing the VPC has weakens enforcement for nothing. Only decidable for a VPC defined in the app.
 */
export function warnUnneededExclusions(choice: EncryptionControlChoice, contents: EncryptionRelevantContents): Finding[] {
  if (!choice.enforce || !contents.complete) {
    return [];
  }
  const unneeded = choice.exclusions.filter(exclusion => (contents.excludable[exclusion] ?? []).length === 0);
  if (unneeded.length === 0) {
    return [];
  }
  return [warning('unneededExclusion', `\`exclusions\` has ${unneeded.map(exclusionName).join(', ')}, but the VPC has nothing `
    + `of that kind (${unneeded.map(exclusion => EXCLUSION_FACTS[exclusion].description).join(', ')}). An exclusion exempts anything of its `
    + 'kind added later as well, which weakens enforcement for nothing. Remove it until the VPC needs it.')];
}

/**
 * An imported VPC's resources are not in the app, so only what the app adds to it is checked: AWS refuses to switch a VPC
 * that has resources without exclusions to enforce mode, and enables controls on existing VPCs in monitor mode first.
 */
export function warnUncheckedContents(choice: EncryptionControlChoice, contents: EncryptionRelevantContents): Finding[] {
  if (!choice.enforce || contents.complete) {
    return [];
  }
  return [warning('contentsUnchecked', '`mode` is ENFORCE on an imported VPC, whose existing resources cannot be checked at '
    + `synth. AWS enables encryption controls on an existing VPC in monitor mode first (${ENCRYPTION_CONTROLS_GUIDE}): deploy `
    + 'with `EncryptionControlMode.MONITOR`, list what blocks enforcement with `aws ec2 '
    + 'get-vpc-resources-blocking-encryption-enforcement --vpc-id <id>`, add the exclusions it needs, then switch to ENFORCE.')];
}
