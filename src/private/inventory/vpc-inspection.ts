import { Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { AppInventory } from './app-inventory';
import { REGION_PATTERN } from '../facts/regions';
import { InternetRoute } from '../rules/egress-vpc';

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
        routes.push({ path: route.node.path, routeTableId, destination, target });
      }
    }
  }
  return routes;
}

/**
 * The VPC's IPv4 CIDR blocks: the primary one and every `AWS::EC2::VPCCidrBlock` added to it in the app. The primary
 * block of a VPC defined in the app is given as the literal it was defined with where there is one, so that the
 * security group rules built from it can be checked before deploy (cdk-nag 3 cannot validate an `Fn::GetAtt`).
 */
export function findIpv4CidrBlocks(vpc: ec2.IVpc, scope: IConstruct): string[] {
  const primary = primaryIpv4CidrBlock(vpc);
  const secondary = AppInventory.of(scope).cidrBlocksOfVpc(vpc.vpcId)
    .filter(block => block.cidrBlock !== undefined)
    .map(block => block.cidrBlock!);
  return [...new Set([...primary === undefined ? [] : [primary], ...secondary])];
}

/**
 * The VPC's primary IPv4 CIDR block: the literal a VPC of the app was defined with where there is one, else its
 * attribute; undefined for a VPC imported without `vpcCidrBlock`, whose getter throws, which is the only way to tell.
 */
export function primaryIpv4CidrBlock(vpc: ec2.IVpc): string | undefined {
  const literal = vpc instanceof ec2.Vpc ? (vpc.node.defaultChild as ec2.CfnVPC).cidrBlock : undefined;
  if (literal !== undefined && !Token.isUnresolved(literal)) {
    return literal;
  }
  try {
    return vpc.vpcCidrBlock;
  } catch {
    return undefined;
  }
}

/**
 * The VPC's IPv6 CIDR blocks that can be known: for a VPC defined in the app, one entry of its `Ipv6CidrBlocks`
 * attribute for each IPv6 `AWS::EC2::VPCCidrBlock` associated with it in the app (Amazon-provided, from an IPAM pool
 * or BYOIP; the attribute's order is AWS's). An imported VPC shows none.
 */
export function findIpv6CidrBlocks(vpc: ec2.IVpc, scope: IConstruct): string[] {
  if (!(vpc instanceof ec2.Vpc)) {
    return [];
  }
  const ipv6Blocks = AppInventory.of(scope).cidrBlocksOfVpc(vpc.vpcId)
    .filter(block => block.amazonProvidedIpv6CidrBlock !== undefined || block.ipv6CidrBlock !== undefined
      || block.ipv6IpamPoolId !== undefined || block.ipv6Pool !== undefined);
  return ipv6Blocks.map((_, index) => Fn.select(index, vpc.vpcIpv6CidrBlocks));
}

/** A gateway endpoint defined in the app: its path, its service's short name and the route tables it is on. */
export interface GatewayEndpointFacts {
  readonly path: string;
  readonly shortName: string;
  readonly routeTableIds: string[];
}

/**
 * The gateway endpoints (`AWS::EC2::VPCEndpoint` without a type, or of type Gateway) of the VPC defined anywhere in
 * the app. Route table IDs are compared as written (the same token wherever the same route table is referenced);
 * an endpoint whose list of route tables is a token cannot be compared and is left out.
 */
export function findGatewayEndpoints(vpc: ec2.IVpc, scope: IConstruct): GatewayEndpointFacts[] {
  const stack = Stack.of(scope);
  return AppInventory.of(scope).endpointsOfVpc(vpc.vpcId)
    .filter(endpoint => endpoint.type === 'Gateway' && endpoint.routeTableIds !== undefined)
    .map(endpoint => ({
      path: endpoint.path,
      // `com.amazonaws.<region>.s3`: the service is the last part, whether the Region is literal or not.
      shortName: literalTail(stack.resolve(endpoint.serviceName)).split('.').pop()!,
      routeTableIds: [...endpoint.routeTableIds!],
    }));
}

/** Interface and Gateway Load Balancer endpoints in the VPC: the ones that count against the per-VPC quota. */
export function countQuotaEndpoints(vpc: ec2.IVpc, scope: IConstruct): number {
  return AppInventory.of(scope).endpointsOfVpc(vpc.vpcId).filter(endpoint => endpoint.type !== 'Gateway').length;
}

/** An interface endpoint with private DNS, defined in the app, of one of the services looked for. */
export interface PrivateDnsEndpointFacts {
  readonly path: string;
  readonly service: string;
}

/**
 * The interface endpoints of the VPC, defined anywhere in the app, that have private DNS for one of `services` (short
 * names, `ecr.api`). The short name is what follows the Region in the service name, literal or not.
 */
export function localPrivateDnsEndpoints(vpc: ec2.IVpc, scope: IConstruct, services: string[]): PrivateDnsEndpointFacts[] {
  const stack = Stack.of(scope);
  return AppInventory.of(scope).endpointsOfVpc(vpc.vpcId)
    .filter(endpoint => endpoint.type === 'Interface' && endpoint.privateDnsEnabled === true)
    .map(endpoint => ({ path: endpoint.path, service: shortNameAfterRegion(literalTail(stack.resolve(endpoint.serviceName))) }))
    .filter(endpoint => services.includes(endpoint.service));
}

/** An AWS service's endpoint in the VPC, defined in the app: which service, in which Region, and whether it has private DNS. */
export interface AwsServiceEndpointFacts {
  readonly path: string;
  readonly type: 'Interface' | 'Gateway';
  /** The short name, `ecr.api`. */
  readonly service: string;
  /** The Region of the service name, or the stack's where the name is joined with a deploy-time one. */
  readonly region: string;
  readonly privateDnsEnabled: boolean;
}

/** What the VPC's endpoints defined in the app are: AWS services' endpoints, and the others by path. */
export interface VpcEndpointKinds {
  readonly awsServices: AwsServiceEndpointFacts[];
  /** Interface endpoints to a PrivateLink service (`vpce-svc-...`, or one defined in the app): its provider names it. */
  readonly privateLinkServices: Array<{ readonly path: string; readonly privateDnsEnabled: boolean }>;
  /** VPC Lattice endpoints (`Resource`, `ServiceNetwork`), whose names their providers give. */
  readonly lattice: string[];
}

/** Sorts the VPC's endpoints, defined anywhere in the app, by what names them. */
export function classifyEndpoints(vpc: ec2.IVpc, scope: IConstruct): VpcEndpointKinds {
  const stack = Stack.of(scope);
  const kinds: VpcEndpointKinds = { awsServices: [], privateLinkServices: [], lattice: [] };
  for (const endpoint of AppInventory.of(scope).endpointsOfVpc(vpc.vpcId)) {
    if (endpoint.type === 'Resource' || endpoint.type === 'ServiceNetwork') {
      kinds.lattice.push(endpoint.path);
      continue;
    }
    if (endpoint.type !== 'Interface' && endpoint.type !== 'Gateway') {
      continue; // a Gateway Load Balancer endpoint has no name
    }
    const resolved = stack.resolve(endpoint.serviceName);
    const service = awsServiceOf(typeof resolved === 'string' ? resolved : undefined, literalTail(resolved), stack.region);
    const privateDnsEnabled = endpoint.privateDnsEnabled === true;
    if (service) {
      kinds.awsServices.push({ path: endpoint.path, type: endpoint.type, ...service, privateDnsEnabled });
    } else if (endpoint.type === 'Interface') {
      kinds.privateLinkServices.push({ path: endpoint.path, privateDnsEnabled });
    }
  }
  return kinds;
}

/** The AWS service of a service name: from the literal name, or from the tail of one joined with the deploy-time Region. */
function awsServiceOf(literalName: string | undefined, tail: string, stackRegion: string): { service: string; region: string } | undefined {
  const match = literalName === undefined ? undefined : new RegExp(`^(?:cn\\.)?com\\.amazonaws\\.(${REGION_PATTERN})\\.(.+)$`).exec(literalName);
  if (match) {
    return match[2].startsWith('vpce-svc-') ? undefined : { region: match[1], service: match[2] };
  }
  return literalName === undefined && tail.startsWith('.') && !Token.isUnresolved(stackRegion)
    ? { region: stackRegion, service: tail.slice(1) }
    : undefined;
}

/**
 * `com.amazonaws.<region>.ecr.api` -> `ecr.api`, whatever the prefix (`cn.com.amazonaws` in the China Regions); the tail
 * of a name joined with a deploy-time Region, `.ecr.api` -> `ecr.api`.
 */
function shortNameAfterRegion(serviceName: string): string {
  return serviceName.startsWith('.') ? serviceName.slice(1) : serviceName.replace(new RegExp(`^.*?\\.${REGION_PATTERN}\\.`), '');
}

/** The literal end of a resolved string: itself, or the last part of an `Fn::Join` that ends in a literal. */
function literalTail(resolved: unknown): string {
  if (typeof resolved === 'string') {
    return resolved;
  }
  const join = (resolved as { 'Fn::Join'?: [string, unknown[]] } | undefined)?.['Fn::Join'];
  const last = join?.[1]?.[join[1].length - 1];
  return typeof last === 'string' ? last : '';
}
