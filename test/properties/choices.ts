import * as fc from 'fast-check';
import { mostly, seldom } from './environment';

/**
 * A value that is right, or a mistake the construct must report. A mistake carries the prop it is in, so a run that
 * ends in a template despite one is a failure.
 */
export interface Choice<T> {
  readonly value: T;
  readonly mistake?: string;
}

/** Mostly one of the `good` values, sometimes one of the `bad` ones, a mistake in `prop`. */
export function choice<T>(prop: string, good: T[], bad: T[]): fc.Arbitrary<Choice<T>> {
  const right = fc.constantFrom(...good).map((value): Choice<T> => ({ value }));
  return bad.length === 0 ? right : mostly(right, fc.constantFrom(...bad).map((value): Choice<T> => ({ value, mistake: prop })));
}

/** As `choice`, with a mistake only one run in 13. */
export function seldomChoice<T>(prop: string, good: T[], bad: T[]): fc.Arbitrary<Choice<T>> {
  return seldom(fc.constantFrom(...good).map((value): Choice<T> => ({ value })),
    fc.constantFrom(...bad).map((value): Choice<T> => ({ value, mistake: prop })));
}

/** The props of the choices that are mistakes. */
export function mistakes(choices: Array<Choice<unknown> | undefined>): string[] {
  return choices.filter(c => c?.mistake !== undefined).map(c => c!.mistake!);
}
