import { performance } from 'node:perf_hooks';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { PrivateEgressVpc } from '../src';

// Compares the library with a hand-written aws-cdk-lib equivalent of the same architecture, in the same run:
// an isolated 3-AZ VPC with flow logs, S3 and DynamoDB gateway endpoints on its route tables, and interface
// endpoints sharing one security group. Reports synth time and template size, and the library/hand-written ratio.

const SERVICES = [
  ec2.InterfaceVpcEndpointAwsService.SSM,
  ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
  ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES,
  ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING,
  ec2.InterfaceVpcEndpointAwsService.ECR,
  ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
];
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const ENV = { account: '123456789012', region: 'us-east-1' };
const CONTEXT = { 'availability-zones:account=123456789012:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c'] };

function withLibrary(stack: Stack): void {
  new PrivateEgressVpc(stack, 'Network', { interfaceEndpoints: SERVICES });
}

function handWritten(stack: Stack): void {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
    maxAzs: 3,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  vpc.addFlowLog('FlowLog', {
    destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(stack, 'FlowLogGroup', { retention: logs.RetentionDays.ONE_YEAR })),
  });
  const workloadSubnets = [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }];
  vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: workloadSubnets });
  vpc.addGatewayEndpoint('DynamoDb', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB, subnets: workloadSubnets });
  const securityGroup = new ec2.SecurityGroup(stack, 'EndpointSecurityGroup', { vpc, allowAllOutbound: false });
  securityGroup.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(443));
  for (const service of SERVICES) {
    vpc.addInterfaceEndpoint(service.shortName, { service, securityGroups: [securityGroup], open: false });
  }
}

interface Measurement {
  readonly medianMs: number;
  readonly resources: number;
  readonly templateBytes: number;
}

function measure(define: (stack: Stack) => void): Measurement {
  const durations: number[] = [];
  let template: { Resources: object } = { Resources: {} };
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    const app = new App({ context: CONTEXT });
    const stack = new Stack(app, 'Bench', { env: ENV });
    define(stack);
    template = app.synth().getStackByName('Bench').template;
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return {
    medianMs: durations[Math.floor(durations.length / 2)],
    resources: Object.keys(template.Resources).length,
    templateBytes: JSON.stringify(template).length,
  };
}

// Warm up module loading so the first measured variant is not charged for it.
measure(handWritten);
const library = measure(withLibrary);
const manual = measure(handWritten);

const row = (name: string, m: Measurement) =>
  `${name.padEnd(26)} ${m.medianMs.toFixed(1).padStart(9)} ${String(m.resources).padStart(9)} ${String(m.templateBytes).padStart(14)}`;
console.log(`Synth of an isolated 3-AZ VPC with ${SERVICES.length} interface and 2 gateway endpoints, median of ${ITERATIONS} runs`);
console.log(`${'variant'.padEnd(26)} ${'synth ms'.padStart(9)} ${'resources'.padStart(9)} ${'template bytes'.padStart(14)}`);
console.log(row('cdk-private-endpoints', library));
console.log(row('hand-written aws-cdk-lib', manual));
console.log(`ratio library/hand-written: synth time ${(library.medianMs / manual.medianMs).toFixed(2)}, `
  + `resources ${(library.resources / manual.resources).toFixed(2)}, template bytes ${(library.templateBytes / manual.templateBytes).toFixed(2)}`);
