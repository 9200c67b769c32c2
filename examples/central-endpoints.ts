import { Annotations, App, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ON_PREMISES_CIDR } from './adopted-vpc';
import { CONSUMER_ACCOUNT, PROVIDER_ACCOUNT, REGION } from './private-link';
import { CentralEndpointHub, CentralEndpointSpoke, DnsEgressAction, EndpointBundle, PrivateEgressVpc } from '../src';

const HUB_CIDR = '10.15.0.0/16';
/** Every spoke VPC of the organization is allocated from this block. */
const SPOKE_CIDRS = '10.16.0.0/12';

// The organization's Transit Gateway, which the network team shares with every account; the hub and spoke VPCs are
// attached to it, and its route table sends the spokes' block to the hub's attachment and back.
const TRANSIT_GATEWAY_ID = 'tgw-0123456789abcdef0';

// What the hub stack's `ProfileId` output shows once it is deployed. CDK cannot pass a token between accounts, so the
// spoke in the other account gets the ID as text.
const HUB_PROFILE_ID = 'rp-0123456789abcdef';

/** The AWS services of the organization, once: 12 interface endpoints in 3 AZs. */
class EndpointHubStack extends Stack {
  public readonly hub: CentralEndpointHub;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.hub = new CentralEndpointHub(this, 'Hub', {
      ipAddresses: ec2.IpAddresses.cidr(HUB_CIDR),
      clientCidrs: [SPOKE_CIDRS, ON_PREMISES_CIDR],
      transitGatewayId: TRANSIT_GATEWAY_ID,
      bundles: [EndpointBundle.SESSION_MANAGER, EndpointBundle.ECR_IMAGE_PULL],
      interfaceEndpoints: [
        ec2.InterfaceVpcEndpointAwsService.STS,
        ec2.InterfaceVpcEndpointAwsService.KMS,
        ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
        ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING,
        ec2.InterfaceVpcEndpointAwsService.SQS,
        ec2.InterfaceVpcEndpointAwsService.SNS,
      ],
      allowedPrincipals: [CONSUMER_ACCOUNT],
      // The spoke account is outside the network account's organization in this example.
      allowExternalPrincipals: true,
      parameterPrefix: '/network/endpoint-hub',
      // Every spoke inherits the hub's DNS egress guard through the Profile; it alerts before it blocks, while the
      // organization learns which names its workloads call.
      dnsEgressGuard: { action: DnsEgressAction.ALERT, queryLogging: true },
      // On-premises DNS servers forward the AWS services' names here and reach the hub's endpoints over Direct Connect.
      inboundResolver: { onPremisesCidrs: [ON_PREMISES_CIDR] },
    });
    // Every spoke below has its own S3 gateway endpoint, which ECR's image layers need.
    Annotations.of(this.hub).acknowledgeWarning('cdk-private-endpoints:CentralEndpointHub.spokesNeedGatewayEndpoints',
      'each spoke VPC has its own S3 and DynamoDB gateway endpoints');
    // A route through the Transit Gateway needs the VPC's attachment first.
    const attachment = attachToTransitGateway(this, this.hub.vpc);
    this.hub.spokeRoutes.forEach(route => route.node.addDependency(attachment));
  }
}

interface SpokeStackProps extends StackProps {
  readonly cidr: string;
  /**
   * The hub, for a spoke in its account; the spoke in another account is given the profile ID, CIDR block and the hub's
   * services as text.
   */
  readonly hub?: CentralEndpointHub;
  /** The hub's services, for the spoke in another account. */
  readonly centralizedServices?: string[];
}

/**
 * A workload VPC that uses the hub: free S3 and DynamoDB gateway endpoints of its own (gateway endpoints serve only
 * their VPC, and ECR's image layers come from S3), and the hub for everything else.
 */
class SpokeStack extends Stack {
  constructor(scope: Construct, id: string, props: SpokeStackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(props.cidr),
      maxAzs: 3,
      natGateways: 0,
      subnetConfiguration: [{ name: 'Workloads', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    new PrivateEgressVpc(this, 'GatewayEndpoints', { vpc });
    const attachment = attachToTransitGateway(this, vpc);
    const spoke = new CentralEndpointSpoke(this, 'Spoke', props.hub
      ? { vpc, hub: props.hub, transitGatewayId: TRANSIT_GATEWAY_ID }
      : {
        vpc,
        profileId: HUB_PROFILE_ID,
        hubCidrs: [HUB_CIDR],
        transitGatewayId: TRANSIT_GATEWAY_ID,
        centralizedServices: props.centralizedServices,
      });
    // A route through the Transit Gateway needs the VPC's attachment first.
    spoke.node.addDependency(attachment);
  }
}

function attachToTransitGateway(scope: Construct, vpc: ec2.IVpc): ec2.CfnTransitGatewayAttachment {
  return new ec2.CfnTransitGatewayAttachment(scope, 'TransitGatewayAttachment', {
    transitGatewayId: TRANSIT_GATEWAY_ID,
    vpcId: vpc.vpcId,
    subnetIds: vpc.isolatedSubnets.map(subnet => subnet.subnetId),
  });
}

/** A hub of 12 services in the network account, a spoke beside it and a spoke in another account. */
export function addCentralEndpointStacks(app: App): void {
  const { hub } = new EndpointHubStack(app, 'EndpointHub', { env: { account: PROVIDER_ACCOUNT, region: REGION } });
  new SpokeStack(app, 'NetworkSpoke', { env: { account: PROVIDER_ACCOUNT, region: REGION }, cidr: '10.16.0.0/16', hub });
  new SpokeStack(app, 'PartnerSpoke', {
    env: { account: CONSUMER_ACCOUNT, region: REGION },
    cidr: '10.17.0.0/16',
    centralizedServices: hub.centralizedServices,
  });
}
