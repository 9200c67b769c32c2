import { AspectPriority, Aspects, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { trackAppInventory } from '../inventory/app-inventory';
import { findIpv4CidrBlocks, findIpv6CidrBlocks } from '../inventory/vpc-inspection';
import { clientPeer } from '../rules/vpc';

/**
 * Admits TCP `ports` (single ports, or ranges as `ec2.Port`) into an endpoint's security group from every IPv4 and IPv6
 * CIDR block of the VPC and from `clientCidrs` (networks outside the VPC: on-premises, peered or behind a transit
 * gateway). The rules are added when the app is synthesized, so that CIDR blocks added to the VPC, and ports of
 * endpoints added to `scope`, after construction are covered too. Entries of `clientCidrs` that are none of the accepted forms are reported by `validateClientCidrs`.
 */
export function allowEndpointClientsAtSynth(scope: Construct, vpc: ec2.IVpc, securityGroup: ec2.ISecurityGroup,
  ports: () => Array<number | ec2.Port>, clientCidrs: string[] = []): void {
  trackAppInventory(scope);
  Aspects.of(scope).add({
    visit: node => {
      if (node !== scope) {
        return;
      }
      const peers: Array<[ec2.IPeer, string]> = [
        ...findIpv4CidrBlocks(vpc, scope).map((cidr): [ec2.IPeer, string] => [ec2.Peer.ipv4(cidr), 'Endpoint clients in the VPC']),
        ...findIpv6CidrBlocks(vpc, scope).map((cidr): [ec2.IPeer, string] => [ec2.Peer.ipv6(cidr), 'Endpoint clients in the VPC (IPv6)']),
        ...clientCidrs.map(entry => clientPeer(entry))
          .filter((peer): peer is ec2.IPeer => peer !== undefined)
          .map((peer): [ec2.IPeer, string] => [peer, 'Endpoint clients outside the VPC (clientCidrs)']),
      ];
      for (const [peer, who] of peers) {
        for (const port of tcpPorts(ports())) {
          // A deploy-time port (a database's, say) has no number to show.
          const label = Token.isUnresolved(port.toRuleJson().fromPort) ? 'set at deploy time' : `${port}`;
          securityGroup.addIngressRule(peer, port, `${who}, port ${label}`);
        }
      }
    },
  }, { priority: AspectPriority.MUTATING });
}

/** The ports as TCP rules, each once (a deploy-time port is kept apart from others), in order of their first port. */
function tcpPorts(ports: Array<number | ec2.Port>): ec2.Port[] {
  const rules = new Map<string, ec2.Port>();
  for (const port of ports.map(p => typeof p === 'number' ? ec2.Port.tcp(p) : p)) {
    rules.set(JSON.stringify(port.toRuleJson()), port);
  }
  const first = (port: ec2.Port) => port.toRuleJson().fromPort;
  return [...rules.values()].sort((a, b) => first(a) - first(b));
}
