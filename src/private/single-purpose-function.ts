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
  role.addToPolicy(statement);
  logGroup.grantWrite(role);

  return new lambda.Function(scope, 'Handler', {
    runtime: lambda.Runtime.NODEJS_LATEST,
    handler: 'index.handler',
    code: lambda.Code.fromInline(source),
    role,
    logGroup,
    timeout: Duration.minutes(1),
  });
}
