import { clientHostName } from './client-hosts';
import { internetPathsOf, InternetPath } from './internet-paths';
import { NetworkModel, Subnet, VpcEndpoint } from './network-model';
import {
  endpointPolicyHop,
  gatewayAclHop,
  Hop,
  HTTPS,
  networkAclHop,
  networkInterfaceHop,
  providerHop,
  routeHop,
  routesOf,
  securityGroupHop,
} from './path-hops';
import { directDnsHop, profilesOf, resolve, zonesOfVpc } from './resolution';
import { parseServiceName, sdkHostName } from './sdk-hosts';

export type { Hop } from './path-hops';
export type { InternetPath } from './internet-paths';

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

export interface ProofResult {
  readonly requirements: RequirementResult[];
  readonly internetPaths: InternetPath[];
  /** VPCs whose resolver answers public names (DNS as a way out), as information. */
  readonly publicDns: string[];
}

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
  const publicDns = [...model.vpcs.values()].filter(vpc => vpc.dnsSupport && !isDnsFirewalled(model, vpc.key)).map(vpc => model.nameOf(vpc.key));
  return { requirements, internetPaths, publicDns };
}

/** Whether a DNS Firewall rule group of the app filters the VPC's queries: associated with it, or held by one of its Profiles. */
function isDnsFirewalled(model: NetworkModel, vpc: string): boolean {
  const profiles = model.vpcProfiles.get(vpc) ?? [];
  return model.dnsFirewalledVpcs.has(vpc) || profiles.some(profile => profile !== undefined && model.dnsFirewalledProfiles.has(profile));
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

/** A gateway endpoint of the subnet's VPC for the service, on the subnet's route table. */
function gatewayCarrying(model: NetworkModel, subnet: Subnet, shortName: string): VpcEndpoint | undefined {
  const routeTable = model.subnetRouteTables.get(subnet.key);
  return [...model.endpoints.values()].find(e => e.type === 'Gateway' && e.vpc === subnet.vpc && routeTable !== undefined
    && e.routeTables.includes(routeTable) && e.serviceName !== undefined && parseServiceName(e.serviceName)?.shortName === shortName);
}

function serviceOf(endpoint: VpcEndpoint): string {
  return (endpoint.serviceName && parseServiceName(endpoint.serviceName)?.shortName) ?? endpoint.serviceName ?? endpoint.path;
}


function result(subnet: Subnet, endpoint: VpcEndpoint, service: string, host: string | undefined, hops: Hop[]): RequirementResult {
  return { ...subnetFields(subnet), service, host, via: endpoint.path, verdict: verdictOf(hops), hops };
}

function verdictOf(hops: Hop[]): RequirementResult['verdict'] {
  return hops.some(hop => hop.holds === false) ? 'unreachable' : hops.some(hop => hop.holds === undefined) ? 'unknown' : 'reachable';
}

function subnetFields(subnet: Subnet): Pick<RequirementResult, 'vpc' | 'subnet' | 'subnetKey' | 'availabilityZone'> {
  return { vpc: subnet.vpcPath, subnet: subnet.path, subnetKey: subnet.key, availabilityZone: subnet.availabilityZone };
}
