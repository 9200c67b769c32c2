import { AspectPriority, Aspects } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { trackAppInventory } from './app-inventory';
import { findIpv4CidrBlocks } from './vpc-inspection';

/**
 * Admits TCP `ports` from every IPv4 CIDR block of the VPC into an endpoint's security group. The rules are
 * added when the app is synthesized, so that CIDR blocks added to the VPC, and ports of endpoints added to
 * `scope`, after construction are covered too.
 */
export function allowVpcCidrsAtSynth(scope: Construct, vpc: ec2.IVpc, securityGroup: ec2.ISecurityGroup, ports: () => number[]): void {
  trackAppInventory(scope);
  Aspects.of(scope).add({
    visit: node => {
      if (node !== scope) {
        return;
      }
      for (const cidr of findIpv4CidrBlocks(vpc, scope)) {
        for (const port of new Set(ports())) {
          securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(port), `Endpoint clients in the VPC, port ${port}`);
        }
      }
    },
  }, { priority: AspectPriority.MUTATING });
}
