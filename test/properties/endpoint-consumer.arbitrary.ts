import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as fc from 'fast-check';
import { Choice, choice, mistakes } from './choices';
import { clientCidrs, clientCidrsMistakes, ClientCidrSpec, clientCidrsSpec } from './client-cidrs';
import { ACCOUNT, EnvSpec, envMistakes, envSpec, mostly, OTHER_ACCOUNT, sometimes, stringToken, TokenSource, tokenSource } from './environment';
import { constructId, longIdSpec, plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import { literalRegion } from './services';
import { buildVpc, subnetGroups, subnetSelection, SubnetSelectionSpec, subnetSelectionSpec, VpcSpec, vpcSpec } from './vpcs';
import { EndpointConsumer, EndpointServiceProvider } from '../../src';

/** The service the consumer connects to. */
export type ConsumerServiceSpec =
  /** An EndpointServiceProvider in the same stack, another stack of the same environment, or another account. */
  | { readonly kind: 'provider'; readonly where: 'same-stack' | 'other-stack' | 'other-account'; readonly privateDnsName: boolean }
  /** A PrivateLink service name as a string, right or wrong. */
  | { readonly kind: 'name'; readonly name: Choice<string>; readonly port: number }
  | { readonly kind: 'aws-service' }
  | { readonly kind: 'parameter' }
  | { readonly kind: 'token'; readonly source: TokenSource };

export interface ConsumerSpec {
  readonly env: EnvSpec;
  readonly vpc: VpcSpec;
  readonly service: ConsumerServiceSpec;
  readonly vpcSubnets?: SubnetSelectionSpec;
  readonly privateDnsEnabled?: boolean;
  readonly domainName?: Choice<string>;
  readonly hostedZone?: 'private' | 'attributes' | 'attributes-other-domain' | 'fromHostedZoneId';
  readonly wildcardRecord?: boolean;
  readonly serviceRegion?: Choice<string>;
  readonly securityGroups?: number;
  readonly clientCidrs?: ClientCidrSpec[];
  /** A second consumer in the same VPC, with the same `domainName` or another. */
  readonly second?: { readonly sameDomain: boolean };
  readonly plainJs?: PlainJsSpec;
  readonly longId?: boolean;
}

export function consumerId(spec: ConsumerSpec): string {
  return constructId('Consumer', spec.longId);
}

const SERVICE_ID = 'vpce-svc-0123456789abcdef0';
const OTHER_REGION = 'eu-central-1';

const serviceSpec = (region: string): fc.Arbitrary<ConsumerServiceSpec> => fc.oneof(
  fc.record({
    kind: fc.constant('provider' as const),
    where: mostly(fc.constantFrom('same-stack' as const, 'other-stack' as const), fc.constant('other-account' as const)),
    privateDnsName: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('name' as const),
    name: choice('service', [`com.amazonaws.vpce.${region}.${SERVICE_ID}`],
      [`com.amazonaws.vpce.${region}.vpce-svc-123`, 'vpce-svc-0123456789abcdef0', `com.amazonaws.vpce.${region}.${SERVICE_ID}.extra`,
        `com.amazonaws.vpce.${region}.vpce svc-0123456789abcdef0`, `com.amazonaws.vpce.${region}.vpce-svc-0123456789abcdéf0`]),
    port: fc.constantFrom(443, 8443),
  }),
  fc.constant({ kind: 'aws-service' as const }),
  fc.constant({ kind: 'parameter' as const }),
  fc.record({ kind: fc.constant('token' as const), source: tokenSource }),
);

export const consumerSpec: fc.Arbitrary<ConsumerSpec> = fc.tuple(envSpec([]), vpcSpec).chain(([env, vpc]) => {
  const region = env.region ?? 'us-east-1';
  return fc.record({
    env: fc.constant(env),
    vpc: fc.constant(vpc),
    service: serviceSpec(region),
    vpcSubnets: sometimes(subnetSelectionSpec(subnetGroups(vpc))),
    privateDnsEnabled: sometimes(fc.boolean()),
    domainName: sometimes(choice('domainName', ['orders.internal.example', 'Orders.Internal.Example.', 'api.example.com'],
      ['*.orders.internal.example', 'orders', 'bad_name.example', `${'a'.repeat(64)}.example`])),
    hostedZone: sometimes(fc.constantFrom('private' as const, 'attributes' as const, 'attributes-other-domain' as const, 'fromHostedZoneId' as const)),
    wildcardRecord: sometimes(fc.boolean()),
    serviceRegion: sometimes(choice('serviceRegion', [region, OTHER_REGION], ['Frankfurt'])),
    securityGroups: sometimes(fc.integer({ min: 1, max: 2 })),
    clientCidrs: sometimes(clientCidrsSpec),
    second: sometimes(fc.record({ sameDomain: fc.boolean() })),
    plainJs: plainJsSpec,
    longId: longIdSpec,
  }, { requiredKeys: ['env', 'vpc', 'service', 'plainJs', 'longId'] });
});

/**
 * The props a spec gets wrong, each of which must be reported. A `serviceRegion` other than the Region of a
 * literal service name, or of a provider, is one too, and so is `clientCidrs` beside `securityGroups`.
 */
export function consumerMistakes(spec: ConsumerSpec): string[] {
  const name = spec.service.kind === 'name' ? spec.service.name : undefined;
  // The other Region is wrong for a literal name of the stack's Region, and for a provider whose Region is known.
  const inStackRegion = (name !== undefined && name.mistake === undefined) || (spec.service.kind === 'provider' && spec.env.region !== undefined);
  const regionMismatch = inStackRegion && spec.serviceRegion?.value === OTHER_REGION;
  const clientsNotAdmitted = spec.clientCidrs !== undefined && spec.securityGroups !== undefined;
  return [
    ...mistakes([name, spec.domainName, spec.serviceRegion]),
    ...regionMismatch ? ['serviceRegion'] : [],
    ...new Set([...clientCidrsMistakes(spec.clientCidrs), ...clientsNotAdmitted ? ['clientCidrs'] : []]),
    ...envMistakes(spec.env),
    ...plainJsMistakes(spec.plainJs),
  ];
}

export interface ConsumerRequest {
  readonly construct: EndpointConsumer;
  readonly vpc: ec2.IVpc;
  readonly service: ec2.IInterfaceVpcEndpointService;
  readonly clientCidrs: string[];
}

export function buildConsumer(app: App, stack: Stack, spec: ConsumerSpec): ConsumerRequest {
  const vpc = buildVpc(stack, spec.env, spec.vpc);
  const service = consumerService(app, stack, spec, vpc);
  const zone = spec.hostedZone && hostedZone(stack, vpc, spec.hostedZone);
  const clients = clientCidrs(stack, spec.clientCidrs ?? []);
  const props = {
    vpc,
    service,
    vpcSubnets: spec.vpcSubnets && subnetSelection(vpc.availabilityZones, spec.vpcSubnets),
    privateDnsEnabled: spec.privateDnsEnabled,
    domainName: spec.domainName?.value,
    hostedZone: zone,
    wildcardRecord: spec.wildcardRecord,
    serviceRegion: spec.serviceRegion?.value,
    securityGroups: spec.securityGroups === undefined ? undefined
      : [...Array(spec.securityGroups).keys()].map(i => new ec2.SecurityGroup(stack, `ConsumerSecurityGroup${i}`, { vpc })),
    clientCidrs: spec.clientCidrs && clients,
  };
  const construct = new EndpointConsumer(stack, consumerId(spec), plainJs('EndpointConsumer', props, spec.plainJs));
  if (spec.second) {
    new EndpointConsumer(stack, 'SecondConsumer', { vpc, service, domainName: spec.second.sameDomain ? props.domainName : 'second.internal.example' });
  }
  return { construct, vpc, service, clientCidrs: clients };
}

function consumerService(app: App, stack: Stack, spec: ConsumerSpec, vpc: ec2.IVpc): ec2.IInterfaceVpcEndpointService {
  const service = spec.service;
  switch (service.kind) {
    case 'provider': {
      const providerStack = service.where === 'same-stack' ? stack : new Stack(app, 'ProviderStack', {
        env: service.where === 'other-account' ? { account: OTHER_ACCOUNT, region: literalRegion(stack) }
          : stack.region.startsWith('${') ? undefined : { account: ACCOUNT, region: stack.region },
      });
      const providerVpc = service.where === 'same-stack' ? vpc
        : ec2.Vpc.fromVpcAttributes(providerStack, 'ProviderVpc', {
          vpcId: 'vpc-0aaaaaaaaaaaaaaaa',
          availabilityZones: vpc.availabilityZones,
          isolatedSubnetIds: vpc.availabilityZones.map((_, i) => `subnet-0aaaaaaaaaaaaaa${i}0`),
        });
      return new EndpointServiceProvider(providerStack, 'Provider', {
        vpc: providerVpc,
        port: 443,
        targets: [new elbv2targets.IpTarget('10.0.0.10')],
        privateDnsName: service.privateDnsName ? 'api.example.com' : undefined,
      });
    }
    case 'name':
      return new ec2.InterfaceVpcEndpointService(service.name.value, service.port);
    case 'aws-service':
      return ec2.InterfaceVpcEndpointAwsService.SSM;
    case 'parameter':
      return EndpointConsumer.serviceFromParameter(stack, '/services/orders/endpoint-service-name', 443);
    case 'token':
      return new ec2.InterfaceVpcEndpointService(stringToken(stack, service.source), 443);
  }
}

function hostedZone(stack: Stack, vpc: ec2.IVpc, kind: NonNullable<ConsumerSpec['hostedZone']>): route53.IHostedZone {
  switch (kind) {
    case 'private':
      return new route53.PrivateHostedZone(stack, 'Zone', { zoneName: 'internal.example', vpc });
    case 'attributes':
      return route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'internal.example' });
    case 'attributes-other-domain':
      return route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'example.org' });
    case 'fromHostedZoneId':
      return route53.HostedZone.fromHostedZoneId(stack, 'Zone', 'Z0123456789');
  }
}
