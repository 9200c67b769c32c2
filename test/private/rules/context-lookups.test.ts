import { Lookup, validateLookupsMade } from '../../../src/private/rules/context-lookups';

const NO_CREDENTIALS = 'Need to perform AWS calls for account 111111111111, but no credentials have been configured';
const AZS: Lookup = {
  kind: 'availability-zones',
  key: 'availability-zones:account=111111111111:region=eu-west-1',
  account: '111111111111',
  region: 'eu-west-1',
};
const SERVICE_AZS: Lookup = {
  kind: 'endpoint-service-availability-zones',
  key: 'endpoint-service-availability-zones:account=111111111111:region=eu-west-1:serviceName=com.amazonaws.eu-west-1.ssm',
  account: '111111111111',
  region: 'eu-west-1',
  serviceName: 'com.amazonaws.eu-west-1.ssm',
};

describe('validateLookupsMade', () => {
  test('says nothing of values that were looked up or not tried yet', () => {
    expect(validateLookupsMade([AZS, SERVICE_AZS])).toEqual([]);
  });

  test('names the key of each value the CLI could not look up, the value to put there and the command that prints it', () => {
    const findings = validateLookupsMade([{ ...AZS, providerError: NO_CREDENTIALS }, { ...SERVICE_AZS, providerError: NO_CREDENTIALS }]);
    expect(findings.map(finding => finding.severity)).toEqual(['error', 'error']);
    expect(findings.map(finding => finding.message)).toEqual([
      `The CDK CLI could not look up the context value \`${AZS.key}\` (${NO_CREDENTIALS}). Run \`cdk synth\` with credentials `
      + `for account 111111111111, or put the value into cdk.context.json yourself: \`"${AZS.key}": ["eu-west-1a", "eu-west-1b"]\`, `
      + 'with the names of the account\'s AZs, which `aws ec2 describe-availability-zones --region eu-west-1 --filters '
      + 'Name=zone-type,Values=availability-zone --query "AvailabilityZones[].ZoneName"` prints.',
      `The CDK CLI could not look up the context value \`${SERVICE_AZS.key}\` (${NO_CREDENTIALS}). Run \`cdk synth\` with `
      + `credentials for account 111111111111, or put the value into cdk.context.json yourself: \`"${SERVICE_AZS.key}": `
      + '["eu-west-1a", "eu-west-1b"]`, with the names of the account\'s AZs in which com.amazonaws.eu-west-1.ssm is offered, which '
      + '`aws ec2 describe-vpc-endpoint-services --region eu-west-1 --service-names com.amazonaws.eu-west-1.ssm --query '
      + '"ServiceDetails[0].AvailabilityZones"` prints.',
    ]);
  });
});
