import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { MonthlyCostEstimate } from './cost';
import { DnsEgressGuard, DnsEgressGuardOptions } from './dns-egress-guard';
import { EndpointBundle } from './endpoint-bundle';
import { EndpointPolicy } from './endpoint-policy';
import { InternetAccessScope, InternetAccessScopeOptions } from './internet-access-scope';
import { NetworkRequirements } from './network-requirements';
import { estimateCost } from './private/cost/cost-model';
import { serviceShortName } from './private/facts/service-names';
import { countQuotaEndpoints, findInternetRoutes, findIpv4CidrBlocks } from './private/inventory/vpc-inspection';
import { uniqueNetworks } from './private/rules/cidr-blocks';
import {
  validateAdoptedVpcProps,
  validateBundleDependencies,
  validateCidrMask,
  validateEndpointAzs,
  validateEndpointSubnets,
  validateExistingGatewayEndpoints,
  validateInterfaceEndpointQuota,
  validateNoInternetRoutes,
  validateResolverOnlyDns,
  vpcBlockProblem,
  warnUnreachableResolverOnlyEndpoints,
} from './private/rules/egress-vpc';
import { error, Finding } from './private/rules/findings';
import { toPlacement, validateClientCidrs, validateEndpointIngress, validateVpcDns, warnUnknownCidrBlocks } from './private/rules/vpc';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { recordLookup } from './private/wiring/context-lookups';
import { EndpointSet, uniqueRouteTableIds, workloadSubnets } from './private/wiring/endpoint-set';
import { endpointPolicyFindings, gatewayEndpointFindings, interfaceEndpointFindings } from './private/wiring/endpoint-set-findings';
import { boundedPath, MAX_DESCRIPTION_LENGTH } from './private/wiring/physical-names';
import { selectSubnets } from './private/wiring/subnet-selection';
import { allowEndpointClientsAtSynth } from './private/wiring/vpc-ingress';
import { VpcEncryptionControl, VpcEncryptionControlOptions } from './vpc-encryption-control';

/**
 * Options for a gateway endpoint (S3, S3 Express or DynamoDB).
 */
export interface GatewayEndpointOptions {
  /**
   * The subnets whose route tables get the endpoint's route. At least one must be a private or isolated subnet:
   * a route only on the public route table leaves workloads in private subnets with no path.
   *
   * @default - every private and isolated subnet of the VPC; public subnets' route tables are not touched
   */
  readonly subnets?: ec2.SubnetSelection[];

  /**
   * The endpoint's policy, instead of the construct's `endpointPolicy`.
   *
   * @default - the construct's `endpointPolicy`
   */
  readonly policy?: EndpointPolicy;
}

/**
 * Who may reach an interface endpoint and what they may do through it: its ports and its policy.
 */
export interface InterfaceEndpointAccessOptions {
  /**
   * The TCP ports clients use on this endpoint, each admitted by the endpoint security group from the VPC's CIDR
   * blocks and `clientCidrs`.
   *
   * @default - the service's port, plus the other ports its clients are documented to use: 25, 465, 587, 2465 and 2587
   * for SES SMTP (`email-smtp`), 22 for CodeCommit Git over SSH (`git-codecommit`)
   */
  readonly ports?: number[];

  /**
   * The endpoint's policy, instead of the construct's `endpointPolicy`. Unlike `endpointPolicy`, it is applied
   * even where the service does not support a policy, and reported as an error there.
   *
   * @default - the construct's `endpointPolicy`, where the service supports a policy
   */
  readonly policy?: EndpointPolicy;
}

/**
 * Options for an interface endpoint.
 */
export interface InterfaceEndpointOptions extends InterfaceEndpointAccessOptions {
  /**
   * Whether the endpoint's private DNS name replaces the service's public one inside the VPC.
   *
   * @default - the construct's `privateDnsEnabled` for a service whose `privateDnsDefault` is true (AWS services);
   * false for a PrivateLink endpoint service (`new ec2.InterfaceVpcEndpointService(...)`, an
   * `EndpointServiceProvider`), which EC2 refuses private DNS for until its provider has a verified private DNS name
   */
  readonly privateDnsEnabled?: boolean;

  /**
   * The Region of the AWS service, for an endpoint that reaches it in another Region (cross-Region PrivateLink). Only
   * the services AWS lists as cross-Region enabled accept it (S3, ECR, KMS, ECS, Lambda, Data Firehose, Managed Service
   * for Apache Flink). An AWS service is named in that Region (`com.amazonaws.<serviceRegion>.<service>`), and its
   * endpoint is separate from one to the same service in the stack's Region. The AZs the service supports are not
   * looked up for it: the CDK context provider asks about services in the stack's Region only.
   *
   * @default - the service is in the stack's Region
   */
  readonly serviceRegion?: string;

  /**
   * The IP address type of the endpoint's network interfaces.
   *
   * @default - the construct's `ipAddressType`
   */
  readonly ipAddressType?: ec2.VpcEndpointIpAddressType;

  /**
   * The type of the DNS records the endpoint gets.
   *
   * @default - the construct's `dnsRecordIpType`
   */
  readonly dnsRecordIpType?: ec2.VpcEndpointDnsRecordIpType;
}

/**
 * Properties shared by the constructs that define interface endpoints in a VPC of their own or an adopted one:
 * PrivateEgressVpc and CentralEndpointHub.
 */
export interface InterfaceEndpointVpcProps {
  /**
   * An existing VPC to hold the endpoints, instead of defining a new one.
   *
   * @default - a new VPC with only isolated subnets: no internet gateway, no NAT gateway
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The IP address range of the new VPC. Cannot be combined with `vpc`.
   *
   * @default ec2.IpAddresses.cidr('10.0.0.0/16')
   */
  readonly ipAddresses?: ec2.IIpAddresses;

  /**
   * How many AZs the new VPC spans. Cannot be combined with `vpc`.
   *
   * @default 3
   */
  readonly maxAzs?: number;

  /**
   * The size of each isolated subnet of the new VPC, as a prefix length. Cannot be combined with `vpc`.
   *
   * @default - the VPC's address space divided evenly between the AZs
   */
  readonly cidrMask?: number;

  /**
   * Whether to log the VPC's traffic to CloudWatch Logs. Rejected flows are how a missing endpoint shows up.
   *
   * @default - true for a new VPC; false for an adopted `vpc`, whose owner decides on its flow logs
   */
  readonly flowLogsEnabled?: boolean;

  /**
   * How long flow log records are kept.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly flowLogRetention?: logs.RetentionDays;

  /**
   * Clients outside the VPC's own CIDR blocks that may reach the interface endpoints: IPv4 or IPv6 CIDR blocks of
   * on-premises networks (over VPN or Direct Connect), peered VPCs or VPCs behind a transit gateway (a hub's spokes), or prefix list
   * IDs (`pl-...`). The VPC's own CIDR blocks are always admitted.
   *
   * @default - none: only the VPC's own CIDR blocks
   */
  readonly clientCidrs?: string[];

  /**
   * Interface endpoints, de-duplicated by service, each with one network interface per AZ.
   *
   * @default - none
   */
  readonly interfaceEndpoints?: ec2.IInterfaceVpcEndpointService[];

  /**
   * Curated sets of interface endpoints, each with the gateway endpoints it depends on (which the VPC of the workloads
   * needs: a PrivateEgressVpc's own, each spoke's for a hub); de-duplicated with `interfaceEndpoints`.
   *
   * @default - none
   */
  readonly bundles?: EndpointBundle[];

  /**
   * The policy of every endpoint whose service supports one; `policy` on an endpoint overrides it.
   *
   * @default EndpointPolicy.fullAccess()
   */
  readonly endpointPolicy?: EndpointPolicy;

  /**
   * The subnets that hold the interface endpoints' network interfaces: at most one subnet per AZ.
   *
   * @default - one isolated subnet per AZ, or one private subnet per AZ if the VPC has no isolated subnets
   */
  readonly endpointSubnets?: ec2.SubnetSelection;

  /**
   * How many AZs each interface endpoint has a network interface in. Fewer AZs cost less (endpoints are billed
   * per AZ-hour) but an outage of the endpoint's AZ then cuts off workloads in the others; 1 is allowed with a
   * warning.
   *
   * @default - every AZ of `endpointSubnets` where the service is available
   */
  readonly endpointAzs?: number;

  /**
   * A DNS egress guard on the VPC: Route 53 Resolver DNS Firewall rules that allow the names its endpoints and zones answer
   * (and `allowedDomains`) and block every other name, so that DNS is no way out either. See `DnsEgressGuard`. A hub's guard
   * is also associated with its Route 53 Profile, so that every spoke VPC inherits it, and allows the names of the gateway
   * endpoints its bundles need the spokes to have.
   *
   * @default - no guard: the VPC's resolver answers every public name
   */
  readonly dnsEgressGuard?: DnsEgressGuardOptions;

  /**
   * VPC Encryption Controls on the VPC: monitor which traffic is unencrypted, or enforce encryption in transit, with the
   * exclusions its contents need (checked at synth). See `VpcEncryptionControl`.
   *
   * @default - no encryption control
   */
  readonly encryptionControl?: VpcEncryptionControlOptions;

  /**
   * A Network Access Analyzer scope stating that the VPC's private and isolated subnets have no path to an internet
   * gateway, with outputs of the commands that analyze it after deploy: the deploy-time proof of no way out. See
   * `InternetAccessScope`.
   *
   * @default - no scope
   */
  readonly internetAccessScope?: InternetAccessScopeOptions;
}

/**
 * Properties of a PrivateEgressVpc.
 */
export interface PrivateEgressVpcProps extends InterfaceEndpointVpcProps {
  /**
   * The IP protocol of the new VPC: `ec2.IpProtocol.DUAL_STACK` gives it an Amazon-provided IPv6 block and every
   * subnet an IPv6 range, for dual-stack interface endpoints. Cannot be combined with `vpc`.
   *
   * @default ec2.IpProtocol.IPV4_ONLY
   */
  readonly ipProtocol?: ec2.IpProtocol;

  /**
   * The IP address type of the interface endpoints' network interfaces: IPv4, dual-stack (the subnets must be
   * dual-stack and the service must accept both) or IPv6 (the subnets must be IPv6-only). `ipAddressType` on an
   * endpoint overrides it.
   *
   * @default - not set: EC2 assigns IPv4 addresses
   */
  readonly ipAddressType?: ec2.VpcEndpointIpAddressType;

  /**
   * The type of the DNS records of the interface endpoints: A records need IPv4 addresses, AAAA records IPv6 ones.
   * `dnsRecordIpType` on an endpoint overrides it.
   *
   * @default - not set: EC2's default for the IP address type
   */
  readonly dnsRecordIpType?: ec2.VpcEndpointDnsRecordIpType;

  /**
   * Gateway endpoints, added to the route tables of every private and isolated subnet. They are free.
   *
   * @default - S3 and DynamoDB, except those in `existingGatewayEndpoints`
   */
  readonly gatewayEndpoints?: ec2.IGatewayVpcEndpointService[];

  /**
   * Gateway endpoints that the VPC already has, defined outside this construct (by the VPC's owner, another stack or
   * another tool). None is added for them, and they satisfy the bundles' dependencies. A route table takes one endpoint
   * route per service, so a second gateway endpoint of the same service on it would fail the deploy.
   *
   * @default - none
   */
  readonly existingGatewayEndpoints?: ec2.IGatewayVpcEndpointService[];

  /**
   * Whether interface endpoints get private DNS, so that SDKs reach them at the services' usual names.
   *
   * @default true
   */
  readonly privateDnsEnabled?: boolean;
}

const DEFAULT_CIDR = '10.0.0.0/16';
const DEFAULT_MAX_AZS = 3;

/**
 * A VPC whose workloads reach AWS services without an internet path: isolated subnets, gateway endpoints on
 * the route tables of the subnets that host workloads, and interface endpoints with one network interface per
 * AZ behind one least-privilege security group.
 */
export class PrivateEgressVpc extends Construct {
  /** The VPC: the one defined here or the adopted `vpc`. */
  public readonly vpc: ec2.IVpc;

  /** The security group shared by all interface endpoints: the service ports from the VPC's CIDR blocks and `clientCidrs` only. */
  public readonly endpointSecurityGroup: ec2.ISecurityGroup;

  /** The DNS egress guard of the VPC; undefined without `dnsEgressGuard`. */
  public readonly dnsEgressGuard?: DnsEgressGuard;

  /** The VPC's encryption control; undefined without `encryptionControl`. */
  public readonly encryptionControl?: VpcEncryptionControl;

  /** The VPC's Network Access Analyzer scope; undefined without `internetAccessScope`. */
  public readonly internetAccessScope?: InternetAccessScope;

  private readonly vpcDefinedHere: boolean;
  private readonly flowLogsEnabled: boolean;
  private readonly endpointSubnetsSelected: ec2.ISubnet[];
  /** Why `endpointSubnets` selected nothing, when the VPC lacks the subnet type or group it names. */
  private endpointSubnetsProblem?: string;
  private readonly endpointPolicy: EndpointPolicy;
  private readonly bundles: EndpointBundle[] = [];
  private readonly existingGatewayServices: string[];
  private readonly clientCidrs: string[];
  private readonly cidrMaskFindings: Finding[];
  private readonly endpoints: EndpointSet;

  constructor(scope: Construct, id: string, props: PrivateEgressVpcProps = {}) {
    super(scope, id);
    checkProps(this, 'PrivateEgressVpc', props);

    this.vpcDefinedHere = props.vpc === undefined;
    const ipAddresses = props.ipAddresses ?? ec2.IpAddresses.cidr(DEFAULT_CIDR);
    const maxAzs = props.maxAzs ?? DEFAULT_MAX_AZS;
    // A subnet size the VPC cannot hold is reported at synth; aws-cdk-lib would throw with no path first.
    // Read only with a mask to check: each read of the stack's AZs is recorded as an acknowledgment.
    this.cidrMaskFindings = props.vpc || props.cidrMask === undefined ? [] : validateCidrMask(props.cidrMask, vpcPrefixLength(ipAddresses),
      Math.min(maxAzs, Stack.of(this).availabilityZones.length));
    if (this.vpcDefinedHere) {
      // A refused mask is left out of the VPC, whose block must then hold aws-cdk-lib's own split.
      this.refuseUnfitVpcBlock(vpcPrefixLength(ipAddresses), maxAzs, props.cidrMask !== undefined && this.cidrMaskFindings.length === 0);
    }
    this.vpc = props.vpc ?? new ec2.Vpc(this, 'Vpc', {
      ipAddresses,
      maxAzs,
      ipProtocol: props.ipProtocol,
      natGateways: 0,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      subnetConfiguration: [{
        name: 'Isolated',
        subnetType: ec2.SubnetType.PRIVATE_ISOLATED,
        cidrMask: this.cidrMaskFindings.length === 0 ? props.cidrMask : undefined,
      }],
    });

    if (this.vpcDefinedHere) {
      // The VPC takes its subnets' AZs from the account's, which the CDK CLI looks up.
      recordLookup(this, 'availability-zones');
      // Its promise, for the reachability proof: no way out.
      NetworkRequirements.forbidInternet(this.vpc);
    }

    this.flowLogsEnabled = props.flowLogsEnabled ?? this.vpcDefinedHere;
    if (this.flowLogsEnabled) {
      this.addFlowLog(props.flowLogRetention ?? logs.RetentionDays.ONE_YEAR);
    }

    this.endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'Interface VPC endpoints: service ports from the VPC CIDR blocks only',
      allowAllOutbound: false,
    });
    this.endpointSubnetsSelected = this.selectEndpointSubnets(props.endpointSubnets);
    this.endpointPolicy = props.endpointPolicy ?? EndpointPolicy.fullAccess();
    this.endpoints = new EndpointSet(this, {
      vpc: this.vpc,
      securityGroup: this.endpointSecurityGroup,
      endpointSubnets: this.endpointSubnetsSelected,
      // An invalid count is reported at synth; until then every AZ is used.
      endpointAzs: Number.isInteger(props.endpointAzs) && props.endpointAzs! >= 1 ? props.endpointAzs : undefined,
      privateDnsEnabled: props.privateDnsEnabled ?? true,
      ipAddressType: props.ipAddressType,
      dnsRecordIpType: props.dnsRecordIpType,
      endpointPolicy: this.endpointPolicy,
    });

    this.existingGatewayServices = (props.existingGatewayEndpoints ?? []).map(serviceShortName);
    this.clientCidrs = uniqueNetworks(props.clientCidrs ?? []);

    const gatewayServices = props.gatewayEndpoints ?? [ec2.GatewayVpcEndpointAwsService.S3, ec2.GatewayVpcEndpointAwsService.DYNAMODB]
      .filter(service => !this.existingGatewayServices.includes(serviceShortName(service)));
    gatewayServices.forEach(service => this.addGatewayEndpoint(service));
    (props.interfaceEndpoints ?? []).forEach(service => this.addInterfaceEndpoint(service));
    (props.bundles ?? []).forEach(bundle => this.addBundle(bundle));

    if (props.dnsEgressGuard) {
      this.dnsEgressGuard = new DnsEgressGuard(this, 'DnsEgressGuard', { ...props.dnsEgressGuard, vpc: this.vpc });
    }
    if (props.encryptionControl) {
      this.encryptionControl = new VpcEncryptionControl(this, 'EncryptionControl', { ...props.encryptionControl, vpc: this.vpc });
    }
    if (props.internetAccessScope) {
      this.internetAccessScope = new InternetAccessScope(this, 'InternetAccessScope', { ...props.internetAccessScope, vpc: this.vpc });
    }

    allowEndpointClientsAtSynth(this, this.vpc, this.endpointSecurityGroup,
      () => [...this.endpoints.interfaceRecords.values()].flatMap(record => this.endpoints.clientPorts(record)), this.clientCidrs);

    addRules(this, 'PrivateEgressVpc', () => this.validate(props));
  }

  /**
   * Adds a gateway endpoint (S3, S3 Express or DynamoDB) to the route tables of the VPC's private and isolated
   * subnets. Adding a service that already has one returns the existing endpoint.
   */
  public addGatewayEndpoint(service: ec2.IGatewayVpcEndpointService, options: GatewayEndpointOptions = {}): ec2.IGatewayVpcEndpoint {
    return this.endpoints.addGatewayEndpoint(service, options);
  }

  /**
   * Adds an interface endpoint with one network interface in each AZ of the endpoint subnets (where the service
   * is available), behind the shared endpoint security group. Adding a service that already has one returns
   * the existing endpoint.
   */
  public addInterfaceEndpoint(service: ec2.IInterfaceVpcEndpointService, options: InterfaceEndpointOptions = {}): ec2.IInterfaceVpcEndpoint {
    return this.endpoints.addInterfaceEndpoint(service, options);
  }

  /**
   * Adds a bundle's interface endpoints (services already present are not added twice). The gateway endpoints
   * the bundle depends on must be in `gatewayEndpoints`: synth fails otherwise.
   */
  public addBundle(bundle: EndpointBundle): void {
    this.bundles.push(bundle);
    bundle.interfaceEndpoints.forEach(service => this.addInterfaceEndpoint(service));
  }

  /** The interface endpoint of a service, if this construct defines one. */
  public interfaceEndpointFor(service: ec2.IInterfaceVpcEndpointService): ec2.IInterfaceVpcEndpoint | undefined {
    return this.endpoints.interfaceRecordFor(service)?.endpoint;
  }

  /**
   * The DNS entries of a service's interface endpoint in the stack's Region, each `<hosted zone ID>:<DNS name>`, the
   * regional name first: what alias records that point at the endpoint need. Undefined if this construct defines no
   * endpoint for the service.
   */
  public interfaceEndpointDnsEntriesFor(service: ec2.IInterfaceVpcEndpointService): string[] | undefined {
    return this.endpoints.interfaceRecordFor(service)?.resource.attrDnsEntries;
  }

  /** The gateway endpoint of a service, if this construct defines one. */
  public gatewayEndpointFor(service: ec2.IGatewayVpcEndpointService): ec2.IGatewayVpcEndpoint | undefined {
    return this.endpoints.gatewayRecords.get(serviceShortName(service))?.endpoint;
  }

  /** The interface endpoints this construct defines, in the order they were added. */
  public get interfaceEndpoints(): ec2.IInterfaceVpcEndpoint[] {
    return [...this.endpoints.interfaceRecords.values()].map(record => record.endpoint);
  }

  /** The gateway endpoints this construct defines, in the order they were added. */
  public get gatewayEndpoints(): ec2.IGatewayVpcEndpoint[] {
    return [...this.endpoints.gatewayRecords.values()].map(record => record.endpoint);
  }

  /**
   * Estimates what the endpoints cost a month at list prices in the stack's Region: each interface endpoint per
   * AZ, the free gateway endpoints, and for comparison one NAT gateway per AZ with the traffic volume above which
   * the endpoints are also the cheaper path. An environment-agnostic stack or an unlisted Region gets a note
   * instead of numbers.
   */
  public estimateMonthlyCost(): MonthlyCostEstimate {
    return estimateCost({
      region: Stack.of(this).region,
      interfaceEndpoints: [...this.endpoints.interfaceRecords.values()].map(record => ({
        service: record.shortName,
        availabilityZones: record.subnets.length,
      })),
      gatewayEndpoints: this.endpoints.gatewayRecords.size,
      natGatewayAzs: this.vpc.availabilityZones.length,
      flowLogsEnabled: this.flowLogsEnabled,
      dnsEgressGuard: this.dnsEgressGuard?.estimateMonthlyCost(),
    });
  }

  /**
   * aws-cdk-lib throws, naming no construct, for a VPC block EC2 does not allow or too small for its subnets; nothing can
   * be defined from it. The stack's AZs are read only where the count decides.
   */
  private refuseUnfitVpcBlock(prefixLength: number | undefined, maxAzs: number, cidrMaskGiven: boolean): void {
    if (prefixLength === undefined || vpcBlockProblem(prefixLength, maxAzs, cidrMaskGiven) === undefined) {
      return;
    }
    const problem = vpcBlockProblem(prefixLength, Math.min(maxAzs, Stack.of(this).availabilityZones.length), cidrMaskGiven);
    if (problem !== undefined) {
      throw new Error(`${this.node.path}: ${problem}`);
    }
  }

  private addFlowLog(retention: logs.RetentionDays): void {
    const logGroup = new logs.LogGroup(this, 'FlowLogGroup', { retention });
    new ec2.FlowLog(this, 'FlowLog', {
      // aws-cdk-lib tags the flow log with its path, which CloudFormation refuses past 256 characters.
      flowLogName: boundedPath(`${this.node.path}/FlowLog`, MAX_DESCRIPTION_LENGTH),
      resourceType: ec2.FlowLogResourceType.fromVpc(this.vpc),
      destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
  }

  private selectEndpointSubnets(selection: ec2.SubnetSelection | undefined): ec2.ISubnet[] {
    if (selection) {
      const selected = selectSubnets(this.vpc, selection);
      this.endpointSubnetsProblem = selected.problem;
      return selected.subnets;
    }
    const subnetType = this.vpc.isolatedSubnets.length > 0 ? ec2.SubnetType.PRIVATE_ISOLATED
      : this.vpc.privateSubnets.length > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS
        : undefined;
    return subnetType ? this.vpc.selectSubnets({ subnetType, onePerAz: true }).subnets : [];
  }


  private validate(props: PrivateEgressVpcProps): Finding[] {
    const interfaceRecords = [...this.endpoints.interfaceRecords.values()];
    const gatewayServices = [...this.endpoints.gatewayRecords.keys(), ...this.existingGatewayServices];
    const vpcDetails = this.vpc instanceof ec2.Vpc ? this.vpc : undefined;
    const privateDnsServices = interfaceRecords.filter(record => this.endpoints.isPrivateDnsEnabled(record)).map(record => record.shortName);
    return [
      ...validateAdoptedVpcProps(this.vpcDefinedHere ? []
        : (['ipAddresses', 'ipProtocol', 'maxAzs', 'cidrMask'] as const).filter(prop => props[prop] !== undefined)),
      ...this.cidrMaskFindings,
      ...this.endpoints.conflictingOptions.map(error),
      ...validateExistingGatewayEndpoints([...this.endpoints.gatewayRecords.keys()], this.existingGatewayServices),
      ...gatewayEndpointFindings(this.endpoints, this),
      ...(interfaceRecords.length > 0 ? validateEndpointSubnets(this.endpointSubnetsSelected.map(toPlacement), this.endpointSubnetsProblem) : []),
      ...interfaceEndpointFindings(this.endpoints, this, this.endpointSubnetsSelected.length > 0),
      ...validateEndpointAzs(props.endpointAzs, this.endpointSubnetsSelected.length),
      ...validateBundleDependencies(this.bundles.map(bundle => ({
        name: bundle.name,
        requiredGatewayEndpoints: bundle.requiredGatewayEndpoints.map(serviceShortName),
      })), gatewayServices),
      ...validateResolverOnlyDns(privateDnsServices, gatewayServices),
      ...endpointPolicyFindings(this.endpoints, this, this.endpointPolicy),
      ...validateClientCidrs(this.clientCidrs),
      ...validateEndpointIngress(findIpv4CidrBlocks(this.vpc, this).length, interfaceRecords.length),
      ...warnUnknownCidrBlocks(!(this.vpc instanceof ec2.Vpc), props.clientCidrs !== undefined, interfaceRecords.length > 0),
      ...warnUnreachableResolverOnlyEndpoints(
        interfaceRecords.filter(record => this.endpoints.isResolverOnly(record)).map(record => record.shortName), this.clientCidrs.length),
      ...validateVpcDns(privateDnsServices.length > 0 ? [`\`privateDnsEnabled\` (for ${privateDnsServices.join(', ')})`] : [],
        vpcDetails?.dnsSupportEnabled, vpcDetails?.dnsHostnamesEnabled),
      ...validateInterfaceEndpointQuota(countQuotaEndpoints(this.vpc, this)),
      ...validateNoInternetRoutes(findInternetRoutes(this.vpc, this), this.vpcDefinedHere,
        uniqueRouteTableIds([...workloadSubnets(this.vpc), ...this.endpointSubnetsSelected])),
    ];
  }
}

/** The prefix length of the VPC's IPv4 block, where `ipAddresses` gives a literal one (an IPAM pool gives none). */
function vpcPrefixLength(ipAddresses: ec2.IIpAddresses): number | undefined {
  const cidrBlock = ipAddresses.allocateVpcCidr().cidrBlock;
  const prefix = cidrBlock !== undefined && !Token.isUnresolved(cidrBlock) ? /\/(\d+)$/.exec(cidrBlock)?.[1] : undefined;
  return prefix === undefined ? undefined : Number(prefix);
}
