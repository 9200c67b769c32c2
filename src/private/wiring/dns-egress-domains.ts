import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { clientHostName } from '../../prove/client-hosts';
import { sdkHostName } from '../../prove/sdk-hosts';
import { instanceHostnameDomain } from '../facts/dns-firewall';
import { partitionOf } from '../facts/regions';
import { PARTITIONS } from '../facts/sdk-endpoints.generated';
import { AppInventory } from '../inventory/app-inventory';
import { classifyEndpoints } from '../inventory/vpc-inspection';
import { RequiredDomain } from '../rules/dns-egress';

/** The names a VPC's workloads resolve, as far as the app shows them, and the endpoints whose names it does not show. */
export interface VpcDomainNeeds {
  readonly required: RequiredDomain[];
  /** Endpoints whose names their providers choose: the guard cannot allow them by itself. */
  readonly endpointsWithUnknownNames: string[];
}

/**
 * What the VPC's workloads need to resolve: the hosts the AWS SDKs (and the other clients AWS documents) call for each
 * AWS service with an endpoint in the VPC, with the names under them (`<bucket>.s3.<region>.amazonaws.com`,
 * `<registry>.dkr.ecr.<region>.amazonaws.com`); the endpoint-specific names of interface endpoints; the private hosted zones
 * associated with the VPC; and the instances' own hostnames.
 */
export function domainsTheVpcNeeds(vpc: ec2.IVpc, scope: IConstruct, region: string): VpcDomainNeeds {
  const endpoints = classifyEndpoints(vpc, scope);
  const required: RequiredDomain[] = [];
  const endpointsWithUnknownNames = [
    ...endpoints.lattice,
    ...endpoints.privateLinkServices.filter(endpoint => endpoint.privateDnsEnabled).map(endpoint => endpoint.path),
  ];
  // Whether or not an interface endpoint has private DNS: without it, a hub's zones may answer its names.
  for (const endpoint of endpoints.awsServices) {
    const domains = serviceDomains(endpoint.service, endpoint.region);
    if (domains.length === 0) {
      endpointsWithUnknownNames.push(endpoint.path);
    }
    required.push(...domains.map(domain => ({ domain, neededBy: endpoint.path })));
  }
  const interfaceEndpoints = [...endpoints.awsServices.filter(e => e.type === 'Interface'), ...endpoints.privateLinkServices];
  const dnsSuffix = PARTITIONS[partitionOf(region) ?? 'aws']?.dnsSuffix ?? 'amazonaws.com';
  if (interfaceEndpoints.length > 0) {
    // `vpce-<id>.<service>.<region>.vpce.amazonaws.com`: what clients call where private DNS is off, and what a hub's zones alias.
    required.push({ domain: `*.${region}.vpce.${dnsSuffix}`, neededBy: 'the interface endpoints\' own names' });
  }
  for (const zone of AppInventory.of(scope).privateHostedZonesOfVpc(vpc.vpcId).filter(z => !Token.isUnresolved(z.zoneName))) {
    required.push(...[zone.zoneName, `*.${zone.zoneName}`].map(domain => ({ domain, neededBy: `zone ${zone.zoneName}` })));
  }
  required.push({ domain: `*.${instanceHostnameDomain(region)}`, neededBy: 'the instances\' own hostnames' });
  return { required: uniqueDomains(required), endpointsWithUnknownNames };
}

/**
 * The names of an AWS service in a Region: each host its clients call and the names under it. None where neither the SDKs'
 * endpoint data nor the documented clients name a host.
 */
export function serviceDomains(service: string, region: string): string[] {
  const hosts = [sdkHostName(service, region), clientHostName(service, region)?.host.replace(/^example\./, '')]
    .filter((host): host is string => host !== undefined);
  return [...new Set(hosts.flatMap(host => [host, `*.${host}`]))];
}

/** Each name once, with the first thing that needs it. */
function uniqueDomains(domains: RequiredDomain[]): RequiredDomain[] {
  const byDomain = new Map<string, RequiredDomain>();
  domains.forEach(need => byDomain.has(need.domain) || byDomain.set(need.domain, need));
  return [...byDomain.values()];
}
