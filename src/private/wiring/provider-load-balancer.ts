import { CfnResource } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { suppressNagRules } from './nag-suppressions';
import type { EndpointServiceProviderProps } from '../../endpoint-service-provider';

/**
 * The internal NLB an EndpointServiceProvider defines in front of `targets`: cross-zone, one subnet per AZ, a TCP listener
 * on the service's port.
 */
export function defineProviderLoadBalancer(scope: Construct, props: EndpointServiceProviderProps,
  targets: elbv2.INetworkLoadBalancerTarget[], subnets: ec2.ISubnet[]): elbv2.NetworkLoadBalancer {
  const securityGroups = props.securityGroups ?? [];
  const enforceSecurityGroupInboundRulesOnPrivateLinkTraffic = props.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic ?? false;
  const loadBalancer = new elbv2.NetworkLoadBalancer(scope, 'LoadBalancer', {
    vpc: props.vpc,
    vpcSubnets: { subnets },
    internetFacing: false,
    crossZoneEnabled: true,
    // An endpoint service that supports IPv6 needs dual-stack NLBs (validateLoadBalancerIpv6).
    ipAddressType: supportsIpv6(props) ? elbv2.IpAddressType.DUAL_STACK : undefined,
    // Also without security groups when the app's feature flags would add a default one.
    ...(securityGroups.length > 0
      ? { securityGroups, enforceSecurityGroupInboundRulesOnPrivateLinkTraffic }
      : { disableSecurityGroups: true }),
  });
  loadBalancer.addListener('Listener', { port: props.port, protocol: elbv2.Protocol.TCP }).addTargets('Targets', {
    port: props.targetPort ?? props.port,
    protocol: elbv2.Protocol.TCP,
    targets,
    healthCheck: props.healthCheck,
  });
  suppressNagRules(loadBalancer.node.defaultChild as CfnResource, [{
    id: 'AwsSolutions-ELB2',
    reason: 'NLB access logs record only TLS connections, and this NLB has a TCP listener only: the logs would stay empty',
  }]);
  return loadBalancer;
}

/** Private subnets with egress when the VPC has them, else isolated ones: never public subnets. */
export function defaultLoadBalancerSubnets(vpc: ec2.IVpc): ec2.SubnetSelection {
  return { subnetType: vpc.privateSubnets.length > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED };
}

/** Whether the endpoint service accepts IPv6 requests. */
export function supportsIpv6(props: EndpointServiceProviderProps): boolean {
  return (props.supportedIpAddressTypes ?? []).includes(ec2.IpAddressType.IPV6);
}

/**
 * The IP address type of the NLB: as defined in the app (IPv4 when not set, the default), as given when imported, or
 * undefined when an imported NLB was given none.
 */
export function loadBalancerIpAddressType(loadBalancer: elbv2.INetworkLoadBalancer): string | undefined {
  if (loadBalancer instanceof elbv2.NetworkLoadBalancer) {
    return loadBalancer.ipAddressType ?? elbv2.IpAddressType.IPV4;
  }
  return loadBalancer.ipAddressType;
}

/** The scheme of an NLB defined in this app; undefined for an imported one, whose scheme cannot be read. */
export function schemeOf(loadBalancer: elbv2.INetworkLoadBalancer): string | undefined {
  if (!(loadBalancer instanceof elbv2.NetworkLoadBalancer)) {
    return undefined;
  }
  return (loadBalancer.node.defaultChild as elbv2.CfnLoadBalancer).scheme;
}

/** The props given that only shape an NLB the construct defines. */
export function givenCreatedLoadBalancerProps(props: EndpointServiceProviderProps): string[] {
  const createdOnly = {
    targetPort: props.targetPort,
    healthCheck: props.healthCheck,
    vpcSubnets: props.vpcSubnets,
    securityGroups: props.securityGroups,
    enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: props.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic,
  };
  return Object.entries(createdOnly).filter(([, value]) => value !== undefined).map(([prop]) => prop);
}
