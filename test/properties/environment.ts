import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnParameter, Fn, Lazy, Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';

/**
 * Runs per property in `npm test`; `npx projen test:properties:long` raises it through this variable. Measured with
 * `npx projen test:coverage test/properties`: 100 runs reach 1,441 of the 1,549 branches of src/ that 1,000 reach (the
 * rarer mistakes go untried), 300 reach 1,501 and 500 reach 1,547, so 500 runs try every kind of configuration the
 * generators make.
 */
export const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 500);
// A count that is no positive integer would let every property pass without trying a configuration.
if (!Number.isInteger(NUM_RUNS) || NUM_RUNS < 1) {
  throw new Error(`PROPERTY_RUNS must be a positive integer, got '${process.env.PROPERTY_RUNS}'`);
}

/**
 * fast-check parameters of every property. A run cut short (by the time limit below) is a failure, never a silent
 * pass with fewer runs.
 */
export const PROPERTY_PARAMETERS = { numRuns: NUM_RUNS, markInterruptAsFailure: true };

/** Jest's time limit for one property, which fast-check also stops at: far above what the runs take. */
export const PROPERTY_TIMEOUT_MS = 60 * 60 * 1000;

export const ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';

/** Commercial, China and GovCloud Regions: partitions differ in service-name prefixes and ARNs. */
export const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'cn-north-1', 'us-gov-west-1'];

/** Usually a value of `usual`, sometimes one of `unusual` (a mistake, a corner case). */
export function mostly<T>(usual: fc.Arbitrary<T>, unusual: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 6, arbitrary: usual }, { weight: 1, arbitrary: unusual });
}

/** As `mostly`, but `unusual` only one run in 13: for the props of a construct whose runs have many mistakes already. */
export function seldom<T>(usual: fc.Arbitrary<T>, unusual: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 12, arbitrary: usual }, { weight: 1, arbitrary: unusual });
}

/** Usually undefined (the default), sometimes a value. */
export function sometimes<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return mostly(fc.constant(undefined), value);
}

/**
 * Stack Regions users get wrong: a typo that is no Region name (a mistake every construct must report), and a
 * well-formed name no Region has (a warning: it may be a Region newer than aws-cdk-lib).
 */
export const REGION_TYPO = 'eu-west1';
export const UNKNOWN_REGION = 'xx-east-9';

/** Where the stack is: a concrete account and Region with `azCount` AZs, a Region only, or environment-agnostic. */
export interface EnvSpec {
  /** Undefined for an environment-agnostic stack. */
  readonly region?: string;
  /** A stack with a Region but no account (`env: { region }`), whose AZs are deploy-time values. */
  readonly regionOnly?: boolean;
  readonly azCount: number;
  /** AWS services (by short name) available only in some AZs (by index), as the supported-AZ lookup reports them. */
  readonly restrictedServices: ReadonlyArray<{ readonly shortName: string; readonly supportedAzs: number[] }>;
}

export const envSpec = (restrictable: string[]): fc.Arbitrary<EnvSpec> => fc.record({
  region: fc.oneof(
    { weight: 24, arbitrary: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }) },
    { weight: 1, arbitrary: fc.constant(REGION_TYPO) },
    { weight: 1, arbitrary: fc.constant(UNKNOWN_REGION) },
  ),
  regionOnly: mostly(fc.constant(false), fc.constant(true)),
  azCount: fc.integer({ min: 1, max: 6 }),
  restrictedServices: restrictable.length === 0 ? fc.constant([]) : fc.array(fc.record({
    shortName: fc.constantFrom(...restrictable),
    supportedAzs: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }),
  }), { maxLength: 2 }),
});

/** The props the environment gets wrong: a stack Region that is no Region name. */
export function envMistakes(env: EnvSpec): string[] {
  return env.region === REGION_TYPO ? ['env.region (no Region name)'] : [];
}

/** The Region whose resource schemas a template is checked against: none (all Regions) for a Region nobody knows. */
export function schemaRegion(env: EnvSpec): string | undefined {
  return env.region !== undefined && REGIONS.includes(env.region) ? env.region : undefined;
}

/** Whether the stack's account and Region are both known (its AZs come from the context). */
export function concreteEnv(env: EnvSpec): boolean {
  return env.region !== undefined && !env.regionOnly;
}

export function azNames(env: EnvSpec): string[] {
  return [...'abcdef'].slice(0, env.azCount).map(letter => `${env.region}${letter}`);
}

// One output directory per test file: every synth overwrites it instead of leaving a new temp directory behind.
export const OUTDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'properties-'));

/**
 * A fresh app and stack for one run, with the context the CLI would have filled in. aws-cdk-lib's own template
 * validation is off: the runs check templates against the resource schemas themselves (test/schema.ts), in a
 * fraction of the time.
 */
export function appAndStack(env: EnvSpec, stackId = 'Stack'): { app: App; stack: Stack } {
  const context: Record<string, unknown> = {};
  if (env.region) {
    context[`availability-zones:account=${ACCOUNT}:region=${env.region}`] = azNames(env);
    const azs = azNames(env);
    for (const restricted of env.restrictedServices) {
      const serviceName = `com.amazonaws.${env.region}.${restricted.shortName}`;
      context[`endpoint-service-availability-zones:account=${ACCOUNT}:region=${env.region}:serviceName=${serviceName}`] =
        restricted.supportedAzs.filter(i => i < azs.length).map(i => azs[i]);
    }
  }
  const app = new App({ outdir: OUTDIR, context, treeMetadata: false, builtinCloudFormationValidation: false });
  const stack = new Stack(app, stackId, stackProps(env));
  return { app, stack };
}

/** The props of a stack in the environment. */
export function stackProps(env: EnvSpec): { env?: { account?: string; region: string } } {
  if (!env.region) {
    return {};
  }
  return { env: env.regionOnly ? { region: env.region } : { account: ACCOUNT, region: env.region } };
}

/** Values known only at deploy time, from each source a user has: a parameter, an import, a Lazy over a parameter. */
export type TokenSource = 'parameter' | 'import' | 'lazy';

export const tokenSource: fc.Arbitrary<TokenSource> = fc.constantFrom('parameter', 'import', 'lazy');

// Numbered per stack, so that the same configuration gives the same template in every app.
const tokenCounts = new WeakMap<Stack, number>();

function nextTokenNumber(stack: Stack): number {
  const next = (tokenCounts.get(stack) ?? 0) + 1;
  tokenCounts.set(stack, next);
  return next;
}

export function stringToken(stack: Stack, source: TokenSource): string {
  const n = nextTokenNumber(stack);
  switch (source) {
    case 'parameter':
      return new CfnParameter(stack, `StringParameter${n}`, { type: 'String' }).valueAsString;
    case 'import':
      return Fn.importValue(`ExportedValue${n}`);
    case 'lazy': {
      // Made now: a Lazy runs at synth, when no construct may be added.
      const value = new CfnParameter(stack, `StringParameter${n}`, { type: 'String' }).valueAsString;
      return Lazy.string({ produce: () => value });
    }
  }
}

export function numberToken(stack: Stack, source: 'parameter' | 'lazy' = 'parameter'): number {
  const value = new CfnParameter(stack, `NumberParameter${nextTokenNumber(stack)}`, { type: 'Number' }).valueAsNumber;
  return source === 'lazy' ? Lazy.number({ produce: () => value }) : value;
}
