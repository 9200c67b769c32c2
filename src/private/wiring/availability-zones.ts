import { ContextProvider, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as cxschema from 'aws-cdk-lib/cloud-assembly-schema';
import { Construct } from 'constructs';
import { recordLookup } from './context-lookups';
import { isPlaceholderAz } from '../facts/placeholder-azs';

/** Subnets split into those in AZs a service supports and the AZs left out. */
export interface SupportedAzSubnets {
  readonly subnets: ec2.ISubnet[];
  readonly skippedAzs: string[];
}

/**
 * Keeps the subnets whose AZ the endpoint service supports, as `DescribeVpcEndpointServices` reports through
 * the CDK context provider that aws-cdk-lib's `lookupSupportedAzs` uses (the CLI fills the context; tests set
 * it on the App). A subnet in an unsupported AZ fails the deploy, so it is left out here instead.
 *
 * The lookup needs a concrete account and region, a resolvable service name and literal AZs; otherwise every
 * subnet is kept and nothing is looked up. Until the AZs themselves are looked up, their placeholder names
 * cannot be compared with the service's AZs: every subnet is kept, and the lookup is still requested so that
 * the CLI makes both at once.
 *
 * @param resolvedName the service name resolved with `Stack.resolve` (callers have it already)
 */
export function supportedAzSubnets(scope: Construct, resolvedName: unknown, subnets: ec2.ISubnet[]): SupportedAzSubnets {
  const stack = Stack.of(scope);
  const canLookUp = !Token.isUnresolved(stack.account)
    && !Token.isUnresolved(stack.region)
    && typeof resolvedName === 'string'
    && !Token.isUnresolved(resolvedName)
    && subnets.every(subnet => !Token.isUnresolved(subnet.availabilityZone));
  if (!canLookUp) {
    return { subnets, skippedAzs: [] };
  }

  const subnetAzs = [...new Set(subnets.map(subnet => subnet.availabilityZone))];
  const supportedAzs: string[] = ContextProvider.getValue(scope, {
    provider: cxschema.ContextProvider.ENDPOINT_SERVICE_AVAILABILITY_ZONE_PROVIDER,
    props: { serviceName: resolvedName },
    dummyValue: subnetAzs,
  }).value;
  recordLookup(scope, 'endpoint-service-availability-zones', resolvedName);
  if (subnetAzs.some(isPlaceholderAz)) {
    return { subnets, skippedAzs: [] };
  }
  return {
    subnets: subnets.filter(subnet => supportedAzs.includes(subnet.availabilityZone)),
    skippedAzs: subnetAzs.filter(az => !supportedAzs.includes(az)),
  };
}
