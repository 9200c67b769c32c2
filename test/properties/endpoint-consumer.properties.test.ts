import { CfnElement, Stack } from 'aws-cdk-lib';
import { schemaViolations } from '../schema';
import { describeConstructProperty } from './construct-property';
import { buildConsumer, consumerId, consumerMistakes, ConsumerRequest, ConsumerSpec, consumerSpec } from './endpoint-consumer.arbitrary';
import { appAndStack, schemaRegion } from './environment';
import { clientSource, eachServiceOnce, ingressOnlyFrom, ipv4Sources, oneSubnetPerAz } from './invariants';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import { vpcFacts } from './vpcs';

function invariantViolations(stack: Stack, spec: ConsumerSpec, request: ConsumerRequest, template: TemplateJson): string[] {
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${request.construct.node.path}/`)).map(([id]) => id));
  const vpc = vpcFacts(stack, request.vpc);
  const serviceInThisStack = !(spec.service.kind === 'provider' && spec.service.where !== 'same-stack');
  const violations = [
    ...serviceInThisStack ? eachServiceOnce(template, 'Interface', [JSON.stringify(stack.resolve(request.service.name))], own) : [],
    ...oneSubnetPerAz(template, vpc, own),
  ];
  if (spec.securityGroups === undefined) {
    const securityGroup = stack.resolve((request.construct.connections.securityGroups[0].node.defaultChild as CfnElement).logicalId);
    const sources = [...ipv4Sources(vpc.cidrs), ...request.clientCidrs.map(c => clientSource(stack.resolve(c)))];
    violations.push(...ingressOnlyFrom(template, securityGroup, sources, [request.service.port]));
  }
  if (spec.domainName !== undefined && spec.hostedZone === undefined) {
    const zoneName = `${spec.domainName.value.toLowerCase().replace(/\.$/, '')}.`;
    const zones = resourcesOfType(template, 'AWS::Route53::HostedZone').filter(([id, props]) => own.has(id) && props.Name === zoneName);
    const records = resourcesOfType(template, 'AWS::Route53::RecordSet').filter(([id, props]) => own.has(id) && props.Name === zoneName);
    if (zones.length !== 1 || records.length !== 1) {
      violations.push(`expected a private hosted zone ${zoneName} with an alias record, got ${zones.length} zones and ${records.length} records`);
    }
  }
  return [...violations, ...schemaViolations(template, schemaRegion(spec.env))];
}

describeConstructProperty('EndpointConsumer', consumerSpec, spec => {
  const { app, stack } = appAndStack(spec.env);
  const paths = [consumerId(spec), 'SecondConsumer', 'Provider'].map(id => `${stack.node.path}/${id}`).concat('ProviderStack/Provider');
  return runConfiguration(app, stack, paths, consumerMistakes(spec),
    () => buildConsumer(app, stack, spec),
    (request, template) => invariantViolations(stack, spec, request, template));
});
