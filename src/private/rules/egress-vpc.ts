import { Token } from 'aws-cdk-lib';
import { error, Finding, warning } from './findings';
import { closestName } from './spelling';
import { SubnetPlacement, validateOneSubnetPerAz } from './vpc';
import { CROSS_REGION_SERVICES, CROSS_REGION_SERVICES_SOURCE } from '../facts/cross-region-services';
import { INTERFACE_ENDPOINTS_PER_VPC_QUOTA } from '../facts/quotas';
import { isRegionName, partitionOf, REGION_PATTERN } from '../facts/regions';
import { REGIONS_WITHOUT_SERVICE, SDK_ENDPOINTS_SOURCE } from '../facts/sdk-endpoints.generated';
import { GATEWAY_SERVICE_SHORT_NAMES, isServiceShortNameShape, SERVICES_WITH_BOTH_ENDPOINT_TYPES } from '../facts/service-names';

export function validateGatewayService(shortName: string): Finding[] {
  if (Token.isUnresolved(shortName) || GATEWAY_SERVICE_SHORT_NAMES.includes(shortName)) {
    return [];
  }
  return [error(
    `\`gatewayEndpoints\` contains '${shortName}', which has no gateway endpoint; gateway endpoints exist only for `
    + `${GATEWAY_SERVICE_SHORT_NAMES.join(', ')}. Add '${shortName}' to \`interfaceEndpoints\` instead.`,
  )];
}

/** An interface endpoint takes at most one subnet per AZ, and needs at least one. */
export function validateEndpointSubnets(subnets: SubnetPlacement[], selectionProblem?: string): Finding[] {
  if (subnets.length === 0) {
    return [error(
      `\`endpointSubnets\` selects no subnet${selectionProblem ? ` (${selectionProblem})` : ''}, so interface endpoints have `
      + 'nowhere to go. Select at least one private or isolated subnet (one per AZ) that the VPC has.',
    )];
  }
  return validateOneSubnetPerAz('endpointSubnets', subnets);
}

/** A gateway endpoint is useful only on the route tables of subnets that host workloads. */
export function validateGatewayRouteTables(shortName: string, workloadRouteTableCount: number): Finding[] {
  if (workloadRouteTableCount > 0) {
    return [];
  }
  return [error(
    `gateway endpoint '${shortName}' reaches no route table of a private or isolated subnet, so workloads have `
    + 'no path to it. Leave `subnets` unset (every private and isolated subnet) or select private or isolated subnets; '
    + 'for an imported VPC, give the subnets\' route table IDs when importing it.',
  )];
}

export function validateInterfaceEndpointQuota(interfaceEndpointCount: number): Finding[] {
  if (interfaceEndpointCount <= INTERFACE_ENDPOINTS_PER_VPC_QUOTA) {
    return [];
  }
  return [warning('interfaceEndpointQuota',
    `the VPC has ${interfaceEndpointCount} interface endpoints, above the default quota of `
    + `${INTERFACE_ENDPOINTS_PER_VPC_QUOTA} per VPC; the deploy fails unless the quota `
    + '"Interface and Gateway Load Balancer endpoints per VPC" has been raised. Remove endpoints or request an increase.',
  )];
}

/** A default route out of the VPC, as the rules see it. */
export interface InternetRoute {
  readonly path: string;
  /** The route table's ID (a token for one defined in the app). */
  readonly routeTableId: string;
  readonly destination: string;
  /** What the route goes through: 'an internet gateway', 'a NAT gateway', ... */
  readonly target: string;
}

const INTERNET_ROUTE_WARNING_ID = 'cdk-private-endpoints:PrivateEgressVpc.internetRoute';

/**
 * A private egress VPC has no path to the internet: a default route through an internet or NAT gateway is an
 * error in a VPC this library created. An adopted VPC's owner may have reasons for its routes, and its public subnets
 * are left alone: the routes of the route tables of subnets that host workloads or endpoints are reported, once per
 * VPC.
 *
 * @param workloadRouteTableIds the route tables of the adopted VPC's private and isolated subnets and endpoint subnets
 */
export function validateNoInternetRoutes(routes: InternetRoute[], vpcCreatedHere: boolean, workloadRouteTableIds: string[]): Finding[] {
  if (vpcCreatedHere) {
    return routes.map(route => error(`route ${route.path} sends ${route.destination} through ${route.target}, giving `
      + 'workloads a path to the internet that the private egress VPC is meant to exclude. Remove the route; reach AWS '
      + 'services through `interfaceEndpoints` and `gatewayEndpoints`.'));
  }
  const workloadRoutes = routes.filter(route => workloadRouteTableIds.includes(route.routeTableId));
  if (workloadRoutes.length === 0) {
    return [];
  }
  const targets = [...new Set(workloadRoutes.map(route => route.target))].join(' and ');
  return [warning('internetRoute', `the adopted \`vpc\` has ${workloadRoutes.length} default route${workloadRoutes.length === 1 ? '' : 's'} `
    + `through ${targets} on route tables of subnets that host workloads or endpoints (${workloadRoutes.map(r => r.path).join(', ')}), `
    + 'so AWS traffic the endpoints do not cover can still leave the VPC. Remove those routes for a private egress VPC, or '
    + `acknowledge this warning (\`Annotations.of(scope).acknowledgeWarning('${INTERNET_ROUTE_WARNING_ID}')\`) if the VPC `
    + 'needs internet egress.')];
}

export function validateAdoptedVpcProps(propsIgnoredWithVpc: string[]): Finding[] {
  if (propsIgnoredWithVpc.length === 0) {
    return [];
  }
  return [error(
    `${propsIgnoredWithVpc.map(p => `\`${p}\``).join(', ')} shape a new VPC and cannot be combined with \`vpc\`. `
    + 'Remove them, or remove `vpc` to have the construct define the VPC.',
  )];
}

/** `endpointAzs` trades availability for cost: it must be a whole number within the AZs of `endpointSubnets`. */
export function validateEndpointAzs(endpointAzs: number | undefined, availableAzCount: number): Finding[] {
  if (endpointAzs === undefined) {
    return [];
  }
  if (Token.isUnresolved(endpointAzs)) {
    return [warning('endpointAzsUnresolved',
      '`endpointAzs` is a value known only at deploy time, but endpoints are placed at synth: every AZ of '
      + '`endpointSubnets` is used. Give a number to place endpoints in fewer AZs.')];
  }
  if (!Number.isInteger(endpointAzs) || endpointAzs < 1 || endpointAzs > availableAzCount) {
    return [error(
      `\`endpointAzs\` must be a whole number from 1 to ${availableAzCount} (the AZs of \`endpointSubnets\`), got `
      + `${endpointAzs}. Set it within that range, or leave it unset to use every AZ.`,
    )];
  }
  if (endpointAzs === 1) {
    return [warning('singleAz',
      '`endpointAzs` is 1: every interface endpoint has a network interface in one AZ only, so an outage of that AZ '
      + 'cuts workloads in every AZ off from AWS services. Use 2 or more AZs for production workloads.',
    )];
  }
  return [];
}

/** A bundle, as the rules see it. */
export interface BundleDependencies {
  readonly name: string;
  readonly requiredGatewayEndpoints: string[];
}

/** A bundle's workloads fail at run time without the gateway endpoints it depends on. */
export function validateBundleDependencies(bundles: BundleDependencies[], gatewayEndpoints: string[]): Finding[] {
  return bundles.flatMap(bundle => bundle.requiredGatewayEndpoints
    .filter(required => !gatewayEndpoints.includes(required))
    .map(missing => error(
      `\`bundles\` includes ${bundle.name}, which needs the '${missing}' gateway endpoint, but neither \`gatewayEndpoints\` `
      + `nor \`existingGatewayEndpoints\` includes it (got [${gatewayEndpoints.join(', ')}]). Add the '${missing}' gateway `
      + 'endpoint (ec2.GatewayVpcEndpointAwsService) to `gatewayEndpoints`, or to `existingGatewayEndpoints` if the VPC '
      + `already has one, or remove the ${bundle.name} bundle.`,
    )));
}

/**
 * Private DNS on an S3 or DynamoDB interface endpoint is set to answer only the inbound resolver, which the EC2 API
 * refuses unless the same service's gateway endpoint is in the VPC: catch it here rather than at deploy.
 */
export function validateResolverOnlyDns(privateDnsInterfaceEndpoints: string[], gatewayEndpoints: string[]): Finding[] {
  return privateDnsInterfaceEndpoints
    .filter(service => SERVICES_WITH_BOTH_ENDPOINT_TYPES.includes(service) && !gatewayEndpoints.includes(service))
    .map(service => error(
      `interface endpoint '${service}' has private DNS, which for ${service} answers only through a Route 53 Resolver `
      + `inbound endpoint and requires the '${service}' gateway endpoint in the VPC, but neither \`gatewayEndpoints\` nor `
      + `\`existingGatewayEndpoints\` includes it. Add the '${service}' gateway endpoint, or set \`privateDnsEnabled: false\` `
      + 'on this endpoint.',
    ));
}

/** A gateway endpoint of the VPC defined in the app, and the route tables it adds routes to, as the rules see it. */
export interface GatewayEndpointRoutes {
  readonly path: string;
  readonly shortName: string;
  /** The route tables it is on, in the form the rules compare (resolved and serialized). */
  readonly routeTableIds: string[];
}

/**
 * A route table takes one endpoint route per service: a second gateway endpoint of the same service on the same
 * route table fails the deploy ("Routing for gateway endpoints": a route table cannot have more than one route to the
 * same service, https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html#gateway-endpoint-routing).
 */
export function validateGatewayEndpointClashes(ours: GatewayEndpointRoutes[], others: GatewayEndpointRoutes[]): Finding[] {
  return ours.flatMap(endpoint => others
    .filter(other => other.shortName === endpoint.shortName && other.path !== endpoint.path)
    .filter(other => other.routeTableIds.some(id => endpoint.routeTableIds.includes(id)))
    .map(other => error(`gateway endpoint '${endpoint.shortName}' (${endpoint.path}) and the gateway endpoint ${other.path} `
      + `both add a '${endpoint.shortName}' route to the same route tables; a route table takes one endpoint route per service, `
      + 'so the deploy would fail. Keep the existing one: add '
      + `ec2.GatewayVpcEndpointAwsService for '${endpoint.shortName}' to \`existingGatewayEndpoints\` (and leave it out of `
      + '`gatewayEndpoints`), or remove the other endpoint.')));
}

/** A service is either defined here or already in the VPC: asking for both would define a clashing second endpoint. */
export function validateExistingGatewayEndpoints(requested: string[], existing: string[]): Finding[] {
  return requested.filter(service => existing.includes(service)).map(service => error(
    `'${service}' is in both \`gatewayEndpoints\` and \`existingGatewayEndpoints\`; a route table takes one endpoint route `
    + `per service. Remove '${service}' from \`gatewayEndpoints\` if the VPC already has it, or from \`existingGatewayEndpoints\`.`));
}

/**
 * S3 and DynamoDB interface endpoints with private DNS answer only through a Route 53 Resolver inbound endpoint
 * (workloads in the VPC take the free gateway endpoint): without clients outside the VPC, nobody uses what they cost.
 */
export function warnUnreachableResolverOnlyEndpoints(resolverOnlyServices: string[], clientCidrCount: number): Finding[] {
  if (resolverOnlyServices.length === 0 || clientCidrCount > 0) {
    return [];
  }
  return [warning('resolverOnlyWithoutClients', `interface endpoint${resolverOnlyServices.length === 1 ? '' : 's'} `
    + `${resolverOnlyServices.map(s => `'${s}'`).join(', ')} answer${resolverOnlyServices.length === 1 ? 's' : ''} only clients `
    + 'outside the VPC (through a Route 53 Resolver inbound endpoint; workloads in the VPC use the gateway endpoint), but '
    + '`clientCidrs` admits none, so nobody can use them while they are billed per AZ-hour. Add the on-premises or peered '
    + 'networks to `clientCidrs`, or remove these interface endpoints.')];
}

/** Services left without the construct-wide policy because they accept none: reported, never dropped silently. */
export function warnPolicyNotApplied(services: string[]): Finding[] {
  if (services.length === 0) {
    return [];
  }
  return [warning('endpointPolicyNotApplied', `\`endpointPolicy\` is not applied to the ${services.map(s => `'${s}'`).join(', ')} `
    + 'endpoint(s): these services accept no endpoint policy and allow full access through the endpoint. Restrict them '
    + 'with IAM and resource policies, or acknowledge this warning.')];
}

/** The `ports` of an interface endpoint are TCP ports. */
export function validateEndpointPorts(shortName: string, ports: number[]): Finding[] {
  const invalid = ports.filter(port => !Token.isUnresolved(port) && !(Number.isInteger(port) && port >= 1 && port <= 65535));
  if (invalid.length === 0) {
    return [];
  }
  return [error(`\`ports\` of interface endpoint '${shortName}' must be TCP ports, integers in 1..65535, got `
    + `${invalid.join(', ')}. Use the ports the service's clients connect to.`)];
}

/** An interface endpoint to an AWS service in another Region, as the rules see it. */
export interface CrossRegionEndpoint {
  readonly shortName: string;
  /** The service name the endpoint is defined with, when it is a literal. */
  readonly serviceName?: string;
  readonly serviceRegion: string;
  readonly stackRegion: string;
}

const REGION_IN_NAME = new RegExp(`\\.(${REGION_PATTERN})\\.`);

/**
 * Only the AWS services AWS lists as cross-Region enabled can be reached in another Region, and the service name must
 * be the one of that Region. PrivateLink endpoint services (`vpce-svc-...`) are up to their provider's
 * `SupportedRegions`, which only the provider knows.
 */
export function validateCrossRegionEndpoint(endpoint: CrossRegionEndpoint): Finding[] {
  const { shortName, serviceName, serviceRegion, stackRegion } = endpoint;
  if (Token.isUnresolved(serviceRegion)) {
    return [];
  }
  const where = `\`serviceRegion\` of interface endpoint '${shortName}'`;
  if (!isRegionName(serviceRegion)) {
    return [error(`${where} must be a Region name like eu-west-1, got '${serviceRegion}'.`)];
  }
  if (serviceRegion === stackRegion) {
    return [error(`${where} is the stack's own Region ${stackRegion}; remove \`serviceRegion\`.`)];
  }
  if (!shortName.startsWith('vpce-svc-') && !CROSS_REGION_SERVICES.includes(shortName)) {
    return [error(`${where} is ${serviceRegion}, but '${shortName}' cannot be reached across Regions; AWS lists `
      + `${CROSS_REGION_SERVICES.join(', ')} (${CROSS_REGION_SERVICES_SOURCE}). Remove \`serviceRegion\` and reach the `
      + 'service in its own Region from a VPC there.')];
  }
  const nameRegion = serviceName === undefined ? undefined : REGION_IN_NAME.exec(serviceName)?.[1];
  if (nameRegion !== undefined && nameRegion !== serviceRegion) {
    return [error(`${where} is ${serviceRegion}, but the service name '${serviceName}' is in ${nameRegion}. Give the `
      + `service's name in ${serviceRegion}, or a literal stack Region so that the construct can name it there.`)];
  }
  if (serviceName === undefined) {
    return [error(`${where} is ${serviceRegion}, but the service's name is known only at deploy time (an `
      + 'environment-agnostic stack), so it cannot be named in that Region. Give the stack a Region, or pass '
      + `\`new ec2.InterfaceVpcEndpointService('com.amazonaws.${serviceRegion}.${shortName}')\`.`)];
  }
  return [];
}

/** The smallest and largest IPv4 subnets ("Subnet sizing", https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html). */
const SUBNET_PREFIX_LENGTHS = { largest: 16, smallest: 28 };

/**
 * Why a VPC cannot be defined from a literal IPv4 block, or undefined when it can. EC2 takes VPC blocks from /16 to /28
 * ("VPC CIDR blocks", https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html), the same range as subnets,
 * and without `cidrMask` aws-cdk-lib cuts one equal subnet per AZ from the block, each /28 at the smallest.
 *
 * @param subnetsPerAzGiven whether `cidrMask` sizes the subnets (then `validateCidrMask` checks them)
 */
export function vpcBlockProblem(vpcPrefixLength: number, azCount: number, subnetsPerAzGiven: boolean): string | undefined {
  if (vpcPrefixLength < SUBNET_PREFIX_LENGTHS.largest || vpcPrefixLength > SUBNET_PREFIX_LENGTHS.smallest) {
    return `\`ipAddresses\` must be a block from /${SUBNET_PREFIX_LENGTHS.largest} to /${SUBNET_PREFIX_LENGTHS.smallest}, the VPC `
      + `sizes EC2 allows, got a /${vpcPrefixLength}. Give a block in that range, like ec2.IpAddresses.cidr('10.0.0.0/16').`;
  }
  const azBits = Math.ceil(Math.log2(Math.max(azCount, 1)));
  if (subnetsPerAzGiven || vpcPrefixLength + azBits <= SUBNET_PREFIX_LENGTHS.smallest) {
    return undefined;
  }
  return `a /${vpcPrefixLength} \`ipAddresses\` block cannot hold ${azCount} subnets (one per AZ) of /${SUBNET_PREFIX_LENGTHS.smallest} `
    + `or larger. Give a /${SUBNET_PREFIX_LENGTHS.smallest - azBits} block or larger, or lower \`maxAzs\`.`;
}

/**
 * The isolated subnets of a VPC the construct defines, one per AZ, must fit in the VPC's block and be sizes AWS allows.
 *
 * @param vpcPrefixLength the prefix length of the VPC's block, undefined when unknown (an IPAM pool)
 * @param azCount the AZs the VPC spans, one subnet each
 */
export function validateCidrMask(cidrMask: number | undefined, vpcPrefixLength: number | undefined, azCount: number): Finding[] {
  if (cidrMask === undefined || Token.isUnresolved(cidrMask)) {
    return [];
  }
  const smallestFitting = vpcPrefixLength === undefined ? SUBNET_PREFIX_LENGTHS.largest
    : Math.max(SUBNET_PREFIX_LENGTHS.largest, vpcPrefixLength + Math.ceil(Math.log2(Math.max(azCount, 1))));
  if (Number.isInteger(cidrMask) && cidrMask >= smallestFitting && cidrMask <= SUBNET_PREFIX_LENGTHS.smallest) {
    return [];
  }
  const inVpc = vpcPrefixLength === undefined ? '' : ` for ${azCount} subnet${azCount === 1 ? '' : 's'} (one per AZ) in a /${vpcPrefixLength} VPC`;
  return [error(`\`cidrMask\` must be a whole number from ${smallestFitting} to ${SUBNET_PREFIX_LENGTHS.smallest}${inVpc}, got `
    + `${cidrMask}. Choose a subnet size in that range, or a larger \`ipAddresses\` block.`)];
}

/**
 * An AWS service that the SDKs' endpoint data lists in the Region's partition but not in the Region is most likely not
 * offered there, and its endpoint would fail the deploy. The data may be older than a launch, so this is a warning to
 * acknowledge, never an error; a Region or service the data does not know says nothing.
 *
 * @param region the Region the service is reached in: the stack's, or the endpoint's `serviceRegion`
 */
export function validateServiceInRegion(shortName: string, region: string): Finding[] {
  const gaps = REGIONS_WITHOUT_SERVICE[shortName];
  if (Token.isUnresolved(region) || gaps === undefined) {
    return [];
  }
  const partition = partitionOf(region);
  if (partition === undefined || !(gaps[partition] ?? []).includes(region)) {
    return [];
  }
  return [warning('serviceNotInRegion', `interface endpoint service '${shortName}' has no endpoint in ${region} in `
    + `${SDK_ENDPOINTS_SOURCE}, so EC2 most likely does not offer it there and the deploy would fail. Reach it in a Region `
    + 'that has it (`serviceRegion`), or acknowledge this warning if AWS has launched it in this Region since.')];
}

/**
 * An interface endpoint's AWS service must be one EC2 could offer: a name with spaces, capitals or other letters never
 * is, and one that aws-cdk-lib does not list is most likely a typo (`secretmanager`) that would fail the deploy, unless
 * the service is newer than the aws-cdk-lib in use, which the warning lets the user say.
 *
 * @param known the short names of the services aws-cdk-lib lists
 */
export function validateAwsServiceShortName(shortName: string, known: readonly string[]): Finding[] {
  if (Token.isUnresolved(shortName) || known.includes(shortName)) {
    return [];
  }
  if (!isServiceShortNameShape(shortName)) {
    return [error(`interface endpoint service '${shortName}' is no AWS service name: those have only lower-case letters, digits, `
      + 'dots and hyphens (ssm, ecr.dkr, bedrock-runtime). Fix its spelling.')];
  }
  const nearest = closestName(shortName, known);
  return [warning('unknownService', `interface endpoint service '${shortName}' is not among the ${known.length} services this `
    + `aws-cdk-lib lists (InterfaceVpcEndpointAwsService)${nearest ? `; did you mean '${nearest}'?` : '.'} Fix its spelling, or `
    + 'acknowledge this warning for a service newer than this aws-cdk-lib.')];
}
