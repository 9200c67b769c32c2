import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { PROVIDER_ACCOUNT, REGION } from './private-link';
import { EndpointBundle, EndpointConsumer, EndpointServiceProvider, PrivateEgressVpc } from '../src';

/** The Region of the inventory service's consumers: another Region than the provider's. */
export const CONSUMER_REGION = 'eu-west-1';

/** A dual-stack VPC with isolated subnets only. */
function dualStackVpc(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    ipProtocol: ec2.IpProtocol.DUAL_STACK,
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

/**
 * An inventory service in us-east-1, offered over IPv4 and IPv6 to consumers in eu-west-1 (cross-Region PrivateLink):
 * the provider's NLB is dual-stack and lists eu-west-1 in `allowedRegions`; the consumer's endpoint takes its
 * ServiceRegion from the provider object, and its zone answers with A and AAAA records. The provider's workloads reach
 * ECR in eu-west-1 too, through a dual-stack egress VPC.
 */
export function addRegionsAndIpFamiliesStacks(app: App): void {
  const providerStack = new Stack(app, 'InventoryProvider', { env: { account: PROVIDER_ACCOUNT, region: REGION }, crossRegionReferences: true });
  const provider = new EndpointServiceProvider(providerStack, 'Inventory', {
    vpc: dualStackVpc(providerStack),
    port: 443,
    targets: [new elbv2targets.IpTarget('10.0.0.20'), new elbv2targets.IpTarget('10.0.128.20')],
    allowedPrincipals: [new iam.ArnPrincipal(`arn:aws:iam::${PROVIDER_ACCOUNT}:root`)],
    allowedRegions: [CONSUMER_REGION],
    supportedIpAddressTypes: [ec2.IpAddressType.IPV4, ec2.IpAddressType.IPV6],
  });

  const consumerStack = new Stack(app, 'InventoryConsumer', { env: { account: PROVIDER_ACCOUNT, region: CONSUMER_REGION }, crossRegionReferences: true });
  new EndpointConsumer(consumerStack, 'Inventory', {
    vpc: dualStackVpc(consumerStack),
    service: provider,
    ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK,
    dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.DUALSTACK,
    domainName: 'inventory.internal.example.com',
  });

  const egress = new PrivateEgressVpc(providerStack, 'Egress', {
    ipProtocol: ec2.IpProtocol.DUAL_STACK,
    maxAzs: 2,
    bundles: [EndpointBundle.SESSION_MANAGER],
  });
  egress.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.ECR, { serviceRegion: CONSUMER_REGION });
}
