import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as fc from 'fast-check';
import { Choice, choice, mistakes } from './choices';
import { EnvSpec, envMistakes, envSpec, mostly, numberToken, OTHER_ACCOUNT, sometimes, stringToken, TokenSource, tokenSource } from './environment';
import { constructId, longIdSpec, plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import { buildVpc, subnetGroups, subnetSelection, SubnetSelectionSpec, subnetSelectionSpec, VpcSpec, vpcSpec } from './vpcs';
import { EndpointServiceProvider } from '../../src';

/** `bare-account`: `new iam.ArnPrincipal('210987654321')`, an account ID where an ARN belongs (a mistake). */
export type PrincipalSpec = 'account' | 'role' | 'other-account' | 'wildcard' | 'bare-account' | TokenSource;

/** Where the NLB comes from. */
export type LoadBalancerSpec =
  | {
    readonly kind: 'targets';
    readonly targets: number;
    readonly targetPort?: Choice<number>;
    readonly healthCheckPort?: number;
    readonly vpcSubnets?: SubnetSelectionSpec;
    readonly securityGroups: number;
    readonly enforce?: boolean;
  }
  | {
    readonly kind: 'existing';
    readonly internetFacing: boolean;
    readonly inOtherVpc: boolean;
    readonly imported: boolean;
    /** Another endpoint service in the app already uses it. */
    readonly shared: boolean;
    readonly availabilityZones?: number;
  };

export interface ProviderSpec {
  readonly env: EnvSpec;
  readonly vpc: VpcSpec;
  readonly port: Choice<number | 'token' | 'lazy'>;
  readonly loadBalancer: LoadBalancerSpec;
  readonly acceptanceRequired?: boolean;
  readonly allowedPrincipals: PrincipalSpec[];
  readonly allowAnyPrincipal?: boolean;
  readonly laterPrincipals: PrincipalSpec[];
  readonly allowedRegions?: Choice<string[]>;
  readonly supportedIpAddressTypes?: ec2.IpAddressType[];
  readonly contributorInsights?: boolean;
  readonly privateDnsName?: Choice<string>;
  readonly publicHostedZone?: 'attributes' | 'attributes-other-domain' | 'fromPublicHostedZoneId' | 'fromHostedZoneId' | 'new';
  readonly connectionNotificationTopic?: 'new' | 'imported';
  readonly serviceNameParameter?: Choice<string> | { readonly token: TokenSource };
  readonly plainJs?: PlainJsSpec;
  readonly longId?: boolean;
}

export function providerId(spec: ProviderSpec): string {
  return constructId('Provider', spec.longId);
}

const principalSpec: fc.Arbitrary<PrincipalSpec> = mostly(
  fc.constantFrom<PrincipalSpec>('account', 'role', 'other-account'),
  fc.constantFrom<PrincipalSpec>('wildcard', 'bare-account', 'parameter', 'import', 'lazy'),
);

const loadBalancerSpec = (vpc: VpcSpec): fc.Arbitrary<LoadBalancerSpec> => mostly<LoadBalancerSpec>(
  fc.record({
    kind: fc.constant('targets' as const),
    targets: fc.integer({ min: 0, max: 2 }),
    targetPort: sometimes(choice('targetPort', [8080], [0, 65536])),
    healthCheckPort: sometimes(fc.constant(8081)),
    vpcSubnets: sometimes(subnetSelectionSpec(subnetGroups(vpc))),
    securityGroups: mostly(fc.constant(0), fc.integer({ min: 1, max: 2 })),
    enforce: sometimes(fc.boolean()),
  }, { requiredKeys: ['kind', 'targets', 'securityGroups'] }),
  fc.record({
    kind: fc.constant('existing' as const),
    internetFacing: mostly(fc.constant(false), fc.constant(true)),
    inOtherVpc: mostly(fc.constant(false), fc.constant(true)),
    imported: fc.boolean(),
    shared: mostly(fc.constant(false), fc.constant(true)),
    availabilityZones: sometimes(fc.integer({ min: 0, max: 3 })),
  }, { requiredKeys: ['kind', 'internetFacing', 'inOtherVpc', 'imported', 'shared'] }),
);

// SSM parameter names (PutParameter naming constraints,
// https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html): letters, digits and `._-/`;
// no `aws` or `ssm` prefix; a hierarchy begins with `/` and has at most 15 levels; at most 1011 characters with the ARN
// prefix.
const VALID_PARAMETER_NAMES = ['/services/orders/endpoint-service-name', 'orders.service_name', `/${[...Array(15).keys()].join('/')}`];
const INVALID_PARAMETER_NAMES = ['has space', '/aws/reserved', 'ssm-name', 'AWS.name', 'orders/name', `/${'x'.repeat(1000)}`,
  `/${[...Array(16).keys()].join('/')}`, 'caf\u00e9'];

export const providerSpec: fc.Arbitrary<ProviderSpec> = fc.tuple(envSpec([]), vpcSpec).chain(([env, vpc]) => fc.record({
  env: fc.constant(env),
  vpc: fc.constant(vpc),
  port: choice<number | 'token' | 'lazy'>('port', [443, 8443, 1, 65535, 'token', 'lazy'], [0, 65536, 443.5]),
  loadBalancer: loadBalancerSpec(vpc),
  acceptanceRequired: sometimes(fc.boolean()),
  allowedPrincipals: fc.array(principalSpec, { maxLength: 3 }),
  allowAnyPrincipal: sometimes(fc.boolean()),
  laterPrincipals: fc.array(principalSpec, { maxLength: 2 }),
  // The stack's own Region is served anyway, and a mistake to list where it is known.
  allowedRegions: sometimes(choice('allowedRegions', [['eu-central-1'], ['eu-central-1', 'us-west-2']],
    [['Europe'], ['eu-central-1', 'west'], ...env.region ? [[env.region]] : []])),
  supportedIpAddressTypes: sometimes(fc.subarray([ec2.IpAddressType.IPV4, ec2.IpAddressType.IPV6], { minLength: 1 })),
  contributorInsights: sometimes(fc.boolean()),
  privateDnsName: sometimes(choice('privateDnsName', ['api.example.com', 'orders.api.example.com'], ['localhost', 'bad_name.example.com', '-a.example.com'])),
  publicHostedZone: sometimes(fc.constantFrom('attributes' as const, 'attributes-other-domain' as const, 'fromPublicHostedZoneId' as const,
    'fromHostedZoneId' as const, 'new' as const)),
  connectionNotificationTopic: sometimes(fc.constantFrom('new' as const, 'imported' as const)),
  serviceNameParameter: sometimes(mostly<Choice<string> | { token: TokenSource }>(
    choice('serviceNameParameter', VALID_PARAMETER_NAMES, INVALID_PARAMETER_NAMES), fc.record({ token: tokenSource }))),
  plainJs: plainJsSpec,
  longId: longIdSpec,
}, {
  requiredKeys: ['env', 'vpc', 'port', 'loadBalancer', 'allowedPrincipals', 'laterPrincipals', 'plainJs', 'longId'],
}));

/** The props a spec gets wrong: each must be reported. */
export function providerMistakes(spec: ProviderSpec): string[] {
  const parameter = spec.serviceNameParameter && 'value' in spec.serviceNameParameter ? spec.serviceNameParameter : undefined;
  return [
    ...mistakes([spec.port, spec.allowedRegions, spec.privateDnsName, parameter,
      spec.loadBalancer.kind === 'targets' ? spec.loadBalancer.targetPort : undefined]),
    ...[...spec.allowedPrincipals, ...spec.laterPrincipals].includes('bare-account') ? ['allowedPrincipals (an account ID, no ARN)'] : [],
    ...envMistakes(spec.env),
    ...plainJsMistakes(spec.plainJs),
  ];
}

/** What was asked for, to compare the template with. */
export interface ProviderRequest {
  readonly construct: EndpointServiceProvider;
  readonly principalArns: string[];
}

export function buildProvider(stack: Stack, spec: ProviderSpec): ProviderRequest {
  const vpc = buildVpc(stack, spec.env, spec.vpc);
  const principals = spec.allowedPrincipals.map(p => principal(stack, p));
  const lb = spec.loadBalancer;
  const construct = new EndpointServiceProvider(stack, providerId(spec), plainJs('EndpointServiceProvider', {
    vpc,
    port: spec.port.value === 'token' ? numberToken(stack) : spec.port.value === 'lazy' ? numberToken(stack, 'lazy') : spec.port.value,
    ...(lb.kind === 'targets'
      ? {
        targets: [...Array(lb.targets).keys()].map(i => new elbv2targets.IpTarget(`10.0.0.${i + 10}`)),
        targetPort: lb.targetPort?.value,
        healthCheck: lb.healthCheckPort === undefined ? undefined : { port: String(lb.healthCheckPort) },
        vpcSubnets: lb.vpcSubnets && subnetSelection(vpc.availabilityZones, lb.vpcSubnets),
        securityGroups: [...Array(lb.securityGroups).keys()].map(i => new ec2.SecurityGroup(stack, `NlbSecurityGroup${i}`, { vpc })),
        enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: lb.enforce,
      }
      : {
        networkLoadBalancer: existingLoadBalancer(stack, vpc, lb),
        availabilityZones: lb.availabilityZones === undefined ? undefined : vpc.availabilityZones.slice(0, lb.availabilityZones),
      }),
    acceptanceRequired: spec.acceptanceRequired,
    allowedPrincipals: principals,
    allowAnyPrincipal: spec.allowAnyPrincipal,
    allowedRegions: spec.allowedRegions?.value,
    supportedIpAddressTypes: spec.supportedIpAddressTypes,
    contributorInsights: spec.contributorInsights,
    privateDnsName: spec.privateDnsName?.value,
    publicHostedZone: spec.publicHostedZone && publicHostedZone(stack, spec.publicHostedZone),
    connectionNotificationTopic: spec.connectionNotificationTopic === 'new' ? new sns.Topic(stack, 'Topic')
      : spec.connectionNotificationTopic && sns.Topic.fromTopicArn(stack, 'Topic', `arn:aws:sns:us-east-1:${OTHER_ACCOUNT}:events`),
    serviceNameParameter: spec.serviceNameParameter && ('token' in spec.serviceNameParameter
      ? stringToken(stack, spec.serviceNameParameter.token) : spec.serviceNameParameter.value),
  }, spec.plainJs));
  const later = spec.laterPrincipals.map(p => principal(stack, p));
  later.forEach(p => construct.addAllowedPrincipal(p));
  return { construct, principalArns: [...principals, ...later].map(p => p.arn) };
}

function principal(stack: Stack, spec: PrincipalSpec): iam.ArnPrincipal {
  switch (spec) {
    case 'account':
      return new iam.ArnPrincipal(`arn:aws:iam::${OTHER_ACCOUNT}:root`);
    case 'role':
      return new iam.ArnPrincipal(`arn:aws:iam::${OTHER_ACCOUNT}:role/consumer`);
    case 'other-account':
      return new iam.ArnPrincipal('arn:aws:iam::444455556666:root');
    case 'wildcard':
      return new iam.ArnPrincipal('*');
    case 'bare-account':
      return new iam.ArnPrincipal(OTHER_ACCOUNT);
    default:
      return new iam.ArnPrincipal(stringToken(stack, spec));
  }
}

function existingLoadBalancer(stack: Stack, vpc: ec2.IVpc, spec: Extract<LoadBalancerSpec, { kind: 'existing' }>): elbv2.INetworkLoadBalancer {
  const lbVpc = spec.inOtherVpc ? ec2.Vpc.fromVpcAttributes(stack, 'OtherVpc', { vpcId: 'vpc-0fedcba9876543210', availabilityZones: ['az-a'] }) : vpc;
  const loadBalancer = spec.imported
    ? elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, 'ExistingNlb', {
      loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${OTHER_ACCOUNT}:loadbalancer/net/existing/0123456789abcdef`,
      vpc: lbVpc,
    })
    : new elbv2.NetworkLoadBalancer(stack, 'ExistingNlb', {
      vpc: lbVpc,
      internetFacing: spec.internetFacing && vpc.publicSubnets.length > 0,
      vpcSubnets: {
        subnets: spec.internetFacing && vpc.publicSubnets.length > 0 ? vpc.publicSubnets
          : [...vpc.privateSubnets, ...vpc.isolatedSubnets, ...vpc.publicSubnets].slice(0, 1),
      },
    });
  if (spec.shared) {
    new ec2.VpcEndpointService(stack, 'OtherEndpointService', { vpcEndpointServiceLoadBalancers: [loadBalancer] });
  }
  return loadBalancer;
}

function publicHostedZone(stack: Stack, kind: NonNullable<ProviderSpec['publicHostedZone']>): route53.IPublicHostedZone {
  switch (kind) {
    case 'attributes':
      return route53.PublicHostedZone.fromPublicHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'example.com' });
    case 'attributes-other-domain':
      return route53.PublicHostedZone.fromPublicHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'example.org' });
    case 'fromPublicHostedZoneId':
      return route53.PublicHostedZone.fromPublicHostedZoneId(stack, 'Zone', 'Z0123456789');
    case 'fromHostedZoneId':
      return route53.HostedZone.fromHostedZoneId(stack, 'Zone', 'Z0123456789');
    case 'new':
      return new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });
  }
}
