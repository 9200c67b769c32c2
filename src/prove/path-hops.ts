import { IngressRule, NetworkModel, Route, Subnet, VpcEndpoint } from './network-model';
import { ipv4CidrsWithin, overlappingIpv4Cidrs } from '../private/rules/cidr-blocks';

// The hops of the path from a workload subnet to the endpoint that answers it, each judged from the templates alone.

/** One step of the path from a subnet to a service, and whether it holds (undefined: undecidable at synth). */
export interface Hop {
  readonly name: 'dns' | 'network-interface' | 'security-group' | 'network-acl' | 'route' | 'gateway-route' | 'endpoint-policy' | 'provider';
  readonly holds: boolean | undefined;
  readonly detail: string;
}

export const HTTPS = 443;

export function networkInterfaceHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint): Hop {
  const azs = endpoint.subnets.map(key => key === undefined ? undefined : model.subnets.get(key)?.availabilityZone);
  if (azs.length === 0) {
    return { name: 'network-interface', holds: false, detail: `${endpoint.path} has no subnet, so no network interface` };
  }
  if (subnet.availabilityZone !== undefined && azs.includes(subnet.availabilityZone)) {
    return { name: 'network-interface', holds: true, detail: `${endpoint.path} has a network interface in ${subnet.availabilityZone}` };
  }
  return {
    name: 'network-interface',
    holds: true,
    detail: `${endpoint.path} has no network interface in ${subnet.availabilityZone ?? 'the subnet\'s AZ'}: traffic crosses AZs`,
  };
}

/**
 * A security group of the endpoint admits the subnet's CIDR block on the port clients call, or on `any` TCP port for an
 * endpoint clients call on the provider's port, which only the consumer's rules tell.
 *
 * @returns the hop, and the port admitted (for the ACLs and the provider), when one is
 */
export function securityGroupHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint, port: number | 'any'): { hop: Hop; port?: number } {
  if (subnet.cidrBlock === undefined || endpoint.securityGroups.some(group => group === undefined)) {
    return { hop: { name: 'security-group', holds: undefined, detail: 'the subnet\'s CIDR block or the endpoint\'s security groups are known only at deploy time' } };
  }
  if (endpoint.securityGroups.length === 0) {
    return { hop: { name: 'security-group', holds: undefined, detail: `${endpoint.path} uses the VPC's default security group, which the templates do not define` } };
  }
  const rules = endpoint.securityGroups.flatMap(group => model.ingress.get(group!) ?? []);
  const onPort = port === 'any' ? 'on a TCP port' : `on port ${port}`;
  const admitting = rules.find(rule => admits(rule, subnet.cidrBlock!, port));
  if (admitting) {
    return {
      hop: { name: 'security-group', holds: true, detail: `a security group of ${endpoint.path} admits ${subnet.cidrBlock} ${onPort}` },
      port: port === 'any' ? admitting.fromPort : port,
    };
  }
  if (rules.some(rule => rule.sourceGroup !== undefined)) {
    return {
      hop: {
        name: 'security-group',
        holds: undefined,
        detail: `the security groups of ${endpoint.path} admit members of other security groups only, not the subnet as a whole`,
      },
    };
  }
  const undecided = rules.some(rule => rule.cidr === undefined && !rule.ipv6Only && rule.prefixList === undefined);
  return {
    hop: {
      name: 'security-group',
      holds: undecided ? undefined : false,
      detail: undecided ? `the security groups of ${endpoint.path} admit sources known only at deploy time`
        : `no security group of ${endpoint.path} admits ${subnet.cidrBlock} ${onPort}`,
    },
  };
}

function admits(rule: IngressRule, cidr: string, port: number | 'any'): boolean {
  const protocolMatches = rule.protocol === '-1' || rule.protocol === 'tcp' || rule.protocol === '6';
  const portMatches = rule.protocol === '-1' || port === 'any'
    || (rule.fromPort !== undefined && rule.toPort !== undefined && rule.fromPort <= port && port <= rule.toPort);
  return protocolMatches && portMatches && rule.cidr !== undefined && ipv4CidrsWithin([cidr], [rule.cidr]).length > 0;
}

/**
 * The endpoint policy lets the workloads' principals (those of the subnet's account) through: no policy is full access;
 * a statement that allows every principal and action, unconditioned or for the subnet's account (`aws:PrincipalAccount`),
 * lets them; a statement that denies every principal and action, unconditioned, stops them. Anything else (other
 * conditions, principals or actions) is for IAM to decide, beyond what a template shows.
 */
export function endpointPolicyHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint): Hop {
  const statements = (endpoint.policyStatements ?? []) as Array<Record<string, unknown>>;
  if (endpoint.policyStatements === undefined) {
    return { name: 'endpoint-policy', holds: true, detail: `${endpoint.path} has no endpoint policy (full access)` };
  }
  const everything = (s: Record<string, unknown>) => isWildcard(s.Principal) && isWildcard(s.Action);
  if (statements.some(s => s.Effect === 'Deny' && everything(s) && s.Condition === undefined)) {
    return { name: 'endpoint-policy', holds: false, detail: `the policy of ${endpoint.path} denies every principal and action` };
  }
  const account = subnet.vpc === undefined ? undefined : model.vpcs.get(subnet.vpc)?.stack.account;
  // Statements for AWS services' own principals never let a workload through.
  const allows = statements.filter(s => s.Effect === 'Allow'
    && JSON.stringify(s.Condition) !== JSON.stringify({ Bool: { 'aws:PrincipalIsAWSService': 'true' } }));
  const lets = allows.some(s => everything(s) && (s.Condition === undefined
    || (account !== undefined && principalAccounts(s)?.includes(account))));
  if (!lets && account !== undefined && allows.length > 0 && allows.every(s => principalAccounts(s) !== undefined)) {
    return { name: 'endpoint-policy', holds: false, detail: `the policy of ${endpoint.path} allows only principals of other accounts than ${account}` };
  }
  return lets
    ? { name: 'endpoint-policy', holds: true, detail: `the policy of ${endpoint.path} allows the principals of the subnet's account` }
    : { name: 'endpoint-policy', holds: undefined, detail: `whether the policy of ${endpoint.path} allows the workloads' principals depends on IAM` };
}

/** The accounts a statement is limited to, when its only condition is `StringEquals` on `aws:PrincipalAccount`. */
function principalAccounts(statement: Record<string, unknown>): string[] | undefined {
  const condition = statement.Condition as Record<string, Record<string, unknown>> | undefined;
  const accounts = condition?.StringEquals?.['aws:PrincipalAccount'];
  if (condition === undefined || Object.keys(condition).length !== 1 || Object.keys(condition.StringEquals ?? {}).length !== 1) {
    return undefined;
  }
  return typeof accounts === 'string' ? [accounts] : Array.isArray(accounts) && accounts.every(a => typeof a === 'string') ? accounts as string[] : undefined;
}

function isWildcard(value: unknown): boolean {
  return value === '*' || (Array.isArray(value) && value.includes('*')) || (value as Record<string, unknown> | undefined)?.AWS === '*';
}

/**
 * The subnet's ACL lets HTTPS out to, and replies in from, the service's public addresses, which the templates do not hold
 * (the gateway's prefix list): all of them (`0.0.0.0/0`) proves it; a deny of all refutes it; narrower rules are undecided.
 */
export function gatewayAclHop(model: NetworkModel, subnet: Subnet): Hop {
  const out = aclAllows(model, subnet, true, '0.0.0.0/0', HTTPS);
  const back = aclAllows(model, subnet, false, '0.0.0.0/0', EPHEMERAL_PORT);
  if (out === true && back === true) {
    return { name: 'network-acl', holds: true, detail: 'the subnet\'s network ACL allows HTTPS out and the replies in' };
  }
  const acl = model.subnetNetworkAcls.get(subnet.key);
  const anyAllow = (model.networkAclEntries.get(acl ?? '') ?? []).some(entry => entry.allow);
  return anyAllow
    ? { name: 'network-acl', holds: undefined, detail: 'the subnet\'s network ACL allows some addresses; whether they are the service\'s is known only at deploy time' }
    : { name: 'network-acl', holds: false, detail: 'the subnet\'s network ACL denies traffic to the service' };
}

/** Return traffic to a client: the first port of Linux's default ephemeral range (`ip_local_port_range`, 32768-60999). */
const EPHEMERAL_PORT = 32768;

/**
 * The network ACLs of the client's subnet and of the endpoint's subnet (in the client's AZ, else its first) let the request
 * out and in on the port, and the reply back on an ephemeral port: ACLs are stateless. A subnet without an ACL of the
 * templates has the VPC's default ACL, which allows everything.
 */
export function networkAclHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint, port: number): Hop {
  const endpointSubnets = endpoint.subnets.map(key => key === undefined ? undefined : model.subnets.get(key))
    .filter((s): s is Subnet => s !== undefined);
  const target = endpointSubnets.find(s => s.availabilityZone === subnet.availabilityZone) ?? endpointSubnets[0];
  if (target === undefined || subnet.cidrBlock === undefined || target.cidrBlock === undefined) {
    return { name: 'network-acl', holds: undefined, detail: 'the subnets of the path are known only at deploy time' };
  }
  const checks: Array<[Subnet, boolean, string, number, string]> = [
    [subnet, true, target.cidrBlock, port, `out of ${subnet.path} to port ${port}`],
    [target, false, subnet.cidrBlock, port, `into ${target.path} on port ${port}`],
    [target, true, subnet.cidrBlock, EPHEMERAL_PORT, `the reply out of ${target.path}`],
    [subnet, false, target.cidrBlock, EPHEMERAL_PORT, `the reply into ${subnet.path}`],
  ];
  for (const [of, egress, cidr, checkedPort, what] of checks) {
    const verdict = aclAllows(model, of, egress, cidr, checkedPort);
    if (verdict !== true) {
      return {
        name: 'network-acl',
        holds: verdict,
        detail: verdict === false ? `a network ACL denies ${what}`
          : `the network ACL entries for ${what} are known only at deploy time`,
      };
    }
  }
  return { name: 'network-acl', holds: true, detail: 'the network ACLs allow the request and the reply' };
}

function aclAllows(model: NetworkModel, subnet: Subnet, egress: boolean, cidr: string, port: number): boolean | undefined {
  const acl = model.subnetNetworkAcls.get(subnet.key);
  if (acl === undefined) {
    return true;
  }
  const entries = (model.networkAclEntries.get(acl) ?? []).filter(entry => entry.egress === egress)
    .sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const entry of entries) {
    if (entry.cidr === undefined || Number.isNaN(entry.ruleNumber)) {
      return undefined;
    }
    const protocolMatches = entry.protocol === '-1' || entry.protocol === '6';
    const portMatches = entry.protocol === '-1' || (entry.fromPort !== undefined && entry.toPort !== undefined
      && entry.fromPort <= port && port <= entry.toPort);
    if (protocolMatches && portMatches && ipv4CidrsWithin([cidr], [entry.cidr]).length > 0) {
      return entry.allow;
    }
  }
  // Every network ACL ends in a rule that denies what no entry allows.
  return false;
}

/** The endpoint's VPC is the subnet's (the local route), or a route leads there and one leads back. */
export function routeHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint): Hop {
  if (endpoint.vpc === subnet.vpc) {
    return { name: 'route', holds: true, detail: 'the endpoint is in the subnet\'s VPC (local route)' };
  }
  const endpointCidr = model.cidrBlockOf(endpoint.vpc);
  if (endpointCidr === undefined || subnet.cidrBlock === undefined) {
    return { name: 'route', holds: undefined, detail: `the CIDR blocks of the subnet or of ${endpoint.path}'s VPC are known only at deploy time` };
  }
  const ownBlocks = model.vpcs.get(subnet.vpc ?? '')?.cidrBlocks ?? [];
  if (overlappingIpv4Cidrs([endpointCidr], ownBlocks).length > 0) {
    return { name: 'route', holds: false, detail: `${endpointCidr} (the VPC of ${endpoint.path}) overlaps the subnet's VPC, whose local route keeps the traffic` };
  }
  const there = mostSpecificRoute(model, subnet, endpointCidr);
  if (!there || !['transit-gateway', 'peering'].includes(there.target.kind)) {
    return {
      name: 'route',
      holds: false,
      detail: `the subnet's route table has no route to ${endpointCidr} (the VPC of ${endpoint.path}) through a `
      + 'Transit Gateway or peering connection',
    };
  }
  const back = endpoint.subnets.filter((key): key is string => key !== undefined).map(key => model.subnets.get(key))
    .filter((s): s is Subnet => s !== undefined)
    .every(s => mostSpecificRoute(model, s, subnet.cidrBlock!)?.target.key === there.target.key);
  return back
    ? { name: 'route', holds: true, detail: `through the ${there.target.kind} to ${endpointCidr}, and back` }
    : { name: 'route', holds: false, detail: `the subnets of ${endpoint.path} have no route back to ${subnet.cidrBlock}` };
}

/** The route a table uses for traffic to a block: the one of the longest prefix whose destination contains it. */
function mostSpecificRoute(model: NetworkModel, subnet: Subnet, cidr: string): Route | undefined {
  const prefixLength = (route: Route) => Number(route.destination!.split('/')[1]);
  return routesOf(model, subnet).filter(route => route.destination !== undefined && ipv4CidrsWithin([cidr], [route.destination]).length > 0)
    .sort((a, b) => prefixLength(b) - prefixLength(a))[0];
}

/** The provider's load balancers listen on the port the consumer opens. */
export function providerHop(model: NetworkModel, endpointService: string, port: number | undefined): Hop {
  const loadBalancers = model.endpointServiceLoadBalancers.get(endpointService) ?? [];
  const ports = loadBalancers.flatMap(key => key === undefined ? [undefined] : model.listenerPorts.get(key) ?? []);
  const service = model.nameOf(endpointService);
  if (loadBalancers.length === 0 || ports.length === 0) {
    return { name: 'provider', holds: false, detail: `the load balancers of ${service} have no listener` };
  }
  if (port !== undefined && ports.includes(port)) {
    return { name: 'provider', holds: true, detail: `${service} listens on port ${port}` };
  }
  return ports.some(p => p === undefined) || port === undefined
    ? { name: 'provider', holds: undefined, detail: `the ports of ${service} or of the consumer are known only at deploy time` }
    : { name: 'provider', holds: false, detail: `${service} listens on ${ports.join(', ')}, not on ${port}, which the consumer opens` };
}

export function routesOf(model: NetworkModel, subnet: Subnet) {
  const routeTable = model.subnetRouteTables.get(subnet.key);
  return routeTable === undefined ? [] : model.routes.get(routeTable) ?? [];
}
