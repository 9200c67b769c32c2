import { Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { EndpointBundle, EndpointPolicy, PrivateEgressVpc } from '../src';
import { schemaCheckedTemplate } from './schema';
import { AWS_SOLUTIONS_CHECKS, isolatedVpc, testStack, validationErrors } from './util';

const SSM = ec2.InterfaceVpcEndpointAwsService.SSM;
const ECR_DOCKER = ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER;
const LOGS = ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS;

/** An existing VPC with public, private (NAT) and isolated subnets in 2 AZs. */
function existingVpc(stack: Stack, props: Partial<ec2.VpcProps> = {}, id = 'Existing'): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    maxAzs: 2,
    natGateways: 1,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
    ...props,
  });
}

function routeTableRefs(subnets: ec2.ISubnet[]): object[] {
  const stack = Stack.of(subnets[0]);
  return subnets.map(subnet => stack.resolve(subnet.routeTable.routeTableId));
}

function subnetRefs(subnets: ec2.ISubnet[]): object[] {
  const stack = Stack.of(subnets[0]);
  return subnets.map(subnet => stack.resolve(subnet.subnetId));
}

describe('PrivateEgressVpc', () => {
  describe('a new VPC', () => {
    test('has only isolated subnets in 3 AZs, no internet gateway and no NAT', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress');

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPC', {
        CidrBlock: '10.0.0.0/16',
        EnableDnsSupport: true,
        EnableDnsHostnames: true,
      });
      template.resourceCountIs('AWS::EC2::Subnet', 3);
      template.resourceCountIs('AWS::EC2::InternetGateway', 0);
      template.resourceCountIs('AWS::EC2::NatGateway', 0);
      template.resourceCountIs('AWS::EC2::Route', 0);
      for (const az of ['us-east-1a', 'us-east-1b', 'us-east-1c']) {
        template.hasResourceProperties('AWS::EC2::Subnet', { AvailabilityZone: az, MapPublicIpOnLaunch: false });
      }
    });

    test('honours ipAddresses, maxAzs and cidrMask', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16'), maxAzs: 2, cidrMask: 24 });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.20.0.0/16' });
      template.resourceCountIs('AWS::EC2::Subnet', 2);
      template.hasResourceProperties('AWS::EC2::Subnet', { CidrBlock: '10.20.0.0/24' });
    });

    test('logs all traffic to CloudWatch Logs with a one-year retention', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress');

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
      template.hasResourceProperties('AWS::EC2::FlowLog', {
        ResourceType: 'VPC',
        TrafficType: 'ALL',
        LogDestinationType: 'cloud-watch-logs',
        LogGroupName: { Ref: Match.stringLikeRegexp('^EgressFlowLogGroup') },
      });
    });

    test('takes the flow log retention, or no flow logs', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Short', { flowLogRetention: logs.RetentionDays.ONE_MONTH });
      new PrivateEgressVpc(stack, 'None', { flowLogsEnabled: false });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::FlowLog', 1);
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    });
  });

  describe('gateway endpoints', () => {
    test('are S3 and DynamoDB by default, on every isolated route table', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      const egress = new PrivateEgressVpc(stack, 'Egress');

      // THEN
      const template = Template.fromStack(stack);
      const routeTableIds = routeTableRefs(egress.vpc.isolatedSubnets);
      for (const service of ['s3', 'dynamodb']) {
        template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
          VpcEndpointType: 'Gateway',
          ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${service}`]] },
          RouteTableIds: routeTableIds,
        });
      }
      template.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
    });

    test('go on the private and isolated route tables of an adopted VPC, not the public ones', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = existingVpc(stack);

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc, gatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.S3] });

      // THEN
      const endpoints = Template.fromStack(stack).findResources('AWS::EC2::VPCEndpoint');
      const routeTableIds = Object.values(endpoints)[0].Properties.RouteTableIds;
      expect(routeTableIds).toEqual(routeTableRefs([...vpc.privateSubnets, ...vpc.isolatedSubnets]));
      for (const publicRouteTable of routeTableRefs(vpc.publicSubnets)) {
        expect(routeTableIds).not.toContainEqual(publicRouteTable);
      }
    });

    test('can be none', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { gatewayEndpoints: [] });

      // THEN
      Template.fromStack(stack).resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    });

    test('can be added after construction, on selected subnets, and read back by service', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = existingVpc(stack);
      const egress = new PrivateEgressVpc(stack, 'Egress', { vpc, gatewayEndpoints: [] });

      // WHEN
      const endpoint = egress.addGatewayEndpoint(ec2.GatewayVpcEndpointAwsService.DYNAMODB, {
        subnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      });
      const again = egress.addGatewayEndpoint(ec2.GatewayVpcEndpointAwsService.DYNAMODB);

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Gateway',
        RouteTableIds: routeTableRefs(vpc.isolatedSubnets),
      });
      Template.fromStack(stack).resourceCountIs('AWS::EC2::VPCEndpoint', 1);
      expect(again).toBe(endpoint);
      expect(egress.gatewayEndpointFor(ec2.GatewayVpcEndpointAwsService.DYNAMODB)).toBe(endpoint);
      expect(egress.gatewayEndpointFor(ec2.GatewayVpcEndpointAwsService.S3)).toBeUndefined();
      expect(egress.gatewayEndpoints).toEqual([endpoint]);
    });
  });

  describe('interface endpoints', () => {
    test('have one subnet per AZ, private DNS and the shared security group', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM, ECR_DOCKER] });

      // THEN
      const template = Template.fromStack(stack);
      for (const service of ['ssm', 'ecr.dkr']) {
        template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
          VpcEndpointType: 'Interface',
          ServiceName: `com.amazonaws.us-east-1.${service}`,
          SubnetIds: subnetRefs(egress.vpc.isolatedSubnets),
          PrivateDnsEnabled: true,
          SecurityGroupIds: [stack.resolve(egress.endpointSecurityGroup.securityGroupId)],
        });
      }
      template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
    });

    test('are de-duplicated by service name', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      const egress = new PrivateEgressVpc(stack, 'Egress', {
        interfaceEndpoints: [SSM, ec2.InterfaceVpcEndpointAwsService.SSM, new ec2.InterfaceVpcEndpointAwsService('ssm')],
      });
      egress.addInterfaceEndpoint(SSM);

      // THEN
      Template.fromStack(stack).resourceCountIs('AWS::EC2::VPCEndpoint', 3);
      expect(egress.interfaceEndpoints).toHaveLength(1);
    });

    test('take one subnet per AZ by default even when the VPC has several isolated groups', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = new ec2.Vpc(stack, 'Existing', {
        maxAzs: 2,
        subnetConfiguration: [
          { name: 'Endpoints', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        ],
      });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc, interfaceEndpoints: [SSM] });

      // THEN
      const subnets = vpc.selectSubnets({ subnetGroupName: 'Endpoints' }).subnets;
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { SubnetIds: subnetRefs(subnets) });
    });

    test('go in the private subnets of a VPC without isolated ones, or in endpointSubnets', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = new ec2.Vpc(stack, 'Existing', { maxAzs: 2 });
      const other = existingVpc(stack, { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') }, 'Other');

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc, interfaceEndpoints: [SSM], gatewayEndpoints: [] });
      new PrivateEgressVpc(stack, 'Chosen', {
        vpc: other,
        interfaceEndpoints: [SSM],
        gatewayEndpoints: [],
        endpointSubnets: { subnetGroupName: 'Private' },
      });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { SubnetIds: subnetRefs(vpc.privateSubnets) });
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { SubnetIds: subnetRefs(other.privateSubnets) });
    });

    test('can turn private DNS off for all or for one endpoint', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM], privateDnsEnabled: false });
      egress.addInterfaceEndpoint(LOGS, { privateDnsEnabled: true });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-east-1.ssm', PrivateDnsEnabled: false });
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-east-1.logs', PrivateDnsEnabled: true });
    });

    test('can be added after construction and read back by service', () => {
      // GIVEN
      const { stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');

      // WHEN
      const endpoint = egress.addInterfaceEndpoint(ECR_DOCKER);

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-east-1.ecr.dkr' });
      expect(egress.interfaceEndpointFor(ECR_DOCKER)).toBe(endpoint);
      expect(egress.interfaceEndpointFor(SSM)).toBeUndefined();
      expect(stack.resolve(endpoint.vpcEndpointId)).toEqual({ Ref: expect.stringMatching(/^EgressInterfaceEndpointsEcrDkr/) });
    });
  });

  describe('options for a service added twice', () => {
    test('configure an endpoint that was defined without options', () => {
      // GIVEN
      const { stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM] });

      // WHEN
      const endpoint = egress.addInterfaceEndpoint(SSM, { privateDnsEnabled: false });
      egress.addGatewayEndpoint(ec2.GatewayVpcEndpointAwsService.S3, { subnets: [{ subnets: [egress.vpc.isolatedSubnets[0]] }] });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::VPCEndpoint', 3);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-east-1.ssm', PrivateDnsEnabled: false });
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
        RouteTableIds: routeTableRefs([egress.vpc.isolatedSubnets[0]]),
      });
      expect(egress.interfaceEndpointFor(SSM)).toBe(endpoint);
    });

    test('may be given again with the same values', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');
      egress.addInterfaceEndpoint(SSM, { privateDnsEnabled: false });

      // WHEN
      egress.addInterfaceEndpoint(SSM, { privateDnsEnabled: false });

      // THEN
      expect(validationErrors(app)).toEqual([]);
    });

    test('fail when gateway endpoint options differ from options given before', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress', { gatewayEndpoints: [] });
      egress.addGatewayEndpoint(ec2.GatewayVpcEndpointAwsService.S3, { subnets: [{ subnets: [egress.vpc.isolatedSubnets[0]] }] });

      // WHEN
      egress.addGatewayEndpoint(ec2.GatewayVpcEndpointAwsService.S3, { subnets: [{ subnets: [egress.vpc.isolatedSubnets[1]] }] });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] `addGatewayEndpoint` gives options (subnets) for 's3', whose endpoint already has "
        + 'options from an earlier call; one endpoint takes one set of options. Give all of them in one call.',
      ]);
    });

    test('fail when they differ from options given before, instead of being dropped', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');
      egress.addInterfaceEndpoint(SSM, { privateDnsEnabled: false });

      // WHEN
      egress.addInterfaceEndpoint(SSM, { privateDnsEnabled: true });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] `addInterfaceEndpoint` gives options (privateDnsEnabled) for 'ssm', whose endpoint already has "
        + 'options from an earlier call; one endpoint takes one set of options. Give all of them in one call.',
      ]);
    });
  });

  describe('the endpoint security group', () => {
    test('allows each service port from the VPC CIDR and has no allow-all egress', () => {
      // GIVEN
      const { stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM] });

      // WHEN
      egress.addInterfaceEndpoint(new ec2.InterfaceVpcEndpointService('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', 8443));

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: [
          Match.objectLike({ CidrIp: '10.0.0.0/16', FromPort: 443, ToPort: 443, IpProtocol: 'tcp' }),
          Match.objectLike({ CidrIp: '10.0.0.0/16', FromPort: 8443, ToPort: 8443, IpProtocol: 'tcp' }),
        ],
        SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' })],
      });
    });

    test('allows secondary CIDR blocks of the VPC, including ones added after construction', () => {
      // GIVEN
      const { stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM] });

      // WHEN
      new ec2.CfnVPCCidrBlock(stack, 'Secondary', { vpcId: egress.vpc.vpcId, cidrBlock: '100.64.0.0/16' });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: Match.arrayWith([Match.objectLike({ CidrIp: '100.64.0.0/16', FromPort: 443 })]),
      });
    });
  });

  describe('logical IDs', () => {
    test('of endpoints come from the service name and do not move when another service is added or removed', () => {
      // GIVEN
      const logicalIds = (services: ec2.IInterfaceVpcEndpointService[]) => {
        const { stack } = testStack();
        new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: services });
        return Object.keys(Template.fromStack(stack).toJSON().Resources);
      };

      // WHEN
      const before = logicalIds([SSM, ECR_DOCKER]);
      const added = logicalIds([LOGS, SSM, ECR_DOCKER]);
      const removed = logicalIds([ECR_DOCKER]);

      // THEN
      expect(before).toEqual(expect.arrayContaining(['EgressInterfaceEndpointsSsm47320A55', 'EgressInterfaceEndpointsEcrDkr299986B1']));
      expect(added).toEqual(expect.arrayContaining(before));
      expect(added.filter(id => !before.includes(id))).toEqual([expect.stringMatching(/^EgressInterfaceEndpointsLogs/)]);
      expect(before.filter(id => !removed.includes(id))).toEqual(['EgressInterfaceEndpointsSsm47320A55']);
    });
  });

  describe('an imported VPC', () => {
    test('with unresolved IDs, CIDR and AZs synthesizes', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: Fn.importValue('VpcId'),
        vpcCidrBlock: Fn.importValue('VpcCidr'),
        availabilityZones: Fn.split(',', Fn.importValue('Azs'), 2),
        isolatedSubnetIds: Fn.split(',', Fn.importValue('SubnetIds'), 2),
        isolatedSubnetRouteTableIds: Fn.split(',', Fn.importValue('RouteTableIds'), 2),
      });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc, interfaceEndpoints: [SSM] });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::VPCEndpoint', 3);
      template.resourceCountIs('AWS::EC2::FlowLog', 0);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Interface',
        VpcId: { 'Fn::ImportValue': 'VpcId' },
        SubnetIds: [
          { 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::ImportValue': 'SubnetIds' }] }] },
          { 'Fn::Select': [1, { 'Fn::Split': [',', { 'Fn::ImportValue': 'SubnetIds' }] }] },
        ],
      });
    });
  });

  describe('validation', () => {
    test('fails when the stack\'s Region is no Region name', () => {
      // GIVEN
      const { app, stack } = testStack({ env: { account: '123456789012', region: 'eu-west1' } });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { cidrMask: 24 });

      // THEN
      expect(validationErrors(app)).toContain(
        "[TestStack/Egress] the stack's Region 'eu-west1' is not a Region name (like eu-west-1 or us-gov-west-1). Fix `env.region` of the stack.");
    });

    test('fails when an interface endpoint\'s service name has characters no AWS service name has', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [new ec2.InterfaceVpcEndpointAwsService('secrets manager')] });

      // THEN
      expect(validationErrors(app)).toEqual(["[TestStack/Egress] interface endpoint service 'secrets manager' is no AWS service name: "
        + 'those have only lower-case letters, digits, dots and hyphens (ssm, ecr.dkr, bedrock-runtime). Fix its spelling.']);
    });

    test('warns when the SDKs\' endpoint data does not list an interface endpoint\'s service in the Region it is reached in', () => {
      // GIVEN: the SDK data this library ships (botocore 1.43.11) has no Bedrock endpoint in ap-east-1
      const { stack } = testStack({ env: { account: '123456789012', region: 'ap-east-1' } }, {
        'availability-zones:account=123456789012:region=ap-east-1': ['ap-east-1a', 'ap-east-1b', 'ap-east-1c'],
      });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', {
        interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.BEDROCK, ec2.InterfaceVpcEndpointAwsService.SSM],
      });

      // THEN
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('serviceNotInRegion'));
      expect(warnings.map(warning => [warning.id, warning.entry.data])).toEqual([['/TestStack/Egress', expect.stringMatching(
        /^interface endpoint service 'bedrock' has no endpoint in ap-east-1 in the AWS SDKs' endpoint data \(botocore [\d.]+\), so EC2/)]]);
    });

    test('warns when an interface endpoint\'s service is not one aws-cdk-lib lists, with what it likely meant', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [new ec2.InterfaceVpcEndpointAwsService('secretmanager')] });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Egress', Match.stringLikeRegexp(
        "interface endpoint service 'secretmanager' is not among the \\d+ services this aws-cdk-lib lists \\(InterfaceVpcEndpointAwsService\\); "
        + "did you mean 'secretsmanager'\\?.*cdk-private-endpoints:PrivateEgressVpc.unknownService"));
    });

    test('fails when a gateway endpoint is for a service that has none', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { gatewayEndpoints: [{ name: 'com.amazonaws.us-east-1.sqs' }] });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] `gatewayEndpoints` contains 'sqs', which has no gateway endpoint; gateway endpoints exist only "
        + "for s3, s3express, dynamodb. Add 'sqs' to `interfaceEndpoints` instead.",
      ]);
    });

    test('fails when endpointSubnets has two subnets in one AZ', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = new ec2.Vpc(stack, 'Existing', {
        maxAzs: 2,
        subnetConfiguration: [
          { name: 'A', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          { name: 'B', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        ],
      });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc, interfaceEndpoints: [SSM], endpointSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });

      // THEN
      expect(validationErrors(app)).toEqual(['a', 'b'].map(az =>
        `[TestStack/Egress] \`endpointSubnets\` selects 2 subnets in us-east-1${az} (TestStack/Existing/ASubnet${az === 'a' ? 1 : 2}, `
        + `TestStack/Existing/BSubnet${az === 'a' ? 1 : 2}); an interface endpoint takes at most one subnet per AZ. Narrow the `
        + 'selection (e.g. `subnetGroupName`) or set `onePerAz: true`.'));
    });

    test('fails when endpointSubnets selects no subnet', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM], endpointSubnets: { availabilityZones: ['us-east-1f'] } });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Egress] `endpointSubnets` selects no subnet, so interface endpoints have nowhere to go. '
        + 'Select at least one private or isolated subnet (one per AZ) that the VPC has.',
      ]);
    });

    test('fails, with aws-cdk-lib\'s reason, when endpointSubnets or a gateway endpoint\'s subnets name a subnet type the VPC lacks', () => {
      // GIVEN: a regression the property tests found (EGRESS-2): aws-cdk-lib's selection error named no path of this library
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM], endpointSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } });

      // WHEN
      egress.addGatewayEndpoint(ec2.GatewayVpcEndpointAwsService.S3, { subnets: [{ subnetGroupName: 'Private' }] });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Egress\] gateway endpoint 's3' reaches no route table of a private or isolated subnet/),
        expect.stringMatching(/^\[TestStack\/Egress\] `endpointSubnets` selects no subnet \(There are no 'Private' subnet groups in this VPC\. Available types: Isolated[^)]*\), /),
      ]);
    });

    test('fails when cidrMask cannot hold a subnet per AZ in the VPC, instead of aws-cdk-lib\'s error with no path', () => {
      // GIVEN: regressions the property tests found (EGRESS-3)
      const { app, stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'TooLarge', { cidrMask: 16 });
      new PrivateEgressVpc(stack, 'Invalid', { cidrMask: 14 });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/TooLarge] `cidrMask` must be a whole number from 18 to 28 for 3 subnets (one per AZ) in a /16 VPC, got 16. '
        + 'Choose a subnet size in that range, or a larger `ipAddresses` block.',
        '[TestStack/Invalid] `cidrMask` must be a whole number from 18 to 28 for 3 subnets (one per AZ) in a /16 VPC, got 14. '
        + 'Choose a subnet size in that range, or a larger `ipAddresses` block.',
      ]);
    });

    test('refuses a block too small for aws-cdk-lib\'s split when the cidrMask it was given with is refused', () => {
      // GIVEN: a regression the property tests found: the refused mask was dropped, and aws-cdk-lib split the /28 itself
      const { stack } = testStack();

      // THEN
      expect(() => new PrivateEgressVpc(stack, 'Egress', { ipAddresses: ec2.IpAddresses.cidr('192.168.0.0/28'), cidrMask: 22 }))
        .toThrow('TestStack/Egress: a /28 `ipAddresses` block cannot hold 3 subnets (one per AZ) of /28 or larger. Give a /26 block '
          + 'or larger, or lower `maxAzs`.');
    });

    test('fails when a second name of a gateway service is added, leaving the endpoint and its routes as they were', () => {
      // GIVEN: a regression the property tests found (EGRESS-1, gateway endpoints)
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress', { vpc: existingVpc(stack) });

      // WHEN
      egress.addGatewayEndpoint(new ec2.GatewayVpcEndpointAwsService('s3', 'cn.com.amazonaws'), { subnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }] });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Egress\] `addGatewayEndpoint` names the service '.*cn\.com\.amazonaws.*', but the 's3' gateway endpoint is already defined for '.*'; a route table takes one endpoint route per service/),
      ]);
      const s3 = egress.node.findChild('GatewayEndpoints').node.findChild('S3') as ec2.CfnVPCEndpoint;
      expect(stack.resolve(s3.routeTableIds)).toEqual(routeTableRefs([...egress.vpc.privateSubnets, ...egress.vpc.isolatedSubnets]));
    });

    test('admits every port of the service objects added for one service name', () => {
      // GIVEN: a regression the property tests found (EGRESS-1): the second port of one name was never admitted
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM, new ec2.InterfaceVpcEndpointAwsService('ssm', undefined, 8443)] });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::VPCEndpoint', 3);
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: [Match.objectLike({ FromPort: 443 }), Match.objectLike({ FromPort: 8443 })],
      });
    });

    test('fails when private DNS is on but the VPC has DNS hostnames off', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = isolatedVpc(stack, 'Existing', { maxAzs: 2, enableDnsHostnames: false });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc, interfaceEndpoints: [SSM, LOGS] });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] `privateDnsEnabled` (for ssm, logs) needs the VPC's DNS support and DNS hostnames, but the VPC "
        + 'has enableDnsHostnames set to false, so the names will not resolve. Turn both on in the VPC.',
      ]);
    });

    test('fails when a gateway endpoint reaches only public route tables', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress', { vpc: existingVpc(stack), gatewayEndpoints: [] });

      // WHEN
      egress.addGatewayEndpoint(ec2.GatewayVpcEndpointAwsService.S3, { subnets: [{ subnetType: ec2.SubnetType.PUBLIC }] });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] gateway endpoint 's3' reaches no route table of a private or isolated subnet, so workloads "
        + 'have no path to it. Leave `subnets` unset (every private and isolated subnet) or select private or isolated '
        + "subnets; for an imported VPC, give the subnets' route table IDs when importing it.",
      ]);
    });

    test.each([
      ['an interface', (egress: PrivateEgressVpc) => egress.addInterfaceEndpoint(new ec2.InterfaceVpcEndpointService(Fn.importValue('ServiceName')))],
      ['a gateway', (egress: PrivateEgressVpc) => egress.addGatewayEndpoint({ name: Fn.importValue('ServiceName') })],
    ])('fails at once, with the fix, for %s endpoint whose service name is only known at deploy time', (_kind, add) => {
      // GIVEN
      const { stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');

      // WHEN / THEN
      expect(() => add(egress)).toThrow(/^TestStack\/Egress: cannot name an endpoint after service '\$\{Token\[.*\]\}', which is only known at deploy time\. Give the service name as a literal; for a PrivateLink service known only at deploy time use EndpointConsumer\.$/);
    });

    test('fails when a gateway endpoint goes on an imported VPC without route table IDs', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: 'vpc-12345678',
        availabilityZones: ['us-east-1a'],
        privateSubnetIds: ['subnet-12345678'],
      });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc, gatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.S3] });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(/^\[TestStack\/Egress\] gateway endpoint 's3' reaches no route table/)]);
    });

    test('fails when interface endpoints go in a VPC imported without its CIDR block', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: 'vpc-12345678',
        availabilityZones: ['us-east-1a'],
        isolatedSubnetIds: ['subnet-12345678'],
        isolatedSubnetRouteTableIds: ['rtb-12345678'],
      });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc, interfaceEndpoints: [SSM] });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Egress] `vpc` was imported without `vpcCidrBlock`, so the endpoint security group cannot admit the VPC '
        + 'and no workload could reach the interface endpoints. Import the VPC with `vpcCidrBlock` (Vpc.fromLookup has it).',
      ]);
    });

    test('warns when the VPC has more interface endpoints than the default quota', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', {
        interfaceEndpoints: Array.from({ length: 51 }, (_, i) => new ec2.InterfaceVpcEndpointService(`com.amazonaws.us-east-1.service${i}`)),
      });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Egress', Match.stringLikeRegexp(
        '^the VPC has 51 interface endpoints, above the default quota of 50 per VPC; the deploy fails unless the quota',
      ));
    });

    test('fails when a route to the internet is added to a VPC it defined', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');
      const igw = new ec2.CfnInternetGateway(stack, 'Igw');

      // WHEN
      new ec2.CfnRoute(stack, 'ToInternet', {
        routeTableId: egress.vpc.isolatedSubnets[0].routeTable.routeTableId,
        destinationCidrBlock: '0.0.0.0/0',
        gatewayId: igw.ref,
      });
      new ec2.CfnRoute(stack, 'Ipv6ToInternet', {
        routeTableId: egress.vpc.isolatedSubnets[1].routeTable.routeTableId,
        destinationIpv6CidrBlock: '::/0',
        egressOnlyInternetGatewayId: 'eigw-0123456789abcdef0',
      });
      new ec2.CfnRoute(stack, 'ToOnPremises', {
        routeTableId: egress.vpc.isolatedSubnets[0].routeTable.routeTableId,
        destinationCidrBlock: '0.0.0.0/0',
        gatewayId: 'vgw-0123456789abcdef0',
      });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Egress] route TestStack/ToInternet sends 0.0.0.0/0 through an internet gateway, giving workloads a '
        + 'path to the internet that the private egress VPC is meant to exclude. Remove the route; reach AWS services '
        + 'through `interfaceEndpoints` and `gatewayEndpoints`.',
        '[TestStack/Egress] route TestStack/Ipv6ToInternet sends ::/0 through an egress-only internet gateway, giving '
        + 'workloads a path to the internet that the private egress VPC is meant to exclude. Remove the route; reach AWS '
        + 'services through `interfaceEndpoints` and `gatewayEndpoints`.',
      ]);
    });

    test('fails when a default route goes through a NAT instance', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');

      // WHEN
      new ec2.CfnRoute(stack, 'ToNatInstance', {
        routeTableId: egress.vpc.isolatedSubnets[0].routeTable.routeTableId,
        destinationCidrBlock: '0.0.0.0/0',
        instanceId: 'i-0123456789abcdef0',
      });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Egress\] route TestStack\/ToNatInstance sends 0\.0\.0\.0\/0 through an EC2 instance \(a NAT instance\), giving workloads a path to the internet/),
      ]);
    });

    test('warns about the NAT instance route of an adopted VPC', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = existingVpc(stack, {
        natGatewayProvider: ec2.NatProvider.instanceV2({
          instanceType: new ec2.InstanceType('t3.micro'),
          machineImage: ec2.MachineImage.latestAmazonLinux2023(),
          defaultAllowedTraffic: ec2.NatTrafficDirection.OUTBOUND_ONLY,
        }),
      });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc, gatewayEndpoints: [] });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Egress', Match.stringLikeRegexp(
        '^the adopted `vpc` has 2 default routes through an EC2 instance \\(a NAT instance\\) on route tables of subnets that host '
        + 'workloads or endpoints \\(TestStack/Existing/PrivateSubnet1/DefaultRoute, TestStack/Existing/PrivateSubnet2/DefaultRoute\\)',
      ));
    });

    test('warns once about the internet routes of the subnets that host workloads of an adopted VPC, not its public ones', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc: existingVpc(stack) });

      // THEN
      const annotations = Annotations.fromStack(stack);
      const warnings = annotations.findWarning('/TestStack/Egress', Match.stringLikeRegexp('default route'));
      expect(warnings.map(w => w.entry.data)).toEqual([
        'the adopted `vpc` has 2 default routes through a NAT gateway on route tables of subnets that host workloads or endpoints '
        + '(TestStack/Existing/PrivateSubnet1/DefaultRoute, TestStack/Existing/PrivateSubnet2/DefaultRoute), so AWS traffic the '
        + 'endpoints do not cover can still leave the VPC. Remove those routes for a private egress VPC, or acknowledge this '
        + 'warning (`Annotations.of(scope).acknowledgeWarning(\'cdk-private-endpoints:PrivateEgressVpc.internetRoute\')`) if the '
        + 'VPC needs internet egress. [ack: cdk-private-endpoints:PrivateEgressVpc.internetRoute]',
      ]);
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    });

    test('fails when props that shape a new VPC are given with vpc', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc: isolatedVpc(stack, 'Existing'), maxAzs: 2, cidrMask: 24 });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Egress] `maxAzs`, `cidrMask` shape a new VPC and cannot be combined with `vpc`. '
        + 'Remove them, or remove `vpc` to have the construct define the VPC.',
      ]);
    });

    test('reports every problem at once', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress', { gatewayEndpoints: [{ name: 'com.amazonaws.us-east-1.sqs' }] });

      // WHEN
      new ec2.CfnRoute(stack, 'ToNat', {
        routeTableId: egress.vpc.isolatedSubnets[0].routeTable.routeTableId,
        destinationCidrBlock: '0.0.0.0/0',
        natGatewayId: 'nat-0123456789abcdef0',
      });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Egress\] `gatewayEndpoints` contains 'sqs'/),
        expect.stringMatching(/^\[TestStack\/Egress\] route TestStack\/ToNat sends 0.0.0.0\/0 through a NAT gateway/),
      ]);
    });
  });

  describe('supported AZs', () => {
    test('leave an AZ the service does not support out, with a warning', () => {
      // GIVEN
      const { stack } = testStack({}, {
        'endpoint-service-availability-zones:account=123456789012:region=us-east-1:serviceName=com.amazonaws.us-east-1.ssm':
          ['us-east-1a', 'us-east-1c'],
      });

      // WHEN
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM] });

      // THEN
      const [a, , c] = egress.vpc.isolatedSubnets;
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: 'com.amazonaws.us-east-1.ssm',
        SubnetIds: subnetRefs([a, c]),
      });
      Annotations.fromStack(stack).hasWarning('/TestStack/Egress', Match.stringLikeRegexp(
        "^interface endpoint 'ssm' leaves out us-east-1b: the service is not available there\\. Workloads in us-east-1b reach it",
      ));
    });

    test('fail when the service is in none of the endpoint subnets\' AZs', () => {
      // GIVEN
      const { app, stack } = testStack({}, {
        'endpoint-service-availability-zones:account=123456789012:region=us-east-1:serviceName=com.amazonaws.us-east-1.ssm':
          ['us-east-1f'],
      });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM] });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] interface endpoint 'ssm' has no subnet: the service is available in none of the AZs of "
        + '`endpointSubnets`. Select subnets in AZs the service supports, or remove the endpoint.',
      ]);
    });

    test('that the CDK CLI could not look up are named with their key and the value to put there', () => {
      // GIVEN: what the CDK CLI leaves in the context when a lookup fails (no credentials)
      const failure = { $providerError: 'Need to perform AWS calls for account 123456789012, but no credentials have been configured' };
      const azsKey = 'availability-zones:account=123456789012:region=us-east-1';
      const ssmKey = 'endpoint-service-availability-zones:account=123456789012:region=us-east-1:serviceName=com.amazonaws.us-east-1.ssm';
      const { app, stack } = testStack({}, { [azsKey]: failure, [ssmKey]: failure });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM] });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(new RegExp(`^\\[TestStack/Egress\\] The CDK CLI could not look up the context value \`${azsKey}\` `
          + '\\(Need to perform AWS calls for account 123456789012, but no credentials have been configured\\)\\. Run `cdk synth` with '
          + `credentials for account 123456789012, or put the value into cdk.context.json yourself: \`"${azsKey}": \\[`)),
        expect.stringMatching(new RegExp(`^\\[TestStack/Egress\\] The CDK CLI could not look up the context value \`${ssmKey}\` `
          + '.* with the names of the account\'s AZs in which com.amazonaws.us-east-1.ssm is offered')),
      ]);
    });

    test('are not looked up for an env-agnostic stack', () => {
      // GIVEN
      const { stack } = testStack({ env: {} });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM] });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Interface' });
      const assembly = stack.node.root as unknown as { synth(): { manifest: { missing?: unknown[] } } };
      expect(assembly.synth().manifest.missing).toBeUndefined();
    });
  });

  describe('estimateMonthlyCost', () => {
    test('prices each interface endpoint by the AZs it is placed in', () => {
      // GIVEN
      const { stack } = testStack({}, {
        'endpoint-service-availability-zones:account=123456789012:region=us-east-1:serviceName=com.amazonaws.us-east-1.ssm':
          ['us-east-1a', 'us-east-1b'],
      });
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM, ECR_DOCKER, LOGS] });

      // WHEN
      const estimate = egress.estimateMonthlyCost();

      // THEN: 0.01 USD per AZ-hour x 730 hours; ssm is in 2 AZs, the others in 3
      expect(estimate.priced).toBe(true);
      expect(estimate.interfaceEndpoints).toEqual([
        { service: 'ssm', availabilityZones: 2, monthlyUsd: 14.6 },
        { service: 'ecr.dkr', availabilityZones: 3, monthlyUsd: 21.9 },
        { service: 'logs', availabilityZones: 3, monthlyUsd: 21.9 },
      ]);
      expect(estimate.gatewayEndpoints).toBe(2);
      expect(estimate.totalFixedMonthlyUsd).toBe(58.4);
      expect(estimate.natGatewayComparisonMonthlyUsd).toBe(98.55);
      expect(estimate.breakEvenGbPerMonth).toBe(0);
    });

    test('says an env-agnostic stack is not priced', () => {
      // GIVEN
      const { stack } = testStack({ env: {} });
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM] });

      // WHEN
      const estimate = egress.estimateMonthlyCost();

      // THEN
      expect(estimate.priced).toBe(false);
      expect(estimate.totalFixedMonthlyUsd).toBeUndefined();
      expect(estimate.note).toMatch(/environment-agnostic/);
    });
  });

  describe('gateway endpoints the VPC already has', () => {
    /** An existing VPC whose owner already gave it an S3 gateway endpoint on every subnet's route table. */
    const vpcWithS3Endpoint = (stack: Stack) => existingVpc(stack, { gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } } });

    test('fail when a second gateway endpoint of the service would go on the same route tables, naming both', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc: vpcWithS3Endpoint(stack) });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] gateway endpoint 's3' (TestStack/Egress/GatewayEndpoints/S3) and the gateway endpoint "
        + "TestStack/Existing/S3/Resource both add a 's3' route to the same route tables; a route table takes one endpoint "
        + "route per service, so the deploy would fail. Keep the existing one: add ec2.GatewayVpcEndpointAwsService for 's3' to "
        + '`existingGatewayEndpoints` (and leave it out of `gatewayEndpoints`), or remove the other endpoint.',
      ]);
    });

    test('are named in existingGatewayEndpoints: nothing is added for them and they satisfy bundles', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = vpcWithS3Endpoint(stack);

      // WHEN
      const egress = new PrivateEgressVpc(stack, 'Egress', {
        vpc,
        existingGatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.S3],
        bundles: [EndpointBundle.ECR_IMAGE_PULL],
      });

      // THEN
      expect(validationErrors(app)).toEqual([]);
      const template = Template.fromStack(stack);
      const gatewayServices = Object.values(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Gateway' } }))
        .map(resource => JSON.stringify(resource.Properties.ServiceName));
      // The VPC's own S3 endpoint and this construct's DynamoDB endpoint: no second S3 endpoint.
      expect(gatewayServices.filter(name => name.includes('.s3'))).toHaveLength(1);
      expect(egress.gatewayEndpointFor(ec2.GatewayVpcEndpointAwsService.S3)).toBeUndefined();
      expect(egress.gatewayEndpointFor(ec2.GatewayVpcEndpointAwsService.DYNAMODB)).toBeDefined();
    });

    test('fail when a service is both requested and existing', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', {
        vpc: existingVpc(stack),
        gatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.S3],
        existingGatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.S3],
      });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] 's3' is in both `gatewayEndpoints` and `existingGatewayEndpoints`; a route table takes one endpoint "
        + "route per service. Remove 's3' from `gatewayEndpoints` if the VPC already has it, or from `existingGatewayEndpoints`.",
      ]);
    });

    test('do not clash with an endpoint of the same service on other route tables', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = existingVpc(stack);
      new ec2.GatewayVpcEndpoint(stack, 'PublicS3', {
        vpc,
        service: ec2.GatewayVpcEndpointAwsService.S3,
        subnets: [{ subnetType: ec2.SubnetType.PUBLIC }],
      });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc });

      // THEN
      expect(validationErrors(app)).toEqual([]);
    });
  });

  describe('PrivateLink endpoint services', () => {
    const PARTNER = new ec2.InterfaceVpcEndpointService('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', 443);

    test('get no private DNS by default, which EC2 refuses until the provider has a verified name', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [PARTNER, SSM], privateDnsEnabled: true });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: PARTNER.name, PrivateDnsEnabled: false });
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-east-1.ssm', PrivateDnsEnabled: true });
    });

    test('get private DNS when the endpoint asks for it', () => {
      // GIVEN
      const { stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');

      // WHEN
      egress.addInterfaceEndpoint(PARTNER, { privateDnsEnabled: true });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: PARTNER.name, PrivateDnsEnabled: true });
    });
  });

  describe('services that share a short name', () => {
    test('are kept apart by their full name, each with its endpoint', () => {
      // GIVEN
      const { stack } = testStack();
      const plain = new ec2.InterfaceVpcEndpointService('com.amazonaws.us-east-1.notebook', 443);

      // WHEN
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM, SSM] });
      const thrown = () => egress.addInterfaceEndpoint(plain);
      egress.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.SAGEMAKER_NOTEBOOK);

      // THEN
      const names = Object.values(Template.fromStack(stack).findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Interface' } }))
        .map(resource => resource.Properties.ServiceName);
      expect(names).toEqual(['com.amazonaws.us-east-1.ssm', 'aws.sagemaker.us-east-1.notebook']);
      // Both would be the endpoint `Notebook`: the second cannot be defined, and says so instead of being dropped.
      expect(thrown).toThrow(/^TestStack\/Egress: services '"aws.sagemaker.us-east-1.notebook"' and '"com.amazonaws.us-east-1.notebook"' would both have the endpoint construct ID 'Notebook'/);
    });
  });

  describe('client ports', () => {
    const SMTP = ec2.InterfaceVpcEndpointAwsService.EMAIL_SMTP;

    test('are every port the service\'s clients use: SES SMTP takes 25, 465, 587, 2465 and 2587 besides 443', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SMTP, new ec2.InterfaceVpcEndpointService('com.amazonaws.us-east-1.git-codecommit', 443)] });

      // THEN
      const ingress = Object.values(Template.fromStack(stack).findResources('AWS::EC2::SecurityGroup'))[0].Properties.SecurityGroupIngress;
      expect(ingress.map((rule: { FromPort: number }) => rule.FromPort)).toEqual([22, 25, 443, 465, 587, 2465, 2587]);
    });

    test('can be set per endpoint', () => {
      // GIVEN
      const { stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');

      // WHEN
      egress.addInterfaceEndpoint(SMTP, { ports: [587] });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.0.0.0/16', FromPort: 587, ToPort: 587 })],
      });
    });

    test('fail when a port is not a TCP port', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');

      // WHEN
      egress.addInterfaceEndpoint(SMTP, { ports: [587, 70000] });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] `ports` of interface endpoint 'email-smtp' must be TCP ports, integers in 1..65535, got 70000. "
        + "Use the ports the service's clients connect to.",
      ]);
    });
  });

  describe('clients outside the VPC', () => {
    test('are admitted from clientCidrs: IPv4 and IPv6 blocks and prefix lists', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', {
        interfaceEndpoints: [SSM],
        clientCidrs: ['172.16.0.0/12', '2001:db8::/56', 'pl-0123456789abcdef0'],
      });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: [
          Match.objectLike({ CidrIp: '10.0.0.0/16', FromPort: 443, Description: 'Endpoint clients in the VPC, port 443' }),
          Match.objectLike({ CidrIp: '172.16.0.0/12', FromPort: 443, Description: 'Endpoint clients outside the VPC (clientCidrs), port 443' }),
          Match.objectLike({ CidrIpv6: '2001:db8::/56', FromPort: 443 }),
        ],
      });
      // CDK renders a prefix-list rule as a resource of its own.
      template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EgressEndpointSecurityGroup'), 'GroupId'] },
        SourcePrefixListId: 'pl-0123456789abcdef0',
        FromPort: 443,
        ToPort: 443,
      });
    });

    test('fail when an entry of clientCidrs is not a CIDR block or prefix list', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM], clientCidrs: ['on-prem'] });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Egress] `clientCidrs` must hold IPv4 or IPv6 CIDR blocks (10.20.0.0/16, 2001:db8::/56) or prefix list IDs '
        + "(pl-0123456789abcdef0), got 'on-prem'. Fix or remove them.",
      ]);
    });

    test('warn when S3 and DynamoDB interface endpoints answer only the inbound resolver and no client outside the VPC is admitted', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', {
        interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.S3, ec2.InterfaceVpcEndpointAwsService.DYNAMODB],
      });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Egress', Match.stringLikeRegexp(
        "^interface endpoints 's3', 'dynamodb' answer only clients outside the VPC .* but `clientCidrs` admits none",
      ));
    });

    test('do not warn about resolver-only endpoints once clientCidrs admits clients', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.S3], clientCidrs: ['192.168.0.0/16'] });

      // THEN
      expect(Annotations.fromStack(stack).findWarning('/TestStack/Egress', Match.stringLikeRegexp('clientCidrs'))).toEqual([]);
    });

    test('of an imported VPC warn that its other CIDR blocks cannot be seen, unless clientCidrs is given', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: 'vpc-0123456789abcdef0',
        vpcCidrBlock: '10.1.0.0/16',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        isolatedSubnetIds: ['subnet-1', 'subnet-2'],
        isolatedSubnetRouteTableIds: ['rtb-1', 'rtb-2'],
      });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc, interfaceEndpoints: [SSM] });
      new PrivateEgressVpc(stack, 'Known', { vpc, interfaceEndpoints: [SSM], gatewayEndpoints: [], clientCidrs: [] });

      // THEN
      const annotations = Annotations.fromStack(stack);
      annotations.hasWarning('/TestStack/Egress', Match.stringLikeRegexp('^`vpc` is imported, so only the CIDR block it was imported with'));
      expect(annotations.findWarning('/TestStack/Known', Match.stringLikeRegexp('is imported'))).toEqual([]);
    });
  });

  describe('AWS services in another Region', () => {
    test('get an endpoint of their own, named in that Region, with ServiceRegion', () => {
      // GIVEN
      const { stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.ECR] });

      // WHEN
      egress.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.ECR, { serviceRegion: 'eu-west-1' });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-east-1.ecr.api', ServiceRegion: Match.absent() });
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.eu-west-1.ecr.api', ServiceRegion: 'eu-west-1' });
      expect(Object.keys(template.findResources('AWS::EC2::VPCEndpoint'))).toEqual(expect.arrayContaining([
        expect.stringMatching(/^EgressInterfaceEndpointsEcrApi[0-9A-F]{8}$/),
        expect.stringMatching(/^EgressInterfaceEndpointsEcrApiEuWest1[0-9A-F]{8}$/),
      ]));
    });

    test('fail for a service AWS does not list as cross-Region enabled, or the stack\'s own Region', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');

      // WHEN
      egress.addInterfaceEndpoint(SSM, { serviceRegion: 'eu-west-1' });
      egress.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.LAMBDA, { serviceRegion: 'us-east-1' });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] `serviceRegion` of interface endpoint 'ssm' is eu-west-1, but 'ssm' cannot be reached across "
        + 'Regions; AWS lists s3, ecr.api, ecr.dkr, kms, kms-fips, ecs, lambda, kinesis-firehose, kinesisanalytics, '
        + 'kinesisanalytics-fips (https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html). '
        + 'Remove `serviceRegion` and reach the service in its own Region from a VPC there.',
        "[TestStack/Egress] `serviceRegion` of interface endpoint 'lambda' is the stack's own Region us-east-1; remove `serviceRegion`.",
      ]);
    });

    test('fail when a named service is in another Region than serviceRegion', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress');

      // WHEN
      egress.addInterfaceEndpoint(new ec2.InterfaceVpcEndpointService('com.amazonaws.eu-central-1.kms', 443), { serviceRegion: 'eu-west-1' });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] `serviceRegion` of interface endpoint 'kms' is eu-west-1, but the service name "
        + "'com.amazonaws.eu-central-1.kms' is in eu-central-1. Give the service's name in eu-west-1, or a literal stack "
        + 'Region so that the construct can name it there.',
      ]);
    });
  });

  describe('IP address types', () => {
    test('dual-stack endpoints go in a dual-stack VPC the construct defines, admitting its IPv6 block', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', {
        ipProtocol: ec2.IpProtocol.DUAL_STACK,
        ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK,
        dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.DUALSTACK,
        interfaceEndpoints: [SSM],
      });

      // THEN
      expect(validationErrors(app)).toEqual([]);
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPCCidrBlock', { AmazonProvidedIpv6CidrBlock: true });
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: 'com.amazonaws.us-east-1.ssm',
        IpAddressType: 'dualstack',
        DnsOptions: { DnsRecordIpType: 'dualstack' },
      });
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: Match.arrayWith([Match.objectLike({
          CidrIpv6: { 'Fn::Select': [0, { 'Fn::GetAtt': [Match.stringLikeRegexp('^EgressVpc'), 'Ipv6CidrBlocks'] }] },
          FromPort: 443,
          Description: 'Endpoint clients in the VPC (IPv6), port 443',
        })]),
      });
    });

    test('fail when the subnets lack the address family: dual-stack in an IPv4-only VPC, IPv6 in subnets with IPv4', () => {
      // GIVEN
      const { app, stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress', { maxAzs: 2, ipAddressType: ec2.VpcEndpointIpAddressType.DUALSTACK });

      // WHEN
      egress.addInterfaceEndpoint(SSM);
      egress.addInterfaceEndpoint(LOGS, { ipAddressType: ec2.VpcEndpointIpAddressType.IPV6 });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] interface endpoint 'ssm' has `ipAddressType` dualstack, which needs subnets with both an IPv4 "
        + 'and an IPv6 range (a dual-stack subnet), but TestStack/Egress/Vpc/IsolatedSubnet1, TestStack/Egress/Vpc/IsolatedSubnet2 '
        + 'have not. Select such subnets, or choose the IP address type the subnets have.',
        "[TestStack/Egress] interface endpoint 'logs' has `ipAddressType` ipv6, which needs subnets with an IPv6 range and no "
        + 'IPv4 range (an IPv6-only subnet), but TestStack/Egress/Vpc/IsolatedSubnet1, TestStack/Egress/Vpc/IsolatedSubnet2 '
        + 'have not. Select such subnets, or choose the IP address type the subnets have.',
      ]);
    });

    test('fail when the DNS record type needs addresses the endpoint does not have', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { dnsRecordIpType: ec2.VpcEndpointDnsRecordIpType.IPV6, interfaceEndpoints: [SSM] });

      // THEN
      expect(validationErrors(app)).toEqual([
        "[TestStack/Egress] interface endpoint 'ssm' has `dnsRecordIpType` ipv6, which needs `ipAddressType` ipv6 or "
        + 'dualstack, got ipv4. Set `ipAddressType` to dualstack, or choose the DNS record type of the addresses the endpoint has.',
      ]);
    });

    test('ipProtocol shapes a new VPC only', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { vpc: isolatedVpc(stack, 'Existing'), ipProtocol: ec2.IpProtocol.DUAL_STACK });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Egress] `ipProtocol` shape a new VPC and cannot be combined with `vpc`. Remove them, or remove `vpc` to '
        + 'have the construct define the VPC.',
      ]);
    });
  });

  describe('a policy that fails a rule on many endpoints', () => {
    test('is one finding naming them all, with principals as a person reads them', () => {
      // GIVEN
      const { app, stack } = testStack();
      const namedRole = new iam.PolicyStatement({
        principals: [new iam.ArnPrincipal(`arn:${stack.partition}:iam::123456789012:role/app`)],
        actions: ['*'],
        resources: ['*'],
      });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', {
        endpointPolicy: EndpointPolicy.fromStatements([namedRole]),
        bundles: [EndpointBundle.SESSION_MANAGER, EndpointBundle.SECRETS],
      });

      // THEN: the interface endpoints accept the principal; the two gateway endpoints do not, in one finding.
      expect(validationErrors(app)).toEqual([
        '[TestStack/Egress] `endpointPolicy` has statement 1 with the principal {"AWS":"arn:${AWS::Partition}:iam::123456789012:role/app"} '
        + 'on the `s3`, `dynamodb` gateway endpoints; gateway endpoints accept only the `*` principal. Use `new iam.StarPrincipal()` '
        + 'and name the principals with the aws:PrincipalArn condition key.',
      ]);
    });
  });

  describe('services that accept no endpoint policy', () => {
    test('do not get the construct-wide policy, and a warning names them', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', {
        endpointPolicy: EndpointPolicy.accountPrincipals(),
        interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.EKS, ec2.InterfaceVpcEndpointAwsService.BILLING_CONDUCTOR, SSM],
      });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-east-1.eks', PolicyDocument: Match.absent() });
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-east-1.ssm', PolicyDocument: Match.anyValue() });
      Annotations.fromStack(stack).hasWarning('/TestStack/Egress', Match.stringLikeRegexp(
        "^`endpointPolicy` is not applied to the 'eks', 'billingconductor' endpoint\\(s\\)",
      ));
    });
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions checks with defaults', (_, check) => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [SSM, ECR_DOCKER] });

    // THEN: with cdk-nag 3 too, which reads the template: EC23 can judge the literal VPC CIDR of the ingress rules.
    expect(check(stack)).toEqual([]);
  });

  describe('snapshots', () => {
    test('defaults', () => {
      const { stack } = testStack();
      new PrivateEgressVpc(stack, 'Egress');
      expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
    });

    test('fully configured', () => {
      const { stack } = testStack();
      const egress = new PrivateEgressVpc(stack, 'Egress', {
        ipAddresses: ec2.IpAddresses.cidr('10.50.0.0/16'),
        maxAzs: 2,
        cidrMask: 22,
        flowLogRetention: logs.RetentionDays.THREE_MONTHS,
        gatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.S3],
        interfaceEndpoints: [SSM, ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES, ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES],
        privateDnsEnabled: true,
      });
      egress.addInterfaceEndpoint(LOGS);
      egress.addGatewayEndpoint(ec2.GatewayVpcEndpointAwsService.DYNAMODB);
      expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
    });
  });
});
