import { Token } from 'aws-cdk-lib';
import { closestName } from './spelling';
import { TYPE_SHAPES, TypeShape } from '../facts/prop-shapes.generated';

/** A problem with the props a construct was given, as JavaScript (with no type checker) lets users write them. */
export interface PropProblem {
  readonly message: string;
  /** A prop of the wrong type or a required one missing: the constructor cannot build with it. */
  readonly fatal: boolean;
}

type Shapes = { readonly [type: string]: TypeShape };

/** Examples of aws-cdk-lib objects that props take, for messages; the generated table has the examples of our own. */
const EXTERNAL_EXAMPLES: { readonly [type: string]: string } = {
  'Duration': 'Duration.seconds(10)',
  'ec2.IGatewayVpcEndpointService': 'ec2.GatewayVpcEndpointAwsService.S3',
  'ec2.IInterfaceVpcEndpointService': 'ec2.InterfaceVpcEndpointAwsService.SSM',
  'ec2.IIpAddresses': 'ec2.IpAddresses.cidr(\'10.0.0.0/16\')',
  'ec2.ISecurityGroup': 'ec2.SecurityGroup.fromSecurityGroupId(this, \'Sg\', securityGroupId)',
  'ec2.ISubnet': 'ec2.Subnet.fromSubnetId(this, \'Subnet\', subnetId)',
  'ec2.IVpc': 'ec2.Vpc.fromLookup(this, \'Vpc\', { vpcId })',
  'iam.ArnPrincipal': 'new iam.AccountPrincipal(\'111122223333\')',
};

/**
 * Checks props against the shape of their type in the generated table: unknown props (with the closest known name),
 * missing required props and values of the wrong type, each with where it is (`allowedPrincipals[0]`), what was given
 * and what is expected. A value only known at deploy time (a token) is accepted where a string, number, boolean, list
 * or enum value is.
 */
export function checkPropShapes(props: unknown, type: string, shapes: Shapes = TYPE_SHAPES): PropProblem[] {
  const problems: PropProblem[] = [];
  if (!isObject(props)) {
    problems.push({ fatal: true, message: `props must be ${describeType(type, shapes)}, got ${describeValue(props)}` });
  } else {
    checkStruct(props, type, '', shapes, problems);
  }
  return problems;
}

function checkStruct(value: { [key: string]: unknown }, type: string, at: string, shapes: Shapes, problems: PropProblem[]): void {
  const shape = shapes[type] as { struct: { [prop: string]: string }; external?: boolean };
  const known = Object.keys(shape.struct).map(key => key.replace(/\?$/, ''));
  for (const [key, propType] of Object.entries(shape.struct)) {
    const name = key.replace(/\?$/, '');
    if (value[name] !== undefined) {
      checkValue(value[name], propType, `${at}${name}`, shapes, problems);
    } else if (!key.endsWith('?')) {
      problems.push({ fatal: true, message: `\`${at}${name}\` is required: ${describeType(propType, shapes)}` });
    }
  }
  // An aws-cdk-lib struct may have props that the table, made from the development version, does not know.
  if (!shape.external) {
    for (const key of Object.keys(value).filter(k => !known.includes(k))) {
      const closest = closestKnownName(key, known);
      const fix = closest ? `did you mean \`${closest}\`?` : `known props: ${[...known].sort().map(k => `\`${k}\``).join(', ')}`;
      problems.push({ fatal: false, message: `unknown prop \`${at}${key}\`; ${fix}` });
    }
  }
}

function checkValue(value: unknown, type: string, at: string, shapes: Shapes, problems: PropProblem[]): void {
  const wrong = (hint = '') => problems.push({
    fatal: true,
    message: `\`${at}\` must be ${describeType(type, shapes)}, got ${describeValue(value)}${hint}`,
  });
  const shape = shapes[type];
  if (type === 'any') {
    return;
  } else if (type.endsWith('[]')) {
    const element = type.slice(0, -2);
    if (Array.isArray(value) && Token.isUnresolved(value)) {
      return; // a list token (Token.asList, Fn.split): one element that stands for the whole list; a string token is no list
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => checkValue(item, element, `${at}[${i}]`, shapes, problems));
    } else {
      wrong(fits(value, element, shapes) ? '; put it in a list' : '');
    }
  } else if (type === 'string' || type === 'number' || type === 'boolean') {
    if (typeof value !== type && !Token.isUnresolved(value)) {
      wrong();
    }
  } else if (!shape) {
    return; // not in the table: not checked, rather than a TypeError from here
  } else if ('enum' in shape) {
    if (!enumAllows(shape.enum, value) && !Token.isUnresolved(value)) {
      wrong();
    }
  } else if (!isObject(value)) {
    wrong(typeof value === 'function' ? '; call it to get the value' : '');
  } else if ('struct' in shape && !Token.isUnresolved(value)) {
    checkStruct(value, type, `${at}.`, shapes, problems);
  } else if ('object' in shape && isPlainObject(value)) {
    // An instance of a class (aws-cdk-lib's, in whatever version) is taken as it is; an object literal in its place must
    // have what the library reads of it.
    const missing = shape.members.filter(member => !(member in value));
    if (missing.length > 0) {
      wrong(` without ${missing.slice(0, 3).map(member => `\`${member}\``).join(', ')}${missing.length > 3 ? ', ...' : ''}`);
    }
  }
}

/** Whether a value passes as the type: a string given where a list of strings is expected goes in a list. */
function fits(value: unknown, type: string, shapes: Shapes): boolean {
  const problems: PropProblem[] = [];
  checkValue(value, type, '', shapes, problems);
  return problems.length === 0;
}

/** Whether an enum allows a value: one listed, of an enum object (not a numeric enum's reverse mapping), or of the type. */
function enumAllows(values: Extract<TypeShape, { enum: unknown }>['enum'], value: unknown): boolean {
  if (typeof values === 'string') {
    return typeof value === values;
  }
  const allowed = Array.isArray(values) ? values : Object.entries(values).filter(([member]) => isNaN(Number(member))).map(([, v]) => v);
  return allowed.includes(value as string | number);
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object literal (or one made with `Object.create(null)`), not an instance of a class. */
function isPlainObject(value: { [key: string]: unknown }): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}

/** What a type is, for a message: `an iam.ArnPrincipal (an object such as new iam.AccountPrincipal('111122223333'))`. */
function describeType(type: string, shapes: Shapes): string {
  if (type.endsWith('[]')) {
    const element = type.slice(0, -2);
    const shape = shapes[element];
    return `a list of ${!shape ? `${element}s` : `${element} ${'enum' in shape ? 'values' : 'objects'}`}`;
  }
  if (type === 'string' || type === 'number' || type === 'boolean') {
    return `a ${type}`;
  }
  const shape = shapes[type];
  if (!shape) {
    return type;
  }
  if ('enum' in shape) {
    const values = Array.isArray(shape.enum) ? `${shape.enum.map(v => JSON.stringify(v)).join(', ')}; ` : '';
    return `${article(type)} ${type} (${values}such as ${shape.example})`;
  }
  if ('struct' in shape) {
    const props = Object.keys(shape.struct).map(key => key.replace(/\?$/, ''));
    return `${article(type)} ${type} (an object with ${props.slice(0, 3).map(p => `\`${p}\``).join(', ')}${props.length > 3 ? ', ...' : ''})`;
  }
  const example = shape.example ?? EXTERNAL_EXAMPLES[type];
  return `${article(type)} ${type} (an object${example ? ` such as ${example}` : ''})`;
}

/** What was given, for a message: `the string "111122223333"`. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value)) {
    return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'string') {
    return Token.isUnresolved(value) ? 'a string known only at deploy time (a token)' : `the string ${JSON.stringify(truncate(value))}`;
  }
  if (typeof value === 'function') {
    return `the function ${value.name || '(anonymous)'}`;
  }
  if (typeof value === 'object') {
    const className = Object.getPrototypeOf(value)?.constructor?.name;
    return !className || className === 'Object' ? 'a plain object' : `${article(className)} ${className} object`;
  }
  return `the ${typeof value} ${String(value)}`;
}

function article(name: string): string {
  return /^[aeiou]/i.test(name) ? 'an' : 'a';
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The known name closest to a misspelled one: the same but for case, or within two edits (at most half the name). */
function closestKnownName(name: string, known: string[]): string | undefined {
  return known.find(k => k.toLowerCase() === name.toLowerCase()) ?? closestName(name, known, Math.min(2, Math.floor(name.length / 2)));
}
