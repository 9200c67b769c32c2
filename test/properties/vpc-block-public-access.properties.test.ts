import { App, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { describeConstructProperty } from './construct-property';
import { appAndStack } from './environment';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import { stackTemplateViolations } from './service-network-invariants';
import { blockMistakes, blockPaths, BlockRequest, BlockSpec, blockSpec, buildBlock } from './vpc-block-public-access.arbitrary';

const text = (value: unknown) => JSON.stringify(value);

/**
 * The ID an exclusion names its VPC or subnet by in the block's stack: a literal (an imported VPC's) as it is, an attribute
 * by `Ref` in its own stack and by an import from another.
 */
function targetIdMatches(stack: Stack, target: ec2.IVpc | ec2.ISubnet, written: unknown): boolean {
  const id = 'subnetId' in target ? target.subnetId : target.vpcId;
  const importedFromOtherStack = Stack.of(target) !== stack && Token.isUnresolved(id);
  return text(written) === text(stack.resolve(id)) || (importedFromOtherStack && (text(written) ?? '').startsWith('{"Fn::ImportValue":'));
}

/**
 * One options resource with the mode asked for (bidirectional by default); exactly one exclusion per VPC or subnet asked
 * for, naming it by the ID of the kind asked for, with the mode asked for or the mode's default (egress only under the
 * bidirectional block, both directions under the ingress block); none other; the options set after every exclusion.
 */
function invariantViolations(app: App, stack: Stack, spec: BlockSpec, request: BlockRequest, template: TemplateJson): string[] {
  const violations: string[] = [];
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${request.construct.node.path}/`)).map(([id]) => id));
  const mine = (type: string) => resourcesOfType(template, type).filter(([id]) => own.has(id));

  const mode = spec.mode ?? 'block-bidirectional';
  const options = mine('AWS::EC2::VPCBlockPublicAccessOptions');
  if (options.length !== 1 || options[0][1].InternetGatewayBlockMode !== mode) {
    violations.push(`options ${text(options)}, one with ${mode} expected`);
  }

  const defaultMode = mode === 'block-ingress' ? 'allow-bidirectional' : 'allow-egress';
  const exclusions = mine('AWS::EC2::VPCBlockPublicAccessExclusion');
  const unmatched = [...exclusions];
  for (const { target, kind, mode: asked } of request.exclusions) {
    const property = kind === 'VPC' ? 'VpcId' : 'SubnetId';
    const expectedMode = asked ?? defaultMode;
    const index = unmatched.findIndex(([, props]) => props.InternetGatewayExclusionMode === expectedMode
      && targetIdMatches(stack, target, props[property]) && props[kind === 'VPC' ? 'SubnetId' : 'VpcId'] === undefined);
    if (index < 0) {
      violations.push(`no ${expectedMode} exclusion of the ${kind} at ${target.node.path}, among ${text(unmatched)}`);
    } else {
      unmatched.splice(index, 1);
    }
  }
  if (unmatched.length > 0) {
    violations.push(`exclusions not asked for: ${text(unmatched)}`);
  }

  const dependsOn = new Set(resourcesOfType(template, 'AWS::EC2::VPCBlockPublicAccessOptions').length === 0 ? []
    : Object.values(template.Resources).find(r => r.Type === 'AWS::EC2::VPCBlockPublicAccessOptions')?.DependsOn ?? []);
  const notFirst = exclusions.map(([id]) => id).filter(id => !dependsOn.has(id));
  if (notFirst.length > 0) {
    violations.push(`the options do not wait for the exclusions ${notFirst.join(', ')}`);
  }
  return [...violations, ...stackTemplateViolations(app)];
}

describeConstructProperty('VpcBlockPublicAccess', blockSpec, spec => {
  const { app, stack } = appAndStack(spec.env);
  return runConfiguration(app, stack, blockPaths(stack, spec), blockMistakes(spec),
    () => buildBlock(app, stack, spec),
    (request, template) => invariantViolations(app, stack, spec, request, template));
});
