import { Annotations, App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { addAdoptedVpcStack } from './adopted-vpc';
import { addCentralEndpointStacks } from './central-endpoints';
import { addPrivateLinkStacks, CONSUMER_ACCOUNT, PROVIDER_ACCOUNT, REGION } from './private-link';
import { addPrivateResourceStacks } from './private-resources';
import { addRegionsAndIpFamiliesStacks, CONSUMER_REGION } from './regions-and-ip-families';
import { addServiceNetworkStacks } from './service-network';
import {
  BlockPublicAccessExclusion,
  DnsThreatProtection,
  EncryptionControlMode,
  EndpointBundle,
  PrivateEgressVpc,
  VpcBlockPublicAccess,
} from '../src';

// The AZs each example account sees in each Region, as `cdk synth` would read them into cdk.context.json.
const AZS = ['a', 'b', 'c'];

/**
 * The example app: every construct of the library in the stacks a platform team would have. `npm run example` synthesizes
 * it and prints its summary; the reachability proof's mutation tests synthesize it too.
 */
export function buildExampleApp(outdir: string): App {
  const app = new App({
    outdir,
    context: Object.fromEntries([PROVIDER_ACCOUNT, CONSUMER_ACCOUNT].flatMap(account => [REGION, CONSUMER_REGION].map(region =>
      [`availability-zones:account=${account}:region=${region}`, AZS.map(letter => `${region}${letter}`)]))),
  });

  // Workloads in isolated subnets that use Session Manager, pull images from ECR (which also needs the default S3
  // gateway endpoint) and ship logs and metrics: ssm, ssmmessages, ec2messages, ecr.api, ecr.dkr, logs, monitoring. No way
  // out, enforced by AWS: DNS resolves only the endpoints' names, traffic is encrypted, and an analyzer scope proves after
  // deploy that no subnet reaches an internet gateway.
  const workloads = new Stack(app, 'PrivateWorkloads', { env: { account: PROVIDER_ACCOUNT, region: REGION } });
  new PrivateEgressVpc(workloads, 'Network', {
    bundles: [EndpointBundle.SESSION_MANAGER, EndpointBundle.ECR_IMAGE_PULL],
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING],
    dnsEgressGuard: { threatProtections: [DnsThreatProtection.DNS_TUNNELING], queryLogging: true },
    encryptionControl: { mode: EncryptionControlMode.ENFORCE },
    internetAccessScope: {},
  });

  // A PrivateLink service and its consumers, in the provider's account and in another one.
  addPrivateLinkStacks(app);

  // An existing VPC that already has an S3 gateway endpoint, with clients on premises.
  const adoptedVpc = addAdoptedVpcStack(app);

  // No way in or out of the account's VPCs through internet gateways, enforced by AWS, except outbound for the adopted VPC,
  // whose private subnets keep their NAT gateway.
  const guardrails = new Stack(app, 'AccountGuardrails', { env: { account: PROVIDER_ACCOUNT, region: REGION } });
  const block = new VpcBlockPublicAccess(guardrails, 'BlockPublicAccess', { exclusions: [BlockPublicAccessExclusion.vpc(adoptedVpc)] });
  Annotations.of(block).acknowledgeWarning('cdk-private-endpoints:VpcBlockPublicAccess.vpcBlocked',
    'The inventory service is reached through PrivateLink only: the egress-only gateway aws-cdk-lib gives its dual-stack VPC is blocked on purpose');

  // An RDS database shared from the provider account through a resource gateway, reached from the consumer account.
  addPrivateResourceStacks(app);

  // An Aurora cluster and a partner API carried by one VPC Lattice service network, reached through one endpoint.
  addServiceNetworkStacks(app);

  // A service offered across Regions over IPv4 and IPv6, and AWS services reached in another Region.
  addRegionsAndIpFamiliesStacks(app);

  // Endpoints once for the organization: a hub in the network account, a spoke beside it and one in another account.
  addCentralEndpointStacks(app);

  return app;
}
