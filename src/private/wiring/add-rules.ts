import { Annotations, CfnResource, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { recordedLookups } from './context-lookups';
import { trackAppInventory } from '../inventory/app-inventory';
import { validateLookupsMade } from '../rules/context-lookups';
import { validateStackRegion } from '../rules/environment';
import { Finding } from '../rules/findings';
import { overResourceQuota, validateStackResourceBudget } from '../rules/stack';

/** The library's constructs in each stack, in the order they were defined. */
const libraryConstructsByStack = new WeakMap<Stack, Construct[]>();

/** Prefix of every warning ID this library emits, so users can acknowledge them by ID. */
const WARNING_ID_PREFIX = 'cdk-private-endpoints';

/**
 * Registers rules that run when the app is synthesized, so every problem of every construct is reported at
 * once (CDK prefixes each error with the construct path), and so rules also see what `add*` calls changed
 * after construction. Rules may read the app inventory.
 *
 * @param constructName the construct's class name, the middle part of its warning IDs
 */
export function addRules(scope: Construct, constructName: string, rules: () => Finding[]): void {
  trackAppInventory(scope);
  const stack = Stack.of(scope);
  if (!libraryConstructsByStack.has(stack)) {
    libraryConstructsByStack.set(stack, []);
  }
  libraryConstructsByStack.get(stack)!.push(scope);
  // Validation can run more than once per app (each synth); a warning is annotated once.
  const reported = new Set<string>();
  scope.node.addValidation({
    validate: () => {
      // Every construct checks its stack's Region, which its service names, zone names and ARNs are built from, and
      // names the context values it needs that the CDK CLI could not look up.
      const findings = [
        ...validateStackRegion(stack.region),
        ...validateLookupsMade(recordedLookups(scope)),
        // The stack's budget is reported once, by its first library construct (not one inside another, a hub's endpoints).
        ...(outermostLibraryConstructs(stack)[0] === scope ? stackBudgetFindings(stack) : []),
        ...rules(),
      ];
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

/** The stack's resources against CloudFormation's quota, with those under each of the library's constructs in it. */
function stackBudgetFindings(stack: Stack): Finding[] {
  const resources = stack.node.findAll().filter(construct => CfnResource.isCfnResource(construct) && Stack.of(construct) === stack);
  if (!overResourceQuota(resources.length)) {
    return []; // what each construct puts there is counted for the message only
  }
  const constructs = outermostLibraryConstructs(stack).map(construct => ({
    path: construct.node.path,
    resources: resources.filter(resource => resource.node.path.startsWith(`${construct.node.path}/`)).length,
  }));
  return validateStackResourceBudget(stack.node.path, resources.length, constructs);
}

/** The library's constructs in the stack that are not inside another of them (a hub's endpoints are counted with the hub). */
function outermostLibraryConstructs(stack: Stack): Construct[] {
  const all = libraryConstructsByStack.get(stack) ?? [];
  return all.filter(construct => !all.some(other => other !== construct && construct.node.path.startsWith(`${other.node.path}/`)));
}
