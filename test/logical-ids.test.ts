import * as fs from 'fs';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  DnsThreatProtection,
  BlockPublicAccessExclusion,
  BlockPublicAccessExclusionMode,
  BlockPublicAccessMode,
  CentralEndpointHub,
  CentralEndpointSpoke,
  EncryptionControlExclusion,
  EncryptionControlMode,
  EndpointBundle,
  EndpointConsumer,
  EndpointPolicy,
  EndpointServiceProvider,
  HubDnsMode,
  InboundResolverEndpoint,
  InternetAccessScope,
  PortRange,
  PrivateEgressVpc,
  PrivateServiceNetwork,
  PrivateServiceNetworkAssociation,
  PrivateServiceNetworkEndpoint,
  VpcEncryptionControl,
  VpcBlockPublicAccess,
} from '../src';
import { hostShare } from './lattice-fixtures';
import { ACCOUNT, AZS, isolatedVpc, REGION } from './util';

// The logical-ID contract: the logical IDs (and types) of the resources of a fixed set of stacks, committed in
// logical-ids.json. CloudFormation identifies a resource by its logical ID, so a deploy of a new version of this
// library into a stack whose IDs changed deletes the resources under the old IDs and creates new ones: data in them is
// lost, and everything that refers to them by ID breaks. New IDs are added on purpose with
// `npx projen test:logical-ids:update`, which never drops or rewrites an existing one.

const CONTRACT_FILE = path.join(__dirname, 'logical-ids.json');
const UPDATE = process.env.UPDATE_LOGICAL_IDS === 'true';

type Contract = Record<string, Record<string, string>>;

/** Each construct with its defaults and with every prop set. */
function contractStacks(): Stack[] {
  const app = new App({ context: { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS } });
  const env = { account: ACCOUNT, region: REGION };
  const stack = (id: string) => new Stack(app, id, { env });

  const egressDefaults = stack('PrivateEgressVpcDefaults');
  new PrivateEgressVpc(egressDefaults, 'Egress');

  const egressAll = stack('PrivateEgressVpcAllProps');
  const egress = new PrivateEgressVpc(egressAll, 'Egress', {
    ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16'),
    maxAzs: 2,
    cidrMask: 24,
    flowLogsEnabled: true,
    flowLogRetention: logs.RetentionDays.ONE_MONTH,
    gatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.S3, ec2.GatewayVpcEndpointAwsService.DYNAMODB],
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS, ec2.InterfaceVpcEndpointAwsService.S3],
    bundles: [EndpointBundle.ECR_IMAGE_PULL],
    endpointPolicy: EndpointPolicy.accountPrincipals(),
    endpointAzs: 2,
    privateDnsEnabled: true,
  });
  egress.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.KMS, { privateDnsEnabled: false });
  egress.addBundle(EndpointBundle.SESSION_MANAGER);

  const providerDefaults = stack('EndpointServiceProviderDefaults');
  new EndpointServiceProvider(providerDefaults, 'Provider', {
    vpc: isolatedVpc(providerDefaults),
    port: 443,
    targets: [new elbv2targets.IpTarget('10.0.0.10')],
  });

  const providerAll = stack('EndpointServiceProviderAllProps');
  const providerVpc = isolatedVpc(providerAll);
  const provider = new EndpointServiceProvider(providerAll, 'Provider', {
    vpc: providerVpc,
    port: 443,
    targets: [new elbv2targets.IpTarget('10.0.0.10')],
    targetPort: 8443,
    healthCheck: { port: '8080', protocol: elbv2.Protocol.HTTP, path: '/health', interval: Duration.seconds(30) },
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    securityGroups: [new ec2.SecurityGroup(providerAll, 'LoadBalancerSecurityGroup', { vpc: providerVpc })],
    enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: true,
    acceptanceRequired: false,
    allowedPrincipals: [new iam.ArnPrincipal('arn:aws:iam::111122223333:root')],
    allowedRegions: ['eu-west-1'],
    supportedIpAddressTypes: [ec2.IpAddressType.IPV4],
    contributorInsights: true,
    privateDnsName: 'api.example.com',
    publicHostedZone: route53.PublicHostedZone.fromPublicHostedZoneAttributes(providerAll, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'example.com' }),
    connectionNotificationTopic: new sns.Topic(providerAll, 'Topic'),
    serviceNameParameter: '/services/orders/endpoint-service-name',
  });
  provider.addAllowedPrincipal(new iam.ArnPrincipal('arn:aws:iam::444455556666:root'));

  const consumerDefaults = stack('EndpointConsumerDefaults');
  new EndpointConsumer(consumerDefaults, 'Consumer', {
    vpc: isolatedVpc(consumerDefaults),
    service: new ec2.InterfaceVpcEndpointService('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', 443),
  });

  const consumerAll = stack('EndpointConsumerAllProps');
  const consumerVpc = isolatedVpc(consumerAll);
  new EndpointConsumer(consumerAll, 'Consumer', {
    vpc: consumerVpc,
    service: new ec2.InterfaceVpcEndpointService('com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0', 443),
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    privateDnsEnabled: false,
    domainName: 'orders.internal.example',
    wildcardRecord: true,
    serviceRegion: 'eu-west-1',
    securityGroups: [new ec2.SecurityGroup(consumerAll, 'EndpointSecurityGroup', { vpc: consumerVpc })],
  });
  new EndpointConsumer(consumerAll, 'ZoneConsumer', {
    vpc: consumerVpc,
    service: new ec2.InterfaceVpcEndpointService('com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210', 8443),
    domainName: 'billing.internal.example',
    hostedZone: new route53.PrivateHostedZone(consumerAll, 'Zone', { zoneName: 'internal.example', vpc: consumerVpc }),
  });

  const hubDefaults = stack('CentralEndpointHubDefaults');
  new CentralEndpointHub(hubDefaults, 'Hub', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });

  // The defaults before HubDnsMode, for hubs that pin their hosted zones.
  const hubZones = stack('CentralEndpointHubHostedZones');
  new CentralEndpointHub(hubZones, 'Hub', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS], dnsMode: HubDnsMode.HOSTED_ZONES });

  const hubAll = stack('CentralEndpointHubAllProps');
  const associatedVpc = isolatedVpc(hubAll, 'AssociatedVpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
  const hub = new CentralEndpointHub(hubAll, 'Hub', {
    ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16'),
    maxAzs: 2,
    cidrMask: 24,
    flowLogsEnabled: true,
    flowLogRetention: logs.RetentionDays.ONE_MONTH,
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS, ec2.InterfaceVpcEndpointAwsService.EKS_AUTH],
    bundles: [EndpointBundle.ECR_IMAGE_PULL],
    endpointPolicy: EndpointPolicy.accountPrincipals(),
    endpointAzs: 2,
    clientCidrs: ['10.0.0.0/8', 'pl-0123456789abcdef0'],
    transitGatewayId: 'tgw-0123456789abcdef0',
    allowedPrincipals: ['111122223333'],
    associatedVpcs: [associatedVpc],
    parameterPrefix: '/network/endpoint-hub',
    dnsMode: HubDnsMode.HOSTED_ZONES,
  });
  hub.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.S3, { ports: [443] });

  const profileHubAll = stack('CentralEndpointHubProfileEndpoints');
  new CentralEndpointHub(profileHubAll, 'Hub', {
    ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16'),
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS, ec2.InterfaceVpcEndpointAwsService.EKS_AUTH],
    bundles: [EndpointBundle.ECR_IMAGE_PULL],
    clientCidrs: ['10.0.0.0/8'],
    transitGatewayId: 'tgw-0123456789abcdef0',
    allowedPrincipals: ['111122223333'],
    parameterPrefix: '/network/endpoint-hub',
    dnsMode: HubDnsMode.PROFILE_ENDPOINTS,
  });

  // A hub whose inbound endpoint answers on-premises clients, with S3 and DynamoDB beside their gateway endpoints.
  const hubInbound = stack('CentralEndpointHubInboundResolver');
  new CentralEndpointHub(hubInbound, 'Hub', {
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS, ec2.InterfaceVpcEndpointAwsService.S3, ec2.InterfaceVpcEndpointAwsService.DYNAMODB],
    clientCidrs: ['192.168.0.0/16'],
    inboundResolver: { onPremisesCidrs: ['192.168.0.0/16'] },
  });

  const inboundAll = stack('InboundResolverEndpointAllProps');
  new InboundResolverEndpoint(inboundAll, 'Inbound', {
    vpc: isolatedVpc(inboundAll),
    onPremisesCidrs: ['192.168.0.0/16', 'pl-0123456789abcdef0'],
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: ['us-east-1a', 'us-east-1b'] },
  });

  const spokeAll = stack('CentralEndpointSpokeAllProps');
  new CentralEndpointSpoke(spokeAll, 'Spoke', {
    vpc: isolatedVpc(spokeAll, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.2.0.0/16') }),
    profileId: 'rp-0123456789abcdef',
    centralizedServices: ['sts'],
    transitGatewayId: 'tgw-0123456789abcdef0',
    hubCidrs: ['10.20.0.0/16'],
  });

  const networkAll = stack('PrivateServiceNetworkAllProps');
  const network = new PrivateServiceNetwork(networkAll, 'Network', {
    serviceNetworkName: 'shared-data',
    resources: [hostShare(networkAll, 'Orders', { customDomainName: 'orders.example.com', verified: true })],
    allowedPrincipals: ['111122223333'],
    serviceNetworkArnParameter: '/network/shared-data/service-network-arn',
  });
  network.addResourceConfiguration('Inventory', 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0');
  network.addService('Checkout', 'svc-0123456789abcdef0');
  const networkClients = isolatedVpc(networkAll, 'ClientVpc', { ipAddresses: ec2.IpAddresses.cidr('10.3.0.0/16') });
  new PrivateServiceNetworkEndpoint(networkAll, 'Endpoint', { vpc: networkClients, serviceNetwork: network, portRanges: [PortRange.tcp(443)] });
  new PrivateServiceNetworkAssociation(networkAll, 'Association', {
    vpc: isolatedVpc(networkAll, 'AssociatedVpc', { ipAddresses: ec2.IpAddresses.cidr('10.4.0.0/16') }),
    serviceNetwork: network,
    portRanges: [PortRange.tcp(443)],
  });

  const guardAll = stack('DnsEgressGuardAllProps');
  const guardOptions = { queryLogging: true, failOpen: true, threatProtections: [DnsThreatProtection.DNS_TUNNELING], allowedDomains: ['api.example.com'] };
  new PrivateEgressVpc(guardAll, 'Egress', { dnsEgressGuard: guardOptions });
  new CentralEndpointHub(guardAll, 'Hub', { ipAddresses: ec2.IpAddresses.cidr('10.5.0.0/16'), interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS], dnsEgressGuard: guardOptions });

  const encryptionDefaults = stack('VpcEncryptionControlDefaults');
  new VpcEncryptionControl(encryptionDefaults, 'EncryptionControl', { vpc: isolatedVpc(encryptionDefaults) });

  const encryptionAll = stack('VpcEncryptionControlAllProps');
  new VpcEncryptionControl(encryptionAll, 'EncryptionControl', {
    vpc: new ec2.Vpc(encryptionAll, 'Vpc', { maxAzs: 2, natGateways: 1 }),
    mode: EncryptionControlMode.ENFORCE,
    exclusions: [EncryptionControlExclusion.INTERNET_GATEWAY, EncryptionControlExclusion.NAT_GATEWAY],
  });

  const scopeDefaults = stack('InternetAccessScopeDefaults');
  new InternetAccessScope(scopeDefaults, 'InternetAccessScope', { vpc: isolatedVpc(scopeDefaults) });

  const scopeAll = stack('InternetAccessScopeAllProps');
  new InternetAccessScope(scopeAll, 'InternetAccessScope', {
    vpc: new ec2.Vpc(scopeAll, 'Vpc', { maxAzs: 2, natGateways: 1 }),
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  });

  const blockDefaults = stack('VpcBlockPublicAccessDefaults');
  new VpcBlockPublicAccess(blockDefaults, 'Block');

  // The block is one per account and Region: this one in a Region of its own.
  const blockAll = new Stack(app, 'VpcBlockPublicAccessAllProps', { env: { account: ACCOUNT, region: 'eu-west-1' } });
  const webVpc = new ec2.Vpc(blockAll, 'WebVpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 0 });
  const block = new VpcBlockPublicAccess(blockAll, 'Block', {
    mode: BlockPublicAccessMode.BLOCK_BIDIRECTIONAL,
    exclusions: [BlockPublicAccessExclusion.vpc(webVpc, BlockPublicAccessExclusionMode.ALLOW_EGRESS)],
  });
  block.addExclusion(BlockPublicAccessExclusion.subnet(webVpc.publicSubnets[0], BlockPublicAccessExclusionMode.ALLOW_BIDIRECTIONAL));

  return [egressDefaults, egressAll, providerDefaults, providerAll, consumerDefaults, consumerAll,
    hubDefaults, hubZones, hubAll, profileHubAll, hubInbound, inboundAll, spokeAll, networkAll, guardAll,
    encryptionDefaults, encryptionAll, scopeDefaults, scopeAll, blockDefaults, blockAll];
}

function currentIds(): Contract {
  return Object.fromEntries(contractStacks().map(stack => {
    const resources = Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string }>;
    return [stack.stackName, Object.fromEntries(Object.entries(resources).map(([id, r]) => [id, r.Type]).sort(([a], [b]) => a.localeCompare(b)))];
  }));
}

describe('logical-ID contract', () => {
  const committed: Contract = JSON.parse(fs.readFileSync(CONTRACT_FILE, 'utf-8'));
  const current = currentIds();

  test('no resource of the contract stacks lost or changed its logical ID or type', () => {
    const broken = Object.entries(committed).flatMap(([stackName, ids]) => Object.entries(ids)
      .filter(([id, type]) => current[stackName]?.[id] !== type)
      .map(([id, type]) => `  ${stackName}/${id} (${type}): ${current[stackName]?.[id] ? `now a ${current[stackName][id]}` : 'gone'}`));
    if (broken.length > 0) {
      throw new Error('These resources no longer have the logical ID (or type) they had. Deploying this version over a stack of the '
        + 'previous one would delete each of them and create a new one in its place (losing its data and its physical ID), '
        + `or fail where a physical name is fixed:\n${broken.join('\n')}\nKeep the construct IDs and the construct tree that `
        + 'produce these IDs. Only if replacing them is intended, and said in the release notes, edit test/logical-ids.json by hand.');
    }
  });

  test('every logical ID of the contract stacks is in the contract', () => {
    const added = Object.entries(current).flatMap(([stackName, ids]) => Object.keys(ids)
      .filter(id => committed[stackName]?.[id] === undefined)
      .map(id => `${stackName}/${id}`));
    if (UPDATE && added.length > 0) {
      const merged: Contract = Object.fromEntries(Object.entries(current).map(([stackName, ids]) =>
        [stackName, Object.fromEntries(Object.entries({ ...ids, ...committed[stackName] }).sort(([a], [b]) => a.localeCompare(b)))]));
      fs.writeFileSync(CONTRACT_FILE, `${JSON.stringify(merged, undefined, 2)}\n`);
      return;
    }
    if (added.length > 0) {
      throw new Error(`New resources, not yet in the contract:\n  ${added.join('\n  ')}\nIf they are meant to be, add them with `
        + '`npx projen test:logical-ids:update` and commit test/logical-ids.json.');
    }
  });
});
