import { Lazy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53profiles from 'aws-cdk-lib/aws-route53profiles';
import { Construct } from 'constructs';
import { CentralEndpointHub } from './central-endpoint-hub';
import { NetworkRequirements } from './network-requirements';
import { AppInventory } from './private/inventory/app-inventory';
import { findIpv4CidrBlocks, localPrivateDnsEndpoints } from './private/inventory/vpc-inspection';
import { ipv4CidrsNotContained, ipv4CidrsWithin, overlappingIpv4Cidrs, uniqueNetworks } from './private/rules/cidr-blocks';
import { crossAccountReferenceMessage } from './private/rules/cross-account';
import { Finding } from './private/rules/findings';
import {
  validateHubHasProfile,
  validateNoLocalPrivateDns,
  validateOneProfilePerVpc,
  validateProfileId,
  validateRouteTablesKnown,
  validateRoutesLeaveVpc,
  validateSpokeAdmitted,
  validateSpokeOutsideHub,
  validateSpokeRegion,
  validateSpokeWiring,
  warnVpcsPerProfile,
} from './private/rules/hub';
import { validateClientCidrs, validateVpcDns } from './private/rules/vpc';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { physicalName } from './private/wiring/physical-names';
import { addTransitGatewayRoutes, subnetsWithoutRouteTable } from './private/wiring/transit-gateway-routes';

/**
 * Properties of a CentralEndpointSpoke.
 */
export interface CentralEndpointSpokeProps {
  /** The spoke VPC, whose workloads reach AWS services through the hub. */
  readonly vpc: ec2.IVpc;

  /**
   * The hub, when it is in this app and in the spoke's account and Region: the profile ID, the hub's CIDR block and its
   * services come from it. Give `profileId` instead for a hub in another account.
   *
   * @default - none: `profileId` is required
   */
  readonly hub?: CentralEndpointHub;

  /**
   * The ID of the hub's Route 53 Profile (`rp-...`, the hub's `ProfileId` output or `<parameterPrefix>/profile-id`
   * parameter), shared with the spoke's account through AWS RAM.
   *
   * @default - none: `hub` is required
   */
  readonly profileId?: string;

  /**
   * The AWS services centralized in the hub, by short name (`sts`, `ecr.api`; the hub's `Services` output), so that
   * local interface endpoints with private DNS for them are reported.
   *
   * @default - the hub's services with `hub`; none otherwise
   */
  readonly centralizedServices?: string[];

  /**
   * The Transit Gateway the spoke reaches the hub through: each route table of the spoke's private and isolated subnets
   * gets a route to every hub CIDR block through it. The VPC must be attached to it before the routes are created: for
   * an attachment in the same stack, see `hubRoutes`.
   *
   * @default - no routes: the VPC reaches the hub another way (Cloud WAN, peering, routes defined elsewhere)
   */
  readonly transitGatewayId?: string;

  /**
   * The hub VPC's CIDR blocks, which the routes lead to.
   *
   * @default - the hub VPC's CIDR block with `hub`; none otherwise
   */
  readonly hubCidrs?: string[];
}

/**
 * A VPC that uses a CentralEndpointHub's endpoints: associated with the hub's Route 53 Profile, so that the services'
 * names resolve to the hub endpoints, and routed to the hub through a Transit Gateway.
 */
export class CentralEndpointSpoke extends Construct {
  /** The spoke VPC. */
  public readonly vpc: ec2.IVpc;

  /** The ID of the profile association. */
  public readonly profileAssociationId: string;

  private readonly routes: ec2.CfnRoute[] = [];
  private readonly association: route53profiles.CfnProfileAssociation;

  constructor(scope: Construct, id: string, props: CentralEndpointSpokeProps) {
    super(scope, id);
    checkProps(this, 'CentralEndpointSpoke', props);
    this.vpc = props.vpc;
    const hub = props.hub;
    if (hub) {
      const problem = crossAccountReferenceMessage({
        prop: 'hub',
        object: 'the hub',
        path: hub.node.path,
        account: Stack.of(hub).account,
        value: 'its profile ID',
        fix: 'Pass `profileId` (the hub\'s ProfileId output) and `hubCidrs` (its HubCidr output) as strings instead.',
      }, Stack.of(this).account);
      if (problem) {
        throw new Error(`CentralEndpointSpoke ${this.node.path}: ${problem}`);
      }
      hub._addSpokeVpc(props.vpc);
    }

    // A reference to a hub of another Region (or whose stack's Region is known while this one's is not, or the reverse)
    // fails in aws-cdk-lib before the rules run; validateSpokeRegion reports it.
    const hubInRegion = hub !== undefined && Stack.of(hub).region === Stack.of(this).region;
    this.association = new route53profiles.CfnProfileAssociation(this, 'ProfileAssociation', {
      name: physicalName(this, 64),
      // Neither given is reported at synth.
      profileId: props.profileId ?? (hubInRegion ? hub?.profileId : undefined) ?? '',
      resourceId: props.vpc.vpcId,
    });
    this.profileAssociationId = this.association.attrId;

    const hubCidrs = uniqueNetworks(props.hubCidrs ?? (hub?.vpcCidrBlock ? [hub.vpcCidrBlock] : []));
    const workloadSubnets = [...props.vpc.privateSubnets, ...props.vpc.isolatedSubnets];
    if (props.transitGatewayId !== undefined) {
      this.routes.push(...addTransitGatewayRoutes(this, workloadSubnets, hubCidrs, props.transitGatewayId));
    }

    // The hub's services are what the spoke's workloads need, for the reachability proof; a hub may add services later.
    NetworkRequirements.requireServices(props.vpc, Lazy.list({ produce: () => props.centralizedServices ?? hub?.centralizedServices ?? [] }));

    addRules(this, 'CentralEndpointSpoke', () => {
      const vpcDetails = props.vpc instanceof ec2.Vpc ? props.vpc : undefined;
      const spokeCidrs = findIpv4CidrBlocks(props.vpc, this);
      const centralizedServices = props.centralizedServices ?? hub?.centralizedServices ?? [];
      return [
        ...validateSpokeWiring({
          hubGiven: hub !== undefined,
          profileIdGiven: props.profileId !== undefined,
          transitGatewayIdGiven: props.transitGatewayId !== undefined,
          hubCidrCount: hubCidrs.length,
        }),
        ...validateClientCidrs(hubCidrs, 'hubCidrs'),
        ...validateProfileId(props.profileId),
        ...(props.transitGatewayId !== undefined
          ? validateRoutesLeaveVpc('hubCidrs', 'the spoke VPC', ipv4CidrsWithin(hubCidrs, spokeCidrs))
          : []),

        ...(props.transitGatewayId !== undefined ? validateRouteTablesKnown(subnetsWithoutRouteTable(workloadSubnets), 'the hub') : []),
        ...validateVpcDns(['the hub\'s private hosted zones'], vpcDetails?.dnsSupportEnabled, vpcDetails?.dnsHostnamesEnabled),
        ...validateOneProfilePerVpc(this.otherProfileAssociations()),
        ...validateNoLocalPrivateDns(props.vpc.node.path, localPrivateDnsEndpoints(props.vpc, this, centralizedServices)),
        ...(hub ? this.hubFindings(hub, spokeCidrs, props.transitGatewayId !== undefined ? hubCidrs : []) : []),
      ];
    });
  }

  /**
   * The routes to the hub, one per workload route table and hub CIDR block. A route through a Transit Gateway needs the
   * VPC's attachment to it first: make the spoke depend on an attachment in the same stack (`spoke.node.addDependency()`).
   */
  public get hubRoutes(): ec2.CfnRoute[] {
    return [...this.routes];
  }

  /** Paths of the other profile associations of the spoke VPC in the app. */
  private otherProfileAssociations(): string[] {
    return AppInventory.of(this).profileAssociationsOfVpc(this.vpc.vpcId)
      .filter(association => association !== this.association)
      .map(association => association.node.path);
  }

  /**
   * @param spokeCidrs the spoke VPC's IPv4 blocks
   * @param routedHubCidrs the destinations of the spoke's routes to the hub, whose overlaps the route rule reports
   */
  private hubFindings(hub: CentralEndpointHub, spokeCidrs: string[], routedHubCidrs: string[]): Finding[] {
    const hubProfileId = hub.profileId;
    const hubOverlaps = overlappingIpv4Cidrs(hub.vpcCidrBlock ? [hub.vpcCidrBlock] : [], spokeCidrs)
      .filter(({ cidr }) => !routedHubCidrs.includes(cidr) || ipv4CidrsWithin([cidr], spokeCidrs).length === 0);
    return [
      ...validateHubHasProfile(hub.node.path, hubProfileId !== undefined),
      ...validateSpokeOutsideHub(hubOverlaps),
      ...validateSpokeRegion(Stack.of(this).region, Stack.of(hub).region),
      ...validateSpokeAdmitted(hub.node.path, ipv4CidrsNotContained(spokeCidrs, hub.clientCidrs)),
      ...warnVpcsPerProfile(hubProfileId ? AppInventory.of(this).profileAssociationsOfProfile(hubProfileId).length : 0),
    ];
  }
}
