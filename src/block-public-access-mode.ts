/**
 * What VPC Block Public Access blocks in an account and Region, for every VPC and subnet that no exclusion exempts. It acts
 * on internet gateways and egress-only internet gateways, and so on what reaches the internet through them (NAT gateways,
 * internet-facing load balancers); traffic that never crosses one (VPC endpoints, peering, transit gateways) is outside
 * it ("Block public access to VPCs and subnets", https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html).
 */
export enum BlockPublicAccessMode {
  /**
   * "Block all traffic to and from internet gateways and egress-only internet gateways in this Region (except for
   * excluded VPCs and subnets)" (`block-bidirectional`, VpcBlockPublicAccessOptions): no way in or out, NAT gateways
   * included, which "require an internet gateway for internet connectivity" ("VPC BPA basics").
   */
  BLOCK_BIDIRECTIONAL = 'block-bidirectional',

  /**
   * "Block all internet traffic to the VPCs in this Region (except for VPCs or subnets which are excluded). Only traffic
   * to and from NAT gateways and egress-only internet gateways is allowed because these gateways only allow outbound
   * connections to be established" (`block-ingress`, VpcBlockPublicAccessOptions). Workloads keep their outbound
   * connections through NAT gateways, so data can still leave.
   */
  BLOCK_INGRESS = 'block-ingress',
}

/**
 * What an exclusion lets through for its VPC or subnet
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcBlockPublicAccessExclusion.html).
 */
export enum BlockPublicAccessExclusionMode {
  /** "Allow all internet traffic to and from the excluded VPCs and subnets." */
  ALLOW_BIDIRECTIONAL = 'allow-bidirectional',

  /**
   * "Allow outbound internet traffic from the excluded VPCs and subnets. Block inbound internet traffic to the excluded
   * VPCs and subnets. Only applies when VPC Block Public Access is set to Bidirectional."
   */
  ALLOW_EGRESS = 'allow-egress',
}
