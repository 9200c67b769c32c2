import * as path from 'path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';

/** A synthesized CloudFormation template, as far as the invariants read it. */
export interface TemplateJson {
  readonly Resources: Record<string, { readonly Type: string; readonly Properties?: any; readonly DependsOn?: string[] }>;
}

/**
 * How a run ended. `rejected` is a validation error (or a constructor's refusal) that names the construct; a
 * crash (a TypeError, an aws-cdk-lib error, anything that names no construct of this library) is thrown instead.
 */
export type Outcome =
  | { readonly kind: 'template'; readonly template: TemplateJson }
  | { readonly kind: 'rejected'; readonly messages: string[] };

const SRC = `${path.sep}src${path.sep}`;

/**
 * Builds and synthesizes one configuration. Every error must name one of the constructs under test by path:
 *
 * - Validation errors (`[<path>] <message>` lines of the synth error) must each be reported on one of them.
 * - A constructor may refuse a configuration it cannot build at all, with a plain Error thrown from this
 *   library's source that names the construct's path.
 *
 * @param paths the paths of the constructs under test
 */
export function synthesize(app: App, stack: Stack, paths: string[], build: () => void): Outcome {
  try {
    build();
  } catch (e) {
    if (isRefusal(e, paths)) {
      return { kind: 'rejected', messages: [(e as Error).message] };
    }
    throw crash('while constructing', e);
  }
  try {
    const assembly = app.synth();
    return { kind: 'template', template: assembly.getStackByName(stack.stackName).template };
  } catch (e) {
    const lines = validationLines(e);
    const foreign = lines.filter(line => !paths.some(p => line.startsWith(`[${p}] `)));
    if (lines.length === 0 || foreign.length > 0) {
      throw crash(`at synth (the constructs under test are ${paths.join(', ')})`, e);
    }
    return { kind: 'rejected', messages: lines };
  }
}

/** A refusal: a plain Error that this library threw, naming a construct under test by path. */
function isRefusal(e: unknown, paths: string[]): boolean {
  if (!(e instanceof Error) || e.constructor !== Error) {
    return false;
  }
  const firstFrame = (e.stack ?? '').split('\n').find(line => line.trim().startsWith('at '));
  return firstFrame !== undefined && firstFrame.includes(SRC) && paths.some(p => e.message.includes(p));
}

/** The `[<path>] <message>` lines of a validation failure at synth. */
function validationLines(e: unknown): string[] {
  if (!(e instanceof Error) || !/Validation failed with the following errors/.test(e.message)) {
    return [];
  }
  return e.message.split('\n').map(line => line.trim()).filter(line => line.startsWith('['));
}

function crash(when: string, e: unknown): Error {
  const error = e instanceof Error ? e : new Error(String(e));
  return new Error(`crash ${when}: ${error.constructor.name}: ${error.message}\n${error.stack ?? ''}`);
}

/** Logical ID → construct path of every CloudFormation resource in the stack. */
export function logicalIdPaths(stack: Stack): Map<string, string> {
  return new Map(stack.node.findAll()
    .filter(CfnResource.isCfnResource)
    .map(c => [stack.resolve(c.logicalId) as string, c.node.path]));
}

/** The resources of a type. */
export function resourcesOfType(template: TemplateJson, type: string): Array<[string, any]> {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === type).map(([id, r]) => [id, r.Properties ?? {}]);
}

/** The end of one run: how it ended, and what is wrong with that (nothing, when `error` and `violations` are empty). */
export interface RunResult<Request> {
  readonly stack: Stack;
  readonly outcome?: Outcome;
  readonly request?: Request;
  /** A crash. */
  readonly error?: Error;
  /** Invariants the template breaks, or mistakes it let through. */
  readonly violations: string[];
}

/**
 * Builds, synthesizes and checks one configuration.
 *
 * @param paths the paths of the constructs under test
 * @param mistakes the props the configuration gets wrong: a template despite any of them is a violation
 * @param invariants the violations of a template
 */
export function runConfiguration<Request>(app: App, stack: Stack, paths: string[], mistakes: string[],
  build: () => Request, invariants: (request: Request, template: TemplateJson) => string[]): RunResult<Request> {
  let request: Request | undefined;
  try {
    const outcome = synthesize(app, stack, paths, () => {
      request = build();
    });
    if (outcome.kind === 'rejected') {
      return { stack, outcome, request, violations: [] };
    }
    const accepted = mistakes.map(prop => `the template was synthesized despite the mistake in \`${prop}\``);
    return { stack, outcome, request, violations: [...accepted, ...invariants(request!, outcome.template)] };
  } catch (e) {
    return { stack, request, error: e as Error, violations: [] };
  }
}

/** Throws what went wrong in a run, if anything. */
export function assertRunEndedWell(result: RunResult<unknown>): void {
  if (result.error) {
    throw result.error;
  }
  if (result.violations.length > 0) {
    throw new Error(`the template breaks invariants:\n${result.violations.join('\n')}`);
  }
}

/**
 * How a property's runs ended, for the check that the generators reach templates and not only errors. Each
 * configuration has several independent chances of a deliberate mistake, so about half end in errors; a third reaching
 * a template (about 330 of 1,000) shows the generators are not stuck in errors, whatever the random seed.
 */
export class OutcomeCounts {
  private templates = 0;
  private rejections = 0;

  public add(result: RunResult<unknown>): void {
    if (result.outcome?.kind === 'template') {
      this.templates += 1;
    } else if (result.outcome?.kind === 'rejected') {
      this.rejections += 1;
    }
  }

  /** The share of the counted runs that ended in a template. */
  public get templateShare(): number {
    return this.templates / Math.max(this.templates + this.rejections, 1);
  }

  /** One line for the end of a property: how many configurations ran and how each ended. */
  public summary(construct: string): string {
    const runs = this.templates + this.rejections;
    return `${construct}: ${runs} configurations, ${this.templates} templates, ${this.rejections} rejected cleanly`;
  }
}
