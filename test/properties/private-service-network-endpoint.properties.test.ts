import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { describeConstructProperty } from './construct-property';
import { appAndStack } from './environment';
import { clientSources, destinationKind, ingressOnlyFrom } from './network-invariants';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import { subnetsOnePerAz } from './resource-invariants';
import {
  buildConsumer, ConsumerRequest, ConsumerSpec, consumerMistakes, consumerPaths, consumerSpec, networkOf,
} from './service-network-consumer.arbitrary';
import {
  dnsOptionViolations, expectedPorts, networkReferenceViolations, privateDomainNameViolations, stackTemplateViolations,
} from './service-network-invariants';
import { vpcFacts } from './vpcs';

const text = (value: unknown) => JSON.stringify(value);

/**
 * One endpoint of type ServiceNetwork to the network given, in one subnet per AZ of the VPC; private DNS and its options
 * as asked for; the names that resolve in the VPC in `privateDomainNames`; its own security group admitting the ports of
 * the network's resources (or those given) from the VPC and `clientCidrs` only.
 */
function invariantViolations(app: App, stack: Stack, spec: ConsumerSpec, request: ConsumerRequest, template: TemplateJson): string[] {
  const endpoint = request.construct;
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${endpoint.node.path}/`)).map(([id]) => id));
  const vpc = vpcFacts(stack, request.vpc);
  const endpoints = resourcesOfType(template, 'AWS::EC2::VPCEndpoint').filter(([id]) => own.has(id)).map(([, props]) => props);
  if (endpoints.length !== 1 || endpoints[0].VpcEndpointType !== 'ServiceNetwork' || endpoints[0].ServiceName !== undefined
    || endpoints[0].ResourceConfigurationArn !== undefined) {
    return [`expected one service-network endpoint, got ${text(endpoints)}`];
  }
  const props = endpoints[0];
  const dns = {
    privateDnsEnabled: spec.privateDnsEnabled,
    preference: spec.privateDnsPreference?.value,
    specifiedDomains: request.specifiedDomains,
  };
  const violations = [
    ...networkReferenceViolations('the endpoint', props.ServiceNetworkArn, stack, request.network, request.arn),
    ...subnetsOnePerAz('the service-network endpoint', props.SubnetIds, vpc),
    ...dnsOptionViolations('the endpoint', props, { ...dns, specifiedDomains: dns.specifiedDomains && stack.resolve(dns.specifiedDomains) }),
    ...privateDomainNameViolations(endpoint.privateDomainNames, request.domains, networkOf(spec)?.privateDnsEnabled ?? true, dns),
  ];
  if (request.securityGroups === undefined) {
    const groupId = stack.resolve((endpoint.connections.securityGroups[0].node.defaultChild as CfnElement).logicalId);
    if (text(props.SecurityGroupIds) !== text([{ 'Fn::GetAtt': [groupId, 'GroupId'] }])) {
      violations.push(`the endpoint is in the security groups ${text(props.SecurityGroupIds)}, not its own ${groupId}`);
    }
    const ports = expectedPorts(spec.portRanges, networkOf(spec)?.shares ?? []);
    const clients = request.clientCidrs.map(c => stack.resolve(c));
    violations.push(...ingressOnlyFrom(template, groupId, clientSources(vpc.cidrs, clients, request.clientCidrs.map(destinationKind)), ports));
  } else if (text(props.SecurityGroupIds) !== text(stack.resolve(request.securityGroups.map(group => group.securityGroupId)))) {
    violations.push(`the endpoint is in the security groups ${text(props.SecurityGroupIds)}, not the ones given`);
  }
  return [...violations, ...stackTemplateViolations(app)];
}

describeConstructProperty('PrivateServiceNetworkEndpoint', consumerSpec('endpoint'), spec => {
  const { app, stack } = appAndStack(spec.env);
  return runConfiguration(app, stack, consumerPaths(stack, spec), consumerMistakes(spec),
    () => buildConsumer(app, stack, spec),
    (request, template) => invariantViolations(app, stack, spec, request, template));
});
