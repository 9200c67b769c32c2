import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import * as byHand from './hand-written';
import { CONTEXT, ENV, isolatedVpc, SERVICE_TARGETS } from './hand-written';
import { compare, Comparison, cpuMs, formatRatio, garbageCollectedBetweenRuns } from './measure';
import { handWrittenApp, libraryApp } from './scale';
import { CentralEndpointHub, EndpointBundle, EndpointConsumer, EndpointServiceProvider, PrivateEgressVpc } from '../src';
import { proveAssembly } from '../src/prove/prove';

// Compares the library with hand-written aws-cdk-lib equivalents of the same architectures, in the same run:
// synth time (construct tree, validation and template) and template size, and their ratios; then the synth time of
// whole apps of many stacks, where the cost of looking across the app shows. How the times are taken, and why, is in
// measure.ts.

// The example app's network: Session Manager, ECR image pulls, logs and metrics.
const BUNDLES = [EndpointBundle.SESSION_MANAGER, EndpointBundle.ECR_IMAGE_PULL];
const EXTRA_SERVICES = [ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING];
const SERVICES = [...EXTRA_SERVICES, ...BUNDLES.flatMap(bundle => bundle.interfaceEndpoints)];
const CONSUMER_PRINCIPAL = 'arn:aws:iam::222222222222:root';
// A platform team's hub: 150 of the AWS services aws-cdk-lib offers in us-east-1 (S3 and DynamoDB stay on gateway endpoints).
const SERVICE_NAMES = new Stack(undefined, 'ServiceNames', { env: ENV });
const HUB_SERVICES = Object.values(ec2.InterfaceVpcEndpointAwsService)
  .filter((service): service is ec2.InterfaceVpcEndpointAwsService => service instanceof ec2.InterfaceVpcEndpointAwsService)
  .filter(service => !['s3', 'dynamodb'].includes(service.shortName) && SERVICE_NAMES.resolve(service.name).startsWith('com.amazonaws.us-east-1.'))
  .filter((service, i, all) => all.findIndex(other => other.shortName === service.shortName) === i)
  .slice(0, 150);
const DOMAIN = 'orders.internal.example.com';

interface Scenario {
  readonly name: string;
  readonly library: (stack: Stack) => void;
  readonly handWritten: (stack: Stack) => void;
}

const SCENARIOS: Scenario[] = [
  {
    name: `isolated 3-AZ VPC, flow logs, ${SERVICES.length} interface + 2 gateway endpoints`,
    library: stack => {
      new PrivateEgressVpc(stack, 'Network', { bundles: BUNDLES, interfaceEndpoints: EXTRA_SERVICES });
    },
    handWritten: stack => {
      byHand.egressVpc(stack, SERVICES);
    },
  },
  {
    name: 'PrivateLink provider (internal NLB) and consumer with split-horizon DNS',
    library: stack => {
      const provider = new EndpointServiceProvider(stack, 'Provider', {
        vpc: isolatedVpc(stack, 'ProviderVpc'),
        port: 443,
        targets: SERVICE_TARGETS,
        allowedPrincipals: [new iam.ArnPrincipal(CONSUMER_PRINCIPAL)],
      });
      new EndpointConsumer(stack, 'Consumer', { vpc: isolatedVpc(stack, 'ConsumerVpc'), service: provider, domainName: DOMAIN });
    },
    handWritten: stack => {
      const service = byHand.provider(stack, isolatedVpc(stack, 'ProviderVpc'), 443, CONSUMER_PRINCIPAL);
      byHand.consumer(new Construct(stack, 'Consumer'), isolatedVpc(stack, 'ConsumerVpc'), service.vpcEndpointServiceName, 443, DOMAIN);
    },
  },
  {
    name: `central endpoint hub of ${HUB_SERVICES.length} services, the Route 53 Profile holding the endpoints`,
    library: stack => {
      new CentralEndpointHub(stack, 'Hub', { clientCidrs: ['10.0.0.0/8'], interfaceEndpoints: HUB_SERVICES, allowedPrincipals: ['222222222222'] });
    },
    handWritten: stack => {
      byHand.profileHub(stack, HUB_SERVICES, '222222222222');
    },
  },
];

/** The template of the variant's stack: its resources and size. */
function templateOf(define: (stack: Stack) => void): { resources: number; bytes: number } {
  const app = synthesizable(define);
  const template = app.synth().getStackByName('Bench').template;
  return { resources: Object.keys(template.Resources).length, bytes: JSON.stringify(template).length };
}

function synthesizable(define: (stack: Stack) => void): App {
  const app = new App({ context: CONTEXT });
  define(new Stack(app, 'Bench', { env: ENV }));
  return app;
}

// Untimed warm-up pairs, then timed pairs: a single stack synthesizes in tens of milliseconds, and the JIT takes
// about twenty synths to settle on it.
const SCENARIO_PAIRS = { warmUp: 30, timed: Number(process.env.BENCH_ITERATIONS ?? 41) };

const header = (first: string) => `  ${first.padEnd(26)} ${'library ms'.padStart(10)} ${'by hand ms'.padStart(10)} `
  + `${'ratio (25th–75th pct)'.padStart(21)}`;
const row = (first: string, c: Comparison) => `  ${first.padEnd(26)} ${c.libraryMs.toFixed(1).padStart(10)} `
  + `${c.handWrittenMs.toFixed(1).padStart(10)} ${formatRatio(c).padStart(21)}`;

console.log('Median CPU time per synth, library and hand-written interleaved in pairs; ratio library/hand-written is the median');
console.log(`of the per-pair ratios. Garbage collected before each run: ${garbageCollectedBetweenRuns ? 'yes' : 'no (run node with --expose-gc)'}.`);
for (const scenario of SCENARIOS) {
  const library = templateOf(scenario.library);
  const handWritten = templateOf(scenario.handWritten);
  const times = compare(() => synthesizable(scenario.library).synth(), () => synthesizable(scenario.handWritten).synth(),
    SCENARIO_PAIRS.warmUp, SCENARIO_PAIRS.timed);
  console.log('', `${scenario.name}`);
  console.log(header(`${times.pairs} pairs`));
  console.log(row('synth', times));
  console.log(`  resources ${library.resources}/${handWritten.resources} = ${(library.resources / handWritten.resources).toFixed(2)}, `
    + `template bytes ${library.bytes}/${handWritten.bytes} = ${(library.bytes / handWritten.bytes).toFixed(2)}`);
}

// How many workload stacks, with untimed warm-up pairs and timed pairs: fewer for the large apps, which take seconds each.
const SCALE_RUNS: Array<{ stacks: number; warmUp: number; timed: number }> = [
  { stacks: 1, warmUp: 30, timed: 61 },
  { stacks: 30, warmUp: 3, timed: 15 },
  { stacks: 120, warmUp: 2, timed: 7 },
];

function resourceCount(app: App): number {
  return app.synth().stacks.reduce((sum, stack) => sum + Object.keys(stack.template.Resources).length, 0);
}

console.log('', 'Apps of N workload stacks, each a PrivateEgressVpc with Session Manager endpoints and an EndpointConsumer with');
console.log('  a private hosted zone (half to a provider in a shared stack, half to a service name string)');
console.log(`${header('stacks (pairs), resources')}`);
for (const { stacks, warmUp, timed } of SCALE_RUNS) {
  const resources = `${resourceCount(libraryApp(stacks))}/${resourceCount(handWrittenApp(stacks))}`;
  const times = compare(() => libraryApp(stacks).synth(), () => handWrittenApp(stacks).synth(), warmUp, timed);
  console.log(row(`${stacks} (${timed}), ${resources}`, times));
}

// The reachability proof over the assembly of an app of 100 workload stacks, against that app's synth: CPU time of each,
// the median of several runs (the proof reads the templates from disk, as `cdk-private-endpoints prove` does).
const PROOF_STACKS = 100;
const PROOF_RUNS = 5;
const synthMs: number[] = [];
const proofMs: number[] = [];
let assemblyDirectory = '';
for (let run = 0; run < PROOF_RUNS; run++) {
  synthMs.push(cpuMs(() => {
    assemblyDirectory = libraryApp(PROOF_STACKS).synth().directory;
  }));
  proofMs.push(cpuMs(() => proveAssembly(assemblyDirectory)));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('', `Reachability proof of an app of ${PROOF_STACKS} workload stacks (median of ${PROOF_RUNS} runs, CPU time): `
  + `synth ${median(synthMs).toFixed(0)} ms, proof ${median(proofMs).toFixed(0)} ms = `
  + `${(100 * median(proofMs) / median(synthMs)).toFixed(1)}% of synth (${proveAssembly(assemblyDirectory).requirements.length} requirements)`);
