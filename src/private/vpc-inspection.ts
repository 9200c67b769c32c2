import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { AppInventory } from './app-inventory';
import { InternetRoute } from './egress-vpc-rules';

// These look across the whole app rather than at the VPC construct, because users add routes, CIDR blocks and
// endpoints with L1s anywhere; the app inventory has them, by the VPC's or route table's ID.

/** The IDs of the VPC's route tables: those of its subnets, plus any `AWS::EC2::RouteTable` defined in it. */
function routeTableIds(vpc: ec2.IVpc, inventory: AppInventory): Set<string> {
  const ids = new Set<string>();
  for (const subnet of [...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets]) {
    if (subnet.routeTable?.routeTableId) {
      ids.add(subnet.routeTable.routeTableId);
    }
  }
  inventory.routeTableIdsOfVpc(vpc.vpcId).forEach(id => ids.add(id));
  return ids;
}

const DEFAULT_ROUTES = ['0.0.0.0/0', '::/0'];

/**
 * Default routes (0.0.0.0/0, ::/0) of the VPC's route tables that go through an internet gateway, an egress-only
 * internet gateway, a NAT gateway or a NAT instance. A gateway ID that is a token from outside the app (an import) cannot be told
 * apart from a virtual private gateway, so such a route is not reported.
 */
export function findInternetRoutes(vpc: ec2.IVpc, scope: IConstruct): InternetRoute[] {
  const inventory = AppInventory.of(scope);

  const targetOf = (route: ec2.CfnRoute): string | undefined => {
    if (route.natGatewayId) {
      return 'a NAT gateway';
    }
    if (route.egressOnlyInternetGatewayId) {
      return 'an egress-only internet gateway';
    }
    // A default route to an instance is how a NAT instance is wired (aws-cdk-lib's NatProvider.instanceV2 too).
    if (route.instanceId) {
      return 'an EC2 instance (a NAT instance)';
    }
    const gatewayId = route.gatewayId;
    if (gatewayId && (inventory.isInternetGateway(gatewayId) || (!Token.isUnresolved(gatewayId) && gatewayId.startsWith('igw-')))) {
      return 'an internet gateway';
    }
    return undefined;
  };

  const routes: InternetRoute[] = [];
  for (const routeTableId of routeTableIds(vpc, inventory)) {
    for (const route of inventory.routesOfRouteTable(routeTableId)) {
      const destination = route.destinationCidrBlock ?? route.destinationIpv6CidrBlock;
      const target = targetOf(route);
      if (destination && DEFAULT_ROUTES.includes(destination) && target) {
        routes.push({ path: route.node.path, destination, target });
      }
    }
  }
  return routes;
}

/**
 * The VPC's IPv4 CIDR blocks: the primary one and every `AWS::EC2::VPCCidrBlock` added to it in the app. A VPC
 * imported without `vpcCidrBlock` has no primary block to give: its getter throws, which is the only way to tell.
 */
export function findIpv4CidrBlocks(vpc: ec2.IVpc, scope: IConstruct): string[] {
  const primary = (() => {
    try {
      return [vpc.vpcCidrBlock];
    } catch {
      return [];
    }
  })();
  const secondary = AppInventory.of(scope).cidrBlocksOfVpc(vpc.vpcId)
    .filter(block => block.cidrBlock !== undefined)
    .map(block => block.cidrBlock!);
  return [...new Set([...primary, ...secondary])];
}

/** Interface and Gateway Load Balancer endpoints in the VPC: the ones that count against the per-VPC quota. */
export function countQuotaEndpoints(vpc: ec2.IVpc, scope: IConstruct): number {
  return AppInventory.of(scope).endpointsOfVpc(vpc.vpcId).filter(endpoint => endpoint.type !== 'Gateway').length;
}
