import { App, CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { CONSUMER_ACCOUNT, PROVIDER_ACCOUNT, REGION } from './private-link';
import { isolatedVpc } from './private-resources';
import { PortRange, PrivateResourceShare, PrivateServiceNetwork, PrivateServiceNetworkEndpoint, ResourceDefinition } from '../src';

const POSTGRES_PORT = 5432;
const HTTPS_PORT = 443;

// What the provider stack's `ServiceNetworkArn` output shows once it is deployed. CDK cannot pass a token between
// accounts, so the consumer account gets the ARN as text.
const DATA_NETWORK_ARN = `arn:aws:vpc-lattice:${REGION}:${PROVIDER_ACCOUNT}:servicenetwork/sn-0123456789abcdef0`;

/**
 * The provider account's data platform: an Aurora cluster and a partner API reached by its domain name, carried by one
 * service network that is shared with the consumer account.
 */
class DataPlatformStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = isolatedVpc(this, '10.2.0.0/16');
    const orders = new rds.DatabaseCluster(this, 'Orders', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      writer: rds.ClusterInstance.serverlessV2('Writer'),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      port: POSTGRES_PORT,
      storageEncrypted: true,
    });
    const ordersShare = new PrivateResourceShare(this, 'OrdersShare', { vpc, resource: ResourceDefinition.rdsCluster(orders) });
    // The partner's API, under a name of the provider's public domain that the share verifies, so that consumers with the
    // default DNS preference (verified names only) resolve it.
    const paymentsShare = new PrivateResourceShare(this, 'PaymentsShare', {
      vpc,
      resource: ResourceDefinition.dnsName('api.payments-partner.net'),
      portRanges: [PortRange.tcp(HTTPS_PORT)],
      customDomainName: 'payments.data.example.com',
      publicHostedZone: route53.PublicHostedZone.fromPublicHostedZoneAttributes(this, 'PublicZone', {
        hostedZoneId: 'Z0123456789ABCDEFGHIJ',
        zoneName: 'example.com',
      }),
    });
    new PrivateServiceNetwork(this, 'DataNetwork', {
      resources: [ordersShare, paymentsShare],
      allowedPrincipals: [CONSUMER_ACCOUNT],
      // The consumer account is outside the provider's organization in this example.
      allowExternalPrincipals: true,
    });
  }
}

/** The consumer account reaches both resources through one service-network endpoint, by the network's ARN. */
class DataClientStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = isolatedVpc(this, '10.3.0.0/16');
    const data = new PrivateServiceNetworkEndpoint(this, 'DataNetwork', {
      vpc,
      serviceNetworkArn: DATA_NETWORK_ARN,
      portRanges: [PortRange.tcp(POSTGRES_PORT), PortRange.tcp(HTTPS_PORT)],
    });
    // Workloads in this security group may reach the network's resources; nothing else in the VPC needs to.
    const clients = new ec2.SecurityGroup(this, 'DataClients', { vpc });
    data.connections.allowFrom(clients, ec2.Port.tcp(POSTGRES_PORT));
    data.connections.allowFrom(clients, ec2.Port.tcp(HTTPS_PORT));
    new CfnOutput(this, 'DataNetworkEndpointId', { value: data.vpcEndpointId });
  }
}

/** An Aurora cluster and a domain-name resource shared through one service network, reached through one endpoint. */
export function addServiceNetworkStacks(app: App): void {
  new DataPlatformStack(app, 'DataPlatform', { env: { account: PROVIDER_ACCOUNT, region: REGION } });
  new DataClientStack(app, 'DataClient', { env: { account: CONSUMER_ACCOUNT, region: REGION } });
}
