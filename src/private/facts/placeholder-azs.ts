/**
 * The AZ names aws-cdk-lib gives until the CDK CLI has looked up an account's AZs: `Stack.availabilityZones` and
 * `Vpc.fromLookup` return `dummy1a`, `dummy1b`, `dummy1c` while their context is missing. A real AZ name starts
 * with its Region (`us-east-1a`), so none looks like these.
 */
const PLACEHOLDER_AZ = /^dummy\d[a-z]$/;

/** What messages say instead of naming a placeholder AZ. */
export const AZ_NAMES_NOT_KNOWN = 'The AZ names are not known yet: the CDK CLI looks them up for the stack\'s account '
  + 'and Region (this needs credentials) and caches them in cdk.context.json.';

/** Whether the AZ name is aws-cdk-lib's placeholder for an AZ that has not been looked up yet. */
export function isPlaceholderAz(az: string): boolean {
  return PLACEHOLDER_AZ.test(az);
}
