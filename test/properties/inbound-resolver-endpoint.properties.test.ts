import { App, Stack } from 'aws-cdk-lib';
import { describeConstructProperty } from './construct-property';
import { appAndStack, NUM_RUNS, schemaRegion } from './environment';
import {
  BOTH_TYPES,
  buildHubInbound,
  buildInbound,
  hubInboundMistakes,
  HubInboundSpec,
  hubInboundSpec,
  inboundMistakes,
  InboundRequest,
  inboundSpec,
  inboundVpc,
} from './inbound-resolver-endpoint.arbitrary';
import { clientSources, destinationKind, networkText } from './network-invariants';
import { logicalIdPaths, resourcesOfType, runConfiguration, synthesize, TemplateJson } from './outcome';
import { CentralEndpointHub } from '../../src';
import { schemaViolations } from '../schema';

const text = (value: unknown) => JSON.stringify(value);

/** The logical IDs of the resources under a construct. */
function idsUnder(stack: Stack, path: string): Set<string> {
  return new Set([...logicalIdPaths(stack)].filter(([, p]) => p.startsWith(`${path}/`)).map(([id]) => id));
}

/**
 * The endpoint's security group admits exactly TCP and UDP 53 from each network given (once each), and allows no egress
 * (aws-cdk-lib's placeholder rule matches nothing).
 */
function dnsIngressViolations(stack: Stack, template: TemplateJson, groupId: string, onPremisesCidrs: string[]): string[] {
  const resolved = onPremisesCidrs.map(entry => stack.resolve(entry));
  const sources = clientSources(new Set(), resolved, onPremisesCidrs.map(destinationKind));
  const expected = [
    ...[...sources.ipv4].map(s => `CidrIp ${s}`), ...[...sources.ipv6].map(s => `CidrIpv6 ${s}`),
    ...[...sources.prefixLists].map(s => `SourcePrefixListId ${s}`),
  ].flatMap(source => ['tcp', 'udp'].map(protocol => `${source} ${protocol} 53-53`)).sort();
  const group = template.Resources[groupId]?.Properties ?? {};
  const ofGroup = (type: string) => resourcesOfType(template, type)
    .filter(([, props]) => text(props.GroupId) === text({ 'Fn::GetAtt': [groupId, 'GroupId'] })).map(([, props]) => props);
  const rules: any[] = [...group.SecurityGroupIngress ?? [], ...ofGroup('AWS::EC2::SecurityGroupIngress')];
  const actual = rules.map(rule => {
    const key = ['CidrIp', 'CidrIpv6', 'SourcePrefixListId'].find(k => rule[k] !== undefined)!;
    return `${key} ${key === 'CidrIpv6' ? networkText(rule[key]) : text(rule[key])} ${rule.IpProtocol} ${rule.FromPort}-${rule.ToPort}`;
  }).sort();
  const violations = text(actual) === text(expected) ? [] : [`${groupId} admits ${text(actual)}, expected ${text(expected)}`];
  const egress: any[] = [...group.SecurityGroupEgress ?? [], ...ofGroup('AWS::EC2::SecurityGroupEgress')];
  if (egress.some(rule => rule.CidrIp !== '255.255.255.255/32')) {
    violations.push(`${groupId} allows egress: ${text(egress)}`);
  }
  return violations;
}

/**
 * One inbound endpoint with exactly the subnets the selection picks (one per AZ, at least two AZs), its own security group
 * admitting DNS from the networks given, the addresses read for the same subnets by a function that may read this endpoint
 * only, and their output; a schema-valid template.
 */
function inboundViolations(stack: Stack, request: InboundRequest, template: TemplateJson, region: string | undefined): string[] {
  const own = idsUnder(stack, request.construct.node.path);
  const mine = (type: string) => resourcesOfType(template, type).filter(([id]) => own.has(id));
  const violations: string[] = [];
  const endpoints = mine('AWS::Route53Resolver::ResolverEndpoint');
  if (endpoints.length !== 1) {
    return [`${endpoints.length} Resolver endpoints, 1 expected`];
  }
  const [endpointId, endpoint] = endpoints[0];
  const subnetIds = request.subnets.map(subnet => text(stack.resolve(subnet.subnetId)));
  const given = (endpoint.IpAddresses ?? []).map((address: any) => text(address.SubnetId));
  if (endpoint.Direction !== 'INBOUND' || text(given) !== text(subnetIds)) {
    violations.push(`the endpoint is ${endpoint.Direction} in [${given}], INBOUND in [${subnetIds}] expected`);
  }
  const azs = request.subnets.map(subnet => text(stack.resolve(subnet.availabilityZone)));
  if (new Set(azs).size !== azs.length || azs.length < 2) {
    violations.push(`the endpoint's subnets are in the AZs [${azs}]: at least 2, one subnet each, expected`);
  }
  const groups = mine('AWS::EC2::SecurityGroup');
  if (groups.length !== 1 || text(endpoint.SecurityGroupIds) !== text([{ 'Fn::GetAtt': [groups[0][0], 'GroupId'] }])) {
    violations.push(`the endpoint's security groups are ${text(endpoint.SecurityGroupIds)}, its own one expected`);
  } else {
    violations.push(...dnsIngressViolations(stack, template, groups[0][0], request.onPremisesCidrs));
  }
  const reads = mine('Custom::ResolverEndpointIpAddresses');
  if (reads.length !== 1 || text((reads[0][1].SubnetIds ?? []).map(text)) !== text(given)
    || text(reads[0][1].ResolverEndpointId) !== text({ 'Fn::GetAtt': [endpointId, 'ResolverEndpointId'] })) {
    violations.push(`the addresses are read by ${text(reads)}, one read of ${endpointId} in its subnets expected`);
  }
  const statements = mine('AWS::IAM::Policy').flatMap(([, props]) => props.PolicyDocument.Statement);
  const listing = statements.filter((s: any) => text(s.Action).includes('route53resolver'));
  if (text(listing.map((s: any) => [s.Action, s.Resource])) !== text([['route53resolver:ListResolverEndpointIpAddresses', { 'Fn::GetAtt': [endpointId, 'Arn'] }]])) {
    violations.push(`the function may ${text(listing)}, only list this endpoint's addresses expected`);
  }
  const outputs = Object.values((template as { Outputs?: Record<string, { Value: unknown }> }).Outputs ?? {});
  if (reads.length === 1 && !outputs.some(output => text(output.Value) === text({ 'Fn::GetAtt': [reads[0][0], 'IpAddresses'] }))) {
    violations.push('no output of the addresses');
  }
  return [...violations, ...schemaViolations(template, region)];
}

// Each run synthesizes an app with a VPC and a function (about 60 ms): a twelfth of the usual runs, and half that for the
// hub, whose runs synthesize two apps.
describeConstructProperty('InboundResolverEndpoint', inboundSpec, spec => {
  const { app, stack } = appAndStack(spec.env);
  const { vpc, subnets } = inboundVpc(stack, spec);
  return runConfiguration(app, stack, [`${stack.node.path}/Inbound`], inboundMistakes(stack, spec, subnets),
    () => buildInbound(stack, spec, vpc, subnets),
    (request, template) => inboundViolations(stack, request, template, schemaRegion(spec.env)));
}, Math.max(1, Math.round(NUM_RUNS / 12)));

/**
 * A hub with an inbound endpoint: one Resolver endpoint in the hub VPC; with the Profile answering, each of S3 and
 * DynamoDB beside its gateway endpoint (on the hub's workload route tables), with private DNS for the inbound endpoint only
 * and not offered to spokes; otherwise no gateway endpoint and no resolver-only DNS. The same hub without the inbound
 * endpoint has the same logical IDs, of the same types, wherever it synthesizes.
 */
function hubViolations(spec: HubInboundSpec, stack: Stack, hub: CentralEndpointHub, template: TemplateJson): string[] {
  const own = idsUnder(stack, hub.node.path);
  const mine = (type: string) => resourcesOfType(template, type).filter(([id]) => own.has(id));
  const inbound = spec.onPremisesCidrs !== undefined;
  const violations: string[] = [];
  const resolvers = mine('AWS::Route53Resolver::ResolverEndpoint');
  if (resolvers.length !== (inbound ? 1 : 0)) {
    violations.push(`${resolvers.length} Resolver endpoints, ${inbound ? 1 : 0} expected`);
  }
  const split = inbound && spec.profile ? spec.services.filter(s => BOTH_TYPES.includes(s)) : [];
  const endpoints = mine('AWS::EC2::VPCEndpoint');
  // A service name ends in the short name: `com.amazonaws.<region>.s3`, or a join of parts ending in `.s3`.
  const serviceOf = (props: any) => spec.services.find(service => text(props.ServiceName).includes(`.${service}"`));
  const gateways = endpoints.filter(([, props]) => props.VpcEndpointType === 'Gateway');
  const resolverOnly = endpoints.filter(([, props]) => props.DnsOptions?.PrivateDnsOnlyForInboundResolverEndpoint === 'OnlyInboundResolver');
  if (text(gateways.map(([, props]) => serviceOf(props)).sort()) !== text([...split].sort())
    || text(resolverOnly.map(([, props]) => serviceOf(props)).sort()) !== text([...split].sort())) {
    violations.push(`gateway endpoints for [${gateways.map(([, p]) => serviceOf(p))}] and resolver-only DNS for `
      + `[${resolverOnly.map(([, p]) => serviceOf(p))}], [${split}] expected`);
  }
  const workloadTables = new Set([...hub.vpc.privateSubnets, ...hub.vpc.isolatedSubnets].map(s => text(stack.resolve(s.routeTable.routeTableId))));
  for (const [id, props] of gateways) {
    const tables: string[] = (props.RouteTableIds ?? []).map(text);
    if (tables.length !== workloadTables.size || tables.some(t => !workloadTables.has(t))) {
      violations.push(`${id} is on the route tables [${tables}], the hub's workload ones expected`);
    }
  }
  for (const [id, props] of resolverOnly) {
    const gateway = gateways.find(([, g]) => serviceOf(g) === serviceOf(props));
    if (props.PrivateDnsEnabled !== true || !gateway || !(template.Resources[id].DependsOn ?? []).includes(gateway[0])) {
      violations.push(`${id} has resolver-only DNS without private DNS on or without depending on its gateway endpoint`);
    }
  }
  if (split.some(service => hub.centralizedServices.includes(service))) {
    violations.push(`centralizedServices [${hub.centralizedServices}] offers spokes [${split}], which answer on-premises clients only`);
  }
  return [...violations, ...schemaViolations(template, schemaRegion(spec.env)), ...logicalIdViolations(spec, stack, template)];
}

/** The IDs (and types) of the same hub without its inbound endpoint, where it synthesizes, are all kept. */
function logicalIdViolations(spec: HubInboundSpec, stack: Stack, template: TemplateJson): string[] {
  if (spec.onPremisesCidrs === undefined) {
    return [];
  }
  const { app, stack: plainStack } = appAndStack(spec.env);
  const paths = ['Hub', 'Hub/Endpoints'].map(path => `${plainStack.node.path}/${path}`);
  const outcome = synthesize(app as App, plainStack, paths, () => buildHubInbound(plainStack, spec, false));
  if (outcome.kind !== 'template') {
    return [];
  }
  return Object.entries(outcome.template.Resources)
    .filter(([id, resource]) => template.Resources[id]?.Type !== resource.Type)
    .map(([id, resource]) => `${stack.stackName}/${id} (${resource.Type}) without the inbound endpoint is ${template.Resources[id]?.Type ?? 'gone'} with it`);
}

describeConstructProperty('CentralEndpointHub inboundResolver', hubInboundSpec, spec => {
  const { app, stack } = appAndStack(spec.env);
  const paths = ['Hub', 'Hub/Endpoints', 'Hub/InboundResolver'].map(path => `${stack.node.path}/${path}`);
  return runConfiguration(app, stack, paths, hubInboundMistakes(spec),
    () => buildHubInbound(stack, spec),
    (hub, template) => hubViolations(spec, stack, hub, template));
}, Math.max(1, Math.round(NUM_RUNS / 24)));
