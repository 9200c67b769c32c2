import { test } from '@fast-check/jest';
import * as fc from 'fast-check';
import { NUM_RUNS, PROPERTY_PARAMETERS, PROPERTY_TIMEOUT_MS } from './environment';
import { assertRunEndedWell, OutcomeCounts, RunResult } from './outcome';

/**
 * Runs from which the template share is decided. It is about 0.4 for the resource share: at 500 runs its sampling error
 * (0.022) would fail a sound generator once in about 400 runs, at 1,000 once in 30,000. So the long runs
 * (`test:properties:long`, which CI runs) check it, not `npm test`.
 */
const RUNS_TO_DECIDE_TEMPLATE_SHARE = 1000;

/**
 * The property of a construct: every random configuration ends in a template that keeps the construct's invariants, or
 * in validation errors naming the construct, and enough of them reach a template (see `OutcomeCounts`).
 *
 * @param run synthesizes one configuration and checks its template (`runConfiguration`)
 */
export function describeConstructProperty<Spec>(construct: string, spec: fc.Arbitrary<Spec>, run: (spec: Spec) => RunResult<unknown>): void {
  describe(`${construct} properties`, () => {
    const outcomes = new OutcomeCounts();

    test.prop([spec], PROPERTY_PARAMETERS)('ends in a template that keeps the invariants, or in errors naming the construct', value => {
      const result = run(value);
      outcomes.add(result);
      assertRunEndedWell(result);
    }, PROPERTY_TIMEOUT_MS);

    // A passing property means no crash, dropped request or refused template: the counts of the rest.
    afterAll(() => {
      process.stderr.write(`property counts: ${outcomes.summary(construct)}\n`);
    });

    const decidable = NUM_RUNS >= RUNS_TO_DECIDE_TEMPLATE_SHARE;
    (decidable ? test : test.skip)('the configurations reach templates, not only errors', () => {
      expect(outcomes.templateShare).toBeGreaterThan(1 / 3);
    });
  });
}
