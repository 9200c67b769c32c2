import { Token } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

/** A value published in SSM Parameter Store for stacks and accounts that cannot reference it. */
export interface PublishedParameterProps {
  readonly parameterName: string;
  readonly description: string;
  readonly stringValue: string;
}

/**
 * Publishes a value in a String parameter. aws-cdk-lib formats the parameter's ARN from its name, and refuses a name known
 * only at deploy time unless told whether it is a simple name or a path; nothing here reads the ARN, so such a name is
 * taken as a path (`/network/...`), the form the props that name parameters document.
 */
export function publishParameter(scope: Construct, id: string, props: PublishedParameterProps): ssm.StringParameter {
  return new ssm.StringParameter(scope, id, {
    ...props,
    simpleName: Token.isUnresolved(props.parameterName) ? false : undefined,
  });
}
