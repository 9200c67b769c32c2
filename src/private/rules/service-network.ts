import { Token } from 'aws-cdk-lib';
import { crossRegionReferenceProblem, StackEnvironment } from './cross-account';
import { error, Finding, warning } from './findings';
import { LatticeCustomDomain } from './lattice-dns';

const SERVICE_NETWORK_TEMPLATE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetwork.html';
const PRIVATE_DNS_FOR_RESOURCES = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/resource-configuration.html#custom-domain-names-resource-consumers';
const SERVICE_ASSOCIATION_TEMPLATE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetworkserviceassociation.html';

// The patterns of the CloudFormation resource schemas: `AWS::VpcLattice::ServiceNetwork` Name and Arn, and
// `AWS::VpcLattice::ServiceNetworkServiceAssociation` ServiceIdentifier.
const SERVICE_NETWORK_NAME = /^(?!servicenetwork-)(?!-)(?!.*-$)(?!.*--)[a-z0-9-]{3,63}$/;
const SERVICE_NETWORK_ARN = /^arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:servicenetwork\/sn-[0-9a-z]{17}$/;
const SERVICE_IDENTIFIER = /^((svc-[0-9a-z]{17})|(arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:service\/svc-[0-9a-z]{17}))$/;

/** A service network name: 3..63 lowercase letters, digits and single hyphens, not starting with `servicenetwork-`. */
export function validateServiceNetworkName(name: string | undefined): Finding[] {
  if (name === undefined || Token.isUnresolved(name) || SERVICE_NETWORK_NAME.test(name)) {
    return [];
  }
  return [error('`serviceNetworkName` must be 3 to 63 lowercase letters, digits and hyphens, with no hyphen first, last or '
    + `twice in a row, and not start with 'servicenetwork-' (${SERVICE_NETWORK_TEMPLATE}), got '${name}'. Use a name like 'shared-data'.`)];
}

/**
 * The ARN of a service network, which consumers in other accounts must use (an ID names a network of the caller's own
 * account: "You must use an ARN if the resources are in different accounts", CreateServiceNetworkVpcAssociation).
 *
 * @param prop the prop, as messages name it
 */
export function validateServiceNetworkArn(prop: string, arn: string | undefined): Finding[] {
  if (arn === undefined || Token.isUnresolved(arn) || SERVICE_NETWORK_ARN.test(arn)) {
    return [];
  }
  return [error(`\`${prop}\` must be the ARN of a VPC Lattice service network, like `
    + `arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0123456789abcdef0, got '${arn}' (${SERVICE_NETWORK_TEMPLATE}). `
    + 'Copy it from the provider\'s ServiceNetworkArn output.')];
}

/** A network of one's own is either defined here (its name) or adopted (its ARN), not both. */
export function validateNetworkChoice(nameGiven: boolean, arnGiven: boolean): Finding[] {
  if (!nameGiven || !arnGiven) {
    return [];
  }
  return [error('both `serviceNetworkName` and `serviceNetworkArn` are given: a name defines a new service network, an ARN '
    + 'adopts an existing one. Remove one of them.')];
}

/** A VPC Lattice service to associate with the network, by ID or ARN (the schema's ServiceIdentifier). */
export function validateServiceIdentifier(identifier: string): Finding[] {
  if (Token.isUnresolved(identifier) || SERVICE_IDENTIFIER.test(identifier)) {
    return [];
  }
  return [error(`the VPC Lattice service '${identifier}' must be given by its ID (svc-<17 characters>) or ARN `
    + `(arn:aws:vpc-lattice:<region>:<account>:service/svc-...) (${SERVICE_ASSOCIATION_TEMPLATE}).`)];
}

/**
 * The same resource configuration or service associated twice, by ID or by ARN, would be two associations AWS refuses as
 * a conflict. Compared by ID, the last part of an ARN.
 */
export function validateUniqueAssociations(what: string, identifiers: string[]): Finding[] {
  const literal = identifiers.filter(identifier => !Token.isUnresolved(identifier)).map(identifier => identifier.split('/').pop()!);
  const repeated = [...new Set(literal.filter((identifier, index) => literal.indexOf(identifier) !== index))];
  return repeated.map(identifier => error(`${what} '${identifier}' is added to the service network more than once; a service `
    + 'network holds each once. Remove the repeated one.'));
}

/**
 * A service network carries resource configurations of its own account ("The consumer of a shared service network can't
 * associate a VPC or service or resource configuration that they don't own", "Share your VPC Lattice entities"), and CDK
 * passes the configuration's ID only between stacks of one account and Region. Undefined when the share can be added.
 */
export function shareElsewhereMessage(sharePath: string, share: StackEnvironment, network: StackEnvironment): string | undefined {
  const known = (value: string) => !Token.isUnresolved(value);
  if (known(share.account) && known(network.account) && share.account !== network.account) {
    return `the resource share at ${sharePath} is in account ${share.account}, but the service network is in account `
      + `${network.account}; a service network carries resource configurations of its own account. Define the network in the `
      + 'share\'s account (and share the network), or the share in the network\'s.';
  }
  const problem = crossRegionReferenceProblem(share, network);
  return problem && `the resource share at ${sharePath} is in ${problem.object}, but the service network is in ${problem.stack}, `
    + 'and CDK passes the resource configuration ID only between stacks of one account and Region. Give both stacks the same `env`.';
}

/**
 * "The private DNS enabled status of the service network resource association overrides the private DNS enabled status of
 * either the service network endpoint or service network VPC association": with the network's associations off, no custom
 * domain name of its resources resolves in the consumer VPC, whatever the consumer asks.
 */
export function warnNetworkPrivateDnsOff(consumerPrivateDns: boolean, domains: LatticeCustomDomain[]): Finding[] {
  if (!consumerPrivateDns || domains.length === 0) {
    return [];
  }
  return [warning('networkPrivateDnsOff', 'the service network\'s resource associations have private DNS off, which overrides this '
    + `VPC's (${PRIVATE_DNS_FOR_RESOURCES}), so ${domains.map(domain => `'${domain.name}'`).join(', ')} will not resolve here. `
    + 'Turn `privateDnsEnabled` on in the PrivateServiceNetwork, or have clients use the names VPC Lattice generates.')];
}

/**
 * "When private DNS is enabled for your VPC, you can't create a resource endpoint and service network endpoint for the same
 * resource configuration" (custom domain names for resource consumers, VPC Lattice guide).
 *
 * @param resourceEndpointPaths the resource endpoints in the VPC to a resource the network carries
 */
export function validateNoResourceEndpointForSameResource(privateDns: boolean, resourceEndpointPaths: string[]): Finding[] {
  if (!privateDns || resourceEndpointPaths.length === 0) {
    return [];
  }
  return [error(`the VPC has resource endpoints (${resourceEndpointPaths.join(', ')}) to resources the service network carries, and `
    + 'with private DNS on AWS refuses a resource endpoint and a service-network endpoint for the same resource configuration '
    + `(${PRIVATE_DNS_FOR_RESOURCES}). Reach those resources through the service network alone, or remove them from it.`)];
}

/** Two associations of one construct ID would be a construct-tree error; the second is left out and reported. */
export function duplicateAssociationId(id: string): Finding[] {
  return [error(`the association ID '${id}' is given twice (addResourceConfiguration, addService); the second one is not added. `
    + 'Give each resource configuration and service an ID of its own.')];
}

/**
 * An adopted network must be in the stack's Region, and only its owner can share it with RAM; a network of another
 * account that is shared with this one can still carry this account's resources ("The consumer can associate a service or
 * a resource configuration with a shared service network", "Share your VPC Lattice entities").
 */
export function validateAdoptedNetwork(arn: string | undefined, stack: StackEnvironment, sharing: boolean): Finding[] {
  const parts = arn !== undefined && !Token.isUnresolved(arn) && SERVICE_NETWORK_ARN.test(arn) ? arn.split(':') : undefined;
  if (parts === undefined) {
    return [];
  }
  const [region, account] = [parts[3], parts[4]];
  const findings: Finding[] = [];
  if (!Token.isUnresolved(stack.region) && region !== stack.region) {
    findings.push(error(`\`serviceNetworkArn\` is a service network in ${region}, but this stack is in ${stack.region}; a service `
      + 'network carries resources of its own Region. Adopt a network of this Region.'));
  }
  if (sharing && !Token.isUnresolved(stack.account) && account !== stack.account) {
    findings.push(error(`\`serviceNetworkArn\` is a service network of account ${account}, shared with this one (${stack.account}), `
      + 'and only its owner can share it with AWS RAM. Remove `allowedPrincipals`, and have the owner share it.'));
  }
  return findings;
}
