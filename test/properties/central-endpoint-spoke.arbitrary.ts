import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53profiles from 'aws-cdk-lib/aws-route53profiles';
import * as fc from 'fast-check';
import { ACCOUNT, concreteEnv, EnvSpec, envMistakes, envSpec, mostly, OTHER_ACCOUNT, sometimes } from './environment';
import { plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import { clientCidr, ClientCidrSpec, clientCidrSpec, IPV4_CLIENT_CIDRS, transitGatewayId, TransitGatewaySpec, transitGatewaySpec } from './hub-choices';
import { buildVpc, VpcSpec, vpcSpec } from './vpcs';
import { CentralEndpointHub, CentralEndpointSpoke } from '../../src';

const PROFILE_ID = 'rp-0123456789abcdef';
const HUB_CIDR = '10.100.0.0/16';
const OTHER_REGION = 'eu-central-1';

export interface SpokeSpec {
  readonly env: EnvSpec;
  readonly vpc: VpcSpec;
  /** A hub in this stack, in another stack of the environment, or in another Region. */
  readonly hub?: {
    readonly where: 'same-stack' | 'other-stack' | 'other-region' | 'other-account';
    readonly profileEnabled: boolean;
    readonly clientCidrs: ClientCidrSpec[];
    /** The hub's VPC has the spoke VPC's block, where it is known. */
    readonly overlapping?: boolean;
  };
  /** `profileId: ''`. */
  readonly emptyProfileId?: boolean;
  readonly plainJs?: PlainJsSpec;
  /** Whether `profileId` is given; undefined for exactly when `hub` is not (the right wiring). */
  readonly profileId?: boolean;
  readonly hubCidrs?: ClientCidrSpec[];
  readonly transitGateway?: TransitGatewaySpec;
  readonly centralizedServices?: string[];
  /** An interface endpoint of STS in the spoke VPC, with private DNS unless false. */
  readonly localSts?: { readonly privateDnsEnabled: boolean };
  /** Another profile association of the spoke VPC, made with the L1. */
  readonly secondAssociation: boolean;
}

export const spokeSpec: fc.Arbitrary<SpokeSpec> = fc.record({
  env: envSpec([]),
  vpc: vpcSpec,
  hub: fc.option(fc.record({
    where: mostly(fc.constantFrom('same-stack' as const, 'other-stack' as const), fc.constantFrom('other-region' as const, 'other-account' as const)),
    overlapping: sometimes(fc.constant(true)),
    profileEnabled: mostly(fc.constant(true), fc.constant(false)),
    // Mostly blocks that hold every spoke VPC of vpcs.ts; sometimes any entries, right or wrong.
    clientCidrs: mostly(fc.constant<ClientCidrSpec[]>([{ value: '10.0.0.0/8' }, { value: '100.64.0.0/10' }]), fc.array(clientCidrSpec, { maxLength: 2 })),
  }), { nil: undefined }),
  profileId: sometimes(fc.boolean()),
  hubCidrs: sometimes(fc.array(clientCidrSpec, { maxLength: 2 })),
  transitGateway: sometimes(transitGatewaySpec),
  centralizedServices: sometimes(fc.subarray(['sts', 'ssm', 'ecr.api'])),
  localSts: sometimes(fc.record({ privateDnsEnabled: fc.boolean() })),
  secondAssociation: mostly(fc.constant(false), fc.constant(true)),
  emptyProfileId: sometimes(fc.constant(true)),
  plainJs: plainJsSpec,
}, { requiredKeys: ['env', 'vpc', 'secondAssociation', 'plainJs'] });

export function profileIdGiven(spec: SpokeSpec): boolean {
  return spec.profileId ?? spec.hub === undefined;
}

/** The spoke VPC's IPv4 blocks as vpcs.ts defines them: the default block of a new VPC and its secondary block, or the imported one. */
function spokeCidrs(vpc: VpcSpec): string[] {
  if (vpc.kind === 'new') {
    return vpc.secondaryCidr ? ['10.0.0.0/16', '100.64.0.0/16'] : ['10.0.0.0/16'];
  }
  return vpc.cidr ? ['10.8.0.0/16'] : [];
}

function ipv4Contains(outer: string, inner: string): boolean {
  const toNumber = (ip: string) => ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const [outerBase, outerBits] = outer.split('/');
  const [innerBase, innerBits] = inner.split('/');
  const size = 2 ** (32 - Number(outerBits));
  return Number(innerBits) >= Number(outerBits) && Math.floor(toNumber(innerBase) / size) === Math.floor(toNumber(outerBase) / size);
}

/** The props a spec gets wrong, each of which must be reported. */
export function spokeMistakes(spec: SpokeSpec): string[] {
  const hub = spec.hub;
  const hubCidrCount = spec.hubCidrs?.length ?? (hub ? 1 : 0);
  const literalClientCidrs = hub?.clientCidrs.every(c => !('kind' in c) && c.mistake === undefined && IPV4_CLIENT_CIDRS.includes(c.value));
  // The hub admits the spoke only if its clientCidrs hold every known block of the spoke; undecidable with prefix lists, IPv6 or tokens.
  const notAdmitted = hub !== undefined && literalClientCidrs
    && spokeCidrs(spec.vpc).some(cidr => !hub.clientCidrs.some(c => ipv4Contains((c as { value: string }).value, cidr)));
  const centralizesSts = (spec.centralizedServices ?? (hub ? ['sts'] : [])).includes('sts');
  const known = spokeCidrs(spec.vpc);
  // Routes through the Transit Gateway to a block equal to or inside the spoke VPC's own, which EC2 refuses.
  const destinations = spec.hubCidrs ? spec.hubCidrs.flatMap(c => 'kind' in c || c.mistake ? [] : [c.value])
    : hub ? [hub.overlapping && known.length > 0 ? known[0] : HUB_CIDR] : [];
  const routesInside = spec.transitGateway !== undefined
    && destinations.some(d => !d.includes(':') && !d.startsWith('pl-') && known.some(cidr => ipv4Contains(cidr, d)));
  return [
    ...routesInside ? ['hubCidrs (inside the spoke VPC)'] : [],
    ...hub?.overlapping && known.length > 0 ? ['hub (overlaps the spoke VPC)'] : [],
    ...hub?.where === 'other-account' && (concreteEnv(spec.env) || spec.env.region === undefined) ? ['hub (other account)'] : [],
    ...spec.emptyProfileId && profileIdGiven(spec) ? ['profileId (empty)'] : [],
    ...envMistakes(spec.env),
    ...plainJsMistakes(spec.plainJs),
    ...(hub !== undefined) === profileIdGiven(spec) ? ['hub'] : [],
    ...spec.transitGateway !== undefined && hubCidrCount === 0 ? ['transitGatewayId'] : [],
    ...spec.transitGateway === undefined && spec.hubCidrs !== undefined && spec.hubCidrs.length > 0 && !hub ? ['hubCidrs'] : [],
    ...(spec.hubCidrs ?? []).flatMap(c => 'kind' in c || c.mistake === undefined ? [] : ['hubCidrs']),
    ...hub && !hub.profileEnabled ? ['hub (profile)'] : [],
    ...hub?.where === 'other-region' && spec.env.region !== OTHER_REGION ? ['hub (Region)'] : [],
    ...notAdmitted ? ['hub (clientCidrs)'] : [],
    ...spec.localSts?.privateDnsEnabled && centralizesSts ? ['vpc (local endpoint)'] : [],
    ...spec.secondAssociation ? ['vpc (second profile)'] : [],
    ...spec.vpc.kind === 'new' && !spec.vpc.dnsSupport ? ['vpc (DNS)'] : [],
    ...(hub?.clientCidrs ?? []).flatMap(c => 'kind' in c || c.mistake === undefined ? [] : ['hub (clientCidrs)']),
  ];
}

export interface SpokeRequest {
  readonly construct: CentralEndpointSpoke;
  readonly hub?: CentralEndpointHub;
  readonly hubCidrs: string[];
  readonly transitGatewayId?: string;
}

export function buildSpoke(app: App, stack: Stack, spec: SpokeSpec): SpokeRequest {
  const vpc = buildVpc(stack, spec.env, spec.vpc);
  const hub = spec.hub && buildSpokeHub(app, stack, spec.hub, spokeCidrs(spec.vpc)[0]);
  const hubCidrs = spec.hubCidrs?.map(c => clientCidr(stack, c));
  const tgw = spec.transitGateway && transitGatewayId(stack, spec.transitGateway);
  if (spec.localSts) {
    // A security group of its own: aws-cdk-lib's default one needs the VPC's CIDR block, which an imported VPC may lack.
    new ec2.InterfaceVpcEndpoint(stack, 'LocalSts', {
      vpc,
      service: ec2.InterfaceVpcEndpointAwsService.STS,
      privateDnsEnabled: spec.localSts.privateDnsEnabled,
      open: false,
      securityGroups: [new ec2.SecurityGroup(stack, 'LocalStsSecurityGroup', { vpc })],
    });
  }
  if (spec.secondAssociation) {
    new route53profiles.CfnProfileAssociation(stack, 'OtherAssociation', { name: 'other', profileId: 'rp-0fedcba987654321', resourceId: vpc.vpcId });
  }
  const construct = new CentralEndpointSpoke(stack, 'Spoke', plainJs('CentralEndpointSpoke', {
    vpc,
    hub,
    profileId: profileIdGiven(spec) ? spec.emptyProfileId ? '' : PROFILE_ID : undefined,
    hubCidrs,
    transitGatewayId: tgw,
    centralizedServices: spec.centralizedServices,
  }, spec.plainJs));
  return { construct, hub, hubCidrs: hubCidrs ?? (hub?.vpcCidrBlock ? [hub.vpcCidrBlock] : []), transitGatewayId: tgw };
}

function buildSpokeHub(app: App, stack: Stack, spec: NonNullable<SpokeSpec['hub']>, spokeCidr: string | undefined): CentralEndpointHub {
  const hubStack = spec.where === 'same-stack' ? stack : new Stack(app, 'HubStack', {
    env: spec.where === 'other-region' ? { account: ACCOUNT, region: OTHER_REGION }
      : spec.where === 'other-account' ? { account: OTHER_ACCOUNT, region: stack.region.startsWith('${') ? 'us-east-1' : stack.region }
        : stack.region.startsWith('${') ? undefined : { account: ACCOUNT, region: stack.region },
  });
  return new CentralEndpointHub(hubStack, 'Hub', {
    ipAddresses: ec2.IpAddresses.cidr(spec.overlapping && spokeCidr ? spokeCidr : HUB_CIDR),
    maxAzs: 1,
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS],
    clientCidrs: spec.clientCidrs.map(c => clientCidr(hubStack, c)),
    profileEnabled: spec.profileEnabled,
  });
}
