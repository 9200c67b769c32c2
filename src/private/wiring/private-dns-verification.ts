import { CustomResource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IDependable } from 'constructs';
import { customResourceHandlerSource, defineSinglePurposeFunction } from './single-purpose-function';

/** The handler: starts the verification on create and update (a new name or service). */
export const HANDLER_SOURCE = customResourceHandlerSource({
  setup: "const { EC2Client, StartVpcEndpointServicePrivateDnsVerificationCommand } = require('@aws-sdk/client-ec2');\n"
    + 'const ec2 = new EC2Client({});',
  properties: ['ServiceId', 'PrivateDnsName'],
  physicalResourceId: "ServiceId + ':' + PrivateDnsName",
  work: '      await ec2.send(new StartVpcEndpointServicePrivateDnsVerificationCommand({ ServiceId }));',
});

export interface PrivateDnsVerificationProps {
  /** The endpoint service, like `vpce-svc-0123456789abcdef0`. */
  readonly serviceId: string;
  /** The ARN of the endpoint service: the only resource the handler may act on. */
  readonly serviceArn: string;
  /** The private DNS name being verified; a new name starts a new verification. */
  readonly privateDnsName: string;
  /** The verification TXT record: the verification starts once it exists. */
  readonly record: IDependable;
}

/**
 * Starts the verification of an endpoint service's private DNS name
 * (`StartVpcEndpointServicePrivateDnsVerification`) when it is deployed, with a function of its own that may start
 * the verification of this one service.
 */
export class PrivateDnsVerification extends Construct {
  constructor(scope: Construct, id: string, props: PrivateDnsVerificationProps) {
    super(scope, id);

    const handler = defineSinglePurposeFunction(this, HANDLER_SOURCE, new iam.PolicyStatement({
      actions: ['ec2:StartVpcEndpointServicePrivateDnsVerification'],
      resources: [props.serviceArn],
    }));

    const verification = new CustomResource(this, 'Resource', {
      serviceToken: handler.functionArn,
      resourceType: 'Custom::PrivateDnsVerification',
      properties: { ServiceId: props.serviceId, PrivateDnsName: props.privateDnsName },
    });
    verification.node.addDependency(props.record);
  }
}
