import { Annotations, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { validateStackRegion } from './environment';
import { trackAppInventory } from '../inventory/app-inventory';

/** Prefix of every warning ID this library emits, so users can acknowledge them by ID. */
const WARNING_ID_PREFIX = 'cdk-private-endpoints';

/**
 * One problem found by a validation rule: an error fails `cdk synth`, a warning is reported and can be
 * acknowledged with `Annotations.of(scope).acknowledgeWarning(id)`.
 */
export interface Finding {
  readonly severity: 'error' | 'warning';
  /** For warnings, the slug of the stable ID `cdk-private-endpoints:<Construct>.<slug>`. */
  readonly slug?: string;
  readonly message: string;
}

export function error(message: string): Finding {
  return { severity: 'error', message };
}

export function warning(slug: string, message: string): Finding {
  return { severity: 'warning', slug, message };
}

/**
 * Registers rules that run when the app is synthesized, so every problem of every construct is reported at
 * once (CDK prefixes each error with the construct path), and so rules also see what `add*` calls changed
 * after construction. Rules may read the app inventory.
 *
 * @param constructName the construct's class name, the middle part of its warning IDs
 */
export function addRules(scope: Construct, constructName: string, rules: () => Finding[]): void {
  trackAppInventory(scope);
  // Validation can run more than once per app (each synth); a warning is annotated once.
  const reported = new Set<string>();
  scope.node.addValidation({
    validate: () => {
      // Every construct checks its stack's Region: each is named after it, and uses it for service and zone names.
      const findings = [...validateStackRegion(Stack.of(scope).region), ...rules()];
      for (const finding of findings.filter(f => f.severity === 'warning')) {
        const id = `${WARNING_ID_PREFIX}:${constructName}.${finding.slug}`;
        const key = `${id}\n${finding.message}`;
        if (!reported.has(key)) {
          reported.add(key);
          Annotations.of(scope).addWarningV2(id, finding.message);
        }
      }
      return findings.filter(f => f.severity === 'error').map(f => f.message);
    },
  });
}
