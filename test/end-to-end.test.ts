import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { schemaCheckedTemplate } from './schema';
import { isolatedVpc, validationErrors } from './util';
import { EndpointConsumer } from '../src/endpoint-consumer';
import { EndpointServiceProvider } from '../src/endpoint-service-provider';

// Two accounts in one Region: the provider's and a consumer's. CDK cannot pass a token between accounts, so the
// consumer in the other account gets the service name as a string (what the provider's `ServiceName` output
// shows once deployed); a consumer in the provider's account takes the provider object.
const PROVIDER_ACCOUNT = '111111111111';
const CONSUMER_ACCOUNT = '222222222222';
const REGION = 'us-east-1';
const SERVICE_NAME = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';
const PARAMETER_NAME = '/services/orders/endpoint-service-name';

function twoAccountApp() {
  const app = new App({
    context: {
      [`availability-zones:account=${PROVIDER_ACCOUNT}:region=${REGION}`]: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      [`availability-zones:account=${CONSUMER_ACCOUNT}:region=${REGION}`]: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      // In the consumer's account, the service is offered in two of its AZs.
      [`endpoint-service-availability-zones:account=${CONSUMER_ACCOUNT}:region=${REGION}:serviceName=${SERVICE_NAME}`]: ['us-east-1a', 'us-east-1b'],
    },
  });
  const providerEnv = { account: PROVIDER_ACCOUNT, region: REGION };

  const providerStack = new Stack(app, 'ProviderStack', { env: providerEnv });
  const provider = new EndpointServiceProvider(providerStack, 'Orders', {
    vpc: isolatedVpc(providerStack, 'Vpc', { maxAzs: 3 }),
    port: 8443,
    targets: [new elbv2targets.IpTarget('10.0.0.10')],
    allowedPrincipals: [new iam.ArnPrincipal(`arn:aws:iam::${CONSUMER_ACCOUNT}:root`)],
    serviceNameParameter: PARAMETER_NAME,
  });

  // Same account, another stack: the provider object, passed by CloudFormation export and import.
  const sameAccountStack = new Stack(app, 'SameAccountConsumerStack', { env: providerEnv });
  const sameAccountVpc = isolatedVpc(sameAccountStack, 'Vpc', { maxAzs: 2 });
  const sameAccount = new EndpointConsumer(sameAccountStack, 'Orders', {
    vpc: sameAccountVpc,
    service: provider,
    domainName: 'orders.internal.example.com',
  });

  // Another account: the service name as a string.
  const crossAccountStack = new Stack(app, 'CrossAccountConsumerStack', { env: { account: CONSUMER_ACCOUNT, region: REGION } });
  const crossAccountVpc = isolatedVpc(crossAccountStack, 'Vpc', { maxAzs: 3 });
  const crossAccount = new EndpointConsumer(crossAccountStack, 'Orders', {
    vpc: crossAccountVpc,
    service: new ec2.InterfaceVpcEndpointService(SERVICE_NAME, 8443),
    domainName: 'orders.internal',
    wildcardRecord: true,
  });

  return { app, providerStack, sameAccountStack, sameAccountVpc, sameAccount, crossAccountStack, crossAccountVpc, crossAccount };
}

describe('EndpointServiceProvider and EndpointConsumer, end to end', () => {
  test('synthesize with no validation errors', () => {
    // GIVEN
    const { app } = twoAccountApp();

    // THEN
    expect(validationErrors(app)).toEqual([]);
  });

  test('the provider allows the consumer account and publishes the service name', () => {
    // GIVEN
    const { providerStack } = twoAccountApp();

    // THEN
    const template = Template.fromStack(providerStack);
    template.hasResourceProperties('AWS::EC2::VPCEndpointServicePermissions', {
      AllowedPrincipals: [`arn:aws:iam::${CONSUMER_ACCOUNT}:root`],
    });
    template.hasResourceProperties('AWS::EC2::VPCEndpointService', { AcceptanceRequired: true });
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: PARAMETER_NAME, Type: 'String' });
  });

  test('the same-account consumer imports the service name that the provider stack exports', () => {
    // GIVEN
    const { providerStack, sameAccountStack, sameAccountVpc } = twoAccountApp();

    // THEN
    const exported = Object.values(Template.fromStack(providerStack).findOutputs('*', { Export: Match.anyValue() }));
    expect(exported).toEqual([{
      Export: { Name: expect.stringMatching(/^ProviderStack:/) },
      Value: { Ref: expect.stringMatching(/^OrdersEndpointService/) },
    }]);
    const exportName = (exported[0] as { Export: { Name: string } }).Export.Name;

    const template = Template.fromStack(sameAccountStack);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      ServiceName: { 'Fn::Join': ['.', ['com.amazonaws.vpce.us-east-1', { 'Fn::ImportValue': exportName }]] },
      PrivateDnsEnabled: false,
      SubnetIds: sameAccountVpc.isolatedSubnets.map(subnet => ({ Ref: sameAccountStack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
    });
    expect(sameAccountStack.dependencies).toEqual([providerStack]);
  });

  test('the same-account consumer defines its zone and the record of its domain name', () => {
    // GIVEN
    const { sameAccountStack, sameAccount } = twoAccountApp();

    // THEN
    const template = Template.fromStack(sameAccountStack);
    template.hasResourceProperties('AWS::Route53::HostedZone', {
      Name: 'orders.internal.example.com.',
      VPCs: [{ VPCId: { Ref: Match.stringLikeRegexp('^Vpc') }, VPCRegion: REGION }],
    });
    template.resourceCountIs('AWS::Route53::RecordSet', 1);
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'orders.internal.example.com.', Type: 'A', AliasTarget: Match.anyValue() });
    expect(sameAccount.dnsName).toEqual('orders.internal.example.com');
  });

  test('the cross-account consumer uses the literal service name, with no reference to the provider stack', () => {
    // GIVEN
    const { crossAccountStack, providerStack } = twoAccountApp();

    // THEN
    const template = Template.fromStack(crossAccountStack);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      ServiceName: SERVICE_NAME,
      PrivateDnsEnabled: false,
    });
    expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
    expect(crossAccountStack.dependencies).not.toContain(providerStack);
  });

  test('the cross-account consumer is placed only in the AZs the service supports in its account', () => {
    // GIVEN
    const { crossAccountStack, crossAccountVpc } = twoAccountApp();

    // THEN
    const supported = crossAccountVpc.isolatedSubnets.filter(subnet => ['us-east-1a', 'us-east-1b'].includes(subnet.availabilityZone));
    Template.fromStack(crossAccountStack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
      SubnetIds: supported.map(subnet => ({ Ref: crossAccountStack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
    });
  });

  test('the cross-account consumer defines its zone with apex and wildcard records, and allows the VPC on the service port', () => {
    // GIVEN
    const { crossAccountStack, crossAccount } = twoAccountApp();

    // THEN
    const template = Template.fromStack(crossAccountStack);
    template.hasResourceProperties('AWS::Route53::HostedZone', { Name: 'orders.internal.' });
    expect(crossAccount.dnsName).toEqual('orders.internal');
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'orders.internal.', Type: 'A' });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: '*.orders.internal.', Type: 'A' });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.0.0.0/16', FromPort: 8443, ToPort: 8443 })],
    });
  });

  test('a consumer in the provider\'s account can read the name from the provider\'s SSM parameter instead, with no export', () => {
    // GIVEN
    const { app } = twoAccountApp();
    const stack = new Stack(app, 'ParameterConsumerStack', { env: { account: PROVIDER_ACCOUNT, region: REGION } });

    // WHEN
    new EndpointConsumer(stack, 'Orders', {
      vpc: isolatedVpc(stack, 'Vpc', { maxAzs: 2 }),
      service: EndpointConsumer.serviceFromParameter(stack, PARAMETER_NAME, 8443),
    });

    // THEN
    const template = Template.fromStack(stack);
    const parameters = template.findParameters('*', { Default: PARAMETER_NAME });
    expect(Object.keys(parameters)).toHaveLength(1);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: { Ref: Object.keys(parameters)[0] } });
    expect(stack.dependencies).toEqual([]);
  });

  test('snapshots of the consumer stacks', () => {
    // GIVEN
    const { sameAccountStack, crossAccountStack } = twoAccountApp();

    // THEN
    expect(schemaCheckedTemplate(sameAccountStack)).toMatchSnapshot();
    expect(schemaCheckedTemplate(crossAccountStack)).toMatchSnapshot();
  });
});
