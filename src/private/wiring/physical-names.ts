import { Names } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * A name, unique in the account, for a resource that CloudFormation requires a name for and that takes lowercase
 * letters, digits and single hyphens: VPC Lattice resource gateways, configurations and service networks (at most 40, 40
 * and 63 characters) and Route 53 Profiles and their associations (at most 64).
 *
 * @param reservedPrefix a prefix the resource's names must not start with (the ID prefix of its type, like `rgw-`), which
 * a stack named after it would otherwise give; its hyphen is dropped
 */
export function physicalName(scope: IConstruct, maxLength: number, reservedPrefix?: string): string {
  const name = Names.uniqueResourceName(scope, { maxLength, separator: '-' }).toLowerCase()
    .replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return reservedPrefix !== undefined && name.startsWith(reservedPrefix) ? name.replace('-', '') : name;
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
