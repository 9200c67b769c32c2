import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { describeConstructProperty } from './construct-property';
import { appAndStack } from './environment';
import { clientSources, ingressOnlyFrom } from './network-invariants';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import {
  buildConsumer, ConsumerRequest, ConsumerSpec, consumerMistakes, consumerPaths, consumerSpec, networkOf,
} from './service-network-consumer.arbitrary';
import {
  dnsOptionViolations, expectedPorts, networkReferenceViolations, privateDomainNameViolations, stackTemplateViolations,
} from './service-network-invariants';
import { vpcFacts } from './vpcs';

const text = (value: unknown) => JSON.stringify(value);

/**
 * One service-network VPC association of the VPC with the network given; private DNS and its options as asked for; the
 * names that resolve in the VPC in `privateDomainNames`; its own security group admitting the ports of the network's
 * resources (or those given) from the VPC only.
 */
function invariantViolations(app: App, stack: Stack, spec: ConsumerSpec, request: ConsumerRequest, template: TemplateJson): string[] {
  const association = request.construct;
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${association.node.path}/`)).map(([id]) => id));
  const vpc = vpcFacts(stack, request.vpc);
  const associations = resourcesOfType(template, 'AWS::VpcLattice::ServiceNetworkVpcAssociation').filter(([id]) => own.has(id)).map(([, props]) => props);
  if (associations.length !== 1) {
    return [`expected one service-network VPC association, got ${text(associations)}`];
  }
  const props = associations[0];
  const dns = {
    privateDnsEnabled: spec.privateDnsEnabled,
    preference: spec.privateDnsPreference?.value,
    specifiedDomains: request.specifiedDomains,
  };
  const violations = [
    ...networkReferenceViolations('the association', props.ServiceNetworkIdentifier, stack, request.network, request.arn),
    ...dnsOptionViolations('the association', props, { ...dns, specifiedDomains: dns.specifiedDomains && stack.resolve(dns.specifiedDomains) }),
    ...privateDomainNameViolations(association.privateDomainNames, request.domains, networkOf(spec)?.privateDnsEnabled ?? true, dns),
  ];
  if (text(props.VpcIdentifier) !== text(stack.resolve(request.vpc.vpcId))) {
    violations.push(`the association is of the VPC ${text(props.VpcIdentifier)}, not ${text(stack.resolve(request.vpc.vpcId))}`);
  }
  if (request.securityGroups === undefined) {
    const groupId = stack.resolve((association.connections.securityGroups[0].node.defaultChild as CfnElement).logicalId);
    if (text(props.SecurityGroupIds) !== text([{ 'Fn::GetAtt': [groupId, 'GroupId'] }])) {
      violations.push(`the association has the security groups ${text(props.SecurityGroupIds)}, not its own ${groupId}`);
    }
    const ports = expectedPorts(spec.portRanges, networkOf(spec)?.shares ?? []);
    violations.push(...ingressOnlyFrom(template, groupId, clientSources(vpc.cidrs, [], []), ports));
  } else if (text(props.SecurityGroupIds) !== text(stack.resolve(request.securityGroups.map(group => group.securityGroupId)))) {
    violations.push(`the association has the security groups ${text(props.SecurityGroupIds)}, not the ones given`);
  }
  return [...violations, ...stackTemplateViolations(app)];
}

describeConstructProperty('PrivateServiceNetworkAssociation', consumerSpec('association'), spec => {
  const { app, stack } = appAndStack(spec.env);
  return runConfiguration(app, stack, consumerPaths(stack, spec), consumerMistakes(spec),
    () => buildConsumer(app, stack, spec),
    (request, template) => invariantViolations(app, stack, spec, request, template));
});
