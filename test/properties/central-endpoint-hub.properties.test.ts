import { CfnElement, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { FactName } from 'aws-cdk-lib/region-info';
import { schemaViolations } from '../schema';
import { buildHub, effectiveDnsMode, hubId, HubRequest, HubSpec, hubMistakes, hubSpec } from './central-endpoint-hub.arbitrary';
import { describeConstructProperty } from './construct-property';
import { appAndStack, schemaRegion } from './environment';
import { eachServiceOnce, noInternetPath, oneSubnetPerAz } from './invariants';
import { clientSources, destinationKind, ingressOnlyFrom, transitGatewayRoutes } from './network-invariants';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import { vpcFacts } from './vpcs';
import { serviceShortName } from '../../src/private/facts/service-names';
import { clientPortsOf } from '../../src/private/facts/service-ports';
import { serviceZones } from '../../src/private/facts/service-zones';

/** The centralized AWS services, by resolved name (each once). */
function awsServicesOf(stack: Stack, request: HubRequest): Map<string, ec2.InterfaceVpcEndpointAwsService> {
  const awsServices = new Map<string, ec2.InterfaceVpcEndpointAwsService>();
  for (const service of request.services) {
    const name = JSON.stringify(stack.resolve(service.name));
    if (service instanceof ec2.InterfaceVpcEndpointAwsService && !awsServices.has(name)) {
      awsServices.set(name, service);
    }
  }
  return awsServices;
}

/**
 * With the Profile holding the endpoints: each centralized AWS service has one endpoint with private DNS on, which the
 * Profile holds once (by the endpoint's ARN); the hub has no zone.
 */
function profileEndpointViolations(stack: Stack, request: HubRequest, template: TemplateJson, own: Set<string>): string[] {
  const mine = (type: string) => resourcesOfType(template, type).filter(([id]) => own.has(id));
  const endpoints = mine('AWS::EC2::VPCEndpoint');
  const associations = mine('AWS::Route53Profiles::ProfileResourceAssociation');
  const profileId = JSON.stringify(stack.resolve(request.construct.profileId));
  const violations: string[] = [];
  for (const name of awsServicesOf(stack, request).keys()) {
    const endpoint = endpoints.filter(([, props]) => JSON.stringify(props.ServiceName) === name);
    if (endpoint.length !== 1 || endpoint[0][1].PrivateDnsEnabled !== true) {
      violations.push(`${name}: expected one endpoint with PrivateDnsEnabled true, got ${JSON.stringify(endpoint)}`);
      continue;
    }
    const held = associations.filter(([, props]) => JSON.stringify(props.ResourceArn).includes(JSON.stringify({ Ref: endpoint[0][0] }))
      && JSON.stringify(props.ProfileId) === profileId && JSON.stringify(props.ResourceArn).includes(':vpc-endpoint/'));
    if (held.length !== 1) {
      violations.push(`${name}: its endpoint ${endpoint[0][0]} is in the profile ${held.length} times, 1 expected`);
    }
  }
  if (associations.length !== awsServicesOf(stack, request).size) {
    violations.push(`${associations.length} profile associations for ${awsServicesOf(stack, request).size} services`);
  }
  if (mine('AWS::Route53::HostedZone').length > 0) {
    violations.push(`zones in PROFILE_ENDPOINTS mode: ${mine('AWS::Route53::HostedZone').map(([id]) => id)}`);
  }
  return violations;
}

/**
 * Each centralized AWS service: one endpoint with private DNS off, and each zone of the zone table with an alias A record
 * to it (and a wildcard where the table says), in the hub VPC and, with a profile, in the profile; no other zone.
 */
function zoneViolations(stack: Stack, request: HubRequest, template: TemplateJson, own: Set<string>, profile: boolean): string[] {
  const text = (value: unknown) => JSON.stringify(stack.resolve(value));
  const mine = (type: string) => resourcesOfType(template, type).filter(([id]) => own.has(id));
  const endpoints = mine('AWS::EC2::VPCEndpoint');
  const zones = mine('AWS::Route53::HostedZone');
  const records = mine('AWS::Route53::RecordSet');
  const associations = mine('AWS::Route53Profiles::ProfileResourceAssociation');
  const hubVpcId = text(request.construct.vpc.vpcId);
  const dnsSuffix = stack.regionalFact(FactName.DOMAIN_SUFFIX, 'amazonaws.com');
  const awsServices = awsServicesOf(stack, request);
  const violations: string[] = [];
  const expectedZones = new Set<string>();
  for (const [name, service] of awsServices) {
    const endpoint = endpoints.filter(([, props]) => JSON.stringify(props.ServiceName) === name);
    if (endpoint.length !== 1 || endpoint[0][1].PrivateDnsEnabled !== false) {
      violations.push(`${name}: expected one endpoint with PrivateDnsEnabled false, got ${JSON.stringify(endpoint)}`);
      continue;
    }
    const alias = JSON.stringify({ 'Fn::GetAtt': [endpoint[0][0], 'DnsEntries'] });
    for (const { zoneName, wildcard } of serviceZones(service.shortName, stack.region, dnsSuffix)) {
      const zoneText = text(`${zoneName}.`);
      expectedZones.add(zoneText);
      const zone = zones.filter(([, props]) => JSON.stringify(props.Name) === zoneText);
      if (zone.length !== 1) {
        violations.push(`${name}: ${zone.length} zones named ${zoneText}, 1 expected`);
        continue;
      }
      const [zoneId, zoneProps] = zone[0];
      if (!(zoneProps.VPCs ?? []).some((vpc: any) => JSON.stringify(vpc.VPCId) === hubVpcId)) {
        violations.push(`${zoneId} is not associated with the hub VPC`);
      }
      const recordNames = wildcard ? [zoneText, text(`*.${zoneName}.`)] : [zoneText];
      for (const recordName of recordNames) {
        const aliases = records.filter(([, props]) => JSON.stringify(props.Name) === recordName && props.Type === 'A'
          && JSON.stringify(props.AliasTarget ?? {}).includes(alias) && JSON.stringify(props.HostedZoneId) === JSON.stringify({ Ref: zoneId }));
        if (aliases.length !== 1) {
          violations.push(`${name}: ${aliases.length} alias A records ${recordName} to ${endpoint[0][0]} in ${zoneId}, 1 expected`);
        }
      }
      const inProfile = associations.filter(([, props]) => JSON.stringify(props.ResourceArn).includes(JSON.stringify({ Ref: zoneId })));
      if (inProfile.length !== (profile ? 1 : 0)) {
        violations.push(`${zoneId} is in the profile ${inProfile.length} times, ${profile ? 1 : 0} expected`);
      }
    }
  }
  const unexpected = zones.filter(([, props]) => !expectedZones.has(JSON.stringify(props.Name)));
  if (unexpected.length > 0) {
    violations.push(`zones nobody asked for: ${unexpected.map(([id]) => id)}`);
  }
  return violations;
}

/** The profile only when enabled, shared with exactly the principals given, and with nobody without principals. */
function profileViolations(stack: Stack, spec: HubSpec, request: HubRequest, template: TemplateJson, own: Set<string>): string[] {
  const mine = (type: string) => resourcesOfType(template, type).filter(([id]) => own.has(id)).map(([, props]) => props);
  const profile = spec.profileEnabled ?? true;
  const violations: string[] = [];
  if (mine('AWS::Route53Profiles::Profile').length !== (profile ? 1 : 0)) {
    violations.push(`${mine('AWS::Route53Profiles::Profile').length} profiles, ${profile ? 1 : 0} expected`);
  }
  const shares = mine('AWS::RAM::ResourceShare');
  const requested = [...new Set(request.principals.map(p => JSON.stringify(stack.resolve(p))))];
  if (requested.length === 0 || !profile) {
    if (shares.length > 0) {
      violations.push(`a profile share without principals: ${JSON.stringify(shares)}`);
    }
  } else {
    const granted: string[] = (shares[0]?.Principals ?? []).map((p: unknown) => JSON.stringify(p));
    if (shares.length !== 1 || granted.length !== requested.length || requested.some(p => !granted.includes(p))) {
      violations.push(`the profile is shared with ${granted}, requested ${requested}`);
    }
  }
  return violations;
}

function invariantViolations(stack: Stack, spec: HubSpec, request: HubRequest, template: TemplateJson): string[] {
  const hub = request.construct;
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${hub.node.path}/`)).map(([id]) => id));
  const vpc = vpcFacts(stack, hub.vpc);
  const resolved = (value: unknown) => stack.resolve(value);
  const names = [...new Set(request.services.map(s => JSON.stringify(resolved(s.name))))];
  const securityGroup = resolved((hub.endpointSecurityGroup.node.defaultChild as CfnElement).logicalId);
  const ports = request.services.flatMap(s => clientPortsOf(serviceShortName(s), s.port)).map(port => [port, port] as const);
  const kinds = request.clientCidrs.map(destinationKind);
  return [
    ...eachServiceOnce(template, 'Interface', names, own),
    ...eachServiceOnce(template, 'Gateway', [], own),
    ...(effectiveDnsMode(spec) === 'HOSTED_ZONES'
      ? zoneViolations(stack, request, template, own, spec.profileEnabled ?? true)
      : profileEndpointViolations(stack, request, template, own)),
    ...profileViolations(stack, spec, request, template, own),
    ...oneSubnetPerAz(template, vpc, own),
    ...ingressOnlyFrom(template, securityGroup, clientSources(vpc.cidrs, request.clientCidrs.map(resolved), kinds), ports),
    ...transitGatewayRoutes(template, own, vpc.workloadRouteTables,
      request.clientCidrs.map((c, i) => ({ kind: kinds[i], value: resolved(c) })), request.transitGatewayId && resolved(request.transitGatewayId)),
    ...(spec.vpc === undefined ? noInternetPath(template) : []),
    ...schemaViolations(template, schemaRegion(spec.env)),
  ];
}

describeConstructProperty('CentralEndpointHub', hubSpec, spec => {
  const { app, stack } = appAndStack(spec.env);
  const id = hubId(spec);
  return runConfiguration(app, stack, [id, `${id}/Endpoints`].map(path => `${stack.node.path}/${path}`), hubMistakes(spec),
    () => buildHub(stack, spec),
    (request, template) => invariantViolations(stack, spec, request, template));
});
