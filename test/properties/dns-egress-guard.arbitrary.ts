import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as fc from 'fast-check';
import { Choice, choice, mistakes } from './choices';
import { EnvSpec, envMistakes, envSpec, mostly, REGIONS, seldom, sometimes, stringToken, TokenSource, tokenSource } from './environment';
import { constructId, longIdSpec, plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import {
  CentralEndpointHub,
  DnsEgressAction,
  DnsEgressGuard,
  DnsEgressGuardOptions,
  DnsThreatConfidence,
  DnsThreatProtection,
  PrivateEgressVpc,
} from '../../src';

// A DNS egress guard on each kind of VPC it can filter: a PrivateEgressVpc's, a hub's (through its Profile too), a VPC
// defined with aws-cdk-lib whose endpoints are L1s, and an imported VPC; with allowed names good and bad, written as
// users write them, and the guard's other options.

/** The kinds of VPC the guard is put on. */
export type GuardHost = 'private-egress-vpc' | 'hub' | 'hub-without-profile' | 'plain-vpc' | 'imported-vpc';

/** The AWS services the generator gives the VPC endpoints of, by their aws-cdk-lib names, with their SDK hosts' first labels. */
export const INTERFACE_SERVICES: Record<string, { readonly service: ec2.InterfaceVpcEndpointAwsService; readonly host: string }> = {
  'ssm': { service: ec2.InterfaceVpcEndpointAwsService.SSM, host: 'ssm' },
  'ecr.dkr': { service: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER, host: 'dkr.ecr' },
  'ecr.api': { service: ec2.InterfaceVpcEndpointAwsService.ECR, host: 'api.ecr' },
  'kms': { service: ec2.InterfaceVpcEndpointAwsService.KMS, host: 'kms' },
  'logs': { service: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS, host: 'logs' },
};

/** Names that cover everything a VPC of the generator needs, in every partition the environments use. */
export const COVERING_DOMAINS = ['*.amazonaws.com', '*.amazonaws.com.cn', '*.internal', '*.example.com'];

export interface GuardSpec {
  readonly env: EnvSpec;
  readonly host: GuardHost;
  readonly interfaceServices: string[];
  /** A private hosted zone `corp.example.com` associated with the VPC. */
  readonly zone: boolean;
  readonly allowedDomains: Array<Choice<string | TokenSource>>;
  /** Whether `allowEndpointDomains` is false, and then whether `allowedDomains` covers what the VPC needs. */
  readonly ownNamesOnly?: { readonly covering: boolean };
  readonly action?: DnsEgressAction;
  readonly threatProtections: DnsThreatProtection[];
  readonly threatConfidence?: DnsThreatConfidence;
  readonly priority?: Choice<number>;
  readonly failOpen?: boolean;
  readonly queryLogging?: boolean;
  /** Domains added with `addAllowedDomains()` after construction. */
  readonly laterDomains: string[];
  readonly longId: boolean;
  readonly plainJs?: PlainJsSpec;
}

const domainChoice: fc.Arbitrary<Choice<string | TokenSource>> = mostly(
  choice('allowedDomains', ['api.example.com', '*.partner.example.net', 'API.Example.COM.', '*.internal', 'corp.example.com'], ['*', 'localhost', 'a.*.example.com', 'http://example.com']),
  tokenSource.map(source => ({ value: source })),
);

export const guardSpec: fc.Arbitrary<GuardSpec> = fc.record({
  env: envSpec([]),
  host: fc.constantFrom<GuardHost>('private-egress-vpc', 'private-egress-vpc', 'hub', 'hub-without-profile', 'plain-vpc', 'imported-vpc'),
  interfaceServices: fc.uniqueArray(fc.constantFrom(...Object.keys(INTERFACE_SERVICES)), { maxLength: 4 }),
  zone: fc.boolean(),
  allowedDomains: fc.array(domainChoice, { maxLength: 4 }),
  ownNamesOnly: sometimes(fc.record({ covering: fc.boolean() })),
  action: sometimes(fc.constantFrom(DnsEgressAction.BLOCK, DnsEgressAction.ALERT)),
  threatProtections: fc.array(fc.constantFrom(...Object.values(DnsThreatProtection)), { maxLength: 3 }),
  threatConfidence: sometimes(fc.constantFrom(DnsThreatConfidence.LOW, DnsThreatConfidence.MEDIUM, DnsThreatConfidence.HIGH)),
  priority: sometimes(choice('priority', [101, 5000, 9899], [100, 9900, 150.5])),
  failOpen: sometimes(fc.boolean()),
  queryLogging: sometimes(fc.boolean()),
  laterDomains: seldom(fc.constant<string[]>([]), fc.constant(['later.example.org'])),
  longId: longIdSpec,
  plainJs: plainJsSpec,
});

/** What the run asked for, as the invariants read it. */
export interface GuardRequest {
  readonly guard: DnsEgressGuard;
  readonly vpc: ec2.IVpc;
  /** The hub, whose Profile spokes inherit the guard through; undefined on other VPCs. */
  readonly hub?: CentralEndpointHub;
  /** The allowed domains as given to the construct (tokens as strings). */
  readonly allowedDomains: string[];
}

/** The constructs that report the run's mistakes: the guard, and the PrivateEgressVpc or hub it is on. */
export function guardPaths(stack: Stack, spec: GuardSpec): string[] {
  const path = `${stack.node.path}/${constructId('Guarded', spec.longId)}`;
  if (isHub(spec)) {
    return [path, `${path}/Endpoints`, `${path}/Endpoints/DnsEgressGuard`];
  }
  return spec.host === 'private-egress-vpc' ? [path, `${stack.node.path}/Egress`] : [path];
}

function isHub(spec: GuardSpec): boolean {
  return spec.host === 'hub' || spec.host === 'hub-without-profile';
}

/** The props the configuration gets wrong, which synth must report. */
export function guardMistakes(spec: GuardSpec): string[] {
  const blocks = (spec.action ?? DnsEgressAction.BLOCK) === DnsEgressAction.BLOCK;
  return [
    ...envMistakes(spec.env),
    ...(spec.env.region === undefined ? ['env (no Region for the service names)'] : []),
    ...mistakes([...spec.allowedDomains, spec.priority]),
    ...(spec.threatConfidence !== undefined && spec.threatProtections.length === 0 ? ['threatConfidence (no protections)'] : []),
    ...(spec.ownNamesOnly && !spec.ownNamesOnly.covering && blocks && !givenDomainsCover(spec) ? ['allowedDomains (leaves out the VPC\'s names)'] : []),
    ...(spec.failOpen && ['cn-north-1', 'us-gov-west-1'].includes(spec.env.region ?? '') ? ['failOpen (no firewall config in the Region)'] : []),
    ...plainJsMistakes(hostsPlainJs(spec)),
  ];
}

export function buildGuard(stack: Stack, spec: GuardSpec): GuardRequest {
  const allowedDomains = [
    ...spec.allowedDomains.map(domain => domain.mistake !== undefined || isDomain(domain.value) ? domain.value : stringToken(stack, domain.value)),
    ...(spec.ownNamesOnly?.covering ? COVERING_DOMAINS : []),
  ];
  const options: DnsEgressGuardOptions = {
    allowedDomains,
    allowEndpointDomains: spec.ownNamesOnly ? false : undefined,
    action: spec.action,
    threatProtections: spec.threatProtections,
    threatConfidence: spec.threatConfidence,
    priority: spec.priority?.value,
    failOpen: spec.failOpen,
    queryLogging: spec.queryLogging,
  };
  const id = constructId('Guarded', spec.longId);
  const services = spec.interfaceServices.map(name => INTERFACE_SERVICES[name].service);
  const withVpc = (vpc: ec2.IVpc) => plainJs('DnsEgressGuard', { ...options, vpc }, hostsPlainJs(spec));
  let guard: DnsEgressGuard;
  let vpc: ec2.IVpc;
  let hub: CentralEndpointHub | undefined;
  switch (spec.host) {
    case 'private-egress-vpc': {
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: services });
      vpc = egress.vpc;
      guard = new DnsEgressGuard(stack, id, withVpc(vpc));
      break;
    }
    case 'hub':
    case 'hub-without-profile': {
      // The hub's own guard is the one under test; its options are those the run gives.
      hub = new CentralEndpointHub(stack, id, { interfaceEndpoints: services, profileEnabled: spec.host === 'hub', dnsEgressGuard: options });
      vpc = hub.vpc;
      guard = hub.node.findChild('Endpoints').node.findChild('DnsEgressGuard') as DnsEgressGuard;
      break;
    }
    case 'plain-vpc': {
      vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      spec.interfaceServices.forEach(name => vpc.addInterfaceEndpoint(name, { service: INTERFACE_SERVICES[name].service }));
      guard = new DnsEgressGuard(stack, id, withVpc(vpc));
      break;
    }
    case 'imported-vpc':
      vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-0123456789abcdef0'] });
      guard = new DnsEgressGuard(stack, id, withVpc(vpc));
      break;
  }
  if (spec.zone) {
    new route53.PrivateHostedZone(stack, 'Zone', { zoneName: 'corp.example.com', vpc });
  }
  guard.addAllowedDomains(spec.laterDomains);
  return { guard, vpc, hub, allowedDomains: [...allowedDomains, ...spec.laterDomains] };
}

/**
 * Whether the names given cover what the VPC needs: only its instances' hostnames (`*.internal` covers them) when it has no
 * endpoint whose names the guard can tell (an imported VPC, one given no services, or a Region the SDKs' data does not
 * have, whose endpoints are only warned about) and no zone.
 */
function givenDomainsCover(spec: GuardSpec): boolean {
  const namedEndpoints = REGIONS.includes(spec.env.region ?? '')
    && (spec.host === 'private-egress-vpc' || (spec.host !== 'imported-vpc' && spec.interfaceServices.length > 0));
  return !namedEndpoints && !spec.zone && spec.allowedDomains.some(domain => domain.value === '*.internal');
}

/** The plain-JavaScript mistake of the run: in the guard's own props, which a hub's guard has none of. */
function hostsPlainJs(spec: GuardSpec): PlainJsSpec | undefined {
  return isHub(spec) ? undefined : spec.plainJs;
}

function isDomain(value: string | TokenSource): value is string {
  return !['parameter', 'import', 'lazy'].includes(value);
}
