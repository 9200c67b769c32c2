import { Token } from 'aws-cdk-lib';
import { error, Finding } from './findings';
import { REGIONS_WITHOUT_RESOURCE_TYPE } from '../facts/resource-availability';

/**
 * The resource type exists in the stack's Region; an unresolved Region is not checked.
 *
 * @param fix what to do instead, for the message
 */
export function validateResourceTypeInRegion(resourceType: string, region: string,
  fix = 'Deploy the stack to another Region, or leave the construct out.'): Finding[] {
  if (Token.isUnresolved(region) || !(REGIONS_WITHOUT_RESOURCE_TYPE[resourceType] ?? []).includes(region)) {
    return [];
  }
  return [error(`${resourceType} does not exist in ${region}: CloudFormation has no such resource type there, so the stack `
    + `would fail to create. ${fix}`)];
}
