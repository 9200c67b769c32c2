import { AspectPriority, Aspects, IResolvable, Stack, Stage, Token, Tokenization } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53profiles from 'aws-cdk-lib/aws-route53profiles';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import { IConstruct } from 'constructs';
import { normalizeDomainName } from '../rules/domain-names';

// Rules look across the whole app, because users add routes, CIDR blocks, endpoints, endpoint services and zones
// with L1s anywhere. One pass over the app indexes what they need, so that synth cost stays linear in the number of
// stacks. Resources are indexed by the ID (or ARN) they reference as written in the L1, unresolved: a token is the
// same string wherever the same attribute is used, and a literal ID (an imported VPC) the same text.

/** An `AWS::EC2::VPCEndpoint` defined in the app. */
export interface VpcEndpointEntry {
  readonly path: string;
  /** `Interface`, `Gateway`, `GatewayLoadBalancer`, ...; `Gateway` when absent (CloudFormation's default); undefined when a token. */
  readonly type?: string;
  /** The service name as written: a literal, or a token (an endpoint service defined in the app); none for a resource endpoint. */
  readonly serviceName?: string;
  /** The IDs of the route tables a gateway endpoint is on; undefined when the list is a token. */
  readonly routeTableIds?: string[];
  /** Whether an interface endpoint has private DNS; undefined when not set or a token. */
  readonly privateDnsEnabled?: boolean;
  /** The service network of a `ServiceNetwork` endpoint, as written. */
  readonly serviceNetworkArn?: string;
  /** The resource configuration of a `Resource` endpoint, as written. */
  readonly resourceConfigurationArn?: string;
}

/** A private hosted zone defined in the app: an `AWS::Route53::HostedZone` with VPCs. */
export interface PrivateHostedZoneEntry {
  /** What defines the zone: an L2 (`route53.PrivateHostedZone`), or the L1 where it is used directly. */
  readonly construct: IConstruct;
  /** The zone's name, normalized (lowercase, no trailing dot) unless a token. */
  readonly zoneName: string;
}

/** What the rules need to know about the whole app, gathered in one pass over its constructs. */
export class AppInventory {
  /**
   * The inventory of the app `scope` is in, for the synth phase under way: built by the first caller of the phase
   * and shared by every construct, rebuilt in the next phase. `trackAppInventory(scope)` must have run in the
   * caller's constructor.
   */
  public static of(scope: IConstruct): AppInventory {
    const synthesisRoot = synthesisRootOf(scope);
    if (!trackedRoots.has(synthesisRoot)) {
      throw new Error(`${scope.node.path}: the app inventory is read at synth, but trackAppInventory() was not called when this construct was defined`);
    }
    let inventory = inventories.get(synthesisRoot);
    if (!inventory) {
      inventory = new AppInventory(scope.node.root);
      inventories.set(synthesisRoot, inventory);
    }
    return inventory;
  }

  private readonly routeTableIdsByVpc = new Map<string, string[]>();
  private readonly routesByRouteTable = new Map<string, ec2.CfnRoute[]>();
  private readonly internetGatewayIds = new Set<string>();
  private readonly cidrBlocksByVpc = new Map<string, ec2.CfnVPCCidrBlock[]>();
  private readonly endpointsByVpc = new Map<string, VpcEndpointEntry[]>();
  private readonly endpointServicesByLoadBalancer = new Map<string, ec2.CfnVPCEndpointService[]>();
  private readonly profileAssociationsByVpc = new Map<string, route53profiles.CfnProfileAssociation[]>();
  private readonly profileAssociationsByProfile = new Map<string, route53profiles.CfnProfileAssociation[]>();
  /** `<account>/<region>`, for stacks whose account and Region are known. */
  private readonly profilesByEnvironment = new Map<string, route53profiles.CfnProfile[]>();
  /** `<account>/<region>`, for stacks whose account and Region are known. */
  private readonly domainVerificationsByEnvironment = new Map<string, vpclattice.CfnDomainVerification[]>();
  private readonly endpointsByServiceNetwork = new Map<string, VpcEndpointEntry[]>();
  private readonly serviceNetworkAssociationsByVpc = new Map<string, vpclattice.CfnServiceNetworkVpcAssociation[]>();
  /** The `AWS::EC2::VPC`s of the app, in the order of the construct tree. */
  private readonly vpcResources: ec2.CfnVPC[] = [];
  private readonly internetGatewayAttachmentsByVpc = new Map<string, ec2.CfnVPCGatewayAttachment[]>();
  private readonly egressOnlyInternetGatewaysByVpc = new Map<string, ec2.CfnEgressOnlyInternetGateway[]>();
  private readonly blockPublicAccessOptionsResources: ec2.CfnVPCBlockPublicAccessOptions[] = [];
  private readonly blockPublicAccessExclusionResources: ec2.CfnVPCBlockPublicAccessExclusion[] = [];
  /** VPC ID, then zone name. */
  private readonly privateHostedZonesByVpc = new Map<string, Map<string, PrivateHostedZoneEntry[]>>();

  private constructor(root: IConstruct) {
    for (const construct of root.node.findAll()) {
      if (construct instanceof ec2.CfnRouteTable) {
        add(this.routeTableIdsByVpc, construct.vpcId, construct.ref);
      } else if (construct instanceof ec2.CfnRoute) {
        add(this.routesByRouteTable, construct.routeTableId, construct);
      } else if (construct instanceof ec2.CfnInternetGateway) {
        this.internetGatewayIds.add(construct.ref);
      } else if (construct instanceof ec2.CfnVPCCidrBlock) {
        add(this.cidrBlocksByVpc, construct.vpcId, construct);
      } else if (construct instanceof ec2.CfnVPCEndpoint) {
        const entry = endpointEntry(construct);
        add(this.endpointsByVpc, construct.vpcId, entry);
        if (entry.serviceNetworkArn !== undefined) {
          add(this.endpointsByServiceNetwork, entry.serviceNetworkArn, entry);
        }
      } else if (construct instanceof ec2.CfnVPCEndpointService) {
        (construct.networkLoadBalancerArns ?? []).forEach(arn => add(this.endpointServicesByLoadBalancer, arn, construct));
      } else if (construct instanceof route53.CfnHostedZone) {
        this.addPrivateHostedZone(construct);
      } else if (construct instanceof route53profiles.CfnProfile) {
        addInEnvironment(this.profilesByEnvironment, construct);
      } else if (construct instanceof vpclattice.CfnDomainVerification) {
        addInEnvironment(this.domainVerificationsByEnvironment, construct);
      } else if (construct instanceof vpclattice.CfnServiceNetworkVpcAssociation && construct.vpcIdentifier !== undefined) {
        add(this.serviceNetworkAssociationsByVpc, construct.vpcIdentifier, construct);
      } else if (construct instanceof ec2.CfnVPC) {
        this.vpcResources.push(construct);
      } else if (construct instanceof ec2.CfnVPCGatewayAttachment && construct.internetGatewayId !== undefined) {
        add(this.internetGatewayAttachmentsByVpc, construct.vpcId, construct);
      } else if (construct instanceof ec2.CfnEgressOnlyInternetGateway) {
        add(this.egressOnlyInternetGatewaysByVpc, construct.vpcId, construct);
      } else if (construct instanceof ec2.CfnVPCBlockPublicAccessOptions) {
        this.blockPublicAccessOptionsResources.push(construct);
      } else if (construct instanceof ec2.CfnVPCBlockPublicAccessExclusion) {
        this.blockPublicAccessExclusionResources.push(construct);
      } else if (construct instanceof route53profiles.CfnProfileAssociation) {
        add(this.profileAssociationsByVpc, construct.resourceId, construct);
        add(this.profileAssociationsByProfile, construct.profileId, construct);
      }
    }
  }

  /** The IDs of the `AWS::EC2::RouteTable`s defined in the VPC. */
  public routeTableIdsOfVpc(vpcId: string): readonly string[] {
    return this.routeTableIdsByVpc.get(vpcId) ?? [];
  }

  /** The `AWS::EC2::Route`s of a route table. */
  public routesOfRouteTable(routeTableId: string): readonly ec2.CfnRoute[] {
    return this.routesByRouteTable.get(routeTableId) ?? [];
  }

  /** Whether the ID is that of an `AWS::EC2::InternetGateway` defined in the app. */
  public isInternetGateway(gatewayId: string): boolean {
    return this.internetGatewayIds.has(gatewayId);
  }

  /** The `AWS::EC2::VPCCidrBlock`s added to the VPC. */
  public cidrBlocksOfVpc(vpcId: string): readonly ec2.CfnVPCCidrBlock[] {
    return this.cidrBlocksByVpc.get(vpcId) ?? [];
  }

  /** The `AWS::EC2::VPCEndpoint`s in the VPC, of every type. */
  public endpointsOfVpc(vpcId: string): readonly VpcEndpointEntry[] {
    return this.endpointsByVpc.get(vpcId) ?? [];
  }

  /** The `ServiceNetwork` endpoints to a service network, by its ARN as written. */
  public endpointsOfServiceNetwork(serviceNetworkArn: string): readonly VpcEndpointEntry[] {
    return this.endpointsByServiceNetwork.get(serviceNetworkArn) ?? [];
  }

  /** The `AWS::EC2::VPCEndpointService`s whose NLBs include the load balancer. */
  public endpointServicesOfLoadBalancer(loadBalancerArn: string): readonly ec2.CfnVPCEndpointService[] {
    return this.endpointServicesByLoadBalancer.get(loadBalancerArn) ?? [];
  }

  /** The Route 53 Profile associations of the VPC. */
  public profileAssociationsOfVpc(vpcId: string): readonly route53profiles.CfnProfileAssociation[] {
    return this.profileAssociationsByVpc.get(vpcId) ?? [];
  }

  /** The VPC associations of a Route 53 Profile, by the profile ID as written. */
  public profileAssociationsOfProfile(profileId: string): readonly route53profiles.CfnProfileAssociation[] {
    return this.profileAssociationsByProfile.get(profileId) ?? [];
  }

  /** The Route 53 Profiles defined in the app for an account and Region, in the order they were defined. */
  public profilesInEnvironment(account: string, region: string): readonly route53profiles.CfnProfile[] {
    return this.profilesByEnvironment.get(`${account}/${region}`) ?? [];
  }

  /** The VPC Lattice domain verifications defined in the app for an account and Region. */
  public domainVerificationsInEnvironment(account: string, region: string): readonly vpclattice.CfnDomainVerification[] {
    return this.domainVerificationsByEnvironment.get(`${account}/${region}`) ?? [];
  }

  /** The service-network VPC associations of the VPC. */
  public serviceNetworkAssociationsOfVpc(vpcId: string): readonly vpclattice.CfnServiceNetworkVpcAssociation[] {
    return this.serviceNetworkAssociationsByVpc.get(vpcId) ?? [];
  }

  /** The private hosted zones associated with the VPC, of every name. */
  public privateHostedZonesOfVpc(vpcId: string): readonly PrivateHostedZoneEntry[] {
    return [...this.privateHostedZonesByVpc.get(vpcId)?.values() ?? []].flat();
  }

  /** The `AWS::EC2::VPC`s defined in the app (imported VPCs have none). */
  public get vpcs(): readonly ec2.CfnVPC[] {
    return this.vpcResources;
  }

  /** The attachments of an internet gateway (not a virtual private gateway) to the VPC. */
  public internetGatewayAttachmentsOfVpc(vpcId: string): readonly ec2.CfnVPCGatewayAttachment[] {
    return this.internetGatewayAttachmentsByVpc.get(vpcId) ?? [];
  }

  /** The egress-only internet gateways of the VPC. */
  public egressOnlyInternetGatewaysOfVpc(vpcId: string): readonly ec2.CfnEgressOnlyInternetGateway[] {
    return this.egressOnlyInternetGatewaysByVpc.get(vpcId) ?? [];
  }

  /** The VPC Block Public Access options defined in the app, in every environment. */
  public get blockPublicAccessOptions(): readonly ec2.CfnVPCBlockPublicAccessOptions[] {
    return this.blockPublicAccessOptionsResources;
  }

  /** The VPC Block Public Access exclusions defined in the app, in every environment. */
  public get blockPublicAccessExclusions(): readonly ec2.CfnVPCBlockPublicAccessExclusion[] {
    return this.blockPublicAccessExclusionResources;
  }

  /** The private hosted zones of a name associated with the VPC. */
  public privateHostedZones(vpcId: string, zoneName: string): readonly PrivateHostedZoneEntry[] {
    return this.privateHostedZonesByVpc.get(vpcId)?.get(normalizeDomainName(zoneName)) ?? [];
  }

  private addPrivateHostedZone(zone: route53.CfnHostedZone): void {
    // An L2 zone (PrivateHostedZone, including those defined with `addVpc()`) hands its L1 a list it can still add
    // to, which gives its elements, with the VPC IDs as written, one level down.
    const vpcs = shallowValue(zone.vpcs, zone);
    if (!Array.isArray(vpcs) || zone.name === undefined) {
      return;
    }
    const owner = zone.node.scope;
    const entry = {
      construct: owner && owner.node.defaultChild === zone ? owner : zone,
      zoneName: normalizeDomainName(zone.name),
    };
    for (const vpc of vpcs.map(element => shallowValue(element, zone))) {
      const vpcId = (vpc as Partial<route53.CfnHostedZone.VPCProperty> | undefined)?.vpcId;
      if (typeof vpcId === 'string') {
        const zonesByName = this.privateHostedZonesByVpc.get(vpcId) ?? new Map<string, PrivateHostedZoneEntry[]>();
        this.privateHostedZonesByVpc.set(vpcId, zonesByName);
        add(zonesByName, entry.zoneName, entry);
      }
    }
  }
}

function endpointEntry(endpoint: ec2.CfnVPCEndpoint): VpcEndpointEntry {
  const type = endpoint.vpcEndpointType === undefined ? 'Gateway'
    : Token.isUnresolved(endpoint.vpcEndpointType) ? literal(Stack.of(endpoint).resolve(endpoint.vpcEndpointType))
      : endpoint.vpcEndpointType;
  const routeTableIds = endpoint.routeTableIds ?? [];
  return {
    path: endpoint.node.path,
    type,
    serviceName: endpoint.serviceName,
    routeTableIds: Token.isUnresolved(routeTableIds) ? undefined : routeTableIds,
    privateDnsEnabled: typeof endpoint.privateDnsEnabled === 'boolean' ? endpoint.privateDnsEnabled : undefined,
    serviceNetworkArn: endpoint.serviceNetworkArn,
    resourceConfigurationArn: endpoint.resourceConfigurationArn,
  };
}

/** Indexes a resource under its stack's `<account>/<region>`, when both are known. */
function addInEnvironment<T extends IConstruct>(map: Map<string, T[]>, construct: T): void {
  const { account, region } = Stack.of(construct);
  if (!Token.isUnresolved(account) && !Token.isUnresolved(region)) {
    add(map, `${account}/${region}`, construct);
  }
}

function literal(value: unknown): string | undefined {
  return typeof value === 'string' && !Token.isUnresolved(value) ? value : undefined;
}

/**
 * The value behind a lazy or boxed L1 property, without resolving what it holds: the token strings inside stay as
 * they are, so they can be matched with the same attribute used elsewhere. Other values are returned as they are.
 */
export function shallowValue(value: unknown, scope: IConstruct): unknown {
  if (!Tokenization.isResolvable(value)) {
    return value;
  }
  return (value as IResolvable).resolve({
    scope,
    preparing: false,
    documentPath: [],
    registerPostProcessor: () => undefined,
    resolve: inner => inner,
  });
}

function add<Key, Value>(map: Map<Key, Value[]>, key: Key, value: Value): void {
  const values = map.get(key);
  if (values) {
    values.push(value);
  } else {
    map.set(key, [value]);
  }
}

/** Inventories of the synth phase under way, by synthesis root. */
const inventories = new WeakMap<IConstruct, AppInventory>();
const trackedRoots = new WeakSet<IConstruct>();

/**
 * What synthesizes the construct: its Stage (an App is one), which runs aspects and validation over its own tree.
 * A tree with no Stage is validated from its root.
 */
function synthesisRootOf(scope: IConstruct): IConstruct {
  return Stage.of(scope) ?? scope.node.root;
}

/**
 * Makes the inventory of `scope`'s app fresh in every synth phase that reads it; call it from the constructor of
 * every construct that reads the inventory at synth. A synth first runs aspects (which may add constructs), then
 * prepares the app (references between stacks), then validates: the inventory is forgotten when aspects start,
 * since the tree may have changed since the last synth, and again when validation starts, since aspects may have
 * changed it. Each of these hooks runs at the synthesis root, before any construct under it.
 */
export function trackAppInventory(scope: IConstruct): void {
  const synthesisRoot = synthesisRootOf(scope);
  if (trackedRoots.has(synthesisRoot)) {
    return;
  }
  trackedRoots.add(synthesisRoot);
  const forget = () => inventories.delete(synthesisRoot);
  // An aspect applies to every construct under the root; only its visit of the root itself forgets. With aspect
  // stabilization CDK refuses an aspect added during synth whose priority is below one already invoked on a node:
  // MUTATING, the lowest named priority, keeps this one from being in the way.
  Aspects.of(synthesisRoot).add({
    visit: node => {
      if (node === synthesisRoot) {
        forget();
      }
    },
  }, { priority: AspectPriority.MUTATING });
  synthesisRoot.node.addValidation({
    validate: () => {
      forget();
      return [];
    },
  });
}
