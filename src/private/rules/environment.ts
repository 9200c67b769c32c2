import { Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { error, Finding, warning } from './findings';
import { isRegionName } from '../facts/regions';

/**
 * The stack's Region must be a Region: a mistyped one (`eu-west1`) synthesizes, and fails at deploy or, worse, names
 * services and zones that do not exist. The Regions aws-cdk-lib knows (its RegionInfo, which AWS updates with each
 * release) tell a typo from a Region newer than the aws-cdk-lib in use, which gets a warning to acknowledge.
 */
export function validateStackRegion(region: string): Finding[] {
  if (Token.isUnresolved(region)) {
    return [];
  }
  if (!isRegionName(region)) {
    return [error(`the stack's Region '${region}' is not a Region name (like eu-west-1 or us-gov-west-1). Fix \`env.region\` of the stack.`)];
  }
  if (RegionInfo.regions.some(known => known.name === region)) {
    return [];
  }
  return [warning('unknownRegion', `the stack's Region '${region}' is not one this aws-cdk-lib knows (RegionInfo.regions): check its `
    + 'spelling, or acknowledge this warning for a Region newer than this aws-cdk-lib.')];
}
