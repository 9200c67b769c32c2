import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, Stack, StackProps, Stage, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AwsSolutionsChecks as AwsSolutionsChecks3 } from 'cdk-nag3';
import { Construct } from 'constructs';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

/** The AZs the test account sees in us-east-1, as the CLI would put them in context. */
export const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** A fresh app and a stack with a fixed env, so AZs and names are deterministic. */
export function testStack(props: StackProps = {}, context: Record<string, unknown> = {}): { app: App; stack: Stack } {
  const app = new App({ context: { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS, ...context } });
  const stack = new Stack(app, 'TestStack', { env: { account: ACCOUNT, region: REGION }, ...props });
  return { app, stack };
}

/** The messages of the synth-time validation errors of the app, or [] when it synthesizes. */
export function validationErrors(app: App): string[] {
  try {
    app.synth();
    return [];
  } catch (e) {
    return (e as Error).message.split('\n').map(line => line.trim()).filter(line => line.startsWith('['));
  }
}

/** Runs cdk-nag 2's AwsSolutions pack on the stack and returns its errors. */
export function awsSolutionsErrors(stack: Stack) {
  Aspects.of(stack).add(new AwsSolutionsChecks());
  return Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'));
}

/** The part of the cloud assembly's validation report that the cdk-nag 3 helper reads. */
interface ValidationReport {
  readonly pluginReports: {
    readonly pluginName: string;
    readonly violations: {
      readonly ruleName: string;
      readonly severity: string;
      readonly violatingConstructs: { readonly constructPath: string }[];
    }[];
  }[];
}

/**
 * Runs cdk-nag 3's AwsSolutions pack as its README tells users to: registered on the app with
 * `Validations.of(app).addPlugins(...)`, run when the app is synthesized, its findings written to the cloud
 * assembly's validation report. Returns the errors on the stack's constructs, as `<rule> at <construct path>`
 * (a rule with findings, like IAM4, is named with its finding: `AwsSolutions-IAM4[Policy::...]`).
 *
 * Synthesizes the stack's app, so call it once per app, after the app is complete.
 */
export function awsSolutionsErrorsV3(stack: Stack): string[] {
  const app = Stage.of(stack)!;
  const pack = new AwsSolutionsChecks3(app);
  Validations.of(app).addPlugins(pack);
  const reportFile = path.join(app.outdir, cxapi.VALIDATION_REPORT_FILE);
  try {
    app.synth();
  } catch (e) {
    // A failed validation throws after writing the report; anything else (a construct's own validation) rethrows.
    if (!fs.existsSync(reportFile)) {
      throw e;
    }
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf-8')) as ValidationReport;
  return report.pluginReports
    .filter(pluginReport => pluginReport.pluginName === pack.name)
    .flatMap(pluginReport => pluginReport.violations)
    .filter(violation => violation.severity === 'error')
    .flatMap(violation => violation.violatingConstructs.map(c => ({ rule: violation.ruleName, path: c.constructPath })))
    .filter(finding => finding.path.startsWith(`${stack.node.path}/`))
    .map(finding => `${finding.rule} at ${finding.path}`);
}

/** Both majors of cdk-nag's AwsSolutions pack, by name, for `test.each`: each returns the stack's errors. */
export const AWS_SOLUTIONS_CHECKS: [string, (stack: Stack) => unknown[]][] = [
  ['cdk-nag 2', awsSolutionsErrors],
  ['cdk-nag 3', awsSolutionsErrorsV3],
];

/** A VPC with isolated subnets only (no internet or NAT gateway), in `maxAzs` AZs (3 unless given). */
export function isolatedVpc(scope: Construct, id = 'Vpc', props: ec2.VpcProps = {}): ec2.Vpc {
  return new ec2.Vpc(scope, id, {
    natGateways: 0,
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    ...props,
  });
}
