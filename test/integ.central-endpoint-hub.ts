import { App, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { assertInvocation } from './integ-assertion';
import { CentralEndpointHub, CentralEndpointSpoke } from '../src';

const HUB_CIDR = '10.0.0.0/16';
const SPOKE_CIDR = '10.1.0.0/16';

/**
 * A deployable test of CentralEndpointHub and CentralEndpointSpoke: a hub with the STS endpoint, a spoke VPC with no
 * endpoint of its own, both attached to a Transit Gateway of the test. A Lambda function in the spoke resolves STS's
 * public name, which must answer with an address of the hub VPC (the hub endpoint's private DNS, seen through the Route 53 Profile),
 * and calls STS there, which only the route through the Transit Gateway and the hub's security group let through. The
 * assertions stack (test/integ-assertion.ts) invokes the function until it returns what it returns after both, and
 * its deploy fails if it does not within ten minutes. See the README's "Integration tests" for how to deploy it;
 * test/integ.test.ts checks its templates against committed snapshots.
 */
export function centralEndpointHubIntegApp(): App {
  const app = new App();
  const stack = new Stack(app, 'CentralEndpointHubInteg');

  const transitGateway = new ec2.CfnTransitGateway(stack, 'TransitGateway', {
    defaultRouteTableAssociation: 'enable',
    defaultRouteTablePropagation: 'enable',
  });

  const hub = new CentralEndpointHub(stack, 'Hub', {
    ipAddresses: ec2.IpAddresses.cidr(HUB_CIDR),
    maxAzs: 2,
    flowLogsEnabled: false,
    interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS],
    clientCidrs: [SPOKE_CIDR],
    transitGatewayId: transitGateway.ref,
  });
  const hubAttachment = attach(stack, 'HubAttachment', hub.vpc, transitGateway);
  hub.spokeRoutes.forEach(route => route.node.addDependency(hubAttachment));

  const spokeVpc = new ec2.Vpc(stack, 'SpokeVpc', {
    ipAddresses: ec2.IpAddresses.cidr(SPOKE_CIDR),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Workloads', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  const spoke = new CentralEndpointSpoke(stack, 'Spoke', { vpc: spokeVpc, hub, transitGatewayId: transitGateway.ref });
  spoke.node.addDependency(attach(stack, 'SpokeAttachment', spokeVpc, transitGateway));

  const probe = new lambda.Function(stack, 'Probe', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    vpc: spokeVpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    timeout: Duration.seconds(30),
    code: lambda.Code.fromInline([
      "const dns = require('dns').promises;",
      "const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');",
      'exports.handler = async () => {',
      '  const { address } = await dns.lookup(`sts.${process.env.AWS_REGION}.amazonaws.com`);',
      '  await new STSClient({ endpoint: `https://sts.${process.env.AWS_REGION}.amazonaws.com` }).send(new GetCallerIdentityCommand({}));',
      `  return { stsAddressInHub: address.startsWith('${HUB_CIDR.split('.').slice(0, 2).join('.')}.'), sts: 'reachable' };`,
      '};',
    ].join('\n')),
  });

  assertInvocation(app, 'CentralEndpointHubIntegAssert', {
    testStack: stack,
    probe,
    expectedPayload: { stsAddressInHub: true, sts: 'reachable' },
    // Retried until it holds (the profile's association takes a while to apply), and the deploy fails if it never does.
    totalTimeout: Duration.minutes(10),
    queryInterval: Duration.seconds(30),
  });
  return app;
}

function attach(stack: Stack, id: string, vpc: ec2.IVpc, transitGateway: ec2.CfnTransitGateway): ec2.CfnTransitGatewayAttachment {
  return new ec2.CfnTransitGatewayAttachment(stack, id, {
    transitGatewayId: transitGateway.ref,
    vpcId: vpc.vpcId,
    subnetIds: vpc.isolatedSubnets.map(subnet => subnet.subnetId),
  });
}

if (require.main === module) {
  centralEndpointHubIntegApp().synth();
}
