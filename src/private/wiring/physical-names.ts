import { Names } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * A name, unique in the account, for a resource that CloudFormation requires a name for and that takes lowercase
 * letters, digits and single hyphens: VPC Lattice resource gateways and configurations (at most 40 characters) and
 * Route 53 Profiles and their associations (at most 64).
 */
export function physicalName(scope: IConstruct, maxLength: number): string {
  return Names.uniqueResourceName(scope, { maxLength, separator: '-' }).toLowerCase()
    .replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** CloudFormation's limit of a tag value, and Route 53's of a hosted zone comment. */
export const MAX_DESCRIPTION_LENGTH = 256;

/**
 * A construct path in a text whose length AWS limits (a tag value, a comment): the path, or its end after `...` where it
 * is longer than `maxLength`, so that deep construct trees still deploy.
 */
export function boundedPath(path: string, maxLength: number): string {
  return path.length <= maxLength ? path : `...${path.slice(path.length - maxLength + 3)}`;
}
