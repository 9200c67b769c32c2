import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { EXCLUSION_FACTS } from './private/facts/encryption-exclusions';
import { findEncryptionRelevantContents } from './private/inventory/encryption-contents';
import {
  EncryptionControlChoice,
  validateEnforceContents,
  validateOneControlPerVpc,
  warnMonitorExclusions,
  warnUncheckedContents,
  warnUnneededExclusions,
} from './private/rules/encryption-control';
import { validateResourceTypeInRegion } from './private/rules/resource-availability';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';

/**
 * What VPC Encryption Controls do with traffic that is not encrypted in transit
 * ("Enforce VPC encryption in transit", https://docs.aws.amazon.com/vpc/latest/userguide/vpc-encryption-controls.html).
 */
export enum EncryptionControlMode {
  /**
   * Report only: VPC flow logs gain the `encryption-status` field, and `aws ec2 get-vpc-resources-blocking-encryption-enforcement`
   * lists what would block enforce mode. Nothing is refused. AWS's first step ("Enable monitoring"), and the only mode an
   * existing VPC can start in.
   */
  MONITOR = 'monitor',
  /**
   * Refuse what allows unencrypted traffic in the VPC: instances without Nitro encryption, and the kinds of resource below
   * unless excluded. Plaintext that PrivateLink endpoints in the VPC receive is dropped.
   */
  ENFORCE = 'enforce',
}

/**
 * The eight kinds of resource AWS lets you exclude from enforce mode, all of which carry traffic beyond the encryption AWS
 * provides; no other kind can be excluded. "An exclusion creates an auditable exception for resources where the customer is
 * responsible for maintaining encryption (typically at the application layer)." ("VPC Encryption Controls Exclusions",
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-encryption-controls.html)
 */
export enum EncryptionControlExclusion {
  /**
   * An internet gateway attached to the VPC: traffic to and from the internet, outside AWS's network, where "you're
   * responsible for configuring and maintaining end-to-end encryption".
   */
  INTERNET_GATEWAY = 'INTERNET_GATEWAY',
  /** An egress-only internet gateway (IPv6 to the internet), outside AWS's network like an internet gateway. */
  EGRESS_ONLY_INTERNET_GATEWAY = 'EGRESS_ONLY_INTERNET_GATEWAY',
  /** NAT gateways in the VPC, which carry the VPC's traffic to the internet or to other networks. */
  NAT_GATEWAY = 'NAT_GATEWAY',
  /** A virtual private gateway attached to the VPC (Site-to-Site VPN, Direct Connect), toward networks outside AWS. */
  VIRTUAL_PRIVATE_GATEWAY = 'VIRTUAL_PRIVATE_GATEWAY',
  /**
   * VPC peering connections "to encryption un-enforced VPCs": a peer in another Region, or one without encryption controls
   * in enforce mode with no exclusions. Two VPCs of one Region both in enforce mode with no exclusions need none.
   */
  VPC_PEERING = 'VPC_PEERING',
  /** VPC Lattice in the VPC: service-network associations, resource gateways, and service-network or resource endpoints. */
  VPC_LATTICE = 'VPC_LATTICE',
  /** Amazon EFS mount targets in the VPC's subnets. */
  ELASTIC_FILE_SYSTEM = 'ELASTIC_FILE_SYSTEM',
  /** "Lambda functions inside your VPC": functions with a VPC configuration in its subnets. */
  LAMBDA = 'LAMBDA',
}

/** The choices of a `VpcEncryptionControl`, for constructs that define one on their VPC. */
export interface VpcEncryptionControlOptions {
  /**
   * Monitor or enforce. Monitoring first is AWS's recommended workflow ("Enable monitoring - Create VPC encryption control in
   * monitor mode", then review, then enforce): switch to ENFORCE once the flow logs and
   * `aws ec2 get-vpc-resources-blocking-encryption-enforcement` show nothing left to fix.
   *
   * @default EncryptionControlMode.MONITOR
   */
  readonly mode?: EncryptionControlMode;

  /**
   * The kinds of resource to exempt from enforce mode; you then answer for encrypting their traffic. Synth fails when the
   * VPC has a kind enforce mode refuses that is not listed, and warns about one listed that the VPC does not have.
   *
   * @default - none
   */
  readonly exclusions?: EncryptionControlExclusion[];
}

/** Properties of a `VpcEncryptionControl`. */
export interface VpcEncryptionControlProps extends VpcEncryptionControlOptions {
  /** The VPC to control. A VPC has at most one encryption control. */
  readonly vpc: ec2.IVpc;
}

/**
 * VPC Encryption Controls on a VPC: an AWS-kept record (monitor mode) or guarantee (enforce mode) that traffic in the VPC is
 * encrypted in transit, by the Nitro hardware or by TLS. At synth it checks the mode against what the app puts in the VPC:
 * enforce mode with an internet gateway, NAT gateway, peering connection, Lambda function or other refused resource and no
 * exclusion for it would fail the deployment.
 */
export class VpcEncryptionControl extends Construct {
  /** The ID of the encryption control, like `vpcec-0123456789abcdef0`. */
  public readonly vpcEncryptionControlId: string;

  /** The mode. */
  public readonly mode: EncryptionControlMode;

  /** The excluded kinds, without repeats. */
  public readonly exclusions: EncryptionControlExclusion[];

  constructor(scope: Construct, id: string, props: VpcEncryptionControlProps) {
    super(scope, id);
    checkProps(this, 'VpcEncryptionControl', props);

    this.mode = props.mode ?? EncryptionControlMode.MONITOR;
    this.exclusions = [...new Set(props.exclusions ?? [])];
    const control = new ec2.CfnVPCEncryptionControl(this, 'Resource', {
      vpcId: props.vpc.vpcId,
      mode: this.mode,
      ...Object.fromEntries(this.exclusions.map(exclusion => [EXCLUSION_FACTS[exclusion].property, 'enable'])),
    });
    this.vpcEncryptionControlId = control.attrVpcEncryptionControlId;

    addRules(this, 'VpcEncryptionControl', () => {
      const choice: EncryptionControlChoice = { enforce: this.mode === EncryptionControlMode.ENFORCE, exclusions: this.exclusions };
      const contents = findEncryptionRelevantContents(props.vpc, control);
      return [
        ...validateResourceTypeInRegion(ec2.CfnVPCEncryptionControl.CFN_RESOURCE_TYPE_NAME, Stack.of(this).region),
        ...validateOneControlPerVpc(props.vpc.node.path, contents.otherControls),
        ...validateEnforceContents(choice, contents),
        ...warnMonitorExclusions(choice),
        ...warnUnneededExclusions(choice, contents),
        ...warnUncheckedContents(choice, contents),
      ];
    });
  }
}
