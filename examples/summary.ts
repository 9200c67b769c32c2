import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { IConstruct } from 'constructs';
import {
  CentralEndpointHub,
  CentralEndpointSpoke,
  CostEstimate,
  DnsEgressGuard,
  EndpointConsumer,
  EndpointServiceProvider,
  InboundResolverEndpoint,
  InternetAccessScope,
  PrivateEgressVpc,
  PrivateResourceEndpoint,
  PrivateResourceShare,
  PrivateServiceNetwork,
  PrivateServiceNetworkAssociation,
  PrivateServiceNetworkEndpoint,
  VpcBlockPublicAccess,
  VpcEncryptionControl,
} from '../src';
import { proveAssembly } from '../src/prove/prove';
import { proofHolds, summaryLine } from '../src/prove/report';

/** A construct of the library, as the summary lists it. */
type LibraryConstruct = PrivateEgressVpc | EndpointServiceProvider | EndpointConsumer | PrivateResourceShare | PrivateResourceEndpoint
| CentralEndpointHub | CentralEndpointSpoke | PrivateServiceNetwork | PrivateServiceNetworkEndpoint | PrivateServiceNetworkAssociation
| VpcBlockPublicAccess;

const LIBRARY_CONSTRUCT_CLASSES = [PrivateEgressVpc, EndpointServiceProvider, EndpointConsumer, PrivateResourceShare, PrivateResourceEndpoint,
  CentralEndpointHub, CentralEndpointSpoke, PrivateServiceNetwork, PrivateServiceNetworkEndpoint, PrivateServiceNetworkAssociation,
  VpcBlockPublicAccess];

/** The spoke counts the hub's cost table compares. */
const HUB_COMPARISON_SPOKES = [2, 5, 20, 50];

function isLibraryConstruct(construct: IConstruct): construct is LibraryConstruct {
  return LIBRARY_CONSTRUCT_CLASSES.some(kind => construct instanceof kind);
}

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: { readonly VpcEndpointType?: string; readonly SubnetIds?: unknown[]; readonly ServiceName?: unknown };
}

export interface Template {
  readonly Resources: Record<string, TemplateResource>;
  readonly Parameters?: Record<string, { readonly Type: string; readonly Default?: string }>;
}

/** A context lookup that `cdk synth` still has to make, as the cloud assembly lists it. */
interface MissingLookup {
  readonly provider: string;
  readonly props: { readonly account?: string; readonly region?: string; readonly serviceName?: string };
}

/** Synthesizes the app and prints its summary. */
export function synthesizeAndSummarize(app: App): void {
  const assembly = app.synth();
  console.log([`Synthesized ${assembly.stacks.length} stacks into ${assembly.directory}`, ...summarize(app, assembly),
    ...proofLines(assembly.directory)].join('\n'));
}

/** The reachability proof of the assembly (`npx cdk-private-endpoints prove cdk.out`): its summary and whatever fails. */
function proofLines(directory: string): string[] {
  const result = proveAssembly(directory);
  const failing = result.requirements.filter(r => r.verdict !== 'reachable').map(r => {
    const hop = r.hops.find(h => h.holds !== true)!;
    return `  ${r.verdict}: ${r.subnet} -> ${r.service}: ${hop.name}: ${hop.detail}`;
  });
  const internet = result.internetPaths.map(p => `  ${p.forbidden ? 'forbidden' : 'allowed'} internet path: ${p.subnet}: ${p.kind}, ${p.detail}`);
  return ['', `Reachability proof (${proofHolds(result) ? 'holds' : 'refuted'}): ${summaryLine(result)}`, ...failing, ...internet];
}

/**
 * The summary of a synthesized app, line by line: per stack, each construct of the library with its own
 * resources, its interface endpoints and its monthly cost, then the resources that are not the library's and the
 * stack's warnings; last, the context lookups still missing, which the AZ counts depend on.
 */
export function summarize(app: App, assembly: cxapi.CloudAssembly): string[] {
  const missing = (assembly.manifest.missing ?? []) as MissingLookup[];
  const lines: string[] = [];
  for (const stack of app.node.children.filter((c): c is Stack => c instanceof Stack)) {
    const artifact = assembly.getStackByName(stack.stackName);
    lines.push('', ...summarizeStack(stack, artifact, missing));
  }
  lines.push('', missingLookupsLine(missing));
  return lines;
}

function summarizeStack(stack: Stack, artifact: cxapi.CloudFormationStackArtifact, missing: MissingLookup[]): string[] {
  const template = artifact.template as Template;
  const owners = ownersByLogicalId(stack);
  const resourcesOf = (owner: LibraryConstruct | undefined) =>
    Object.entries(template.Resources).filter(([logicalId]) => owners.get(logicalId) === owner);

  const lines = [`${stack.stackName} (${stack.account}/${stack.region}): ${Object.keys(template.Resources).length} resources`];
  for (const construct of libraryConstructs(stack)) {
    const own = resourcesOf(construct);
    lines.push(`  ${construct.constructor.name} ${construct.node.path}: ${resourceCounts(own.map(([, r]) => r))}`);
    for (const [, endpoint] of own.filter(([, r]) => r.Properties?.VpcEndpointType === 'Interface')) {
      lines.push(`    interface endpoint to ${describeServiceName(endpoint.Properties?.ServiceName, template)} `
        + `x ${endpoint.Properties?.SubnetIds?.length ?? 0} AZs${azsNotLookedUp(stack, endpoint, missing)}`);
    }
    lines.push(...costLines(construct), ...controlLines(construct));
  }
  const others = resourcesOf(undefined);
  if (others.length > 0) {
    lines.push(`  not the library's: ${resourceCounts(others.map(([, r]) => r))}`);
  }
  lines.push(`  ${warningsText(artifact)}`);
  return lines;
}

/** The library's constructs in the stack, in tree order; one inside another (the hub's endpoints) is part of it. */
function libraryConstructs(stack: Stack): LibraryConstruct[] {
  return stack.node.findAll().filter(isLibraryConstruct).filter(construct => outermostLibraryConstruct(construct) === construct);
}

/** Each resource's logical ID, with the library construct it belongs to (the nearest one above it), if any. */
function ownersByLogicalId(stack: Stack): Map<string, LibraryConstruct | undefined> {
  const owners = new Map<string, LibraryConstruct | undefined>();
  for (const resource of stack.node.findAll().filter(CfnResource.isCfnResource)) {
    if (Stack.of(resource) === stack) {
      owners.set(stack.resolve(resource.logicalId), outermostLibraryConstruct(resource));
    }
  }
  return owners;
}

function outermostLibraryConstruct(construct: IConstruct): LibraryConstruct | undefined {
  return construct.node.scopes.find(isLibraryConstruct);
}

function resourceCounts(resources: TemplateResource[]): string {
  const counts = new Map<string, number>();
  resources.forEach(r => counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1));
  const byType = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, count]) => `${count} ${type}`);
  return `${resources.length} resources (${byType.join(', ')})`;
}

/**
 * Where a service name comes from, in words, never as a raw token: the name itself, an export of another
 * stack, an SSM parameter read at deploy, or a resource of this stack.
 */
export function describeServiceName(value: unknown, template: Template): string {
  if (typeof value === 'string') {
    return value;
  }
  const text = JSON.stringify(value);
  const imported = /"Fn::ImportValue":"([^":]+):/.exec(text);
  if (imported) {
    return `the service name imported from stack ${imported[1]}`;
  }
  for (const ref of [...text.matchAll(/"Ref":"([^"]+)"/g)].map(match => match[1])) {
    const parameter = template.Parameters?.[ref];
    if (parameter?.Type.startsWith('AWS::SSM::Parameter::Value') && parameter.Default) {
      return `the service name read from SSM parameter ${parameter.Default} at deploy`;
    }
    if (template.Resources[ref]) {
      return `the service name of ${template.Resources[ref].Type} ${ref} in this stack`;
    }
  }
  return 'a service name known only at deploy';
}

/** Says when an endpoint's AZs are all of its subnets because the service's supported AZs are not looked up yet. */
function azsNotLookedUp(stack: Stack, endpoint: TemplateResource, missing: MissingLookup[]): string {
  const name = endpoint.Properties?.ServiceName;
  const pending = missing.some(lookup => lookup.provider === 'endpoint-service-availability-zones'
    && lookup.props.serviceName === name && lookup.props.account === stack.account && lookup.props.region === stack.region);
  return pending ? ' (every subnet: the AZs the service supports are not looked up yet)' : '';
}

function costLines(construct: LibraryConstruct): string[] {
  if (construct instanceof CentralEndpointHub) {
    return hubCostLines(construct);
  }
  if (construct instanceof CentralEndpointSpoke) {
    return ['    estimated cost: none of its own (the hub\'s estimate counts its profile association and Transit Gateway attachment)'];
  }
  if (construct instanceof PrivateServiceNetwork) {
    return [`    estimated cost: an hourly charge per resource configuration it carries (${construct.resourceShares.length} here), `
      + 'not priced by the library (https://aws.amazon.com/vpc/lattice/pricing/)'];
  }
  if (construct instanceof PrivateServiceNetworkAssociation) {
    return ['    estimated cost: no hourly charge; data to the network\'s resources is billed per GB (VPC Lattice pricing)'];
  }
  if (construct instanceof VpcBlockPublicAccess) {
    return [`    ${construct.mode.toLowerCase()} for the account and Region; AWS lists no charge for it`];
  }
  return [`    estimated cost: ${costText(construct)}`];
}

/** The AWS-enforced controls on the construct's VPC: the DNS egress guard, encryption control, analyzer scope, inbound endpoint. */
function controlLines(construct: LibraryConstruct): string[] {
  const own = construct.node.findAll();
  const lines: string[] = [];
  for (const guard of own.filter((c): c is DnsEgressGuard => c instanceof DnsEgressGuard)) {
    const estimate = guard.estimateMonthlyCost();
    lines.push(`    DNS egress guard: ${guard.allowedDomains.length} names allowed, the rest ${guard.action.toLowerCase()}ed; `
      + pricedText(estimate, `+ ${estimate.queriesUsdPerMillion} USD per million queries`));
  }
  for (const control of own.filter((c): c is VpcEncryptionControl => c instanceof VpcEncryptionControl)) {
    lines.push(`    encryption control: ${control.mode.toLowerCase()}${control.exclusions.length > 0 ? `, excluding ${control.exclusions.join(', ')}` : ''} `
      + '(its price is on https://aws.amazon.com/vpc/pricing/, not priced by the library)');
  }
  for (const scope of own.filter((c): c is InternetAccessScope => c instanceof InternetAccessScope)) {
    const analysis = scope.estimateAnalysisCost(0);
    lines.push(`    Network Access Analyzer scope over ${scope.subnets.length} subnets: run its AnalyzeCommand output after deploy `
      + `(${analysis.priced ? `${analysis.usdPerNetworkInterfaceAnalyzed} USD per network interface analyzed` : analysis.note})`);
  }
  for (const resolver of own.filter((c): c is InboundResolverEndpoint => c instanceof InboundResolverEndpoint)) {
    const estimate = resolver.estimateMonthlyCost();
    lines.push(`    inbound Resolver endpoint: ${estimate.ipAddresses} IP addresses; ${pricedText(estimate, `+ ${estimate.queriesUsdPerMillion} USD per million queries`)}`);
  }
  return lines;
}

/** The hub's fixed cost against every spoke with its own endpoints, for a few numbers of spokes. */
function hubCostLines(hub: CentralEndpointHub): string[] {
  const estimates = HUB_COMPARISON_SPOKES.map(spokes => hub.estimateMonthlyCost({ spokes }));
  const [first] = estimates;
  if (!first.priced) {
    return [`    estimated cost: ${first.note}`];
  }
  const usd = (amount: number | undefined) => (amount ?? 0).toFixed(2).padStart(9);
  return [
    `    estimated cost, USD/month (hub: ${first.interfaceEndpoints.length} endpoints, `
      + `${first.hostedZones > 0 ? `${first.hostedZones} zones, ` : ''}${first.profile ? 'a profile, ' : ''}a Transit Gateway `
      + `attachment per VPC; break-even ${first.breakEvenSpokes} spokes):`,
    '      spokes       hub  own endpoints  savings',
    ...estimates.map(estimate => `      ${String(estimate.spokes).padStart(6)} ${usd(estimate.totalFixedMonthlyUsd)}      `
      + `${usd(estimate.decentralizedMonthlyUsd)} ${usd(estimate.savingsMonthlyUsd)}`),
    `      on top: ${first.transitGatewayDataProcessingUsdPerGb} USD/GB through the Transit Gateway, so 20 spokes stay cheaper `
      + `up to ${estimates[2].breakEvenGbPerMonth} GB/month through the hub`,
  ];
}

function costText(construct: Exclude<LibraryConstruct, CentralEndpointHub | CentralEndpointSpoke | PrivateServiceNetwork
| PrivateServiceNetworkAssociation | VpcBlockPublicAccess>): string {
  if (construct instanceof PrivateEgressVpc) {
    const vpc = construct.estimateMonthlyCost();
    return pricedText(vpc, `+ ${vpc.dataProcessingUsdPerGb} USD/GB (one NAT gateway per AZ: `
      + `${vpc.natGatewayComparisonMonthlyUsd?.toFixed(2)} USD/month; break-even ${vpc.breakEvenGbPerMonth} GB/month)`);
  }
  if (construct instanceof EndpointConsumer || construct instanceof PrivateResourceShare || construct instanceof PrivateResourceEndpoint
    || construct instanceof PrivateServiceNetworkEndpoint) {
    const estimate = construct.estimateMonthlyCost();
    return pricedText(estimate, `+ ${estimate.dataProcessingUsdPerGb} USD/GB`);
  }
  const provider = construct.estimateMonthlyCost();
  return pricedText(provider, provider.networkLoadBalancers === 0
    ? '(the existing NLB it was given is not counted)'
    : `for the NLB + ${provider.nlcuUsdPerHour} USD per NLCU-hour`);
}

/** The fixed monthly total with what comes on top, or why the estimate is not priced. */
function pricedText(estimate: CostEstimate, onTop: string): string {
  return estimate.priced ? `${estimate.totalFixedMonthlyUsd?.toFixed(2)} USD/month ${onTop}` : estimate.note;
}

/** The stack's warnings: how many, and their IDs (the ID users acknowledge them by). */
function warningsText(artifact: cxapi.CloudFormationStackArtifact): string {
  const warnings = artifact.messages.filter(message => message.level === 'warning');
  if (warnings.length === 0) {
    return 'warnings: none';
  }
  const ids = warnings.map(warning => /\[ack: ([^\]]+)\]/.exec(String(warning.entry.data))?.[1] ?? warning.id);
  return `warnings: ${warnings.length} (${[...new Set(ids)].join(', ')})`;
}

function missingLookupsLine(missing: MissingLookup[]): string {
  if (missing.length === 0) {
    return 'Context lookups: all made; the AZs above are the accounts\' own.';
  }
  const byProvider = new Map<string, number>();
  missing.forEach(lookup => byProvider.set(lookup.provider, (byProvider.get(lookup.provider) ?? 0) + 1));
  return `Context lookups still missing: ${missing.length} (${[...byProvider.entries()].map(([p, n]) => `${n} ${p}`).join(', ')}). `
    + 'Until `cdk synth` makes them (with credentials for each account), AZ counts rest on placeholders or on every subnet.';
}
