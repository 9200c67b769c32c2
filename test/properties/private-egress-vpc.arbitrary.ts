import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as fc from 'fast-check';
import { clientCidrs, clientCidrsMistakes, ClientCidrSpec, clientCidrsSpec } from './client-cidrs';
import { EnvSpec, envMistakes, envSpec, mostly, numberToken, sometimes } from './environment';
import { constructId, longIdSpec, plainJs, plainJsMistakes, PlainJsSpec, plainJsSpec, vpcBlockMistakes, VpcBlockSpec, vpcBlockSpec } from './hostile';
import {
  bundle, BundleSpec, bundleSpec, gatewayService, GatewayServiceSpec, gatewayServiceSpec, interfaceService,
  InterfaceServiceSpec, interfaceServiceSpec, policy, PolicySpec, policySpec, RESTRICTABLE_SERVICES, serviceNameMistakes,
} from './services';
import { buildVpc, SubnetGroupSpec, subnetGroups, subnetSelection, SubnetSelectionSpec, subnetSelectionSpec, VpcSpec, vpcSpec } from './vpcs';
import { PrivateEgressVpc } from '../../src';
import { selectSubnets } from '../../src/private/wiring/subnet-selection';

/** An `add*` call after construction. */
export type LaterCall =
  | { readonly kind: 'interface'; readonly service: InterfaceServiceSpec; readonly privateDnsEnabled?: boolean; readonly policy?: PolicySpec }
  | { readonly kind: 'gateway'; readonly service: GatewayServiceSpec; readonly subnets?: SubnetSelectionSpec[]; readonly policy?: PolicySpec }
  | { readonly kind: 'bundle'; readonly bundle: BundleSpec };

/** A PrivateEgressVpc configuration, as plain data that fast-check can shrink and print. */
export interface EgressVpcSpec {
  readonly env: EnvSpec;
  /** Undefined: the construct defines the VPC. */
  readonly vpc?: VpcSpec;
  readonly maxAzs?: number;
  readonly cidrMask?: number;
  readonly flowLogsEnabled?: boolean;
  readonly gatewayEndpoints?: GatewayServiceSpec[];
  readonly interfaceEndpoints?: InterfaceServiceSpec[];
  readonly bundles?: BundleSpec[];
  readonly endpointPolicy?: PolicySpec;
  readonly endpointSubnets?: SubnetSelectionSpec;
  readonly endpointAzs?: number | 'token';
  readonly privateDnsEnabled?: boolean;
  readonly clientCidrs?: ClientCidrSpec[];
  readonly later: LaterCall[];
  /** The user adds a default route through a new internet gateway to the first workload route table. */
  readonly internetRoute: boolean;
  /** The VPC's block, for a VPC the construct defines. */
  readonly ipAddresses?: VpcBlockSpec;
  readonly plainJs?: PlainJsSpec;
  readonly longId: boolean;
}

const laterCall = (groups: SubnetGroupSpec[]): fc.Arbitrary<LaterCall> => fc.oneof(
  fc.record({
    kind: fc.constant('interface' as const),
    service: interfaceServiceSpec,
    privateDnsEnabled: sometimes(fc.boolean()),
    policy: sometimes(policySpec),
  }),
  fc.record({
    kind: fc.constant('gateway' as const),
    service: gatewayServiceSpec,
    // Mostly the subnets that host workloads, where a gateway endpoint belongs; sometimes any, public ones included.
    subnets: sometimes(fc.array(mostly(subnetSelectionSpec(workloadGroups(groups)), subnetSelectionSpec(groups)), { minLength: 1, maxLength: 2 })),
    policy: sometimes(policySpec),
  }),
  fc.record({ kind: fc.constant('bundle' as const), bundle: bundleSpec }),
);

/** The private and isolated subnet groups, or every group when there are none. */
function workloadGroups(groups: SubnetGroupSpec[]): SubnetGroupSpec[] {
  const workload = groups.filter(group => group.kind !== 'public');
  return workload.length > 0 ? workload : groups;
}

export const egressVpcSpec: fc.Arbitrary<EgressVpcSpec> = fc.option(vpcSpec, { nil: undefined }).chain(vpc => fc.record({
  env: envSpec(RESTRICTABLE_SERVICES),
  vpc: fc.constant(vpc),
  // They shape a VPC the construct defines: given with an adopted one, they are a mistake.
  maxAzs: vpc ? sometimes(sometimes(fc.constant(2))) : sometimes(mostly(fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, 7))),
  cidrMask: vpc ? sometimes(sometimes(fc.constant(24))) : sometimes(mostly(fc.integer({ min: 20, max: 28 }), fc.constantFrom(14, 16, 29))),
  flowLogsEnabled: sometimes(fc.boolean()),
  gatewayEndpoints: sometimes(fc.array(gatewayServiceSpec, { maxLength: 3 })),
  interfaceEndpoints: fc.option(fc.array(interfaceServiceSpec, { maxLength: 5 }), { nil: undefined }),
  bundles: sometimes(fc.array(bundleSpec, { minLength: 1, maxLength: 2 })),
  endpointPolicy: sometimes(policySpec),
  endpointSubnets: sometimes(subnetSelectionSpec(subnetGroups(vpc))),
  endpointAzs: sometimes(mostly(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 1.5, 'token' as const))),
  privateDnsEnabled: sometimes(fc.boolean()),
  clientCidrs: sometimes(clientCidrsSpec),
  later: fc.array(laterCall(subnetGroups(vpc)), { maxLength: 2 }),
  internetRoute: mostly(fc.constant(false), fc.constant(true)),
  ipAddresses: vpc ? fc.constant(undefined) : sometimes(vpcBlockSpec),
  plainJs: plainJsSpec,
  longId: longIdSpec,
}));

export function egressId(spec: EgressVpcSpec): string {
  return constructId('Egress', spec.longId);
}

/** The props a spec gets wrong, each of which must be reported. */
export function egressMistakes(spec: EgressVpcSpec): string[] {
  const services = [...spec.interfaceEndpoints ?? [], ...spec.later.flatMap(call => call.kind === 'interface' ? [call.service] : [])];
  const bundled = [...spec.bundles ?? [], ...spec.later.flatMap(call => call.kind === 'bundle' ? [call.bundle] : [])]
    .flatMap(b => b.kind === 'custom' ? b.services : []);
  return [
    ...clientCidrsMistakes(spec.clientCidrs),
    ...envMistakes(spec.env),
    ...serviceNameMistakes('interfaceEndpoints', services),
    ...serviceNameMistakes('bundles', bundled),
    ...vpcBlockMistakes(spec.ipAddresses, spec.env, spec.maxAzs, spec.cidrMask),
    ...plainJsMistakes(spec.plainJs),
  ];
}

/** What the construct was asked for, to compare the template with. */
export interface EgressVpcRequest {
  readonly construct: PrivateEgressVpc;
  readonly interfaceServices: ec2.IInterfaceVpcEndpointService[];
  readonly gatewayServices: ec2.IGatewayVpcEndpointService[];
  /** Gateway services given a subnet selection, with the subnets it selects. */
  readonly gatewaySelections: Array<{ readonly service: ec2.IGatewayVpcEndpointService; readonly subnets: ec2.ISubnet[] }>;
  readonly clientCidrs: string[];
}

export function buildEgressVpc(stack: Stack, spec: EgressVpcSpec): EgressVpcRequest {
  const adopted = spec.vpc && buildVpc(stack, spec.env, spec.vpc);
  const interfaceSpecs = spec.interfaceEndpoints ?? [];
  const bundles = (spec.bundles ?? []).map(b => bundle(stack, b));
  const interfaceServices = interfaceSpecs.map(s => interfaceService(stack, s));
  const gatewayServices = (spec.gatewayEndpoints ?? ['s3', 'dynamodb']).map(gatewayService);
  const clients = clientCidrs(stack, spec.clientCidrs ?? []);
  const construct = new PrivateEgressVpc(stack, egressId(spec), plainJs('PrivateEgressVpc', {
    vpc: adopted,
    ipAddresses: spec.ipAddresses && ec2.IpAddresses.cidr(spec.ipAddresses.value),
    maxAzs: spec.maxAzs,
    cidrMask: spec.cidrMask,
    flowLogsEnabled: spec.flowLogsEnabled,
    gatewayEndpoints: spec.gatewayEndpoints && gatewayServices,
    interfaceEndpoints: spec.interfaceEndpoints && interfaceServices,
    bundles: spec.bundles && bundles,
    endpointPolicy: spec.endpointPolicy && policy(spec.endpointPolicy),
    endpointSubnets: spec.endpointSubnets && subnetSelection((adopted ?? stack).availabilityZones, spec.endpointSubnets),
    endpointAzs: spec.endpointAzs === 'token' ? numberToken(stack) : spec.endpointAzs,
    privateDnsEnabled: spec.privateDnsEnabled,
    clientCidrs: spec.clientCidrs && clients,
  }, spec.plainJs));
  const request: EgressVpcRequest = {
    construct,
    interfaceServices: [...interfaceServices, ...bundles.flatMap(b => b.interfaceEndpoints)],
    gatewayServices,
    gatewaySelections: [],
    clientCidrs: clients,
  };
  for (const call of spec.later) {
    applyLaterCall(stack, construct, call, request);
  }
  if (spec.internetRoute) {
    addInternetRoute(stack, construct.vpc);
  }
  return request;
}

function applyLaterCall(stack: Stack, construct: PrivateEgressVpc, call: LaterCall, request: EgressVpcRequest): void {
  switch (call.kind) {
    case 'interface': {
      const service = interfaceService(stack, call.service);
      request.interfaceServices.push(service);
      construct.addInterfaceEndpoint(service, { privateDnsEnabled: call.privateDnsEnabled, policy: call.policy && policy(call.policy) });
      return;
    }
    case 'gateway': {
      const service = gatewayService(call.service);
      request.gatewayServices.push(service);
      const subnets = call.subnets?.map(s => subnetSelection(construct.vpc.availabilityZones, s));
      construct.addGatewayEndpoint(service, { subnets, policy: call.policy && policy(call.policy) });
      if (subnets) {
        // A selection the VPC cannot make selects nothing (the construct reports it), as in the library.
        request.gatewaySelections.push({ service, subnets: subnets.flatMap(s => selectSubnets(construct.vpc, s).subnets) });
      }
      return;
    }
    case 'bundle': {
      const added = bundle(stack, call.bundle);
      request.interfaceServices.push(...added.interfaceEndpoints);
      construct.addBundle(added);
      return;
    }
  }
}

function addInternetRoute(stack: Stack, vpc: ec2.IVpc): void {
  const subnet = [...vpc.isolatedSubnets, ...vpc.privateSubnets][0];
  if (!subnet?.routeTable?.routeTableId) {
    return;
  }
  const gateway = new ec2.CfnInternetGateway(stack, 'UserInternetGateway');
  new ec2.CfnRoute(stack, 'UserDefaultRoute', {
    routeTableId: subnet.routeTable.routeTableId,
    destinationCidrBlock: '0.0.0.0/0',
    gatewayId: gateway.ref,
  });
}
