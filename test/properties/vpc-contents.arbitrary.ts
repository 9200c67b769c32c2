import { Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import * as fc from 'fast-check';
import { EnvSpec, envSpec, mostly } from './environment';
import { EncryptionControlExclusion, EncryptionControlMode, VpcEncryptionControl } from '../../src';

// A VPC with random contents, for the VPC-level controls (VpcEncryptionControl, InternetAccessScope): defined in the app
// with or without public subnets and NAT gateways, or imported (by literal or by token, with or without subnets); and
// what an app puts in or attaches to it besides, by L1 or L2.

export type VpcKind = 'isolated' | 'public' | 'private-with-nat' | 'imported' | 'imported-token' | 'imported-no-subnets';

/** A peering connection to another VPC of the app, and how that VPC is controlled. */
export interface PeeringSpec {
  readonly direction: 'requester' | 'accepter';
  readonly peerControl: 'none' | 'monitor' | 'enforce' | 'enforce-with-exclusion';
  readonly otherRegion: boolean;
}

export interface VpcContentsSpec {
  readonly env: EnvSpec;
  readonly kind: VpcKind;
  readonly egressOnlyGateway: boolean;
  readonly vpnGateway: boolean;
  readonly peering?: PeeringSpec;
  readonly lambdaFunction: boolean;
  readonly efsMountTarget: boolean;
  readonly latticeAssociation: boolean;
  readonly gatewayLoadBalancer: boolean;
}

export const vpcContentsSpec: fc.Arbitrary<VpcContentsSpec> = fc.record({
  env: envSpec([]),
  kind: fc.constantFrom<VpcKind>('isolated', 'isolated', 'public', 'private-with-nat', 'imported', 'imported-token', 'imported-no-subnets'),
  egressOnlyGateway: mostly(fc.constant(false), fc.constant(true)),
  vpnGateway: mostly(fc.constant(false), fc.constant(true)),
  peering: fc.option(fc.record({
    direction: fc.constantFrom<PeeringSpec['direction']>('requester', 'accepter'),
    peerControl: fc.constantFrom<PeeringSpec['peerControl']>('none', 'monitor', 'enforce', 'enforce-with-exclusion'),
    otherRegion: fc.boolean(),
  }), { nil: undefined, freq: 4 }),
  lambdaFunction: mostly(fc.constant(false), fc.constant(true)),
  efsMountTarget: mostly(fc.constant(false), fc.constant(true)),
  latticeAssociation: mostly(fc.constant(false), fc.constant(true)),
  gatewayLoadBalancer: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const IMPORTED_SUBNET = 'subnet-0123456789abcdef0';

/** The VPC, with its contents, in the stack. */
export function buildVpc(stack: Stack, spec: VpcContentsSpec): ec2.IVpc {
  const vpc = defineVpc(stack, spec);
  const subnetIds = [...vpc.privateSubnets, ...vpc.isolatedSubnets, ...vpc.publicSubnets].map(subnet => subnet.subnetId);
  if (spec.egressOnlyGateway) {
    new ec2.CfnEgressOnlyInternetGateway(stack, 'Eigw', { vpcId: vpc.vpcId });
  }
  if (spec.vpnGateway) {
    const gateway = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
    new ec2.CfnVPCGatewayAttachment(stack, 'VgwAttachment', { vpcId: vpc.vpcId, vpnGatewayId: gateway.ref });
  }
  if (spec.peering) {
    definePeering(stack, vpc, spec.peering);
  }
  if (spec.lambdaFunction && subnetIds.length > 0) {
    new lambda.CfnFunction(stack, 'Fn', {
      role: 'arn:aws:iam::123456789012:role/fn',
      code: { zipFile: 'exports.handler = async () => {};' },
      handler: 'index.handler',
      runtime: 'nodejs22.x',
      vpcConfig: { subnetIds: [subnetIds[0]], securityGroupIds: ['sg-0123456789abcdef0'] },
    });
  }
  if (spec.efsMountTarget && subnetIds.length > 0) {
    new efs.CfnMountTarget(stack, 'MountTarget', { fileSystemId: 'fs-01234567', subnetId: subnetIds[0], securityGroups: ['sg-0123456789abcdef0'] });
  }
  if (spec.latticeAssociation) {
    new vpclattice.CfnServiceNetworkVpcAssociation(stack, 'Association', { vpcIdentifier: vpc.vpcId, serviceNetworkIdentifier: 'sn-0123456789abcdef0' });
  }
  if (spec.gatewayLoadBalancer && subnetIds.length > 0) {
    new elbv2.CfnLoadBalancer(stack, 'Gwlb', { type: 'gateway', subnets: [subnetIds[0]] });
  }
  return vpc;
}

function defineVpc(stack: Stack, spec: VpcContentsSpec): ec2.IVpc {
  const subnetConfiguration = (types: ec2.SubnetType[]) => types.map(subnetType => ({ name: subnetType.replace(/_/g, ''), subnetType }));
  switch (spec.kind) {
    case 'isolated':
      return new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: subnetConfiguration([ec2.SubnetType.PRIVATE_ISOLATED]) });
    case 'public':
      return new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: subnetConfiguration([ec2.SubnetType.PUBLIC]) });
    case 'private-with-nat':
      return new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 1 });
    case 'imported':
    case 'imported-token':
    case 'imported-no-subnets':
      return ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
        vpcId: spec.kind === 'imported-token' ? Fn.importValue('SharedVpcId') : 'vpc-0123456789abcdef0',
        availabilityZones: ['az-1'],
        privateSubnetIds: spec.kind === 'imported-no-subnets' ? undefined : [IMPORTED_SUBNET],
      });
  }
}

function definePeering(stack: Stack, vpc: ec2.IVpc, peering: PeeringSpec): void {
  const peer = new ec2.Vpc(stack, 'Peer', {
    ipAddresses: ec2.IpAddresses.cidr('10.9.0.0/16'),
    maxAzs: 1,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  const [requester, accepter] = peering.direction === 'requester' ? [vpc, peer] : [peer, vpc];
  new ec2.CfnVPCPeeringConnection(stack, 'Peering', {
    vpcId: requester.vpcId,
    peerVpcId: accepter.vpcId,
    peerRegion: peering.otherRegion ? 'ap-southeast-2' : undefined,
  });
  if (peering.peerControl !== 'none') {
    new VpcEncryptionControl(stack, 'PeerControl', {
      vpc: peer,
      mode: peering.peerControl === 'monitor' ? EncryptionControlMode.MONITOR : EncryptionControlMode.ENFORCE,
      exclusions: peering.peerControl === 'enforce-with-exclusion' ? [EncryptionControlExclusion.VPC_PEERING] : undefined,
    });
  }
}

/** Whether the VPC is defined in the app, so that every resource in it is known. */
export function definedInApp(spec: VpcContentsSpec): boolean {
  return ['isolated', 'public', 'private-with-nat'].includes(spec.kind);
}

/** The subnets the VPC has, by kind (none for an import that names none). */
export function subnetCount(spec: VpcContentsSpec): number {
  return spec.kind === 'imported-no-subnets' ? 0 : 1;
}

/**
 * The kinds enforce mode refuses in the VPC as built, by `EncryptionControlExclusion` value, modelled from the spec (not
 * from the construct's code): gateways, Lambda functions and EFS mount targets need a subnet to be placed in.
 */
export function refusedKinds(spec: VpcContentsSpec): EncryptionControlExclusion[] {
  const hasSubnet = subnetCount(spec) > 0;
  const peerStrict = spec.peering !== undefined && spec.peering.peerControl === 'enforce' && !spec.peering.otherRegion;
  const kinds: Array<[boolean, EncryptionControlExclusion]> = [
    [spec.kind === 'public' || spec.kind === 'private-with-nat', EncryptionControlExclusion.INTERNET_GATEWAY],
    [spec.kind === 'private-with-nat', EncryptionControlExclusion.NAT_GATEWAY],
    [spec.egressOnlyGateway, EncryptionControlExclusion.EGRESS_ONLY_INTERNET_GATEWAY],
    [spec.vpnGateway, EncryptionControlExclusion.VIRTUAL_PRIVATE_GATEWAY],
    [spec.peering !== undefined && !peerStrict, EncryptionControlExclusion.VPC_PEERING],
    [spec.lambdaFunction && hasSubnet, EncryptionControlExclusion.LAMBDA],
    [spec.efsMountTarget && hasSubnet, EncryptionControlExclusion.ELASTIC_FILE_SYSTEM],
    [spec.latticeAssociation, EncryptionControlExclusion.VPC_LATTICE],
  ];
  return kinds.filter(([present]) => present).map(([, kind]) => kind);
}

/**
 * Whether the peer's own control refuses the peering: in enforce mode with no exclusion, toward a VPC in another Region or
 * not strictly enforced itself.
 */
export function peerRefuses(spec: VpcContentsSpec, enforcedStrictly: boolean): boolean {
  return spec.peering?.peerControl === 'enforce' && (spec.peering.otherRegion || !enforcedStrictly);
}

/** Whether the VPC has what no exclusion admits in enforce mode. */
export function hasNeverAllowed(spec: VpcContentsSpec): boolean {
  return spec.gatewayLoadBalancer && subnetCount(spec) > 0;
}

/** Whether the stack is in a China Region, where CloudFormation has neither control's resource type. */
export function inChina(spec: VpcContentsSpec): boolean {
  return spec.env.region?.startsWith('cn-') ?? false;
}
