/**
 * The default quota of interface (and Gateway Load Balancer) endpoints per VPC ("AWS PrivateLink quotas",
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html), which PrivateEgressVpc and the hub check.
 */
export const INTERFACE_ENDPOINTS_PER_VPC_QUOTA = 50;

/** A default AWS quota that an app's design can reach, with the page that states it. */
export interface Quota {
  /** The quota's name as its page gives it. */
  readonly name: string;
  /** The default value. */
  readonly value: number;
  /** Whether an increase can be requested (Service Quotas or a support case). */
  readonly adjustable: boolean;
  readonly source: string;
}

const ROUTE53_QUOTAS_PAGE = 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DNSLimitations.html';
const ASSOCIATE_PROFILE_PAGE = 'https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53profiles_AssociateProfile.html';

/** The quotas a hub checks at synth. Each row's comment says what it limits in a hub. */
export const HUB_QUOTAS = {
  /**
   * Spoke VPCs (and the hub's, if associated) per profile: "a Profile can be associated with 1000 of VPCs (and you can
   * request a higher quota)" (AssociateProfile).
   */
  vpcsPerProfile: {
    name: 'VPCs associated with a Route 53 Profile',
    value: 1000,
    adjustable: true,
    source: ASSOCIATE_PROFILE_PAGE,
  },
  /** "A VPC can have only one Profile associated with it" (AssociateProfile): a spoke cannot take a second hub's profile. */
  profilesPerVpc: {
    name: 'Route 53 Profiles associated with a VPC',
    value: 1,
    adjustable: false,
    source: ASSOCIATE_PROFILE_PAGE,
  },
  /**
   * Direct association (no profile): each VPC of `associateVpc()` is one association of every hub zone. "Amazon VPCs that
   * you can associate with a private hosted zone per hosted zone: 300 ... If you want more than 300 associations, we
   * recommend you use Route 53 Profiles" (Route 53 quotas page), with no increase to request.
   */
  vpcsPerPrivateHostedZone: {
    name: 'Amazon VPCs that you can associate with a private hosted zone',
    value: 300,
    adjustable: false,
    source: ROUTE53_QUOTAS_PAGE,
  },
  /**
   * Each hub has a Profile of its own: "Route 53 Profiles per AWS account in a Region: 5", adjustable (Route 53 quotas
   * page, quotas on Route 53 Profiles).
   */
  profilesPerAccountAndRegion: {
    name: 'Route 53 Profiles per AWS account in a Region',
    value: 5,
    adjustable: true,
    source: ROUTE53_QUOTAS_PAGE,
  },
  /** The hub's zones count against the account's hosted zones (Route 53 quotas page, quotas on hosted zones). */
  hostedZonesPerAccount: {
    name: 'Hosted zones',
    value: 500,
    adjustable: true,
    source: ROUTE53_QUOTAS_PAGE,
  },
  /** The hub's endpoints, the same quota PrivateEgressVpc checks ("AWS PrivateLink quotas"). */
  interfaceEndpointsPerVpc: {
    name: 'Interface and Gateway Load Balancer endpoints per VPC',
    value: INTERFACE_ENDPOINTS_PER_VPC_QUOTA,
    adjustable: true,
    source: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html',
  },
} satisfies Record<string, Quota>;

/**
 * The resources a CloudFormation stack can declare ("CloudFormation quotas", Resources,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html); not adjustable.
 */
export const RESOURCES_PER_STACK_QUOTA = 500;

const LATTICE_QUOTAS_PAGE = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/quotas.html';
const PRIVATELINK_QUOTAS_PAGE = 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html';

/**
 * The VPC Lattice quotas that service-network endpoints and associations and resource shares check at synth ("Quotas for
 * Amazon VPC Lattice", and "AWS PrivateLink quotas" for the endpoints per VPC), each per account and Region. The 500
 * resource configurations and 500 services a service network carries are not among them: each is an association resource
 * in the network's stack, whose 500-resource quota the stack budget already guards. Nor are its 500 VPC associations, which
 * are mostly made in consumer accounts that the app cannot see.
 */
export const LATTICE_QUOTAS = {
  /** "The maximum number of child resource configurations in a group resource configuration." */
  childConfigurationsPerGroup: {
    name: 'Child resource configurations per group resource configuration',
    value: 60,
    adjustable: true,
    source: LATTICE_QUOTAS_PAGE,
  },
  /** "The maximum number of domain verifications that can be created per account", per Region. */
  domainVerificationsPerRegion: {
    name: 'Domain verifications per AWS Region',
    value: 5,
    adjustable: true,
    source: LATTICE_QUOTAS_PAGE,
  },
  /** "Service network VPC endpoints per VPC" (PrivateLink quotas). */
  serviceNetworkEndpointsPerVpc: {
    name: 'Service network VPC endpoints per VPC',
    value: 50,
    adjustable: true,
    source: PRIVATELINK_QUOTAS_PAGE,
  },
  /** "The maximum number of service network endpoints associated with a service network." */
  serviceNetworkEndpointsPerServiceNetwork: {
    name: 'VPC endpoints of type service network per service network',
    value: 200,
    adjustable: true,
    source: LATTICE_QUOTAS_PAGE,
  },
  /**
   * "You can connect a VPC to only one service network through an association. To connect a VPC to multiple service
   * networks, you can use VPC endpoints of type service network" (the limits below the quota table).
   */
  serviceNetworksPerVpcAssociation: {
    name: 'Service networks a VPC is associated with',
    value: 1,
    adjustable: false,
    source: LATTICE_QUOTAS_PAGE,
  },
  /** "The maximum number of security groups that you can add to an association between a VPC and a service network." */
  securityGroupsPerAssociation: {
    name: 'Security groups per association',
    value: 5,
    adjustable: false,
    source: LATTICE_QUOTAS_PAGE,
  },
  /** "Resource VPC endpoints per VPC" (PrivateLink quotas). */
  resourceEndpointsPerVpc: {
    name: 'Resource VPC endpoints per VPC',
    value: 200,
    adjustable: true,
    source: PRIVATELINK_QUOTAS_PAGE,
  },
} satisfies Record<string, Quota>;

/** The quotas an inbound Resolver endpoint checks at synth. */
export const RESOLVER_QUOTAS = {
  /**
   * Each IP address of an endpoint is one network interface in one subnet. "IP addresses per Resolver endpoint: 6",
   * adjustable (Service Quotas code L-D2FE9758): the Route 53 quotas page, section "Quotas on Route 53 VPC Resolver", as
   * quoted in public repositories; not confirmed from a stored copy of the page.
   */
  ipAddressesPerEndpoint: {
    name: 'IP addresses per Resolver endpoint',
    value: 6,
    adjustable: true,
    source: `${ROUTE53_QUOTAS_PAGE}#limits-api-entities-resolver`,
  },
} satisfies Record<string, Quota>;
/**
 * "VPC Block Public Access exclusions per account per Region: 50", adjustable through a support case ("Amazon VPC
 * quotas", VPC and subnets, https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html): the exclusions of
 * VPCs and subnets together. The app sees only the exclusions it defines; the account may have more.
 */
export const BLOCK_PUBLIC_ACCESS_EXCLUSIONS_QUOTA: Quota = {
  name: 'VPC Block Public Access exclusions per account per Region',
  value: 50,
  adjustable: true,
  source: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html',
};
