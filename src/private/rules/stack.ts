import { error, Finding } from './findings';
import { RESOURCES_PER_STACK_QUOTA } from '../facts/quotas';

/** What a library construct puts in a stack. */
export interface ConstructResources {
  readonly path: string;
  readonly resources: number;
}

/** Whether a stack of this many resources is over CloudFormation's quota. */
export function overResourceQuota(total: number): boolean {
  return total > RESOURCES_PER_STACK_QUOTA;
}

/**
 * A stack holds at most 500 resources, and a hub or an endpoint VPC of many services can pass that alone. aws-cdk-lib
 * stops at synthesis with the counts per type; this says which constructs put them there and how to get under.
 *
 * @param stackPath the stack's construct path
 * @param total every CloudFormation resource of the stack, the user's included
 * @param constructs the library's constructs in the stack, with the resources under each
 */
export function validateStackResourceBudget(stackPath: string, total: number, constructs: ConstructResources[]): Finding[] {
  if (!overResourceQuota(total)) {
    return [];
  }
  return [error(`the stack ${stackPath} would declare ${total} CloudFormation resources, over the ${RESOURCES_PER_STACK_QUOTA} a stack `
    + 'can hold (CloudFormation quotas, https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html); '
    + `of this library's constructs, ${constructs.map(c => `${c.path} has ${c.resources}`).join(', ')}. Move services to a second `
    + 'hub or endpoint VPC in another stack, or give a hub `dnsMode: HubDnsMode.PROFILE_ENDPOINTS` (2 resources per service '
    + 'instead of 4 to 5).')];
}
