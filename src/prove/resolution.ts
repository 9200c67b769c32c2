import { NetworkModel, Subnet, VpcEndpoint } from './network-model';
import { Hop } from './path-hops';

// What a VPC's resolver answers for a name: endpoints' private DNS, private hosted zones, Route 53 Profiles.

/**
 * What the VPC's resolver answers for a host: an endpoint of the VPC with private DNS for the service; a private hosted
 * zone associated with the VPC (directly or through a Profile) whose name covers the host, and its record; an endpoint
 * with private DNS that a Profile of the VPC holds; or the public answer.
 */
export function resolve(model: NetworkModel, vpc: string | undefined, host: string,
  serviceName: string | undefined): { hop: Hop; endpoint?: VpcEndpoint } {
  const vpcDetails = vpc === undefined ? undefined : model.vpcs.get(vpc);
  if (vpcDetails && !vpcDetails.dnsSupport) {
    return { hop: { name: 'dns', holds: false, detail: `the VPC has DNS support off, so ${host} does not resolve` } };
  }
  const sameService = (e: VpcEndpoint) => e.serviceName === serviceName && e.privateDnsEnabled && !e.privateDnsOnlyForInboundResolver;
  const local = [...model.endpoints.values()].find(e => e.vpc === vpc && sameService(e));
  if (local && !vpcDetails) {
    return {
      hop: {
        name: 'dns',
        holds: undefined,
        detail: `the private DNS of ${local.path} needs DNS support and hostnames, which the `
      + 'templates do not show for an imported VPC',
      },
    };
  }
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
    if (target?.serviceName !== undefined && serviceName !== undefined && target.serviceName !== serviceName) {
      // The SDK's TLS call to the host would reach another service's endpoint, which does not answer for it.
      const detail = `the zone ${zone.name} points ${host} at ${target.path}, an endpoint of ${target.serviceName}`;
      return { hop: { name: 'dns', holds: false, detail } };
    }
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

/**
 * Clients call the endpoint's own DNS names, or a name a private hosted zone of the app points at the endpoint (a
 * consumer's split-horizon name), which resolves only where that zone is associated.
 */
export function directDnsHop(model: NetworkModel, subnet: Subnet, endpoint: VpcEndpoint): Hop {
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

export function zonesOfVpc(model: NetworkModel, vpc: string | undefined) {
  const viaProfiles = new Set(profilesOf(model, vpc).flatMap(profile => model.profileResources.get(profile) ?? []));
  return [...model.hostedZones.values()].filter(zone => (vpc !== undefined && zone.vpcs.includes(vpc)) || viaProfiles.has(zone.key));
}

export function profilesOf(model: NetworkModel, vpc: string | undefined): string[] {
  return vpc === undefined ? [] : (model.vpcProfiles.get(vpc) ?? []).filter((key): key is string => key !== undefined);
}
