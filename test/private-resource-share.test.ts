import { CfnElement, Fn, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import { Construct } from 'constructs';
import { AWS_SOLUTIONS_CHECKS, isolatedVpc, testStack, validationErrors } from './util';
import { PrivateResourceShare, PrivateResourceShareProps } from '../src/private-resource-share';
import { PortRange, ResourceDefinition, ResourceGatewayIpAddressType } from '../src/resource-definition';

/** An IPv4 VPC, or a dual-stack one (subnets with both ranges) for IPv6 and dual-stack resource gateways. */
function setUp(ipProtocol = ec2.IpProtocol.IPV4_ONLY) {
  const { app, stack } = testStack();
  const vpc = isolatedVpc(stack, 'Vpc', { maxAzs: 3, ipProtocol });
  return { app, stack, vpc };
}

function share(scope: Construct, vpc: ec2.IVpc, props: Partial<PrivateResourceShareProps> = {}, id = 'Share'): PrivateResourceShare {
  return new PrivateResourceShare(scope, id, {
    vpc,
    resource: ResourceDefinition.ipAddress('10.0.0.25'),
    portRanges: [PortRange.tcp(8443)],
    ...props,
  });
}

/** An RDS instance imported with its endpoint address and the port given, as `TestStack/Db`. */
function importedInstance(stack: Stack, port: number): rds.IDatabaseInstance {
  return rds.DatabaseInstance.fromDatabaseInstanceAttributes(stack, 'Db', {
    instanceIdentifier: 'orders',
    instanceEndpointAddress: 'orders.abcdefghijkl.us-east-1.rds.amazonaws.com',
    port,
    securityGroups: [],
  });
}

function database(stack: Stack, vpc: ec2.IVpc): rds.DatabaseInstance {
  return new rds.DatabaseInstance(stack, 'Db', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    storageEncrypted: true,
  });
}

function zone(stack: Stack): route53.IPublicHostedZone {
  return new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });
}

/** The domain verifications defined, read from the construct tree: a stack that fails validation has no template. */
const domainVerifications = (stack: Stack) => stack.node.findAll().filter(vpclattice.CfnDomainVerification.isCfnDomainVerification);

const logicalId = (stack: Stack, construct: Construct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);

describe('PrivateResourceShare', () => {
  describe('resource gateway', () => {
    test('defines a resource gateway in one subnet per AZ with a security group of its own', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const shared = share(stack, vpc);

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::VpcLattice::ResourceGateway', 1);
      template.hasResourceProperties('AWS::VpcLattice::ResourceGateway', {
        Name: Match.stringLikeRegexp('^teststack-share-[0-9a-f]{8}$'),
        VpcIdentifier: { Ref: Match.stringLikeRegexp('^Vpc') },
        SubnetIds: vpc.isolatedSubnets.map(subnet => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as ec2.CfnSubnet) })),
        SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^ShareSecurityGroup'), 'GroupId'] }],
        IpAddressType: 'IPV4',
      });
      expect(shared.availabilityZones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
      expect(stack.resolve(shared.resourceGatewayId)).toEqual({
        'Fn::GetAtt': [stack.getLogicalId(shared.node.findChild('ResourceGateway') as CfnElement), 'Id'],
      });
    });

    test('lets the gateway reach only the resource on its ports, and admits nothing', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, { portRanges: [PortRange.tcp(8443), PortRange.tcpRange(9000, 9099)] });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
        GroupDescription: Match.stringLikeRegexp('^Resource gateway of a PrivateLink resource share'),
        SecurityGroupIngress: Match.absent(),
        SecurityGroupEgress: [
          { CidrIp: '10.0.0.25/32', IpProtocol: 'tcp', FromPort: 8443, ToPort: 8443, Description: 'To the IP address 10.0.0.25, port 8443' },
          { CidrIp: '10.0.0.25/32', IpProtocol: 'tcp', FromPort: 9000, ToPort: 9099, Description: 'To the IP address 10.0.0.25, port 9000-9099' },
        ],
      });
    });

    test('sends traffic for a domain name to any address of its family', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, { resource: ResourceDefinition.dnsName('ldap.corp.example.com'), portRanges: [PortRange.tcp(636)] });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 636, ToPort: 636 }],
      });
    });

    test('uses given security groups as they are, and sets the IP address type', () => {
      // GIVEN
      const { stack, vpc } = setUp(ec2.IpProtocol.DUAL_STACK);
      const securityGroup = new ec2.SecurityGroup(stack, 'GatewaySecurityGroup', { vpc, allowAllOutbound: false });

      // WHEN
      const shared = share(stack, vpc, { securityGroups: [securityGroup], ipAddressType: ResourceGatewayIpAddressType.DUALSTACK });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
      template.hasResourceProperties('AWS::VpcLattice::ResourceGateway', {
        SecurityGroupIds: [{ 'Fn::GetAtt': [logicalId(stack, securityGroup), 'GroupId'] }],
        IpAddressType: 'DUALSTACK',
      });
      expect(shared.connections.securityGroups).toEqual([securityGroup]);
    });
  });

  describe('resource configuration', () => {
    test('defines a SINGLE configuration of an IP address on the given TCP ports', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const shared = share(stack, vpc);

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        Name: Match.stringLikeRegexp('^teststack-share-[0-9a-f]{8}$'),
        ResourceConfigurationType: 'SINGLE',
        ResourceGatewayId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ShareResourceGateway'), 'Id'] },
        ResourceConfigurationDefinition: { IpResource: '10.0.0.25' },
        PortRanges: ['8443'],
        ProtocolType: 'TCP',
        CustomDomainName: Match.absent(),
      });
      expect(shared.portRanges.map(range => range.toString())).toEqual(['8443']);
    });

    test('defines a domain-name configuration with its address family', () => {
      // GIVEN
      const { stack, vpc } = setUp(ec2.IpProtocol.DUAL_STACK);

      // WHEN
      share(stack, vpc, {
        resource: ResourceDefinition.dnsName('ldap.corp.example.com', ec2.IpAddressType.IPV6),
        ipAddressType: ResourceGatewayIpAddressType.IPV6,
      });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        ResourceConfigurationDefinition: { DnsResource: { DomainName: 'ldap.corp.example.com', IpAddressType: 'IPV6' } },
      });
    });

    test('shares an RDS instance by ARN on its own port, and lets the database admit the gateway', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const db = database(stack, vpc);

      // WHEN
      const shared = share(stack, vpc, { resource: ResourceDefinition.rdsInstance(db), portRanges: undefined });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        ResourceConfigurationType: 'ARN',
        ResourceConfigurationDefinition: { ArnResource: stack.resolve(db.instanceArn) },
        PortRanges: Match.absent(),
        ProtocolType: Match.absent(),
      });
      const port = { 'Fn::GetAtt': [stack.getLogicalId(db.node.defaultChild as rds.CfnDBInstance), 'Endpoint.Port'] };
      template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DbSecurityGroup'), 'GroupId'] },
        SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ShareSecurityGroup'), 'GroupId'] },
        FromPort: port,
        ToPort: port,
      });
      template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
        GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ShareSecurityGroup'), 'GroupId'] },
        DestinationSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DbSecurityGroup'), 'GroupId'] },
        FromPort: port,
      });
      expect(stack.resolve(shared.portRanges[0].fromPort)).toEqual(port);
    });

    test('shares an RDS cluster by ARN', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const cluster = new rds.DatabaseCluster(stack, 'Cluster', {
        engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
        writer: rds.ClusterInstance.serverlessV2('Writer'),
        vpc,
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      });

      // WHEN
      share(stack, vpc, { resource: ResourceDefinition.rdsCluster(cluster), portRanges: undefined });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        ResourceConfigurationType: 'ARN',
        ResourceConfigurationDefinition: { ArnResource: stack.resolve(cluster.clusterArn) },
      });
    });

    test('defines a GROUP configuration with a CHILD configuration per member, under the group domain', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, {
        resource: ResourceDefinition.group([
          { name: 'NodeA', definition: ResourceDefinition.ipAddress('10.0.0.10'), customDomainName: 'a.nodes.example.com' },
          { name: 'NodeB', definition: ResourceDefinition.ipAddress('10.0.64.10') },
        ]),
        portRanges: [PortRange.tcpRange(9092, 9094)],
        customDomainName: 'nodes.example.com',
        domainVerificationId: 'dv-0123456789abcdef0',
      });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::VpcLattice::ResourceConfiguration', 3);
      template.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        ResourceConfigurationType: 'GROUP',
        ResourceConfigurationDefinition: Match.absent(),
        GroupDomain: 'nodes.example.com',
        CustomDomainName: Match.absent(),
        DomainVerificationId: 'dv-0123456789abcdef0',
        PortRanges: ['9092-9094'],
        ProtocolType: 'TCP',
      });
      template.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        Name: Match.stringLikeRegexp('^teststack-share-members-nodea-[0-9a-f]{8}$'),
        ResourceConfigurationType: 'CHILD',
        ResourceConfigurationGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ShareResourceConfiguration'), 'Id'] },
        ResourceConfigurationDefinition: { IpResource: '10.0.0.10' },
        CustomDomainName: 'a.nodes.example.com',
        PortRanges: ['9092-9094'],
        ResourceGatewayId: Match.absent(),
      });
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupEgress: [
          Match.objectLike({ CidrIp: '10.0.0.10/32', FromPort: 9092, ToPort: 9094 }),
          Match.objectLike({ CidrIp: '10.0.64.10/32', FromPort: 9092, ToPort: 9094 }),
        ],
      });
    });

    test('sets a custom domain name, its verification and a given name on a SINGLE configuration', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const shared = share(stack, vpc, {
        customDomainName: 'orders.example.com',
        domainVerificationId: 'dv-0123456789abcdef0',
        resourceConfigurationName: 'orders',
      });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        Name: 'orders',
        CustomDomainName: 'orders.example.com',
        DomainVerificationId: 'dv-0123456789abcdef0',
        GroupDomain: Match.absent(),
      });
      expect(shared.customDomainName).toBe('orders.example.com');
    });
  });

  describe('custom domain verification', () => {
    test('starts a domain verification of the custom domain name and gives the resource configuration its ID', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const shared = share(stack, vpc, { customDomainName: 'orders.example.com', publicHostedZone: zone(stack) });

      // THEN
      const template = Template.fromStack(stack);
      const verifications = template.findResources('AWS::VpcLattice::DomainVerification');
      expect(Object.values(verifications)).toEqual([{ Type: 'AWS::VpcLattice::DomainVerification', Properties: { DomainName: 'orders.example.com' } }]);
      const [verificationId] = Object.keys(verifications);
      expect(verificationId).toMatch(/^ShareDomainVerification/);
      template.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        CustomDomainName: 'orders.example.com',
        DomainVerificationId: { 'Fn::GetAtt': [verificationId, 'Id'] },
      });
      expect(stack.resolve(shared.domainVerificationId)).toEqual({ 'Fn::GetAtt': [verificationId, 'Id'] });
    });

    test('writes the verification\'s TXT record into the zone, fully qualified, from what the custom resource reads', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const publicHostedZone = zone(stack);

      // WHEN
      share(stack, vpc, { customDomainName: 'orders.example.com', publicHostedZone });

      // THEN
      const template = Template.fromStack(stack);
      const [readerId] = Object.keys(template.findResources('Custom::DomainVerificationTxtMethodConfig'));
      expect(readerId).toMatch(/^ShareDomainVerificationTxtMethodConfig/);
      template.resourceCountIs('AWS::Route53::RecordSet', 1);
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Type: 'TXT',
        HostedZoneId: { Ref: stack.getLogicalId(publicHostedZone.node.defaultChild as route53.CfnHostedZone) },
        Name: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [readerId, 'Name'] }, '.']] },
        ResourceRecords: [{ 'Fn::Join': ['', ['"', { 'Fn::GetAtt': [readerId, 'Value'] }, '"']] }],
      });
    });

    test('reads the TXT record with a function and role of its own, allowed to read this verification only', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, { customDomainName: 'orders.example.com', publicHostedZone: zone(stack) });

      // THEN
      const template = Template.fromStack(stack);
      const [verificationId] = Object.keys(template.findResources('AWS::VpcLattice::DomainVerification'));
      const [roleId] = Object.keys(template.findResources('AWS::IAM::Role'));
      const [logGroupId] = Object.keys(template.findResources('AWS::Logs::LogGroup'));
      expect(roleId).toMatch(/^ShareDomainVerificationRole/);
      const [reader] = Object.values(template.findResources('Custom::DomainVerificationTxtMethodConfig'));
      expect(reader.Properties).toEqual({
        ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^ShareDomainVerificationHandler/), 'Arn'] },
        DomainVerificationArn: { 'Fn::GetAtt': [verificationId, 'Arn'] },
        DomainName: 'orders.example.com',
      });
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.handler',
        Code: { ZipFile: Match.stringLikeRegexp('GetDomainVerificationCommand') },
        Role: { 'Fn::GetAtt': [roleId, 'Arn'] },
        LoggingConfig: { LogGroup: { Ref: logGroupId } },
      });
      template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: roleId }],
        PolicyDocument: {
          Statement: [
            { Action: 'vpc-lattice:GetDomainVerification', Effect: 'Allow', Resource: { 'Fn::GetAtt': [verificationId, 'Arn'] } },
            { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } },
          ],
        },
      });
      template.resourceCountIs('Custom::AWS', 0);
    });

    test('verifies a group\'s domain on the group, whose members inherit it', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, {
        resource: ResourceDefinition.group([
          { name: 'NodeA', definition: ResourceDefinition.ipAddress('10.0.0.10'), customDomainName: 'a.nodes.example.com' },
        ]),
        customDomainName: 'nodes.example.com',
        publicHostedZone: zone(stack),
      });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::VpcLattice::DomainVerification', { DomainName: 'nodes.example.com' });
      const [verificationId] = Object.keys(template.findResources('AWS::VpcLattice::DomainVerification'));
      template.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        ResourceConfigurationType: 'GROUP',
        GroupDomain: 'nodes.example.com',
        DomainVerificationId: { 'Fn::GetAtt': [verificationId, 'Id'] },
      });
      template.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        ResourceConfigurationType: 'CHILD',
        CustomDomainName: 'a.nodes.example.com',
        DomainVerificationId: Match.absent(),
      });
    });

    test('starts no verification with an existing verification\'s ID, or without a zone', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const verified = share(stack, vpc, { customDomainName: 'orders.example.com', domainVerificationId: 'dv-0123456789abcdef0' }, 'Verified');
      const unverified = share(stack, vpc, { customDomainName: 'billing.example.com', resourceConfigurationName: 'billing' }, 'Unverified');

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::VpcLattice::DomainVerification', 0);
      template.resourceCountIs('AWS::Route53::RecordSet', 0);
      template.resourceCountIs('AWS::Lambda::Function', 0);
      template.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', { Name: 'billing', DomainVerificationId: Match.absent() });
      expect(verified.domainVerificationId).toBe('dv-0123456789abcdef0');
      expect(unverified.domainVerificationId).toBeUndefined();
    });
  });

  describe('sharing', () => {
    test('shares with nobody by default: no RAM share', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      share(stack, vpc);

      // THEN
      Template.fromStack(stack).resourceCountIs('AWS::RAM::ResourceShare', 0);
    });

    test('shares the configuration with the principals, inside the organization only by default, also those added later', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const shared = share(stack, vpc, { allowedPrincipals: ['222222222222'] });

      // WHEN
      shared.addAllowedPrincipal('arn:aws:organizations::111111111111:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56');
      shared.addAllowedPrincipal('222222222222');

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::RAM::ResourceShare', 1);
      template.hasResourceProperties('AWS::RAM::ResourceShare', {
        ResourceArns: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^ShareResourceConfiguration'), 'Arn'] }],
        Principals: ['222222222222', 'arn:aws:organizations::111111111111:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56'],
        AllowExternalPrincipals: false,
      });
    });

    test('allows external principals when asked', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, { allowedPrincipals: ['222222222222'], allowExternalPrincipals: true });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::RAM::ResourceShare', { AllowExternalPrincipals: true });
    });

    test('publishes the ARN as an output and, when asked, an SSM parameter', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const shared = share(stack, vpc, { resourceConfigurationArnParameter: '/resources/orders/arn' });

      // THEN
      const template = Template.fromStack(stack);
      const arn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^ShareResourceConfiguration'), 'Arn'] };
      template.hasOutput('ShareResourceConfigurationArn0725CF74', { Value: arn });
      template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/resources/orders/arn', Type: 'String', Value: arn });
      expect(stack.resolve(shared.resourceConfigurationArn)).toEqual({
        'Fn::GetAtt': [stack.getLogicalId(shared.node.findChild('ResourceConfiguration') as CfnElement), 'Arn'],
      });
    });
  });

  describe('validation', () => {
    test('reports an RDS cluster imported without its endpoint and port, instead of failing in aws-cdk-lib', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const cluster = rds.DatabaseCluster.fromDatabaseClusterAttributes(stack, 'Db', { clusterIdentifier: 'orders' });

      // WHEN
      share(stack, vpc, { resource: ResourceDefinition.rdsCluster(cluster), portRanges: undefined });

      // THEN
      expect(validationErrors(app)).toEqual(['[TestStack/Share] `resource` is the RDS cluster at TestStack/Db, imported without its '
        + 'endpoint address and port, which consumers need. Import it with them: `DatabaseCluster.fromDatabaseClusterAttributes()` '
        + 'with `clusterEndpointAddress` and `port`.']);
    });

    test('reports an RDS instance imported with its port as a string (plain JavaScript), instead of sharing it with no port', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const instance = importedInstance(stack, '5432' as unknown as number);

      // WHEN
      share(stack, vpc, { resource: ResourceDefinition.rdsInstance(instance), portRanges: undefined });

      // THEN
      expect(validationErrors(app)).toEqual(['[TestStack/Share] `resource` is the RDS instance at TestStack/Db, imported with the '
        + 'port "5432", which is no port number; consumers reach the database on its port. Import it with `port` as a number from 1 '
        + 'to 65535: `DatabaseInstance.fromDatabaseInstanceAttributes()` with `instanceEndpointAddress` and `port`.']);
    });

    test('shares an RDS instance imported with a deploy-time port on that port', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const instance = importedInstance(stack, Token.asNumber(Fn.importValue('OrdersDbPort')));

      // WHEN
      const shared = share(stack, vpc, { resource: ResourceDefinition.rdsInstance(instance), portRanges: undefined });

      // THEN
      expect(validationErrors(app)).toEqual([]);
      expect(shared.portRanges.map(range => stack.resolve(range.toString()))).toEqual([{ 'Fn::ImportValue': 'OrdersDbPort' }]);
    });

    test('reports vpcSubnets that select nothing, instead of failing in aws-cdk-lib', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Share\] `vpcSubnets` selects no subnet of the VPC \(There are no 'Private' subnet groups in this VPC.*\), so the resource gateway has nowhere to go/)]);
    });

    test('reports a resourceConfigurationArnParameter that SSM would refuse, instead of failing in aws-cdk-lib', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, { resourceConfigurationArnParameter: 'resources/orders-db/arn' });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Share] `resourceConfigurationArnParameter` is not a name SSM accepts, got \'resources/orders-db/arn\': a name with a '
        + 'hierarchy must begin with /; use a name like /resources/orders-db/resource-configuration-arn',
      ]);
    });

    test('reports a group member name given twice, instead of failing on a second construct of that ID', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const member = { name: 'Primary', definition: ResourceDefinition.dnsName('db.example.net') };

      // WHEN
      share(stack, vpc, { resource: ResourceDefinition.group([member, member]) });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Share\] `resource` is a group with more than one member named 'Primary'/)]);
    });

    test('reports every problem at once, with the construct path', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, {
        resource: ResourceDefinition.ipAddress('192.168.0.10'),
        portRanges: [PortRange.tcp(0)],
        allowedPrincipals: ['arn:aws:iam::222222222222:root'],
        domainVerificationId: 'dv-0123456789abcdef0',
      });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Share\] `portRanges` must hold TCP ports 1..65535/),
        expect.stringMatching(/^\[TestStack\/Share\] `domainVerificationId` is given without `customDomainName`/),
        expect.stringMatching(/^\[TestStack\/Share\] `resource` defines the IP address 192.168.0.10, outside the VPC's CIDR blocks \(10.0.0.0\/16\)/),
        expect.stringMatching(/^\[TestStack\/Share\] `allowedPrincipals` must hold AWS account IDs/),
      ]);
    });

    test('fails when publicHostedZone is given without a custom domain name, or with a verification ID too', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const publicHostedZone = zone(stack);

      // WHEN
      share(stack, vpc, { publicHostedZone }, 'NoDomain');
      share(stack, vpc, {
        customDomainName: 'orders.example.com',
        domainVerificationId: 'dv-0123456789abcdef0',
        publicHostedZone,
        resourceConfigurationName: 'orders',
      }, 'Both');

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/NoDomain] `publicHostedZone` (example.com) is given without `customDomainName`, so there is no name to verify: '
        + 'the zone only takes the TXT record of the custom domain name\'s verification. Set `customDomainName`, or remove `publicHostedZone`.',
        '[TestStack/Both] both `domainVerificationId` (dv-0123456789abcdef0) and `publicHostedZone` are given, which are two ways to '
        + 'verify \'orders.example.com\': the ID of a verification you started, or a zone in which the share starts one and writes its '
        + 'TXT record (https://docs.aws.amazon.com/vpc-lattice/latest/ug/create-and-verify.html). Remove one of them.',
      ]);
      // The given ID is used, and no second verification is started.
      expect(domainVerifications(stack)).toEqual([]);
    });

    test('fails when the custom domain name is not inside publicHostedZone', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, { customDomainName: 'orders.example.org', publicHostedZone: zone(stack) });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Share] `customDomainName` \'orders.example.org\' is not inside `publicHostedZone` \'example.com\', so the zone cannot '
        + 'hold the TXT record that verifies it (https://docs.aws.amazon.com/vpc-lattice/latest/ug/create-and-verify.html). Pass the '
        + 'zone of the name or of a parent domain.',
      ]);
    });

    test('fails when publicHostedZone was imported by ID only, and writes no record', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, {
        customDomainName: 'orders.example.com',
        publicHostedZone: route53.PublicHostedZone.fromPublicHostedZoneId(stack, 'Zone', 'Z0123456789ABCDEFGHIJ'),
      });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Share\] `publicHostedZone` was imported by ID only .* import it with `PublicHostedZone.fromPublicHostedZoneAttributes\(\)`/),
      ]);
      expect(domainVerifications(stack)).toEqual([]);
    });

    test('fails when a group is malformed or its members\' domains are outside the group domain', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const db = database(stack, vpc);

      // WHEN
      share(stack, vpc, {
        resource: ResourceDefinition.group([
          { name: 'Db', definition: ResourceDefinition.rdsInstance(db) },
          { name: 'Node', definition: ResourceDefinition.ipAddress('10.0.0.10'), customDomainName: 'node.example.org' },
        ]),
        customDomainName: 'nodes.example.com',
      });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Share\] `resource` is a group whose members 'Db' \(the RDS instance at TestStack\/Db\) are not single resources/),
        expect.stringMatching(/^\[TestStack\/Share\] group member 'Node' has the custom domain name 'node.example.org', which is not a subdomain/),
      ]);
    });

    test('fails when a database is given port ranges or a custom domain name, or anything else lacks port ranges', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const db = database(stack, vpc);

      // WHEN
      share(stack, vpc, { resource: ResourceDefinition.rdsInstance(db), customDomainName: 'orders-db.example.com' });
      share(stack, vpc, { portRanges: undefined }, 'Host');

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Share\] `portRanges` is given for the RDS instance at TestStack\/Db/),
        expect.stringMatching(/^\[TestStack\/Share\] `customDomainName` is given for the RDS instance at TestStack\/Db/),
        expect.stringMatching(/^\[TestStack\/Host\] `portRanges` is missing for the IP address 10.0.0.25/),
      ]);
    });

    test('fails when the resource is not of the gateway\'s address family, or the domain-name target is under the custom domain', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, { resource: ResourceDefinition.dnsName('db.example.com'), customDomainName: 'example.com' });
      share(stack, vpc, { resource: ResourceDefinition.ipAddress('2001:db8::10') }, 'V6');

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Share\] customDomainName: the domain-name target 'db.example.com' is the custom domain name 'example.com' or a name under it/),
        expect.stringMatching(/^\[TestStack\/V6\] `ipAddressType` of the resource gateway is IPv4, but the IP address 2001:db8::10 is not IPv4/),
      ]);
    });

    test('fails when an IPv6 or dual-stack gateway is placed in subnets without IPv6 ranges, and judges no imported subnet', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();
      const imported = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: 'vpc-0123456789abcdef0',
        availabilityZones: ['us-east-1a'],
        isolatedSubnetIds: ['subnet-0123456789abcdef0'],
      });

      // WHEN
      share(stack, vpc, { ipAddressType: ResourceGatewayIpAddressType.DUALSTACK });
      share(stack, vpc, { resource: ResourceDefinition.ipAddress('2001:db8::10'), ipAddressType: ResourceGatewayIpAddressType.IPV6 }, 'V6');
      share(stack, imported, { ipAddressType: ResourceGatewayIpAddressType.DUALSTACK }, 'ImportedSubnets');

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(new RegExp('^\\[TestStack/Share\\] `ipAddressType` of the resource gateway is DUALSTACK, which needs subnets '
          + 'with both an IPv4 and an IPv6 range \\(a dual-stack subnet\\), but TestStack/Vpc/IsolatedSubnet1, '
          + 'TestStack/Vpc/IsolatedSubnet2, TestStack/Vpc/IsolatedSubnet3 have not .*Select such subnets')),
        expect.stringMatching(/^\[TestStack\/V6\] `ipAddressType` of the resource gateway is IPV6, which needs subnets with an IPv6 range, but/),
      ]);
    });

    test('fails when vpcSubnets selects two subnets in one AZ, or more than five security groups are given', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        maxAzs: 2,
        natGateways: 0,
        subnetConfiguration: [
          { name: 'A', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          { name: 'B', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        ],
      });
      const securityGroups = [1, 2, 3, 4, 5, 6].map(i => new ec2.SecurityGroup(stack, `Sg${i}`, { vpc }));

      // WHEN
      share(stack, vpc, { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, securityGroups });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Share\] `securityGroups` holds 6 security groups, but a resource gateway takes at most 5/),
        expect.stringMatching(/^\[TestStack\/Share\] `vpcSubnets` selects 2 subnets in us-east-1a \(.*\); a resource gateway takes at most one subnet per AZ/),
        expect.stringMatching(/^\[TestStack\/Share\] `vpcSubnets` selects 2 subnets in us-east-1b/),
      ]);
    });

    test('fails when the resource configuration name does not fit CloudFormation\'s pattern', () => {
      // GIVEN
      const { app, stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, { resourceConfigurationName: 'Orders_DB' });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Share\] `resourceConfigurationName` must be 3..40 lowercase letters, digits and hyphens.*got 'Orders_DB'/),
      ]);
    });

    test('warns when the gateway is in a single AZ', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: ['us-east-1a'] } });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Share',
        Match.stringLikeRegexp('the resource gateway is in a single AZ \\(us-east-1a\\).*\\[ack: cdk-private-endpoints:PrivateResourceShare.singleAz\\]'));
    });

    test('warns above the quota of 60 members in a group', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const members = [...Array(61).keys()].map(i => ({ name: `Host${i}`, definition: ResourceDefinition.ipAddress(`10.0.1.${i + 1}`) }));

      // WHEN
      share(stack, vpc, { resource: ResourceDefinition.group(members) });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Share', Match.stringLikeRegexp(
        "^members of the group: 61, above the quota 'Child resource configurations per group resource configuration' of 60 "
        + '.*\\[ack: cdk-private-endpoints:PrivateResourceShare.childConfigurationsPerGroup\\]'));
    });

    test('warns when the app starts more than 5 domain verifications in one account and Region', () => {
      // GIVEN
      const { stack, vpc } = setUp();
      const publicHostedZone = zone(stack);

      // WHEN
      for (let i = 0; i < 6; i++) {
        share(stack, vpc, { customDomainName: `host${i}.example.com`, publicHostedZone }, `Share${i}`);
      }

      // THEN
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('domainVerificationsPerRegion'));
      expect(warnings).toHaveLength(6);
      expect(String(warnings[0].entry.data)).toMatch(
        /^domain verifications the app starts in account 123456789012, us-east-1: 6, above the quota 'Domain verifications per AWS Region' of 5/);
    });
  });

  describe('estimateMonthlyCost', () => {
    test('has no hourly charge, only data processed by the gateway', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      const estimate = share(stack, vpc).estimateMonthlyCost();

      // THEN
      expect(estimate).toEqual({
        region: 'us-east-1',
        availabilityZones: 3,
        priced: true,
        note: expect.stringMatching(/^Estimate for us-east-1 at list prices checked on \d{4}-\d{2}-\d{2}: a resource gateway has no hourly charge/),
        totalFixedMonthlyUsd: 0,
        dataProcessingUsdPerGb: 0.01,
        pricesAsOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        pricesSource: 'https://aws.amazon.com/privatelink/pricing/ and https://aws.amazon.com/vpc/lattice/pricing/',
      });
    });

    test('is not priced in a Region without a price row', () => {
      // GIVEN
      const { stack } = testStack({ env: { account: '123456789012', region: 'eu-west-1' } });
      const vpc = isolatedVpc(stack, 'Vpc', { maxAzs: 2 });

      // WHEN
      const estimate = share(stack, vpc).estimateMonthlyCost();

      // THEN
      expect(estimate).toEqual({
        region: 'eu-west-1',
        availabilityZones: 2,
        priced: false,
        note: expect.stringMatching(/^Not priced: this library's price table has no row for Region `eu-west-1` \(it covers us-east-1\)/),
      });
    });
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
    // GIVEN
    const { stack, vpc } = setUp();
    vpc.addFlowLog('FlowLog');

    // WHEN
    share(stack, vpc, {
      resource: ResourceDefinition.group([
        { name: 'Node', definition: ResourceDefinition.ipAddress('10.0.0.10') },
        { name: 'Ldap', definition: ResourceDefinition.dnsName('ldap.corp.example.com') },
      ]),
      allowedPrincipals: ['222222222222'],
      customDomainName: 'nodes.example.com',
      publicHostedZone: zone(stack),
    });

    // THEN
    expect(errors(stack)).toEqual([]);
  });

  describe('snapshots', () => {
    test('defaults', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      share(stack, vpc);

      // THEN
      expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
    });

    test('all props', () => {
      // GIVEN
      const { stack, vpc } = setUp(ec2.IpProtocol.DUAL_STACK);

      // WHEN
      share(stack, vpc, {
        resource: ResourceDefinition.dnsName('orders.corp.example.net'),
        portRanges: [PortRange.tcp(443), PortRange.tcpRange(8000, 8099)],
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: ['us-east-1a', 'us-east-1b'] },
        ipAddressType: ResourceGatewayIpAddressType.DUALSTACK,
        allowedPrincipals: ['222222222222', 'arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5'],
        allowExternalPrincipals: true,
        customDomainName: 'orders.example.com',
        domainVerificationId: 'dv-0123456789abcdef0',
        resourceConfigurationName: 'orders',
        resourceConfigurationArnParameter: '/resources/orders/arn',
      });

      // THEN
      expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
    });

    test('a custom domain verified in a public hosted zone', () => {
      // GIVEN
      const { stack, vpc } = setUp();

      // WHEN
      share(stack, vpc, {
        customDomainName: 'orders.example.com',
        publicHostedZone: route53.PublicHostedZone.fromPublicHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' }),
      });

      // THEN
      expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
    });
  });
});
