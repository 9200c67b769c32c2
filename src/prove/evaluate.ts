import { clientHostName } from './client-hosts';
import { IngressRule, NetworkModel, Subnet, VpcEndpoint } from './network-model';
import { parseServiceName, sdkHostName } from './sdk-hosts';
import { ipv4CidrsWithin } from '../private/rules/cidr-blocks';

/** One step of the path from a subnet to a service, and whether it holds (undefined: undecidable at synth). */
export interface Hop {
  readonly name: 'dns' | 'network-interface' | 'security-group' | 'network-acl' | 'route' | 'gateway-route' | 'endpoint-policy' | 'provider';
  readonly holds: boolean | undefined;
  readonly detail: string;
}

/** Whether a workload subnet reaches a service it needs, and through what. */
export interface RequirementResult {
  readonly vpc: string;
  readonly subnet: string;
  /** The subnet's resource: `<stack ID>|<logical ID>`. */
  readonly subnetKey: string;
  readonly availabilityZone?: string;
  /** The service's short name (`sts`, `ecr.api`), or its full name for a service the SDK data does not know. */
  readonly service: string;
  /** The host the AWS SDKs call for it. */
  readonly host?: string;
  /** The endpoint that answers, by construct path. */
  readonly via?: string;
  readonly verdict: 'reachable' | 'unreachable' | 'unknown';
  readonly hops: Hop[];
}

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

export interface ProofResult {
  readonly requirements: RequirementResult[];
  readonly internetPaths: InternetPath[];
  /** VPCs whose resolver answers public names (DNS as a way out), as information. */
  readonly publicDns: string[];
}

const HTTPS = 443;

/** The endpoint types a VPC's workloads are taken to need: AWS services, providers' services, resources and service networks. */
const REQUIRED_TYPES = ['Interface', 'Gateway', 'Resource', 'ServiceNetwork'];

/**
 * Evaluates the model: every workload subnet (private or isolated) against every service an endpoint of its VPC, or of
 * a Route 53 Profile or hosted zone associated with its VPC, offers; and every route or address that leads a workload
 * subnet to the internet.
 */
export function evaluate(model: NetworkModel): ProofResult {
  const requirements: RequirementResult[] = [];
  const internetPaths: InternetPath[] = [];
  for (const subnet of [...model.subnets.values()].filter(s => isWorkloadSubnet(model, s))) {
    const endpoints = requiredEndpoints(model, subnet);
    for (const endpoint of endpoints) {
      requirements.push(endpoint.type === 'Gateway' ? gatewayRequirement(model, subnet, endpoint) : interfaceRequirement(model, subnet, endpoint));
    }
    const offered = new Set(endpoints.map(endpoint => serviceOf(endpoint)));
    for (const service of (model.requiredServices.get(subnet.vpc ?? '') ?? []).filter(s => !offered.has(s))) {
      requirements.push(declaredRequirement(model, subnet, service));
    }
    internetPaths.push(...internetPathsOf(model, subnet));
  }
  const publicDns = [...model.vpcs.values()].filter(vpc => vpc.dnsSupport).map(vpc => vpcPath(vpc.key));
  return { requirements, internetPaths, publicDns };
}

/** Private and isolated subnets, as aws-cdk-lib tags them; an untagged subnet is one without a route to an internet gateway. */
function isWorkloadSubnet(model: NetworkModel, subnet: Subnet): boolean {
  if (subnet.subnetType !== undefined) {
    return subnet.subnetType !== 'Public';
  }
  return !routesOf(model, subnet).some(route => route.target.kind === 'internet-gateway');
}

/** The endpoints a subnet's workloads must reach: those of its VPC, and those its VPC gets through Profiles and zones. */
function requiredEndpoints(model: NetworkModel, subnet: Subnet): VpcEndpoint[] {
  const own = [...model.endpoints.values()].filter(e => e.vpc === subnet.vpc && REQUIRED_TYPES.includes(e.type));
  const shared = sharedEndpointKeys(model, subnet.vpc).map(key => model.endpoints.get(key)).filter((e): e is VpcEndpoint => e !== undefined);
  const byService = new Map<string, VpcEndpoint>();
  for (const endpoint of [...own, ...shared]) {
    const service = endpoint.serviceName ?? endpoint.key;
    if (!byService.has(`${endpoint.type}|${service}`)) {
      byService.set(`${endpoint.type}|${service}`, endpoint);
    }
  }
  return [...byService.values()];
}

/** Endpoints that a Profile associated with the VPC holds, directly or as the alias target of a zone record. */
function sharedEndpointKeys(model: NetworkModel, vpc: string | undefined): string[] {
  const zones = zonesOfVpc(model, vpc).map(zone => zone.key);
  const viaZones = model.records.filter(record => record.zone !== undefined && zones.includes(record.zone) && record.aliasEndpoint)
    .map(record => record.aliasEndpoint!);
  const viaProfiles = profilesOf(model, vpc).flatMap(profile => model.profileResources.get(profile) ?? [])
    .filter((key): key is string => key !== undefined && model.endpoints.has(key));
  return [...new Set([...viaZones, ...viaProfiles])];
}

/** A service the VPC declares it needs, that no endpoint of the VPC, its zones or its Profiles offers: the public answer. */
function declaredRequirement(model: NetworkModel, subnet: Subnet, service: string): RequirementResult {
  const region = subnet.vpc === undefined ? undefined : model.vpcs.get(subnet.vpc)?.stack.region;
  if (region === undefined) {
    return {
      ...subnetFields(subnet),
      service,
      verdict: 'unknown',
      hops: [{ name: 'dns', holds: undefined, detail: `the host of ${service} is unknown in an environment-agnostic stack` }],
    };
  }
  return serviceRequirement(model, subnet, service, region, `com.amazonaws.${region}.${service}`);
}

function gatewayRequirement(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint): RequirementResult {
  const routeTable = model.subnetRouteTables.get(subnet.key);
  const onTable = routeTable !== undefined && endpoint.routeTables.includes(routeTable);
  const undecidable = !onTable && endpoint.routeTables.some(key => key === undefined);
  const hop: Hop = {
    name: 'gateway-route',
    holds: onTable ? true : undecidable ? undefined : false,
    detail: onTable ? `the subnet's route table carries ${endpoint.path}`
      : undecidable ? `the route tables of ${endpoint.path} are known only at deploy time`
        : `the subnet's route table is not among the route tables of ${endpoint.path}, so its traffic to the service takes another path`,
  };
  return result(subnet, endpoint, serviceOf(endpoint), undefined, [hop, gatewayAclHop(model, subnet), endpointPolicyHop(model, subnet, endpoint)]);
}

function interfaceRequirement(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint): RequirementResult {
  const service = serviceOf(endpoint);
  const parsed = endpoint.serviceName === undefined ? undefined : parseServiceName(endpoint.serviceName);
  if (endpoint.toEndpointService || endpoint.type === 'Resource' || endpoint.type === 'ServiceNetwork' || parsed === undefined) {
    return directRequirement(model, subnet, endpoint, service);
  }
  return serviceRequirement(model, subnet, parsed.shortName, parsed.region, endpoint.serviceName!, endpoint);
}

/**
 * An AWS service, by the host its clients call: what the VPC's resolver answers for it, then the path to that endpoint;
 * or, for S3 and DynamoDB, the public answer that a gateway endpoint on the subnet's route table carries.
 *
 * @param offeredBy the endpoint that makes this a requirement, named when nothing answers
 */
function serviceRequirement(model: NetworkModel, subnet: Subnet, shortName: string, region: string, serviceName: string,
  offeredBy?: VpcEndpoint): RequirementResult {
  const host = sdkHostName(shortName, region) ?? clientHostName(shortName, region)?.host;
  const named = (endpoint: VpcEndpoint | undefined, hops: Hop[]) => endpoint ? result(subnet, endpoint, shortName, host, hops)
    : { ...subnetFields(subnet), service: shortName, host, verdict: verdictOf(hops), hops };
  if (host === undefined) {
    return named(offeredBy, [{ name: 'dns', holds: undefined, detail: `the AWS SDKs' endpoint data has no host for ${serviceName}` }]);
  }
  const answer = resolve(model, subnet.vpc, host, serviceName);
  if (answer.endpoint === undefined && answer.hop.holds === false) {
    const gateway = gatewayCarrying(model, subnet, shortName);
    if (gateway) {
      // S3 and DynamoDB: the public answer is private all the same on a route table the gateway endpoint carries.
      return named(gateway, [
        { name: 'dns', holds: true, detail: `${host} resolves to the service's public addresses, which ${gateway.path} carries` },
        endpointPolicyHop(model, subnet, gateway),
      ]);
    }
  }
  const hops: Hop[] = [answer.hop];
  if (answer.endpoint) {
    hops.push(networkInterfaceHop(model, subnet, answer.endpoint), securityGroupHop(model, subnet, answer.endpoint, HTTPS).hop,
      networkAclHop(model, subnet, answer.endpoint, HTTPS), routeHop(model, subnet, answer.endpoint),
      endpointPolicyHop(model, subnet, answer.endpoint));
  }
  return named(answer.endpoint ?? offeredBy, hops);
}

/**
 * An endpoint that clients call by its own DNS names (or names its service or resources define): a provider's endpoint
 * service, a resource, a service network, or a service named only at deploy time. The path is checked on the port the
 * endpoint's security group opens to the subnet; for an endpoint service of the assembly, that port must be one its load
 * balancers listen on.
 */
function directRequirement(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint, service: string): RequirementResult {
  const dns = directDnsHop(model, subnet, endpoint);
  const securityGroup = securityGroupHop(model, subnet, endpoint, 'any');
  const hops = [dns, networkInterfaceHop(model, subnet, endpoint), securityGroup.hop];
  if (securityGroup.port !== undefined) {
    hops.push(networkAclHop(model, subnet, endpoint, securityGroup.port));
  }
  hops.push(routeHop(model, subnet, endpoint), endpointPolicyHop(model, subnet, endpoint));
  if (endpoint.endpointService !== undefined) {
    hops.push(providerHop(model, endpoint.endpointService, securityGroup.port));
  }
  return result(subnet, endpoint, service, undefined, hops);
}

/**
 * Clients call the endpoint's own DNS names, or a name a private hosted zone of the app points at the endpoint (a
 * consumer's split-horizon name), which resolves only where that zone is associated.
 */
function directDnsHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint): Hop {
  const vpc = subnet.vpc === undefined ? undefined : model.vpcs.get(subnet.vpc);
  if (vpc && !vpc.dnsSupport) {
    return { name: 'dns', holds: false, detail: `the VPC has DNS support off, so no name of ${endpoint.path} resolves` };
  }
  const records = model.records.filter(record => record.aliasEndpoint === endpoint.key);
  if (records.length > 0) {
    const zones = zonesOfVpc(model, subnet.vpc).map(zone => zone.key);
    const answered = records.find(record => record.zone !== undefined && zones.includes(record.zone));
    return answered
      ? { name: 'dns', holds: true, detail: `clients call ${answered.name}, which a zone of the VPC points at ${endpoint.path}` }
      : { name: 'dns', holds: false, detail: `clients call ${records[0].name}, but its zone is not associated with the VPC` };
  }
  const named = endpoint.toEndpointService || endpoint.type === 'Resource' || endpoint.type === 'ServiceNetwork';
  return named
    ? { name: 'dns', holds: true, detail: `clients call the DNS names of ${endpoint.path}` }
    : { name: 'dns', holds: undefined, detail: `the service name of ${endpoint.path} is known only at deploy time` };
}

/** The provider's load balancers listen on the port the consumer opens. */
function providerHop(model: NetworkModel, endpointService: string, port: number | undefined): Hop {
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

/** A gateway endpoint of the subnet's VPC for the service, on the subnet's route table. */
function gatewayCarrying(model: NetworkModel, subnet: Subnet, shortName: string): VpcEndpoint | undefined {
  const routeTable = model.subnetRouteTables.get(subnet.key);
  return [...model.endpoints.values()].find(e => e.type === 'Gateway' && e.vpc === subnet.vpc && routeTable !== undefined
    && e.routeTables.includes(routeTable) && e.serviceName !== undefined && parseServiceName(e.serviceName)?.shortName === shortName);
}

/**
 * What the VPC's resolver answers for a host: an endpoint of the VPC with private DNS for the service; a private hosted
 * zone associated with the VPC (directly or through a Profile) whose name covers the host, and its record; an endpoint
 * with private DNS that a Profile of the VPC holds; or the public answer.
 */
function resolve(model: NetworkModel, vpc: string | undefined, host: string, serviceName: string | undefined): { hop: Hop; endpoint?: VpcEndpoint } {
  const vpcDetails = vpc === undefined ? undefined : model.vpcs.get(vpc);
  if (vpcDetails && !vpcDetails.dnsSupport) {
    return { hop: { name: 'dns', holds: false, detail: `the VPC has DNS support off, so ${host} does not resolve` } };
  }
  const sameService = (e: VpcEndpoint) => e.serviceName === serviceName && e.privateDnsEnabled && !e.privateDnsOnlyForInboundResolver;
  const local = [...model.endpoints.values()].find(e => e.vpc === vpc && sameService(e));
  if (local && vpcDetails && !vpcDetails.dnsHostnames) {
    // "To use private DNS, you must enable both DNS hostnames and DNS resolution for your VPC" (CreateVpcEndpoint).
    return { hop: { name: 'dns', holds: false, detail: `the private DNS of ${local.path} needs DNS hostnames, which the VPC has off` } };
  }
  if (local) {
    return { hop: { name: 'dns', holds: true, detail: `${host} resolves to ${local.path} (its private DNS)` }, endpoint: local };
  }
  const zone = zonesOfVpc(model, vpc).filter(z => host === z.name || host.endsWith(`.${z.name}`)).sort((a, b) => b.name.length - a.name.length)[0];
  if (zone) {
    const record = model.records.find(r => r.zone === zone.key && (r.name === host || r.name === `*.${host.split('.').slice(1).join('.')}`));
    const target = record?.aliasEndpoint === undefined ? undefined : model.endpoints.get(record.aliasEndpoint);
    return target
      ? { hop: { name: 'dns', holds: true, detail: `${host} resolves through the zone ${zone.name} to ${target.path}` }, endpoint: target }
      : { hop: { name: 'dns', holds: false, detail: `the zone ${zone.name} answers for ${host} but has no record of it pointing at an endpoint` } };
  }
  const viaProfile = profilesOf(model, vpc).flatMap(profile => model.profileResources.get(profile) ?? [])
    .map(key => key === undefined ? undefined : model.endpoints.get(key)).find(e => e !== undefined && sameService(e));
  if (viaProfile) {
    return { hop: { name: 'dns', holds: true, detail: `${host} resolves to ${viaProfile.path} through the VPC's Route 53 Profile` }, endpoint: viaProfile };
  }
  const foreignProfiles = (vpc === undefined ? [] : model.vpcProfiles.get(vpc) ?? []).filter(key => key === undefined || !model.profiles.has(key));
  if (foreignProfiles.length > 0) {
    return {
      hop: {
        name: 'dns',
        holds: undefined,
        detail: `the VPC's Route 53 Profile ${model.nameOf(foreignProfiles[0])} is not defined in the app, and may answer ${host}`,
      },
    };
  }
  return { hop: { name: 'dns', holds: false, detail: `${host} resolves to the service's public address: no endpoint with private DNS, zone or Profile answers it in the VPC` } };
}

function networkInterfaceHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint): Hop {
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
function securityGroupHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint, port: number | 'any'): { hop: Hop; port?: number } {
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
function endpointPolicyHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint): Hop {
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
function gatewayAclHop(model: NetworkModel, subnet: Subnet): Hop {
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
function networkAclHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint, port: number): Hop {
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
function routeHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint): Hop {
  if (endpoint.vpc === subnet.vpc) {
    return { name: 'route', holds: true, detail: 'the endpoint is in the subnet\'s VPC (local route)' };
  }
  const endpointCidr = model.cidrBlockOf(endpoint.vpc);
  if (endpointCidr === undefined || subnet.cidrBlock === undefined) {
    return { name: 'route', holds: undefined, detail: `the CIDR blocks of the subnet or of ${endpoint.path}'s VPC are known only at deploy time` };
  }
  const there = routesOf(model, subnet).find(route => route.destination !== undefined
    && ['transit-gateway', 'peering'].includes(route.target.kind) && ipv4CidrsWithin([endpointCidr], [route.destination]).length > 0);
  if (!there) {
    return { name: 'route', holds: false, detail: `the subnet's route table has no route to ${endpointCidr} (the VPC of ${endpoint.path})` };
  }
  const back = endpoint.subnets.filter((key): key is string => key !== undefined).map(key => model.subnets.get(key))
    .filter((s): s is Subnet => s !== undefined)
    .every(s => routesOf(model, s).some(route => route.destination !== undefined && route.target.key === there.target.key
      && ipv4CidrsWithin([subnet.cidrBlock!], [route.destination]).length > 0));
  return back
    ? { name: 'route', holds: true, detail: `through the ${there.target.kind} to ${endpointCidr}, and back` }
    : { name: 'route', holds: false, detail: `the subnets of ${endpoint.path} have no route back to ${subnet.cidrBlock}` };
}

function internetPathsOf(model: NetworkModel, subnet: Subnet): InternetPath[] {
  const vpc = vpcPath(subnet.vpc);
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

function routesOf(model: NetworkModel, subnet: Subnet) {
  const routeTable = model.subnetRouteTables.get(subnet.key);
  return routeTable === undefined ? [] : model.routes.get(routeTable) ?? [];
}

function zonesOfVpc(model: NetworkModel, vpc: string | undefined) {
  const viaProfiles = new Set(profilesOf(model, vpc).flatMap(profile => model.profileResources.get(profile) ?? []));
  return [...model.hostedZones.values()].filter(zone => (vpc !== undefined && zone.vpcs.includes(vpc)) || viaProfiles.has(zone.key));
}

function profilesOf(model: NetworkModel, vpc: string | undefined): string[] {
  return vpc === undefined ? [] : (model.vpcProfiles.get(vpc) ?? []).filter((key): key is string => key !== undefined);
}

function serviceOf(endpoint: VpcEndpoint): string {
  return (endpoint.serviceName && parseServiceName(endpoint.serviceName)?.shortName) ?? endpoint.serviceName ?? endpoint.path;
}

function vpcPath(vpc: string | undefined): string {
  return vpc?.replace('|', '/') ?? 'a VPC known only at deploy time';
}

function result(subnet: Subnet, endpoint: VpcEndpoint, service: string, host: string | undefined, hops: Hop[]): RequirementResult {
  return { ...subnetFields(subnet), service, host, via: endpoint.path, verdict: verdictOf(hops), hops };
}

function verdictOf(hops: Hop[]): RequirementResult['verdict'] {
  return hops.some(hop => hop.holds === false) ? 'unreachable' : hops.some(hop => hop.holds === undefined) ? 'unknown' : 'reachable';
}

function subnetFields(subnet: Subnet): Pick<RequirementResult, 'vpc' | 'subnet' | 'subnetKey' | 'availabilityZone'> {
  return { vpc: vpcPath(subnet.vpc), subnet: subnet.path, subnetKey: subnet.key, availabilityZone: subnet.availabilityZone };
}
