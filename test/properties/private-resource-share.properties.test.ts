import { CfnElement, Stack } from 'aws-cdk-lib';
import { schemaViolations } from '../schema';
import { describeConstructProperty } from './construct-property';
import { appAndStack, schemaRegion } from './environment';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import { buildShare, ShareRequest, ShareSpec, shareMistakes, shareSpec } from './private-resource-share.arbitrary';
import { resourceShareViolations } from './resource-invariants';
import { vpcFacts } from './vpcs';

/**
 * The gateway's own security group admits nothing, and reaches only the resource (its address, or any address of a domain
 * name's family) on the shared ports; a database's own security groups admit the gateway instead.
 */
function gatewaySecurityGroupViolations(spec: ShareSpec, template: TemplateJson, groupId: string, databaseGroupIds: string[]): string[] {
  const text = (value: unknown) => JSON.stringify(value);
  const ofGroup = (type: string) => resourcesOfType(template, type)
    .filter(([, props]) => text(props.GroupId) === text({ 'Fn::GetAtt': [groupId, 'GroupId'] })).map(([, props]) => props);
  const group = template.Resources[groupId]?.Properties ?? {};
  const ingress = [...group.SecurityGroupIngress ?? [], ...ofGroup('AWS::EC2::SecurityGroupIngress')];
  const violations = ingress.map(rule => `the gateway security group ${groupId} admits ${text(rule)}`);
  const singles = spec.resource.kind === 'group' ? spec.resource.members.map(m => m.single)
    : spec.resource.kind === 'dns' || spec.resource.kind === 'ip' ? [spec.resource] : [];
  const destinations = new Set(singles.flatMap(s => s.kind === 'ip'
    ? [s.address.value.includes(':') ? `CidrIpv6 ${s.address.value}/128` : `CidrIp ${s.address.value}/32`]
    : [s.ipv6 ? 'CidrIpv6 ::/0' : 'CidrIp 0.0.0.0/0']));
  databaseGroupIds.forEach(id => destinations.add(`DestinationSecurityGroupId ${text({ 'Fn::GetAtt': [id, 'GroupId'] })}`));
  // A database is reached on its own port (vpcs.ts imports them with 5432).
  const ports = new Set(databaseGroupIds.length > 0 ? [text([5432, 5432])] : (spec.portRanges ?? []).map(({ value }) => text(value)));
  const egress = [...group.SecurityGroupEgress ?? [], ...ofGroup('AWS::EC2::SecurityGroupEgress')]
    .filter(rule => rule.CidrIp !== '255.255.255.255/32');
  for (const rule of egress) {
    const destination = rule.CidrIp !== undefined ? `CidrIp ${rule.CidrIp}`
      : rule.CidrIpv6 !== undefined ? `CidrIpv6 ${rule.CidrIpv6}` : `DestinationSecurityGroupId ${text(rule.DestinationSecurityGroupId)}`;
    if (!destinations.has(destination) || rule.IpProtocol !== 'tcp' || !ports.has(text([rule.FromPort, rule.ToPort]))) {
      violations.push(`the gateway security group ${groupId} reaches ${text(rule)}, not the resource on a shared port`);
    }
  }
  return violations;
}

function invariantViolations(stack: Stack, spec: ShareSpec, request: ShareRequest, template: TemplateJson): string[] {
  const share = request.construct;
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${share.node.path}/`)).map(([id]) => id));
  const mine = (type: string) => resourcesOfType(template, type).filter(([id]) => own.has(id)).map(([, props]) => props);
  const violations = resourceShareViolations(stack, template, own, vpcFacts(stack, request.vpc), request.principals);
  const configurations = mine('AWS::VpcLattice::ResourceConfiguration');
  const type = { rdsInstance: 'ARN', rdsCluster: 'ARN', dns: 'SINGLE', ip: 'SINGLE', group: 'GROUP' }[spec.resource.kind];
  const children = spec.resource.kind === 'group' ? spec.resource.members.length : 0;
  if (configurations.filter(c => c.ResourceConfigurationType === type).length !== 1
    || configurations.filter(c => c.ResourceConfigurationType === 'CHILD').length !== children || configurations.length !== 1 + children) {
    violations.push(`expected one ${type} resource configuration and ${children} CHILD ones, got ${configurations.map(c => c.ResourceConfigurationType)}`);
  }
  if (spec.securityGroups === undefined) {
    const groupId = stack.resolve((share.connections.securityGroups[0].node.defaultChild as CfnElement).logicalId);
    const databaseGroupIds = [...logicalIdPaths(stack)]
      .filter(([, path]) => ['DbSecurityGroup', 'ClusterSecurityGroup'].some(id => path === `${stack.node.path}/${id}/Resource`)).map(([id]) => id);
    violations.push(...gatewaySecurityGroupViolations(spec, template, groupId, databaseGroupIds));
  }
  return [...violations, ...schemaViolations(template, schemaRegion(spec.env))];
}

describeConstructProperty('PrivateResourceShare', shareSpec, spec => {
  const { app, stack } = appAndStack(spec.env);
  return runConfiguration(app, stack, [`${stack.node.path}/Share`], shareMistakes(spec),
    () => buildShare(stack, spec),
    (request, template) => invariantViolations(stack, spec, request, template));
});
