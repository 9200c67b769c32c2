import { App, CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { CONSUMER_ACCOUNT, PROVIDER_ACCOUNT, REGION } from './private-link';
import { PortRange, PrivateResourceEndpoint, PrivateResourceShare, ResourceDefinition } from '../src';

const POSTGRES_PORT = 5432;
const REPORTS_PORT = 8443;
const LEDGER_PARAMETER = '/resources/ledger-db/resource-configuration-arn';

// What the provider stack's `ResourceConfigurationArn` output shows once it is deployed. CDK cannot pass a token
// between accounts, so the consumer account gets the ARN as text.
const LEDGER_CONFIGURATION_ARN = `arn:aws:vpc-lattice:${REGION}:${PROVIDER_ACCOUNT}:resourceconfiguration/rcfg-0123456789abcdef0`;

/** A VPC of isolated subnets in 2 AZs, with no way to the internet: where shared resources and their clients live. */
export function isolatedVpc(scope: Construct, cidr: string): ec2.Vpc {
  return new ec2.Vpc(scope, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

/** The ledger database in the provider account, shared with the consumer account: no NLB in front of it. */
class LedgerDatabaseStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = isolatedVpc(this, '10.0.0.0/16');
    const database = new rds.DatabaseInstance(this, 'Ledger', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17_5 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      port: POSTGRES_PORT,
      storageEncrypted: true,
    });
    new PrivateResourceShare(this, 'LedgerShare', {
      vpc,
      resource: ResourceDefinition.rdsInstance(database),
      allowedPrincipals: [CONSUMER_ACCOUNT],
      // The consumer account is outside the provider's organization in this example.
      allowExternalPrincipals: true,
      resourceConfigurationArnParameter: LEDGER_PARAMETER,
    });
    // The ledger's reporting host, under a name of the provider's public domain that the share verifies (a database
    // keeps its own endpoint name, so this is a host by IP address).
    new PrivateResourceShare(this, 'ReportsShare', {
      vpc,
      resource: ResourceDefinition.ipAddress('10.0.0.50'),
      portRanges: [PortRange.tcp(REPORTS_PORT)],
      customDomainName: 'reports.ledger.example.com',
      publicHostedZone: route53.PublicHostedZone.fromPublicHostedZoneAttributes(this, 'PublicZone', {
        hostedZoneId: 'Z0123456789ABCDEFGHIJ',
        zoneName: 'example.com',
      }),
      allowedPrincipals: [CONSUMER_ACCOUNT],
      allowExternalPrincipals: true,
    });
  }
}

/** The ledger's consumer in another account: a resource endpoint to the shared configuration, by ARN. */
class LedgerClientStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = isolatedVpc(this, '10.1.0.0/16');
    const ledger = new PrivateResourceEndpoint(this, 'Ledger', {
      vpc,
      resourceConfigurationArn: LEDGER_CONFIGURATION_ARN,
      portRanges: [PortRange.tcp(POSTGRES_PORT)],
    });
    // Workloads in this security group may reach the database; nothing else in the VPC needs to.
    const clients = new ec2.SecurityGroup(this, 'LedgerClients', { vpc });
    ledger.connections.allowDefaultPortFrom(clients);
    new CfnOutput(this, 'LedgerEndpointId', { value: ledger.vpcEndpointId });
  }
}

/** An RDS database shared from the provider account and reached from the consumer account (PrivateLink for VPC resources). */
export function addPrivateResourceStacks(app: App): void {
  new LedgerDatabaseStack(app, 'LedgerDatabase', { env: { account: PROVIDER_ACCOUNT, region: REGION } });
  new LedgerClientStack(app, 'LedgerClient', { env: { account: CONSUMER_ACCOUNT, region: REGION } });
}
