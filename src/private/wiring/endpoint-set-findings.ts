import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { EndpointRecord, EndpointSet, InterfaceEndpointRecord, uniqueRouteTableIds, workloadSubnets } from './endpoint-set';
import type { EndpointPolicy } from '../../endpoint-policy';
import { supportsEndpointPolicy } from '../facts/endpoint-policy-support';
import { KNOWN_INTERFACE_SERVICE_SHORT_NAMES } from '../facts/service-names';
import { findGatewayEndpoints } from '../inventory/vpc-inspection';
import {
  validateAwsServiceShortName,
  validateCrossRegionEndpoint,
  validateEndpointPorts,
  validateGatewayEndpointClashes,
  validateGatewayRouteTables,
  validateGatewayService,
  validateServiceInRegion,
  warnPolicyNotApplied,
} from '../rules/egress-vpc';
import { error, Finding } from '../rules/findings';
import { subnetFamilies, validateDnsRecordIpType, validateIpAddressType } from '../rules/ip-family';
import { validateEndpointPolicy } from '../rules/policy';
import { toPlacement, warnUnsupportedAzs } from '../rules/vpc';

// The rules of the endpoints of an EndpointSet, fed from what the set recorded about each endpoint.

/** Each gateway endpoint's service and route tables, and gateway endpoints of its services defined elsewhere on them. */
export function gatewayEndpointFindings(endpoints: EndpointSet, owner: Construct): Finding[] {
  const records = [...endpoints.gatewayRecords.values()];
  const vpc = endpoints.vpc;
  const workloadRouteTableIds = uniqueRouteTableIds(workloadSubnets(vpc));
  const found = findGatewayEndpoints(vpc, owner)
    .map(endpoint => ({ ...endpoint, ours: records.some(record => record.resource.node.path === endpoint.path) }));
  return [
    ...records.flatMap(record => [
      ...validateGatewayService(record.shortName),
      ...validateGatewayRouteTables(record.shortName, uniqueRouteTableIds(endpoints.gatewayEndpointSubnets(record.options))
        .filter(id => workloadRouteTableIds.includes(id)).length),
    ]),
    ...validateGatewayEndpointClashes(found.filter(e => e.ours), found.filter(e => !e.ours)),
  ];
}

/** Each interface endpoint's AZs, ports, address families and Region. */
export function interfaceEndpointFindings(endpoints: EndpointSet, owner: Construct, endpointSubnetsSelected: boolean): Finding[] {
  const records = [...endpoints.interfaceRecords.values()];
  const stack = Stack.of(owner);
  return [
    ...records.filter(record => record.service instanceof ec2.InterfaceVpcEndpointAwsService).flatMap(record => [
      ...validateAwsServiceShortName(record.shortName, KNOWN_INTERFACE_SERVICE_SHORT_NAMES),
      ...validateServiceInRegion(record.shortName, record.serviceRegion ?? stack.region),
    ]),
    ...records.flatMap(record => placementFindings(record, endpointSubnetsSelected)),
    ...records.flatMap(record => validateEndpointPorts(record.shortName, record.options?.ports ?? [])),
    ...records.flatMap(record => ipFamilyFindings(endpoints, record)),
    ...records.flatMap(record => record.serviceRegion === undefined ? [] : validateCrossRegionEndpoint({
      shortName: record.shortName,
      serviceName: literalOrUndefined(stack.resolve(record.serviceName)),
      serviceRegion: record.serviceRegion,
      stackRegion: stack.region,
    })),
  ];
}

/** The endpoints' policies, and the construct-wide policy that some services' endpoints cannot take. */
export function endpointPolicyFindings(endpoints: EndpointSet, owner: Construct, endpointPolicy: EndpointPolicy): Finding[] {
  const interfaceRecords = [...endpoints.interfaceRecords.values()];
  return [
    ...policyFindings(owner, interfaceRecords, false),
    ...policyFindings(owner, [...endpoints.gatewayRecords.values()], true),
    ...warnPolicyNotApplied(interfaceRecords
      .filter(record => record.options?.policy === undefined && !supportsEndpointPolicy(record.shortName))
      .filter(record => endpointPolicy.bind(record.resource, { serviceShortName: record.shortName }).statements.length > 0)
      .map(record => record.shortName)),
  ];
}

/**
 * The policy rules, run once per group of endpoints that render the same document from the same prop, so that one
 * invalid policy applied to many endpoints is one finding naming them all.
 */
function policyFindings(owner: Construct, records: Array<EndpointRecord<{ readonly policy?: EndpointPolicy }>>, gateway: boolean): Finding[] {
  const stack = Stack.of(owner);
  const groups = new Map<string, { prop: string; policyDocument: unknown; serviceShortNames: string[] }>();
  for (const record of records) {
    const prop = record.options?.policy ? 'policy' : 'endpointPolicy';
    const policyDocument = record.resource.policyDocument ? stack.resolve(record.resource.policyDocument) : undefined;
    const key = JSON.stringify([prop, policyDocument]);
    const group = groups.get(key) ?? { prop, policyDocument, serviceShortNames: new Array<string>() };
    group.serviceShortNames.push(record.shortName);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap(group => validateEndpointPolicy({ ...group, gateway }));
}

/** The endpoint's subnets must have the address families of its IP address type, and its DNS records addresses. */
function ipFamilyFindings(endpoints: EndpointSet, record: InterfaceEndpointRecord): Finding[] {
  const endpoint = `interface endpoint '${record.shortName}'`;
  return [
    ...validateIpAddressType(endpoint, endpoints.ipAddressTypeOf(record),
      record.subnets.map(subnet => subnetFamilies(subnet, toPlacement(subnet).subnetId))),
    ...validateDnsRecordIpType(endpoint, endpoints.dnsRecordIpTypeOf(record), endpoints.ipAddressTypeOf(record)),
  ];
}

function placementFindings(record: InterfaceEndpointRecord, endpointSubnetsSelected: boolean): Finding[] {
  const skipped = warnUnsupportedAzs(`interface endpoint '${record.shortName}'`, record.skippedAzs);
  if (record.subnets.length === 0 && endpointSubnetsSelected) {
    return [...skipped, error(
      `interface endpoint '${record.shortName}' has no subnet: the service is available in none of the AZs of `
      + '`endpointSubnets`. Select subnets in AZs the service supports, or remove the endpoint.')];
  }
  return skipped;
}

/** A resolved value that is a string with no tokens left in it, or undefined. */
function literalOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && !Token.isUnresolved(value) ? value : undefined;
}
