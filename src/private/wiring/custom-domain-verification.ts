import { CustomResource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import { Construct } from 'constructs';
import { customResourceHandlerSource, defineSinglePurposeFunction } from './single-purpose-function';

/**
 * The handler: reads the TXT record of a domain verification (`GetDomainVerification`, whose `txtMethodConfig` holds the
 * record's `name` and `value`: https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_GetDomainVerification.html)
 * on create and update.
 *
 * The API reference calls `name` "the name of the TXT record that must be created" without saying whether it is
 * absolute; a name that is not the domain or under it is taken under the domain, where PrivateLink's verification
 * records of private DNS names go (https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html). `Name` is
 * returned fully qualified, without the final dot.
 */
export const HANDLER_SOURCE = customResourceHandlerSource({
  setup: "const { VPCLatticeClient, GetDomainVerificationCommand } = require('@aws-sdk/client-vpc-lattice');\n"
    + 'const lattice = new VPCLatticeClient({});',
  properties: ['DomainVerificationArn', 'DomainName'],
  physicalResourceId: 'DomainVerificationArn',
  work: [
    '      const { txtMethodConfig } = await lattice.send(new GetDomainVerificationCommand({ domainVerificationIdentifier: DomainVerificationArn }));',
    "      const domain = DomainName.toLowerCase().replace(/\\.$/, '');",
    "      const name = txtMethodConfig.name.toLowerCase().replace(/\\.$/, '');",
    "      const underDomain = name === domain || name.endsWith('.' + domain);",
    "      response.Data = { Name: underDomain ? name : name + '.' + domain, Value: txtMethodConfig.value };",
  ].join('\n'),
});

export interface CustomDomainVerificationProps {
  /** The domain name to verify, like `orders-db.example.com`. */
  readonly domainName: string;
  /** The public hosted zone of the domain or of a parent domain, which takes the TXT record. */
  readonly zone: route53.IPublicHostedZone;
}

/**
 * A VPC Lattice domain verification of a custom domain name and its TXT record in a public hosted zone.
 *
 * CloudFormation starts the verification (`AWS::VpcLattice::DomainVerification`), but returns the record only as the
 * object attribute `TxtMethodConfig`: its readOnlyProperties name `/properties/TxtMethodConfig` and no property inside
 * it, and the return values of the template reference list `Arn`, `Id` and `Status` only
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-domainverification.html),
 * so no `Fn::GetAtt` reaches the record's name or value (cfn-lint rejects `TxtMethodConfig.name`). A custom resource
 * reads them with `GetDomainVerification`, with a function of its own that may read this one verification. The
 * verification's status is `PENDING` until it is `VERIFIED` or `VERIFICATION_TIMED_OUT` (GetDomainVerification).
 */
export class CustomDomainVerification extends Construct {
  /** The ID of the domain verification, like `dv-0123456789abcdef0`. */
  public readonly domainVerificationId: string;

  constructor(scope: Construct, id: string, props: CustomDomainVerificationProps) {
    super(scope, id);

    const verification = new vpclattice.CfnDomainVerification(this, 'Resource', { domainName: props.domainName });
    this.domainVerificationId = verification.attrId;

    const handler = defineSinglePurposeFunction(this, HANDLER_SOURCE, new iam.PolicyStatement({
      actions: ['vpc-lattice:GetDomainVerification'],
      resources: [verification.attrArn],
    }));
    const txtMethodConfig = new CustomResource(this, 'TxtMethodConfig', {
      serviceToken: handler.functionArn,
      resourceType: 'Custom::DomainVerificationTxtMethodConfig',
      properties: { DomainVerificationArn: verification.attrArn, DomainName: props.domainName },
    });

    new route53.TxtRecord(this, 'Record', {
      zone: props.zone,
      // Fully qualified: the final dot keeps Route 53's construct from adding the zone's name to it again.
      recordName: `${txtMethodConfig.getAttString('Name')}.`,
      values: [txtMethodConfig.getAttString('Value')],
    });
  }
}
