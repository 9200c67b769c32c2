import { test } from '@fast-check/jest';
import * as fc from 'fast-check';
import { PROPERTY_PARAMETERS, PROPERTY_TIMEOUT_MS } from './environment';
import { assertRunEndedWell, OutcomeCounts, RunResult } from './outcome';

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

    test('the configurations reach templates, not only errors', () => {
      expect(outcomes.templateShare).toBeGreaterThan(1 / 3);
    });
  });
}
