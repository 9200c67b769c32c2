import { performance } from 'node:perf_hooks';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53targets from 'aws-cdk-lib/aws-route53-targets';
import { EndpointBundle, EndpointConsumer, EndpointServiceProvider, PrivateEgressVpc } from '../src';

// Compares the library with hand-written aws-cdk-lib equivalents of the same architectures, in the same run:
// median synth time (construct tree, validation and template) and template size, and their ratios.

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const ENV = { account: '123456789012', region: 'us-east-1' };
const CONTEXT = { 'availability-zones:account=123456789012:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c'] };

// The example app's network: Session Manager, ECR image pulls, logs and metrics.
const BUNDLES = [EndpointBundle.SESSION_MANAGER, EndpointBundle.ECR_IMAGE_PULL];
const EXTRA_SERVICES = [ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING];
const SERVICES = [...EXTRA_SERVICES, ...BUNDLES.flatMap(bundle => bundle.interfaceEndpoints)];
const CONSUMER_PRINCIPAL = 'arn:aws:iam::222222222222:root';
const DOMAIN = 'orders.internal.example.com';

interface Scenario {
  readonly name: string;
  readonly library: (stack: Stack) => void;
  readonly handWritten: (stack: Stack) => void;
}

function isolatedVpc(stack: Stack, id = 'Vpc'): ec2.Vpc {
  return new ec2.Vpc(stack, id, {
    maxAzs: 3,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

const SCENARIOS: Scenario[] = [
  {
    name: `isolated 3-AZ VPC, flow logs, ${SERVICES.length} interface + 2 gateway endpoints`,
    library: stack => {
      new PrivateEgressVpc(stack, 'Network', { bundles: BUNDLES, interfaceEndpoints: EXTRA_SERVICES });
    },
    handWritten: stack => {
      const vpc = isolatedVpc(stack);
      vpc.addFlowLog('FlowLog', {
        destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(stack, 'FlowLogGroup', { retention: logs.RetentionDays.ONE_YEAR })),
      });
      const workloadSubnets = [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }];
      vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: workloadSubnets });
      vpc.addGatewayEndpoint('DynamoDb', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB, subnets: workloadSubnets });
      const securityGroup = new ec2.SecurityGroup(stack, 'EndpointSecurityGroup', { vpc, allowAllOutbound: false });
      securityGroup.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(443));
      SERVICES.forEach((service, i) => vpc.addInterfaceEndpoint(`Interface${i}`, { service, securityGroups: [securityGroup], open: false }));
    },
  },
  {
    name: 'PrivateLink provider (internal NLB) and consumer with split-horizon DNS',
    library: stack => {
      const provider = new EndpointServiceProvider(stack, 'Provider', {
        vpc: isolatedVpc(stack, 'ProviderVpc'),
        port: 443,
        targets: [new elbv2targets.IpTarget('10.0.0.10')],
        allowedPrincipals: [new iam.ArnPrincipal(CONSUMER_PRINCIPAL)],
      });
      new EndpointConsumer(stack, 'Consumer', { vpc: isolatedVpc(stack, 'ConsumerVpc'), service: provider, domainName: DOMAIN });
    },
    handWritten: stack => {
      const providerVpc = isolatedVpc(stack, 'ProviderVpc');
      const nlb = new elbv2.NetworkLoadBalancer(stack, 'LoadBalancer', {
        vpc: providerVpc,
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, onePerAz: true },
        internetFacing: false,
        crossZoneEnabled: true,
      });
      nlb.addListener('Listener', { port: 443 }).addTargets('Targets', { port: 443, targets: [new elbv2targets.IpTarget('10.0.0.10')] });
      const service = new ec2.VpcEndpointService(stack, 'EndpointService', {
        vpcEndpointServiceLoadBalancers: [nlb],
        acceptanceRequired: true,
        allowedPrincipals: [new iam.ArnPrincipal(CONSUMER_PRINCIPAL)],
      });
      const consumerVpc = isolatedVpc(stack, 'ConsumerVpc');
      const securityGroup = new ec2.SecurityGroup(stack, 'EndpointSecurityGroup', { vpc: consumerVpc, allowAllOutbound: false });
      securityGroup.addIngressRule(ec2.Peer.ipv4(consumerVpc.vpcCidrBlock), ec2.Port.tcp(443));
      const endpoint = new ec2.InterfaceVpcEndpoint(stack, 'Endpoint', {
        vpc: consumerVpc,
        service: new ec2.InterfaceVpcEndpointService(service.vpcEndpointServiceName, 443),
        securityGroups: [securityGroup],
        open: false,
        privateDnsEnabled: false,
      });
      const zone = new route53.PrivateHostedZone(stack, 'HostedZone', { zoneName: DOMAIN, vpc: consumerVpc });
      new route53.ARecord(stack, 'Record', { zone, target: route53.RecordTarget.fromAlias(new route53targets.InterfaceVpcEndpointTarget(endpoint)) });
    },
  },
];

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

const row = (name: string, m: Measurement) =>
  `  ${name.padEnd(26)} ${m.medianMs.toFixed(1).padStart(9)} ${String(m.resources).padStart(9)} ${String(m.templateBytes).padStart(14)}`;

console.log(`Median of ${ITERATIONS} synths per variant`);
for (const scenario of SCENARIOS) {
  // Warm up module loading and the JIT so that the first measured variant is not charged for it.
  measure(scenario.handWritten);
  const library = measure(scenario.library);
  const handWritten = measure(scenario.handWritten);
  console.log('', `${scenario.name}`);
  console.log(`  ${'variant'.padEnd(26)} ${'synth ms'.padStart(9)} ${'resources'.padStart(9)} ${'template bytes'.padStart(14)}`);
  console.log(row('cdk-private-endpoints', library));
  console.log(row('hand-written aws-cdk-lib', handWritten));
  console.log(`  ratio library/hand-written: synth time ${(library.medianMs / handWritten.medianMs).toFixed(2)}, `
    + `resources ${(library.resources / handWritten.resources).toFixed(2)}, `
    + `template bytes ${(library.templateBytes / handWritten.templateBytes).toFixed(2)}`);
}
