import { Stack } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { schemaViolations } from '../schema';
import { describeConstructProperty } from './construct-property';
import { buildProvider, providerId, providerMistakes, ProviderRequest, ProviderSpec, providerSpec } from './endpoint-service-provider.arbitrary';
import { appAndStack, schemaRegion } from './environment';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import { vpcFacts } from './vpcs';

function invariantViolations(stack: Stack, spec: ProviderSpec, request: ProviderRequest, template: TemplateJson): string[] {
  const text = (value: unknown) => JSON.stringify(stack.resolve(value));
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${request.construct.node.path}/`)).map(([id]) => id));
  const mine = (type: string) => resourcesOfType(template, type).filter(([id]) => own.has(id)).map(([, props]) => props);
  const violations: string[] = [];

  const services = mine('AWS::EC2::VPCEndpointService');
  if (services.length !== 1 || services[0].NetworkLoadBalancerArns?.length !== 1) {
    violations.push(`expected one endpoint service on one NLB, got ${JSON.stringify(services)}`);
  }
  if (services[0]?.AcceptanceRequired !== (spec.acceptanceRequired ?? true)) {
    violations.push(`AcceptanceRequired is ${services[0]?.AcceptanceRequired}, asked for ${spec.acceptanceRequired}`);
  }

  // Who may connect: exactly the principals given, a wildcard only when asked for.
  const permissions = mine('AWS::EC2::VPCEndpointServicePermissions');
  const granted: string[] = (permissions[0]?.AllowedPrincipals ?? []).map((p: unknown) => JSON.stringify(p));
  const requested = [...new Set(request.principalArns.map(text))];
  if (permissions.length > 1 || granted.length !== requested.length || requested.some(p => !granted.includes(p))) {
    violations.push(`allowed principals ${granted}, requested ${requested}`);
  }
  if (granted.includes('"*"') && !spec.allowAnyPrincipal) {
    violations.push('the wildcard principal is allowed without `allowAnyPrincipal`');
  }

  if (spec.loadBalancer.kind === 'targets') {
    const vpc = vpcFacts(stack, (request.construct.networkLoadBalancer as elbv2.NetworkLoadBalancer).vpc!);
    const [loadBalancer] = mine('AWS::ElasticLoadBalancingV2::LoadBalancer');
    const subnets: string[] = (loadBalancer?.Subnets ?? []).map((s: unknown) => JSON.stringify(s));
    const azs = subnets.map(s => vpc.subnetAz.get(s));
    if (loadBalancer?.Scheme !== 'internal' || subnets.length === 0 || new Set(azs).size !== azs.length || azs.includes(undefined)) {
      violations.push(`the NLB must be internal with one subnet of the VPC per AZ: ${JSON.stringify(loadBalancer)}`);
    }
    const [listener] = mine('AWS::ElasticLoadBalancingV2::Listener');
    const [targetGroup] = mine('AWS::ElasticLoadBalancingV2::TargetGroup');
    if (text(listener?.Port) !== text(request.construct.port)) {
      violations.push(`the listener's port is ${listener?.Port}, not ${text(request.construct.port)}`);
    }
    if (text(targetGroup?.Port) !== text(spec.loadBalancer.targetPort?.value ?? request.construct.port)) {
      violations.push(`the target group's port is ${targetGroup?.Port}`);
    }
  }
  return [...violations, ...schemaViolations(template, schemaRegion(spec.env))];
}

describeConstructProperty('EndpointServiceProvider', providerSpec, spec => {
  const { app, stack } = appAndStack(spec.env);
  return runConfiguration(app, stack, [`${stack.node.path}/${providerId(spec)}`], providerMistakes(spec),
    () => buildProvider(stack, spec),
    (request, template) => invariantViolations(stack, spec, request, template));
});
