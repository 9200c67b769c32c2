import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { BlockPublicAccessExclusionMode } from './block-public-access-mode';

/**
 * A VPC or subnet that VPC Block Public Access leaves open to the internet, for a `VpcBlockPublicAccess`. The VPC or
 * subnet must be of the same account and Region as the `VpcBlockPublicAccess`.
 */
export class BlockPublicAccessExclusion {
  /**
   * Exempts a whole VPC: every subnet in it, present and future.
   *
   * @param mode what the exclusion lets through; by default `ALLOW_EGRESS` under `BLOCK_BIDIRECTIONAL` (outbound only,
   * the least an excluded VPC needs to call out) and `ALLOW_BIDIRECTIONAL` under `BLOCK_INGRESS`, the only mode that
   * applies there
   */
  public static vpc(vpc: ec2.IVpc, mode?: BlockPublicAccessExclusionMode): BlockPublicAccessExclusion {
    return new BlockPublicAccessExclusion(vpc, undefined, mode);
  }

  /**
   * Exempts one subnet, such as the public subnet of an internet-facing load balancer, and leaves the rest of its VPC
   * blocked.
   *
   * @param mode what the exclusion lets through; the same default as `vpc()`
   */
  public static subnet(subnet: ec2.ISubnet, mode?: BlockPublicAccessExclusionMode): BlockPublicAccessExclusion {
    return new BlockPublicAccessExclusion(undefined, subnet, mode);
  }

  private constructor(
    /** The VPC exempted, for an exclusion of a VPC. */
    public readonly excludedVpc: ec2.IVpc | undefined,
    /** The subnet exempted, for an exclusion of a subnet. */
    public readonly excludedSubnet: ec2.ISubnet | undefined,
    /** The mode given; undefined for the default of the `VpcBlockPublicAccess`'s mode. */
    public readonly mode: BlockPublicAccessExclusionMode | undefined,
  ) {}
}
