/**
 * Which custom domain names VPC Lattice answers inside a consumer VPC, for the resources (and services) reached through a
 * resource endpoint, a service-network endpoint or a service-network VPC association: for each name it answers, it
 * creates a private hosted zone and associates it with the VPC. It applies only with private DNS on
 * (`PrivateDnsPreference` in DnsOptionsSpecification,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html).
 *
 * A custom domain name is chosen by the provider; verified means the provider has shown, with a VPC Lattice domain
 * verification, that it owns the domain. Answering unverified names lets a provider answer any name in your VPC (a
 * resource named `s3.us-east-1.amazonaws.com` would take your S3 traffic), which is why the constructs default to
 * `VERIFIED_DOMAINS_ONLY`.
 */
export enum PrivateDnsPreference {
  /** Only custom domain names the provider has verified. */
  VERIFIED_DOMAINS_ONLY = 'VERIFIED_DOMAINS_ONLY',
  /** Every custom domain name, verified or not: only for providers you trust with any name. */
  ALL_DOMAINS = 'ALL_DOMAINS',
  /** Verified custom domain names, and the names in `privateDnsSpecifiedDomains` whether verified or not. */
  VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS = 'VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS',
  /** Only the names in `privateDnsSpecifiedDomains`, whether verified or not. */
  SPECIFIED_DOMAINS_ONLY = 'SPECIFIED_DOMAINS_ONLY',
}
