import { Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { describeConstructProperty } from './construct-property';
import { appAndStack, envMistakes, schemaRegion } from './environment';
import { plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import {
  buildVpc, hasNeverAllowed, inChina, peerRefuses, refusedKinds, VpcContentsSpec, vpcContentsSpec,
} from './vpc-contents.arbitrary';
import { EncryptionControlExclusion, EncryptionControlMode, VpcEncryptionControl } from '../../src';
import { schemaViolations } from '../schema';

const text = (value: unknown) => JSON.stringify(value);

/** The CloudFormation property of each exclusion, as the resource schema spells it (not the construct's table). */
const PROPERTY: Record<EncryptionControlExclusion, string> = {
  INTERNET_GATEWAY: 'InternetGatewayExclusionInput',
  EGRESS_ONLY_INTERNET_GATEWAY: 'EgressOnlyInternetGatewayExclusionInput',
  NAT_GATEWAY: 'NatGatewayExclusionInput',
  VIRTUAL_PRIVATE_GATEWAY: 'VirtualPrivateGatewayExclusionInput',
  VPC_PEERING: 'VpcPeeringExclusionInput',
  VPC_LATTICE: 'VpcLatticeExclusionInput',
  ELASTIC_FILE_SYSTEM: 'ElasticFileSystemExclusionInput',
  LAMBDA: 'LambdaExclusionInput',
};

interface ControlSpec {
  readonly vpc: VpcContentsSpec;
  readonly mode?: EncryptionControlMode;
  /** With repeats, as users may give them. */
  readonly exclusions?: EncryptionControlExclusion[];
  readonly plainJs?: PlainJsSpec;
}

const controlSpec: fc.Arbitrary<ControlSpec> = fc.record({
  vpc: vpcContentsSpec,
  mode: fc.option(fc.constantFrom(EncryptionControlMode.MONITOR, EncryptionControlMode.ENFORCE), { nil: undefined }),
  exclusions: fc.option(fc.array(fc.constantFrom(...Object.values(EncryptionControlExclusion)), { maxLength: 5 }), { nil: undefined }),
  plainJs: plainJsSpec,
});

/** What the configuration gets wrong, modelled from the spec: a template despite any of these is a violation. */
function mistakes(spec: ControlSpec): string[] {
  const enforce = spec.mode === EncryptionControlMode.ENFORCE;
  const excluded = new Set(spec.exclusions ?? []);
  const missing = enforce ? refusedKinds(spec.vpc).filter(kind => !excluded.has(kind)) : [];
  const strict = enforce && excluded.size === 0;
  return [
    ...envMistakes(spec.vpc.env),
    ...plainJsMistakes(spec.plainJs),
    ...missing.map(kind => `exclusions (ENFORCE without ${kind} for a resource that needs it)`),
    ...(enforce && hasNeverAllowed(spec.vpc) ? ['mode (ENFORCE with a Gateway Load Balancer)'] : []),
    ...(peerRefuses(spec.vpc, strict) ? ['the peer\'s control (ENFORCE refuses the peering)'] : []),
    ...(inChina(spec.vpc) ? ['env.region (China, which has no AWS::EC2::VPCEncryptionControl)'] : []),
  ];
}

/** One encryption control of the VPC with the mode asked for, and every exclusion asked for enabled, no other. */
function invariantViolations(stack: Stack, spec: ControlSpec, control: VpcEncryptionControl, template: TemplateJson): string[] {
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${control.node.path}/`)).map(([id]) => id));
  const controls = resourcesOfType(template, 'AWS::EC2::VPCEncryptionControl').filter(([id]) => own.has(id)).map(([, props]) => props);
  if (controls.length !== 1) {
    return [`expected one encryption control, got ${text(controls)}`];
  }
  const props = controls[0];
  // The schemas of the construct's own resource (the fixtures' types are not in every Region).
  const ownResources = Object.fromEntries(Object.entries(template.Resources).filter(([id]) => own.has(id)));
  const violations = schemaViolations({ Resources: ownResources }, schemaRegion(spec.vpc.env));
  const mode = spec.mode ?? EncryptionControlMode.MONITOR;
  if (props.Mode !== mode) {
    violations.push(`Mode ${props.Mode}, ${mode} asked for`);
  }
  for (const [exclusion, property] of Object.entries(PROPERTY)) {
    const asked = (spec.exclusions ?? []).includes(exclusion as EncryptionControlExclusion);
    if ((props[property] === 'enable') !== asked || (!asked && props[property] !== undefined)) {
      violations.push(`${property} is ${props[property]}, ${asked ? 'enable' : 'absent'} expected`);
    }
  }
  return violations;
}

describeConstructProperty('VpcEncryptionControl', controlSpec, spec => {
  const { app, stack } = appAndStack(spec.vpc.env);
  let control: VpcEncryptionControl | undefined;
  return runConfiguration(app, stack, [`${stack.node.path}/Control`, `${stack.node.path}/PeerControl`], mistakes(spec),
    () => {
      const vpc = buildVpc(stack, spec.vpc);
      control = new VpcEncryptionControl(stack, 'Control', plainJs('VpcEncryptionControl', { vpc, mode: spec.mode, exclusions: spec.exclusions }, spec.plainJs));
    },
    (_, template) => invariantViolations(stack, spec, control!, template));
});
