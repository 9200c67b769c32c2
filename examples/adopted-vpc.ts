import { Annotations, App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { PROVIDER_ACCOUNT, REGION } from './private-link';
import { EndpointBundle, EndpointPolicy, PrivateEgressVpc } from '../src';

/** The on-premises network, reached over Direct Connect or a site-to-site VPN. */
export const ON_PREMISES_CIDR = '172.16.0.0/12';

/**
 * An existing network VPC (public, private and isolated subnets, one NAT gateway) that its owner already gave an S3
 * gateway endpoint. The egress construct adopts it: it adds no second S3 endpoint (a route table takes one endpoint
 * route per service), its ECR bundle counts on the existing one, and on-premises clients reach the interface endpoints.
 * Returns the existing VPC, which the account's VPC Block Public Access excludes.
 */
export function addAdoptedVpcStack(app: App): ec2.IVpc {
  const stack = new Stack(app, 'AdoptedNetwork', { env: { account: PROVIDER_ACCOUNT, region: REGION } });
  const vpc = new ec2.Vpc(stack, 'Existing', {
    maxAzs: 2,
    natGateways: 1,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
    gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
  });

  const egress = new PrivateEgressVpc(stack, 'Endpoints', {
    vpc,
    existingGatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.S3],
    bundles: [EndpointBundle.ECR_IMAGE_PULL, EndpointBundle.SECRETS],
    // S3 for on-premises clients: in-VPC traffic keeps using the free gateway endpoint.
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.S3],
    clientCidrs: [ON_PREMISES_CIDR],
    endpointPolicy: EndpointPolicy.accountPrincipals(),
  });
  // The private subnets keep their NAT route on purpose: their owner still needs internet egress for other traffic.
  Annotations.of(egress).acknowledgeWarning('cdk-private-endpoints:PrivateEgressVpc.internetRoute',
    'The private subnets keep their NAT gateway for traffic to partners on the internet');
  return vpc;
}
