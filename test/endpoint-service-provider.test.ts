import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { schemaCheckedTemplate } from './schema';
import { AWS_SOLUTIONS_CHECKS, AZS, isolatedVpc, testStack, validationErrors } from './util';
import { EndpointServiceProvider, EndpointServiceProviderProps } from '../src/endpoint-service-provider';

const CONSUMER_ACCOUNT = 'arn:aws:iam::111122223333:root';
const OTHER_ACCOUNT = 'arn:aws:iam::444455556666:root';
const SERVICE_NAME = { 'Fn::Join': ['.', ['com.amazonaws.vpce.us-east-1', { Ref: Match.stringLikeRegexp('^ProviderEndpointService') }]] };

/** A stack with a VPC of three AZs, each with a public and two private subnets (app and data tiers). */
function setUp(context: Record<string, unknown> = {}) {
  const { app, stack } = testStack({}, context);
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 3,
    natGateways: 1,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    ],
  });
  return { app, stack, vpc };
}

/** A stack with a small VPC of two AZs and isolated subnets only. */
function setUpIsolated() {
  const { app, stack } = testStack();
  const vpc = isolatedVpc(stack, 'Vpc', { maxAzs: 2 });
  return { app, stack, vpc };
}

function provider(stack: Stack, vpc: ec2.IVpc, props: Partial<EndpointServiceProviderProps> = {}) {
  return new EndpointServiceProvider(stack, 'Provider', {
    vpc,
    port: 443,
    ...(props.networkLoadBalancer ? {} : { targets: [new targets.IpTarget('10.0.3.10')] }),
    ...props,
  });
}

/** Every prop that shapes the service, the NLB from targets, private DNS in a zone, notifications and the parameter. */
function fullyConfigured(stack: Stack, vpc: ec2.IVpc) {
  const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });
  const topic = new sns.Topic(stack, 'Topic', { enforceSSL: true });
  const loadBalancerSg = new ec2.SecurityGroup(stack, 'LoadBalancerSg', { vpc, allowAllOutbound: false });
  return provider(stack, vpc, {
    port: 443,
    targetPort: 8443,
    healthCheck: { port: '8080', protocol: elbv2.Protocol.HTTP, path: '/health' },
    securityGroups: [loadBalancerSg],
    acceptanceRequired: false,
    allowedPrincipals: [new iam.ArnPrincipal(CONSUMER_ACCOUNT)],
    allowedRegions: ['eu-west-1'],
    supportedIpAddressTypes: [ec2.IpAddressType.IPV4],
    contributorInsights: true,
    privateDnsName: 'api.example.com',
    publicHostedZone: zone,
    connectionNotificationTopic: topic,
    serviceNameParameter: '/services/api/endpoint-service-name',
  });
}

describe('EndpointServiceProvider', () => {
  describe('network load balancer', () => {
    test('defines an internal NLB in one private subnet per AZ, with cross-zone load balancing on', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const service = provider(stack, vpc);

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        Type: 'network',
        Scheme: 'internal',
        Subnets: vpc.privateSubnets.slice(0, 3).map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
        LoadBalancerAttributes: Match.arrayWith([{ Key: 'load_balancing.cross_zone.enabled', Value: 'true' }]),
      });
      expect(service.availabilityZones).toEqual(AZS);
    });

    test('uses the isolated subnets of a VPC without private subnets with egress', () => {
      // GIVEN
      const { stack, vpc } = setUpIsolated();

      // WHEN
      provider(stack, vpc);

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        Subnets: vpc.isolatedSubnets.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
      });
    });

    test('uses one subnet per AZ of the chosen subnets', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const dataSubnets = vpc.selectSubnets({ subnetGroupName: 'Data' }).subnets;

      // WHEN
      provider(stack, vpc, { vpcSubnets: { subnetGroupName: 'Data' } });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        Subnets: dataSubnets.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
      });
    });

    test('defines a TCP listener on the port and a target group on the target port with the health check', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { port: 443, targetPort: 8443, healthCheck: { port: '8080', protocol: elbv2.Protocol.HTTP, path: '/health' } });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'TCP' });
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
        Port: 8443,
        Protocol: 'TCP',
        Targets: [{ Id: '10.0.3.10' }],
        HealthCheckPort: '8080',
        HealthCheckProtocol: 'HTTP',
        HealthCheckPath: '/health',
      });
    });

    test('sends traffic to the listener port when no target port is given', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { port: 5432 });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 5432, Protocol: 'TCP' });
    });

    test('defines the NLB without security groups, even where the feature flag would add one', () => {
      // GIVEN
      const { stack, vpc } = setUp({ '@aws-cdk/aws-elasticloadbalancingv2:networkLoadBalancerWithSecurityGroupByDefault': true });

      // WHEN
      provider(stack, vpc);

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::SecurityGroup', 0);
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        SecurityGroups: Match.absent(),
        EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: Match.absent(),
      });
    });

    test('gives the NLB the security groups given, not applied to PrivateLink traffic unless asked', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });

      // WHEN
      provider(stack, vpc, { securityGroups: [sg] });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        SecurityGroups: [{ 'Fn::GetAtt': [stack.getLogicalId(sg.node.defaultChild as ec2.CfnSecurityGroup), 'GroupId'] }],
        EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: 'off',
      });
    });

    test('applies the security groups to PrivateLink traffic when asked', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });

      // WHEN
      provider(stack, vpc, { securityGroups: [sg], enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: true });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: 'on',
      });
    });

    test('puts the service on an existing NLB without defining another', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });

      // WHEN
      const service = provider(stack, vpc, { networkLoadBalancer: nlb, availabilityZones: ['us-east-1a', 'us-east-1b'] });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
      template.hasResourceProperties('AWS::EC2::VPCEndpointService', {
        NetworkLoadBalancerArns: [{ Ref: stack.getLogicalId(nlb.node.defaultChild as elbv2.CfnLoadBalancer) }],
      });
      expect(service.networkLoadBalancer).toBe(nlb);
      expect(service.availabilityZones).toEqual(['us-east-1a', 'us-east-1b']);
    });

    test('does not know the AZs of an existing NLB unless told', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const nlb = elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, 'Nlb', {
        loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/shared/0123456789abcdef',
      });

      // WHEN
      const service = provider(stack, vpc, { networkLoadBalancer: nlb });

      // THEN
      expect(service.availabilityZones).toEqual([]);
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpointService', {
        NetworkLoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/shared/0123456789abcdef'],
      });
    });

    test('throws when neither an NLB nor targets are given', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN / THEN
      expect(() => new EndpointServiceProvider(stack, 'Provider', { vpc, port: 443 }))
        .toThrow(/give exactly one of `networkLoadBalancer` \(an existing NLB\) or `targets`/);
    });

    test('throws when both an NLB and targets are given', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });

      // WHEN / THEN
      expect(() => new EndpointServiceProvider(stack, 'Provider', { vpc, port: 443, networkLoadBalancer: nlb, targets: [] }))
        .toThrow(/give exactly one of `networkLoadBalancer`/);
    });
  });

  describe('endpoint service', () => {
    test('requires acceptance, allows nobody and has no private DNS name by default', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const service = provider(stack, vpc);

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPCEndpointService', {
        AcceptanceRequired: true,
        NetworkLoadBalancerArns: [{ Ref: Match.stringLikeRegexp('^ProviderLoadBalancer') }],
        PrivateDnsName: Match.absent(),
        SupportedRegions: Match.absent(),
      });
      // No permissions resource means no principal may connect.
      template.resourceCountIs('AWS::EC2::VPCEndpointServicePermissions', 0);
      template.resourceCountIs('AWS::EC2::VPCEndpointConnectionNotification', 0);
      template.resourceCountIs('AWS::SSM::Parameter', 0);
      expect(service.privateDnsDefault).toBe(false);
      expect(service.privateDnsName).toBeUndefined();
    });

    test('allows the principals given and those added later, each once', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const service = provider(stack, vpc, { allowedPrincipals: [new iam.ArnPrincipal(CONSUMER_ACCOUNT)] });

      // WHEN
      service.addAllowedPrincipal(new iam.ArnPrincipal(OTHER_ACCOUNT));
      service.addAllowedPrincipal(new iam.ArnPrincipal(CONSUMER_ACCOUNT));

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::VPCEndpointServicePermissions', 1);
      template.hasResourceProperties('AWS::EC2::VPCEndpointServicePermissions', {
        ServiceId: { Ref: Match.stringLikeRegexp('^ProviderEndpointService') },
        AllowedPrincipals: [CONSUMER_ACCOUNT, OTHER_ACCOUNT],
      });
    });

    test('defines the permissions when the first principal is added after construction', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const service = provider(stack, vpc);

      // WHEN
      service.addAllowedPrincipal(new iam.ArnPrincipal(OTHER_ACCOUNT));

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpointServicePermissions', { AllowedPrincipals: [OTHER_ACCOUNT] });
    });

    test('passes acceptance, Regions, IP address types and Contributor Insights to the service', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = isolatedVpc(stack, 'Vpc', { maxAzs: 2, ipProtocol: ec2.IpProtocol.DUAL_STACK });

      // WHEN
      provider(stack, vpc, {
        acceptanceRequired: false,
        allowedRegions: ['eu-west-1', 'us-west-2'],
        supportedIpAddressTypes: [ec2.IpAddressType.IPV4, ec2.IpAddressType.IPV6],
        contributorInsights: true,
      });

      // THEN: an endpoint service that supports IPv6 needs a dual-stack NLB
      expect(validationErrors(app)).toEqual([]);
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPCEndpointService', {
        AcceptanceRequired: false,
        SupportedRegions: ['eu-west-1', 'us-west-2'],
        SupportedIpAddressTypes: ['ipv4', 'ipv6'],
        ContributorInsightsEnabled: true,
      });
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { IpAddressType: 'dualstack' });
    });

    test('fails when it supports IPv6 but its NLB cannot be dual-stack', () => {
      // GIVEN
      const { app, stack, vpc } = setUpIsolated();
      const ipv4Nlb = new elbv2.NetworkLoadBalancer(stack, 'Existing', { vpc, internetFacing: false });

      // WHEN
      provider(stack, vpc, { supportedIpAddressTypes: [ec2.IpAddressType.IPV6] });
      new EndpointServiceProvider(stack, 'Other', { vpc, port: 443, networkLoadBalancer: ipv4Nlb, supportedIpAddressTypes: [ec2.IpAddressType.IPV6] });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Provider] `supportedIpAddressTypes` includes ipv6, so the NLB is dual-stack, but its subnets '
        + 'TestStack/Vpc/IsolatedSubnet1, TestStack/Vpc/IsolatedSubnet2 have no IPv6 range. Give the VPC IPv6 (`ipProtocol: '
        + 'ec2.IpProtocol.DUAL_STACK`) or select dual-stack subnets with `vpcSubnets`, or remove ipv6.',
        '[TestStack/Other] `supportedIpAddressTypes` includes ipv6, but `networkLoadBalancer` has IP address type ipv4; every '
        + 'NLB of an endpoint service that supports IPv6 must be dual-stack. Give the NLB `ipAddressType: '
        + 'elbv2.IpAddressType.DUAL_STACK`, or remove ipv6.',
      ]);
    });

    test('names the service with the partition\'s prefix: cn.com.amazonaws.vpce in China', () => {
      // GIVEN
      const names = ['cn-north-1', 'us-gov-west-1'].map(region => {
        const { stack } = testStack({ env: { account: '123456789012', region } });
        return stack.resolve(provider(stack, isolatedVpc(stack, 'Vpc', { maxAzs: 2 })).vpcEndpointServiceName);
      });
      const { stack: agnostic } = testStack({ env: {} });
      const agnosticName = agnostic.resolve(provider(agnostic, isolatedVpc(agnostic, 'Vpc', { maxAzs: 2 })).vpcEndpointServiceName);

      // THEN
      expect(names).toEqual([
        { 'Fn::Join': ['.', ['cn.com.amazonaws.vpce.cn-north-1', expect.anything()]] },
        { 'Fn::Join': ['.', ['com.amazonaws.vpce.us-gov-west-1', expect.anything()]] },
      ]);
      // An environment-agnostic stack looks the prefix up by Region when it is deployed.
      expect(JSON.stringify(agnosticName)).toMatch(/Fn::FindInMap.*vpcEndpointServiceNamePrefix|Fn::FindInMap/);
    });

    test('exposes the service name, ID and service', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const service = provider(stack, vpc);

      // THEN
      expect(stack.resolve(service.vpcEndpointServiceName)).toEqual({
        'Fn::Join': ['.', ['com.amazonaws.vpce.us-east-1', { Ref: stack.getLogicalId(cfnService(service)) }]],
      });
      expect(service.name).toBe(service.vpcEndpointServiceName);
      expect(stack.resolve(service.vpcEndpointServiceId)).toEqual({ Ref: stack.getLogicalId(cfnService(service)) });
      expect(service.endpointService.vpcEndpointServiceId).toBe(service.vpcEndpointServiceId);
      expect(service.port).toBe(443);
    });

    test('is a service that an interface endpoint can take directly', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const service = provider(stack, vpc, { port: 5432 });

      // WHEN
      new ec2.InterfaceVpcEndpoint(stack, 'Endpoint', { vpc, service });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Interface',
        ServiceName: SERVICE_NAME,
        PrivateDnsEnabled: false,
      });
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: [Match.objectLike({ FromPort: 5432, ToPort: 5432 })],
      });
    });
  });

  describe('private DNS name', () => {
    test('writes the verification TXT record into the zone from the service\'s attributes', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });

      // WHEN
      const service = provider(stack, vpc, { privateDnsName: 'api.example.com', publicHostedZone: zone });

      // THEN
      const template = Template.fromStack(stack);
      const serviceId = stack.getLogicalId(cfnService(service));
      template.hasResourceProperties('AWS::EC2::VPCEndpointService', { PrivateDnsName: 'api.example.com' });
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Type: 'TXT',
        HostedZoneId: { Ref: stack.getLogicalId(zone.node.defaultChild as route53.CfnHostedZone) },
        Name: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [serviceId, 'PrivateDnsNameConfiguration.Name'] }, '.api.example.com.']] },
        ResourceRecords: [{ 'Fn::Join': ['', ['"', { 'Fn::GetAtt': [serviceId, 'PrivateDnsNameConfiguration.Value'] }, '"']] }],
      });
      // Consumers turn private DNS on once the name is verified, after this stack is deployed.
      expect(service.privateDnsDefault).toBe(false);
      expect(service.privateDnsName).toBe('api.example.com');
    });

    test('starts the verification once the record exists, allowed on this service only', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });

      // WHEN
      const service = provider(stack, vpc, { privateDnsName: 'api.example.com', publicHostedZone: zone });

      // THEN
      const template = Template.fromStack(stack);
      const serviceId = stack.getLogicalId(cfnService(service));
      const recordId = Object.keys(template.findResources('AWS::Route53::RecordSet'))[0];
      const verification = template.findResources('Custom::PrivateDnsVerification');
      expect(Object.values(verification)).toHaveLength(1);
      const [resource] = Object.values(verification);
      expect(resource.DependsOn).toContain(recordId);
      // A new name (a new record) starts a new verification: the handler's physical ID is made of both.
      expect(resource.Properties).toEqual({
        ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^ProviderPrivateDnsVerificationHandler/), 'Arn'] },
        ServiceId: { Ref: serviceId },
        PrivateDnsName: 'api.example.com',
      });
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.handler',
        Code: { ZipFile: Match.stringLikeRegexp('StartVpcEndpointServicePrivateDnsVerificationCommand') },
      });
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([{
            Action: 'ec2:StartVpcEndpointServicePrivateDnsVerification',
            Effect: 'Allow',
            Resource: {
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:123456789012:vpc-endpoint-service/', { Ref: serviceId }]],
            },
          }]),
        },
      });
    });

    test('runs the verification with a function and role of its own: no managed policy, logs to its own group only', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });

      // WHEN
      provider(stack, vpc, { privateDnsName: 'api.example.com', publicHostedZone: zone });

      // THEN
      const template = Template.fromStack(stack);
      const [roleId] = Object.keys(template.findResources('AWS::IAM::Role'));
      const [logGroupId] = Object.keys(template.findResources('AWS::Logs::LogGroup'));
      expect(roleId).toMatch(/^ProviderPrivateDnsVerificationRole/);
      template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleId }],
        PolicyDocument: {
          Statement: [
            Match.objectLike({ Action: 'ec2:StartVpcEndpointServicePrivateDnsVerification' }),
            {
              Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              Effect: 'Allow',
              Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
            },
          ],
        },
      });
      template.hasResourceProperties('AWS::Lambda::Function', {
        Role: { 'Fn::GetAtt': [roleId, 'Arn'] },
        LoggingConfig: { LogGroup: { Ref: logGroupId } },
      });
      // No AwsCustomResource, whose singleton function the user's own custom resources would share.
      template.resourceCountIs('Custom::AWS', 0);
    });

    test('outputs the verification record when there is no zone to write it into', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const service = provider(stack, vpc, { privateDnsName: 'api.example.com' });

      // THEN
      const template = Template.fromStack(stack);
      const serviceId = stack.getLogicalId(cfnService(service));
      template.hasOutput('ProviderPrivateDnsVerificationName', {
        Description: 'Name of the TXT record that proves ownership of api.example.com',
        Value: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [serviceId, 'PrivateDnsNameConfiguration.Name'] }, '.api.example.com']] },
      });
      template.hasOutput('ProviderPrivateDnsVerificationValue', {
        Description: 'Value of the TXT record that proves ownership of api.example.com',
        Value: { 'Fn::GetAtt': [serviceId, 'PrivateDnsNameConfiguration.Value'] },
      });
      template.resourceCountIs('AWS::Route53::RecordSet', 0);
      template.resourceCountIs('Custom::PrivateDnsVerification', 0);
    });
  });

  describe('connection notifications and service name', () => {
    test('notifies the topic of every connection event and lets PrivateLink publish for this service only', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const topic = new sns.Topic(stack, 'Topic');

      // WHEN
      const service = provider(stack, vpc, { connectionNotificationTopic: topic });

      // THEN
      const template = Template.fromStack(stack);
      const serviceId = stack.getLogicalId(cfnService(service));
      const policyId = Object.keys(template.findResources('AWS::SNS::TopicPolicy'))[0];
      template.hasResource('AWS::EC2::VPCEndpointConnectionNotification', {
        Properties: {
          ServiceId: { Ref: serviceId },
          ConnectionNotificationArn: { Ref: stack.getLogicalId(topic.node.defaultChild as sns.CfnTopic) },
          ConnectionEvents: ['Connect', 'Accept', 'Reject', 'Delete'],
        },
        DependsOn: [policyId],
      });
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: [Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'vpce.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: {
              ArnLike: {
                'aws:SourceArn': {
                  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:123456789012:vpc-endpoint-service/', { Ref: serviceId }]],
                },
              },
              StringEquals: { 'aws:SourceAccount': '123456789012' },
            },
          })],
        },
      });
    });

    test('gives its outputs fixed keys made of its construct ID, wherever it is in the tree', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const nested = new Construct(stack, 'Services');

      // WHEN
      const orders = new EndpointServiceProvider(nested, 'orders-api', { vpc, port: 443, targets: [new targets.IpTarget('10.0.3.10')] });

      // THEN
      expect(orders.serviceNameOutputKey).toBe('ordersapiServiceName');
      expect(Object.keys(Template.fromStack(stack).toJSON().Outputs)).toEqual(['ordersapiServiceName']);
    });

    test('fails when two providers of a stack would have the same output keys', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      for (const scope of [new Construct(stack, 'TeamA'), new Construct(stack, 'TeamB')]) {
        new EndpointServiceProvider(scope, 'Orders', { vpc, port: 443, targets: [new targets.IpTarget('10.0.3.10')] });
      }

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/TeamA\/Orders\] the stack output `OrdersServiceName` .* is also the output of the provider at TestStack\/TeamB\/Orders/),
        expect.stringMatching(/^\[TestStack\/TeamB\/Orders\] the stack output `OrdersServiceName` .* is also the output of the provider at TestStack\/TeamA\/Orders/),
      ]);
    });

    test('outputs the service name and, when named, writes it to an SSM parameter', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { serviceNameParameter: '/services/api/endpoint-service-name' });

      // THEN
      const template = Template.fromStack(stack);
      template.hasOutput('ProviderServiceName', { Description: Match.stringLikeRegexp('^Name of the VPC endpoint service'), Value: SERVICE_NAME });
      template.hasResourceProperties('AWS::SSM::Parameter', {
        Name: '/services/api/endpoint-service-name',
        Type: 'String',
        Value: SERVICE_NAME,
      });
    });
  });

  describe('cost estimate', () => {
    test('prices the NLB it defines from targets', () => {
      // GIVEN
      const { stack, vpc } = setUpIsolated();

      // WHEN
      const estimate = provider(stack, vpc).estimateMonthlyCost();

      // THEN 0.0225 x 730 = 16.425, rounded half up to 16.43
      expect(estimate.networkLoadBalancers).toBe(1);
      expect(estimate.totalFixedMonthlyUsd).toBe(16.43);
      expect(estimate.nlcuUsdPerHour).toBe(0.006);
    });

    test('costs nothing of its own on an existing NLB', () => {
      // GIVEN
      const { stack, vpc } = setUpIsolated();
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });

      // WHEN
      const estimate = provider(stack, vpc, { networkLoadBalancer: nlb }).estimateMonthlyCost();

      // THEN
      expect(estimate.networkLoadBalancers).toBe(0);
      expect(estimate.totalFixedMonthlyUsd).toBe(0);
    });
  });

  describe('validation', () => {
    test('fails on a wildcard principal unless any principal is allowed', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { allowedPrincipals: [new iam.AnyPrincipal()] });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Provider\] `allowedPrincipals` contains the wildcard principal `\*`.*set `allowAnyPrincipal: true`/),
      ]);
    });

    test('fails on a bare account ID given as an ArnPrincipal, with the principal to use', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { allowedPrincipals: [new iam.ArnPrincipal('210987654321'), new iam.AccountPrincipal('111122223333')] });

      // THEN
      expect(validationErrors(app)).toEqual(['[TestStack/Provider] `allowedPrincipals` has the bare account ID 210987654321, which EC2 '
        + "refuses: principals are ARNs. Use `new iam.AccountPrincipal('210987654321')` (arn:aws:iam::210987654321:root) instead."]);
    });

    test('fails on a wildcard principal added after construction', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const service = provider(stack, vpc);

      // WHEN
      service.addAllowedPrincipal(new iam.ArnPrincipal('*'));

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(/`allowedPrincipals` contains the wildcard principal/)]);
    });

    test('warns when any principal may connect without acceptance', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { allowedPrincipals: [new iam.AnyPrincipal()], allowAnyPrincipal: true, acceptanceRequired: false });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Provider',
        Match.stringLikeRegexp('anyone can connect without approval.*cdk-private-endpoints:EndpointServiceProvider.anyPrincipalWithoutAcceptance'));
    });

    test('accepts any principal that was allowed, when connections need acceptance', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { allowedPrincipals: [new iam.AnyPrincipal()], allowAnyPrincipal: true });

      // THEN
      expect(validationErrors(app)).toEqual([]);
      Annotations.fromStack(stack).hasNoWarning('/TestStack/Provider', Match.anyValue());
    });

    test('fails on an internet-facing NLB', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc, internetFacing: true });

      // WHEN
      provider(stack, vpc, { networkLoadBalancer: nlb });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(/`networkLoadBalancer` is internet-facing.*use an internal NLB/)]);
    });

    test('fails on an existing NLB in another VPC than vpc', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const otherVpc = isolatedVpc(stack, 'OtherVpc');
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: otherVpc });

      // WHEN
      provider(stack, vpc, { networkLoadBalancer: nlb });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Provider] `networkLoadBalancer` is in the VPC at TestStack/OtherVpc, but `vpc` is the VPC at TestStack/Vpc; pass the NLB's own VPC as `vpc`",
      ]);
    });

    test('fails on an NLB that another endpoint service in the app uses', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });
      new ec2.VpcEndpointService(stack, 'Other', { vpcEndpointServiceLoadBalancers: [nlb] });

      // WHEN
      provider(stack, vpc, { networkLoadBalancer: nlb });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/`networkLoadBalancer` is already used by the endpoint service at TestStack\/Other\/Other;.*use a separate NLB/),
      ]);
    });

    test('fails on a private DNS name that is not a domain name', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { privateDnsName: 'api_example' });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(/`privateDnsName` must be a domain name .*got 'api_example'/)]);
    });

    test('fails on a private DNS name outside the hosted zone', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });

      // WHEN
      provider(stack, vpc, { privateDnsName: 'api.example.org', publicHostedZone: zone });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/`privateDnsName` 'api.example.org' is not inside `publicHostedZone` 'example.com'/),
      ]);
    });

    test('fails on a hosted zone without a private DNS name', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });

      // WHEN
      provider(stack, vpc, { publicHostedZone: zone });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(/`publicHostedZone` \(example.com\) is set without `privateDnsName`/)]);
    });

    test('fails on allowed Regions that include the stack\'s own or are malformed', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { allowedRegions: ['us-east-1', 'eu-west-1', 'Frankfurt'] });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/`allowedRegions` must hold Region names like eu-west-1, got 'Frankfurt'/),
        expect.stringMatching(/`allowedRegions` contains the stack's own Region us-east-1/),
      ]);
    });

    test('fails on ports out of range', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { port: 443, targetPort: 70000 });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(/`targetPort` must be a TCP port, an integer in 1..65535, got 70000/)]);
    });

    test('fails on a listener port out of range of an existing NLB', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });

      // WHEN
      provider(stack, vpc, { networkLoadBalancer: nlb, port: 0 });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(/`port` must be a TCP port, an integer in 1..65535, got 0/)]);
    });

    test('warns when the NLB serves a single AZ', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = isolatedVpc(stack, 'Vpc', { maxAzs: 1 });

      // WHEN
      provider(stack, vpc);

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Provider',
        Match.stringLikeRegexp('the NLB serves a single Availability Zone.*cdk-private-endpoints:EndpointServiceProvider.singleAz'));
    });

    test('warns when the NLB serves a single AZ whose name is not looked up yet, without naming the placeholder', () => {
      // GIVEN: no AZs in context, so the VPC has aws-cdk-lib's placeholder AZs
      const app = new App();
      const stack = new Stack(app, 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
      const vpc = isolatedVpc(stack, 'Vpc', { maxAzs: 1 });

      // WHEN
      provider(stack, vpc);

      // THEN
      const [warning] = Annotations.fromStack(stack).findWarning('/TestStack/Provider', Match.anyValue());
      expect(warning.entry.data).toMatch(/^the NLB serves a single Availability Zone; .* The AZ names are not known yet/);
      expect(warning.entry.data).not.toMatch(/dummy/);
    });

    test('warns when an existing NLB serves a single AZ', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });

      // WHEN
      provider(stack, vpc, { networkLoadBalancer: nlb, availabilityZones: ['us-east-1a'] });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Provider', Match.stringLikeRegexp('single Availability Zone \\(us-east-1a\\)'));
    });

    test('fails on props for a defined NLB given with an existing one', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });

      // WHEN
      provider(stack, vpc, { networkLoadBalancer: nlb, targetPort: 8443, healthCheck: { path: '/health' } });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/`targetPort` applies only to the NLB this construct defines from `targets`, but `networkLoadBalancer` was given/),
        expect.stringMatching(/`healthCheck` applies only to the NLB this construct defines/),
      ]);
    });

    test('fails on AZs given for an NLB defined from targets, and on enforcement without security groups', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { availabilityZones: ['us-east-1a'], enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: true });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/`availabilityZones` describes an existing `networkLoadBalancer`, got \[us-east-1a\] with `targets`/),
        expect.stringMatching(/`enforceSecurityGroupInboundRulesOnPrivateLinkTraffic` is true but `securityGroups` is empty/),
      ]);
    });

    test('reports every problem at once', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      provider(stack, vpc, { allowedPrincipals: [new iam.AnyPrincipal()], privateDnsName: '-bad-', allowedRegions: ['us-east-1'] });

      // THEN
      expect(validationErrors(app)).toHaveLength(3);
    });

    test('skips checks of values that are not known until deployment', () => {
      // GIVEN
      const app = new App();
      const stack = new Stack(app, 'AgnosticStack');
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
      const domain = new CfnParameter(stack, 'Domain').valueAsString;
      const region = new CfnParameter(stack, 'Region').valueAsString;
      const port = new CfnParameter(stack, 'Port', { type: 'Number' }).valueAsNumber;

      // WHEN
      provider(stack, vpc, { privateDnsName: domain, allowedRegions: [region, 'us-east-1'], port, targetPort: port });

      // THEN
      expect(validationErrors(app)).toEqual([]);
    });
  });

  // Counterexamples the property tests (test/properties/) shrank to: each ended in an aws-cdk-lib error that names no
  // path of this library, or in a template the deploy would refuse.
  describe('regressions found by the property tests', () => {
    test('fails when the VPC has no private or isolated subnets for the NLB, instead of aws-cdk-lib\'s selection error', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });

      // WHEN
      provider(stack, vpc);

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Provider] `vpc` has no private or isolated subnets, where the NLB defined from `targets` goes by default (There are no 'Isolated' "
        + "subnet groups in this VPC. Available types: Public); add private or isolated subnets to the VPC, or choose the NLB's subnets with `vpcSubnets`",
      ]);
    });

    test('fails when `vpcSubnets` names a subnet group the VPC does not have', () => {
      // GIVEN
      const { app, stack, vpc } = setUpIsolated();

      // WHEN
      provider(stack, vpc, { vpcSubnets: { subnetGroupName: 'Missing' } });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Provider] `vpcSubnets` selects no subnet of `vpc` (There are no subnet groups with name 'Missing' in this VPC. Available names: "
        + 'Isolated), so the NLB has no subnet to serve consumers from; select subnets the VPC has, one per AZ, by `subnetType` or `subnetGroupName`',
      ]);
    });

    test.each([
      ['fromPublicHostedZoneId', (stack: Stack) => route53.PublicHostedZone.fromPublicHostedZoneId(stack, 'Zone', 'Z0123456789')],
      ['fromHostedZoneId', (stack: Stack) => route53.HostedZone.fromHostedZoneId(stack, 'Zone', 'Z0123456789')],
    ])('fails when `publicHostedZone` comes from %s, whose name is unknown, instead of crashing on it', (_, importZone) => {
      // GIVEN
      const { app, stack, vpc } = setUpIsolated();

      // WHEN
      provider(stack, vpc, { privateDnsName: 'api.example.com', publicHostedZone: importZone(stack) });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(/^\[TestStack\/Provider\] `publicHostedZone` was imported by ID only .* import it with `PublicHostedZone.fromPublicHostedZoneAttributes\(\)`/)]);
    });

    test('fails when `serviceNameParameter` is a name SSM refuses, instead of aws-cdk-lib throwing on some of them', () => {
      // GIVEN
      const { app, stack, vpc } = setUpIsolated();

      // WHEN
      provider(stack, vpc, { serviceNameParameter: 'has space' });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Provider] `serviceNameParameter` is not a name SSM accepts, got 'has space': only letters, digits and the symbols . - _ / are "
        + 'allowed; use a name like /services/orders/endpoint-service-name',
      ]);
    });
  });

  test.each(AWS_SOLUTIONS_CHECKS)('has no %s AwsSolutions errors', (_version, awsSolutionsErrorsOf) => {
    // GIVEN
    const { stack } = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, flowLogs: { default: {} } });

    // WHEN
    fullyConfigured(stack, vpc);

    // THEN
    expect(awsSolutionsErrorsOf(stack)).toEqual([]);
  });

  test('suppresses only the cdk-nag findings that do not apply, each on its resource and with its reason', () => {
    // GIVEN
    const { stack, vpc } = setUpIsolated();

    // WHEN
    fullyConfigured(stack, vpc);

    // THEN
    const template = Template.fromStack(stack);
    const suppressed = Object.entries(template.toJSON().Resources as Record<string, { Metadata?: { cdk_nag?: unknown } }>)
      .filter(([, resource]) => resource.Metadata?.cdk_nag !== undefined)
      .map(([logicalId, resource]) => [logicalId, resource.Metadata!.cdk_nag]);
    expect(suppressed).toEqual([
      [expect.stringMatching(/^ProviderLoadBalancer[0-9A-F]{8}$/), {
        rules_to_suppress: [{ id: 'AwsSolutions-ELB2', reason: expect.stringMatching(/TCP listener only/) }],
      }],
    ]);
  });

  describe.each(AWS_SOLUTIONS_CHECKS)('with %s, suppressions do not leak to the user\'s resources in the same stack', (_version, awsSolutionsErrorsOf) => {
    test('an NLB of the user\'s without access logs still gets AwsSolutions-ELB2', () => {
      // GIVEN
      const { stack, vpc } = setUpIsolated();
      provider(stack, vpc);

      // WHEN
      const own = new elbv2.NetworkLoadBalancer(stack, 'OwnLoadBalancer', { vpc });
      own.addListener('Listener', { port: 443 }).addTargets('Targets', { port: 443, targets: [new targets.IpTarget('10.0.3.11')] });

      // THEN
      const errors = awsSolutionsErrorsOf(stack).filter(error => error.startsWith('AwsSolutions-ELB2'));
      expect(errors).toEqual(['AwsSolutions-ELB2 at TestStack/OwnLoadBalancer/Resource']);
    });

    test('an AwsCustomResource of the user\'s still gets AwsSolutions-IAM4 for its managed policy', () => {
      // GIVEN
      const { stack, vpc } = setUpIsolated();
      const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });
      provider(stack, vpc, { privateDnsName: 'api.example.com', publicHostedZone: zone });

      // WHEN
      new cr.AwsCustomResource(stack, 'OwnCustomResource', {
        onCreate: { service: 'EC2', action: 'describeRegions', physicalResourceId: cr.PhysicalResourceId.of('regions') },
        policy: cr.AwsCustomResourcePolicy.fromStatements([
          new iam.PolicyStatement({ actions: ['ec2:DescribeRegions'], resources: ['*'] }),
        ]),
        installLatestAwsSdk: false,
      });

      // THEN
      const errors = awsSolutionsErrorsOf(stack).filter(error => error.startsWith('AwsSolutions-IAM4'));
      expect(errors).toEqual([expect.stringMatching(
        /^AwsSolutions-IAM4\[Policy::.*AWSLambdaBasicExecutionRole\] at TestStack\/AWS679f53fac002430cb0da5b7982bd2287\/ServiceRole\/Resource$/,
      )]);
    });
  });

  test('matches the snapshot with defaults', () => {
    // GIVEN
    const { stack, vpc } = setUpIsolated();

    // WHEN
    provider(stack, vpc);

    // THEN
    expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
  });

  test('matches the snapshot with every prop set', () => {
    // GIVEN
    const { stack, vpc } = setUpIsolated();

    // WHEN
    fullyConfigured(stack, vpc);

    // THEN
    expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
  });
});

function cfnService(service: EndpointServiceProvider): ec2.CfnVPCEndpointService {
  return service.endpointService.node.children.find(ec2.CfnVPCEndpointService.isCfnVPCEndpointService)!;
}
