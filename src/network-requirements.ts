import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { NO_INTERNET_METADATA, REQUIRED_SERVICES_METADATA } from './prove/metadata';

/**
 * What the workloads of a VPC need, declared for the reachability proof (`npx cdk-private-endpoints prove`, or
 * `ReachabilityProof` as a policy validation plugin), which checks it in the synthesized templates. It adds construct
 * metadata to the cloud assembly and nothing to the templates.
 */
export class NetworkRequirements {
  /**
   * Declares that the workloads in the VPC's private and isolated subnets call these AWS services, by the short name of
   * their endpoint service (`logs`, `ecr.api`, `s3`), and must reach them privately.
   */
  public static requireServices(vpc: ec2.IVpc, services: string[]): void {
    resourceOf(vpc).node.addMetadata(REQUIRED_SERVICES_METADATA, [...services]);
  }

  /** Declares that the VPC's private and isolated subnets must have no path to the internet. */
  public static forbidInternet(vpc: ec2.IVpc): void {
    resourceOf(vpc).node.addMetadata(NO_INTERNET_METADATA, true);
  }

  private constructor() {}
}

/** The `AWS::EC2::VPC` of a VPC defined in the app, where the proof finds the metadata; the VPC itself when imported. */
function resourceOf(vpc: ec2.IVpc): IConstruct {
  return vpc.node.defaultChild ?? vpc;
}
