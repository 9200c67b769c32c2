import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as fc from 'fast-check';
import { Choice, choice, mistakes, seldomChoice } from './choices';
import { EnvSpec, envMistakes, envSpec, mostly, seldom, sometimes, stringToken, TokenSource, tokenSource } from './environment';
import { plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import { parameterNameSpec, principalMistake, sharePrincipal, SharePrincipalSpec, sharePrincipalSpec } from './hub-choices';
import { buildVpc, subnetGroups, subnetSelection, SubnetSelectionSpec, subnetSelectionSpec, VpcSpec, vpcSpec } from './vpcs';
import { PortRange, PrivateResourceShare, ResourceDefinition, ResourceGatewayIpAddressType } from '../../src';

/** One host: by domain name (resolving to IPv4 or IPv6) or by IP address, right or wrong. */
export type SingleSpec =
  | { readonly kind: 'dns'; readonly name: Choice<string>; readonly ipv6: boolean }
  | { readonly kind: 'ip'; readonly address: Choice<string> };

/**
 * How a database is imported: with its endpoint and port as a number, or as JavaScript users get it wrong: without
 * endpoint and port, with the port as a string, or as a deploy-time string.
 */
export type DatabaseImportSpec = 'number' | 'none' | 'string' | TokenSource;

export type DefinitionSpec =
  | { readonly kind: 'rdsInstance' | 'rdsCluster'; readonly port?: DatabaseImportSpec }
  | SingleSpec
  | { readonly kind: 'group'; readonly members: ReadonlyArray<{ readonly name: string; readonly single: SingleSpec; readonly subdomain?: string }> };

export interface ShareSpec {
  readonly env: EnvSpec;
  readonly vpc: VpcSpec;
  readonly resource: DefinitionSpec;
  readonly portRanges?: Array<Choice<[number, number]>>;
  readonly vpcSubnets?: SubnetSelectionSpec;
  readonly securityGroups?: number;
  readonly ipAddressType?: ResourceGatewayIpAddressType;
  readonly allowedPrincipals: SharePrincipalSpec[];
  readonly laterPrincipals: SharePrincipalSpec[];
  readonly allowExternalPrincipals?: boolean;
  readonly customDomainName?: Choice<string>;
  readonly domainVerificationId?: Choice<string>;
  readonly publicHostedZone?: 'new' | 'attributes' | 'attributes-other-domain' | 'fromPublicHostedZoneId';
  readonly resourceConfigurationName?: Choice<string>;
  readonly resourceConfigurationArnParameter?: Choice<string> | { readonly token: TokenSource };
  readonly plainJs?: PlainJsSpec;
}

/**
 * @param inVpc an IPv4 address in the VPC (vpcs.ts defines 10.0.0.0/16 and imports 10.8.0.0/16); sometimes the address is
 * the other one, outside the VPC, or IPv6
 */
const singleSpec = (inVpc: string): fc.Arbitrary<SingleSpec> => fc.oneof(
  fc.record({
    kind: fc.constant('dns' as const),
    name: seldomChoice('resource', ['db.example.net', 'Cache.Example.Net.'], ['db', 'bad_name.example.net', `${'a'.repeat(64)}.example.net`]),
    ipv6: seldom(fc.constant(false), fc.constant(true)),
  }),
  fc.record({
    kind: fc.constant('ip' as const),
    address: seldom(seldomChoice('resource', [inVpc], ['10.0.1', 'host']),
      fc.constantFrom({ value: '10.0.1.25' }, { value: '10.8.1.25' }, { value: '2001:db8::25' })),
  }),
);

const groupMemberSpec = (inVpc: string) => fc.record({
  name: fc.constantFrom('Primary', 'Replica', 'Cache'),
  single: singleSpec(inVpc),
  subdomain: sometimes(fc.constantFrom('primary.orders.example.com', 'other.example.org')),
}, { requiredKeys: ['name', 'single'] });

const definitionSpec = (inVpc: string): fc.Arbitrary<DefinitionSpec> => fc.oneof(
  fc.record({
    kind: fc.constantFrom('rdsInstance' as const, 'rdsCluster' as const),
    port: seldom(fc.constant(undefined), fc.constantFrom<DatabaseImportSpec>('none', 'string', 'parameter', 'lazy')),
  }, { requiredKeys: ['kind'] }),
  singleSpec(inVpc),
  fc.record({
    kind: fc.constant('group' as const),
    // Mostly members of unique names; sometimes none, or a name twice.
    members: mostly(
      fc.uniqueArray(groupMemberSpec(inVpc), { minLength: 1, maxLength: 3, selector: member => member.name }),
      fc.array(groupMemberSpec(inVpc), { maxLength: 3 })),
  }),
);

/**
 * Stacks of the commercial partition, or environment-agnostic: the resource schemas that aws-cdk-lib bundles have no
 * AWS::VpcLattice::ResourceGateway or ResourceConfiguration in the China and GovCloud Regions, which the library does not
 * check (an open question, left to the lead: the China documentation describes resource gateways).
 */
export const resourceEnvSpec: fc.Arbitrary<EnvSpec> = envSpec([]).filter(env => !/^(cn|us-gov)-/.test(env.region ?? ''));

// Rarely none at all (`portRanges: []`), which opens no port: the share's runs have the most mistakes already, and a
// third must reach a template (construct-property.ts).
const portRangesSpec = fc.oneof(
  {
    weight: 15,
    arbitrary: fc.array(seldomChoice<[number, number]>('portRanges', [[443, 443], [8000, 8099], [5432, 5432]], [[0, 0], [9000, 8000], [443, 70000]]),
      { minLength: 1, maxLength: 1 }),
  },
  { weight: 1, arbitrary: fc.constant<Array<Choice<[number, number]>>>([]) });

export const shareSpec: fc.Arbitrary<ShareSpec> = fc.tuple(resourceEnvSpec, vpcSpec)
  .chain(([env, vpc]) => fc.tuple(fc.constant(env), fc.constant(vpc), definitionSpec(vpc.kind === 'new' ? '10.0.1.25' : '10.8.1.25')))
  .chain(([env, vpc, resource]) => fc.record({
    env: fc.constant(env),
    vpc: fc.constant(vpc),
    resource: fc.constant(resource),
    // Mostly as the resource needs them, none for a database and some for the others, and rarely not: the share's runs
    // have the most mistakes, and a third must reach a template.
    portRanges: resource.kind === 'rdsInstance' || resource.kind === 'rdsCluster'
      ? seldom(fc.constant(undefined), portRangesSpec)
      : seldom(portRangesSpec, fc.constant(undefined)),
    vpcSubnets: sometimes(subnetSelectionSpec(subnetGroups(vpc))),
    securityGroups: sometimes(fc.integer({ min: 1, max: 6 })),
    // The VPCs generated have IPv4-only subnets, in which an IPv6 or dual-stack gateway is a mistake (in imported ones,
    // whose ranges are not known, it is not judged).
    ipAddressType: sometimes(mostly(fc.constant(ResourceGatewayIpAddressType.IPV4),
      fc.constantFrom(ResourceGatewayIpAddressType.DUALSTACK, ResourceGatewayIpAddressType.IPV6))),
    allowedPrincipals: fc.array(sharePrincipalSpec('allowedPrincipals'), { maxLength: 1 }),
    laterPrincipals: mostly(fc.constant<SharePrincipalSpec[]>([]), fc.array(sharePrincipalSpec('allowedPrincipals'), { minLength: 1, maxLength: 1 })),
    allowExternalPrincipals: sometimes(fc.boolean()),
    customDomainName: sometimes(choice('customDomainName', ['orders.example.com', 'Orders.Example.Com.'], ['orders', 'bad_name.example.com'])),
    domainVerificationId: sometimes(choice('domainVerificationId', ['dv-0123456789abcdef0'], ['dv-1', 'verification'])),
    publicHostedZone: sometimes(mostly(fc.constantFrom('new' as const, 'attributes' as const),
      fc.constantFrom('attributes-other-domain' as const, 'fromPublicHostedZoneId' as const))),
    resourceConfigurationName: sometimes(choice('resourceConfigurationName', ['orders-db'], ['Orders', 'rcfg-orders', 'a-', 'x'])),
    resourceConfigurationArnParameter: sometimes(mostly<Choice<string> | { token: TokenSource }>(
      parameterNameSpec('resourceConfigurationArnParameter', '/resources/orders/arn'), fc.record({ token: tokenSource }))),
    plainJs: plainJsSpec,
    orphanVerification: mostly(fc.constant(false), fc.constant(true)),
  }, { requiredKeys: ['env', 'vpc', 'resource', 'portRanges', 'allowedPrincipals', 'laterPrincipals', 'orphanVerification', 'plainJs'] }))
  // Mostly, a verification and members' domains come with a custom domain name; sometimes without one, a mistake.
  .map(({ orphanVerification, ...spec }) => spec.customDomainName !== undefined || orphanVerification ? spec : {
    ...spec,
    domainVerificationId: undefined,
    publicHostedZone: undefined,
    resource: spec.resource.kind === 'group' ? { ...spec.resource, members: spec.resource.members.map(m => ({ ...m, subdomain: undefined })) } : spec.resource,
  });

function singles(resource: DefinitionSpec): SingleSpec[] {
  return resource.kind === 'group' ? resource.members.map(m => m.single) : resource.kind === 'dns' || resource.kind === 'ip' ? [resource] : [];
}

function family(host: SingleSpec): 'IPV4' | 'IPV6' | undefined {
  if (host.kind === 'dns') {
    return host.ipv6 ? 'IPV6' : 'IPV4';
  }
  return host.address.mistake ? undefined : host.address.value.includes(':') ? 'IPV6' : 'IPV4';
}

/** The VPC's IPv4 block, when every block is known (vpcs.ts: 10.0.0.0/16 and maybe 100.64.0.0/16, or 10.8.0.0/16 imported). */
function vpcPrefix(vpc: VpcSpec): string | undefined {
  if (vpc.kind === 'new') {
    return '10.0.';
  }
  return vpc.cidr ? '10.8.' : undefined;
}

/** The props a spec gets wrong, each of which must be reported. */
export function shareMistakes(spec: ShareSpec): string[] {
  const resource = spec.resource;
  const isRds = resource.kind === 'rdsInstance' || resource.kind === 'rdsCluster';
  const all = singles(resource);
  const prefix = vpcPrefix(spec.vpc);
  const gatewayFamily = spec.ipAddressType ?? ResourceGatewayIpAddressType.IPV4;
  const domain = spec.customDomainName;
  const members = resource.kind === 'group' ? resource.members : [];
  const found: string[] = [
    ...mistakes(all.map(s => s.kind === 'dns' ? s.name : s.address)),
    ...mistakes([...spec.portRanges ?? [], domain, spec.domainVerificationId]),
    ...mistakes([spec.resourceConfigurationName,
      spec.resourceConfigurationArnParameter && 'value' in spec.resourceConfigurationArnParameter ? spec.resourceConfigurationArnParameter : undefined]),
    ...envMistakes(spec.env),
    ...plainJsMistakes(spec.plainJs),
    ...[...spec.allowedPrincipals, ...spec.laterPrincipals].map(principalMistake).filter((m): m is string => m !== undefined),
  ];
  // An instance imported without its endpoint address but with its port is shared by ARN on that port, which is enough.
  if (isRds && resource.port !== undefined && resource.port !== 'number' && !(resource.kind === 'rdsInstance' && resource.port === 'none')) {
    found.push(`resource (database imported with port ${resource.port})`);
  }
  if (!isRds && spec.portRanges?.length === 0) {
    found.push('portRanges (empty)');
  }
  // The VPCs of vpcs.ts defined in the app have IPv4 subnets only; imported subnets may have IPv6 blocks unknown to the app.
  if (spec.vpc.kind === 'new' && spec.ipAddressType !== undefined && spec.ipAddressType !== ResourceGatewayIpAddressType.IPV4) {
    found.push('ipAddressType (IPv4-only subnets)');
  }
  // An empty list is none (it opens no port): a mistake for the others, not for a database.
  if (isRds ? (spec.portRanges ?? []).length > 0 : spec.portRanges === undefined) {
    found.push('portRanges (given for a database, or missing)');
  }
  if (isRds && domain !== undefined) {
    found.push('customDomainName (for a database)');
  }
  if (resource.kind === 'group' && (members.length === 0 || new Set(members.map(m => m.name)).size < members.length)) {
    found.push('resource (group members)');
  }
  if (members.some(m => m.subdomain !== undefined && (domain === undefined || domain.mistake === undefined && !m.subdomain.endsWith('.orders.example.com')))) {
    found.push('resource (member domain)');
  }
  if (prefix && all.some(s => s.kind === 'ip' && !s.address.mistake && !s.address.value.includes(':') && !s.address.value.startsWith(prefix))) {
    found.push('resource (IP outside the VPC)');
  }
  if (gatewayFamily !== ResourceGatewayIpAddressType.DUALSTACK && all.some(s => family(s) !== undefined && family(s) !== gatewayFamily)) {
    found.push('ipAddressType');
  }
  if ((spec.securityGroups ?? 0) > 5) {
    found.push('securityGroups');
  }
  if (spec.domainVerificationId !== undefined && domain === undefined) {
    found.push('domainVerificationId (without customDomainName)');
  }
  if (spec.publicHostedZone !== undefined && (domain === undefined || spec.domainVerificationId !== undefined
    || spec.publicHostedZone === 'fromPublicHostedZoneId' || spec.publicHostedZone === 'attributes-other-domain')) {
    found.push('publicHostedZone');
  }
  return found;
}

export interface ShareRequest {
  readonly construct: PrivateResourceShare;
  readonly vpc: ec2.IVpc;
  readonly principals: string[];
}

export function buildShare(stack: Stack, spec: ShareSpec): ShareRequest {
  const vpc = buildVpc(stack, spec.env, spec.vpc);
  const principals = spec.allowedPrincipals.map(p => sharePrincipal(stack, p));
  const construct = new PrivateResourceShare(stack, 'Share', plainJs('PrivateResourceShare', {
    vpc,
    resource: definition(stack, vpc, spec.resource),
    portRanges: spec.portRanges?.map(({ value: [from, to] }) => from === to ? PortRange.tcp(from) : PortRange.tcpRange(from, to)),
    vpcSubnets: spec.vpcSubnets && subnetSelection(vpc.availabilityZones, spec.vpcSubnets),
    securityGroups: spec.securityGroups === undefined ? undefined
      : [...Array(spec.securityGroups).keys()].map(i => new ec2.SecurityGroup(stack, `GatewaySecurityGroup${i}`, { vpc })),
    ipAddressType: spec.ipAddressType,
    allowedPrincipals: principals,
    allowExternalPrincipals: spec.allowExternalPrincipals,
    customDomainName: spec.customDomainName?.value,
    domainVerificationId: spec.domainVerificationId?.value,
    publicHostedZone: spec.publicHostedZone && publicZone(stack, spec.publicHostedZone),
    resourceConfigurationName: spec.resourceConfigurationName?.value,
    resourceConfigurationArnParameter: spec.resourceConfigurationArnParameter && ('token' in spec.resourceConfigurationArnParameter
      ? stringToken(stack, spec.resourceConfigurationArnParameter.token) : spec.resourceConfigurationArnParameter.value),
  }, spec.plainJs));
  const later = spec.laterPrincipals.map(p => sharePrincipal(stack, p));
  later.forEach(p => construct.addAllowedPrincipal(p));
  return { construct, vpc, principals: [...principals, ...later] };
}

function single(spec: SingleSpec): ResourceDefinition {
  return spec.kind === 'dns'
    ? ResourceDefinition.dnsName(spec.name.value, spec.ipv6 ? ec2.IpAddressType.IPV6 : undefined)
    : ResourceDefinition.ipAddress(spec.address.value);
}

/** Databases imported by attributes: their ARN, port and security groups are what the definition reads. */
function definition(stack: Stack, vpc: ec2.IVpc, spec: DefinitionSpec): ResourceDefinition {
  switch (spec.kind) {
    case 'rdsInstance':
      return ResourceDefinition.rdsInstance(rds.DatabaseInstance.fromDatabaseInstanceAttributes(stack, 'Db', {
        instanceIdentifier: 'orders',
        ...databaseEndpoint(stack, spec.port, 'orders.example.internal', 'instanceEndpointAddress') as { instanceEndpointAddress: string; port: number },
        securityGroups: [new ec2.SecurityGroup(stack, 'DbSecurityGroup', { vpc })],
      }));
    case 'rdsCluster':
      return ResourceDefinition.rdsCluster(rds.DatabaseCluster.fromDatabaseClusterAttributes(stack, 'Cluster', {
        clusterIdentifier: 'orders',
        ...databaseEndpoint(stack, spec.port, 'orders.cluster.example.internal', 'clusterEndpointAddress'),
        securityGroups: [new ec2.SecurityGroup(stack, 'ClusterSecurityGroup', { vpc })],
      }));
    case 'group':
      return ResourceDefinition.group(spec.members.map(m => ({ name: m.name, definition: single(m.single), customDomainName: m.subdomain })));
    default:
      return single(spec);
  }
}

/** The endpoint address and port of a database import, as the spec has them (JavaScript lets the port be a string). */
function databaseEndpoint(stack: Stack, spec: DatabaseImportSpec | undefined, address: string, key: string): { [key: string]: any } {
  switch (spec ?? 'number') {
    case 'number':
      return { [key]: address, port: 5432 };
    case 'none':
      // aws-cdk-lib's instance import needs the port itself (it throws in the user's call otherwise): only the cluster's
      // import can lack both.
      return key === 'instanceEndpointAddress' ? { port: 5432 } : {};
    case 'string':
      return { [key]: address, port: '5432' };
    default:
      return { [key]: address, port: stringToken(stack, spec as TokenSource) };
  }
}

function publicZone(stack: Stack, kind: NonNullable<ShareSpec['publicHostedZone']>): route53.IPublicHostedZone {
  switch (kind) {
    case 'new':
      return new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });
    case 'attributes':
      return route53.PublicHostedZone.fromPublicHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'example.com' });
    case 'attributes-other-domain':
      return route53.PublicHostedZone.fromPublicHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'example.org' });
    case 'fromPublicHostedZoneId':
      return route53.PublicHostedZone.fromPublicHostedZoneId(stack, 'Zone', 'Z0123456789');
  }
}
