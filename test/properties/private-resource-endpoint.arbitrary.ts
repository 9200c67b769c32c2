import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as fc from 'fast-check';
import { Choice, choice, mistakes } from './choices';
import { ACCOUNT, EnvSpec, envMistakes, mostly, OTHER_ACCOUNT, sometimes } from './environment';
import { plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import { clientCidr, clientCidrMistake, ClientCidrSpec, clientCidrSpec } from './hub-choices';
import { resourceEnvSpec } from './private-resource-share.arbitrary';
import { buildVpc, subnetGroups, subnetSelection, SubnetSelectionSpec, subnetSelectionSpec, VpcSpec, vpcSpec } from './vpcs';
import { PortRange, PrivateResourceEndpoint, PrivateResourceShare, ResourceDefinition } from '../../src';

/** What the endpoint connects to: an ARN, or a share object of another VPC, of its own VPC, of another account; both or neither. */
export type EndpointTargetSpec =
  | { readonly kind: 'arn'; readonly arn: Choice<string> }
  /** share-agnostic: a share of an environment-agnostic stack, which an endpoint in a stack with a Region cannot reference. */
  | { readonly kind: 'share-other-vpc' | 'share-same-vpc' | 'share-other-account' | 'share-agnostic' | 'both' | 'neither' };

export interface EndpointSpec {
  readonly env: EnvSpec;
  readonly vpc: VpcSpec;
  readonly target: EndpointTargetSpec;
  readonly portRanges?: Array<Choice<[number, number]>>;
  readonly securityGroups?: number;
  readonly clientCidrs?: ClientCidrSpec[];
  readonly privateDnsEnabled?: boolean;
  readonly vpcSubnets?: SubnetSelectionSpec;
  readonly plainJs?: PlainJsSpec;
}

const ARN = 'arn:aws:vpc-lattice:us-east-1:210987654321:resourceconfiguration/rcfg-0123456789abcdef0';

const targetSpec: fc.Arbitrary<EndpointTargetSpec> = mostly<EndpointTargetSpec>(
  fc.oneof(
    fc.record({ kind: fc.constant('arn' as const), arn: choice('resourceConfigurationArn', [ARN], ['rcfg-0123456789abcdef0', `${ARN}x`]) }),
    fc.record({ kind: fc.constant('share-other-vpc' as const) }),
  ),
  fc.record({ kind: fc.constantFrom('share-same-vpc' as const, 'share-other-account' as const, 'share-agnostic' as const, 'both' as const, 'neither' as const) }),
);

export const endpointSpec: fc.Arbitrary<EndpointSpec> = fc.tuple(resourceEnvSpec, vpcSpec).chain(([env, vpc]) => fc.record({
  env: fc.constant(env),
  vpc: fc.constant(vpc),
  target: targetSpec,
  portRanges: sometimes(fc.array(choice<[number, number]>('portRanges', [[443, 443], [8000, 8099]], [[0, 0], [9000, 8000]]), { maxLength: 2 })),
  securityGroups: sometimes(fc.integer({ min: 1, max: 2 })),
  clientCidrs: sometimes(fc.array(clientCidrSpec, { maxLength: 2 })),
  privateDnsEnabled: sometimes(fc.boolean()),
  vpcSubnets: sometimes(subnetSelectionSpec(subnetGroups(vpc))),
  plainJs: plainJsSpec,
}, { requiredKeys: ['env', 'vpc', 'target', 'plainJs'] }));

/** The props a spec gets wrong, each of which must be reported (or refused at once). */
export function endpointMistakes(spec: EndpointSpec): string[] {
  const target = spec.target;
  const found = [
    ...mistakes([...spec.portRanges ?? [], target.kind === 'arn' ? target.arn : undefined]),
    ...(spec.clientCidrs ?? []).map(clientCidrMistake).filter((m): m is string => m !== undefined),
  ];
  // A share in another account's stack is a mistake where the endpoint's account is known; a Region-only stack's account
  // is the one it is deployed to, which may be the share's: not decidable at synth.
  if (['share-same-vpc', 'both', 'neither'].includes(target.kind) || (target.kind === 'share-other-account' && !spec.env.regionOnly)) {
    found.push(`target (${target.kind})`);
  }
  if (target.kind === 'arn' && (spec.portRanges ?? []).length === 0 && spec.securityGroups === undefined) {
    found.push('portRanges (missing or empty)');
  }
  if (target.kind === 'share-agnostic' && spec.env.region !== undefined) {
    found.push('resourceShare (of an environment-agnostic stack)');
  }
  found.push(...envMistakes(spec.env), ...plainJsMistakes(spec.plainJs));
  if (spec.clientCidrs !== undefined && spec.securityGroups !== undefined) {
    found.push('clientCidrs (with securityGroups)');
  }
  if (spec.privateDnsEnabled && spec.vpc.kind === 'new' && !spec.vpc.dnsSupport) {
    found.push('privateDnsEnabled (no DNS support)');
  }
  return found;
}

export interface EndpointRequest {
  readonly construct: PrivateResourceEndpoint;
  readonly vpc: ec2.IVpc;
  readonly clientCidrs: string[];
}

export function buildEndpoint(app: App, stack: Stack, spec: EndpointSpec): EndpointRequest {
  const vpc = buildVpc(stack, spec.env, spec.vpc);
  const target = spec.target;
  const clientCidrs = spec.clientCidrs?.map(c => clientCidr(stack, c));
  const construct = new PrivateResourceEndpoint(stack, 'Endpoint', plainJs('PrivateResourceEndpoint', {
    vpc,
    resourceShare: ['share-other-vpc', 'share-same-vpc', 'share-other-account', 'share-agnostic', 'both'].includes(target.kind)
      ? share(app, stack, vpc, target.kind) : undefined,
    resourceConfigurationArn: target.kind === 'arn' ? target.arn.value : target.kind === 'both' ? ARN : undefined,
    portRanges: spec.portRanges?.map(({ value: [from, to] }) => from === to ? PortRange.tcp(from) : PortRange.tcpRange(from, to)),
    securityGroups: spec.securityGroups === undefined ? undefined
      : [...Array(spec.securityGroups).keys()].map(i => new ec2.SecurityGroup(stack, `EndpointSecurityGroup${i}`, { vpc })),
    clientCidrs,
    privateDnsEnabled: spec.privateDnsEnabled,
    vpcSubnets: spec.vpcSubnets && subnetSelection(vpc.availabilityZones, spec.vpcSubnets),
  }, spec.plainJs));
  return { construct, vpc, clientCidrs: clientCidrs ?? [] };
}

/** A share of a host on port 443, in a VPC of the same AZs (or the endpoint's own VPC), or in another account. */
function share(app: App, stack: Stack, vpc: ec2.IVpc, where: string): PrivateResourceShare {
  const shareStack = where === 'share-other-account'
    ? new Stack(app, 'ProviderStack', { env: { account: OTHER_ACCOUNT, region: stack.region.startsWith('${') ? 'us-east-1' : stack.region } })
    : where === 'share-agnostic' ? new Stack(app, 'ProviderStack') : stack;
  const shareVpc = where === 'share-same-vpc' ? vpc : ec2.Vpc.fromVpcAttributes(shareStack, 'ProviderVpc', {
    vpcId: 'vpc-0aaaaaaaaaaaaaaaa',
    vpcCidrBlock: '10.50.0.0/16',
    availabilityZones: vpc.availabilityZones,
    isolatedSubnetIds: vpc.availabilityZones.map((_, i) => `subnet-0aaaaaaaaaaaaaa${i}0`),
  });
  return new PrivateResourceShare(shareStack, 'Share', {
    vpc: shareVpc,
    resource: ResourceDefinition.dnsName('db.example.net'),
    portRanges: [PortRange.tcp(443)],
    allowedPrincipals: [ACCOUNT],
  });
}
