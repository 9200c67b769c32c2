import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { PrivateServiceNetwork } from '../../private-service-network';
import { crossAccountReferenceMessage, crossRegionReferenceProblem } from '../rules/cross-account';

/** How a consumer construct names its service network. */
export interface ServiceNetworkChoice {
  readonly serviceNetwork?: PrivateServiceNetwork;
  readonly serviceNetworkArn?: string;
}

/**
 * The `serviceNetwork` object of a consumer (endpoint or VPC association), or undefined when it was given the ARN. Throws
 * when neither or both are given, or when the object is in a stack CDK cannot reference (another account or Region), as
 * a resource endpoint does with its share: the fix is to pass the ARN as a string.
 *
 * @param constructName the consumer's class, as errors name it
 */
export function serviceNetworkOfConsumer(scope: Construct, constructName: string, choice: ServiceNetworkChoice): PrivateServiceNetwork | undefined {
  const { serviceNetwork } = choice;
  if ((serviceNetwork === undefined) === (choice.serviceNetworkArn === undefined)) {
    throw new Error(`${constructName} ${scope.node.path}: give exactly one of \`serviceNetwork\` (a PrivateServiceNetwork of this `
      + 'account and Region) or `serviceNetworkArn` (the ARN of a service network shared with this account)');
  }
  if (serviceNetwork === undefined) {
    return undefined;
  }
  const networkStack = Stack.of(serviceNetwork);
  const stack = Stack.of(scope);
  const fix = 'Pass it as a string: `serviceNetworkArn` from the network\'s ServiceNetworkArn output, or read from a parameter in this account.';
  const region = crossRegionReferenceProblem(networkStack, stack);
  const problem = crossAccountReferenceMessage({
    prop: 'serviceNetwork',
    object: 'the service network',
    path: serviceNetwork.node.path,
    account: networkStack.account,
    value: 'the service network ARN',
    fix,
  }, stack.account) ?? (region && `\`serviceNetwork\` is the service network at ${serviceNetwork.node.path} in ${region.object}, but this `
    + `stack is in ${region.stack}, and CDK passes the service network ARN only between stacks of one account and Region. ${fix}`);
  if (problem) {
    throw new Error(`${constructName} ${scope.node.path}: ${problem}`);
  }
  return serviceNetwork;
}

/**
 * What is wrong with a consumer's `portRanges` (see `validateEndpointPortRanges`): an empty list, or none given where the
 * ports of the network's resources and services are not all known here. Undefined when the ports are known.
 */
export function unknownPortsReason(network: PrivateServiceNetwork | undefined, givenPortRanges: unknown[] | undefined): string | undefined {
  if (givenPortRanges !== undefined) {
    return givenPortRanges.length === 0 ? 'is empty' : undefined;
  }
  if (network === undefined) {
    return 'is missing: with `serviceNetworkArn`, the construct cannot know which ports the network\'s resources and services take';
  }
  if (network.carriesExternalTargets) {
    return `is missing: the service network ${network.node.path} carries resource configurations by ARN or VPC Lattice services, `
      + 'whose ports the construct cannot know';
  }
  return network.resourceShares.length === 0 ? `is missing: the service network ${network.node.path} carries no resource yet` : undefined;
}
