import { createHash } from 'crypto';
import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/**
 * Routes through a Transit Gateway to each destination (an IPv4 or IPv6 CIDR block or a prefix list ID), one per route
 * table of the subnets: subnets that share a route table share its routes. A subnet whose route table is not known gets
 * none; the caller's rules report it. Each route's construct ID comes from its subnet and destination, never from a
 * position, so adding or removing a destination leaves the other routes' logical IDs alone.
 */
export function addTransitGatewayRoutes(scope: Construct, subnets: ec2.ISubnet[], destinations: string[], transitGatewayId: string): ec2.CfnRoute[] {
  const routes: ec2.CfnRoute[] = [];
  const routeTableIds = new Set<string>();
  for (const subnet of subnets) {
    const routeTableId = subnet.routeTable?.routeTableId;
    if (routeTableId === undefined || routeTableIds.has(routeTableId)) {
      continue;
    }
    routeTableIds.add(routeTableId);
    // A destination given twice is one route (a second would be a second construct of one ID).
    for (const destination of new Set(destinations)) {
      routes.push(new ec2.CfnRoute(scope, `${subnet.node.id}To${destinationId(scope, destination)}`, {
        routeTableId,
        transitGatewayId,
        ...destinationProperty(destination),
      }));
    }
  }
  return routes;
}

/** Paths of the subnets whose route table is not known, which `addTransitGatewayRoutes` cannot give routes. */
export function subnetsWithoutRouteTable(subnets: ec2.ISubnet[]): string[] {
  return subnets.filter(subnet => subnet.routeTable?.routeTableId === undefined).map(subnet => subnet.node.path);
}

/** Where a route leads, by the kind of destination; a deploy-time value is taken as an IPv4 block. */
function destinationProperty(destination: string): Pick<ec2.CfnRouteProps, 'destinationCidrBlock' | 'destinationIpv6CidrBlock' | 'destinationPrefixListId'> {
  if (Token.isUnresolved(destination)) {
    return { destinationCidrBlock: destination };
  }
  if (destination.startsWith('pl-')) {
    return { destinationPrefixListId: destination };
  }
  return destination.includes(':') ? { destinationIpv6CidrBlock: destination } : { destinationCidrBlock: destination };
}

/** A destination's part of a route's construct ID: the literal, or a digest of a deploy-time value. */
function destinationId(scope: Construct, destination: string): string {
  if (!Token.isUnresolved(destination)) {
    return destination.replace(/[^0-9a-zA-Z]+/g, '-');
  }
  const resolved = JSON.stringify(Stack.of(scope).resolve(destination));
  return `Destination${createHash('sha256').update(resolved).digest('hex').slice(0, 8)}`;
}
