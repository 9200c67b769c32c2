import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as networkfirewall from 'aws-cdk-lib/aws-networkfirewall';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import { IConstruct } from 'constructs';
import { AppInventory, shallowValue } from './app-inventory';
import { EncryptionRelevantContents } from '../rules/encryption-control';

// What VPC Encryption Controls' enforce mode refuses unless excluded, found the way the app inventory finds routes: by
// the VPC's or subnet's ID as the L1 writes it (a token is the same string wherever the same attribute is used). Kept
// apart from AppInventory, which every construct reads, and built once per synth phase like it: only apps with an
// encryption control pay for this scan.

/** A resource in, or attached to, some VPC: by the ID it is placed by, and the path to report. */
interface Placed {
  readonly id: string;
  readonly path: string;
}

interface PeeringEntry {
  readonly path: string;
  readonly vpcId: string;
  readonly peerVpcId: string;
  /** The peer's Region when it is given and differs from the stack's (or either is unknown); undefined for the same Region. */
  readonly otherRegion: boolean;
}

/** Every L1 of the app that encryption controls care about, by the VPC or subnet ID it names. */
class EncryptionIndex {
  public readonly byVpc = new Map<string, Map<string, string[]>>();
  public readonly bySubnet = new Map<string, Map<string, string[]>>();
  public readonly subnetsOfVpc = new Map<string, string[]>();
  public readonly peerings: PeeringEntry[] = [];
  public readonly controls: Array<Placed & { readonly strictlyEnforced: boolean }> = [];

  constructor(root: IConstruct) {
    for (const construct of root.node.findAll()) {
      if (construct instanceof ec2.CfnVPCGatewayAttachment) {
        this.addToVpc(construct.vpcId, construct.internetGatewayId ? 'INTERNET_GATEWAY' : 'VIRTUAL_PRIVATE_GATEWAY', construct);
      } else if (construct instanceof ec2.CfnEgressOnlyInternetGateway) {
        this.addToVpc(construct.vpcId, 'EGRESS_ONLY_INTERNET_GATEWAY', construct);
      } else if (construct instanceof ec2.CfnNatGateway) {
        // A zonal NAT gateway names its subnet; a regional one its VPC.
        this.addToSubnets([construct.subnetId], 'NAT_GATEWAY', construct);
        this.addToVpc(construct.vpcId, 'NAT_GATEWAY', construct);
      } else if (construct instanceof ec2.CfnVPCPeeringConnection) {
        this.peerings.push(peeringEntry(construct));
      } else if (construct instanceof lambda.CfnFunction) {
        const vpcConfig = shallowValue(construct.vpcConfig, construct) as lambda.CfnFunction.VpcConfigProperty | undefined;
        this.addToSubnets(stringList(shallowValue(vpcConfig?.subnetIds, construct)), 'LAMBDA', construct);
      } else if (construct instanceof efs.CfnMountTarget) {
        this.addToSubnets([construct.subnetId], 'ELASTIC_FILE_SYSTEM', construct);
      } else if (construct instanceof vpclattice.CfnServiceNetworkVpcAssociation || construct instanceof vpclattice.CfnResourceGateway) {
        this.addToVpc(construct.vpcIdentifier, 'VPC_LATTICE', construct);
      } else if (construct instanceof ec2.CfnVPCEndpoint && ['ServiceNetwork', 'Resource'].includes(construct.vpcEndpointType ?? '')) {
        // Service-network and resource endpoints carry VPC Lattice traffic into the VPC.
        this.addToVpc(construct.vpcId, 'VPC_LATTICE', construct);
      } else if (construct instanceof elbv2.CfnLoadBalancer && construct.type === 'gateway') {
        this.addToSubnets(stringList(shallowValue(construct.subnets, construct)), 'NEVER_IN_ENFORCE', construct);
      } else if (construct instanceof networkfirewall.CfnFirewall) {
        this.addToVpc(construct.vpcId, 'NEVER_IN_ENFORCE', construct);
      } else if (construct instanceof ec2.CfnVPCEncryptionControl) {
        this.controls.push({ id: construct.vpcId ?? '', path: reportedPath(construct), strictlyEnforced: strictlyEnforced(construct) });
      } else if (construct instanceof ec2.CfnVPC && construct.vpcEncryptionControl !== undefined) {
        this.controls.push({ id: construct.ref, path: `${reportedPath(construct)} (its VpcEncryptionControl property)`, strictlyEnforced: false });
      } else if (construct instanceof ec2.CfnSubnet) {
        add(this.subnetsOfVpc, construct.vpcId, construct.ref);
      }
    }
  }

  private addToVpc(vpcId: string | undefined, kind: string, resource: CfnResource): void {
    if (vpcId !== undefined) {
      add(kinds(this.byVpc, vpcId), kind, reportedPath(resource));
    }
  }

  private addToSubnets(subnetIds: Array<string | undefined>, kind: string, resource: CfnResource): void {
    for (const subnetId of subnetIds.filter((id): id is string => id !== undefined)) {
      add(kinds(this.bySubnet, subnetId), kind, reportedPath(resource));
    }
  }
}

const indexes = new WeakMap<AppInventory, EncryptionIndex>();

/**
 * What the app puts in or attaches to the VPC that encryption controls' enforce mode refuses, and the VPC's other
 * encryption controls (not `control` itself). A peering connection needs no exclusion when the VPC at its other end is
 * in the same Region with an encryption control in enforce mode and no exclusions ("VPC peering support").
 */
export function findEncryptionRelevantContents(vpc: ec2.IVpc, control: ec2.CfnVPCEncryptionControl): EncryptionRelevantContents {
  const inventory = AppInventory.of(control);
  let index = indexes.get(inventory);
  if (!index) {
    index = new EncryptionIndex(control.node.root);
    indexes.set(inventory, index);
  }
  const vpcId = vpc.vpcId;
  const subnetIds = new Set([
    ...[...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets].map(subnet => subnet.subnetId),
    ...index.subnetsOfVpc.get(vpcId) ?? [],
  ]);
  const found = new Map<string, string[]>();
  const collect = (byKind: Map<string, string[]> | undefined) => byKind?.forEach((paths, kind) => paths.forEach(path => add(found, kind, path)));
  collect(index.byVpc.get(vpcId));
  subnetIds.forEach(subnetId => collect(index!.bySubnet.get(subnetId)));

  const strictlyEnforcedVpcs = new Set(index.controls.filter(other => other.strictlyEnforced).map(other => other.id));
  for (const peering of index.peerings) {
    const peerVpcId = peering.vpcId === vpcId ? peering.peerVpcId : peering.peerVpcId === vpcId ? peering.vpcId : undefined;
    if (peerVpcId !== undefined && (peering.otherRegion || !strictlyEnforcedVpcs.has(peerVpcId))) {
      add(found, 'VPC_PEERING', peering.path);
    }
  }

  const { NEVER_IN_ENFORCE: neverAllowedInEnforce = [], ...excludable } = Object.fromEntries(
    [...found].map(([kind, paths]) => [kind, [...new Set(paths)]]));
  return {
    excludable,
    neverAllowedInEnforce,
    otherControls: index.controls.filter(other => other.id === vpcId && other.path !== reportedPath(control)).map(other => other.path),
    complete: vpc instanceof ec2.Vpc,
  };
}

function peeringEntry(peering: ec2.CfnVPCPeeringConnection): PeeringEntry {
  const region = Stack.of(peering).region;
  const peerRegion = peering.peerRegion;
  const otherRegion = peerRegion !== undefined
    && (Token.isUnresolved(peerRegion) || Token.isUnresolved(region) || peerRegion !== region);
  return { path: reportedPath(peering), vpcId: peering.vpcId, peerVpcId: peering.peerVpcId, otherRegion };
}

/** In enforce mode with no exclusion enabled: the peer a peering connection needs no exclusion for. */
function strictlyEnforced(control: ec2.CfnVPCEncryptionControl): boolean {
  const inputs = [control.internetGatewayExclusionInput, control.egressOnlyInternetGatewayExclusionInput,
    control.natGatewayExclusionInput, control.virtualPrivateGatewayExclusionInput, control.vpcPeeringExclusionInput,
    control.vpcLatticeExclusionInput, control.elasticFileSystemExclusionInput, control.lambdaExclusionInput];
  return control.mode === 'enforce' && inputs.every(input => input === undefined || input === 'disable');
}

/** The L2 that owns an L1 (a Lambda function, a VPC), whose path users recognize; else the L1's own. */
function reportedPath(resource: CfnResource): string {
  const owner = resource.node.scope;
  return owner && owner.node.defaultChild === resource ? owner.node.path : resource.node.path;
}

/** The literal or token strings of a list; none when the list itself is a token. */
function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function kinds(map: Map<string, Map<string, string[]>>, id: string): Map<string, string[]> {
  let byKind = map.get(id);
  if (!byKind) {
    byKind = new Map();
    map.set(id, byKind);
  }
  return byKind;
}

function add(map: Map<string, string[]>, key: string, value: string): void {
  map.set(key, [...map.get(key) ?? [], value]);
}
