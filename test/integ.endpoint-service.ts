import { App, Aws, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { assertInvocation } from './integ-assertion';
import { EndpointConsumer, EndpointServiceProvider, PrivateEgressVpc } from '../src';

const GREETING = 'hello from the provider';
const DOMAIN_NAME = 'orders.integ.internal';

/**
 * A deployable test of EndpointServiceProvider and EndpointConsumer: the provider's NLB forwards to an internal ALB
 * that answers with a fixed text, and a Lambda function in the consumer's isolated VPC fetches that text through the
 * consumer's endpoint, by the consumer's split-horizon name. The two VPCs are not connected, so the text can only come
 * through PrivateLink. The assertions stack (test/integ-assertion.ts) invokes the function until it returns the text,
 * and its deploy fails if it does not within five minutes. See the README's "Integration tests" for how to deploy it;
 * test/integ.test.ts checks its templates against committed snapshots.
 */
export function endpointServiceIntegApp(): App {
  const app = new App();
  const stack = new Stack(app, 'EndpointServiceInteg');

  // Provider: an internal ALB with a fixed response, behind the provider's NLB.
  const providerVpc = new ec2.Vpc(stack, 'ProviderVpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Service', { vpc: providerVpc, internetFacing: false });
  const listener = alb.addListener('Http', {
    port: 80,
    open: false,
    defaultAction: elbv2.ListenerAction.fixedResponse(200, { contentType: 'text/plain', messageBody: GREETING }),
  });
  // The NLB has no security group: the ALB's clients are the NLB's nodes, with addresses in the VPC.
  alb.connections.allowFrom(ec2.Peer.ipv4(providerVpc.vpcCidrBlock), ec2.Port.tcp(80));

  const provider = new EndpointServiceProvider(stack, 'Provider', {
    vpc: providerVpc,
    port: 80,
    targets: [new elbv2targets.AlbListenerTarget(listener)],
    allowedPrincipals: [new iam.ArnPrincipal(`arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:root`)],
    // The test's own account connects; nobody has to accept the connection.
    acceptanceRequired: false,
  });

  // Consumer: an isolated VPC with an endpoint to the provider and a private hosted zone for its name.
  const consumerNetwork = new PrivateEgressVpc(stack, 'ConsumerNetwork', { maxAzs: 2, flowLogsEnabled: false });
  const consumer = new EndpointConsumer(stack, 'Consumer', { vpc: consumerNetwork.vpc, service: provider, domainName: DOMAIN_NAME });

  const client = new lambda.Function(stack, 'Client', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    vpc: consumerNetwork.vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    timeout: Duration.seconds(30),
    environment: { URL: `http://${DOMAIN_NAME}/` },
    code: lambda.Code.fromInline('exports.handler = async () => (await fetch(process.env.URL)).text();'),
  });
  consumer.connections.allowDefaultPortFrom(client);

  assertInvocation(app, 'EndpointServiceIntegAssert', {
    testStack: stack,
    probe: client,
    expectedPayload: GREETING,
    // The endpoint and its zone answer a while after the stack is created; the deploy fails if it never holds.
    totalTimeout: Duration.minutes(5),
    queryInterval: Duration.seconds(15),
  });
  return app;
}

if (require.main === module) {
  endpointServiceIntegApp().synth();
}
