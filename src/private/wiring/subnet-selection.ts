import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** The subnets a selection picks, and when it picks none because the VPC lacks what it names, aws-cdk-lib's reason. */
export interface SubnetSelectionResult {
  readonly subnets: ec2.ISubnet[];
  readonly problem?: string;
}

/**
 * Selects subnets of the VPC. A selection of a subnet type or group name the VPC does not have makes aws-cdk-lib's
 * `selectSubnets` throw an error that names no construct of this library and no prop; here it selects nothing and
 * keeps aws-cdk-lib's reason, so that the construct reports it with its path and the prop that made the selection.
 */
export function selectSubnets(vpc: ec2.IVpc, selection: ec2.SubnetSelection): SubnetSelectionResult {
  try {
    return { subnets: vpc.selectSubnets(selection).subnets };
  } catch (e) {
    return { subnets: [], problem: (e as Error).message.split('\n')[0] };
  }
}
