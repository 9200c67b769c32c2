import { fc, test } from '@fast-check/jest';
import { CfnElement, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { buildConsumer, consumerId, consumerSpec } from './endpoint-consumer.arbitrary';
import { buildProvider, providerId, providerSpec } from './endpoint-service-provider.arbitrary';
import { appAndStack, NUM_RUNS, PROPERTY_TIMEOUT_MS } from './environment';
import { logicalIdPaths, synthesize, TemplateJson } from './outcome';
import { buildEgressVpc, egressId, egressVpcSpec } from './private-egress-vpc.arbitrary';
import { bundle, bundleSpec, interfaceService, interfaceServiceSpec } from './services';
import { EndpointConsumer } from '../../src';

// Adding one endpoint, bundle, principal or consumer to a configuration changes only the resources that belong to
// it, so an edit never replaces or updates anything else on deploy (and removing it, the same diff read backwards,
// touches nothing else either). Each run synthesizes a configuration with and without the addition and compares the
// templates; configurations that end without a template (checked by the other properties) are skipped.

/** Twice the work of a property run, so fewer runs. */
const PARAMETERS = { numRuns: Math.max(1, Math.round(NUM_RUNS / 5)), markInterruptAsFailure: true };

/** The logical IDs of resources added, removed and changed between two templates. */
function diff(before: TemplateJson, after: TemplateJson) {
  const ids = (t: TemplateJson) => Object.keys(t.Resources);
  return {
    added: ids(after).filter(id => !(id in before.Resources)),
    removed: ids(before).filter(id => !(id in after.Resources)),
    changed: ids(before).filter(id => id in after.Resources && JSON.stringify(before.Resources[id]) !== JSON.stringify(after.Resources[id])),
  };
}

/** Synthesizes a configuration twice, the second time with `addition`; undefined when either ends without a template. */
function templatesWithAndWithout<Request>(env: Parameters<typeof appAndStack>[0], paths: string[], build: (stack: Stack) => Request,
  addition: (stack: Stack, request: Request) => void) {
  const synth = (add: boolean) => {
    const { app, stack } = appAndStack(env);
    let request: Request | undefined;
    try {
      const outcome = synthesize(app, stack, paths.map(p => `${stack.node.path}/${p}`), () => {
        request = build(stack);
        if (add) {
          addition(stack, request);
        }
      });
      return outcome.kind === 'template' ? { template: outcome.template, stack, request: request! } : undefined;
    } catch {
      return undefined;
    }
  };
  const [before, after] = [synth(false), synth(true)];
  return before && after ? { before, after } : undefined;
}

describe('edit locality properties', () => {
  test.prop([egressVpcSpec, fc.oneof(
    interfaceServiceSpec.map(service => ({ kind: 'interface' as const, service })),
    bundleSpec.map(added => ({ kind: 'bundle' as const, bundle: added })),
  )], PARAMETERS)('an interface endpoint or bundle added to a PrivateEgressVpc adds its endpoints and at most the ingress of their ports', (spec, addition) => {
    const result = templatesWithAndWithout(spec.env, [egressId(spec)], stack => buildEgressVpc(stack, spec), (stack, request) => {
      if (addition.kind === 'interface') {
        request.construct.addInterfaceEndpoint(interfaceService(stack, addition.service));
      } else {
        request.construct.addBundle(bundle(stack, addition.bundle));
      }
    });
    if (!result) {
      return;
    }
    const { added, removed, changed } = diff(result.before.template, result.after.template);
    const { stack, request } = result.after;
    const securityGroup = stack.resolve((request.construct.endpointSecurityGroup.node.defaultChild as CfnElement).logicalId);
    const ingressOnly = (id: string) => id === securityGroup
      && JSON.stringify({ ...result.before.template.Resources[id].Properties, SecurityGroupIngress: undefined })
      === JSON.stringify({ ...result.after.template.Resources[id].Properties, SecurityGroupIngress: undefined });
    // CDK renders a rule from a prefix list as an AWS::EC2::SecurityGroupIngress of its own.
    const endpointOrIngress = (id: string) => {
      const resource = result.after.template.Resources[id];
      return resource.Type === 'AWS::EC2::VPCEndpoint' || (resource.Type === 'AWS::EC2::SecurityGroupIngress'
        && JSON.stringify(resource.Properties.GroupId) === JSON.stringify({ 'Fn::GetAtt': [securityGroup, 'GroupId'] }));
    };
    expect({
      removed,
      addedOtherThanEndpoints: added.filter(id => !endpointOrIngress(id)),
      changedOtherThanIngress: changed.filter(id => !ingressOnly(id)),
    }).toEqual({ removed: [], addedOtherThanEndpoints: [], changedOtherThanIngress: [] });
  }, PROPERTY_TIMEOUT_MS);

  test.prop([providerSpec, fc.constantFrom('arn:aws:iam::777788889999:root', 'arn:aws:iam::777788889999:role/new')], PARAMETERS)(
    'a principal added to an EndpointServiceProvider changes only its permissions', (spec, arn) => {
      const result = templatesWithAndWithout(spec.env, [providerId(spec)], stack => buildProvider(stack, spec),
        (_, request) => request.construct.addAllowedPrincipal(new iam.ArnPrincipal(arn)));
      if (!result) {
        return;
      }
      const { added, removed, changed } = diff(result.before.template, result.after.template);
      const permissions = (id: string) => result.after.template.Resources[id].Type === 'AWS::EC2::VPCEndpointServicePermissions';
      expect({ removed, other: [...added, ...changed].filter(id => !permissions(id)) }).toEqual({ removed: [], other: [] });
    }, PROPERTY_TIMEOUT_MS);

  test.prop([consumerSpec], PARAMETERS)('a consumer added to a stack adds only resources of its own', spec => {
    const result = templatesWithAndWithout(spec.env, [consumerId(spec), 'SecondConsumer', 'Provider', 'Added'],
      stack => buildConsumer(stack.node.root as never, stack, spec),
      (stack, request) => new EndpointConsumer(stack, 'Added', { vpc: request.vpc, service: request.service }));
    if (!result) {
      return;
    }
    const { added, removed, changed } = diff(result.before.template, result.after.template);
    const paths = logicalIdPaths(result.after.stack);
    const addedPath = `${result.after.stack.node.path}/Added/`;
    expect({ removed, changed, foreign: added.filter(id => !paths.get(id)?.startsWith(addedPath)) })
      .toEqual({ removed: [], changed: [], foreign: [] });
  }, PROPERTY_TIMEOUT_MS);
});
