import { App, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { PrivateEgressVpc, PrivateResourceCostEstimate, PrivateResourceEndpoint, PrivateResourceShare } from '../src';

/** The library's constructs, by class name, as the summary lists them. */
const LIBRARY_CONSTRUCTS = ['PrivateEgressVpc', 'EndpointServiceProvider', 'EndpointConsumer', 'PrivateResourceShare', 'PrivateResourceEndpoint'];

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: { readonly VpcEndpointType?: string; readonly SubnetIds?: unknown[]; readonly ServiceName?: unknown };
}

/** Synthesizes the app and prints, per stack: the library's constructs, resources by type, endpoints x AZs, cost. */
export function synthesizeAndSummarize(app: App): void {
  const assembly = app.synth();
  const lines: string[] = [`Synthesized ${assembly.stacks.length} stacks into ${assembly.directory}`];

  for (const stack of app.node.children.filter((c): c is Stack => c instanceof Stack)) {
    const template = assembly.getStackByName(stack.stackName).template as { Resources: Record<string, TemplateResource> };
    const resources = Object.values(template.Resources);
    lines.push('', `${stack.stackName} (${stack.account}/${stack.region}): ${resources.length} resources`);

    for (const construct of libraryConstructs(stack)) {
      lines.push(`  ${construct.constructor.name} ${construct.node.path}`);
    }
    for (const [type, count] of countByType(resources)) {
      lines.push(`  ${String(count).padStart(3)} ${type}`);
    }
    for (const endpoint of resources.filter(r => r.Properties?.VpcEndpointType === 'Interface')) {
      lines.push(`  interface endpoint ${serviceLabel(stack, endpoint)} x ${endpoint.Properties?.SubnetIds?.length ?? 0} AZs`);
    }
    for (const egress of libraryConstructs(stack).filter((c): c is PrivateEgressVpc => c instanceof PrivateEgressVpc)) {
      const cost = egress.estimateMonthlyCost();
      lines.push(cost.priced
        ? `  estimated endpoints cost: ${cost.totalFixedMonthlyUsd!.toFixed(2)} USD/month + ${cost.dataProcessingUsdPerGb} USD/GB `
          + `(one NAT gateway per AZ: ${cost.natGatewayComparisonMonthlyUsd!.toFixed(2)} USD/month; break-even ${cost.breakEvenGbPerMonth} GB/month)`
        : `  estimated endpoints cost: ${cost.note}`);
    }
    for (const resource of libraryConstructs(stack)) {
      if (resource instanceof PrivateResourceShare || resource instanceof PrivateResourceEndpoint) {
        lines.push(`  estimated ${resource instanceof PrivateResourceShare ? 'resource gateway' : 'resource endpoint'} cost: `
          + resourceCostLine(resource.estimateMonthlyCost()));
      }
    }
  }
  console.log(lines.join('\n'));
}

function libraryConstructs(stack: Stack): IConstruct[] {
  return stack.node.findAll().filter(c => LIBRARY_CONSTRUCTS.includes(c.constructor.name));
}

function countByType(resources: TemplateResource[]): [string, number][] {
  const counts = new Map<string, number>();
  resources.forEach(r => counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1));
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function serviceLabel(stack: Stack, endpoint: TemplateResource): string {
  const name = endpoint.Properties?.ServiceName;
  return typeof name === 'string' ? name : JSON.stringify(stack.resolve(name));
}

function resourceCostLine(cost: PrivateResourceCostEstimate): string {
  return cost.priced
    ? `${cost.fixedMonthlyUsd!.toFixed(2)} USD/month (${cost.availabilityZones} AZs) + ${cost.dataProcessingUsdPerGb} USD/GB`
    : cost.note;
}
