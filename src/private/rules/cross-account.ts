import { Token } from 'aws-cdk-lib';

/** Where a stack is, as CDK knows it: tokens for an environment-agnostic stack. */
export interface StackEnvironment {
  readonly account: string;
  readonly region: string;
}

/** An object of another stack that a construct was given, where a string would travel between accounts. */
export interface CrossAccountReference {
  /** The prop the object was given in, as messages name it: `service`. */
  readonly prop: string;
  /** What the object is: "the provider". */
  readonly object: string;
  readonly path: string;
  /** The account of the object's stack; may be a token. */
  readonly account: string;
  /** What CDK would have to pass between the stacks: "the service name". */
  readonly value: string;
  /** How to pass it instead, as a sentence. */
  readonly fix: string;
}

/**
 * CDK passes a token between stacks of one account only, so an object of a stack in another account cannot be
 * referenced: the construct throws this (synth would otherwise fail on the cross-stack reference with no hint at the
 * fix). Undefined when the accounts are the same or not both known.
 */
export function crossAccountReferenceMessage(reference: CrossAccountReference, stackAccount: string): string | undefined {
  if (Token.isUnresolved(reference.account) || Token.isUnresolved(stackAccount) || reference.account === stackAccount) {
    return undefined;
  }
  return `\`${reference.prop}\` is ${reference.object} at ${reference.path} in account ${reference.account}, but this stack is in account `
    + `${stackAccount}, and CDK cannot pass ${reference.value} between accounts. ${reference.fix}`;
}

/**
 * Where two stacks are, as messages name it, when CDK cannot reference an object of one from the other: CDK references
 * objects only between stacks whose Regions are both given and equal, or both environment-agnostic (a Region-only stack
 * has a given Region). Undefined when it can.
 */
export function crossRegionReferenceProblem(object: StackEnvironment, stack: StackEnvironment): { object: string; stack: string } | undefined {
  const where = (env: StackEnvironment) => Token.isUnresolved(env.region) ? 'an environment-agnostic stack' : env.region;
  const agnosticOnOneSide = Token.isUnresolved(object.region) !== Token.isUnresolved(stack.region);
  const otherRegion = !Token.isUnresolved(object.region) && !Token.isUnresolved(stack.region) && object.region !== stack.region;
  return agnosticOnOneSide || otherRegion ? { object: where(object), stack: where(stack) } : undefined;
}
