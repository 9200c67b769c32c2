import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import {
  CentralEndpointHub,
  CentralEndpointSpoke,
  DnsEgressGuard,
  DnsThreatProtection,
  EndpointBundle,
  EndpointConsumer,
  EndpointServiceProvider,
  InboundResolverEndpoint,
  InternetAccessScope,
  PortRange,
  PrivateEgressVpc,
  PrivateResourceEndpoint,
  PrivateResourceShare,
  ResourceDefinition,
  VpcEncryptionControl,
  VpcBlockPublicAccess,
} from '../src';
import { isolatedVpc, testStack, validationErrors } from './util';

const SSM = ec2.InterfaceVpcEndpointAwsService.SSM;
const RESOURCE_CONFIGURATION_ARN = 'arn:aws:vpc-lattice:us-east-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0';

/**
 * A construct defined as a JavaScript user would (no type checker), with valid props for the rest; `extra` is spread
 * over the valid props.
 */
type Define = (stack: Stack, extra: object) => Construct;

const CONSTRUCTS: [string, Define][] = [
  ['PrivateEgressVpc', (stack, extra) => new PrivateEgressVpc(stack, 'Construct', { ...extra } as any)],
  ['EndpointServiceProvider', (stack, extra) => new EndpointServiceProvider(stack, 'Construct', {
    vpc: isolatedVpc(stack),
    port: 443,
    targets: [new targets.IpTarget('10.0.3.10')],
    ...extra,
  } as any)],
  ['EndpointConsumer', (stack, extra) => new EndpointConsumer(stack, 'Construct', { vpc: isolatedVpc(stack), service: SSM, ...extra } as any)],
  ['CentralEndpointHub', (stack, extra) => new CentralEndpointHub(stack, 'Construct', { ...extra } as any)],
  ['CentralEndpointSpoke', (stack, extra) => new CentralEndpointSpoke(stack, 'Construct', {
    vpc: isolatedVpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') }),
    hub: new CentralEndpointHub(stack, 'Hub', { interfaceEndpoints: [SSM], clientCidrs: ['10.1.0.0/16'] }),
    ...extra,
  } as any)],
  ['PrivateResourceShare', (stack, extra) => new PrivateResourceShare(stack, 'Construct', {
    vpc: isolatedVpc(stack),
    resource: ResourceDefinition.ipAddress('10.0.0.25'),
    portRanges: [PortRange.tcp(5432)],
    ...extra,
  } as any)],
  ['PrivateResourceEndpoint', (stack, extra) => new PrivateResourceEndpoint(stack, 'Construct', {
    vpc: isolatedVpc(stack),
    resourceConfigurationArn: RESOURCE_CONFIGURATION_ARN,
    portRanges: [PortRange.tcp(5432)],
    ...extra,
  } as any)],
  ['DnsEgressGuard', (stack, extra) => new DnsEgressGuard(stack, 'Construct', { vpc: isolatedVpc(stack), ...extra } as any)],
  ['InboundResolverEndpoint', (stack, extra) => new InboundResolverEndpoint(stack, 'Construct', {
    vpc: isolatedVpc(stack),
    onPremisesCidrs: ['192.168.0.0/16'],
    ...extra,
  } as any)],
  ['VpcEncryptionControl', (stack, extra) => new VpcEncryptionControl(stack, 'Construct', { vpc: isolatedVpc(stack), ...extra } as any)],
  ['InternetAccessScope', (stack, extra) => new InternetAccessScope(stack, 'Construct', { vpc: isolatedVpc(stack), ...extra } as any)],
  ['VpcBlockPublicAccess', (stack, extra) => new VpcBlockPublicAccess(stack, 'Construct', { ...extra } as any)],
];

/** Per construct: a misspelled prop, and the message synth reports for it. */
const MISSPELLED: { [construct: string]: [object, string] } = {
  PrivateEgressVpc: [{ bundle: [EndpointBundle.SECRETS] }, 'unknown prop `bundle`; did you mean `bundles`?'],
  EndpointServiceProvider: [{ allowedPrincipal: [new iam.AccountPrincipal('111122223333')] },
    'unknown prop `allowedPrincipal`; did you mean `allowedPrincipals`?'],
  EndpointConsumer: [{ privateDNSEnabled: false }, 'unknown prop `privateDNSEnabled`; did you mean `privateDnsEnabled`?'],
  CentralEndpointHub: [{ interfaceEndpoint: [SSM] }, 'unknown prop `interfaceEndpoint`; did you mean `interfaceEndpoints`?'],
  CentralEndpointSpoke: [{ hubCidr: ['10.0.0.0/16'] }, 'unknown prop `hubCidr`; did you mean `hubCidrs`?'],
  PrivateResourceShare: [{ portRange: [PortRange.tcp(5432)] }, 'unknown prop `portRange`; did you mean `portRanges`?'],
  PrivateResourceEndpoint: [{ privateDnsEnable: false }, 'unknown prop `privateDnsEnable`; did you mean `privateDnsEnabled`?'],
  DnsEgressGuard: [{ allowedDomain: ['api.example.com'] }, 'unknown prop `allowedDomain`; did you mean `allowedDomains`?'],
  InboundResolverEndpoint: [{ vpcSubnet: { onePerAz: true } }, 'unknown prop `vpcSubnet`; did you mean `vpcSubnets`?'],
  VpcEncryptionControl: [{ exclusion: [] }, 'unknown prop `exclusion`; did you mean `exclusions`?'],
  InternetAccessScope: [{ vpcSubnet: {} }, 'unknown prop `vpcSubnet`; did you mean `vpcSubnets`?'],
  VpcBlockPublicAccess: [{ exclusion: [] }, 'unknown prop `exclusion`; did you mean `exclusions`?'],
};

/** Per construct: a prop of the wrong type, and the message the constructor throws for it. */
const MISTYPED: { [construct: string]: [object, string] } = {
  PrivateEgressVpc: [{ maxAzs: '2' }, '`maxAzs` must be a number, got the string "2"'],
  EndpointServiceProvider: [{ allowedPrincipals: ['111122223333'] },
    '`allowedPrincipals[0]` must be an iam.ArnPrincipal (an object such as new iam.AccountPrincipal(\'111122223333\')), got the string "111122223333"'],
  EndpointConsumer: [{ service: 'com.amazonaws.us-east-1.ssm' },
    '`service` must be an ec2.IInterfaceVpcEndpointService (an object such as ec2.InterfaceVpcEndpointAwsService.SSM), '
    + 'got the string "com.amazonaws.us-east-1.ssm"'],
  CentralEndpointHub: [{ bundles: EndpointBundle.SECRETS },
    '`bundles` must be a list of EndpointBundle objects, got an EndpointBundle object; put it in a list'],
  CentralEndpointSpoke: [{ hubCidrs: '10.0.0.0/16' }, '`hubCidrs` must be a list of strings, got the string "10.0.0.0/16"; put it in a list'],
  PrivateResourceShare: [{ resource: '10.0.0.25' },
    '`resource` must be a ResourceDefinition (an object such as ResourceDefinition.rdsInstance(instance)), got the string "10.0.0.25"'],
  PrivateResourceEndpoint: [{ portRanges: [443] }, '`portRanges[0]` must be a PortRange (an object such as PortRange.tcp(port)), got the number 443'],
  DnsEgressGuard: [{ threatProtections: DnsThreatProtection.DGA }, '`threatProtections` must be a list of DnsThreatProtection values, got the string "DGA"; put it in a list'],
  InboundResolverEndpoint: [{ onPremisesCidrs: '192.168.0.0/16' },
    '`onPremisesCidrs` must be a list of strings, got the string "192.168.0.0/16"; put it in a list'],
  VpcEncryptionControl: [{ mode: 'ENFORCE', exclusions: [] }, '`mode` must be an EncryptionControlMode ("monitor", "enforce"; such as EncryptionControlMode.MONITOR), got the string "ENFORCE"'],
  InternetAccessScope: [{ vpcSubnets: 'private' }, '`vpcSubnets` must be an ec2.SubnetSelection (an object with `subnetType`, `availabilityZones`, `subnetGroupName`, ...), '
    + 'got the string "private"'],
  VpcBlockPublicAccess: [{ exclusions: ['vpc-0123456789abcdef0'] },
    '`exclusions[0]` must be a BlockPublicAccessExclusion (an object such as BlockPublicAccessExclusion.vpc(vpc, mode)), got the string "vpc-0123456789abcdef0"'],
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('props checked at run time, for JavaScript users', () => {
  test.each(CONSTRUCTS)('%s reports a misspelled prop at synth, with its path and the prop it means', (name, define) => {
    // GIVEN
    const { app, stack } = testStack();
    const [props, message] = MISSPELLED[name];

    // WHEN
    define(stack, props);

    // THEN
    expect(validationErrors(app)).toEqual([`[TestStack/Construct] ${message}`]);
  });

  test.each(CONSTRUCTS)('%s throws for a prop of the wrong type, with its path, what was given and what is expected', (name, define) => {
    // GIVEN
    const { stack } = testStack();
    const [props, message] = MISTYPED[name];

    // THEN
    expect(() => define(stack, props)).toThrow(new RegExp(`^\\[TestStack/Construct\\] ${escape(message)}$`));
  });

  test.each(CONSTRUCTS)('%s accepts its valid props without a report', (_name, define) => {
    // GIVEN
    const { app, stack } = testStack();

    // WHEN
    define(stack, {});

    // THEN
    expect(validationErrors(app)).toEqual([]);
  });

  test('a misspelled `bundles` no longer gives a VPC without endpoints silently', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', { bundle: [EndpointBundle.SECRETS] } as any);

    // THEN
    expect(() => Template.fromStack(stack)).toThrow(/\[TestStack\/Egress\] unknown prop `bundle`; did you mean `bundles`\?/);
  });

  test('a required prop left out, or no props at all, throws a message instead of a TypeError', () => {
    // GIVEN
    const { stack } = testStack();
    const vpc = isolatedVpc(stack);

    // THEN
    expect(() => new EndpointConsumer(stack, 'Misspelled', { vpc, serivce: SSM } as any)).toThrow(new RegExp(
      '^\\[TestStack/Misspelled\\] `service` is required: an ec2.IInterfaceVpcEndpointService \\(an object such as '
      + 'ec2.InterfaceVpcEndpointAwsService.SSM\\)\n\\[TestStack/Misspelled\\] unknown prop `serivce`; did you mean `service`\\?$'));
    expect(() => new PrivateResourceShare(stack, 'NoProps', undefined as any))
      .toThrow(/^\[TestStack\/NoProps\] props must be a PrivateResourceShareProps \(an object with `vpc`, `resource`, `portRanges`, ...\), got undefined$/);
  });
});
