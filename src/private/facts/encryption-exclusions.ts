/**
 * The eight resource kinds VPC Encryption Controls can exclude from enforce mode, and the CloudFormation property that
 * excludes each. "There are only 8 supported exclusions for VPC Encryption Controls. If you have these resources in your
 * VPC and want to move to enforce mode, you must add these exclusions when switching from monitor to enforce mode. No
 * other resources are excludable." ("Enforce VPC encryption in transit", VPC Encryption Controls Exclusions,
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-encryption-controls.html).
 */
export const ENCRYPTION_CONTROLS_GUIDE = 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-encryption-controls.html';

/** The `AWS::EC2::VPCEncryptionControl` input properties, one per excludable kind (CloudFormation resource schema). */
export type ExclusionProperty =
  | 'internetGatewayExclusionInput'
  | 'egressOnlyInternetGatewayExclusionInput'
  | 'natGatewayExclusionInput'
  | 'virtualPrivateGatewayExclusionInput'
  | 'vpcPeeringExclusionInput'
  | 'vpcLatticeExclusionInput'
  | 'elasticFileSystemExclusionInput'
  | 'lambdaExclusionInput';

/** What the rules need to know about one excludable kind. */
export interface ExclusionFact {
  /** The L1 property that takes `enable`. */
  readonly property: ExclusionProperty;
  /** The kind as messages name it, with its article. */
  readonly description: string;
}

/** By the `EncryptionControlExclusion` value. */
export const EXCLUSION_FACTS: { readonly [exclusion: string]: ExclusionFact } = {
  INTERNET_GATEWAY: { property: 'internetGatewayExclusionInput', description: 'an internet gateway' },
  EGRESS_ONLY_INTERNET_GATEWAY: { property: 'egressOnlyInternetGatewayExclusionInput', description: 'an egress-only internet gateway' },
  NAT_GATEWAY: { property: 'natGatewayExclusionInput', description: 'a NAT gateway' },
  VIRTUAL_PRIVATE_GATEWAY: { property: 'virtualPrivateGatewayExclusionInput', description: 'a virtual private gateway' },
  VPC_PEERING: { property: 'vpcPeeringExclusionInput', description: 'a VPC peering connection' },
  VPC_LATTICE: { property: 'vpcLatticeExclusionInput', description: 'VPC Lattice' },
  ELASTIC_FILE_SYSTEM: { property: 'elasticFileSystemExclusionInput', description: 'an Amazon EFS mount target' },
  LAMBDA: { property: 'lambdaExclusionInput', description: 'a Lambda function' },
};
