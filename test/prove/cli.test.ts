import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnParameter, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NetworkRequirements, PrivateEgressVpc, ReachabilityProof } from '../../src';
import { readAssembly, UnreadableAssemblyError } from '../../src/prove/assembly';
import { runCli } from '../../src/prove/cli';
import { proveAssembly } from '../../src/prove/prove';
import { mermaidReport, proofHolds, summaryLine, textReport } from '../../src/prove/report';
import { ACCOUNT, AZS, REGION } from '../util';

/** An app with a PrivateEgressVpc offering STS, synthesized into a directory of its own; `configure` may add to it. */
function synthesized(configure: (stack: Stack, egress: PrivateEgressVpc) => void = () => undefined, stage = false): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-'));
  const app = new App({ outdir, context: { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS } });
  const scope = stage ? new Stage(app, 'Prod') : app;
  const stack = new Stack(scope, 'Workloads', { env: { account: ACCOUNT, region: REGION } });
  const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });
  configure(stack, egress);
  app.synth();
  return outdir;
}

function cli(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, text => out.push(text), text => err.push(text));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('readAssembly', () => {
  test('reads the stacks of nested assemblies (stages), with their environment and construct paths', () => {
    // GIVEN
    const outdir = synthesized(undefined, true);

    // WHEN
    const stacks = readAssembly(outdir);

    // THEN
    expect(stacks.map(s => [s.id, s.account, s.region])).toEqual([['Prod/ProdWorkloads045C8371', ACCOUNT, REGION]]);
    expect(Object.values(stacks[0].constructPaths)).toContain('Prod/Workloads/Egress/Vpc/Resource');
  });

  test('throws UnreadableAssemblyError for a directory without a manifest, or a manifest that is not JSON', () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-broken-'));
    expect(() => readAssembly(broken)).toThrow(UnreadableAssemblyError);
    fs.writeFileSync(path.join(broken, 'manifest.json'), '{ not json');
    expect(() => readAssembly(broken)).toThrow(/manifest.json is not JSON/);
  });
});

describe('cdk-private-endpoints prove', () => {
  test('exits 0 with a table per VPC when every requirement holds', () => {
    // GIVEN
    const outdir = synthesized();

    // WHEN
    const { code, out } = cli('prove', outdir);

    // THEN
    expect(code).toBe(0);
    expect(out).toMatch(/^VPC Workloads\/Egress\/Vpc\n/);
    expect(out).toMatch(/ok {3}Workloads\/Egress\/Vpc\/IsolatedSubnet1 \(us-east-1a\) -> sts \(sts\.us-east-1\.amazonaws\.com\): via Workloads\/Egress\/InterfaceEndpoints\/Sts/);
    expect(out).toMatch(/9 reachable, 0 unreachable, 0 unknown; 0 forbidden internet paths \(0 allowed\)$/);
  });

  test('exits 1 naming the subnet, the service and the hop when a declared service is not reached', () => {
    // GIVEN
    const outdir = synthesized((_, egress) => NetworkRequirements.requireServices(egress.vpc, ['kms']));

    // WHEN
    const { code, out } = cli('prove', outdir);

    // THEN
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL Workloads\/Egress\/Vpc\/IsolatedSubnet1 \(us-east-1a\) -> kms \(kms\.us-east-1\.amazonaws\.com\): dns: kms\.us-east-1\.amazonaws\.com resolves to the service's public address/);
  });

  test('exits 1 for an internet path from a VPC that forbids one', () => {
    // GIVEN: a VPC with a NAT gateway, declared private (a PrivateEgressVpc itself refuses such a route at synth)
    const outdir = synthesized(stack => NetworkRequirements.forbidInternet(new ec2.Vpc(stack, 'Legacy', { maxAzs: 1, natGateways: 1 })));

    // WHEN
    const { code, out } = cli('prove', outdir);

    // THEN
    expect(code).toBe(1);
    expect(out).toMatch(/FORBIDDEN internet path from Workloads\/Legacy\/PrivateSubnet1: nat-gateway, route to 0\.0\.0\.0\/0 through Workloads\/Legacy\/PublicSubnet1\/NATGateway/);
  });

  test('prints JSON and Mermaid on request', () => {
    const outdir = synthesized();
    const json = JSON.parse(cli('prove', outdir, '--json').out);
    expect(json.requirements).toHaveLength(9);
    expect(json.requirements[2]).toMatchObject({ service: 'sts', verdict: 'reachable', host: 'sts.us-east-1.amazonaws.com' });
    expect(cli('prove', outdir, '--mermaid').out).toMatch(/^flowchart LR\n {2}n0\["Workloads\/Egress\/Vpc\/IsolatedSubnet1"\] -->\|"s3: reachable"\|/);
  });

  test('exits 2 for an unreadable assembly or a wrong command line', () => {
    expect(cli('prove', path.join(os.tmpdir(), 'no-such-assembly'))).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read .*manifest\.json/) });
    expect(cli('verify')).toMatchObject({ code: 2, err: expect.stringMatching(/^usage: cdk-private-endpoints prove/) });
    expect(cli('prove', 'a', 'b').code).toBe(2);
    expect(cli('prove', '--yaml').code).toBe(2);
  });

  test('exits 1 with --strict when a requirement is undecidable', () => {
    // GIVEN: a service named by a parameter, known only at deploy time
    const outdir = synthesized((stack, egress) => egress.vpc.addInterfaceEndpoint('ByParameter', {
      service: new ec2.InterfaceVpcEndpointService(new CfnParameter(stack, 'ServiceName').valueAsString, 443),
    }));

    // THEN
    expect(cli('prove', outdir).code).toBe(0);
    expect(cli('prove', outdir, '--strict').code).toBe(1);
  });
});

describe('reports', () => {
  test('summarize, and say whether the proof holds', () => {
    const result = proveAssembly(synthesized((_, egress) => NetworkRequirements.requireServices(egress.vpc, ['kms'])));
    expect(proofHolds(result)).toBe(false);
    expect(summaryLine(result)).toBe('9 reachable, 3 unreachable, 0 unknown; 0 forbidden internet paths (0 allowed)');
    expect(textReport(result)).toMatch(/host names: the AWS SDKs' endpoint data \(botocore [0-9.]+\)/);
    expect(mermaidReport(result)).toMatch(/-\.->\|"kms: unreachable"\|/);
  });
});

describe('ReachabilityProof', () => {
  test('fails synth with the subnet, the service and the hop', () => {
    // GIVEN
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-plugin-'));
    const app = new App({ outdir, context: { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS } });
    Validations.of(app).addPlugins(new ReachabilityProof());
    const stack = new Stack(app, 'Workloads', { env: { account: ACCOUNT, region: REGION } });
    const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });
    NetworkRequirements.requireServices(egress.vpc, ['kms']);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    // THEN
    expect(() => app.synth()).toThrow(/Workloads\/Egress\/Vpc\/IsolatedSubnet1 does not reach kms \(kms\.us-east-1\.amazonaws\.com\) privately: dns:/);
    errors.mockRestore();
  });

  test('lets synth pass when the proof holds', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-plugin-'));
    const app = new App({ outdir, context: { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS } });
    Validations.of(app).addPlugins(new ReachabilityProof());
    const stack = new Stack(app, 'Workloads', { env: { account: ACCOUNT, region: REGION } });
    new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });
    expect(() => app.synth()).not.toThrow();
  });
});
