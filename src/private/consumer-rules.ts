import { Token } from 'aws-cdk-lib';
import { isDomainName, isInZone, MAX_DOMAIN_LENGTH } from './domain-names';
import { error, Finding } from './findings';
import { isRegionName, REGION_PATTERN } from './regions';

// What EC2 names a PrivateLink endpoint service: `com.amazonaws.vpce.<region>.vpce-svc-<17 hex digits>`.
const ENDPOINT_SERVICE_NAME = new RegExp(`^com\\.amazonaws\\.vpce\\.(${REGION_PATTERN})\\.vpce-svc-[0-9a-f]{17}$`);

// AWS services: `<prefix>.<region>.<service>` (com.amazonaws.us-east-1.ssm, aws.api.us-east-1.freetier,
// cn.com.amazonaws.cn-north-1.ecr.api), or global ones with no Region (com.amazonaws.iam).
const REGIONAL_AWS_SERVICE_NAME = new RegExp(`^(?:[a-z0-9-]+\\.)+?(${REGION_PATTERN})\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*$`);
const GLOBAL_AWS_SERVICE_NAME = /^com\.amazonaws\.[a-z0-9-]+$/;

/** A domain name as DNS compares it: lowercase, without the trailing dot of a fully qualified name. */
export function normalizeDomainName(name: string): string {
  return Token.isUnresolved(name) ? name : name.toLowerCase().replace(/\.$/, '');
}

/**
 * The Region in a service name, `undefined` for a global AWS service, or `null` when the name is neither an
 * endpoint service name nor an AWS service name.
 */
function regionOfServiceName(name: string): string | undefined | null {
  const endpointService = ENDPOINT_SERVICE_NAME.exec(name);
  if (endpointService) {
    return endpointService[1];
  }
  // A malformed endpoint service name would otherwise pass as an AWS service name.
  if (name.startsWith('com.amazonaws.vpce.') || name.includes('vpce-svc-')) {
    return null;
  }
  const regional = REGIONAL_AWS_SERVICE_NAME.exec(name);
  if (regional) {
    return regional[1];
  }
  return GLOBAL_AWS_SERVICE_NAME.test(name) ? undefined : null;
}

/**
 * A literal service name must be one EC2 accepts, and be in the stack's Region unless `serviceRegion` says
 * which other Region it is in.
 *
 * @param serviceName the literal service name, or undefined when it is a token (nothing to check)
 */
export function validateServiceName(serviceName: string | undefined, stackRegion: string, serviceRegion: string | undefined): Finding[] {
  if (serviceName === undefined || Token.isUnresolved(serviceName)) {
    return [];
  }
  const nameRegion = regionOfServiceName(serviceName);
  if (nameRegion === null) {
    return [error('`service` name must be an endpoint service name, com.amazonaws.vpce.<region>.vpce-svc-<17 hex digits>, '
      + `or an AWS service name such as com.amazonaws.<region>.ssm; got '${serviceName}'. Copy the name from the provider's `
      + '`vpcEndpointServiceName` (its stack output or SSM parameter).')];
  }
  if (nameRegion === undefined) {
    return [];
  }
  if (serviceRegion !== undefined && !Token.isUnresolved(serviceRegion)) {
    return nameRegion === serviceRegion ? [] : [error(
      `\`serviceRegion\` is '${serviceRegion}', but the \`service\` name '${serviceName}' is in ${nameRegion}. `
      + `Set \`serviceRegion: '${nameRegion}'\`.`)];
  }
  if (serviceRegion === undefined && !Token.isUnresolved(stackRegion) && nameRegion !== stackRegion) {
    return [error(`\`service\` '${serviceName}' is in ${nameRegion}, but the stack is in ${stackRegion}. For a cross-Region `
      + `endpoint set \`serviceRegion: '${nameRegion}'\` (the provider must allow ${stackRegion}); otherwise use the `
      + `service's name in ${stackRegion}.`)];
  }
  return [];
}

/**
 * Why the endpoint has no subnet to go in. The construct throws this: an endpoint cannot be defined without one.
 *
 * @param skippedAzs AZs of selected subnets that the service does not support
 * @param selectionProblem why the selection selected nothing, when the VPC lacks the subnet type or group it names
 */
export function noSubnetMessage(skippedAzs: string[], selectionProblem?: string): string {
  if (skippedAzs.length === 0) {
    return `\`vpcSubnets\` selects no subnet of the VPC${selectionProblem ? ` (${selectionProblem})` : ''}, so the endpoint has `
      + 'nowhere to go. Select at least one private or isolated subnet the VPC has, one per AZ.';
  }
  return `\`vpcSubnets\` selects subnets only in ${skippedAzs.join(', ')}, where the service is not available. `
    + 'Select subnets in AZs the service supports.';
}

/** What is known of an EndpointServiceProvider defined in the same app. */
export interface ProviderFacts {
  readonly path: string;
  /**
   * The AZ names its NLB serves, when they can be compared with the consumer's: the same account and Region,
   * literal names. AZ names map to different zones in each account, so across accounts this is undefined.
   */
  readonly availabilityZones?: string[];
  readonly privateDnsName?: string;
}

/** The endpoint can only have network interfaces in AZs where the provider's NLB has a subnet. */
export function validateProviderAzs(consumerAzs: string[], provider: ProviderFacts | undefined): Finding[] {
  const providerAzs = provider?.availabilityZones;
  if (!provider || !providerAzs || providerAzs.length === 0 || providerAzs.some(az => Token.isUnresolved(az))) {
    return [];
  }
  const unserved = [...new Set(consumerAzs)].filter(az => !Token.isUnresolved(az) && !providerAzs.includes(az));
  if (unserved.length === 0) {
    return [];
  }
  return [error(`\`vpcSubnets\` places the endpoint in ${unserved.join(', ')}, which the provider at ${provider.path} does not `
    + `serve (its NLB is in ${providerAzs.join(', ')}); the deploy would fail with "does not support the availability zone `
    + 'of the subnet". Select subnets in the provider\'s AZs, or give the provider\'s NLB subnets in those AZs.')];
}

/** How the consumer asks for names to resolve. */
export interface DnsChoice {
  readonly privateDnsEnabled: boolean;
  readonly domainName?: string;
  readonly hostedZoneName?: string;
  readonly hostedZoneGiven: boolean;
  readonly wildcardRecord: boolean;
}

/**
 * Private DNS works only with a provider that has a private DNS name, and must not define the same name as the
 * split-horizon zone.
 */
export function validatePrivateDns(choice: DnsChoice, provider: ProviderFacts | undefined): Finding[] {
  if (!choice.privateDnsEnabled || !provider) {
    return [];
  }
  if (provider.privateDnsName === undefined) {
    return [error(`\`privateDnsEnabled\` is true, but the provider at ${provider.path} has no \`privateDnsName\`, so there is `
      + 'no name for the endpoint to answer. Give the provider a `privateDnsName`, or set `privateDnsEnabled: false` and '
      + 'use `domainName` for split-horizon DNS.')];
  }
  const { domainName } = choice;
  if (domainName !== undefined && !Token.isUnresolved(domainName) && !Token.isUnresolved(provider.privateDnsName)
    && normalizeDomainName(domainName) === normalizeDomainName(provider.privateDnsName)) {
    return [error(`\`privateDnsEnabled\` is true and \`domainName\` is '${domainName}', the provider's private DNS name too, `
      + 'so both would define that name in the VPC. Keep one: `privateDnsEnabled: false` for split-horizon DNS, or remove `domainName`.')];
  }
  return [];
}

/** The split-horizon name must be a domain name, given whenever records are asked for, and inside `hostedZone`. */
export function validateDomainName(choice: DnsChoice): Finding[] {
  const { domainName, hostedZoneName } = choice;
  if (domainName === undefined) {
    return [
      ...(choice.hostedZoneGiven ? [error('`hostedZone` is set without `domainName`, so there is no name to add to it. '
        + 'Set `domainName` to the name clients use, inside the zone.')] : []),
      ...(choice.wildcardRecord ? [error('`wildcardRecord` is true without `domainName`, so there is no name to put the '
        + 'wildcard under. Set `domainName`, or remove `wildcardRecord`.')] : []),
    ];
  }
  if (Token.isUnresolved(domainName)) {
    return [];
  }
  const name = normalizeDomainName(domainName);
  if (name.startsWith('*.')) {
    return [error(`\`domainName\` must not be a wildcard, got '${domainName}'. Set \`domainName: '${name.slice(2)}'\` `
      + 'and `wildcardRecord: true`.')];
  }
  if (!isDomainName(name)) {
    return [error('`domainName` must be a domain name (at least two labels of 1..63 letters, digits or hyphens, not '
      + `starting or ending with a hyphen, ${MAX_DOMAIN_LENGTH} characters at most), got '${domainName}'. Use a name like `
      + 'orders.internal.example.com.')];
  }
  if (hostedZoneName === undefined || Token.isUnresolved(hostedZoneName)) {
    return [];
  }
  const zone = normalizeDomainName(hostedZoneName);
  if (!isInZone(name, zone)) {
    return [error(`\`domainName\` '${domainName}' is not inside \`hostedZone\` '${zone}'. Use a name in that zone, `
      + 'or remove `hostedZone` to define a private hosted zone for the name.')];
  }
  return [];
}

/**
 * Route 53 refuses a second private hosted zone of the same name for a VPC (`ConflictingDomainExists`), which
 * would otherwise surface only at deploy.
 *
 * @param otherClaims paths of other consumers that define a private hosted zone of the same name in the same VPC
 */
export function validateUniqueZone(domainName: string | undefined, otherClaims: string[]): Finding[] {
  if (domainName === undefined || otherClaims.length === 0) {
    return [];
  }
  return [error(`\`domainName\` '${domainName}' is also the private hosted zone of ${otherClaims.join(', ')} in the same VPC; `
    + 'Route 53 refuses a second zone of the same name for a VPC (ConflictingDomainExists). Pass the other consumer\'s '
    + '`hostedZone` and a name inside it, or use another `domainName`.')];
}

/**
 * CDK passes a token between stacks of one account only, so a provider object cannot reach a consumer in
 * another account: the construct throws this (synth would otherwise fail on the cross-stack reference with no
 * hint at the fix). Undefined when the accounts are the same or not both known.
 */
export function crossAccountProviderMessage(providerPath: string, providerAccount: string, consumerAccount: string): string | undefined {
  if (Token.isUnresolved(providerAccount) || Token.isUnresolved(consumerAccount) || providerAccount === consumerAccount) {
    return undefined;
  }
  return `\`service\` is the provider at ${providerPath} in account ${providerAccount}, but this stack is in account `
    + `${consumerAccount}, and CDK cannot pass the service name between accounts. Pass the name as a string, `
    + '`new ec2.InterfaceVpcEndpointService(\'<name from the provider\'s ServiceName output>\', port)`, or read it from a '
    + 'parameter in this account with `EndpointConsumer.serviceFromParameter()`.';
}

/**
 * `serviceRegion` is a Region name, and for a provider in this app the provider's own Region: an endpoint service
 * is reached from another Region only through its name in the Region it lives in.
 *
 * @param provider the path and the Region of the provider's stack, for an EndpointServiceProvider in the app
 */
export function validateServiceRegion(serviceRegion: string | undefined, provider: { path: string; region: string } | undefined): Finding[] {
  if (serviceRegion === undefined || Token.isUnresolved(serviceRegion)) {
    return [];
  }
  if (!isRegionName(serviceRegion)) {
    return [error(`\`serviceRegion\` must be a Region name like eu-west-1, got '${serviceRegion}'. Set it to the Region the service `
      + 'is in, or remove it for a service in the stack\'s Region.')];
  }
  if (provider && !Token.isUnresolved(provider.region) && provider.region !== serviceRegion) {
    return [error(`\`serviceRegion\` is '${serviceRegion}', but the provider at ${provider.path} is in ${provider.region}. `
      + `Set \`serviceRegion: '${provider.region}'\`, or remove it when the consumer is in that Region too.`)];
  }
  return [];
}

/** A stack's environment as the rules see it: account and Region, each literal or a token. */
export interface StackEnvironment {
  readonly account: string;
  readonly region: string;
}

/**
 * CDK passes a token between two stacks only when both have an explicit account and Region or neither has one
 * (environment-agnostic); otherwise synth fails on the reference with an error that names neither the consumer nor
 * the fix. The construct throws this instead. Undefined when the environments are alike, or when both accounts are
 * literal (`crossAccountProviderMessage` covers different ones, and CDK explains literal Regions itself).
 */
export function mixedEnvironmentProviderMessage(providerPath: string, provider: StackEnvironment, consumer: StackEnvironment): string | undefined {
  const explicit = (env: StackEnvironment) => !Token.isUnresolved(env.account) && !Token.isUnresolved(env.region);
  const agnostic = (env: StackEnvironment) => Token.isUnresolved(env.account) && Token.isUnresolved(env.region);
  if ((explicit(provider) && explicit(consumer)) || (agnostic(provider) && agnostic(consumer))) {
    return undefined;
  }
  const describe = (env: StackEnvironment) => explicit(env) ? `the explicit environment ${env.account}/${env.region}`
    : agnostic(env) ? 'no explicit environment' : 'a partly explicit environment';
  return `\`service\` is the provider at ${providerPath}, whose stack has ${describe(provider)}, but this stack has `
    + `${describe(consumer)}, and CDK can pass the service name only between stacks that both have an explicit account and `
    + 'Region or both have none. Give both stacks the same kind of `env`, or pass the name as a string, '
    + '`new ec2.InterfaceVpcEndpointService(\'<name from the provider\'s ServiceName output>\', port)`.';
}
