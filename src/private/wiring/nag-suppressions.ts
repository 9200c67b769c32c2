import { CfnResource, Validations } from 'aws-cdk-lib';

/** A cdk-nag rule that does not apply to one resource, and why. */
export interface NagSuppression {
  /** The rule, like `AwsSolutions-ELB2`. */
  readonly id: string;
  /** Why the rule does not apply: shown in the template and in cdk-nag's reports. */
  readonly reason: string;
}

/**
 * Suppresses cdk-nag rules on one resource, for both majors of cdk-nag, with no dependency on cdk-nag:
 * - cdk-nag 2 reads the `cdk_nag` template metadata (what its `NagSuppressions.addResourceSuppressions`
 *   writes), which also carries each reason into the template; suppressions already there are kept and
 *   repeated ones written once;
 * - cdk-nag 3 reads the acknowledgments that `Validations.of(construct).acknowledge()` records on the resource
 *   and its parents (its MIGRATION.md), so they cover this resource only.
 */
export function suppressNagRules(resource: CfnResource, suppressions: NagSuppression[]): void {
  const rules = [
    ...(resource.getMetadata('cdk_nag')?.rules_to_suppress ?? []),
    ...suppressions.map(s => ({ id: s.id, reason: s.reason })),
  ];
  const unique = [...new Set(rules.map(rule => JSON.stringify(rule)))].map(rule => JSON.parse(rule));
  resource.addMetadata('cdk_nag', { rules_to_suppress: unique });
  Validations.of(resource).acknowledge(...suppressions);
}
