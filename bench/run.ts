import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import * as byHand from './hand-written';
import { CONTEXT, ENV, isolatedVpc, SERVICE_TARGETS } from './hand-written';
import { handWrittenApp, libraryApp } from './scale';
import { EndpointBundle, EndpointConsumer, EndpointServiceProvider, PrivateEgressVpc } from '../src';

// Compares the library with hand-written aws-cdk-lib equivalents of the same architectures, in the same run:
// median synth time (construct tree, validation and template) and template size, and their ratios; then the
// synth time of whole apps of many stacks, where the cost of looking across the app shows. Times are the CPU time
// of this process, which other processes on a busy machine inflate far less than the time on the clock.

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);

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
];

/** Milliseconds of CPU time (user and system) that `work` takes. */
function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Measurement {
  readonly medianMs: number;
  readonly resources: number;
  readonly templateBytes: number;
}

function measure(define: (stack: Stack) => void): Measurement {
  const durations: number[] = [];
  let template: { Resources: object } = { Resources: {} };
  for (let i = 0; i < ITERATIONS; i++) {
    durations.push(cpuMs(() => {
      const app = new App({ context: CONTEXT });
      define(new Stack(app, 'Bench', { env: ENV }));
      template = app.synth().getStackByName('Bench').template;
    }));
  }
  return {
    medianMs: median(durations),
    resources: Object.keys(template.Resources).length,
    templateBytes: JSON.stringify(template).length,
  };
}

const row = (name: string, m: Measurement) =>
  `  ${name.padEnd(26)} ${m.medianMs.toFixed(1).padStart(9)} ${String(m.resources).padStart(9)} ${String(m.templateBytes).padStart(14)}`;

console.log(`Median CPU time of ${ITERATIONS} synths per variant`);
for (const scenario of SCENARIOS) {
  // Warm up module loading and the JIT so that the first measured variant is not charged for it.
  measure(scenario.handWritten);
  const library = measure(scenario.library);
  const handWritten = measure(scenario.handWritten);
  console.log('', `${scenario.name}`);
  console.log(`  ${'variant'.padEnd(26)} ${'CPU ms'.padStart(9)} ${'resources'.padStart(9)} ${'template bytes'.padStart(14)}`);
  console.log(row('cdk-private-endpoints', library));
  console.log(row('hand-written aws-cdk-lib', handWritten));
  console.log(`  ratio library/hand-written: synth time ${(library.medianMs / handWritten.medianMs).toFixed(2)}, `
    + `resources ${(library.resources / handWritten.resources).toFixed(2)}, `
    + `template bytes ${(library.templateBytes / handWritten.templateBytes).toFixed(2)}`);
}

// How many workload stacks, and how many synths of each variant: fewer for the large apps, which take seconds each.
const SCALE_RUNS: Array<[stacks: number, runs: number]> = [[1, 41], [30, 9], [120, 5]];

function resourceCount(app: App): number {
  return app.synth().stacks.reduce((sum, stack) => sum + Object.keys(stack.template.Resources).length, 0);
}

console.log('', 'Apps of N workload stacks, each a PrivateEgressVpc with Session Manager endpoints and an EndpointConsumer with');
console.log('  a private hosted zone (half to a provider in a shared stack, half to a service name string); median CPU ms');
console.log(`  ${'stacks'.padEnd(6)} ${'runs'.padStart(4)} ${'library'.padStart(9)} ${'hand-written'.padStart(12)} ${'ratio'.padStart(6)}`
  + ` ${'resources library/hand-written'.padStart(31)}`);
for (const [stacks, runs] of SCALE_RUNS) {
  // The first synth of each variant warms up module loading and the JIT, and counts the resources.
  const resources = `${resourceCount(libraryApp(stacks))}/${resourceCount(handWrittenApp(stacks))}`;
  const library: number[] = [];
  const handWritten: number[] = [];
  // Alternating which variant goes first spreads the drift of a busy machine over both.
  for (let i = 0; i < runs; i++) {
    const pair = [() => library.push(cpuMs(() => libraryApp(stacks).synth())), () => handWritten.push(cpuMs(() => handWrittenApp(stacks).synth()))];
    (i % 2 === 0 ? pair : pair.reverse()).forEach(run => run());
  }
  console.log(`  ${String(stacks).padEnd(6)} ${String(runs).padStart(4)} ${median(library).toFixed(0).padStart(9)} `
    + `${median(handWritten).toFixed(0).padStart(12)} ${(median(library) / median(handWritten)).toFixed(2).padStart(6)} ${resources.padStart(31)}`);
}
