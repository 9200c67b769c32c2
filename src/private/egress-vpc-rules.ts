import { Token } from 'aws-cdk-lib';
import { error, Finding, warning } from './findings';
import { GATEWAY_SERVICE_SHORT_NAMES, SERVICES_WITH_BOTH_ENDPOINT_TYPES } from './service-names';
import { SubnetPlacement, validateOneSubnetPerAz } from './vpc-rules';

/** The default quota of interface (and Gateway Load Balancer) endpoints per VPC. */
export const INTERFACE_ENDPOINTS_PER_VPC_QUOTA = 50;

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
export function validateEndpointSubnets(subnets: SubnetPlacement[]): Finding[] {
  if (subnets.length === 0) {
    return [error(
      '`endpointSubnets` selects no subnet, so interface endpoints have nowhere to go. '
      + 'Select at least one private or isolated subnet (one per AZ).',
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
  readonly destination: string;
  /** What the route goes through: 'an internet gateway', 'a NAT gateway', ... */
  readonly target: string;
}

/**
 * A private egress VPC has no path to the internet: a default route through an internet or NAT gateway is an
 * error in a VPC this library created, and a warning in an adopted one (whose owner may have reasons).
 */
export function validateNoInternetRoutes(routes: InternetRoute[], vpcCreatedHere: boolean): Finding[] {
  return routes.map(route => {
    const problem = `route ${route.path} sends ${route.destination} through ${route.target}, `
      + 'giving workloads a path to the internet that the private egress VPC is meant to exclude.';
    return vpcCreatedHere
      ? error(`${problem} Remove the route; reach AWS services through \`interfaceEndpoints\` and \`gatewayEndpoints\`.`)
      : warning('internetRoute', `${problem} Remove it, or acknowledge this warning if the adopted VPC needs internet egress.`);
  });
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
      `\`bundles\` includes ${bundle.name}, which needs the '${missing}' gateway endpoint, but \`gatewayEndpoints\` `
      + `does not include it (got [${gatewayEndpoints.join(', ')}]). Add the '${missing}' gateway endpoint `
      + `(ec2.GatewayVpcEndpointAwsService), or remove the ${bundle.name} bundle.`,
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
      + `inbound endpoint and requires the '${service}' gateway endpoint in the VPC, but \`gatewayEndpoints\` does not `
      + `include it. Add the '${service}' gateway endpoint, or set \`privateDnsEnabled: false\` on this endpoint.`,
    ));
}
