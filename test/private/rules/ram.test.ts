import { Token } from 'aws-cdk-lib';
import { Finding } from '../../../src/private/rules/findings';
import { validateSharePrincipals } from '../../../src/private/rules/ram';

const messages = (findings: Finding[]) => findings.map(finding => finding.message);

describe('validateSharePrincipals', () => {
  test('accepts account IDs, organization and OU ARNs, and tokens', () => {
    expect(validateSharePrincipals([
      '222222222222',
      'arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5',
      'arn:aws:organizations::111111111111:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56',
      Token.asString({ Ref: 'Account' }),
    ], 'Resource configurations are')).toEqual([]);
  });

  test('rejects IAM principals and anything else, listing them', () => {
    expect(messages(validateSharePrincipals(['arn:aws:iam::222222222222:root', '*', '2222'], 'Resource configurations are'))).toEqual([
      expect.stringMatching(/^`allowedPrincipals` must hold AWS account IDs .* got 'arn:aws:iam::222222222222:root', '\*', '2222'\. Resource configurations are shared with accounts, OUs and organizations/),
    ]);
  });

  test('names what is shared', () => {
    expect(messages(validateSharePrincipals(['*'], 'A Route 53 Profile is'))).toEqual([
      expect.stringMatching(/got '\*'\. A Route 53 Profile is shared with accounts, OUs and organizations, not with IAM roles or users\.$/),
    ]);
  });
});
