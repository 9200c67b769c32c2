import { App, CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { EndpointConsumer, EndpointServiceProvider } from '../src';

export const REGION = 'us-east-1';
export const PROVIDER_ACCOUNT = '111111111111';
export const CONSUMER_ACCOUNT = '222222222222';
const ORDERS_PORT = 8443;
const ORDERS_PARAMETER = '/services/orders/endpoint-service-name';

// What the provider stack's `ServiceName` output shows once it is deployed. CDK cannot pass a token between
// accounts, so the consumer account gets the name as text.
const ORDERS_SERVICE_NAME = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';

function isolatedVpc(scope: Construct): ec2.Vpc {
  return new ec2.Vpc(scope, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

/** The orders service in the provider account, shared through PrivateLink with the consumer account. */
class OrdersProviderStack extends Stack {
  public readonly provider: EndpointServiceProvider;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.provider = new EndpointServiceProvider(this, 'Orders', {
      vpc: isolatedVpc(this),
      port: ORDERS_PORT,
      // The hosts that run the service.
      targets: [new elbv2targets.IpTarget('10.0.0.10'), new elbv2targets.IpTarget('10.0.128.10')],
      allowedPrincipals: [new iam.ArnPrincipal(`arn:aws:iam::${CONSUMER_ACCOUNT}:root`)],
      serviceNameParameter: ORDERS_PARAMETER,
    });
  }
}

interface SameAccountConsumerStackProps extends StackProps {
  readonly provider: EndpointServiceProvider;
}

/** A consumer in the provider's account: it takes the provider object, which CDK exports and imports. */
class SameAccountConsumerStack extends Stack {
  constructor(scope: Construct, id: string, props: SameAccountConsumerStackProps) {
    super(scope, id, props);
    const orders = new EndpointConsumer(this, 'Orders', {
      vpc: isolatedVpc(this),
      service: props.provider,
      domainName: 'orders.internal.example.com',
    });
    new CfnOutput(this, 'OrdersDnsName', { value: orders.dnsName });
  }
}

/** A consumer in another account: it takes the service name as a string. */
class CrossAccountConsumerStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = isolatedVpc(this);
    const orders = new EndpointConsumer(this, 'Orders', {
      vpc,
      service: new ec2.InterfaceVpcEndpointService(ORDERS_SERVICE_NAME, ORDERS_PORT),
      domainName: 'orders.internal.example.com',
      wildcardRecord: true,
    });
    // Workloads in this security group may call the service; nothing else in the VPC needs to.
    const clients = new ec2.SecurityGroup(this, 'OrdersClients', { vpc });
    orders.connections.allowDefaultPortFrom(clients);
    new CfnOutput(this, 'OrdersEndpointId', { value: orders.vpcEndpointId });
  }
}

/** The provider stack, a consumer stack in its account, and a consumer stack in another account. */
export function addPrivateLinkStacks(app: App): void {
  const providerEnv = { account: PROVIDER_ACCOUNT, region: REGION };
  const providerStack = new OrdersProviderStack(app, 'OrdersProvider', { env: providerEnv });
  new SameAccountConsumerStack(app, 'OrdersSameAccountConsumer', { env: providerEnv, provider: providerStack.provider });
  new CrossAccountConsumerStack(app, 'OrdersCrossAccountConsumer', { env: { account: CONSUMER_ACCOUNT, region: REGION } });
}
