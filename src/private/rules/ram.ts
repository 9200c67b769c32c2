import { Token } from 'aws-cdk-lib';
import { error, Finding } from './findings';

const ACCOUNT_ID = /^\d{12}$/;
const ORGANIZATION_ARN = /^arn:aws[a-z-]*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/;
const ORGANIZATIONAL_UNIT_ARN = /^arn:aws[a-z-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;

/**
 * AWS RAM shares a resource with AWS accounts, organizational units and whole organizations; VPC Lattice resource
 * configurations ("Share VPC Lattice entities", https://docs.aws.amazon.com/vpc-lattice/latest/ug/sharing.html) and
 * Route 53 Profiles ("Working with shared Route 53 Profiles",
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/sharing-profiles.html) are not shared with IAM roles or users.
 *
 * @param shared what is shared, as the message names it: "Resource configurations are", "A Route 53 Profile is"
 */
export function validateSharePrincipals(principals: string[], shared: string): Finding[] {
  const invalid = principals.filter(p => !Token.isUnresolved(p))
    .filter(p => !ACCOUNT_ID.test(p) && !ORGANIZATION_ARN.test(p) && !ORGANIZATIONAL_UNIT_ARN.test(p));
  if (invalid.length === 0) {
    return [];
  }
  return [error('`allowedPrincipals` must hold AWS account IDs (111122223333), organization ARNs '
    + '(arn:aws:organizations::<management account>:organization/o-<id>) or OU ARNs (arn:aws:organizations::<management '
    + `account>:ou/o-<id>/ou-<id>), got ${invalid.map(p => `'${p}'`).join(', ')}. ${shared} shared with `
    + 'accounts, OUs and organizations, not with IAM roles or users.')];
}
