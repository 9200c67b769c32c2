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
export function describeConstructProperty<Spec>(construct: string, spec: fc.Arbitrary<Spec>, run: (spec: Spec) => RunResult<unknown>,
  numRuns = NUM_RUNS): void {
  if (process.env.PROPERTY_SURVEY) {
    surveyFailures(construct, spec, run, numRuns);
    return;
  }
  describe(`${construct} properties`, () => {
    const outcomes = new OutcomeCounts();

    test.prop([spec], { ...PROPERTY_PARAMETERS, numRuns })('ends in a template that keeps the invariants, or in errors naming the construct', value => {
      const result = run(value);
      outcomes.add(result);
      assertRunEndedWell(result);
    }, PROPERTY_TIMEOUT_MS);

    // A passing property means no crash, dropped request or refused template: the counts of the rest.
    afterAll(() => {
      process.stderr.write(`property counts: ${outcomes.summary(construct)}\n`);
    });

    const decidable = numRuns >= RUNS_TO_DECIDE_TEMPLATE_SHARE;
    (decidable ? test : test.skip)('the configurations reach templates, not only errors', () => {
      expect(outcomes.templateShare).toBeGreaterThan(1 / 3);
    });
  });
}

/**
 * `PROPERTY_SURVEY=1`: instead of stopping at the first failure, runs NUM_RUNS configurations (seed PROPERTY_SEED) and
 * prints each kind of failure (the first line of the crash or violation) once, with the shortest configuration that
 * shows it, so that one long run lists every defect to fix.
 */
function surveyFailures<Spec>(construct: string, spec: fc.Arbitrary<Spec>, run: (spec: Spec) => RunResult<unknown>, numRuns: number): void {
  test(`${construct} survey of failures`, () => {
    const outcomes = new OutcomeCounts();
    const kinds = new Map<string, { count: number; example: string; detail: string }>();
    for (const value of fc.sample(spec, { numRuns, seed: Number(process.env.PROPERTY_SEED ?? 1) })) {
      const result = run(value);
      outcomes.add(result);
      const problem = result.error?.message ?? (result.violations.length > 0 ? result.violations.join('\n') : undefined);
      if (problem === undefined) {
        continue;
      }
      const kind = problem.split('\n')[0].replace(/[A-Za-z0-9]*[0-9A-F]{8}\b/g, '<id>').slice(0, 200);
      const example = fc.stringify(value);
      const known = kinds.get(kind);
      kinds.set(kind, {
        count: (known?.count ?? 0) + 1,
        example: known && known.example.length <= example.length ? known.example : example,
        detail: known && known.example.length <= example.length ? known.detail : problem.split('\n').slice(0, 12).join('\n'),
      });
    }
    const report = [...kinds].map(([kind, { count, example, detail }]) => `--- ${count} x ${kind}\n${example}\n${detail}`);
    process.stderr.write(`survey: ${outcomes.summary(construct)}, ${[...kinds.values()].reduce((n, k) => n + k.count, 0)} failed\n${report.join('\n')}\n`);
  }, PROPERTY_TIMEOUT_MS);
}
