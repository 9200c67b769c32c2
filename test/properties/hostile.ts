import { Token } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { Choice, choice } from './choices';
import { concreteEnv, EnvSpec } from './environment';
import { CONSTRUCT_PROPS, TYPE_SHAPES } from '../../src/private/facts/prop-shapes.generated';

// Inputs that every construct's generator can make hostile in the same way: props as JavaScript users (no type checker)
// write them, and construct IDs long enough to push paths past what CloudFormation takes in descriptions and tags.

/**
 * One mistake in the props object as a JavaScript user makes it: a misspelled key (`bundle` for `bundles`, `Vpc`), a
 * value of the wrong type (a number as a string, a string where an object is expected, a list for a single value and
 * a single value for a list), null, a required prop left out, or no props at all. `pick` chooses the prop among those
 * given.
 */
export type PlainJsSpec =
  | { readonly kind: 'misspell'; readonly pick: number; readonly typo: 'plural' | 'case' }
  | { readonly kind: 'retype' | 'null' | 'wrap'; readonly pick: number }
  | { readonly kind: 'missing'; readonly pick: number }
  | { readonly kind: 'no-props' };

const plainJsMistake: fc.Arbitrary<PlainJsSpec> = fc.oneof(
  fc.record({ kind: fc.constant('misspell' as const), pick: fc.nat(20), typo: fc.constantFrom('plural' as const, 'case' as const) }),
  fc.record({ kind: fc.constantFrom('retype' as const, 'null' as const, 'wrap' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('missing' as const), pick: fc.nat(20) }),
  fc.constant({ kind: 'no-props' as const }),
);

/** Mostly props as TypeScript checks them; in about one run of twelve, one plain-JavaScript mistake. */
export const plainJsSpec: fc.Arbitrary<PlainJsSpec | undefined> = fc.oneof(
  { weight: 11, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: plainJsMistake },
);

/** The required props of a construct, by the generated table of prop shapes. */
function requiredProps(construct: string): string[] {
  const shape = TYPE_SHAPES[CONSTRUCT_PROPS[construct]];
  return 'struct' in shape ? Object.keys(shape.struct).filter(key => !key.endsWith('?')) : [];
}

/** A value of another type than `value`'s, as JavaScript users get them wrong. */
function retyped(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'string') {
    return 42;
  }
  if (Array.isArray(value)) {
    // A single value where a list is expected; a list token is one already, so a number instead.
    return Token.isUnresolved(value) || value.length === 0 ? 42 : value[0];
  }
  // A string where an object is expected: what the object is called. Some of aws-cdk-lib's getters throw (the name of a
  // zone imported by ID), which is the user's own call here, not the construct's.
  const named = value as { [key: string]: unknown };
  const name = ['vpcId', 'name', 'arn'].map(key => readOrUndefined(() => named[key])).find(v => typeof v === 'string');
  return name ?? 'object';
}

function readOrUndefined(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The mistake a spec makes, for the list a template must not be synthesized despite: each spec makes one. */
export function plainJsMistakes(spec: PlainJsSpec | undefined): string[] {
  return spec ? [`plain JavaScript (${spec.kind})`] : [];
}

/**
 * The props with the mistake made; unchanged without one.
 *
 * @param construct the construct's class name
 */
export function plainJs<T extends object>(construct: string, props: T, spec: PlainJsSpec | undefined): T {
  return plainJsEdit(construct, props, spec).props;
}

function plainJsEdit<T extends object>(construct: string, props: T, spec: PlainJsSpec | undefined): { props: T; mistakes: string[] } {
  if (spec === undefined) {
    return { props, mistakes: [] };
  }
  const given = Object.entries(props).filter(([, value]) => value !== undefined).map(([key]) => key);
  const required = requiredProps(construct);
  const edited: Record<string, unknown> = { ...props as Record<string, unknown> };
  const unknownKey = () => {
    // With no prop given to get wrong, a misspelled one added.
    edited.maxAz = 2;
    return { props: edited as T, mistakes: ['plain JavaScript (unknown prop `maxAz`)'] };
  };
  switch (spec.kind) {
    case 'no-props':
      // Without props a construct with required props cannot be built; one without any takes none.
      return required.length > 0 ? { props: undefined as unknown as T, mistakes: ['plain JavaScript (no props)'] } : unknownKey();
    case 'missing': {
      if (required.length === 0) {
        return unknownKey();
      }
      const key = required[spec.pick % required.length];
      delete edited[key];
      return { props: edited as T, mistakes: [`plain JavaScript (\`${key}\` missing)`] };
    }
    case 'misspell': {
      if (given.length === 0) {
        return unknownKey();
      }
      const key = given[spec.pick % given.length];
      const typo = spec.typo === 'case' ? key[0].toUpperCase() + key.slice(1) : key.endsWith('s') ? key.slice(0, -1) : `${key}s`;
      edited[typo] = edited[key];
      delete edited[key];
      return { props: edited as T, mistakes: [`plain JavaScript (\`${key}\` misspelled \`${typo}\`)`] };
    }
    default: {
      if (given.length === 0) {
        return unknownKey();
      }
      const key = given[spec.pick % given.length];
      const value = edited[key];
      edited[key] = spec.kind === 'null' ? null : spec.kind === 'wrap' ? [value] : retyped(value);
      return { props: edited as T, mistakes: [`plain JavaScript (\`${key}\` ${spec.kind})`] };
    }
  }
}

/**
 * A construct ID: mostly the usual short one, sometimes one that makes the construct's path longer than the 256
 * characters CloudFormation takes in descriptions, comments and tag values.
 */
export const longIdSpec: fc.Arbitrary<boolean> = fc.oneof({ weight: 11, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

export function constructId(base: string, long: boolean | undefined): string {
  return long ? `${base}${'VeryLongName'.repeat(22)}` : base;
}

/**
 * A VPC's IPv4 block (`ipAddresses`) for a VPC the construct defines: EC2 takes /16 to /28, and without `cidrMask`
 * each AZ needs a /28 at least, so a small block is a mistake with several AZs.
 */
export type VpcBlockSpec = Choice<string>;

export const vpcBlockSpec: fc.Arbitrary<VpcBlockSpec> = choice('ipAddresses',
  ['10.0.0.0/16', '10.20.0.0/20', '172.16.0.0/24', '192.168.0.0/27', '192.168.0.0/28'],
  ['10.0.0.0/8', '10.0.0.0/15', '192.168.0.0/29', '192.168.0.0/30']);

/**
 * `ipAddresses` when it is a mistake for a VPC defined with `maxAzs` (or the default of 3) AZs in the environment (two
 * AZs where the account or Region is unknown) and no `cidrMask`.
 */
export function vpcBlockMistakes(block: VpcBlockSpec | undefined, env: EnvSpec, maxAzs: number | undefined, cidrMask: number | undefined): string[] {
  if (block === undefined) {
    return [];
  }
  if (block.mistake) {
    return [block.mistake];
  }
  const azCount = Math.min(maxAzs ?? 3, concreteEnv(env) ? env.azCount : 2);
  const prefixLength = Number(block.value.split('/')[1]);
  return cidrMask === undefined && Number.isInteger(maxAzs ?? 3) && prefixLength + Math.ceil(Math.log2(Math.max(azCount, 1))) > 28
    ? ['ipAddresses (too small for one /28 per AZ)'] : [];
}
