import { CfnElement, Stack } from 'aws-cdk-lib';
import { schemaViolations } from '../schema';
import { describeConstructProperty } from './construct-property';
import { appAndStack, schemaRegion } from './environment';
import { clientSources, destinationKind, ingressOnlyFrom } from './network-invariants';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import { buildEndpoint, EndpointRequest, EndpointSpec, endpointMistakes, endpointSpec } from './private-resource-endpoint.arbitrary';
import { subnetsOnePerAz } from './resource-invariants';
import { vpcFacts } from './vpcs';

function invariantViolations(stack: Stack, spec: EndpointSpec, request: EndpointRequest, template: TemplateJson): string[] {
  const endpoint = request.construct;
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${endpoint.node.path}/`)).map(([id]) => id));
  const vpc = vpcFacts(stack, request.vpc);
  const endpoints = resourcesOfType(template, 'AWS::EC2::VPCEndpoint').filter(([id]) => own.has(id)).map(([, props]) => props);
  const violations = endpoints.length === 1 && endpoints[0].VpcEndpointType === 'Resource' && endpoints[0].ResourceConfigurationArn !== undefined
    ? subnetsOnePerAz('the resource endpoint', endpoints[0].SubnetIds, vpc)
    : [`expected one resource endpoint, got ${JSON.stringify(endpoints)}`];
  if (spec.securityGroups === undefined) {
    const groupId = stack.resolve((endpoint.connections.securityGroups[0].node.defaultChild as CfnElement).logicalId);
    const ports = endpoint.portRanges.map(range => [range.fromPort, range.toPort] as const);
    const kinds = request.clientCidrs.map(destinationKind);
    violations.push(...ingressOnlyFrom(template, groupId, clientSources(vpc.cidrs, request.clientCidrs.map(c => stack.resolve(c)), kinds), ports));
  }
  return [...violations, ...schemaViolations(template, schemaRegion(spec.env))];
}

describeConstructProperty('PrivateResourceEndpoint', endpointSpec, spec => {
  const { app, stack } = appAndStack(spec.env);
  const paths = [`${stack.node.path}/Endpoint`, `${stack.node.path}/Share`, 'ProviderStack/Share'];
  return runConfiguration(app, stack, paths, endpointMistakes(spec),
    () => buildEndpoint(app, stack, spec),
    (request, template) => invariantViolations(stack, spec, request, template));
});
