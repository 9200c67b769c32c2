import { Construct } from 'constructs';
import { CONSTRUCT_PROPS } from '../facts/prop-shapes.generated';
import { checkPropShapes } from '../rules/prop-shapes';

/**
 * Checks the props a construct's constructor was given against their declared types, for JavaScript users (no type
 * checker); call it first thing after `super(scope, id)`.
 */
export function checkProps(scope: Construct, constructName: string, props: unknown): void {
  const problems = checkPropShapes(props, CONSTRUCT_PROPS[constructName]);
  // A mistyped or missing prop throws at once: the constructor reads it next, and would crash with no prop named.
  if (problems.some(problem => problem.fatal)) {
    throw new Error(problems.map(problem => `[${scope.node.path}] ${problem.message}`).join('\n'));
  }
  // An unknown prop is only ignored, so building goes on and synth reports it with every other problem. (Not through
  // addRules, which would check the stack's Region a second time for this construct.)
  if (problems.length > 0) {
    scope.node.addValidation({ validate: () => problems.map(problem => problem.message) });
  }
}
