import { Arn, CfnOutput, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53profiles from 'aws-cdk-lib/aws-route53profiles';
import { Construct } from 'constructs';
import { CentralEndpointHubCostEstimate } from './cost';
import { EndpointBundle } from './endpoint-bundle';
import { HubDnsMode } from './hub-dns-mode';
import { InboundResolverEndpoint, InboundResolverOptions } from './inbound-resolver-endpoint';
import { estimateHubCost } from './private/cost/hub-cost-model';
import { endpointConstructId, isServiceShortNameShape, serviceShortName, SERVICES_WITH_BOTH_ENDPOINT_TYPES } from './private/facts/service-names';
import { AppInventory } from './private/inventory/app-inventory';
import { findIpv4CidrBlocks, localPrivateDnsEndpoints, primaryIpv4CidrBlock } from './private/inventory/vpc-inspection';
import { ipv4CidrsNotContained, ipv4CidrsWithin, uniqueNetworks } from './private/rules/cidr-blocks';
import { Finding } from './private/rules/findings';
import {
  associatedVpcEnvironmentMessage,
  validateCentralizedService,
  validateDnsModeNeeds,
  validateNoLocalPrivateDns,
  validateNoZoneClashes,
  validateProfileSharing,
  validateRouteTablesKnown,
  validateRoutesLeaveVpc,
  validateVpcsPerZone,
  warnAssumedZoneNames,
  warnGatewayServicesCentralized,
  warnHostedZoneQuota,
  warnNoSpokeCidrs,
  warnOnPremisesNotAdmitted,
  warnProfilesPerAccountAndRegion,
  warnSpokesNeedGatewayEndpoints,
} from './private/rules/hub';
import { validateParameterName } from './private/rules/provider';
import { validateSharePrincipals } from './private/rules/ram';
import { validateVpcDns } from './private/rules/vpc';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { serviceDomains } from './private/wiring/dns-egress-domains';
import { physicalName } from './private/wiring/physical-names';
import { PrincipalShare } from './private/wiring/principal-share';
import { publishParameter } from './private/wiring/published-parameter';
import { ServiceZoneSet } from './private/wiring/service-zones';
import { addTransitGatewayRoutes, subnetsWithoutRouteTable } from './private/wiring/transit-gateway-routes';
import { InterfaceEndpointAccessOptions, InterfaceEndpointVpcProps, PrivateEgressVpc } from './private-egress-vpc';

/**
 * Properties of a CentralEndpointHub. Its `interfaceEndpoints` and `bundles` are the AWS services it offers its spokes;
 * its `clientCidrs` are the spokes' CIDR blocks or prefix lists, without which every spoke's connection is refused.
 */
export interface CentralEndpointHubProps extends InterfaceEndpointVpcProps {
  /**
   * The Transit Gateway the spokes reach the hub through: the route tables of the hub VPC's private and isolated subnets
   * get a route to each `clientCidrs` entry through it, which the endpoints' replies take. The hub VPC must be attached
   * to it before the routes are created: for an attachment in the same stack, see `spokeRoutes`.
   *
   * @default - no routes: the hub VPC routes to the spokes another way (Cloud WAN, routes defined elsewhere)
   */
  readonly transitGatewayId?: string;

  /**
   * How the hub answers the services' DNS names in the VPCs that use it: through its Route 53 Profile, which holds the
   * endpoints themselves (private DNS on), or through private hosted zones of its own. See `HubDnsMode`.
   *
   * @default - `HubDnsMode.PROFILE_ENDPOINTS`; `HubDnsMode.HOSTED_ZONES` when `profileEnabled` is false
   */
  readonly dnsMode?: HubDnsMode;

  /**
   * Whether the hub has a Route 53 Profile, which spoke VPCs in this and other accounts associate with
   * (`CentralEndpointSpoke`) and which holds the hub's endpoints (or zones). Without one, only VPCs of the hub's account
   * can use the hub, through hosted zones associated with them directly (`associateVpc()`, `HubDnsMode.HOSTED_ZONES`).
   *
   * @default true
   */
  readonly profileEnabled?: boolean;

  /**
   * Who may associate their VPCs with the profile, shared with AWS RAM: AWS account IDs, organization ARNs or
   * organizational unit ARNs. More can be added with `addAllowedPrincipal()`.
   *
   * @default - none: only VPCs of the hub's own account can use the profile
   */
  readonly allowedPrincipals?: string[];

  /**
   * Whether accounts outside your AWS organization may be principals of the profile's share.
   *
   * @default false
   */
  readonly allowExternalPrincipals?: boolean;

  /**
   * VPCs of the hub's account whose workloads use the hub without the profile: each hub zone is associated with them
   * directly (`HubDnsMode.HOSTED_ZONES` only). More can be added with `associateVpc()`.
   *
   * @default - none
   */
  readonly associatedVpcs?: ec2.IVpc[];

  /**
   * A prefix of SSM parameter names (like `/network/endpoint-hub`) under which the hub publishes what spokes need:
   * `<prefix>/profile-id`, `<prefix>/hub-cidr` and `<prefix>/services` (the centralized services, comma-separated).
   *
   * @default - no parameters; the same values are stack outputs
   */
  readonly parameterPrefix?: string;

  /**
   * A Route 53 Resolver inbound endpoint in the hub VPC, which on-premises DNS servers forward the hub's names to (its
   * services' names, its zones). With `HubDnsMode.PROFILE_ENDPOINTS` it also lets S3 and DynamoDB be centralized for
   * on-premises clients: the hub VPC gets the service's gateway endpoint, and the interface endpoint's private DNS answers
   * only the inbound endpoint's queries (`OnlyInboundResolver`), so that the hub's own workloads keep the free gateway.
   * Admit the on-premises networks to the endpoints with `clientCidrs` too.
   *
   * @default - no inbound endpoint
   */
  readonly inboundResolver?: InboundResolverOptions;
}

/** What the hub keeps about each centralized service. */
interface CentralizedService {
  readonly shortName: string;
  readonly zones: route53.PrivateHostedZone[];
}

/**
 * One set of interface endpoints that every VPC of an organization uses: the endpoints live once in a hub VPC, and every
 * VPC associated with the hub's Route 53 Profile resolves the services' names to them, through the Profile holding the
 * endpoints (`HubDnsMode.PROFILE_ENDPOINTS`) or private hosted zones of the hub (`HubDnsMode.HOSTED_ZONES`). Spokes reach
 * the endpoints over a Transit Gateway or Cloud WAN.
 */
export class CentralEndpointHub extends Construct {
  /** The hub VPC: the one defined here or the adopted `vpc`. */
  public readonly vpc: ec2.IVpc;

  /** The security group of the hub's endpoints: each service's ports from the hub VPC and `clientCidrs` only. */
  public readonly endpointSecurityGroup: ec2.ISecurityGroup;

  /**
   * The hub VPC's primary IPv4 CIDR block, which spokes route to: the literal it was defined with where there is one,
   * so that a spoke's routes need no reference to the hub's stack. Undefined for a VPC imported without its CIDR block.
   */
  public readonly vpcCidrBlock?: string;

  /** The spokes' CIDR blocks and prefix lists that the endpoints admit, besides the hub VPC's own blocks. */
  public readonly clientCidrs: string[];

  /** The ID of the Route 53 Profile that holds the zones, which spokes associate with; undefined without a profile. */
  public readonly profileId?: string;

  /** The ARN of the Route 53 Profile; undefined without a profile. */
  public readonly profileArn?: string;

  /** How the hub answers the services' DNS names. */
  public readonly dnsMode: HubDnsMode;

  /** The hub's Route 53 Resolver inbound endpoint (`inboundResolver`); undefined without one. */
  public readonly inboundResolver?: InboundResolverEndpoint;

  private readonly endpoints: PrivateEgressVpc;
  private readonly routes: ec2.CfnRoute[] = [];
  private readonly profile?: route53profiles.CfnProfile;
  private readonly services = new Map<string, CentralizedService>();
  private readonly serviceZones: ServiceZoneSet;
  private readonly notCentralized: string[] = [];
  /** The VPCs given to `associateVpc` in a mode without zones, for the rule that reports them. */
  private readonly vpcsWithoutZones: ec2.IVpc[] = [];
  /** Services whose endpoints cannot answer through the Profile (S3, DynamoDB), for the rule that reports them. */
  private readonly notAnsweredByProfile: string[] = [];
  /** Services whose endpoints answer on-premises clients only, through the inbound endpoint (S3, DynamoDB). */
  private readonly onPremisesOnly: string[] = [];
  /** The VPCs of the app's spokes of this hub. */
  private readonly spokeVpcs: ec2.IVpc[] = [];

  private readonly bundles: EndpointBundle[] = [];
  private readonly allowedPrincipals: string[] = [];
  private readonly profileShare?: PrincipalShare;
  private profileEndpoints?: Construct;

  constructor(scope: Construct, id: string, props: CentralEndpointHubProps = {}) {
    super(scope, id);
    checkProps(this, 'CentralEndpointHub', props);

    const clientCidrs = props.clientCidrs && uniqueNetworks(props.clientCidrs);
    const profileEnabled = props.profileEnabled ?? true;
    this.dnsMode = props.dnsMode ?? (profileEnabled ? HubDnsMode.PROFILE_ENDPOINTS : HubDnsMode.HOSTED_ZONES);
    // The hub's endpoints are a PrivateEgressVpc's. With the Profile holding them, they keep private DNS on; with zones
    // of the hub, private DNS is off, and the zones answer instead, in every VPC they are shared with. It has no gateway
    // endpoints, which serve only their own VPC.
    this.endpoints = new PrivateEgressVpc(this, 'Endpoints', {
      vpc: props.vpc,
      ipAddresses: props.ipAddresses,
      maxAzs: props.maxAzs,
      cidrMask: props.cidrMask,
      flowLogsEnabled: props.flowLogsEnabled,
      flowLogRetention: props.flowLogRetention,
      gatewayEndpoints: [],
      endpointPolicy: props.endpointPolicy,
      endpointSubnets: props.endpointSubnets,
      endpointAzs: props.endpointAzs,
      clientCidrs,
      privateDnsEnabled: this.answersThroughProfile,
      dnsEgressGuard: props.dnsEgressGuard,
      encryptionControl: props.encryptionControl,
      internetAccessScope: props.internetAccessScope,
    });
    this.vpc = this.endpoints.vpc;
    this.endpointSecurityGroup = this.endpoints.endpointSecurityGroup;
    this.vpcCidrBlock = primaryIpv4CidrBlock(this.vpc);
    this.clientCidrs = clientCidrs ?? [];
    if (props.inboundResolver) {
      // The options one by one: checkProps has reported any unknown one at the hub already.
      const { onPremisesCidrs, vpcSubnets } = props.inboundResolver;
      this.inboundResolver = new InboundResolverEndpoint(this, 'InboundResolver', { vpc: this.vpc, onPremisesCidrs, vpcSubnets });
    }

    if (profileEnabled) {
      this.profile = new route53profiles.CfnProfile(this, 'Profile', { name: physicalName(this, 64) });
      this.profileId = this.profile.attrId;
      this.profileArn = this.profile.attrArn;
      this.profileShare = this.defineProfileShare(this.profileArn, props.allowExternalPrincipals ?? false);
    }
    this.serviceZones = new ServiceZoneSet(this, { vpc: this.vpc, profile: this.profile });
    this.extendDnsEgressGuardToSpokes();

    const workloadSubnets = [...this.vpc.privateSubnets, ...this.vpc.isolatedSubnets];
    if (props.transitGatewayId !== undefined) {
      this.routes.push(...addTransitGatewayRoutes(new Construct(this, 'SpokeRoutes'), workloadSubnets, this.clientCidrs, props.transitGatewayId));
    }
    (props.associatedVpcs ?? []).forEach(vpc => this.associateVpc(vpc));
    (props.interfaceEndpoints ?? []).forEach(service => this.addInterfaceEndpoint(service));
    (props.bundles ?? []).forEach(bundle => this.addBundle(bundle));
    (props.allowedPrincipals ?? []).forEach(principal => this.addAllowedPrincipal(principal));
    // The longest name under the prefix. An invalid name is reported at synth; aws-cdk-lib's parameter would throw on some first.
    const parameterNameFindings = props.parameterPrefix === undefined ? []
      : validateParameterName(`${props.parameterPrefix}/profile-id`, Stack.of(this), { prop: 'parameterPrefix', example: '/network/endpoint-hub' });
    this.publish(parameterNameFindings.length === 0 ? props.parameterPrefix : undefined);

    addRules(this, 'CentralEndpointHub', () => [
      ...parameterNameFindings,
      ...this.validate(props.transitGatewayId !== undefined ? workloadSubnets : [], props.inboundResolver?.onPremisesCidrs ?? []),
    ]);
  }

  /**
   * Records a spoke VPC of the app, whose AZs the cost estimate compares with.
   *
   * @internal
   */
  public _addSpokeVpc(vpc: ec2.IVpc): void {
    this.spokeVpcs.push(vpc);
  }

  /**
   * Centralizes an AWS service: an interface endpoint in the hub, and what answers the service's names with it in the VPCs
   * that use the hub, as `dnsMode` says (the Profile holding the endpoint, or the hub's private hosted zones).
   *
   * Adding a service that is already centralized returns its endpoint.
   */
  public addInterfaceEndpoint(service: ec2.IInterfaceVpcEndpointService, options: InterfaceEndpointAccessOptions = {}): ec2.IInterfaceVpcEndpoint {
    // The private DNS of an S3 or DynamoDB interface endpoint needs the service's gateway endpoint in the VPC and then
    // answers only through a Resolver inbound endpoint ("only for services that support both gateway and interface
    // endpoints", DnsOptionsSpecification, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html):
    // with the hub's inbound endpoint it serves on-premises clients; without one, the Profile would have nothing to answer
    // with (reported).
    const shortName = serviceShortName(service);
    const bothTypes = this.answersThroughProfile && SERVICES_WITH_BOTH_ENDPOINT_TYPES.includes(shortName);
    if (bothTypes && this.inboundResolver) {
      this.endpoints.addGatewayEndpoint(new ec2.GatewayVpcEndpointAwsService(shortName));
    }
    const endpoint = this.endpoints.addInterfaceEndpoint(service,
      bothTypes && !this.inboundResolver ? { ...options, privateDnsEnabled: false } : options);
    const key = JSON.stringify(Stack.of(this).resolve(service.name));
    if (!this.services.has(key)) {
      this.centralize(key, service, endpoint);
    }
    return endpoint;
  }

  /** Centralizes a bundle's services. Its gateway endpoints stay with the spokes: the hub reports which they need. */
  public addBundle(bundle: EndpointBundle): void {
    this.bundles.push(bundle);
    bundle.interfaceEndpoints.forEach(service => this.addInterfaceEndpoint(service));
  }

  /**
   * Associates every hub zone with a VPC of the hub's account directly, without the profile. Route 53 associates a
   * private hosted zone with a VPC of another account only after that account's authorization, which CloudFormation
   * cannot give: use the profile there. A VPC already associated, or the hub VPC, is left as it is.
   */
  public associateVpc(vpc: ec2.IVpc): void {
    this.refuseVpcOfOtherEnvironment(vpc);
    if (this.answersThroughProfile) {
      this.vpcsWithoutZones.push(vpc);
      return;
    }
    // A zone lists each VPC once: the schema of AWS::Route53::HostedZone refuses a repeated one.
    if ([this.vpc, ...this.serviceZones.associatedVpcs].some(associated => associated.vpcId === vpc.vpcId)) {
      return;
    }
    this.serviceZones.associateVpc(vpc);
  }

  /**
   * Shares the profile with a principal: an AWS account ID, an organization ARN or an organizational unit ARN. Its
   * accounts may then associate their VPCs with the profile, and do nothing else with it.
   */
  public addAllowedPrincipal(principal: string): void {
    this.allowedPrincipals.push(principal);
    this.profileShare?.addPrincipal(principal);
  }

  /**
   * The routes to the spokes through `transitGatewayId`. A route through a Transit Gateway needs the VPC's attachment to
   * it first: where the attachment is in the same stack, make each route depend on it (`route.node.addDependency(attachment)`).
   */
  public get spokeRoutes(): ec2.CfnRoute[] {
    return [...this.routes];
  }

  /**
   * The short names of the services the hub answers for its spokes, in the order they were added: `sts`, `ecr.api`, ...
   * S3 and DynamoDB endpoints that answer on-premises clients only (`inboundResolver`) are not among them.
   */
  public get centralizedServices(): string[] {
    return [...this.services.values()].map(service => service.shortName).filter(shortName => !this.onPremisesOnly.includes(shortName));
  }

  /**
   * The private hosted zones of a centralized service (none with `HubDnsMode.PROFILE_ENDPOINTS`); undefined if the service
   * is not centralized here.
   */
  public hostedZonesFor(service: ec2.IInterfaceVpcEndpointService): route53.IPrivateHostedZone[] | undefined {
    return this.services.get(JSON.stringify(Stack.of(this).resolve(service.name)))?.zones;
  }

  /**
   * Estimates what the hub costs a month at list prices, against the same services in every spoke: the endpoints
   * once, the zones, the profile and the Transit Gateway attachments, with the number of spokes from which the hub
   * is cheaper and the traffic through the Transit Gateway that uses the savings up.
   */
  public estimateMonthlyCost(options: CentralEndpointHubCostOptions): CentralEndpointHubCostEstimate {
    const ownEstimate = this.endpoints.estimateMonthlyCost();
    const hubEstimate = estimateHubCost({
      region: Stack.of(this).region,
      interfaceEndpoints: ownEstimate.interfaceEndpoints.map(({ service, availabilityZones }) => ({ service, availabilityZones })),
      hostedZones: this.serviceZones.zones.size,
      profile: this.profile !== undefined,
      profileChargeCarried: this.carriesProfileCharge,
      spokes: options.spokes,
      spokeAvailabilityZones: options.spokeAvailabilityZones
        ?? mostCommon(this.spokeVpcs.map(vpc => vpc.availabilityZones.length))
        ?? Math.max(0, ...ownEstimate.interfaceEndpoints.map(endpoint => endpoint.availabilityZones)),
      transitGatewayAttachments: options.transitGatewayAttachments ?? true,
      inboundResolverIpAddresses: this.inboundResolver?.availabilityZones.length ?? 0,
    });
    return { ...hubEstimate, dnsEgressGuard: ownEstimate.dnsEgressGuard };
  }

  private centralize(key: string, service: ec2.IInterfaceVpcEndpointService, endpoint: ec2.IInterfaceVpcEndpoint): void {
    const shortName = serviceShortName(service);
    this.services.set(key, { shortName, zones: this.answerWithEndpoint(service, shortName, endpoint) });
  }

  /**
   * Makes the VPCs that use the hub resolve the service's names to its endpoint: through the Profile, or with zones of
   * the hub, which it returns. What cannot be answered is recorded for the rules that report it.
   */
  private answerWithEndpoint(service: ec2.IInterfaceVpcEndpointService, shortName: string, endpoint: ec2.IInterfaceVpcEndpoint):
  route53.PrivateHostedZone[] {
    const dnsEntries = this.endpoints.interfaceEndpointDnsEntriesFor(service);
    // A PrivateLink endpoint service has no public name for the hub to answer.
    if (!(service instanceof ec2.InterfaceVpcEndpointAwsService) || !dnsEntries) {
      this.notCentralized.push(shortName);
      return [];
    }
    // A name no AWS service has (which the endpoints' rules report) gets no zone: Route 53 would refuse the zone's name.
    if (!isServiceShortNameShape(shortName)) {
      return [];
    }
    if (!this.answersThroughProfile) {
      return this.serviceZones.defineServiceZones(service, shortName, dnsEntries);
    }
    if (SERVICES_WITH_BOTH_ENDPOINT_TYPES.includes(shortName)) {
      (this.inboundResolver ? this.onPremisesOnly : this.notAnsweredByProfile).push(shortName);
    } else {
      this.associateEndpointWithProfile(service, endpoint);
    }
    return [];
  }

  /**
   * The Route 53 Profiles of the app in the hub's account and Region, in the order they were defined (this hub's
   * included); none when the stack's account or Region is not known.
   */
  private profilesInEnvironment(): readonly route53profiles.CfnProfile[] {
    const { account, region } = Stack.of(this);
    return Token.isUnresolved(account) || Token.isUnresolved(region) ? [] : AppInventory.of(this).profilesInEnvironment(account, region);
  }

  /**
   * Whether the hub's estimate carries its account's hourly Profile charge: it has a Profile, the first of its account and
   * Region in the app (or the only one known, in an environment-agnostic stack).
   */
  private get carriesProfileCharge(): boolean {
    const first = this.profilesInEnvironment()[0];
    return this.profile !== undefined && (first === undefined || first === this.profile);
  }

  /** Whether the Profile holds the endpoints, which then keep private DNS on. */
  private get answersThroughProfile(): boolean {
    return this.dnsMode.name === HubDnsMode.PROFILE_ENDPOINTS.name;
  }

  /**
   * The Profile's association with a service's endpoint, `ProfileEndpoints/<service>/Association`: named after the service,
   * so that adding or removing another leaves its logical ID as it is. The endpoint is named by its ARN, `arn:<partition>:ec2:<region>:<account>:vpc-endpoint/<ID>` ("Actions, resources, and
   * condition keys for AWS PrivateLink", https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsprivatelink.html;
   * CloudFormation gives the endpoint no ARN attribute).
   */
  private associateEndpointWithProfile(service: ec2.IInterfaceVpcEndpointService, endpoint: ec2.IInterfaceVpcEndpoint): void {
    if (!this.profile) {
      return; // reported: this mode needs the Profile
    }
    this.profileEndpoints ??= new Construct(this, 'ProfileEndpoints');
    const scope = new Construct(this.profileEndpoints, endpointConstructId(service));
    new route53profiles.CfnProfileResourceAssociation(scope, 'Association', {
      name: physicalName(scope, 64),
      profileId: this.profile.attrId,
      resourceArn: Stack.of(this).formatArn({ service: 'ec2', resource: 'vpc-endpoint', resourceName: endpoint.vpcEndpointId }),
    });
  }

  /**
   * A VPC of another account cannot be associated with a zone by CloudFormation, and a VPC of another Region (or of a stack
   * whose Region is given while the hub's is not, or the reverse) cannot be referenced: synth would fail in aws-cdk-lib,
   * naming neither the hub nor the fix.
   */
  private refuseVpcOfOtherEnvironment(vpc: ec2.IVpc): void {
    const [own, other] = [Stack.of(this), Stack.of(vpc)];
    const problem = own === other ? undefined : associatedVpcEnvironmentMessage(vpc.node.path, other, own);
    if (problem) {
      throw new Error(`CentralEndpointHub ${this.node.path}: ${problem}`);
    }
  }

  /**
   * The hub VPC's guard, associated with the Profile so that spokes inherit it, allows what the spokes resolve themselves:
   * the gateway endpoints the hub's bundles need them to have.
   */
  private extendDnsEgressGuardToSpokes(): void {
    const guard = this.endpoints.dnsEgressGuard;
    if (!guard) {
      return;
    }
    if (this.profile) {
      guard._associateWithProfile(this.profile);
    }
    guard._requireDomains(() => {
      const region = Stack.of(this).region;
      const services = [...new Set(this.bundles.flatMap(bundle => bundle.requiredGatewayEndpoints.map(serviceShortName)))];
      return services.flatMap(service => serviceDomains(service, region)
        .map(domain => ({ domain, neededBy: `the spokes' ${service} gateway endpoints` })));
    });
  }

  /**
   * The profile's share. The managed permission lets its accounts associate the profile with their VPCs and nothing
   * more ("Working with shared Route 53 Profiles", https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/sharing-profiles.html).
   */
  private defineProfileShare(profileArn: string, allowExternalPrincipals: boolean): PrincipalShare {
    return new PrincipalShare(this, 'ProfileShare', {
      resourceArn: profileArn,
      allowExternalPrincipals,
      permissionArns: [Arn.format({
        service: 'ram',
        region: '',
        account: 'aws',
        resource: 'permission',
        resourceName: 'AWSRAMPermissionRoute53ProfileAllowAssociation',
      }, Stack.of(this))],
    });
  }

  /** Stack outputs, and SSM parameters under `parameterPrefix`, with what spokes need. */
  private publish(parameterPrefix: string | undefined): void {
    const values: Array<{ id: string; parameter: string; description: string; value: string }> = [
      ...(this.profileId ? [{ id: 'ProfileId', parameter: 'profile-id', description: 'Route 53 Profile that spokes associate their VPCs with', value: this.profileId }] : []),
      ...(this.vpcCidrBlock ? [{ id: 'HubCidr', parameter: 'hub-cidr', description: 'CIDR block of the hub VPC, which spokes route to', value: this.vpcCidrBlock }] : []),
      {
        id: 'Services',
        parameter: 'services',
        description: 'AWS services centralized in the hub, comma-separated',
        value: Lazy.string({ produce: () => this.centralizedServices.join(',') || 'none' }),
      },
    ];
    for (const { id, parameter, description, value } of values) {
      new CfnOutput(this, id, { description, value });
      if (parameterPrefix !== undefined) {
        publishParameter(this, `${id}Parameter`, { parameterName: `${parameterPrefix}/${parameter}`, description, stringValue: value });
      }
    }
  }

  /**
   * @param routedSubnets the subnets whose route tables get routes to the spokes
   * @param onPremisesCidrs the networks the inbound endpoint admits
   */
  private validate(routedSubnets: ec2.ISubnet[], onPremisesCidrs: string[]): Finding[] {
    const vpcDetails = this.vpc instanceof ec2.Vpc ? this.vpc : undefined;
    const zoneNames = [...this.serviceZones.zones.keys()];
    const associatedVpcs = this.serviceZones.associatedVpcs;
    return [
      ...validateCentralizedService(this.notCentralized),
      ...validateDnsModeNeeds(this.dnsMode.name, {
        profile: this.profile !== undefined,
        directVpcs: this.vpcsWithoutZones.map(vpc => vpc.node.path),
        servicesWithBothEndpointTypes: this.notAnsweredByProfile,
      }),
      ...warnGatewayServicesCentralized(this.centralizedServices),
      ...warnAssumedZoneNames(this.serviceZones.assumedZoneNames),
      ...warnSpokesNeedGatewayEndpoints(this.bundles.map(bundle => ({
        name: bundle.name,
        requiredGatewayEndpoints: bundle.requiredGatewayEndpoints.map(serviceShortName),
      }))),
      ...warnNoSpokeCidrs(this.clientCidrs, this.services.size),
      ...warnOnPremisesNotAdmitted(ipv4CidrsNotContained(onPremisesCidrs, this.clientCidrs)),
      ...validateProfileSharing(this.profile !== undefined, this.allowedPrincipals),
      ...validateSharePrincipals(this.allowedPrincipals, 'A Route 53 Profile is'),
      ...validateRouteTablesKnown(subnetsWithoutRouteTable(routedSubnets), 'the spokes'),
      ...(routedSubnets.length > 0
        ? validateRoutesLeaveVpc('clientCidrs', 'the hub VPC', ipv4CidrsWithin(this.clientCidrs, findIpv4CidrBlocks(this.vpc, this)))
        : []),
      ...warnHostedZoneQuota(zoneNames.length),
      ...validateVpcsPerZone(zoneNames.length > 0 ? 1 + associatedVpcs.length : 0),
      ...(this.profile ? warnProfilesPerAccountAndRegion(this.profilesInEnvironment().length) : []),
      ...validateVpcDns(zoneNames.length > 0 ? ['the hub\'s private hosted zones'] : [],
        vpcDetails?.dnsSupportEnabled, vpcDetails?.dnsHostnamesEnabled),
      ...validateNoZoneClashes([this.vpc, ...associatedVpcs].flatMap(vpc => this.serviceZones.clashes(vpc))),
      ...associatedVpcs.flatMap(vpc => validateNoLocalPrivateDns(vpc.node.path, localPrivateDnsEndpoints(vpc, this, this.centralizedServices))),
    ];
  }
}

/** The value most of the list has (the first of those with most), or undefined for an empty list. */
function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  values.forEach(value => counts.set(value, (counts.get(value) ?? 0) + 1));
  return [...counts].reduce<[number, number] | undefined>((best, entry) => (best === undefined || entry[1] > best[1] ? entry : best), undefined)?.[0];
}

/**
 * Options of a hub's cost estimate.
 */
export interface CentralEndpointHubCostOptions {
  /** How many spoke VPCs use the hub: the number of VPCs that would otherwise have their own endpoints. */
  readonly spokes: number;

  /**
   * How many AZs each spoke would give its own endpoints.
   *
   * @default - as many AZs as most of the hub's spokes in the app (CentralEndpointSpoke with `hub`) span; without one,
   * as many as the hub's endpoints have
   */
  readonly spokeAvailabilityZones?: number;

  /**
   * Whether to count a Transit Gateway attachment for the hub and each spoke; false where they are attached anyway.
   *
   * @default true
   */
  readonly transitGatewayAttachments?: boolean;
}
