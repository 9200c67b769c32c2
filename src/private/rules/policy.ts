import { Token } from 'aws-cdk-lib';
import { error, Finding } from './findings';
import { supportsEndpointPolicy } from '../facts/endpoint-policy-support';

/**
 * The most characters an endpoint policy may have, white space included ("Control access to VPC endpoints using
 * endpoint policies", https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html).
 */
export const MAX_ENDPOINT_POLICY_CHARACTERS = 20_480;

/**
 * The policy of one or more endpoints of one type that render the same document from the same prop, as plain data,
 * for the rules below: one problem of a policy applied to many endpoints is one finding naming them all.
 */
export interface EndpointPolicyRuleInput {
  /** The prop that set the policy, named in messages: `endpointPolicy`, or the per-endpoint option. */
  readonly prop: string;
  /** The endpoints' service short names (`s3`, `ssm`, `vpce-svc-...`). */
  readonly serviceShortNames: string[];
  /** Whether the endpoints are gateway endpoints. */
  readonly gateway: boolean;
  /**
   * The endpoint's policy document resolved with `Stack.resolve()` (deploy-time values stay CloudFormation
   * intrinsics such as `{ Ref: 'AWS::AccountId' }`), or undefined when no document is rendered.
   */
  readonly policyDocument?: unknown;
}

/** Every endpoint-policy rule for one endpoint. */
export function validateEndpointPolicy(input: EndpointPolicyRuleInput): Finding[] {
  return [...validatePolicySupport(input), ...validatePolicySize(input), ...validatePolicyPrincipals(input)];
}

/** A policy set on an endpoint whose service only allows the default full-access policy. */
export function validatePolicySupport(input: EndpointPolicyRuleInput): Finding[] {
  if (input.policyDocument === undefined) {
    return [];
  }
  return input.serviceShortNames
    .filter(service => !Token.isUnresolved(service) && !supportsEndpointPolicy(service))
    .map(service => {
      const [why, instead] = service.startsWith('vpce-svc-')
        ? ['endpoints to services other than AWS services only allow full access', 'the provider\'s allowed principals']
        : ['this AWS service does not support endpoint policies (VpcEndpointPolicySupported is false)', 'IAM policies'];
      return error(`\`${input.prop}\` sets a policy on the \`${service}\` endpoint, but ${why}. `
        + `Use EndpointPolicy.fullAccess() for this endpoint and restrict access with ${instead}.`);
    });
}

/** `the \`ssm\` endpoint`, or `the \`ssm\`, \`logs\` endpoints`: the endpoints a finding is about. */
function endpointsOf(input: EndpointPolicyRuleInput): string {
  const names = input.serviceShortNames.map(service => `\`${service}\``).join(', ');
  return `the ${names} ${input.gateway ? 'gateway ' : ''}endpoint${input.serviceShortNames.length === 1 ? '' : 's'}`;
}

/**
 * A policy over the size limit. The policy is measured as compact JSON with every deploy-time value (`Ref`,
 * `Fn::GetAtt`, ...) counted as empty, and only the literal parts of `Fn::Join`: a lower bound of the deployed size,
 * so the rule reports only policies that are certainly too long, and still measures policies with tokens.
 */
export function validatePolicySize(input: EndpointPolicyRuleInput): Finding[] {
  // A document not resolved with Stack.resolve() cannot be measured.
  if (input.policyDocument === undefined || Token.isUnresolved(input.policyDocument)) {
    return [];
  }
  const length = JSON.stringify(withTokensEmpty(input.policyDocument)).length;
  if (length <= MAX_ENDPOINT_POLICY_CHARACTERS) {
    return [];
  }
  const atLeast = hasIntrinsic(input.policyDocument) ? 'at least ' : '';
  return [error(
    `\`${input.prop}\` renders a policy of ${atLeast}${length} characters on ${endpointsOf(input)}; `
    + `an endpoint policy may have at most ${MAX_ENDPOINT_POLICY_CHARACTERS}. Merge statements (one statement can list `
    + 'several actions and resources) or use wildcards in resource ARNs.',
  )];
}

/**
 * Statements without a `Principal` (every endpoint policy statement needs one), and, on gateway endpoints,
 * statements whose principal is not `*` ("With gateway endpoints, the Principal element must be set to *",
 * vpc-endpoints-access.html).
 */
export function validatePolicyPrincipals(input: EndpointPolicyRuleInput): Finding[] {
  const statements = statementsOf(input.policyDocument);
  return statements.flatMap((statement, index) => {
    const which = `statement ${index + 1}${typeof statement.Sid === 'string' ? ` (Sid \`${statement.Sid}\`)` : ''}`;
    if (!('Principal' in statement)) {
      return [error(
        `\`${input.prop}\` has ${which} without a \`Principal\` on ${endpointsOf(input)}; every `
        + 'statement of an endpoint policy must name one. Add `principals: [new iam.StarPrincipal()]` and narrow it '
        + 'with a condition such as aws:PrincipalAccount.',
      )];
    }
    if (input.gateway && !isIntrinsic(statement.Principal) && !isWildcardPrincipal(statement.Principal)) {
      return [error(
        `\`${input.prop}\` has ${which} with the principal ${JSON.stringify(readable(statement.Principal))} on `
        + `${endpointsOf(input)}; gateway endpoints accept only the \`*\` principal. Use `
        + '`new iam.StarPrincipal()` and name the principals with the aws:PrincipalArn condition key.',
      )];
    }
    return [];
  });
}

type Json = unknown;

/** The statements of a resolved policy document that are plain objects (not intrinsics), or none. */
function statementsOf(policyDocument: Json): Array<Record<string, Json>> {
  if (!isObject(policyDocument) || !Array.isArray(policyDocument.Statement)) {
    return [];
  }
  return policyDocument.Statement.filter((s): s is Record<string, Json> => isObject(s) && !isIntrinsic(s));
}

/** `*` and `{ AWS: '*' }` are the same principal (IAM User Guide, "AWS JSON policy elements: Principal"). */
const WILDCARD_PRINCIPALS = ['"*"', '{"AWS":"*"}', '{"AWS":["*"]}'];

function isWildcardPrincipal(principal: Json): boolean {
  return WILDCARD_PRINCIPALS.includes(JSON.stringify(principal));
}

/** The document with each intrinsic replaced by the shortest string it can resolve to. */
function withTokensEmpty(value: Json): Json {
  if (Array.isArray(value)) {
    return value.map(withTokensEmpty);
  }
  if (!isObject(value)) {
    return value;
  }
  if (isIntrinsic(value)) {
    return literalText(value);
  }
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withTokensEmpty(v)]));
}

/**
 * The document as a person reads it: each intrinsic becomes the text it stands for, `${AWS::Partition}` for a `Ref`,
 * `${Role.Arn}` for an `Fn::GetAtt`, the parts of an `Fn::Join` joined.
 */
function readable(value: Json): Json {
  if (Array.isArray(value)) {
    return value.map(readable);
  }
  if (!isObject(value)) {
    return value;
  }
  return isIntrinsic(value) ? readableText(value) : Object.fromEntries(Object.entries(value).map(([key, v]) => [key, readable(v)]));
}

function readableText(intrinsic: Record<string, Json>): string {
  const [name, argument] = Object.entries(intrinsic)[0];
  if (name === 'Ref') {
    return `\${${String(argument)}}`;
  }
  if (name === 'Fn::GetAtt' && Array.isArray(argument)) {
    return `\${${argument.join('.')}}`;
  }
  if (name === 'Fn::Join' && Array.isArray(argument) && Array.isArray(argument[1])) {
    return (argument[1] as Json[]).map(part => (isObject(part) ? readableText(part) : String(part))).join(String(argument[0]));
  }
  return `\${${name}}`;
}

/** The literal characters an intrinsic certainly resolves to: the literal parts of `Fn::Join`, nothing otherwise. */
function literalText(intrinsic: Record<string, Json>): string {
  const join = intrinsic['Fn::Join'];
  if (!Array.isArray(join) || typeof join[0] !== 'string' || !Array.isArray(join[1])) {
    return '';
  }
  const [separator, parts] = join as [string, Json[]];
  return parts.map(part => (isObject(part) ? literalText(part) : String(part))).join(separator);
}

function hasIntrinsic(value: Json): boolean {
  if (Array.isArray(value)) {
    return value.some(hasIntrinsic);
  }
  return isObject(value) && (isIntrinsic(value) || Object.values(value).some(hasIntrinsic));
}

/** `{ Ref: ... }` or `{ 'Fn::...': ... }`: a CloudFormation intrinsic, whose value is known at deploy time only. */
function isIntrinsic(value: Json): boolean {
  if (!isObject(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
