import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import { ACCOUNT, AZS, isolatedVpc, REGION } from './util';
import { describeServiceName, summarize } from '../examples/summary';
import { EndpointConsumer, EndpointServiceProvider, PrivateEgressVpc } from '../src';

const ENV = { account: ACCOUNT, region: REGION };
const AZ_CONTEXT = { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS };
const SERVICE_NAME = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';

/** A provider stack (its VPC defined outside the provider), a consumer of it in another stack, and an egress VPC. */
function exampleApp(context: Record<string, unknown> = AZ_CONTEXT): App {
  const app = new App({ context });
  const providerStack = new Stack(app, 'OrdersProvider', { env: ENV });
  const provider = new EndpointServiceProvider(providerStack, 'Orders', {
    vpc: isolatedVpc(providerStack, 'Vpc', { maxAzs: 2 }),
    port: 8443,
    targets: [new targets.IpTarget('10.0.0.10')],
  });
  const consumerStack = new Stack(app, 'OrdersConsumer', { env: ENV });
  new EndpointConsumer(consumerStack, 'Orders', { vpc: isolatedVpc(consumerStack, 'Vpc', { maxAzs: 2 }), service: provider });
  const egressStack = new Stack(app, 'Workloads', { env: ENV });
  new PrivateEgressVpc(egressStack, 'Network', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM] });
  return app;
}

function summaryOf(app: App): string[] {
  return summarize(app, app.synth());
}

/** The summary's lines from the stack's heading up to the next stack. */
function stackLines(lines: string[], stackName: string): string[] {
  const start = lines.findIndex(line => line.startsWith(`${stackName} (`));
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

describe('example summary', () => {
  test('credits each construct with its own resources only, and lists the others apart', () => {
    // WHEN
    const lines = stackLines(summaryOf(exampleApp()), 'OrdersProvider');

    // THEN the provider's VPC is the stack's, not the provider's
    expect(lines).toContain('  EndpointServiceProvider OrdersProvider/Orders: 4 resources (1 AWS::EC2::VPCEndpointService, '
      + '1 AWS::ElasticLoadBalancingV2::Listener, 1 AWS::ElasticLoadBalancingV2::LoadBalancer, 1 AWS::ElasticLoadBalancingV2::TargetGroup)');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}not the library's: \d+ resources \(.*1 AWS::EC2::VPC\)$/));
  });

  test('never prints a raw token: says where a service name comes from', () => {
    // WHEN
    const lines = summaryOf(exampleApp());

    // THEN
    expect(stackLines(lines, 'OrdersConsumer')).toContainEqual(
      expect.stringMatching(/^ {4}interface endpoint to the service name imported from stack OrdersProvider x 2 AZs$/));
    for (const line of lines) {
      expect(line).not.toMatch(/Fn::|"Ref"|\$\{Token|\{"/);
    }
  });

  test('describes a service name read from an SSM parameter, or defined in the same stack', () => {
    // GIVEN
    const template = {
      Resources: { OrdersEndpointService: { Type: 'AWS::EC2::VPCEndpointService' } },
      Parameters: { SsmParameterValueOrders: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/services/orders/name' } },
    };

    // THEN
    expect(describeServiceName({ Ref: 'SsmParameterValueOrders' }, template))
      .toBe('the service name read from SSM parameter /services/orders/name at deploy');
    expect(describeServiceName({ 'Fn::Join': ['.', ['com.amazonaws.vpce.us-east-1', { Ref: 'OrdersEndpointService' }]] }, template))
      .toBe('the service name of AWS::EC2::VPCEndpointService OrdersEndpointService in this stack');
    expect(describeServiceName(SERVICE_NAME, template)).toBe(SERVICE_NAME);
  });

  test('shows each stack\'s warnings: how many, and the IDs to acknowledge them by', () => {
    // GIVEN a provider whose NLB is in a single AZ
    const app = new App({ context: AZ_CONTEXT });
    const stack = new Stack(app, 'SingleAz', { env: ENV });
    new EndpointServiceProvider(stack, 'Orders', {
      vpc: isolatedVpc(stack, 'Vpc', { maxAzs: 1 }),
      port: 8443,
      targets: [new targets.IpTarget('10.0.0.10')],
    });

    // WHEN
    const lines = stackLines(summaryOf(app), 'SingleAz');

    // THEN
    expect(lines).toContain('  warnings: 1 (cdk-private-endpoints:EndpointServiceProvider.singleAz)');
  });

  test('says how many context lookups are missing, and which endpoints keep every subnet until they are made', () => {
    // WHEN no AZs in context at all
    const lines = summaryOf(exampleApp({}));

    // THEN
    expect(lines[lines.length - 1]).toMatch(
      /^Context lookups still missing: 2 \(1 availability-zones, 1 endpoint-service-availability-zones\)\. Until `cdk synth` makes them/);
    expect(stackLines(lines, 'Workloads')).toContain(
      '    interface endpoint to com.amazonaws.us-east-1.ssm x 3 AZs (every subnet: the AZs the service supports are not looked up yet)');
  });

  test('says when every lookup is made', () => {
    // GIVEN
    const context = { ...AZ_CONTEXT, [`endpoint-service-availability-zones:account=${ACCOUNT}:region=${REGION}:serviceName=com.amazonaws.us-east-1.ssm`]: AZS };

    // WHEN
    const lines = summaryOf(exampleApp(context));

    // THEN
    expect(lines[lines.length - 1]).toBe('Context lookups: all made; the AZs above are the accounts\' own.');
    expect(stackLines(lines, 'Workloads')).toContain('    interface endpoint to com.amazonaws.us-east-1.ssm x 3 AZs');
  });

  test('prices every construct that costs money: the egress VPC, the provider\'s NLB and the consumer\'s endpoint', () => {
    // WHEN
    const lines = summaryOf(exampleApp());

    // THEN 1 x 0.01 x 3 x 730 = 21.90; 0.0225 x 730 = 16.43; 0.01 x 2 x 730 = 14.60
    expect(stackLines(lines, 'Workloads')).toContainEqual(expect.stringMatching(/^ {4}estimated cost: 21\.90 USD\/month \+ 0\.01 USD\/GB \(one NAT gateway per AZ: 98\.55 USD\/month; break-even 0 GB\/month\)$/));
    expect(stackLines(lines, 'OrdersProvider')).toContain('    estimated cost: 16.43 USD/month for the NLB + 0.006 USD per NLCU-hour');
    expect(stackLines(lines, 'OrdersConsumer')).toContain('    estimated cost: 14.60 USD/month + 0.01 USD/GB');
  });
});
