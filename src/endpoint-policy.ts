import { Fn, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AWS_OWNED_BUCKETS, AwsOwnedBucketRow } from './private/facts/aws-owned-buckets';

/**
 * What a policy preset needs to know about the one endpoint it renders a policy for.
 */
export interface EndpointPolicyBindOptions {
  /**
   * The short name of the endpoint's service: `s3`, `dynamodb`, `ssm`, `ecr.dkr`, or `vpce-svc-0123...` for a
   * PrivateLink endpoint service.
   */
  readonly serviceShortName: string;

  /**
   * Whether the endpoint is a gateway endpoint (S3, DynamoDB) rather than an interface endpoint.
   *
   * The presets render the same statements for both types: they always use the `*` principal, which gateway
   * endpoints require, and narrow it with condition keys. A custom `EndpointPolicy` may use this.
   *
   * @default false
   */
  readonly gateway?: boolean;
}

/**
 * The policy a preset renders for one endpoint.
 */
export interface EndpointPolicyConfig {
  /**
   * The statements of the endpoint's policy document. Empty means no document is rendered at all, so the endpoint
   * keeps AWS's default policy, which allows full access.
   */
  readonly statements: iam.PolicyStatement[];
}

/**
 * An endpoint policy: the most that principals in the VPC may do through a VPC endpoint (it grants nothing by
 * itself; IAM and resource policies still apply). Apply one to every endpoint that supports a policy, and override it
 * per endpoint where needed.
 *
 * The account and organization presets are data-perimeter controls, after AWS's data perimeter policy examples
 * (https://github.com/aws-samples/data-perimeter-policy-examples/tree/main/vpc_endpoint_policies), and keep what
 * those examples keep working:
 * - requests made by AWS service principals on your behalf (`aws:PrincipalIsAWSService`), on every endpoint;
 * - on STS endpoints, web identity and SAML federation into the perimeter's roles (`AssumeRoleWithWebIdentity`,
 *   `AssumeRoleWithSAML`: EKS IRSA, GitHub OIDC, SSO), whose callers are not principals of any account yet;
 * - on S3 endpoints, the AWS-owned buckets that workloads in a locked-down VPC need, in the stack's Region: ECR image
 *   layers, CloudFormation custom-resource and wait-condition responses, Amazon Linux 2 and 2023 package repositories,
 *   the Systems Manager agent, distributor and patching buckets, and the CloudWatch agent downloads. Requests to those
 *   buckets are signed by AWS's accounts (presigned URLs) or anonymous, so no account or organization condition can
 *   match them.
 */
export abstract class EndpointPolicy {
  /**
   * AWS's default: no policy document is rendered, so the endpoint allows full access.
   */
  public static fullAccess(): EndpointPolicy {
    return new StatementListPolicy([]);
  }

  /**
   * Allows requests made by principals of one account (`aws:PrincipalAccount`), to any resource.
   *
   * @param account the account whose principals may use the endpoint; default: the stack's account
   */
  public static accountPrincipals(account?: string): EndpointPolicy {
    return new PerimeterPolicy(accountPerimeter(account), false);
  }

  /**
   * Allows requests made by principals of one AWS Organizations organization (`aws:PrincipalOrgID`), to any resource.
   *
   * @param organizationId the organization's ID, `o-` followed by 10 to 32 lowercase letters or digits
   */
  public static organizationPrincipals(organizationId: string): EndpointPolicy {
    return new PerimeterPolicy(organizationPerimeter(organizationId), false);
  }

  /**
   * Allows requests to resources owned by one account (`aws:ResourceAccount`), made by any principal.
   *
   * This applies to S3 and DynamoDB, whose requests name a resource owned by an account. On every other service it
   * falls back to `accountPrincipals(account)`: many of their actions (`sts:GetCallerIdentity`,
   * `ecr:GetAuthorizationToken`, `ssm` agent messages) name no resource of an account, so a resource condition
   * would deny them. Actions with no resource (`s3:ListAllMyBuckets`, `dynamodb:ListTables`) are denied on S3 and
   * DynamoDB too.
   *
   * @param account the account whose resources may be reached; default: the stack's account
   */
  public static accountResources(account?: string): EndpointPolicy {
    return new PerimeterPolicy(accountPerimeter(account), true);
  }

  /**
   * Allows requests to resources owned by accounts of one AWS Organizations organization (`aws:ResourceOrgID`), made
   * by any principal.
   *
   * This applies to S3 and DynamoDB. On every other service it falls back to `organizationPrincipals(organizationId)`,
   * for the reason given on `accountResources()`.
   *
   * @param organizationId the organization's ID, `o-` followed by 10 to 32 lowercase letters or digits
   */
  public static organizationResources(organizationId: string): EndpointPolicy {
    return new PerimeterPolicy(organizationPerimeter(organizationId), true);
  }

  /**
   * A policy of your own statements, rendered as given on every endpoint it is applied to (no AWS-owned bucket is
   * added). Every statement must have a principal; gateway endpoints accept only the `*` principal
   * (`new iam.StarPrincipal()` or `new iam.AnyPrincipal()`), narrowed with conditions such as `aws:PrincipalArn`.
   */
  public static fromStatements(statements: iam.PolicyStatement[]): EndpointPolicy {
    return new StatementListPolicy(statements);
  }

  /**
   * Renders this policy's statements for one endpoint. The Region and the default account come from
   * `Stack.of(scope)`.
   */
  public abstract bind(scope: Construct, options: EndpointPolicyBindOptions): EndpointPolicyConfig;
}

/** The services whose requests carry the owner of the resource they reach, so a resource perimeter works there. */
const RESOURCE_PERIMETER_SERVICES = ['s3', 'dynamodb'];

/** Who is inside the perimeter, by principal and by resource, and how the statements say so. */
interface Perimeter {
  /** The part of the statement ID after `Allow` and before `Principals` / `Resources`. */
  readonly name: string;
  readonly principalKey: string;
  readonly resourceKey: string;
  value(scope: Construct): string;
}

function accountPerimeter(account: string | undefined): Perimeter {
  return {
    name: 'Account',
    principalKey: 'aws:PrincipalAccount',
    resourceKey: 'aws:ResourceAccount',
    value: scope => account ?? Stack.of(scope).account,
  };
}

function organizationPerimeter(organizationId: string): Perimeter {
  return {
    name: 'Organization',
    principalKey: 'aws:PrincipalOrgID',
    resourceKey: 'aws:ResourceOrgID',
    value: () => organizationId,
  };
}

class PerimeterPolicy extends EndpointPolicy {
  constructor(private readonly perimeter: Perimeter, private readonly byResource: boolean) {
    super();
  }

  public bind(scope: Construct, options: EndpointPolicyBindOptions): EndpointPolicyConfig {
    const byResource = this.byResource && RESOURCE_PERIMETER_SERVICES.includes(options.serviceShortName);
    const value = this.perimeter.value(scope);
    const statements = [
      allowAll(`Allow${this.perimeter.name}${byResource ? 'Resources' : 'Principals'}`, {
        StringEquals: { [byResource ? this.perimeter.resourceKey : this.perimeter.principalKey]: value },
      }),
      allowAll('AllowAwsServicePrincipals', { Bool: { 'aws:PrincipalIsAWSService': 'true' } }),
    ];
    if (options.serviceShortName === 'sts') {
      statements.push(federationStatement(this.perimeter, value));
    }
    if (options.serviceShortName === 's3') {
      statements.push(...awsOwnedBucketStatements(scope));
    }
    return { statements };
  }
}

/** Any action on any resource through the endpoint, by any principal that meets `conditions`. */
function allowAll(sid: string, conditions: Record<string, unknown>): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid,
    principals: [new iam.StarPrincipal()],
    actions: ['*'],
    resources: ['*'],
    conditions,
  });
}

/**
 * Web identity and SAML federation have no calling principal of an account (the data perimeter examples leave these
 * actions out of their principal perimeter for that reason: resource_control_policies/README.md), so they are allowed
 * by the perimeter of the role being assumed. Session tags and source identity are set in the same call.
 */
function federationStatement(perimeter: Perimeter, value: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'AllowFederationIntoPerimeterRoles',
    principals: [new iam.StarPrincipal()],
    actions: ['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity'],
    resources: ['*'],
    conditions: { StringEquals: { [perimeter.resourceKey]: value } },
  });
}

class StatementListPolicy extends EndpointPolicy {
  constructor(private readonly statements: iam.PolicyStatement[]) {
    super();
  }

  public bind(): EndpointPolicyConfig {
    return { statements: [...this.statements] };
  }
}

/** The AWS-owned buckets of the stack's Region (`AWS_OWNED_BUCKETS`), read and written as the table says. */
function awsOwnedBucketStatements(scope: Construct): iam.PolicyStatement[] {
  const stack = Stack.of(scope);
  const objects = (access: AwsOwnedBucketRow['access']) => AWS_OWNED_BUCKETS
    .filter(row => row.access === access)
    .map(row => row.bucket.replace('{regionWithoutDashes}', withoutDashes(stack.region)).replace('{region}', stack.region))
    .map(bucket => `arn:${stack.partition}:s3:::${bucket}/*`);
  return [
    new iam.PolicyStatement({
      sid: 'AllowAwsOwnedBucketReads',
      principals: [new iam.StarPrincipal()],
      actions: ['s3:GetObject'],
      resources: objects('read'),
    }),
    new iam.PolicyStatement({
      sid: 'AllowAwsOwnedBucketWrites',
      principals: [new iam.StarPrincipal()],
      actions: ['s3:PutObject'],
      resources: objects('write'),
    }),
  ];
}

/** `us-west-2` -> `uswest2`, also for a Region only known at deploy time. */
function withoutDashes(region: string): string {
  return Token.isUnresolved(region) ? Fn.join('', Fn.split('-', region)) : region.replace(/-/g, '');
}
