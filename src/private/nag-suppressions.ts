import { CfnResource } from 'aws-cdk-lib';

/** A cdk-nag rule that does not apply to one resource, and why. */
export interface NagSuppression {
  /** The rule, like `AwsSolutions-ELB2`. */
  readonly id: string;
  /** Why the rule does not apply: shown in the template and in cdk-nag's reports. */
  readonly reason: string;
  /** For rules with findings (like `AwsSolutions-IAM4`), the findings suppressed; all of them when absent. */
  readonly appliesTo?: string[];
}

/**
 * Suppresses cdk-nag rules on one resource by writing the `cdk_nag` metadata that cdk-nag reads (what its
 * `NagSuppressions.addResourceSuppressions` writes), so the library needs no cdk-nag at run time and the
 * template carries each reason. Suppressions already on the resource are kept; repeated ones are written once.
 */
export function suppressNagRules(resource: CfnResource, suppressions: NagSuppression[]): void {
  const rules = [
    ...(resource.getMetadata('cdk_nag')?.rules_to_suppress ?? []),
    ...suppressions.map(s => ({ id: s.id, reason: s.reason, ...(s.appliesTo ? { applies_to: s.appliesTo } : {}) })),
  ];
  const unique = [...new Set(rules.map(rule => JSON.stringify(rule)))].map(rule => JSON.parse(rule));
  resource.addMetadata('cdk_nag', { rules_to_suppress: unique });
}
