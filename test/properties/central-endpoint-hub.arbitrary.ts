import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as fc from 'fast-check';
import { Choice, mistakes } from './choices';
import { concreteEnv, EnvSpec, envMistakes, envSpec, mostly, OTHER_ACCOUNT, sometimes, stringToken, TokenSource, tokenSource } from './environment';
import { constructId, longIdSpec, plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec, vpcBlockMistakes, VpcBlockSpec, vpcBlockSpec } from './hostile';
import {
  clientCidr, clientCidrMistake, ClientCidrSpec, clientCidrSpec, parameterNameSpec, principalMistake, sharePrincipal,
  SharePrincipalSpec, sharePrincipalSpec, transitGatewayId, TransitGatewaySpec, transitGatewaySpec,
} from './hub-choices';
import {
  bundle, BundleSpec, bundleSpec, interfaceService, InterfaceServiceSpec, interfaceServiceSpec, literalRegion, policy, PolicySpec, policySpec,
  RESTRICTABLE_SERVICES, serviceNameMistakes,
} from './services';
import { buildVpc, VpcSpec, vpcSpec } from './vpcs';
import { CentralEndpointHub, EndpointBundle, HubDnsMode } from '../../src';

/** Services whose zones the zone table gives (dotted names, wildcards, dual-stack names), beside services.ts's. */
const TABLE_SERVICE_KEYS = ['ECR', 'ECR_DOCKER', 'EKS', 'EKS_AUTH', 'KINESIS_STREAMS', 'SAGEMAKER_API', 'APIGATEWAY',
  'CODEARTIFACT_REPOSITORIES'] as const;

/** A service to centralize: any of services.ts's (a PrivateLink service or a deploy-time name is a mistake here). */
export type HubServiceSpec = InterfaceServiceSpec | { readonly kind: 'table'; readonly key: typeof TABLE_SERVICE_KEYS[number] };

export const hubServiceSpec: fc.Arbitrary<HubServiceSpec> = fc.oneof(
  { weight: 3, arbitrary: interfaceServiceSpec },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('table' as const), key: fc.constantFrom(...TABLE_SERVICE_KEYS) }) },
);

export function hubService(stack: Stack, spec: HubServiceSpec): ec2.IInterfaceVpcEndpointService {
  return spec.kind === 'table' ? ec2.InterfaceVpcEndpointAwsService[spec.key] : interfaceService(stack, spec);
}

/** A hub has zones for AWS services' public names only. */
function isAwsServiceSpec(spec: HubServiceSpec): boolean {
  return spec.kind !== 'privatelink' && spec.kind !== 'token';
}

function shortNameOf(spec: HubServiceSpec): string | undefined {
  switch (spec.kind) {
    case 'constant':
    case 'table':
      return ec2.InterfaceVpcEndpointAwsService[spec.key].shortName;
    case 'named':
      return spec.shortName;
    default:
      return undefined;
  }
}

/**
 * A VPC that uses the zones directly, maybe with an endpoint of its own for a service: of the hub's stack (new or
 * imported), or of a stack of another account or an environment-agnostic one, which a hub cannot associate.
 */
export interface AssociatedVpcSpec {
  readonly kind: 'new' | 'imported' | 'other-account' | 'agnostic';
  /** An interface endpoint with private DNS (on unless false) of STS in the VPC. */
  readonly localSts?: { readonly privateDnsEnabled: boolean };
}

export interface HubSpec {
  readonly env: EnvSpec;
  /** Undefined for a VPC the hub defines. */
  readonly vpc?: VpcSpec;
  readonly maxAzs?: number;
  readonly services: HubServiceSpec[];
  readonly bundles: BundleSpec[];
  readonly endpointPolicy?: PolicySpec;
  readonly clientCidrs?: ClientCidrSpec[];
  readonly transitGateway?: TransitGatewaySpec;
  readonly profileEnabled?: boolean;
  readonly dnsMode?: 'PROFILE_ENDPOINTS' | 'HOSTED_ZONES';
  readonly allowedPrincipals: SharePrincipalSpec[];
  readonly associatedVpcs: AssociatedVpcSpec[];
  readonly parameterPrefix?: Choice<string> | { readonly token: TokenSource };
  readonly ipAddresses?: VpcBlockSpec;
  readonly plainJs?: PlainJsSpec;
  readonly longId?: boolean;
  /** add* calls after construction. */
  readonly later: {
    readonly services: HubServiceSpec[];
    readonly bundles: BundleSpec[];
    readonly principals: SharePrincipalSpec[];
    readonly associatedVpcs: AssociatedVpcSpec[];
  };
}

const associatedVpcSpec: fc.Arbitrary<AssociatedVpcSpec> = fc.record({
  kind: mostly(fc.constantFrom('new' as const, 'imported' as const), fc.constantFrom('other-account' as const, 'agnostic' as const)),
  localSts: sometimes(fc.record({ privateDnsEnabled: fc.boolean() })),
}, { requiredKeys: ['kind'] });

const few = <T>(arbitrary: fc.Arbitrary<T>, maxLength: number) => mostly(fc.constant([] as T[]), fc.array(arbitrary, { minLength: 1, maxLength }));
/** Associated VPCs, rarer than `few`: in the default mode, which has no zones to associate, any is a mistake. */
const fewAssociatedVpcs = fc.oneof(
  { weight: 12, arbitrary: fc.constant([] as AssociatedVpcSpec[]) },
  { weight: 1, arbitrary: fc.array(associatedVpcSpec, { minLength: 1, maxLength: 1 }) });

export const hubSpec: fc.Arbitrary<HubSpec> = fc.record({
  env: envSpec(RESTRICTABLE_SERVICES),
  // Mostly a VPC the hub defines, whose lack of an internet path is checked.
  vpc: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: vpcSpec }),
  maxAzs: sometimes(fc.integer({ min: 1, max: 3 })),
  services: fc.array(hubServiceSpec, { maxLength: 4 }),
  bundles: few(bundleSpec, 2),
  endpointPolicy: sometimes(policySpec),
  clientCidrs: sometimes(fc.array(clientCidrSpec, { maxLength: 3 })),
  transitGateway: sometimes(transitGatewaySpec),
  profileEnabled: sometimes(fc.boolean()),
  // The default (the Profile holding the endpoints) or hosted zones, about as often; associated VPCs, a mistake without
  // zones, are common enough that the default alone would leave too few runs reaching a template.
  dnsMode: fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constant('HOSTED_ZONES' as const) },
    { weight: 1, arbitrary: fc.constant('PROFILE_ENDPOINTS' as const) }),
  allowedPrincipals: few(sharePrincipalSpec('allowedPrincipals'), 2),
  associatedVpcs: fewAssociatedVpcs,
  parameterPrefix: sometimes(mostly<Choice<string> | { token: TokenSource }>(parameterNameSpec('parameterPrefix', '/network/endpoint-hub'),
    fc.record({ token: tokenSource }))),
  ipAddresses: sometimes(vpcBlockSpec),
  plainJs: plainJsSpec,
  longId: longIdSpec,
  later: fc.record({
    services: few(hubServiceSpec, 2),
    bundles: few(bundleSpec, 1),
    principals: few(sharePrincipalSpec('allowedPrincipals'), 1),
    associatedVpcs: fewAssociatedVpcs,
  }),
}, { requiredKeys: ['env', 'services', 'bundles', 'allowedPrincipals', 'associatedVpcs', 'later', 'plainJs', 'longId'] });

/** The mode the hub answers in: the one given, else the Profile's unless there is none. */
export function effectiveDnsMode(spec: HubSpec): 'PROFILE_ENDPOINTS' | 'HOSTED_ZONES' {
  return spec.dnsMode ?? (spec.profileEnabled === false ? 'HOSTED_ZONES' : 'PROFILE_ENDPOINTS');
}

/** The short names of every AWS service the hub is asked for, bundles' included. */
function awsShortNames(spec: HubSpec): string[] {
  const { services, bundled } = allServiceSpecs(spec);
  const presets = [...spec.bundles, ...spec.later.bundles].flatMap(b => b.kind === 'preset' ? EndpointBundle[b.name].interfaceEndpoints : [])
    .filter((s): s is ec2.InterfaceVpcEndpointAwsService => s instanceof ec2.InterfaceVpcEndpointAwsService).map(s => s.shortName);
  return [...[...services, ...bundled].filter(isAwsServiceSpec).map(shortNameOf).filter((n): n is string => n !== undefined), ...presets];
}

export function hubId(spec: HubSpec): string {
  return constructId('Hub', spec.longId);
}

/** Whether the hub cannot associate the VPC: CDK cannot pass its ID from another account, or between an agnostic stack and one with a Region. */
function foreignVpc(env: EnvSpec, vpc: AssociatedVpcSpec): boolean {
  return vpc.kind === 'other-account' ? concreteEnv(env) || env.region === undefined
    : vpc.kind === 'agnostic' && env.region !== undefined;
}

/** Every service the hub is asked to centralize, directly or through bundles, now or later. */
function allServiceSpecs(spec: HubSpec): { services: HubServiceSpec[]; bundled: HubServiceSpec[] } {
  const bundled = [...spec.bundles, ...spec.later.bundles].flatMap(b => b.kind === 'custom' ? b.services : []);
  return { services: [...spec.services, ...spec.later.services], bundled };
}

/** The props a spec gets wrong, each of which must be reported. */
export function hubMistakes(spec: HubSpec): string[] {
  const { services, bundled } = allServiceSpecs(spec);
  const principals = [...spec.allowedPrincipals, ...spec.later.principals];
  const zones = effectiveDnsMode(spec) === 'HOSTED_ZONES';
  const associated = [...spec.associatedVpcs, ...spec.later.associatedVpcs];
  const localPrivateDns = zones && awsShortNames(spec).includes('sts') && associated.some(vpc => vpc.localSts?.privateDnsEnabled);
  return [
    ...services.some(s => !isAwsServiceSpec(s)) ? ['interfaceEndpoints'] : [],
    ...bundled.some(s => !isAwsServiceSpec(s)) ? ['bundles'] : [],
    ...(spec.clientCidrs ?? []).map(clientCidrMistake).filter((m): m is string => m !== undefined),
    ...principals.map(principalMistake).filter((m): m is string => m !== undefined),
    ...spec.profileEnabled === false && principals.length > 0 ? ['profileEnabled'] : [],
    ...spec.vpc !== undefined && spec.maxAzs !== undefined ? ['maxAzs'] : [],
    ...spec.vpc !== undefined && spec.ipAddresses !== undefined ? ['ipAddresses (with vpc)'] : [],
    ...spec.vpc === undefined ? vpcBlockMistakes(spec.ipAddresses, spec.env, spec.maxAzs, undefined) : [],
    ...localPrivateDns ? ['associatedVpcs'] : [],
    // The Profile's mode: it needs the Profile, has no zones for VPCs associated directly, and cannot answer for S3 or DynamoDB.
    ...!zones && spec.profileEnabled === false ? ['dnsMode (without a profile)'] : [],
    ...!zones && associated.some(vpc => !foreignVpc(spec.env, vpc)) ? ['associatedVpcs (PROFILE_ENDPOINTS)'] : [],
    ...!zones && awsShortNames(spec).some(name => ['s3', 'dynamodb'].includes(name)) ? ['interfaceEndpoints (s3 or dynamodb, PROFILE_ENDPOINTS)'] : [],
    ...[...spec.associatedVpcs, ...spec.later.associatedVpcs].some(vpc => foreignVpc(spec.env, vpc)) ? ['associatedVpcs (other environment)'] : [],
    ...spec.parameterPrefix && 'value' in spec.parameterPrefix ? mistakes([spec.parameterPrefix]) : [],
    ...serviceNameMistakes('interfaceEndpoints', services.filter((s): s is InterfaceServiceSpec => s.kind !== 'table')),
    ...serviceNameMistakes('bundles', bundled.filter((s): s is InterfaceServiceSpec => s.kind !== 'table')),
    ...envMistakes(spec.env),
    ...plainJsMistakes(spec.plainJs),
  ];
}

export interface HubRequest {
  readonly construct: CentralEndpointHub;
  /** Every service asked for, in order, with repeats. */
  readonly services: ec2.IInterfaceVpcEndpointService[];
  readonly clientCidrs: string[];
  readonly transitGatewayId?: string;
  readonly principals: string[];
}

export function buildHub(stack: Stack, spec: HubSpec, id = hubId(spec)): HubRequest {
  // The user's own constructs keep short IDs: only the hub's path is long, which the hub must cope with.
  const prefix = spec.longId ? 'Hub' : id;
  const vpc = spec.vpc && buildVpc(stack, spec.env, spec.vpc, `${prefix}Network`);
  const initialServices = spec.services.map(s => hubService(stack, s));
  const bundles = spec.bundles.map(b => bundle(stack, b));
  const clientCidrs = spec.clientCidrs?.map(c => clientCidr(stack, c));
  const tgw = spec.transitGateway && transitGatewayId(stack, spec.transitGateway);
  const principals = spec.allowedPrincipals.map(p => sharePrincipal(stack, p));
  const construct = new CentralEndpointHub(stack, id, plainJs('CentralEndpointHub', {
    vpc,
    ipAddresses: spec.ipAddresses && ec2.IpAddresses.cidr(spec.ipAddresses.value),
    maxAzs: spec.maxAzs,
    interfaceEndpoints: initialServices,
    bundles,
    endpointPolicy: spec.endpointPolicy && policy(spec.endpointPolicy),
    clientCidrs,
    transitGatewayId: tgw,
    profileEnabled: spec.profileEnabled,
    dnsMode: spec.dnsMode && HubDnsMode[spec.dnsMode],
    allowedPrincipals: principals,
    associatedVpcs: spec.associatedVpcs.map((a, i) => associatedVpc(stack, a, `${prefix}Associated${i}`)),
    parameterPrefix: spec.parameterPrefix && ('token' in spec.parameterPrefix ? stringToken(stack, spec.parameterPrefix.token) : spec.parameterPrefix.value),
  }, spec.plainJs));
  const laterServices = spec.later.services.map(s => hubService(stack, s));
  laterServices.forEach(s => construct.addInterfaceEndpoint(s));
  const laterBundles = spec.later.bundles.map(b => bundle(stack, b));
  laterBundles.forEach(b => construct.addBundle(b));
  const laterPrincipals = spec.later.principals.map(p => sharePrincipal(stack, p));
  laterPrincipals.forEach(p => construct.addAllowedPrincipal(p));
  spec.later.associatedVpcs.forEach((a, i) => construct.associateVpc(associatedVpc(stack, a, `${prefix}LaterAssociated${i}`)));
  return {
    construct,
    services: [...initialServices, ...bundles.flatMap(b => b.interfaceEndpoints),
      ...laterServices, ...laterBundles.flatMap(b => b.interfaceEndpoints)],
    clientCidrs: clientCidrs ?? [],
    transitGatewayId: tgw,
    principals: [...principals, ...laterPrincipals],
  };
}

function associatedVpc(hubStack: Stack, spec: AssociatedVpcSpec, id: string): ec2.IVpc {
  const stack = spec.kind === 'other-account' || spec.kind === 'agnostic'
    ? new Stack(hubStack.node.root as App, `${id}Stack`, spec.kind === 'agnostic' ? {} : { env: { account: OTHER_ACCOUNT, region: literalRegion(hubStack) } })
    : hubStack;
  const vpc = spec.kind !== 'imported'
    ? new ec2.Vpc(stack, id, { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] })
    : ec2.Vpc.fromVpcAttributes(stack, id, {
      vpcId: 'vpc-0bbbbbbbbbbbbbbbb',
      vpcCidrBlock: '10.1.0.0/16',
      availabilityZones: ['us-east-1a'],
      isolatedSubnetIds: ['subnet-0bbbbbbbbbbbbbbbb'],
    });
  if (spec.localSts) {
    vpc.addInterfaceEndpoint(`${id}Sts`, { service: ec2.InterfaceVpcEndpointAwsService.STS, privateDnsEnabled: spec.localSts.privateDnsEnabled });
  }
  return vpc;
}
