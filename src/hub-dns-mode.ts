/**
 * How a `CentralEndpointHub` answers the AWS services' DNS names in the VPCs that use it.
 */
export class HubDnsMode {
  /**
   * The hub's interface endpoints keep private DNS on, and each is associated with the hub's Route 53 Profile
   * (`AWS::Route53Profiles::ProfileResourceAssociation`): every VPC associated with the Profile resolves each service's
   * own names, as the endpoint's private DNS defines them, to the hub endpoint ("Associate interface VPC endpoints to a
   * Route 53 Profile", https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/profile-associate-vpc-endpoints.html).
   * No hosted zones: AWS names the records, and a hub of many services stays small. Needs the Profile.
   */
  public static readonly PROFILE_ENDPOINTS = new HubDnsMode('PROFILE_ENDPOINTS');

  /**
   * The hub's endpoints have private DNS off, and the hub defines a private hosted zone per name a service is called at
   * (apex and wildcard alias records to the endpoint), shared through the Profile or associated with VPCs of the hub's
   * account directly (`associateVpc`). Four to five CloudFormation resources per service.
   */
  public static readonly HOSTED_ZONES = new HubDnsMode('HOSTED_ZONES');

  private constructor(
    /** The mode's name, as in `HubDnsMode.<name>`. */
    public readonly name: string,
  ) {}
}
