import { error, Finding } from './findings';

/** The two kinds of context value the constructs ask for or cause (README, "Synthesizing with and without AWS credentials"). */
export type LookupKind = 'availability-zones' | 'endpoint-service-availability-zones';

/** A context value asked for, as the CDK CLI left it. */
export interface Lookup {
  readonly kind: LookupKind;
  /** The context key, `availability-zones:account=111111111111:region=us-east-1` and the like. */
  readonly key: string;
  readonly account: string;
  readonly region: string;
  /** For `endpoint-service-availability-zones`, the service looked up. */
  readonly serviceName?: string;
  /** What the CLI reported when it could not look the value up (no credentials, say); undefined when it did not try or succeeded. */
  readonly providerError?: string;
}

/** What each kind of value is, and the AWS CLI command that prints it for an account and Region. */
function valueOf(lookup: Lookup): { what: string; command: string } {
  if (lookup.kind === 'availability-zones') {
    return {
      what: 'the names of the account\'s AZs',
      command: `aws ec2 describe-availability-zones --region ${lookup.region} --filters Name=zone-type,Values=availability-zone `
        + '--query "AvailabilityZones[].ZoneName"',
    };
  }
  return {
    what: `the names of the account's AZs in which ${lookup.serviceName} is offered`,
    command: `aws ec2 describe-vpc-endpoint-services --region ${lookup.region} --service-names ${lookup.serviceName} `
      + '--query "ServiceDetails[0].AvailabilityZones"',
  };
}

/**
 * A lookup the CDK CLI tried and could not make fails synth with aws-cdk-lib's error, which names neither the context key
 * nor its value. This says both, so that a first synth without credentials tells what to put into `cdk.context.json`.
 */
export function validateLookupsMade(lookups: Lookup[]): Finding[] {
  return lookups.filter(lookup => lookup.providerError !== undefined).map(lookup => {
    const { what, command } = valueOf(lookup);
    return error(`The CDK CLI could not look up the context value \`${lookup.key}\` (${lookup.providerError}). Run \`cdk synth\` `
      + `with credentials for account ${lookup.account}, or put the value into cdk.context.json yourself: \`"${lookup.key}": `
      + `["${lookup.region}a", "${lookup.region}b"]\`, with ${what}, which \`${command}\` prints.`);
  });
}
