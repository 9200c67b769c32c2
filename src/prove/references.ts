import { AssemblyStack } from './assembly';

/** What a property value refers to, as far as the templates of the assembly tell. */
export type Reference =
  /** A resource of the assembly, by stack and logical ID (an attribute of it, or its `Ref`). */
  | { readonly kind: 'resource'; readonly key: string; readonly attribute?: string }
  /** A literal, like the ID of a VPC imported by ID. */
  | { readonly kind: 'literal'; readonly value: string }
  /** A value known only at deploy time: a parameter, an intrinsic the proof does not evaluate, an import of no export. */
  | { readonly kind: 'unknown'; readonly text: string };

/** The key of a resource across the assembly: `<stack ID>|<logical ID>`. */
export function resourceKey(stack: AssemblyStack, logicalId: string): string {
  return `${stack.id}|${logicalId}`;
}

/**
 * Resolves `Ref`, `Fn::GetAtt` and `Fn::ImportValue` (through the exports of every stack of the assembly) to the
 * resource they name; literals stay literals; anything else is unknown. Cross-stack references are how CDK passes a VPC,
 * a subnet or a security group between stacks of one environment, so following them is what makes a hub and its spokes
 * one model.
 */
export class ReferenceResolver {
  private readonly exports = new Map<string, { stack: AssemblyStack; value: unknown }>();

  constructor(private readonly stacks: AssemblyStack[]) {
    for (const stack of stacks) {
      for (const output of Object.values(stack.template.Outputs ?? {})) {
        if (typeof output.Export?.Name === 'string') {
          this.exports.set(exportKey(stack, output.Export.Name), { stack, value: output.Value });
        }
      }
    }
  }

  public resolve(stack: AssemblyStack, value: unknown): Reference {
    if (typeof value === 'string') {
      return { kind: 'literal', value };
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      return { kind: 'literal', value: String(value) };
    }
    const object = value as Record<string, unknown> | undefined;
    const ref = object?.Ref;
    if (typeof ref === 'string' && stack.template.Resources?.[ref]) {
      return { kind: 'resource', key: resourceKey(stack, ref) };
    }
    const getAtt = object?.['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && stack.template.Resources?.[getAtt[0]]) {
      return { kind: 'resource', key: resourceKey(stack, getAtt[0]), attribute: String(getAtt[1]) };
    }
    const imported = object?.['Fn::ImportValue'];
    const exported = typeof imported === 'string' ? this.exports.get(exportKey(stack, imported)) : undefined;
    if (exported) {
      return this.resolve(exported.stack, exported.value);
    }
    return { kind: 'unknown', text: JSON.stringify(value) };
  }

  /** The key a value names: the resource's key, `literal:<value>` for a literal, undefined when unknown. */
  public keyOf(stack: AssemblyStack, value: unknown): string | undefined {
    const reference = this.resolve(stack, value);
    return reference.kind === 'resource' ? reference.key : reference.kind === 'literal' ? `literal:${reference.value}` : undefined;
  }

  /** A literal string value, or undefined. */
  public literal(stack: AssemblyStack, value: unknown): string | undefined {
    const reference = this.resolve(stack, value);
    return reference.kind === 'literal' ? reference.value : undefined;
  }

  /** The keys of a list of values; undefined entries for unknown ones; an empty list for a list that is itself a token. */
  public keysOf(stack: AssemblyStack, values: unknown): Array<string | undefined> {
    return Array.isArray(values) ? values.map(value => this.keyOf(stack, value)) : [];
  }

  public get assemblyStacks(): AssemblyStack[] {
    return this.stacks;
  }
}

/** Export names are unique per account and Region, and an import reads those of its own stack's. */
function exportKey(stack: AssemblyStack, name: string): string {
  return `${stack.account ?? '?'}/${stack.region ?? '?'}/${name}`;
}
