import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ram from 'aws-cdk-lib/aws-ram';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53targets from 'aws-cdk-lib/aws-route53-targets';
import * as route53profiles from 'aws-cdk-lib/aws-route53profiles';
import { Construct } from 'constructs';

// The architectures of the benchmark written with aws-cdk-lib alone, as a careful user would without the library.

export const ENV = { account: '123456789012', region: 'us-east-1' };
export const CONTEXT = { 'availability-zones:account=123456789012:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c'] };
export const SERVICE_TARGETS = [new elbv2targets.IpTarget('10.0.0.10')];

/** A VPC with isolated subnets only, in 3 AZs. */
export function isolatedVpc(scope: Construct, id: string): ec2.Vpc {
  return new ec2.Vpc(scope, id, {
    maxAzs: 3,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

/** What PrivateEgressVpc defines: an isolated VPC, flow logs, S3 and DynamoDB gateway endpoints, interface endpoints. */
export function egressVpc(scope: Construct, services: ec2.IInterfaceVpcEndpointService[]): ec2.Vpc {
  const vpc = isolatedVpc(scope, 'Vpc');
  vpc.addFlowLog('FlowLog', {
    destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(scope, 'FlowLogGroup', { retention: logs.RetentionDays.ONE_YEAR })),
  });
  const workloadSubnets = [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }];
  vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: workloadSubnets });
  vpc.addGatewayEndpoint('DynamoDb', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB, subnets: workloadSubnets });
  const securityGroup = new ec2.SecurityGroup(scope, 'EndpointSecurityGroup', { vpc, allowAllOutbound: false });
  securityGroup.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(443));
  services.forEach((service, i) => vpc.addInterfaceEndpoint(`Interface${i}`, { service, securityGroups: [securityGroup], open: false }));
  return vpc;
}

/** What EndpointServiceProvider defines: an internal NLB in front of the targets, and an endpoint service on it. */
export function provider(scope: Construct, vpc: ec2.IVpc, port: number, principal: string): ec2.VpcEndpointService {
  const nlb = new elbv2.NetworkLoadBalancer(scope, 'LoadBalancer', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, onePerAz: true },
    internetFacing: false,
    crossZoneEnabled: true,
  });
  nlb.addListener('Listener', { port }).addTargets('Targets', { port, targets: SERVICE_TARGETS });
  return new ec2.VpcEndpointService(scope, 'EndpointService', {
    vpcEndpointServiceLoadBalancers: [nlb],
    acceptanceRequired: true,
    allowedPrincipals: [new iam.ArnPrincipal(principal)],
  });
}

/** What EndpointConsumer defines with `domainName`: an endpoint open to the VPC CIDR, and a private hosted zone aliased to it. */
export function consumer(scope: Construct, vpc: ec2.Vpc, serviceName: string, port: number, domainName: string): void {
  const securityGroup = new ec2.SecurityGroup(scope, 'SecurityGroup', { vpc, allowAllOutbound: false });
  securityGroup.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(port));
  const endpoint = new ec2.InterfaceVpcEndpoint(scope, 'Endpoint', {
    vpc,
    service: new ec2.InterfaceVpcEndpointService(serviceName, port),
    securityGroups: [securityGroup],
    open: false,
    privateDnsEnabled: false,
  });
  const zone = new route53.PrivateHostedZone(scope, 'HostedZone', { zoneName: domainName, vpc });
  new route53.ARecord(scope, 'Record', { zone, target: route53.RecordTarget.fromAlias(new route53targets.InterfaceVpcEndpointTarget(endpoint)) });
}

/**
 * A hub as AWS's "Associate interface VPC endpoints to a Route 53 Profile" describes it, by hand: the endpoints with private
 * DNS on in a VPC without NAT (with flow logs, as the library's), a Route 53 Profile that holds each of them, shared with
 * an account through AWS RAM.
 */
export function profileHub(scope: Construct, services: ec2.IInterfaceVpcEndpointService[], principal: string): void {
  const vpc = isolatedVpc(scope, 'HubVpc');
  vpc.addFlowLog('FlowLog', {
    destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(scope, 'FlowLogGroup', { retention: logs.RetentionDays.ONE_YEAR })),
  });
  const securityGroup = new ec2.SecurityGroup(scope, 'HubEndpointSecurityGroup', { vpc, allowAllOutbound: false });
  securityGroup.addIngressRule(ec2.Peer.ipv4('10.0.0.0/8'), ec2.Port.tcp(443));
  const profile = new route53profiles.CfnProfile(scope, 'Profile', { name: 'hub' });
  services.forEach((service, i) => {
    const endpoint = vpc.addInterfaceEndpoint(`Hub${i}`, { service, securityGroups: [securityGroup], open: false });
    new route53profiles.CfnProfileResourceAssociation(scope, `Hub${i}Association`, {
      name: `hub-${i}`,
      profileId: profile.attrId,
      resourceArn: Stack.of(scope).formatArn({ service: 'ec2', resource: 'vpc-endpoint', resourceName: endpoint.vpcEndpointId }),
    });
  });
  new ram.CfnResourceShare(scope, 'ProfileShare', { name: 'hub', resourceArns: [profile.attrArn], principals: [principal] });
}
