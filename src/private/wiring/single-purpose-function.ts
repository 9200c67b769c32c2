import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * The function of a custom resource that makes one AWS call: its source inline, a log group (`Logs`) and a role (`Role`)
 * of its own, defined in `scope` as `Handler`.
 *
 * Not an `AwsCustomResource`: that one's function and role are a singleton that every `AwsCustomResource` of the stack
 * shares, so anything said about them (a cdk-nag suppression, a permission) would apply to the user's custom resources
 * too. This role has no managed policy: it may make the one call of `statement` and write to its log group.
 *
 * @param source the handler's JavaScript (`exports.handler`); the Node.js runtimes from 18 on include the AWS SDK for
 * JavaScript v3 and `fetch` ("Lambda runtimes", https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html)
 * @param statement the one call the function may make
 */
export function defineSinglePurposeFunction(scope: Construct, source: string, statement: iam.PolicyStatement): lambda.IFunction {
  const logGroup = new logs.LogGroup(scope, 'Logs');
  const role = new iam.Role(scope, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  const { policyDependable } = role.addToPrincipalPolicy(statement);
  logGroup.grantWrite(role);

  const handler = new lambda.Function(scope, 'Handler', {
    runtime: lambda.Runtime.NODEJS_LATEST,
    handler: 'index.handler',
    code: lambda.Code.fromInline(source),
    // lambda.Function makes its resource depend on every resource of the role it is given. On the role itself that
    // is redundant (its `Role` property already reads the role's ARN; cfn-lint W3005), so it gets the role by ARN and
    // depends on the role's policy only, which must exist before the custom resource calls the function.
    role: iam.Role.fromRoleArn(scope, 'RoleByArn', role.roleArn, { mutable: false }),
    logGroup,
    timeout: Duration.minutes(1),
  });
  handler.node.addDependency(policyDependable!);
  return handler;
}

/** What a custom resource's handler does, apart from answering CloudFormation. */
export interface CustomResourceHandlerParts {
  /** Statements before the handler: the AWS SDK client it calls. */
  readonly setup: string;
  /** The names of the resource properties the handler reads. */
  readonly properties: string[];
  /** A JavaScript expression of the physical resource ID on create and update. */
  readonly physicalResourceId: string;
  /** Statements run on create and update (never on delete), indented six spaces; they may set `response.Data`. */
  readonly work: string;
}

/**
 * The source of a custom resource's handler: runs `work` on create and update, does nothing on delete, and reports to
 * CloudFormation through the pre-signed response URL, FAILED with the error if `work` throws. The request and response
 * fields are those of "Custom resource request objects" and "Custom resource response objects"
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html and crpg-ref-responses.html).
 * The response goes out with an empty content type, which the pre-signed URL was signed with.
 */
export function customResourceHandlerSource(parts: CustomResourceHandlerParts): string {
  return `
${parts.setup}
exports.handler = async (event) => {
  const { ${parts.properties.join(', ')} } = event.ResourceProperties;
  const response = {
    Status: 'SUCCESS',
    PhysicalResourceId: event.RequestType === 'Delete' ? event.PhysicalResourceId : ${parts.physicalResourceId},
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  try {
    if (event.RequestType !== 'Delete') {
${parts.work}
    }
  } catch (error) {
    response.Status = 'FAILED';
    response.Reason = String(error);
  }
  await fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '' }, body: JSON.stringify(response) });
};
`;
}
