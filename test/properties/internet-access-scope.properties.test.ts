import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as fc from 'fast-check';
import { describeConstructProperty } from './construct-property';
import { appAndStack, envMistakes, schemaRegion } from './environment';
import { plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec } from './hostile';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import { buildVpc, definedInApp, inChina, peerRefuses, VpcContentsSpec, vpcContentsSpec } from './vpc-contents.arbitrary';
import { InternetAccessScope } from '../../src';
import { schemaViolations } from '../schema';

const text = (value: unknown) => JSON.stringify(value);

/** The subnets to cover: the default, a subnet type, an explicit list (possibly empty), or a group name. */
type SelectionSpec = 'default' | ec2.SubnetType | 'empty-list' | 'first-subnet' | 'unknown-group';

interface ScopeSpec {
  readonly vpc: VpcContentsSpec;
  readonly selection: SelectionSpec;
  readonly plainJs?: PlainJsSpec;
}

const scopeSpec: fc.Arbitrary<ScopeSpec> = fc.record({
  vpc: vpcContentsSpec,
  selection: fc.oneof(
    { weight: 12, arbitrary: fc.constant<SelectionSpec>('default') },
    {
      weight: 3,
      arbitrary: fc.constantFrom<SelectionSpec>(ec2.SubnetType.PRIVATE_ISOLATED, ec2.SubnetType.PRIVATE_WITH_EGRESS,
        ec2.SubnetType.PUBLIC),
    },
    { weight: 2, arbitrary: fc.constantFrom<SelectionSpec>('empty-list', 'first-subnet', 'unknown-group') },
  ),
  plainJs: plainJsSpec,
});

function selectionOf(vpc: ec2.IVpc, selection: SelectionSpec): ec2.SubnetSelection | undefined {
  switch (selection) {
    case 'default':
      return undefined;
    case 'empty-list':
      return { subnets: [] };
    case 'first-subnet':
      return { subnets: [...vpc.privateSubnets, ...vpc.isolatedSubnets, ...vpc.publicSubnets].slice(0, 1) };
    case 'unknown-group':
      return { subnetGroupName: 'NoSuchGroup' };
    default:
      return { subnetType: selection };
  }
}

/** The subnets the scope must cover, modelled from the VPC's own lists (not the construct's selection code). */
function expectedSubnets(vpc: ec2.IVpc, selection: SelectionSpec): ec2.ISubnet[] {
  switch (selection) {
    case 'default':
      return [...vpc.privateSubnets, ...vpc.isolatedSubnets];
    case 'empty-list':
    case 'unknown-group':
      return [];
    case 'first-subnet':
      return [...vpc.privateSubnets, ...vpc.isolatedSubnets, ...vpc.publicSubnets].slice(0, 1);
    case ec2.SubnetType.PRIVATE_ISOLATED:
      return vpc.isolatedSubnets;
    case ec2.SubnetType.PRIVATE_WITH_EGRESS:
      return vpc.privateSubnets;
    default:
      return vpc.publicSubnets;
  }
}

/** One scope from exactly the expected subnets to internet gateways; outputs of its ID and the commands. */
function invariantViolations(stack: Stack, spec: ScopeSpec, scope: InternetAccessScope, expected: ec2.ISubnet[], template: TemplateJson): string[] {
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${scope.node.path}/`)).map(([id]) => id));
  const scopes = resourcesOfType(template, 'AWS::EC2::NetworkInsightsAccessScope').filter(([id]) => own.has(id)).map(([, props]) => props);
  if (scopes.length !== 1) {
    return [`expected one access scope, got ${text(scopes)}`];
  }
  const ownResources = Object.fromEntries(Object.entries(template.Resources).filter(([id]) => own.has(id)));
  const violations = schemaViolations({ Resources: ownResources }, schemaRegion(spec.vpc.env));
  const expectedPath = {
    Destination: { ResourceStatement: { ResourceTypes: ['AWS::EC2::InternetGateway'] } },
    Source: { ResourceStatement: { Resources: stack.resolve(expected.map(subnet => subnet.subnetId)) } },
  };
  if (text(scopes[0].MatchPaths) !== text([expectedPath]) || scopes[0].ExcludePaths !== undefined) {
    violations.push(`the scope matches ${text(scopes[0].MatchPaths)}, not ${text([expectedPath])}`);
  }
  const outputs = Object.values((template as { Outputs?: Record<string, { Value: unknown }> }).Outputs ?? {}).map(output => text(output.Value));
  const scopeId = text(stack.resolve(scope.networkInsightsAccessScopeId));
  if (!outputs.includes(scopeId) || !outputs.some(value => value.includes('start-network-insights-access-scope-analysis') && value.includes(scopeId))
    || !outputs.some(value => value.includes('get-network-insights-access-scope-analysis-findings'))) {
    violations.push(`the outputs ${outputs.join(', ')} lack the scope ID or a command`);
  }
  return violations;
}

describeConstructProperty('InternetAccessScope', scopeSpec, spec => {
  const { app, stack } = appAndStack(spec.vpc.env);
  let scope: InternetAccessScope | undefined;
  let expected: ec2.ISubnet[] = [];
  let empty = false;
  return runConfiguration(app, stack, [`${stack.node.path}/Scope`, `${stack.node.path}/PeerControl`],
    [],
    () => {
      const vpc = buildVpc(stack, spec.vpc);
      expected = expectedSubnets(vpc, spec.selection);
      empty = expected.length === 0;
      scope = new InternetAccessScope(stack, 'Scope', plainJs('InternetAccessScope', { vpc, vpcSubnets: selectionOf(vpc, spec.selection) }, spec.plainJs));
    },
    (_, template) => [
      ...[
        ...envMistakes(spec.vpc.env),
        ...plainJsMistakes(spec.plainJs),
        ...(empty ? [`vpcSubnets (no subnet${definedInApp(spec.vpc) ? '' : ' of an imported VPC'})`] : []),
        ...(peerRefuses(spec.vpc, false) ? ['the peer\'s control (ENFORCE refuses the peering)'] : []),
        ...(inChina(spec.vpc) ? ['env.region (China, which has no AWS::EC2::NetworkInsightsAccessScope)'] : []),
      ].map(prop => `the template was synthesized despite the mistake in \`${prop}\``),
      ...invariantViolations(stack, spec, scope!, expected, template),
    ]);
});
