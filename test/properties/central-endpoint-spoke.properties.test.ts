import { Stack } from 'aws-cdk-lib';
import { schemaViolations } from '../schema';
import { buildSpoke, profileIdGiven, SpokeRequest, SpokeSpec, spokeMistakes, spokeSpec } from './central-endpoint-spoke.arbitrary';
import { describeConstructProperty } from './construct-property';
import { appAndStack, schemaRegion } from './environment';
import { destinationKind, transitGatewayRoutes } from './network-invariants';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import { vpcFacts } from './vpcs';

function invariantViolations(stack: Stack, spec: SpokeSpec, request: SpokeRequest, template: TemplateJson): string[] {
  const spoke = request.construct;
  const text = (value: unknown) => JSON.stringify(stack.resolve(value));
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${spoke.node.path}/`)).map(([id]) => id));
  const vpc = vpcFacts(stack, spoke.vpc);
  const violations: string[] = [];
  const associations = resourcesOfType(template, 'AWS::Route53Profiles::ProfileAssociation').filter(([id]) => own.has(id)).map(([, props]) => props);
  const profileId = profileIdGiven(spec) ? text(spec.emptyProfileId ? '' : 'rp-0123456789abcdef') : spec.hub?.where === 'same-stack' ? text(request.hub!.profileId) : undefined;
  if (associations.length !== 1 || JSON.stringify(associations[0].ResourceId) !== text(spoke.vpc.vpcId)
    || (profileId !== undefined && JSON.stringify(associations[0].ProfileId) !== profileId) || associations[0].ProfileId === '') {
    violations.push(`expected one association of the spoke VPC with ${profileId ?? 'the hub\'s profile'}, got ${JSON.stringify(associations)}`);
  }
  violations.push(...transitGatewayRoutes(template, own, vpc.workloadRouteTables,
    request.hubCidrs.map(c => ({ kind: destinationKind(c), value: stack.resolve(c) })),
    request.transitGatewayId && stack.resolve(request.transitGatewayId)));
  return [...violations, ...schemaViolations(template, schemaRegion(spec.env))];
}

describeConstructProperty('CentralEndpointSpoke', spokeSpec, spec => {
  const { app, stack } = appAndStack(spec.env);
  const paths = [`${stack.node.path}/Spoke`, ...['Hub', 'Hub/Endpoints'].flatMap(id => [`${stack.node.path}/${id}`, `HubStack/${id}`])];
  return runConfiguration(app, stack, paths, spokeMistakes(spec),
    () => buildSpoke(app, stack, spec),
    (request, template) => invariantViolations(stack, spec, request, template));
});
