import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as fc from 'fast-check';
import { schemaViolations } from '../schema';
import { describeConstructProperty } from './construct-property';
import { ACCOUNT, mostly, NUM_RUNS, OTHER_ACCOUNT, OUTDIR, REGIONS } from './environment';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import {
  CentralEndpointHub, CentralEndpointSpoke, EndpointConsumer, EndpointServiceProvider, PortRange, PrivateResourceEndpoint,
  PrivateResourceShare, ResourceDefinition,
} from '../../src';

// Whole apps: a hub with spokes, a provider with a consumer, a resource share with an endpoint, each pair in stacks of
// the same environment, another account, a Region-only or an environment-agnostic one, synthesized together. Every
// stack's template must keep the resource schemas, and each spoke, consumer and endpoint that was built must have its
// association or endpoint; an object of a stack CDK cannot reference (another account; an agnostic stack beside one
// with a Region) must be refused.

/** Where a stack is, beside the first construct of a pair (whose stack has the account and Region of the app). */
type Where = 'same-stack' | 'same-env' | 'other-account' | 'region-only' | 'agnostic';

const where: fc.Arbitrary<Where> = mostly(fc.constantFrom<Where>('same-stack', 'same-env'), fc.constantFrom<Where>('other-account', 'region-only', 'agnostic'));

interface CombinedSpec {
  readonly region: string;
  /** The stack of the hub, the provider and the share. */
  readonly home: 'concrete' | 'region-only' | 'agnostic';
  /** Each spoke: where, and whether it names the hub's profile by ID (no object reference) or gets the hub. */
  readonly spokes: ReadonlyArray<{ readonly where: Where; readonly byProfileId: boolean }>;
  readonly consumer?: { readonly where: Where; readonly byName: boolean };
  readonly endpoint?: { readonly where: Where; readonly byArn: boolean };
}

const combinedSpec: fc.Arbitrary<CombinedSpec> = fc.record({
  region: fc.constantFrom(...REGIONS.filter(r => !/^(cn|us-gov)-/.test(r))),
  home: mostly(fc.constant('concrete' as const), fc.constantFrom('region-only' as const, 'agnostic' as const)),
  spokes: fc.array(fc.record({ where, byProfileId: mostly(fc.constant(false), fc.constant(true)) }), { maxLength: 3 }),
  consumer: fc.option(fc.record({ where, byName: mostly(fc.constant(false), fc.constant(true)) }), { nil: undefined }),
  endpoint: fc.option(fc.record({ where, byArn: mostly(fc.constant(false), fc.constant(true)) }), { nil: undefined }),
});

type EnvKind = CombinedSpec['home'] | 'other-account';

function envOf(home: EnvKind, at: Where): EnvKind {
  switch (at) {
    case 'same-stack':
    case 'same-env':
      return home;
    case 'other-account':
      return 'other-account';
    default:
      return at;
  }
}

/** Whether CDK can pass an object's tokens from a stack of `from` to one of `to` (see src/private/rules/cross-account.ts). */
function referenceMistake(from: EnvKind, to: EnvKind): boolean {
  const account = (kind: EnvKind) => kind === 'concrete' ? ACCOUNT : kind === 'other-account' ? OTHER_ACCOUNT : undefined;
  const accountsDiffer = account(from) !== undefined && account(to) !== undefined && account(from) !== account(to);
  const agnosticOnOneSide = (from === 'agnostic') !== (to === 'agnostic');
  return accountsDiffer || agnosticOnOneSide;
}

function combinedMistakes(spec: CombinedSpec): string[] {
  const found: string[] = [];
  spec.spokes.forEach((spoke, i) => {
    if (!spoke.byProfileId && referenceMistake(spec.home, envOf(spec.home, spoke.where))) {
      found.push(`spoke ${i} (hub of another environment)`);
    }
  });
  if (spec.consumer && !spec.consumer.byName && referenceMistake(spec.home, envOf(spec.home, spec.consumer.where))) {
    found.push('consumer (provider of another environment)');
  }
  if (spec.endpoint && !spec.endpoint.byArn && referenceMistake(spec.home, envOf(spec.home, spec.endpoint.where))) {
    found.push('endpoint (share of another environment)');
  }
  return found;
}

const TGW = 'tgw-0123456789abcdef0';
const HUB_CIDR = '10.100.0.0/16';

interface CombinedRequest {
  readonly stacks: Stack[];
  /** Construct path → the resource type it must have exactly one of. */
  readonly expected: Array<{ readonly path: string; readonly type: string }>;
}

function buildApp(app: App, home: Stack, spec: CombinedSpec): CombinedRequest {
  const stacks = new Map<string, Stack>([['home', home]]);
  const stackAt = (at: Where, name: string): Stack => {
    if (at === 'same-stack') {
      return home;
    }
    const kind = envOf(spec.home, at);
    const key = `${name}-${kind}`;
    if (!stacks.has(key)) {
      const env = kind === 'concrete' ? { account: ACCOUNT, region: spec.region } : kind === 'other-account' ? { account: OTHER_ACCOUNT, region: spec.region }
        : kind === 'region-only' ? { region: spec.region } : undefined;
      stacks.set(key, new Stack(app, `${name}${kind.replace(/-./g, m => m[1].toUpperCase()).replace(/^./, c => c.toUpperCase())}`, { env }));
    }
    return stacks.get(key)!;
  };
  const isolatedVpc = (stack: Stack, id: string, cidr: string) => new ec2.Vpc(stack, id, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  const expected: CombinedRequest['expected'] = [];

  const hub = new CentralEndpointHub(home, 'Hub', {
    ipAddresses: ec2.IpAddresses.cidr(HUB_CIDR),
    maxAzs: 2,
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM, ec2.InterfaceVpcEndpointAwsService.STS],
    clientCidrs: ['10.0.0.0/8'],
    transitGatewayId: TGW,
    allowedPrincipals: [OTHER_ACCOUNT],
  });
  spec.spokes.forEach((s, i) => {
    const stack = stackAt(s.where, 'Spokes');
    const spoke = new CentralEndpointSpoke(stack, `Spoke${i}`, {
      vpc: isolatedVpc(stack, `Spoke${i}Vpc`, `10.${i + 1}.0.0/16`),
      hub: s.byProfileId ? undefined : hub,
      profileId: s.byProfileId ? 'rp-0123456789abcdef' : undefined,
      hubCidrs: s.byProfileId ? [HUB_CIDR] : undefined,
      transitGatewayId: TGW,
    });
    expected.push({ path: spoke.node.path, type: 'AWS::Route53Profiles::ProfileAssociation' });
  });

  if (spec.consumer) {
    const providerVpc = isolatedVpc(home, 'ProviderVpc', '10.20.0.0/16');
    const provider = new EndpointServiceProvider(home, 'Provider', {
      vpc: providerVpc, port: 443, targets: [new elbv2targets.IpTarget('10.20.0.10')], allowedPrincipals: [],
    });
    const stack = stackAt(spec.consumer.where, 'Consumers');
    const consumer = new EndpointConsumer(stack, 'Consumer', {
      vpc: isolatedVpc(stack, 'ConsumerVpc', '10.30.0.0/16'),
      service: spec.consumer.byName
        ? new ec2.InterfaceVpcEndpointService(`com.amazonaws.vpce.${spec.region}.vpce-svc-0123456789abcdef0`, 443) : provider,
    });
    expected.push({ path: consumer.node.path, type: 'AWS::EC2::VPCEndpoint' });
  }

  if (spec.endpoint) {
    const share = new PrivateResourceShare(home, 'Share', {
      vpc: isolatedVpc(home, 'ShareVpc', '10.40.0.0/16'),
      resource: ResourceDefinition.dnsName('db.example.net'),
      portRanges: [PortRange.tcp(5432)],
      allowedPrincipals: [OTHER_ACCOUNT],
    });
    const stack = stackAt(spec.endpoint.where, 'Endpoints');
    const endpoint = new PrivateResourceEndpoint(stack, 'Endpoint', {
      vpc: isolatedVpc(stack, 'EndpointVpc', '10.50.0.0/16'),
      ...spec.endpoint.byArn
        ? { resourceConfigurationArn: `arn:aws:vpc-lattice:${spec.region}:${ACCOUNT}:resourceconfiguration/rcfg-0123456789abcdef0`, portRanges: [PortRange.tcp(5432)] }
        : { resourceShare: share },
    });
    expected.push({ path: endpoint.node.path, type: 'AWS::EC2::VPCEndpoint' });
  }
  return { stacks: [...stacks.values()], expected };
}

function invariantViolations(app: App, spec: CombinedSpec, request: CombinedRequest): string[] {
  const assembly = app.synth();
  return request.stacks.flatMap(stack => {
    const template: TemplateJson = assembly.getStackByName(stack.stackName).template;
    const paths = logicalIdPaths(stack);
    const missing = request.expected.filter(e => e.path.startsWith(`${stack.node.path}/`)).flatMap(e => {
      const count = resourcesOfType(template, e.type).filter(([id]) => paths.get(id)?.startsWith(`${e.path}/`)).length;
      return count === 1 ? [] : [`${e.path} has ${count} ${e.type}, 1 expected`];
    });
    return [...missing, ...schemaViolations(template, spec.region).map(v => `${stack.stackName}: ${v}`)];
  });
}

describeConstructProperty('Combined app', combinedSpec, spec => {
  const app = new App({
    outdir: OUTDIR,
    treeMetadata: false,
    builtinCloudFormationValidation: false,
    context: {
      [`availability-zones:account=${ACCOUNT}:region=${spec.region}`]: [`${spec.region}a`, `${spec.region}b`],
      [`availability-zones:account=${OTHER_ACCOUNT}:region=${spec.region}`]: [`${spec.region}a`, `${spec.region}b`],
    },
  });
  const env = spec.home === 'concrete' ? { account: ACCOUNT, region: spec.region } : spec.home === 'region-only' ? { region: spec.region } : undefined;
  const home = new Stack(app, 'Home', { env });
  // Every construct of the library in any stack: errors may name any of them.
  const ours = ['Hub', 'Hub/Endpoints', 'Provider', 'Share', 'Consumer', 'Endpoint', ...[0, 1, 2].map(i => `Spoke${i}`)];
  const stackNames = ['Home', ...['Spokes', 'Consumers', 'Endpoints'].flatMap(name => ['Concrete', 'RegionOnly', 'Agnostic', 'OtherAccount'].map(k => `${name}${k}`))];
  const paths = stackNames.flatMap(stack => ours.map(id => `${stack}/${id}`));
  let request: CombinedRequest | undefined;
  return runConfiguration(app, home, paths, combinedMistakes(spec), () => {
    request = buildApp(app, home, spec);
    return request;
  }, () => invariantViolations(app, spec, request!));
  // An app is several constructs' work: a fifth of the runs (400 in the long run).
}, Math.max(1, Math.round(NUM_RUNS / 5)));
