import { Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { StackEnvironment } from './cross-account';
import { isDomainName, isInZone, MAX_DOMAIN_LENGTH, normalizeDomainName } from './domain-names';
import { error, Finding, warning } from './findings';
import { isPlaceholderAz } from '../facts/placeholder-azs';
import { isRegionName, REGION_PATTERN } from '../facts/regions';

// What EC2 names a PrivateLink endpoint service: `<prefix>.<region>.vpce-svc-<17 hex digits>`, where the prefix is
// `com.amazonaws.vpce`, or `cn.com.amazonaws.vpce` in the China Regions (aws-cdk-lib's RegionInfo
// `vpcEndpointServiceNamePrefix`).
const ENDPOINT_SERVICE_NAME = new RegExp(`^((?:cn\\.)?com\\.amazonaws\\.vpce)\\.(${REGION_PATTERN})\\.vpce-svc-[0-9a-f]{17}$`);

// AWS services: `<prefix>.<region>.<service>` (com.amazonaws.us-east-1.ssm, aws.api.us-east-1.freetier,
// cn.com.amazonaws.cn-north-1.ecr.api), or global ones with no Region (com.amazonaws.iam).
const REGIONAL_AWS_SERVICE_NAME = new RegExp(`^(?:[a-z0-9-]+\\.)+?(${REGION_PATTERN})\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*$`);
const GLOBAL_AWS_SERVICE_NAME = /^com\.amazonaws\.[a-z0-9-]+$/;

/**
 * The Region in a service name, `undefined` for a global AWS service, or `null` when the name is neither an
 * endpoint service name nor an AWS service name.
 */
function regionOfServiceName(name: string): string | undefined | null {
  const endpointService = ENDPOINT_SERVICE_NAME.exec(name);
  if (endpointService) {
    return endpointService[2];
  }
  // A malformed endpoint service name would otherwise pass as an AWS service name.
  if (/^(cn\.)?com\.amazonaws\.vpce\./.test(name) || name.includes('vpce-svc-')) {
    return null;
  }
  const regional = REGIONAL_AWS_SERVICE_NAME.exec(name);
  if (regional) {
    return regional[1];
  }
  return GLOBAL_AWS_SERVICE_NAME.test(name) ? undefined : null;
}

/**
 * A literal service name must be one EC2 accepts, with the prefix of its Region's partition, and in `serviceRegion`
 * when that is given.
 *
 * @param serviceName the literal service name, or undefined when it is a token (nothing to check)
 */
export function validateServiceName(serviceName: string | undefined, serviceRegion: string | undefined): Finding[] {
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
  const prefix = ENDPOINT_SERVICE_NAME.exec(serviceName)?.[1];
  const expectedPrefix = RegionInfo.get(nameRegion).vpcEndpointServiceNamePrefix;
  if (prefix !== undefined && expectedPrefix !== undefined && prefix !== expectedPrefix) {
    return [error(`\`service\` name '${serviceName}' starts with ${prefix}, but endpoint service names in ${nameRegion} start `
      + `with ${expectedPrefix}. Copy the name from the provider's \`vpcEndpointServiceName\` (its stack output or SSM parameter).`)];
  }
  if (serviceRegion !== undefined && !Token.isUnresolved(serviceRegion)) {
    return nameRegion === serviceRegion ? [] : [error(
      `\`serviceRegion\` is '${serviceRegion}', but the \`service\` name '${serviceName}' is in ${nameRegion}. `
      + `Set \`serviceRegion: '${nameRegion}'\`.`)];
  }
  return [];
}

/**
 * The Region of the service a literal name names, when it is not the stack's: the endpoint then reaches it across
 * Regions (`ServiceRegion`). Undefined for a name in the stack's Region, a global service or a token.
 */
export function otherRegionOfServiceName(serviceName: string | undefined, stackRegion: string): string | undefined {
  if (serviceName === undefined || Token.isUnresolved(serviceName) || Token.isUnresolved(stackRegion)) {
    return undefined;
  }
  const nameRegion = regionOfServiceName(serviceName);
  return nameRegion && nameRegion !== stackRegion ? nameRegion : undefined;
}

/**
 * A service named in another Region is reached across Regions, which works only if its provider lists this stack's
 * Region in its supported Regions: the library cannot see that for a service it does not define, so it says so.
 */
export function warnCrossRegionServiceName(serviceName: string, serviceRegion: string, stackRegion: string): Finding[] {
  return [warning('crossRegionService', `\`service\` '${serviceName}' is in ${serviceRegion}, so the endpoint reaches it across `
    + `Regions (ServiceRegion ${serviceRegion}). Its provider must list ${stackRegion} in its supported Regions `
    + '(`allowedRegions` of an EndpointServiceProvider), which this library cannot check here; ask its owner, then '
    + 'acknowledge this warning.')];
}

/** A provider of the app, and the consumer, as the cross-Region rule sees them. */
export interface ProviderRegionFacts {
  readonly providerPath: string;
  readonly providerStack: string;
  readonly providerRegion: string;
  readonly allowedRegions: string[];
  readonly consumerStack: string;
  readonly consumerRegion: string;
}

/**
 * A consumer in another Region than its provider connects only if the provider lists the consumer's Region in
 * `SupportedRegions` ("Cross-Region connectivity", https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html).
 */
export function validateProviderRegion(facts: ProviderRegionFacts): Finding[] {
  const { providerRegion, consumerRegion, allowedRegions } = facts;
  if ([providerRegion, consumerRegion, ...allowedRegions].some(region => Token.isUnresolved(region))
    || providerRegion === consumerRegion || allowedRegions.includes(consumerRegion)) {
    return [];
  }
  return [error(`\`service\` is the provider at ${facts.providerPath} in stack ${facts.providerStack} (${providerRegion}), `
    + `but this stack, ${facts.consumerStack}, is in ${consumerRegion}, which the provider's \`allowedRegions\` `
    + `([${allowedRegions.join(', ')}]) does not include, so the endpoint could not connect. Add '${consumerRegion}' to the `
    + 'provider\'s `allowedRegions`, or consume the service from its own Region.')];
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
  // Placeholder AZs (before the lookup) would be compared by their placeholder names: checked once they are known.
  if (!provider || !providerAzs || providerAzs.length === 0 || providerAzs.some(az => Token.isUnresolved(az))
    || [...providerAzs, ...consumerAzs].some(isPlaceholderAz)) {
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
 * Route 53 refuses to associate a VPC with two private hosted zones of the same name (`ConflictingDomainExists`,
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateHostedZone.html and
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_AssociateVPCWithHostedZone.html), which would
 * otherwise surface only at deploy.
 *
 * @param clashingZones paths of the other private hosted zones in the app of the same name, in the same VPC
 */
export function validateUniqueZone(domainName: string | undefined, clashingZones: string[]): Finding[] {
  if (domainName === undefined || clashingZones.length === 0) {
    return [];
  }
  const zones = clashingZones.length === 1 ? 'the private hosted zone' : 'the private hosted zones';
  return [error(`\`domainName\` '${domainName}' is also the name of ${zones} ${clashingZones.join(', ')} in the same VPC; `
    + 'Route 53 refuses a second zone of the same name for a VPC (ConflictingDomainExists). Add the records to that zone '
    + 'instead: pass it as `hostedZone` (a `CfnHostedZone` through `route53.HostedZone.fromHostedZoneAttributes()`) with '
    + 'a name inside it; or use another `domainName`.')];
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
/**
 * CDK passes a token between two stacks only when both have an explicit account and Region or neither has one
 * (environment-agnostic); otherwise synth fails on the reference with an error that names neither the consumer nor
 * the fix. The construct throws this instead. Undefined when the environments are alike, or when both accounts are
 * literal (`crossAccountReferenceMessage` covers different ones, and CDK explains literal Regions itself).
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
