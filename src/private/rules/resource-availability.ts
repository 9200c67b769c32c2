import { Token } from 'aws-cdk-lib';
import { error, Finding } from './findings';
import { partitionOf } from '../facts/regions';

/**
 * Resource types CloudFormation does not have in a partition: its registry schemas for the partition's Regions do not
 * list them (the schemas aws-cdk-lib 2.276 bundles for template validation report "Resource type ... does not exist in
 * 'cn-north-1'" and in 'cn-northwest-1'), so a stack with one fails to create.
 */
const TYPES_MISSING_IN_PARTITION: { readonly [partition: string]: readonly string[] } = {
  'aws-cn': ['AWS::EC2::VPCEncryptionControl', 'AWS::EC2::NetworkInsightsAccessScope'],
};

/** The construct's resource type exists in the stack's Region; an unresolved or unknown Region is not checked. */
export function validateResourceTypeInRegion(resourceType: string, region: string): Finding[] {
  const partition = Token.isUnresolved(region) ? undefined : partitionOf(region);
  if (partition === undefined || !(TYPES_MISSING_IN_PARTITION[partition] ?? []).includes(resourceType)) {
    return [];
  }
  return [error(`${resourceType} does not exist in ${region}: CloudFormation has no such resource type in the ${partition} `
    + 'partition, so the stack would fail to create. Deploy the stack to a Region of another partition, or leave the construct out.')];
}
