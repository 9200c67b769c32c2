import { CfnElement, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { schemaViolations } from '../schema';
import { describeConstructProperty } from './construct-property';
import { appAndStack, schemaRegion } from './environment';
import { clientSource, eachServiceOnce, gatewayRouteTables, ingressOnlyFrom, ipv4Sources, noInternetPath, oneSubnetPerAz } from './invariants';
import { logicalIdPaths, runConfiguration, RunResult, TemplateJson } from './outcome';
import { buildEgressVpc, egressId, egressMistakes, EgressVpcRequest, EgressVpcSpec, egressVpcSpec } from './private-egress-vpc.arbitrary';
import { vpcFacts } from './vpcs';
import { serviceShortName } from '../../src/private/facts/service-names';
import { clientPortsOf } from '../../src/private/facts/service-ports';

function invariantViolations(stack: Stack, spec: EgressVpcSpec, request: EgressVpcRequest, template: TemplateJson): string[] {
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${request.construct.node.path}/`)).map(([id]) => id));
  const vpc = vpcFacts(stack, request.construct.vpc);
  const name = (service: { name: string }) => JSON.stringify(stack.resolve(service.name));
  const routeTables = (subnets: ec2.ISubnet[]) => new Set(subnets.map(s => JSON.stringify(stack.resolve(s.routeTable.routeTableId))));
  const securityGroup = stack.resolve((request.construct.endpointSecurityGroup.node.defaultChild as CfnElement).logicalId);
  return [
    ...eachServiceOnce(template, 'Interface', request.interfaceServices.map(name), own),
    ...eachServiceOnce(template, 'Gateway', request.gatewayServices.map(name), own),
    ...oneSubnetPerAz(template, vpc, own),
    ...gatewayRouteTables(template, vpc, own, new Map(request.gatewaySelections.map(s => [name(s.service), routeTables(s.subnets)]))),
    ...(spec.vpc === undefined ? noInternetPath(template) : []),
    // From the VPC's blocks and clientCidrs: each service's port, plus the other ports its clients are documented to use
    // (the sourced port table).
    ...ingressOnlyFrom(template, securityGroup, [...ipv4Sources(vpc.cidrs), ...request.clientCidrs.map(c => clientSource(stack.resolve(c)))],
      request.interfaceServices.flatMap(s => clientPortsOf(serviceShortName(s), s.port))),
    ...schemaViolations(template, schemaRegion(spec.env)),
  ];
}

function run(spec: EgressVpcSpec): RunResult<EgressVpcRequest> {
  const { app, stack } = appAndStack(spec.env);
  return runConfiguration(app, stack, [`${stack.node.path}/${egressId(spec)}`], egressMistakes(spec),
    () => buildEgressVpc(stack, spec),
    (request, template) => invariantViolations(stack, spec, request, template));
}

describeConstructProperty('PrivateEgressVpc', egressVpcSpec, run);
