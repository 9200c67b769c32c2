import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { InternetRoute } from './egress-vpc-rules';

// These look across the whole app rather than at the VPC construct, because users add routes, CIDR blocks and
// endpoints with L1s anywhere. Resources are matched by the VPC's or route table's ID token, which is the same
// string wherever the same attribute is used.

function allConstructs(scope: IConstruct): IConstruct[] {
  return scope.node.root.node.findAll();
}

/** The IDs of the VPC's route tables: those of its subnets, plus any `AWS::EC2::RouteTable` defined in it. */
function routeTableIds(vpc: ec2.IVpc, scope: IConstruct): Set<string> {
  const ids = new Set<string>();
  for (const subnet of [...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets]) {
    if (subnet.routeTable?.routeTableId) {
      ids.add(subnet.routeTable.routeTableId);
    }
  }
  for (const c of allConstructs(scope)) {
    if (c instanceof ec2.CfnRouteTable && c.vpcId === vpc.vpcId) {
      ids.add(c.ref);
    }
  }
  return ids;
}

const DEFAULT_ROUTES = ['0.0.0.0/0', '::/0'];

/**
 * Default routes (0.0.0.0/0, ::/0) of the VPC's route tables that go through an internet gateway, an egress-only
 * internet gateway, a NAT gateway or a NAT instance. A gateway ID that is a token from outside the app (an import) cannot be told
 * apart from a virtual private gateway, so such a route is not reported.
 */
export function findInternetRoutes(vpc: ec2.IVpc, scope: IConstruct): InternetRoute[] {
  const constructs = allConstructs(scope);
  const internetGatewayIds = new Set(constructs.filter(c => c instanceof ec2.CfnInternetGateway)
    .map(c => (c as ec2.CfnInternetGateway).ref));
  const tables = routeTableIds(vpc, scope);

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
    if (gatewayId && (internetGatewayIds.has(gatewayId) || (!Token.isUnresolved(gatewayId) && gatewayId.startsWith('igw-')))) {
      return 'an internet gateway';
    }
    return undefined;
  };

  const routes: InternetRoute[] = [];
  for (const c of constructs) {
    if (!(c instanceof ec2.CfnRoute) || !tables.has(c.routeTableId)) {
      continue;
    }
    const destination = c.destinationCidrBlock ?? c.destinationIpv6CidrBlock;
    const target = targetOf(c);
    if (destination && DEFAULT_ROUTES.includes(destination) && target) {
      routes.push({ path: c.node.path, routeTableId: c.routeTableId, destination, target });
    }
  }
  return routes;
}

/**
 * The VPC's IPv4 CIDR blocks: the primary one and every `AWS::EC2::VPCCidrBlock` added to it in the app. The primary
 * block of a VPC defined in the app is given as the literal it was defined with where there is one, so that the
 * security group rules built from it can be checked before deploy (cdk-nag 3 cannot validate an `Fn::GetAtt`). A VPC
 * imported without `vpcCidrBlock` has no primary block to give: its getter throws, which is the only way to tell.
 */
export function findIpv4CidrBlocks(vpc: ec2.IVpc, scope: IConstruct): string[] {
  const primary = (() => {
    const literal = vpc instanceof ec2.Vpc ? (vpc.node.defaultChild as ec2.CfnVPC).cidrBlock : undefined;
    if (literal !== undefined && !Token.isUnresolved(literal)) {
      return [literal];
    }
    try {
      return [vpc.vpcCidrBlock];
    } catch {
      return [];
    }
  })();
  const secondary = allConstructs(scope)
    .filter((c): c is ec2.CfnVPCCidrBlock => c instanceof ec2.CfnVPCCidrBlock)
    .filter(block => block.vpcId === vpc.vpcId && block.cidrBlock !== undefined)
    .map(block => block.cidrBlock!);
  return [...new Set([...primary, ...secondary])];
}

/** A gateway endpoint defined in the app, with its service's short name and its route tables, resolved. */
export interface GatewayEndpointFacts {
  readonly endpoint: ec2.CfnVPCEndpoint;
  readonly shortName: string;
  readonly routeTableIds: string[];
}

/**
 * The gateway endpoints (`AWS::EC2::VPCEndpoint` without a type, or of type Gateway) of the VPC defined anywhere in
 * the app. Service names and route table IDs are compared in their resolved form, so that a name built from the
 * stack's Region matches a literal one.
 */
export function findGatewayEndpoints(vpc: ec2.IVpc, scope: IConstruct): GatewayEndpointFacts[] {
  return allConstructs(scope)
    .filter((c): c is ec2.CfnVPCEndpoint => c instanceof ec2.CfnVPCEndpoint && c.vpcId === vpc.vpcId)
    .filter(endpoint => (Stack.of(endpoint).resolve(endpoint.vpcEndpointType) ?? 'Gateway') === 'Gateway')
    .map(endpoint => {
      const stack = Stack.of(endpoint);
      const tables: unknown = stack.resolve(endpoint.routeTableIds) ?? [];
      return {
        endpoint,
        // `com.amazonaws.<region>.s3`: the service is the last part, whether the Region is literal or not.
        shortName: literalTail(stack.resolve(endpoint.serviceName)).split('.').pop()!,
        routeTableIds: Array.isArray(tables) ? tables.map(id => JSON.stringify(id)) : [JSON.stringify(tables)],
      };
    });
}

/** Interface and Gateway Load Balancer endpoints in the VPC: the ones that count against the per-VPC quota. */
export function countQuotaEndpoints(vpc: ec2.IVpc, scope: IConstruct): number {
  return allConstructs(scope)
    .filter((c): c is ec2.CfnVPCEndpoint => c instanceof ec2.CfnVPCEndpoint)
    .filter(endpoint => endpoint.vpcId === vpc.vpcId)
    .filter(endpoint => (Stack.of(endpoint).resolve(endpoint.vpcEndpointType) ?? 'Gateway') !== 'Gateway')
    .length;
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
