import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import {
  CentralEndpointHub,
  DnsEgressAction,
  DnsEgressGuard,
  DnsThreatConfidence,
  DnsThreatProtection,
  EndpointBundle,
  PrivateEgressVpc,
  PrivateEgressVpcProps,
} from '../src';
import { schemaCheckedTemplate } from './schema';
import { ACCOUNT, AWS_SOLUTIONS_CHECKS, isolatedVpc, testStack, validationErrors } from './util';

/** A PrivateEgressVpc with SSM and the default gateway endpoints (S3, DynamoDB), guarded. */
function guardedVpc(guard: PrivateEgressVpcProps['dnsEgressGuard'] = {}, props: PrivateEgressVpcProps = {}) {
  const { app, stack } = testStack();
  const vpc = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM], ...props, dnsEgressGuard: guard });
  return { app, stack, vpc, guard: vpc.dnsEgressGuard! };
}

/** The domains of the guard's allow list, as synthesized. */
function allowedDomains(stack: Stack): string[] {
  const lists = Template.fromStack(stack).findResources('AWS::Route53Resolver::FirewallDomainList');
  const allowList = Object.entries(lists).find(([id]) => id.includes('AllowedDomains'))!;
  return allowList[1].Properties.Domains;
}

describe('DnsEgressGuard', () => {
  describe('on a PrivateEgressVpc', () => {
    test('allows the names of the VPC\'s endpoints, its instances and the endpoints\' own names, and blocks the rest', () => {
      // GIVEN / WHEN
      const { stack } = guardedVpc();

      // THEN
      expect(allowedDomains(stack)).toEqual([
        's3.us-east-1.amazonaws.com', '*.s3.us-east-1.amazonaws.com',
        'dynamodb.us-east-1.amazonaws.com', '*.dynamodb.us-east-1.amazonaws.com',
        'ssm.us-east-1.amazonaws.com', '*.ssm.us-east-1.amazonaws.com',
        '*.us-east-1.vpce.amazonaws.com',
        '*.ec2.internal',
      ]);
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::Route53Resolver::FirewallDomainList', { Domains: ['*'] });
      template.hasResourceProperties('AWS::Route53Resolver::FirewallRuleGroup', {
        FirewallRules: [
          {
            Priority: 200,
            Action: 'ALLOW',
            FirewallDomainListId: { 'Fn::GetAtt': [Match.stringLikeRegexp('AllowedDomains'), 'Id'] },
            FirewallDomainRedirectionAction: 'TRUST_REDIRECTION_DOMAIN',
          },
          {
            Priority: 300,
            Action: 'BLOCK',
            BlockResponse: 'NXDOMAIN',
            FirewallDomainListId: { 'Fn::GetAtt': [Match.stringLikeRegexp('EveryDomain'), 'Id'] },
          },
        ],
      });
      template.hasResourceProperties('AWS::Route53Resolver::FirewallRuleGroupAssociation', {
        FirewallRuleGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('RuleGroup'), 'Id'] },
        VpcId: { Ref: Match.stringLikeRegexp('EgressVpc') },
        Priority: 101,
        MutationProtection: 'DISABLED',
      });
      template.resourceCountIs('AWS::Route53Resolver::FirewallConfig', 0);
      template.resourceCountIs('AWS::Route53Resolver::ResolverQueryLoggingConfig', 0);
    });

    test('names every resource after its own path', () => {
      const { stack } = guardedVpc();
      const template = Template.fromStack(stack);
      for (const type of ['FirewallDomainList', 'FirewallRuleGroup', 'FirewallRuleGroupAssociation']) {
        const names = Object.values(template.findResources(`AWS::Route53Resolver::${type}`)).map(r => r.Properties.Name);
        expect(names.every(name => /^teststack-egress-dnsegressguard-[a-z]+-[0-9a-f]{8}$/.test(name))).toBe(true);
      }
    });

    test('allows the names of an endpoint added after the guard, and of the zones associated with the VPC', () => {
      // GIVEN
      const { stack, vpc } = guardedVpc();

      // WHEN
      vpc.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER);
      vpc.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.ECR);
      new route53.PrivateHostedZone(stack, 'Zone', { zoneName: 'Internal.Example.com.', vpc: vpc.vpc });

      // THEN
      expect(allowedDomains(stack)).toEqual(expect.arrayContaining([
        'dkr.ecr.us-east-1.amazonaws.com', '*.dkr.ecr.us-east-1.amazonaws.com',
        'api.ecr.us-east-1.amazonaws.com', '*.api.ecr.us-east-1.amazonaws.com',
        'internal.example.com', '*.internal.example.com',
      ]));
    });

    test('allows the instances\' hostnames of the stack\'s Region, and each name once', () => {
      // GIVEN
      const app = new App({ context: { 'availability-zones:account=123456789012:region=eu-west-1': ['eu-west-1a', 'eu-west-1b'] } });
      const stack = new Stack(app, 'TestStack', { env: { account: ACCOUNT, region: 'eu-west-1' } });

      // WHEN
      new PrivateEgressVpc(stack, 'Egress', { dnsEgressGuard: { allowedDomains: ['API.Example.com.', 'api.example.com', 's3.eu-west-1.amazonaws.com'] } });

      // THEN
      const domains = allowedDomains(stack);
      expect(domains).toContain('*.eu-west-1.compute.internal');
      expect(domains.filter(domain => domain === 'api.example.com')).toHaveLength(1);
      expect(domains.filter(domain => domain === 's3.eu-west-1.amazonaws.com')).toHaveLength(1);
      expect(domains[0]).toBe('api.example.com');
    });

    test('alerts instead of blocking, with Advanced protections first at the confidence given', () => {
      // GIVEN / WHEN
      const { stack } = guardedVpc({
        action: DnsEgressAction.ALERT,
        threatProtections: [DnsThreatProtection.DNS_TUNNELING, DnsThreatProtection.DGA, DnsThreatProtection.DNS_TUNNELING],
        threatConfidence: DnsThreatConfidence.MEDIUM,
      });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::Route53Resolver::FirewallRuleGroup', {
        FirewallRules: [
          { Priority: 100, Action: 'ALERT', DnsThreatProtection: 'DNS_TUNNELING', ConfidenceThreshold: 'MEDIUM', BlockResponse: Match.absent() },
          { Priority: 101, Action: 'ALERT', DnsThreatProtection: 'DGA', ConfidenceThreshold: 'MEDIUM', BlockResponse: Match.absent() },
          Match.objectLike({ Priority: 200, Action: 'ALLOW' }),
          Match.objectLike({ Priority: 300, Action: 'ALERT', BlockResponse: Match.absent() }),
        ],
      });
    });

    test('blocks with the Advanced protections at high confidence by default', () => {
      const { stack } = guardedVpc({ threatProtections: [DnsThreatProtection.DICTIONARY_DGA] });
      Template.fromStack(stack).hasResourceProperties('AWS::Route53Resolver::FirewallRuleGroup', {
        FirewallRules: Match.arrayWith([
          { Priority: 100, Action: 'BLOCK', BlockResponse: 'NXDOMAIN', DnsThreatProtection: 'DICTIONARY_DGA', ConfidenceThreshold: 'HIGH' },
        ]),
      });
    });

    test('fails open, logs queries, protects the association and takes the priority given', () => {
      // GIVEN / WHEN
      const { stack, guard } = guardedVpc({
        failOpen: true,
        queryLogging: true,
        queryLogRetention: logs.RetentionDays.ONE_MONTH,
        mutationProtection: true,
        priority: 9000,
      });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::Route53Resolver::FirewallConfig', {
        ResourceId: { Ref: Match.stringLikeRegexp('EgressVpc') },
        FirewallFailOpen: 'ENABLED',
      });
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
      template.hasResourceProperties('AWS::Route53Resolver::ResolverQueryLoggingConfig', {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('QueryLogGroup'), 'Arn'] },
      });
      template.hasResourceProperties('AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation', {
        ResolverQueryLogConfigId: { 'Fn::GetAtt': [Match.stringLikeRegexp('QueryLogging'), 'Id'] },
        ResourceId: { Ref: Match.stringLikeRegexp('EgressVpc') },
      });
      template.hasResourceProperties('AWS::Route53Resolver::FirewallRuleGroupAssociation', { Priority: 9000, MutationProtection: 'ENABLED' });
      expect(guard.queryLogGroup).toBeDefined();
    });

    test('keeps query logs a year by default', () => {
      const { stack } = guardedVpc({ queryLogging: true });
      Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    });

    test('leaves the VPC without a guard unless asked', () => {
      const { stack } = testStack();
      const vpc = new PrivateEgressVpc(stack, 'Egress');
      expect(vpc.dnsEgressGuard).toBeUndefined();
      Template.fromStack(stack).resourceCountIs('AWS::Route53Resolver::FirewallRuleGroup', 0);
    });

    test('synthesizes templates the CloudFormation schemas accept', () => {
      const { stack } = guardedVpc({ failOpen: true, queryLogging: true, threatProtections: [DnsThreatProtection.DGA], allowedDomains: ['*.example.com'] });
      expect(() => schemaCheckedTemplate(stack)).not.toThrow();
    });

    test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
      const { stack } = guardedVpc({ queryLogging: true, threatProtections: [DnsThreatProtection.DNS_TUNNELING] });
      expect(errors(stack)).toEqual([]);
    });

    test('snapshot with defaults', () => {
      const { stack } = guardedVpc();
      expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
    });

    test('snapshot with every option', () => {
      const { stack } = guardedVpc({
        allowedDomains: ['api.example.com', '*.partner.example.net'],
        action: DnsEgressAction.ALERT,
        threatProtections: [DnsThreatProtection.DNS_TUNNELING, DnsThreatProtection.DGA],
        threatConfidence: DnsThreatConfidence.LOW,
        failOpen: true,
        queryLogging: true,
        queryLogRetention: logs.RetentionDays.THREE_MONTHS,
        priority: 500,
        mutationProtection: true,
      });
      expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
    });
  });

  describe('on any VPC', () => {
    test('allows the names of endpoints defined with L1s anywhere in the app', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = isolatedVpc(stack);
      new ec2.CfnVPCEndpoint(stack, 'Kms', { vpcId: vpc.vpcId, serviceName: 'com.amazonaws.us-east-1.kms', vpcEndpointType: 'Interface', privateDnsEnabled: true });
      new ec2.CfnVPCEndpoint(stack, 'CrossRegionS3', { vpcId: vpc.vpcId, serviceName: 'com.amazonaws.us-west-2.s3', vpcEndpointType: 'Interface' });

      // WHEN
      const guard = new DnsEgressGuard(stack, 'Guard', { vpc });

      // THEN
      expect(guard.allowedDomains).toEqual([
        'kms.us-east-1.amazonaws.com', '*.kms.us-east-1.amazonaws.com',
        's3.us-west-2.amazonaws.com', '*.s3.us-west-2.amazonaws.com',
        '*.us-east-1.vpce.amazonaws.com', '*.ec2.internal',
      ]);
      expect(validationErrors(stack.node.root as App)).toEqual([]);
    });

    test('adds names with addAllowedDomains', () => {
      const { stack } = testStack();
      const guard = new DnsEgressGuard(stack, 'Guard', { vpc: isolatedVpc(stack), allowedDomains: ['a.example.com'] });
      guard.addAllowedDomains(['b.example.com']);
      expect(allowedDomains(stack)).toEqual(['a.example.com', 'b.example.com', '*.ec2.internal']);
    });

    test('warns when an endpoint\'s names are its provider\'s to choose', () => {
      // GIVEN
      const { stack } = testStack();
      const vpc = isolatedVpc(stack);
      new ec2.CfnVPCEndpoint(stack, 'Partner', {
        vpcId: vpc.vpcId, serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', vpcEndpointType: 'Interface', privateDnsEnabled: true,
      });
      new ec2.CfnVPCEndpoint(stack, 'Database', { vpcId: vpc.vpcId, vpcEndpointType: 'Resource', resourceConfigurationArn: 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0' });
      new ec2.CfnVPCEndpoint(stack, 'NoPrivateDns', {
        vpcId: vpc.vpcId, serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef1', vpcEndpointType: 'Interface',
      });

      // WHEN
      new DnsEgressGuard(stack, 'Guard', { vpc });

      // THEN
      Annotations.fromStack(stack).hasWarning('/TestStack/Guard', Match.stringLikeRegexp(
        'cannot tell which DNS names these endpoints of the VPC answer: TestStack/Database, TestStack/Partner;.*`allowedDomains`'));
      expect(allowedDomains(stack)).toContain('*.us-east-1.vpce.amazonaws.com');
    });
  });

  describe('on a hub', () => {
    test('filters every spoke through the Profile and allows the gateway endpoints the bundles need the spokes to have', () => {
      // GIVEN / WHEN
      const { stack } = testStack();
      const hub = new CentralEndpointHub(stack, 'Hub', {
        bundles: [EndpointBundle.ECR_IMAGE_PULL],
        dnsEgressGuard: { queryLogging: true, priority: 150 },
      });

      // THEN
      const template = Template.fromStack(stack);
      template.hasResourceProperties('AWS::Route53Profiles::ProfileResourceAssociation', {
        ProfileId: { 'Fn::GetAtt': [Match.stringLikeRegexp('HubProfile'), 'Id'] },
        ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('HubEndpointsDnsEgressGuardRuleGroup'), 'Arn'] },
        ResourceProperties: '{"priority":150}',
      });
      template.hasResourceProperties('AWS::Route53Profiles::ProfileResourceAssociation', {
        ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('HubEndpointsDnsEgressGuardQueryLogging'), 'Arn'] },
        ResourceProperties: Match.absent(),
      });
      template.hasResourceProperties('AWS::Route53Resolver::FirewallRuleGroupAssociation', { VpcId: { Ref: Match.stringLikeRegexp('HubEndpointsVpc') } });
      // Each association named after what it associates.
      const names = Object.values(template.findResources('AWS::Route53Profiles::ProfileResourceAssociation')).map(r => r.Properties.Name);
      expect(names).toEqual(expect.arrayContaining(['teststack-hub-endpoints-dnsegressguard-rulegroup-938cb748', expect.stringMatching(/-querylogging-[0-9a-f]{8}$/)]));
      expect(new Set(names).size).toBe(names.length);
      expect(hub.estimateMonthlyCost({ spokes: 2 }).dnsEgressGuard?.domains).toBe(allowedDomains(stack).length + 1);
      expect(allowedDomains(stack)).toEqual(expect.arrayContaining(['s3.us-east-1.amazonaws.com', '*.s3.us-east-1.amazonaws.com']));
    });

    test('filters the hub VPC alone without a Profile', () => {
      const { stack } = testStack();
      new CentralEndpointHub(stack, 'Hub', { profileEnabled: false, interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS], dnsEgressGuard: {} });
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Route53Resolver::FirewallRuleGroupAssociation', 1);
      template.resourceCountIs('AWS::Route53Profiles::ProfileResourceAssociation', 0);
      expect(allowedDomains(stack)).toEqual(expect.arrayContaining(['sts.us-east-1.amazonaws.com']));
    });
  });

  describe('validation', () => {
    test('fails when allowedDomains allows every name', () => {
      const { app } = guardedVpc({ allowedDomains: ['*'] });
      expect(validationErrors(app)).toEqual([expect.stringMatching(/Egress\/DnsEgressGuard.*`allowedDomains` contains `\*`, which allows every name/)]);
    });

    test('fails for names DNS Firewall cannot match', () => {
      const { app } = guardedVpc({ allowedDomains: ['example', 'api.*.example.com', 'http://example.com', 'ok.example.com', '*.example.com', '*.internal'] });
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /`allowedDomains` has names DNS Firewall cannot match: 'example', 'api\.\*\.example\.com', 'http:\/\/example\.com'; give a domain name/)]);
    });

    test.each([100, 9900, 150.5])('fails for priority %s', priority => {
      const { app } = guardedVpc({ priority });
      expect(validationErrors(app)).toEqual([expect.stringMatching(new RegExp(`\`priority\` must be a whole number from 101 to 9899.*got ${priority}`))]);
    });

    test('fails when threatConfidence is set without protections', () => {
      const { app } = guardedVpc({ threatConfidence: DnsThreatConfidence.LOW });
      expect(validationErrors(app)).toEqual([expect.stringMatching(/`threatConfidence` is set but `threatProtections` is empty/)]);
    });

    test('fails to open where CloudFormation has no firewall config, naming the fix', () => {
      const app = new App({ context: { 'availability-zones:account=123456789012:region=us-gov-west-1': ['us-gov-west-1a', 'us-gov-west-1b'] } });
      const stack = new Stack(app, 'TestStack', { env: { account: ACCOUNT, region: 'us-gov-west-1' } });
      new DnsEgressGuard(stack, 'Guard', { vpc: isolatedVpc(stack), failOpen: true });
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /^\[TestStack\/Guard\] AWS::Route53Resolver::FirewallConfig does not exist in us-gov-west-1: .*Leave `failOpen` out \(DNS Firewall then fails closed\)/)]);
    });

    test('fails in a stack without a Region', () => {
      const app = new App();
      const stack = new Stack(app, 'Agnostic');
      new DnsEgressGuard(stack, 'Guard', { vpc: isolatedVpc(stack) });
      expect(validationErrors(app)).toContainEqual(expect.stringMatching(/Guard.*the stack has none; give the stack an `env` with a `region`/));
    });

    test('fails when allowedDomains alone leaves out names the endpoints answer', () => {
      // GIVEN / WHEN
      const { app } = guardedVpc({ allowEndpointDomains: false, allowedDomains: ['*.s3.us-east-1.amazonaws.com', 's3.us-east-1.amazonaws.com', '*.amazonaws.com'] });

      // THEN: `*.amazonaws.com` covers the service names under it, not the instances' hostnames
      expect(validationErrors(app)).toEqual([expect.stringMatching(
        /leaves out names the VPC's endpoints and zones answer, which the guard would block: \*\.ec2\.internal \(the instances' own hostnames\); add them/)]);
    });

    test('only warns about names left out when the guard alerts', () => {
      const { app, stack } = guardedVpc({ allowEndpointDomains: false, action: DnsEgressAction.ALERT });
      expect(validationErrors(app)).toEqual([]);
      Annotations.fromStack(stack).hasWarning('/TestStack/Egress/DnsEgressGuard', Match.stringLikeRegexp(
        'alerts on at every call: s3\\.us-east-1\\.amazonaws\\.com \\(TestStack/Egress/GatewayEndpoints/S3\\)'));
    });

    test('allows only the names given without allowEndpointDomains', () => {
      const { stack } = guardedVpc({ allowEndpointDomains: false, allowedDomains: ['*.amazonaws.com', '*.ec2.internal'] });
      expect(allowedDomains(stack)).toEqual(['*.amazonaws.com', '*.ec2.internal']);
    });
  });

  describe('cost', () => {
    test('prices the domains and the Advanced protections\' hourly charge', () => {
      const { vpc } = guardedVpc({ threatProtections: [DnsThreatProtection.DNS_TUNNELING, DnsThreatProtection.DGA] });
      const estimate = vpc.estimateMonthlyCost().dnsEgressGuard!;
      // 8 allowed names and `*`, at 0.0005 USD each: 0.0045 USD, under half a cent.
      expect(estimate).toMatchObject({
        priced: true,
        domains: 9,
        domainsMonthlyUsd: 0,
        threatProtections: 2,
        threatProtectionsMonthlyUsd: 116.8,
        totalFixedMonthlyUsd: 116.8,
        queriesUsdPerMillion: 0.6,
        queryLoggingNote: 'Off: no query-log charge.',
      });
    });

    test('is not priced in a Region the table does not have', () => {
      const app = new App({ context: { 'availability-zones:account=123456789012:region=af-south-1': ['af-south-1a', 'af-south-1b'] } });
      const stack = new Stack(app, 'TestStack', { env: { account: ACCOUNT, region: 'af-south-1' } });
      const vpc = new PrivateEgressVpc(stack, 'Egress', { dnsEgressGuard: { queryLogging: true } });
      const estimate = vpc.estimateMonthlyCost().dnsEgressGuard!;
      expect(estimate).toMatchObject({ priced: false, queryLoggingNote: expect.stringMatching(/^On: billed by CloudWatch Logs/) });
      expect(estimate.totalFixedMonthlyUsd).toBeUndefined();
    });
  });
});
