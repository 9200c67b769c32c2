import { CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { schemaCheckedTemplate } from './schema';
import { AWS_SOLUTIONS_CHECKS, isolatedVpc, testStack, validationErrors } from './util';
import { CentralEndpointHub, CentralEndpointHubProps } from '../src/central-endpoint-hub';
import { CentralEndpointSpoke } from '../src/central-endpoint-spoke';
import { EndpointBundle } from '../src/endpoint-bundle';
import { HubDnsMode } from '../src/hub-dns-mode';
import { PrivateEgressVpc } from '../src/private-egress-vpc';
import { proveAssembly } from '../src/prove/prove';
import { textReport } from '../src/prove/report';

const SPOKE_CIDRS = ['10.1.0.0/16', '10.2.0.0/16'];
const { STS, KMS, SECRETS_MANAGER, CLOUDWATCH_MONITORING, SQS, SNS } = ec2.InterfaceVpcEndpointAwsService;

/**
 * A hub of its own hosted zones (`HubDnsMode.HOSTED_ZONES`), which most tests here are about; the default mode, the
 * Profile holding the endpoints, has its own `describe`.
 */
function hubIn(stack: Stack, props: CentralEndpointHubProps = {}): CentralEndpointHub {
  return new CentralEndpointHub(stack, 'Hub', {
    ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
    clientCidrs: SPOKE_CIDRS,
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS],
    dnsMode: HubDnsMode.HOSTED_ZONES,
    ...props,
  });
}

/** The logical ID of the hub's endpoint of a service. */
function endpointId(template: Template, shortName: string): string {
  const endpoints = template.findResources('AWS::EC2::VPCEndpoint', {
    Properties: { ServiceName: `com.amazonaws.us-east-1.${shortName}` },
  });
  expect(Object.keys(endpoints)).toHaveLength(1);
  return Object.keys(endpoints)[0];
}

/** An alias to the regional DNS name of the endpoint: the first of its DNS entries, `<zone ID>:<name>`. */
function aliasTo(endpointLogicalId: string) {
  const regionalEntry = { 'Fn::Split': [':', { 'Fn::Select': [0, { 'Fn::GetAtt': [endpointLogicalId, 'DnsEntries'] }] }] };
  return { HostedZoneId: { 'Fn::Select': [0, regionalEntry] }, DNSName: { 'Fn::Select': [1, regionalEntry] } };
}

describe('CentralEndpointHub', () => {
  describe('endpoints', () => {
    test('defines each service\'s endpoint once, with private DNS off and one isolated subnet per AZ', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS, ec2.InterfaceVpcEndpointAwsService.SSM] });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
      template.allResourcesProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: false,
        SubnetIds: [
          { Ref: Match.stringLikeRegexp('^HubEndpointsVpcIsolatedSubnet1') },
          { Ref: Match.stringLikeRegexp('^HubEndpointsVpcIsolatedSubnet2') },
          { Ref: Match.stringLikeRegexp('^HubEndpointsVpcIsolatedSubnet3') },
        ],
      });
    });

    test('has no gateway endpoint, internet gateway or NAT gateway', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack);

      // THEN
      const template = Template.fromStack(stack);
      template.resourcePropertiesCountIs('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' }, 0);
      template.resourceCountIs('AWS::EC2::InternetGateway', 0);
      template.resourceCountIs('AWS::EC2::NatGateway', 0);
    });

    test('admits the hub VPC and every spoke CIDR block on the service port, and nothing else', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { clientCidrs: [...SPOKE_CIDRS, 'pl-0123456789abcdef0'] });

      // THEN
      const template = Template.fromStack(stack);
      const securityGroups = Object.values(template.findResources('AWS::EC2::SecurityGroup'));
      expect(securityGroups).toHaveLength(1);
      expect(securityGroups[0].Properties.SecurityGroupIngress.map((rule: Record<string, unknown>) => [rule.CidrIp, rule.FromPort, rule.ToPort]))
        .toEqual([['10.0.0.0/16', 443, 443], ['10.1.0.0/16', 443, 443], ['10.2.0.0/16', 443, 443]]);
      // CDK renders a prefix-list rule as a resource of its own.
      const prefixListRules = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress'));
      expect(prefixListRules.map(rule => [rule.Properties.SourcePrefixListId, rule.Properties.FromPort, rule.Properties.ToPort]))
        .toEqual([['pl-0123456789abcdef0', 443, 443]]);
    });

    test('takes a service\'s ports and policy per endpoint', () => {
      // GIVEN
      const { stack } = testStack();
      const hub = hubIn(stack, { interfaceEndpoints: [] });

      // WHEN
      hub.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.SSM, { ports: [443, 8443] });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        SecurityGroupIngress: Match.arrayWith([Match.objectLike({ CidrIp: '10.1.0.0/16', FromPort: 8443, ToPort: 8443 })]),
      });
    });

    test('returns the existing endpoint for a service added twice, with one zone', () => {
      // GIVEN
      const { stack } = testStack();
      const hub = hubIn(stack);

      // WHEN
      const again = hub.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.STS);

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::EC2::VPCEndpoint', 1);
      template.resourceCountIs('AWS::Route53::HostedZone', 1);
      expect(stack.resolve(again.vpcEndpointId)).toEqual({ Ref: endpointId(template, 'sts') });
      expect(hub.centralizedServices).toEqual(['sts']);
    });
  });

  describe('zones', () => {
    test('gives each service a private hosted zone of its name in the hub VPC, with an alias to the endpoint', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack);

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::Route53::HostedZone', {
        Name: 'sts.us-east-1.amazonaws.com.',
        VPCs: [{ VPCId: { Ref: Match.stringLikeRegexp('^HubEndpointsVpc') }, VPCRegion: 'us-east-1' }],
      });
      template.resourceCountIs('AWS::Route53::RecordSet', 1);
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'sts.us-east-1.amazonaws.com.',
        Type: 'A',
        AliasTarget: aliasTo(endpointId(template, 'sts')),
      });
    });

    test('names each zone as the AWS SDKs call the service: Firehose at firehose.<region>, IAM at its global name', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.KINESIS_FIREHOSE, ec2.InterfaceVpcEndpointAwsService.IAM] });

      // THEN
      const template = Template.fromStack(stack);
      expect(Object.values(template.findResources('AWS::Route53::HostedZone')).map(zone => zone.Properties.Name).sort())
        .toEqual(['firehose.us-east-1.amazonaws.com.', 'iam.amazonaws.com.']);
      template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'iam.amazonaws.com.', Type: 'A' });
    });

    test('answers sub-domains with a wildcard record where clients use them (ecr.dkr)', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { interfaceEndpoints: [], bundles: [EndpointBundle.ECR_IMAGE_PULL] });

      // THEN
      const template = Template.fromStack(stack);
      const dkr = aliasTo(endpointId(template, 'ecr.dkr'));
      template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'dkr.ecr.us-east-1.amazonaws.com.', AliasTarget: dkr });
      template.hasResourceProperties('AWS::Route53::RecordSet', { Name: '*.dkr.ecr.us-east-1.amazonaws.com.', AliasTarget: dkr });
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'api.ecr.us-east-1.amazonaws.com.',
        AliasTarget: aliasTo(endpointId(template, 'ecr.api')),
      });
      template.resourcePropertiesCountIs('AWS::Route53::RecordSet', { Name: '*.api.ecr.us-east-1.amazonaws.com.' }, 0);
    });

    test('names a zone as the service\'s clients do where that is not <service>.<region>.amazonaws.com (eks-auth)', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.EKS_AUTH] });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::Route53::HostedZone', { Name: 'eks-auth.us-east-1.api.aws.' });
    });

    test('gives a service answered under two DNS suffixes a zone for each (eks)', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.EKS] });

      // THEN
      const template = Template.fromStack(stack);
      const eks = endpointId(template, 'eks');
      for (const name of ['eks.us-east-1.amazonaws.com.', 'eks.us-east-1.api.aws.']) {
        template.hasResourceProperties('AWS::Route53::HostedZone', { Name: name });
        template.hasResourceProperties('AWS::Route53::RecordSet', { Name: name, Type: 'A', AliasTarget: aliasTo(eks) });
      }
    });

    test('gives S3 its bucket, control and access point names, each with a wildcard, and warns about the gateway endpoints', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.S3] });

      // THEN
      const template = Template.fromStack(stack);
      for (const name of ['s3', 's3-control', 's3-accesspoint']) {
        template.hasResourceProperties('AWS::Route53::HostedZone', { Name: `${name}.us-east-1.amazonaws.com.` });
        template.hasResourceProperties('AWS::Route53::RecordSet', { Name: `*.${name}.us-east-1.amazonaws.com.` });
      }
      Annotations.fromStack(stack).hasWarning('/TestStack/Hub', Match.stringLikeRegexp(
        's3 is centralized: .* pulls the spokes\' traffic off their free gateway endpoints.*'
        + 'cdk-private-endpoints:CentralEndpointHub.gatewayServiceCentralized'));
    });

    test('keeps the logical IDs of existing zones and records when a service is added before them', () => {
      // GIVEN
      const ids = (services: ec2.InterfaceVpcEndpointAwsService[]) => {
        const { stack } = testStack();
        hubIn(stack, { interfaceEndpoints: services });
        const template = Template.fromStack(stack);
        return [...Object.keys(template.findResources('AWS::Route53::HostedZone')), ...Object.keys(template.findResources('AWS::Route53::RecordSet'))];
      };

      // WHEN
      const before = ids([ec2.InterfaceVpcEndpointAwsService.STS]);
      const after = ids([ec2.InterfaceVpcEndpointAwsService.SSM, ec2.InterfaceVpcEndpointAwsService.STS]);

      // THEN
      expect(after).toEqual(expect.arrayContaining(before));
    });

    test('associates every zone with the VPCs of associateVpc(), including zones added after the call', () => {
      // GIVEN
      const { stack } = testStack();
      const spokeVpc = isolatedVpc(stack, 'SpokeVpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
      const hub = hubIn(stack, { associatedVpcs: [spokeVpc] });

      // WHEN
      hub.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.SSM);

      // THEN
      const template = Template.fromStack(stack);
      const hubVpcId = stack.getLogicalId(hub.vpc.node.defaultChild as ec2.CfnVPC);
      const spokeVpcId = stack.getLogicalId(spokeVpc.node.defaultChild as ec2.CfnVPC);
      const zones = Object.values(template.findResources('AWS::Route53::HostedZone'));
      expect(zones).toHaveLength(2);
      for (const zone of zones) {
        expect(zone.Properties.VPCs).toEqual([
          { VPCId: { Ref: hubVpcId }, VPCRegion: 'us-east-1' },
          { VPCId: { Ref: spokeVpcId }, VPCRegion: 'us-east-1' },
        ]);
      }
    });

    test('lists each VPC once in a zone, whether associated twice or the hub VPC itself', () => {
      // GIVEN
      const { stack } = testStack();
      const spokeVpc = isolatedVpc(stack, 'SpokeVpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
      const hub = hubIn(stack, { associatedVpcs: [spokeVpc] });

      // WHEN
      hub.associateVpc(spokeVpc);
      hub.associateVpc(hub.vpc);

      // THEN
      const zone = Object.values(schemaCheckedTemplate(stack).Resources).find((r: any) => r.Type === 'AWS::Route53::HostedZone') as any;
      expect(zone.Properties.VPCs.map((vpc: { VPCId: unknown }) => vpc.VPCId)).toEqual([
        { Ref: stack.getLogicalId(hub.vpc.node.defaultChild as ec2.CfnVPC) },
        { Ref: stack.getLogicalId(spokeVpc.node.defaultChild as ec2.CfnVPC) },
      ]);
    });

    test('synthesizes in an environment-agnostic stack, with the zone names built from the Region', () => {
      // GIVEN
      const { stack } = testStack({ env: undefined });

      // WHEN
      hubIn(stack);

      // THEN
      const zone = Object.values(Template.fromStack(stack).findResources('AWS::Route53::HostedZone'))[0];
      expect(JSON.stringify(zone.Properties.Name)).toContain('AWS::Region');
    });
  });

  describe('HubDnsMode.PROFILE_ENDPOINTS, the default', () => {
    /** The first AWS services aws-cdk-lib offers in the stack's Region (us-east-1) that a hub can centralize. */
    function centralizableServices(stack: Stack, count: number): ec2.InterfaceVpcEndpointAwsService[] {
      return Object.values(ec2.InterfaceVpcEndpointAwsService)
        .filter((service): service is ec2.InterfaceVpcEndpointAwsService => service instanceof ec2.InterfaceVpcEndpointAwsService)
        .filter(service => !['s3', 'dynamodb'].includes(service.shortName) && stack.resolve(service.name).startsWith('com.amazonaws.us-east-1.'))
        .filter((service, i, all) => all.findIndex(other => other.shortName === service.shortName) === i)
        .slice(0, count);
    }

    /** A hub in the default mode. */
    function profileHubIn(scope: Construct, props: CentralEndpointHubProps = {}, id = 'Hub'): CentralEndpointHub {
      return new CentralEndpointHub(scope, id, { clientCidrs: SPOKE_CIDRS, interfaceEndpoints: [STS, KMS], ...props });
    }

    test('keeps private DNS on at each endpoint and associates each with the Profile by its ARN, with no hosted zone', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      const hub = profileHubIn(stack);

      // THEN
      schemaCheckedTemplate(stack);
      const template = Template.fromStack(stack);
      expect(hub.dnsMode).toBe(HubDnsMode.PROFILE_ENDPOINTS);
      template.allResourcesProperties('AWS::EC2::VPCEndpoint', { PrivateDnsEnabled: true });
      template.resourceCountIs('AWS::Route53::HostedZone', 0);
      template.resourceCountIs('AWS::Route53Profiles::ProfileResourceAssociation', 2);
      for (const shortName of ['sts', 'kms']) {
        template.hasResourceProperties('AWS::Route53Profiles::ProfileResourceAssociation', {
          ProfileId: stack.resolve(hub.profileId),
          ResourceArn: {
            'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:123456789012:vpc-endpoint/', { Ref: endpointId(template, shortName) }]],
          },
          Name: Match.stringLikeRegexp(`^teststack-hub-profileendpoints-${shortName}-[0-9a-f]{8}$`),
        });
      }
      expect(hub.hostedZonesFor(STS)).toEqual([]);
    });

    test('names each association after its service, so that adding a service keeps every logical ID', () => {
      // GIVEN
      const before = testStack().stack;
      const after = testStack().stack;

      // WHEN
      profileHubIn(before, { interfaceEndpoints: [STS] });
      profileHubIn(after, { interfaceEndpoints: [KMS, STS] });

      // THEN
      const ids = (stack: Stack) => Object.keys(Template.fromStack(stack).toJSON().Resources);
      expect(ids(after)).toEqual(expect.arrayContaining(ids(before)));
    });

    test('is HOSTED_ZONES without a Profile, and reports PROFILE_ENDPOINTS asked for without one', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      const zoned = profileHubIn(stack, { profileEnabled: false }, 'Zoned');
      profileHubIn(stack, { profileEnabled: false, dnsMode: HubDnsMode.PROFILE_ENDPOINTS, ipAddresses: ec2.IpAddresses.cidr('10.9.0.0/16') }, 'Hub');

      // THEN
      expect(zoned.dnsMode).toBe(HubDnsMode.HOSTED_ZONES);
      expect(zoned.hostedZonesFor(STS)).toHaveLength(1);
      expect(validationErrors(app)).toEqual([
        '[TestStack/Hub] `dnsMode` is HubDnsMode.PROFILE_ENDPOINTS, which answers through the hub\'s Route 53 Profile, but '
        + '`profileEnabled` is false. Leave `profileEnabled` on, or set `dnsMode: HubDnsMode.HOSTED_ZONES`.',
      ]);
    });

    test('reports a VPC given to associateVpc, which needs hosted zones', () => {
      // GIVEN
      const { app, stack } = testStack();
      const hub = profileHubIn(stack);

      // WHEN
      hub.associateVpc(isolatedVpc(stack, 'Workloads', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') }));

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(new RegExp('^\\[TestStack/Hub\\] `associateVpc` \\(or `associatedVpcs`\\) got '
        + 'TestStack/Workloads, but with HubDnsMode.PROFILE_ENDPOINTS the hub has no hosted zones to associate: .*CentralEndpointSpoke'))]);
    });

    test('reports S3 and DynamoDB, whose endpoints\' private DNS the Profile cannot answer with', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      profileHubIn(stack, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.S3, ec2.InterfaceVpcEndpointAwsService.DYNAMODB] });

      // THEN
      expect(validationErrors(app)).toEqual(['[TestStack/Hub] s3 and dynamodb cannot be centralized with HubDnsMode.PROFILE_ENDPOINTS: '
        + 'the private DNS of an S3 or DynamoDB interface endpoint needs the service\'s gateway endpoint in the hub VPC and then '
        + 'answers only queries from a Route 53 Resolver inbound endpoint, so the Profile would answer nothing. Keep them on gateway '
        + 'endpoints in each spoke, give the hub an `inboundResolver` to serve them to on-premises clients, or set '
        + '`dnsMode: HubDnsMode.HOSTED_ZONES`.']);
    });

    test('carries 150 services in one stack, within CloudFormation\'s 500 resources', () => {
      // GIVEN
      const { app, stack } = testStack();
      const services = centralizableServices(stack, 150);

      // WHEN
      profileHubIn(stack, { interfaceEndpoints: services });

      // THEN
      expect(validationErrors(app)).toEqual([]);
      const resources = Object.keys(Template.fromStack(stack).toJSON().Resources).length;
      expect(services).toHaveLength(150);
      expect(resources).toBeLessThan(500);
      Template.fromStack(stack).resourceCountIs('AWS::Route53Profiles::ProfileResourceAssociation', 150);
    });

    test('reports a hub of hosted zones whose 150 services would pass the stack\'s 500 resources, before aws-cdk-lib stops', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      profileHubIn(stack, { interfaceEndpoints: centralizableServices(stack, 150), dnsMode: HubDnsMode.HOSTED_ZONES });

      // THEN
      expect(validationErrors(app)).toEqual(expect.arrayContaining([expect.stringMatching(
        /^\[TestStack\/Hub\] the stack TestStack would declare \d{3} CloudFormation resources, over the 500 a stack can hold .* of this library's constructs, TestStack\/Hub has \d{3}\. /)]));
    });

    test('lets two hubs share a Region, each with its own Profile and endpoints (production and non-production)', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      const production = profileHubIn(stack, { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16') }, 'Production');
      const nonProduction = profileHubIn(stack, { ipAddresses: ec2.IpAddresses.cidr('10.100.0.0/16') }, 'NonProduction');

      // THEN
      expect(validationErrors(app)).toEqual([]);
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Route53Profiles::Profile', 2);
      for (const hub of [production, nonProduction]) {
        expect(Object.keys(template.findResources('AWS::Route53Profiles::ProfileResourceAssociation', {
          Properties: { ProfileId: stack.resolve(hub.profileId) },
        }))).toHaveLength(2);
      }
      // Profiles are billed per account and Region: the first hub's estimate carries the hourly charge.
      expect(production.estimateMonthlyCost({ spokes: 10 })).toMatchObject({ profileMonthlyUsd: 547.5 });
      expect(nonProduction.estimateMonthlyCost({ spokes: 10 })).toMatchObject({ profileMonthlyUsd: 10.22, profileChargeCarriedElsewhere: true });
    });

    test('warns when the app gives an account and Region more than five Profiles, one per hub', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      for (let i = 0; i < 6; i++) {
        profileHubIn(stack, { ipAddresses: ec2.IpAddresses.cidr(`10.${i}.0.0/16`), maxAzs: 1 }, `Hub${i}`);
      }

      // THEN
      expect(Annotations.fromStack(stack).findWarning('/TestStack/Hub0', Match.stringLikeRegexp('profilesPerAccountAndRegion'))
        .map(warning => warning.entry.data)).toEqual([expect.stringMatching(/^the app defines 6 Route 53 Profiles \(one per hub\) for this hub's account and Region, above the default quota of 5 /)]);
    });

    test('matches the snapshot', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      profileHubIn(stack, { bundles: [EndpointBundle.ECR_IMAGE_PULL], allowedPrincipals: ['222222222222'], transitGatewayId: 'tgw-0123456789abcdef0' });

      // THEN
      expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
    });

    test('matches the snapshot with HOSTED_ZONES pinned, the default before HubDnsMode', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      profileHubIn(stack, {
        bundles: [EndpointBundle.ECR_IMAGE_PULL],
        allowedPrincipals: ['222222222222'],
        transitGatewayId: 'tgw-0123456789abcdef0',
        dnsMode: HubDnsMode.HOSTED_ZONES,
      });

      // THEN
      expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
    });
  });

  describe('profile', () => {
    test('puts every zone in a Route 53 Profile', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      const hub = hubIn(stack, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS, ec2.InterfaceVpcEndpointAwsService.SSM] });

      // THEN
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Route53Profiles::Profile', 1);
      const profileId = stack.resolve(hub.profileId);
      expect(profileId).toEqual({ 'Fn::GetAtt': [Object.keys(template.findResources('AWS::Route53Profiles::Profile'))[0], 'Id'] });
      for (const zoneId of Object.keys(template.findResources('AWS::Route53::HostedZone'))) {
        template.hasResourceProperties('AWS::Route53Profiles::ProfileResourceAssociation', {
          ProfileId: profileId,
          ResourceArn: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([{ Ref: zoneId }])] }),
        });
      }
      template.resourceCountIs('AWS::Route53Profiles::ProfileResourceAssociation', 2);
      template.resourceCountIs('AWS::RAM::ResourceShare', 0);
    });

    test('shares the profile with its principals, for association only, inside the organization', () => {
      // GIVEN
      const { stack } = testStack();
      const hub = hubIn(stack, { allowedPrincipals: ['222222222222'] });

      // WHEN
      hub.addAllowedPrincipal('arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefghij');

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::RAM::ResourceShare', {
        ResourceArns: [stack.resolve(hub.profileArn)],
        Principals: ['222222222222', 'arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefghij'],
        AllowExternalPrincipals: false,
        PermissionArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ram::aws:permission/AWSRAMPermissionRoute53ProfileAllowAssociation']] }],
      });
    });

    test('without a profile, has no profile resources and refuses principals', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      const hub = hubIn(stack, { profileEnabled: false, allowedPrincipals: ['222222222222'] });

      // THEN
      expect(hub.profileId).toBeUndefined();
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Hub\] `allowedPrincipals` \(222222222222\) share the hub's Route 53 Profile, but `profileEnabled` is false/)]);
    });

    test('rejects principals RAM cannot share with', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      hubIn(stack, { allowedPrincipals: ['arn:aws:iam::222222222222:role/Admin'] });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Hub\] `allowedPrincipals` must hold AWS account IDs .* got 'arn:aws:iam::222222222222:role\/Admin'/)]);
    });
  });

  describe('routes to the spokes', () => {
    test('route every spoke destination through the Transit Gateway from each route table of the hub VPC', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      const hub = hubIn(stack, {
        clientCidrs: ['10.1.0.0/16', '2001:db8::/56', 'pl-0123456789abcdef0'],
        transitGatewayId: 'tgw-0123456789abcdef0',
      });

      // THEN
      const template = Template.fromStack(stack);
      const routes = Object.values(template.findResources('AWS::EC2::Route', { Properties: { TransitGatewayId: 'tgw-0123456789abcdef0' } }));
      const routeTables = hub.vpc.isolatedSubnets.map(subnet => stack.resolve(subnet.routeTable.routeTableId));
      expect(routes.map(route => route.Properties)).toEqual(routeTables.flatMap(RouteTableId => [
        { RouteTableId, TransitGatewayId: 'tgw-0123456789abcdef0', DestinationCidrBlock: '10.1.0.0/16' },
        { RouteTableId, TransitGatewayId: 'tgw-0123456789abcdef0', DestinationIpv6CidrBlock: '2001:db8::/56' },
        { RouteTableId, TransitGatewayId: 'tgw-0123456789abcdef0', DestinationPrefixListId: 'pl-0123456789abcdef0' },
      ]));
      expect(hub.spokeRoutes.map(route => stack.resolve(route.routeTableId))).toEqual(routeTables.flatMap(id => [id, id, id]));
    });

    test('route a destination given twice once per route table', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { clientCidrs: ['10.1.0.0/16', '10.1.0.0/16'], transitGatewayId: 'tgw-0123456789abcdef0' });

      // THEN
      Template.fromStack(stack).resourcePropertiesCountIs('AWS::EC2::Route', { DestinationCidrBlock: '10.1.0.0/16' }, 3);
    });

    test('add none without a Transit Gateway', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack);

      // THEN
      Template.fromStack(stack).resourceCountIs('AWS::EC2::Route', 0);
    });

    test('are refused for an adopted hub VPC whose route tables are not known', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
        vpcId: 'vpc-0123456789abcdef0',
        vpcCidrBlock: '10.0.0.0/16',
        availabilityZones: ['us-east-1a'],
        isolatedSubnetIds: ['subnet-0aaaaaaaaaaaaaaaa'],
      });

      // WHEN
      new CentralEndpointHub(stack, 'Hub', { vpc, clientCidrs: SPOKE_CIDRS, transitGatewayId: 'tgw-0123456789abcdef0' });

      // THEN
      expect(validationErrors(app)).toEqual(expect.arrayContaining([expect.stringMatching(
        /^\[TestStack\/Hub\] the route tables of TestStack\/Imported\/IsolatedSubnet1 are not known, so their routes to the spokes through `transitGatewayId` cannot be added/)]));
    });
  });

  describe('outputs', () => {
    test('publishes the profile ID, the hub CIDR block and the services as outputs and, with a prefix, SSM parameters', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      const hub = hubIn(stack, {
        interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS, ec2.InterfaceVpcEndpointAwsService.ECR],
        parameterPrefix: '/network/endpoint-hub',
      });

      // THEN
      const template = Template.fromStack(stack);
      const outputs = Object.values(template.findOutputs('*')).map(output => output.Value);
      expect(outputs).toEqual([stack.resolve(hub.profileId), '10.0.0.0/16', 'sts,ecr.api']);
      template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/network/endpoint-hub/profile-id', Value: stack.resolve(hub.profileId) });
      template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/network/endpoint-hub/hub-cidr', Value: '10.0.0.0/16' });
      template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/network/endpoint-hub/services', Value: 'sts,ecr.api' });
    });
  });

  describe('validation', () => {
    test.each([
      ['10.0.0.0/8', /`ipAddresses` must be a block from \/16 to \/28, the VPC sizes EC2 allows, got a \/8/],
      ['10.0.0.0/29', /`ipAddresses` must be a block from \/16 to \/28, the VPC sizes EC2 allows, got a \/29/],
      ['10.0.0.0/27', /a \/27 `ipAddresses` block cannot hold 3 subnets \(one per AZ\) of \/28 or larger. Give a \/26 block or larger/],
    ])('refuses a hub VPC of %s at once, naming the hub, where aws-cdk-lib would throw', (cidr, message) => {
      // GIVEN
      const { stack } = testStack();

      // THEN
      expect(() => hubIn(stack, { ipAddresses: ec2.IpAddresses.cidr(cidr) })).toThrow(new RegExp(`^TestStack/Hub/Endpoints: ${message.source}`));
    });

    test('keeps zone comments and the flow log\'s Name tag within 256 characters under a deep construct path', () => {
      // GIVEN: a hub 400 characters deep
      const { stack } = testStack();
      let scope: Construct = stack;
      for (let level = 0; level < 10; level++) {
        scope = new Construct(scope, `ANetworkAccountConstructLevel${level}WithALongName`);
      }

      // WHEN
      new CentralEndpointHub(scope, 'Hub', {
        ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
        interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS],
        dnsMode: HubDnsMode.HOSTED_ZONES,
      });

      // THEN: each ends with the hub's path
      const template = Template.fromStack(stack);
      const comments = Object.values(template.findResources('AWS::Route53::HostedZone')).map(zone => zone.Properties.HostedZoneConfig.Comment);
      const nameTags = Object.values(template.findResources('AWS::EC2::FlowLog'))
        .map(flowLog => flowLog.Properties.Tags.find((tag: { Key: string }) => tag.Key === 'Name').Value);
      expect(comments).toEqual([expect.stringMatching(/^sts\.us-east-1\.amazonaws\.com answered by the central interface endpoint of \.\.\..*Level9WithALongName\/Hub$/)]);
      expect(nameTags).toEqual([expect.stringMatching(/^\.\.\..*Level9WithALongName\/Hub\/Endpoints\/FlowLog$/)]);
      expect([...comments, ...nameTags].map(text => text.length)).toEqual([256, 256]);
    });

    test('refuses a route to the spokes inside the hub VPC\'s own block', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      hubIn(stack, { clientCidrs: ['10.0.4.0/24', '10.1.0.0/16'], transitGatewayId: 'tgw-0123456789abcdef0' });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Hub\] `clientCidrs` entry 10\.0\.4\.0\/24 is inside the hub VPC's own block 10\.0\.0\.0\/16: EC2 refuses a route/)]);
    });

    test('admits and routes a spoke IPv6 block once, in lower case, whatever its spelling', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { clientCidrs: ['2001:DB8::/56', '2001:db8:0:0::/56'], transitGatewayId: 'tgw-0123456789abcdef0' });

      // THEN
      const template = Template.fromStack(stack);
      const ingress = template.findResources('AWS::EC2::SecurityGroup')[Object.keys(template.findResources('AWS::EC2::SecurityGroup'))[0]];
      expect(ingress.Properties.SecurityGroupIngress.filter((rule: { CidrIpv6?: string }) => rule.CidrIpv6))
        .toEqual([expect.objectContaining({ CidrIpv6: '2001:db8::/56' })]);
      const routes = Object.values(template.findResources('AWS::EC2::Route')).map(route => route.Properties.DestinationIpv6CidrBlock);
      expect(new Set(routes)).toEqual(new Set(['2001:db8::/56']));
    });

    test('refuses at once a VPC of another account given to associateVpc, with the fix', () => {
      // GIVEN
      const { app, stack } = testStack();
      const hub = hubIn(stack);
      const other = new Stack(app, 'Other', { env: { account: '210987654321', region: 'us-east-1' } });

      // THEN
      expect(() => hub.associateVpc(isolatedVpc(other))).toThrow(/^CentralEndpointHub TestStack\/Hub: `associateVpc` got the VPC at Other\/Vpc in account 210987654321, but the hub is in account 123456789012: .* Share the hub's Route 53 Profile with that account \(`allowedPrincipals`\) and define a CentralEndpointSpoke there\.$/);
    });

    test('refuses at once a VPC of an environment-agnostic stack given to associateVpc', () => {
      // GIVEN
      const { app, stack } = testStack();
      const hub = hubIn(stack);
      const other = new Stack(app, 'Other');

      // THEN
      expect(() => hub.associateVpc(isolatedVpc(other))).toThrow(
        /^CentralEndpointHub TestStack\/Hub: `associateVpc` got the VPC at Other\/Vpc in an environment-agnostic stack, but the hub is in us-east-1/);
    });

    test('publishes under a parameterPrefix known only at deploy time', () => {
      // GIVEN
      const { stack } = testStack();
      const prefix = new CfnParameter(stack, 'Prefix').valueAsString;

      // WHEN
      hubIn(stack, { parameterPrefix: prefix });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::SSM::Parameter', { Name: { 'Fn::Join': ['', [{ Ref: 'Prefix' }, '/profile-id']] } });
    });

    test('rejects a PrivateLink endpoint service, which has no public name for a zone', () => {
      // GIVEN
      const { app, stack } = testStack();
      const hub = hubIn(stack);

      // WHEN
      hub.addInterfaceEndpoint(new ec2.InterfaceVpcEndpointService('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0'));

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Hub\] 'vpce-svc-0123456789abcdef0' is not an AWS service .* Reach it from each VPC with an `EndpointConsumer`/)]);
    });

    test('warns that the zone of a dotted service the zone table does not list is named after the service', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.AIRFLOW_API, ec2.InterfaceVpcEndpointAwsService.ECR] });

      // THEN
      const warnings = Annotations.fromStack(stack).findWarning('/TestStack/Hub', Match.stringLikeRegexp('assumedZoneName'));
      expect(warnings.map(warning => warning.entry.data)).toEqual([expect.stringMatching(
        /^the library's table of service DNS names does not list 'airflow.api', so its zone is named after the service: airflow.api.us-east-1.amazonaws.com\. /)]);
    });

    test('does not warn about the zone names of services the SDK data names, though aws-cdk-lib builds their names from tokens', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, {
        interfaceEndpoints: [STS, KMS, ec2.InterfaceVpcEndpointAwsService.SSM, ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS],
      });

      // THEN
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('assumedZoneName'))).toEqual([]);
    });

    test('reports a service name that no AWS service has, instead of failing in aws-cdk-lib on its zone\'s name', () => {
      // GIVEN: a regression the property tests found
      const { app, stack } = testStack();

      const misspelled = new ec2.InterfaceVpcEndpointAwsService('sécrets');

      // WHEN
      const hub = hubIn(stack, { interfaceEndpoints: [misspelled] });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Hub\/Endpoints\] interface endpoint service 'sécrets' is no AWS service name: /)]);
      expect(hub.hostedZonesFor(misspelled)).toEqual([]);
    });

    test('warns when no spoke CIDR block is admitted', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { clientCidrs: [] });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Hub', Match.stringLikeRegexp(
        '`clientCidrs` is empty, so the endpoint security group admits only the hub VPC\'s own CIDR blocks.*noSpokeCidrs'));
    });

    test('warns that spokes need the gateway endpoints a bundle depends on', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      hubIn(stack, { bundles: [EndpointBundle.ECR_IMAGE_PULL] });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Hub', Match.stringLikeRegexp(
        'bundles depend on gateway endpoints \\(ECR_IMAGE_PULL needs s3\\).*every spoke needs its own.*spokesNeedGatewayEndpoints'));
    });

    test('reports another zone of a hub zone\'s name in the hub VPC', () => {
      // GIVEN
      const { app, stack } = testStack();
      const hub = hubIn(stack);

      // WHEN
      new route53.PrivateHostedZone(stack, 'Legacy', { zoneName: 'sts.us-east-1.amazonaws.com', vpc: hub.vpc });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Hub\] the hub zone 'sts.us-east-1.amazonaws.com' and TestStack\/Legacy have the same name in TestStack\/Hub\/Endpoints\/Vpc; .*ConflictingDomainExists/)]);
    });

    test('reports an endpoint with private DNS for a centralized service in an associated VPC', () => {
      // GIVEN
      const { app, stack } = testStack();
      const spokeVpc = isolatedVpc(stack, 'SpokeVpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
      new PrivateEgressVpc(stack, 'SpokeEndpoints', { vpc: spokeVpc, interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });

      // WHEN
      hubIn(stack, { associatedVpcs: [spokeVpc] });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Hub\] TestStack\/SpokeEndpoints\/InterfaceEndpoints\/Sts is an interface endpoint of 'sts' with private DNS in TestStack\/SpokeVpc/)]);
    });

    test('reports an endpoint with private DNS for a centralized service in an associated VPC of a China Region', () => {
      // GIVEN
      const { app, stack } = testStack({ env: { account: '123456789012', region: 'cn-north-1' } },
        { 'availability-zones:account=123456789012:region=cn-north-1': ['cn-north-1a', 'cn-north-1b'] });
      const spokeVpc = isolatedVpc(stack, 'SpokeVpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
      // The China Regions' service names begin with `cn.com.amazonaws`.
      spokeVpc.addInterfaceEndpoint('Sts', { service: new ec2.InterfaceVpcEndpointAwsService('sts', 'cn.com.amazonaws') });

      // WHEN
      hubIn(stack, { associatedVpcs: [spokeVpc] });

      // THEN
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Hub\] TestStack\/SpokeVpc\/Sts\/Resource is an interface endpoint of 'sts' with private DNS in TestStack\/SpokeVpc/)]);
    });

    test('reports a parameterPrefix that SSM would refuse instead of failing in aws-cdk-lib', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      hubIn(stack, { parameterPrefix: 'network/endpoint-hub' });

      // THEN
      expect(validationErrors(app)).toEqual([
        '[TestStack/Hub] `parameterPrefix` is not a name SSM accepts, got \'network/endpoint-hub/profile-id\': a name with a hierarchy '
        + 'must begin with /; use a name like /network/endpoint-hub',
      ]);
    });

    test('reports an adopted hub VPC without DNS support, which its zones or its endpoints\' private DNS need', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = isolatedVpc(stack, 'Vpc', { enableDnsHostnames: false });

      // WHEN
      hubIn(stack, { vpc, ipAddresses: undefined });
      new CentralEndpointHub(stack, 'ProfileHub', { vpc, clientCidrs: SPOKE_CIDRS, interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM] });

      // THEN
      expect(validationErrors(app)).toEqual(expect.arrayContaining([
        expect.stringMatching(/^\[TestStack\/Hub\] .*the hub's private hosted zones.*enableDnsHostnames/),
        expect.stringMatching(/^\[TestStack\/ProfileHub\/Endpoints\] `privateDnsEnabled` \(for ssm\) needs the VPC's DNS support and DNS hostnames/),
      ]));
    });

    test('reports PrivateEgressVpc\'s rules for the hub\'s endpoints, such as two subnets in one AZ', () => {
      // GIVEN
      const { app, stack } = testStack();
      const vpc = isolatedVpc(stack, 'Vpc', {
        subnetConfiguration: [
          { name: 'A', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          { name: 'B', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        ],
      });

      // WHEN
      new CentralEndpointHub(stack, 'Hub', {
        vpc,
        clientCidrs: SPOKE_CIDRS,
        endpointSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS],
      });

      // THEN
      expect(validationErrors(app)).toEqual(expect.arrayContaining([expect.stringMatching(
        /^\[TestStack\/Hub\/Endpoints\] `endpointSubnets` selects 2 subnets in us-east-1a/)]));
    });
  });

  describe('inboundResolver', () => {
    const ON_PREMISES = '192.168.0.0/16';
    const { S3, DYNAMODB } = ec2.InterfaceVpcEndpointAwsService;

    /** A hub in the default mode with an inbound endpoint for `ON_PREMISES`, admitted to the endpoints too. */
    function inboundHubIn(stack: Stack, props: CentralEndpointHubProps = {}): CentralEndpointHub {
      return new CentralEndpointHub(stack, 'Hub', {
        ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
        clientCidrs: [...SPOKE_CIDRS, ON_PREMISES],
        interfaceEndpoints: [STS, S3],
        inboundResolver: { onPremisesCidrs: [ON_PREMISES] },
        ...props,
      });
    }

    test('defines none by default', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      const hub = hubIn(stack);

      // THEN
      expect(hub.inboundResolver).toBeUndefined();
      Template.fromStack(stack).resourceCountIs('AWS::Route53Resolver::ResolverEndpoint', 0);
      expect(hub.estimateMonthlyCost({ spokes: 2 }).inboundResolverMonthlyUsd).toBe(0);
    });

    test('defines an inbound endpoint in the hub VPC\'s isolated subnets, admitting the on-premises networks on port 53', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      const hub = inboundHubIn(stack);

      // THEN
      expect(validationErrors(app)).toEqual([]);
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Route53Resolver::ResolverEndpoint', 1);
      template.hasResourceProperties('AWS::Route53Resolver::ResolverEndpoint', {
        Direction: 'INBOUND',
        IpAddresses: hub.vpc.isolatedSubnets.map(subnet => ({ SubnetId: stack.resolve(subnet.subnetId) })),
        SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^HubInboundResolverSecurityGroup'), 'GroupId'] }],
      });
      template.hasResourceProperties('AWS::EC2::SecurityGroup', {
        GroupDescription: Match.stringLikeRegexp('^Route 53 Resolver inbound endpoint'),
        VpcId: stack.resolve(hub.vpc.vpcId),
        SecurityGroupIngress: ['tcp', 'udp'].map(protocol => Match.objectLike({ CidrIp: ON_PREMISES, IpProtocol: protocol, FromPort: 53, ToPort: 53 })),
      });
      template.hasOutput('HubInboundResolverIpAddresses9C465176', { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubInboundResolverAddresses'), 'IpAddresses'] } });
      expect(hub.inboundResolver!.availabilityZones).toHaveLength(3);
    });

    test('gives S3 and DynamoDB their gateway endpoints and private DNS for the inbound endpoint only', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      const hub = inboundHubIn(stack, { interfaceEndpoints: [STS, S3, DYNAMODB] });

      // THEN no error about the Profile, and no warning that the spokes' traffic is pulled to the hub
      expect(validationErrors(app)).toEqual([]);
      expect(Annotations.fromStack(stack).findWarning('/TestStack/Hub', Match.stringLikeRegexp('gatewayServiceCentralized'))).toEqual([]);
      schemaCheckedTemplate(stack);
      const template = Template.fromStack(stack);
      const routeTables = hub.vpc.isolatedSubnets.map(subnet => stack.resolve(subnet.routeTable.routeTableId));
      for (const shortName of ['s3', 'dynamodb']) {
        const gateways = template.findResources('AWS::EC2::VPCEndpoint', {
          Properties: { VpcEndpointType: 'Gateway', ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${shortName}`]] } },
        });
        expect(Object.values(gateways).map(gateway => gateway.Properties.RouteTableIds)).toEqual([routeTables]);
        const interfaceId = endpointId(template, shortName);
        template.hasResource('AWS::EC2::VPCEndpoint', {
          Properties: Match.objectLike({
            ServiceName: `com.amazonaws.us-east-1.${shortName}`,
            PrivateDnsEnabled: true,
            DnsOptions: { PrivateDnsOnlyForInboundResolverEndpoint: 'OnlyInboundResolver' },
          }),
          // EC2 accepts resolver-only private DNS once the gateway endpoint exists.
          DependsOn: [Object.keys(gateways)[0]],
        });
        // The Profile holds only the endpoints it can answer with.
        expect(JSON.stringify(template.findResources('AWS::Route53Profiles::ProfileResourceAssociation'))).not.toContain(interfaceId);
      }
      template.resourceCountIs('AWS::Route53Profiles::ProfileResourceAssociation', 1);
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: 'com.amazonaws.us-east-1.sts',
        PrivateDnsEnabled: true,
        DnsOptions: Match.absent(),
      });
      // Spokes keep their own gateway endpoints for them: the hub does not offer them.
      expect(hub.centralizedServices).toEqual(['sts']);
      template.hasOutput('HubServices5CB31BC0', { Value: 'sts' });
    });

    test('keeps the reachability proof: the hub\'s subnets reach S3 through the gateway, its spokes the services it offers', () => {
      // GIVEN
      const { app, stack } = testStack();
      const hub = inboundHubIn(stack, { transitGatewayId: 'tgw-0123456789abcdef0' });
      new CentralEndpointSpoke(stack, 'Spoke', {
        vpc: isolatedVpc(stack, 'SpokeVpc', { ipAddresses: ec2.IpAddresses.cidr(SPOKE_CIDRS[0]) }),
        hub,
        transitGatewayId: 'tgw-0123456789abcdef0',
      });

      // WHEN
      const result = proveAssembly(app.synth().directory);

      // THEN
      expect(result.requirements.filter(requirement => requirement.verdict !== 'reachable')).toEqual([]);
      const s3 = result.requirements.filter(requirement => requirement.service === 's3');
      expect(s3.map(requirement => requirement.subnet)).toEqual(expect.arrayContaining([expect.stringMatching(/^TestStack\/Hub\/Endpoints\/Vpc\//)]));
      expect(s3.every(requirement => requirement.subnet.startsWith('TestStack/Hub/'))).toBe(true);
      expect(textReport(result)).toMatch(/-> s3 \(s3.us-east-1.amazonaws.com\): via TestStack\/Hub\/Endpoints\/GatewayEndpoints\/S3/);
    });

    test('adds no gateway endpoint without S3 or DynamoDB', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      inboundHubIn(stack, { interfaceEndpoints: [STS] });

      // THEN
      Template.fromStack(stack).resourcePropertiesCountIs('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' }, 0);
    });

    test('leaves S3 to the hub\'s zones with HubDnsMode.HOSTED_ZONES, which answer the inbound endpoint too', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      inboundHubIn(stack, { dnsMode: HubDnsMode.HOSTED_ZONES });

      // THEN
      expect(validationErrors(app)).toEqual([]);
      const template = Template.fromStack(stack);
      template.resourcePropertiesCountIs('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' }, 0);
      template.allResourcesProperties('AWS::EC2::VPCEndpoint', { PrivateDnsEnabled: false, DnsOptions: Match.absent() });
      template.hasResourceProperties('AWS::Route53::HostedZone', { Name: 's3.us-east-1.amazonaws.com.' });
      template.resourceCountIs('AWS::Route53Resolver::ResolverEndpoint', 1);
    });

    test('warns when the endpoints do not admit an on-premises network the inbound endpoint answers', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      inboundHubIn(stack, { clientCidrs: SPOKE_CIDRS, inboundResolver: { onPremisesCidrs: [ON_PREMISES, '10.1.128.0/17'] } });

      // THEN the block inside a spoke's is admitted
      Annotations.fromStack(stack).hasWarning('/TestStack/Hub', Match.stringLikeRegexp(
        '^`inboundResolver.onPremisesCidrs` includes 192.168.0.0/16, which no `clientCidrs` entry holds: .*CentralEndpointHub.onPremisesNotAdmitted'));
    });

    test('reports the inbound endpoint\'s own rules with its path', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      inboundHubIn(stack, { maxAzs: 1, inboundResolver: { onPremisesCidrs: [] } });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Hub\/InboundResolver\] `onPremisesCidrs` is empty/),
        expect.stringMatching(/^\[TestStack\/Hub\/InboundResolver\] `vpcSubnets` selects subnets in 1 AZ \(us-east-1a\)/),
      ]);
    });

    test('reports a misspelled option once, at the hub', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      inboundHubIn(stack, { inboundResolver: { onPremisesCidrs: [ON_PREMISES], vpcSubnet: { onePerAz: true } } as any });

      // THEN
      expect(validationErrors(app)).toEqual(['[TestStack/Hub] unknown prop `inboundResolver.vpcSubnet`; did you mean `vpcSubnets`?']);
    });

    test('prices the inbound endpoint\'s IP addresses apart from the hub\'s comparison', () => {
      // GIVEN the same hub in two apps, one without the inbound endpoint
      const without = inboundHubIn(testStack().stack, { interfaceEndpoints: [STS], inboundResolver: undefined });

      // WHEN
      const estimate = inboundHubIn(testStack().stack, { interfaceEndpoints: [STS] }).estimateMonthlyCost({ spokes: 5 });

      // THEN 3 addresses x 0.125 x 730 h
      expect(estimate.inboundResolverMonthlyUsd).toBe(273.75);
      expect(estimate.totalFixedMonthlyUsd).toBe(without.estimateMonthlyCost({ spokes: 5 }).totalFixedMonthlyUsd);
    });

    test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      inboundHubIn(stack, { interfaceEndpoints: [STS, S3, DYNAMODB] });

      // THEN
      expect(errors(stack)).toEqual([]);
    });

    test('matches the snapshot', () => {
      // GIVEN
      const { stack } = testStack();

      // WHEN
      inboundHubIn(stack, {
        interfaceEndpoints: [STS, S3],
        inboundResolver: { onPremisesCidrs: [ON_PREMISES], vpcSubnets: { availabilityZones: ['us-east-1a', 'us-east-1b'] } },
      });

      // THEN
      expect(schemaCheckedTemplate(stack)).toMatchSnapshot();
    });
  });

  describe('cost', () => {
    test('prices the issue\'s organization to the cent: 12 services in 3 AZs once, against 20 spokes with their own', () => {
      // GIVEN
      const { stack } = testStack();
      const hub = hubIn(stack, {
        bundles: [EndpointBundle.SESSION_MANAGER, EndpointBundle.ECR_IMAGE_PULL],
        interfaceEndpoints: [STS, KMS, SECRETS_MANAGER, CLOUDWATCH_MONITORING, SQS, SNS],
      });

      // WHEN
      const estimate = hub.estimateMonthlyCost({ spokes: 20 });

      // THEN
      expect(estimate).toMatchObject({
        priced: true,
        hostedZones: 12,
        spokeAvailabilityZones: 3,
        transitGatewayAttachments: 21,
        // 12 x 3 AZs x 730 h x 0.01; 12 zones x 0.50; one profile, 730 h x 0.75; 21 attachments x 730 h x 0.05
        totalFixedMonthlyUsd: 262.8 + 6 + 547.5 + 766.5,
        decentralizedMonthlyUsd: 5256,
        savingsMonthlyUsd: 3673.2,
        breakEvenSpokes: 4,
      });
      expect(estimate.interfaceEndpoints.map(endpoint => endpoint.monthlyUsd)).toEqual(Array(12).fill(21.9));
    });

    test('counts no profile, attachments or spoke AZs it is told not to', () => {
      // GIVEN
      const { stack } = testStack();
      const hub = hubIn(stack, { profileEnabled: false });

      // WHEN
      const estimate = hub.estimateMonthlyCost({ spokes: 2, spokeAvailabilityZones: 2, transitGatewayAttachments: false });

      // THEN
      expect(estimate).toMatchObject({
        profile: false,
        transitGatewayAttachments: 0,
        // sts in 3 AZs, one zone
        totalFixedMonthlyUsd: 21.9 + 0.5,
        // 2 spokes x sts in 2 AZs
        decentralizedMonthlyUsd: 29.2,
      });
    });
  });

  test('validates against the CloudFormation resource schemas', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    hubIn(stack, {
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS, ec2.InterfaceVpcEndpointAwsService.EKS_AUTH],
      bundles: [EndpointBundle.ECR_IMAGE_PULL],
      allowedPrincipals: ['222222222222'],
      parameterPrefix: '/network/endpoint-hub',
    });

    // THEN
    schemaCheckedTemplate(stack);
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
    // GIVEN
    const { stack } = testStack();

    // WHEN: a hub in each mode
    hubIn(stack, { bundles: [EndpointBundle.ECR_IMAGE_PULL], allowedPrincipals: ['222222222222'] });
    new CentralEndpointHub(stack, 'ProfileHub', {
      ipAddresses: ec2.IpAddresses.cidr('10.100.0.0/16'),
      clientCidrs: SPOKE_CIDRS,
      bundles: [EndpointBundle.ECR_IMAGE_PULL],
      allowedPrincipals: ['222222222222'],
    });

    // THEN
    expect(errors(stack)).toEqual([]);
  });
});
