import { Token } from 'aws-cdk-lib';
import { error, Finding } from './findings';

/**
 * The most characters an endpoint policy may have, white space included ("Control access to VPC endpoints using
 * endpoint policies", https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html).
 */
export const MAX_ENDPOINT_POLICY_CHARACTERS = 20_480;

/**
 * AWS services that integrate with PrivateLink but do not accept an endpoint policy: CreateVpcEndpoint refuses a
 * policy document for them ("Service ... only supports the full-access endpoint policy").
 *
 * AWS no longer publishes this as a table; `aws ec2 describe-vpc-endpoint-services --service-names
 * com.amazonaws.<region>.<service> --query 'ServiceDetails[].VpcEndpointPolicySupported'` is the authority
 * ("View endpoint policy support", https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html).
 * Sources of this list, checked June 2026:
 * - the list kept by AWS's Landing Zone Accelerator, awslabs/landing-zone-accelerator-on-aws
 *   network-vpc-endpoints-stack.ts (`policiesUnsupported`, commit 61bba81, 2026-06-02);
 * - `elasticbeanstalk-health`: "The enhanced health service doesn't support endpoint policies",
 *   https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/vpc-vpce.policy.html;
 * - `neptune-graph`: "does not support VPC endpoint policies for the control plane service",
 *   https://docs.aws.amazon.com/neptune-analytics/latest/userguide/gettingStarted-connecting-private-link-create-policy.html.
 */
const SERVICES_WITHOUT_ENDPOINT_POLICY = [
  'appmesh-envoy-management',
  'appstream.api',
  'appstream.streaming',
  'aps',
  'aps-workspaces',
  'awsconnector',
  'cloudtrail',
  'codeguru-profiler',
  'codeguru-reviewer',
  'codepipeline',
  'datasync',
  'deviceadvisor.iot',
  'ebs',
  'elastic-inference.runtime',
  'elasticbeanstalk-health',
  'email-smtp',
  'iot.data',
  'iotsitewise.api',
  'iotsitewise.data',
  'iotwireless.api',
  'lorawan.cups',
  'lorawan.lns',
  'macie2',
  'neptune-graph',
  'sms',
  'sms-fips',
  'storagegateway',
  'transfer',
  'transfer.server',
];

/**
 * Whether an endpoint to this service accepts a policy. Endpoints to endpoint services that are not AWS services
 * (`vpce-svc-...`, including AWS Marketplace services) always allow full access ("When you create a VPC endpoint for
 * an endpoint service other than an AWS service, we allow full access to the endpoint", vpc-endpoints-access.html).
 * A VPC-wide default policy should only be applied where this is true.
 */
export function supportsEndpointPolicy(serviceShortName: string): boolean {
  return !serviceShortName.startsWith('vpce-svc-') && !SERVICES_WITHOUT_ENDPOINT_POLICY.includes(serviceShortName);
}

/** One endpoint's policy, as plain data, for the rules below. */
export interface EndpointPolicyRuleInput {
  /** The prop that set the policy, named in messages: `endpointPolicy`, or the per-endpoint option. */
  readonly prop: string;
  /** The endpoint's service short name (`s3`, `ssm`, `vpce-svc-...`). */
  readonly serviceShortName: string;
  /** Whether the endpoint is a gateway endpoint. */
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
  if (input.policyDocument === undefined || Token.isUnresolved(input.serviceShortName) || supportsEndpointPolicy(input.serviceShortName)) {
    return [];
  }
  const [why, instead] = input.serviceShortName.startsWith('vpce-svc-')
    ? ['endpoints to services other than AWS services only allow full access', 'the provider\'s allowed principals']
    : ['this AWS service does not support endpoint policies (VpcEndpointPolicySupported is false)', 'IAM policies'];
  return [error(
    `\`${input.prop}\` sets a policy on the \`${input.serviceShortName}\` endpoint, but ${why}. `
    + `Use EndpointPolicy.fullAccess() for this endpoint and restrict access with ${instead}.`,
  )];
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
    `\`${input.prop}\` renders a policy of ${atLeast}${length} characters on the \`${input.serviceShortName}\` endpoint; `
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
        `\`${input.prop}\` has ${which} without a \`Principal\` on the \`${input.serviceShortName}\` endpoint; every `
        + 'statement of an endpoint policy must name one. Add `principals: [new iam.StarPrincipal()]` and narrow it '
        + 'with a condition such as aws:PrincipalAccount.',
      )];
    }
    if (input.gateway && !isIntrinsic(statement.Principal) && !isWildcardPrincipal(statement.Principal)) {
      return [error(
        `\`${input.prop}\` has ${which} with the principal ${JSON.stringify(statement.Principal)} on the `
        + `\`${input.serviceShortName}\` gateway endpoint; gateway endpoints accept only the \`*\` principal. Use `
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
