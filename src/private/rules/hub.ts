import { Token } from 'aws-cdk-lib';
import { crossRegionReferenceProblem, StackEnvironment } from './cross-account';
import { error, Finding, warning } from './findings';
import { HUB_QUOTAS } from '../facts/quotas';
import { GATEWAY_SERVICE_SHORT_NAMES } from '../facts/service-names';

// Rules of the central endpoint hub and its spokes. The design is AWS's "Centralized access to VPC private endpoints"
// (https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-access-to-vpc-private-endpoints.html):
// endpoints in a hub VPC with private DNS off, a private hosted zone per service shared with the spokes.

/** A hub zone answers for an AWS service's public names; a PrivateLink endpoint service has none. */
export function validateCentralizedService(notAwsServices: string[]): Finding[] {
  if (notAwsServices.length === 0) {
    return [];
  }
  return [error(`${notAwsServices.map(name => `'${name}'`).join(', ')} ${notAwsServices.length === 1 ? 'is' : 'are'} not an AWS service `
    + '(`ec2.InterfaceVpcEndpointAwsService`): a hub answers for the public DNS names of AWS services, and a PrivateLink '
    + 'endpoint service has none. Reach it from each VPC with an `EndpointConsumer`, or share it with a '
    + '`PrivateResourceShare`.')];
}

/**
 * A hub zone for S3 or DynamoDB answers the service's name in every spoke with the hub endpoint, which takes the spokes'
 * traffic off their free gateway endpoints and bills it per GB at the hub endpoint and the Transit Gateway.
 */
export function warnGatewayServicesCentralized(centralizedServices: string[]): Finding[] {
  const gatewayServices = centralizedServices.filter(service => GATEWAY_SERVICE_SHORT_NAMES.includes(service));
  if (gatewayServices.length === 0) {
    return [];
  }
  return [warning('gatewayServiceCentralized', `${gatewayServices.join(' and ')} ${gatewayServices.length === 1 ? 'is' : 'are'} `
    + 'centralized: the hub\'s zones answer their names in every spoke with the hub endpoint, which pulls the spokes\' '
    + 'traffic off their free gateway endpoints and bills it per GB at the hub endpoint and at the Transit Gateway. Keep '
    + 'them on gateway endpoints in each spoke (gateway endpoints serve only their own VPC, so they cannot be '
    + 'centralized); centralize them only for clients that cannot use a gateway endpoint, and acknowledge this warning.')];
}

/**
 * A hub zone whose name is assumed rather than sourced: a dotted short name or a service outside `com.amazonaws` may be
 * answered at another name, which the zone would not take over.
 *
 * @param services the short names and assumed zone names of those services
 */
export function warnAssumedZoneNames(services: { shortName: string; zoneName: string }[]): Finding[] {
  if (services.length === 0) {
    return [];
  }
  return [warning('assumedZoneName', `the library's table of service DNS names does not list ${services.map(s => `'${s.shortName}'`).join(', ')}, `
    + `so ${services.length === 1 ? 'its zone is' : 'their zones are'} named after the service: ${services.map(s => s.zoneName).join(', ')}. `
    + 'Check the private DNS name in the service\'s PrivateLink documentation; if it differs, clients keep resolving the public '
    + 'name. Acknowledge this warning once checked.')];
}

/** A bundle's gateway endpoints as the rules see them. */
export interface HubBundle {
  readonly name: string;
  readonly requiredGatewayEndpoints: string[];
}

/** The gateway endpoints a bundle depends on (ECR's image layers come from S3) stay with each spoke. */
export function warnSpokesNeedGatewayEndpoints(bundles: HubBundle[]): Finding[] {
  const needing = bundles.filter(bundle => bundle.requiredGatewayEndpoints.length > 0);
  if (needing.length === 0) {
    return [];
  }
  const needs = needing.map(bundle => `${bundle.name} needs ${bundle.requiredGatewayEndpoints.join(' and ')}`).join('; ');
  return [warning('spokesNeedGatewayEndpoints', `bundles depend on gateway endpoints (${needs}), which serve only their own `
    + 'VPC: every spoke needs its own (free) gateway endpoints for them, such as a `PrivateEgressVpc` adopting the spoke '
    + 'VPC with `gatewayEndpoints`. Acknowledge this warning once the spokes have them.')];
}

/** Without the spokes' CIDR blocks, the endpoint security group admits only the hub VPC. */
export function warnNoSpokeCidrs(clientCidrs: string[], centralizedServiceCount: number): Finding[] {
  if (clientCidrs.length > 0 || centralizedServiceCount === 0) {
    return [];
  }
  return [warning('noSpokeCidrs', '`clientCidrs` is empty, so the endpoint security group admits only the hub VPC\'s own '
    + 'CIDR blocks and every spoke\'s connection is refused. List the spokes\' CIDR blocks or a prefix list that holds them.')];
}

/** Principals share the profile; a hub without one has nothing to share. */
export function validateProfileSharing(profileEnabled: boolean, principals: string[]): Finding[] {
  if (profileEnabled || principals.length === 0) {
    return [];
  }
  return [error(`\`allowedPrincipals\` (${principals.join(', ')}) share the hub's Route 53 Profile, but \`profileEnabled\` is false. `
    + 'Turn the profile on, or remove the principals: without a profile, only VPCs of the hub\'s account can use the zones '
    + '(`associateVpc()`).')];
}

/** The hub's zones count against the account's hosted zones; an increase must be in place before the deploy. */
export function warnHostedZoneQuota(zoneCount: number): Finding[] {
  const quota = HUB_QUOTAS.hostedZonesPerAccount;
  if (zoneCount <= quota.value) {
    return [];
  }
  return [warning('hostedZoneQuota', `the hub defines ${zoneCount} private hosted zones, above the default quota of ${quota.value} `
    + `hosted zones per account (${quota.source}); the deploy fails unless "${quota.name}" has been raised. Centralize fewer `
    + 'services, or request an increase.')];
}

/** Each hub zone is associated with the hub VPC and every VPC of `associateVpc()`; an increase must be in place before the deploy. */
export function validateVpcsPerZone(vpcCount: number): Finding[] {
  const quota = HUB_QUOTAS.vpcsPerPrivateHostedZone;
  if (vpcCount <= quota.value) {
    return [];
  }
  return [error(`each hub zone is associated with ${vpcCount} VPCs (the hub's and ${vpcCount - 1} from \`associateVpc()\`), above `
    + `the ${quota.value} VPCs a private hosted zone takes, which cannot be raised (${quota.source}). Associate the VPCs with the `
    + 'hub\'s Route 53 Profile instead (a CentralEndpointSpoke each).')];
}

/**
 * Each hub has a Route 53 Profile, and an account has five per Region by default: the sixth hub's deploy fails.
 *
 * @param profiles the Profiles defined in the app for the hub's account and Region
 */
export function warnProfilesPerAccountAndRegion(profiles: number): Finding[] {
  const quota = HUB_QUOTAS.profilesPerAccountAndRegion;
  if (profiles <= quota.value) {
    return [];
  }
  return [warning('profilesPerAccountAndRegion', `the app defines ${profiles} Route 53 Profiles (one per hub) for this hub's account `
    + `and Region, above the default quota of ${quota.value} (${quota.source}); the deploy fails unless it has been raised. `
    + 'Request an increase, or serve several environments from one hub.')];
}

/** A zone of the same name elsewhere in the app, associated with a VPC that a hub zone is associated with too. */
export interface ZoneClash {
  readonly zoneName: string;
  /** The VPC, as messages name it. */
  readonly vpc: string;
  readonly otherZonePaths: string[];
}

/**
 * Route 53 refuses to associate a VPC with two private hosted zones of the same name (`ConflictingDomainExists`,
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_AssociateVPCWithHostedZone.html).
 */
export function validateNoZoneClashes(clashes: ZoneClash[]): Finding[] {
  return clashes.map(clash => error(`the hub zone '${clash.zoneName}' and ${clash.otherZonePaths.join(', ')} have the same name in `
    + `${clash.vpc}; Route 53 refuses a second zone of one name for a VPC (ConflictingDomainExists). Remove the other zone, `
    + 'or do not centralize the service.'));
}

/** An interface endpoint with private DNS in a VPC that uses the hub's zone for the same service. */
export interface LocalPrivateDnsEndpoint {
  readonly service: string;
  readonly path: string;
}

/**
 * An endpoint's private DNS is a private hosted zone of the service's name that AWS manages in the VPC: beside a hub
 * zone of that name in the same VPC, it is a second zone of one name, which Route 53 refuses or resolves to one of
 * them ("Centralized access to VPC private endpoints").
 *
 * @param vpc the VPC, as messages name it
 */
export function validateNoLocalPrivateDns(vpc: string, endpoints: LocalPrivateDnsEndpoint[]): Finding[] {
  return endpoints.map(endpoint => error(`${endpoint.path} is an interface endpoint of '${endpoint.service}' with private DNS in `
    + `${vpc}, which also uses the hub's zone for '${endpoint.service}': two zones would answer the same name. Remove the local `
    + 'endpoint (the hub serves the service) or turn its private DNS off.'));
}

/** What a spoke is given to reach the hub. */
export interface SpokeWiring {
  readonly hubGiven: boolean;
  readonly profileIdGiven: boolean;
  readonly transitGatewayIdGiven: boolean;
  readonly hubCidrCount: number;
}

/** A spoke associates with exactly one profile and routes to the hub through a Transit Gateway. */
export function validateSpokeWiring(wiring: SpokeWiring): Finding[] {
  const findings: Finding[] = [];
  if (wiring.hubGiven === wiring.profileIdGiven) {
    findings.push(error(wiring.hubGiven
      ? 'both `hub` and `profileId` are given; a VPC is associated with one Route 53 Profile. Give `hub` for a hub in this '
        + 'app and account, `profileId` otherwise.'
      : 'neither `hub` nor `profileId` is given, so the VPC would not use the hub\'s zones. Give `hub` for a hub in this app '
        + 'and account, or the hub\'s profile ID (its `ProfileId` output or `<parameterPrefix>/profile-id` parameter).'));
  }
  if (wiring.transitGatewayIdGiven && wiring.hubCidrCount === 0) {
    findings.push(error('`transitGatewayId` is given without `hubCidrs`, so no route to the hub can be added. Give the hub '
      + 'VPC\'s CIDR blocks (its `HubCidr` output), or `hub`.'));
  }
  if (!wiring.transitGatewayIdGiven && wiring.hubCidrCount > 0 && !wiring.hubGiven) {
    findings.push(error('`hubCidrs` is given without `transitGatewayId`, which the routes to the hub go through. Give the '
      + 'Transit Gateway\'s ID, or remove `hubCidrs` if the VPC reaches the hub another way.'));
  }
  return findings;
}

/**
 * Routes through the Transit Gateway go on the route tables of the VPC's private and isolated subnets: one whose table
 * is not known (an imported VPC without route table IDs) would be left without them.
 *
 * @param leadingTo where the routes lead, as messages name it: "the hub", "the spokes"
 */
export function validateRouteTablesKnown(subnetsWithoutRouteTable: string[], leadingTo: string): Finding[] {
  if (subnetsWithoutRouteTable.length === 0) {
    return [];
  }
  return [error(`the route tables of ${subnetsWithoutRouteTable.join(', ')} are not known, so their routes to ${leadingTo} `
    + 'through `transitGatewayId` cannot be added. Import the VPC with its subnets\' route table IDs (`privateSubnetRouteTableIds`, '
    + '`isolatedSubnetRouteTableIds`).')];
}

/** A spoke associates with the hub's profile; a hub without one is used through `associateVpc()`. */
export function validateHubHasProfile(hubPath: string, hasProfile: boolean): Finding[] {
  if (hasProfile) {
    return [];
  }
  return [error(`\`hub\` ${hubPath} has no Route 53 Profile (\`profileEnabled: false\`), so the spoke has nothing to associate with. `
    + 'Turn the hub\'s profile on, or associate the VPC with the hub\'s zones directly with `hub.associateVpc(vpc)` instead of a spoke.')];
}

/** Route 53 associates a VPC with at most one profile (AssociateProfile, "A VPC can have only one Profile associated with it"). */
export function validateOneProfilePerVpc(otherAssociationPaths: string[]): Finding[] {
  if (otherAssociationPaths.length === 0) {
    return [];
  }
  return [error(`the VPC is already associated with a Route 53 Profile by ${otherAssociationPaths.join(', ')}, and a VPC takes `
    + `one profile (${HUB_QUOTAS.profilesPerVpc.source}). Put the other profile's resources into the hub's, or use one of them.`)];
}

/** The hub's profile takes a limited number of VPC associations. */
export function warnVpcsPerProfile(spokeCount: number): Finding[] {
  const quota = HUB_QUOTAS.vpcsPerProfile;
  if (spokeCount <= quota.value) {
    return [];
  }
  return [warning('vpcsPerProfile', `${spokeCount} spokes in this app associate with the hub's profile, above the default `
    + `quota of ${quota.value} VPCs per Route 53 Profile (${quota.source}); request an increase before deploying them.`)];
}

/**
 * The hub's zones and endpoints are regional: a profile applies its configuration "to multiple VPCs in the same AWS
 * Region" (Route 53 Profiles launch post, https://aws.amazon.com/blogs/aws/unify-dns-management-using-amazon-route-53-profiles-with-multiple-vpcs-and-aws-accounts/),
 * and the hub's zones answer for the services of its own Region.
 */
export function validateSpokeRegion(spokeRegion: string, hubRegion: string): Finding[] {
  if (Token.isUnresolved(spokeRegion) !== Token.isUnresolved(hubRegion)) {
    const where = (region: string) => Token.isUnresolved(region) ? 'environment-agnostic' : `in ${region}`;
    return [error(`the spoke's stack is ${where(spokeRegion)} and the hub's ${where(hubRegion)}; the spoke takes the hub's profile ID `
      + 'from the hub\'s stack, which aws-cdk-lib passes only between stacks of one Region. Give both stacks the same `env`, or '
      + 'give the spoke the hub\'s `profileId` instead of `hub`.')];
  }
  if (Token.isUnresolved(spokeRegion) || spokeRegion === hubRegion) {
    return [];
  }
  return [error(`the spoke is in ${spokeRegion} and the hub in ${hubRegion}; a Route 53 Profile is associated with VPCs of its own `
    + 'Region, and the hub\'s zones answer for the services of its Region. Give the spoke a hub in its Region.')];
}

/**
 * A spoke's CIDR block that the hub's endpoint security group does not admit: its connections would be refused.
 *
 * @param notAdmitted the spoke's literal IPv4 CIDR blocks that no literal `clientCidrs` entry of the hub contains
 */
export function validateSpokeAdmitted(hubPath: string, notAdmitted: string[]): Finding[] {
  if (notAdmitted.length === 0) {
    return [];
  }
  return [error(`the spoke's CIDR ${notAdmitted.length === 1 ? 'block' : 'blocks'} ${notAdmitted.join(', ')} ${notAdmitted.length === 1 ? 'is' : 'are'} `
    + `in none of the \`clientCidrs\` of ${hubPath}, so its endpoints would refuse the spoke. Add them (or a block that holds them) `
    + 'to the hub\'s `clientCidrs`.')];
}

/**
 * On-premises networks that the hub's inbound endpoint answers but its endpoint security group does not admit: their
 * clients would resolve the services' names to the hub's endpoints and then be refused.
 *
 * @param notAdmitted the literal IPv4 blocks of `inboundResolver.onPremisesCidrs` that no literal `clientCidrs` entry contains
 */
export function warnOnPremisesNotAdmitted(notAdmitted: string[]): Finding[] {
  if (notAdmitted.length === 0) {
    return [];
  }
  return [warning('onPremisesNotAdmitted', `\`inboundResolver.onPremisesCidrs\` includes ${notAdmitted.join(', ')}, which no `
    + '`clientCidrs` entry holds: clients there would resolve the services\' names to the hub\'s endpoints, whose security '
    + 'group then refuses them. Add them to `clientCidrs` (and route to them), or acknowledge this warning if they only '
    + 'resolve names.')];
}

// What Route 53 names a profile: `rp-` and letters and digits ("Profile", Route 53 Profiles API reference,
// https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53profiles_Profile.html, for example rp-4987774726example).
const PROFILE_ID = /^rp-[0-9a-zA-Z]+$/;

/** A spoke's `profileId` given as a literal must be a profile ID: an empty or mistyped one fails the deploy. */
export function validateProfileId(profileId: string | undefined): Finding[] {
  if (profileId === undefined || Token.isUnresolved(profileId) || PROFILE_ID.test(profileId)) {
    return [];
  }
  return [error(`\`profileId\` must be a Route 53 Profile ID such as rp-4987774726example, got '${profileId}'. Pass the hub's `
    + 'ProfileId output (or its `<parameterPrefix>/profile-id` SSM parameter).')];
}

/**
 * EC2 refuses a route through a Transit Gateway to a block equal to or inside one of the route table's VPC blocks ("equal
 * to or more specific than one of this VPC's CIDR blocks"): the VPC's local route covers it, so two VPCs that overlap
 * cannot reach each other.
 *
 * @param prop the prop of the destinations
 * @param vpcName the VPC whose route tables get the routes, as messages name it
 * @param within each destination inside a block of that VPC, with the block
 */
export function validateRoutesLeaveVpc(prop: string, vpcName: string, within: Array<{ cidr: string; within: string }>): Finding[] {
  return within.map(({ cidr, within: block }) => error(`\`${prop}\` entry ${cidr} is inside ${vpcName}'s own block ${block}: EC2 `
    + 'refuses a route to it through the Transit Gateway, and the local route would keep that traffic in the VPC. Overlapping '
    + `VPCs cannot reach each other: give the spoke and hub VPCs blocks that do not overlap, or remove ${cidr}.`));
}

/**
 * What a hub's DNS mode needs: `PROFILE_ENDPOINTS` answers only in VPCs associated with the hub's Profile, so it needs
 * the Profile, and it has no zones to associate with a VPC directly. It answers with the endpoints' private DNS, which
 * for S3 and DynamoDB needs their gateway endpoint in the VPC and then answers only queries from a Resolver inbound
 * endpoint ("AWS PrivateLink for Amazon S3", https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html).
 *
 * @param mode the `HubDnsMode` name
 * @param hub.directVpcs the paths of the VPCs given to `associateVpc` (or `associatedVpcs`)
 * @param hub.servicesWithBothEndpointTypes the centralized services that also have gateway endpoints
 */
export function validateDnsModeNeeds(mode: string,
  hub: { profile: boolean; directVpcs: string[]; servicesWithBothEndpointTypes: string[] }): Finding[] {
  if (mode !== 'PROFILE_ENDPOINTS') {
    return [];
  }
  return [
    ...(hub.profile ? [] : [error('`dnsMode` is HubDnsMode.PROFILE_ENDPOINTS, which answers through the hub\'s Route 53 Profile, '
      + 'but `profileEnabled` is false. Leave `profileEnabled` on, or set `dnsMode: HubDnsMode.HOSTED_ZONES`.')]),
    ...(hub.directVpcs.length === 0 ? [] : [error(`\`associateVpc\` (or \`associatedVpcs\`) got ${hub.directVpcs.join(', ')}, but `
      + 'with HubDnsMode.PROFILE_ENDPOINTS the hub has no hosted zones to associate: its names are answered in the VPCs '
      + 'associated with its Route 53 Profile. Associate the VPC with the Profile (a `CentralEndpointSpoke`, in any account '
      + 'the Profile is shared with), or set `dnsMode: HubDnsMode.HOSTED_ZONES`.')]),
    ...(hub.servicesWithBothEndpointTypes.length === 0 ? [] : [error(`${hub.servicesWithBothEndpointTypes.join(' and ')} cannot be `
      + 'centralized with HubDnsMode.PROFILE_ENDPOINTS: the private DNS of an S3 or DynamoDB interface endpoint needs the '
      + 'service\'s gateway endpoint in the hub VPC and then answers only queries from a Route 53 Resolver inbound endpoint, so '
      + 'the Profile would answer nothing. Keep them on gateway endpoints in each spoke, give the hub an `inboundResolver` to '
      + 'serve them to on-premises clients, or set `dnsMode: HubDnsMode.HOSTED_ZONES`.')]),
  ];
}

/**
 * A spoke VPC whose blocks share addresses with the hub VPC's cannot reach the hub's endpoints, whatever connects the two
 * (Transit Gateway, Cloud WAN, peering): the spoke's local route keeps traffic to those addresses in the spoke ("Route
 * priority", https://docs.aws.amazon.com/vpc/latest/userguide/route-tables.html#route-tables-priority).
 *
 * @param overlaps the hub VPC's block with each spoke VPC block it overlaps
 */
export function validateSpokeOutsideHub(overlaps: Array<{ cidr: string; overlaps: string }>): Finding[] {
  return overlaps.map(({ cidr, overlaps: spokeBlock }) => error(`the hub VPC's block ${cidr} overlaps the spoke VPC's block `
    + `${spokeBlock}: the spoke's local route would keep traffic to the hub's endpoints in the spoke, so they cannot be reached. `
    + 'Give the spoke and hub VPCs blocks that do not overlap.'));
}

/**
 * Why `associateVpc` cannot take a VPC of another stack, or undefined when it can. Route 53 associates a private hosted
 * zone with a VPC of another account only once that account authorizes it ("Associating an Amazon VPC and a private hosted
 * zone that you created with different AWS accounts",
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-associate-vpcs-different-accounts.html),
 * which CloudFormation cannot do; and CDK references the VPC only between stacks of one Region.
 */
export function associatedVpcEnvironmentMessage(vpcPath: string, vpc: StackEnvironment, hub: StackEnvironment): string | undefined {
  if (!Token.isUnresolved(vpc.account) && !Token.isUnresolved(hub.account) && vpc.account !== hub.account) {
    return `\`associateVpc\` got the VPC at ${vpcPath} in account ${vpc.account}, but the hub is in account ${hub.account}: Route 53 `
      + 'associates a private hosted zone with a VPC of another account only once that account authorizes it, which '
      + 'CloudFormation cannot do. Share the hub\'s Route 53 Profile with that account (`allowedPrincipals`) and define a '
      + 'CentralEndpointSpoke there.';
  }
  const region = crossRegionReferenceProblem(vpc, hub);
  return region && `\`associateVpc\` got the VPC at ${vpcPath} in ${region.object}, but the hub is in ${region.stack}, and CDK `
    + 'passes the VPC ID only between stacks of one Region. Give both stacks the same `env`.';
}
