import { NetworkModel, Subnet } from './network-model';
import { routesOf } from './path-hops';

/** A way from a workload subnet to the internet. */
export interface InternetPath {
  readonly vpc: string;
  readonly subnet: string;
  /** The subnet's resource: `<stack ID>|<logical ID>`. */
  readonly subnetKey: string;
  readonly kind: 'internet-gateway' | 'egress-only-internet-gateway' | 'nat-gateway' | 'instance' | 'transit-gateway' | 'public-ip-on-launch';
  readonly detail: string;
  /** Whether the VPC declares that it must have none (`NetworkRequirements.forbidInternet`, PrivateEgressVpc). */
  readonly forbidden: boolean;
}

export function internetPathsOf(model: NetworkModel, subnet: Subnet): InternetPath[] {
  const vpc = subnet.vpcPath;
  const forbidden = subnet.vpc !== undefined && model.noInternet.has(subnet.vpc);
  const paths: InternetPath[] = routesOf(model, subnet)
    .filter(route => DIRECT_EXITS.includes(route.target.kind))
    .map(route => ({
      vpc,
      subnet: subnet.path,
      subnetKey: subnet.key,
      kind: route.target.kind as InternetPath['kind'],
      detail: `route to ${route.destination ?? 'a destination known at deploy time'} through ${model.nameOf(route.target.key)}`,
      forbidden,
    }));
  paths.push(...transitGatewayExits(model, subnet).map(exit => ({
    vpc,
    subnet: subnet.path,
    subnetKey: subnet.key,
    kind: 'transit-gateway' as const,
    detail: exit,
    forbidden,
  })));
  if (subnet.mapPublicIpOnLaunch) {
    paths.push({ vpc, subnet: subnet.path, subnetKey: subnet.key, kind: 'public-ip-on-launch', detail: 'instances get a public IPv4 address at launch', forbidden });
  }
  return paths;
}

const DIRECT_EXITS = ['internet-gateway', 'egress-only-internet-gateway', 'nat-gateway', 'instance'];

/**
 * A default route to a Transit Gateway leads to the internet when another VPC attached to it in the app has a default
 * route to an internet or NAT gateway (a centralized egress VPC). Peering does not: AWS does not route a peer's traffic
 * through a VPC's gateways ("edge to edge routing").
 */
function transitGatewayExits(model: NetworkModel, subnet: Subnet): string[] {
  const defaults = routesOf(model, subnet).filter(route => route.target.kind === 'transit-gateway' && route.target.key !== undefined
    && (route.destination === '0.0.0.0/0' || route.destination === '::/0'));
  return defaults.flatMap(route => (model.transitGatewayVpcs.get(route.target.key!) ?? []).filter(vpc => vpc !== subnet.vpc)
    .filter(vpc => [...model.subnets.values()].some(other => other.vpc === vpc && routesOf(model, other)
      .some(r => DIRECT_EXITS.includes(r.target.kind) && r.destination === route.destination)))
    .map(vpc => `default route through ${model.nameOf(route.target.key)} to ${model.nameOf(vpc)}, which routes to the internet`));
}
