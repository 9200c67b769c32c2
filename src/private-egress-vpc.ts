import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { MonthlyCostEstimate } from './cost';
import { EndpointBundle } from './endpoint-bundle';
import { EndpointPolicy } from './endpoint-policy';
import { estimateCost } from './private/cost/cost-model';
import { supportsEndpointPolicy } from './private/facts/endpoint-policy-support';
import { endpointConstructId, serviceShortName, SERVICES_WITH_BOTH_ENDPOINT_TYPES } from './private/facts/service-names';
import { clientPortsOf } from './private/facts/service-ports';
import { countQuotaEndpoints, findGatewayEndpoints, findInternetRoutes, findIpv4CidrBlocks } from './private/inventory/vpc-inspection';
import {
  validateAdoptedVpcProps,
  validateBundleDependencies,
  validateCidrMask,
  validateCrossRegionEndpoint,
  validateEndpointAzs,
  validateEndpointPorts,
  validateEndpointSubnets,
  validateExistingGatewayEndpoints,
  validateGatewayEndpointClashes,
  validateGatewayRouteTables,
  validateGatewayService,
  validateInterfaceEndpointQuota,
  validateNoInternetRoutes,
  validateResolverOnlyDns,
  warnPolicyNotApplied,
  warnUnreachableResolverOnlyEndpoints,
} from './private/rules/egress-vpc';
import { addRules, error, Finding } from './private/rules/findings';
import { subnetFamilies, validateDnsRecordIpType, validateIpAddressType } from './private/rules/ip-family';
import { validateEndpointPolicy } from './private/rules/policy';
import {
  toPlacement,
  validateClientCidrs,
  validateEndpointIngress,
  validateVpcDns,
  warnUnknownCidrBlocks,
  warnUnsupportedAzs,
} from './private/rules/vpc';
import { supportedAzSubnets } from './private/wiring/availability-zones';
import { selectSubnets } from './private/wiring/subnet-selection';
import { allowEndpointClientsAtSynth } from './private/wiring/vpc-ingress';

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

/** What the construct keeps about each endpoint it defines. */
interface EndpointRecord<Options> {
  readonly shortName: string;
  readonly resource: ec2.CfnVPCEndpoint;
  /**
   * The options of the one call that gave any. Later calls for the same service may add options to an endpoint
   * defined without, but never replace them: that would silently drop what the first call asked for.
   */
  options?: Options;
}

interface InterfaceEndpointRecord extends EndpointRecord<InterfaceEndpointOptions> {
  /** The resolved service name, which tells services that share a short name apart. */
  readonly key: string;
  /** The endpoint's construct ID. */
  readonly id: string;
  /** The Region of a service reached across Regions. */
  readonly serviceRegion?: string;
  /** The service name the endpoint is defined with: the service's own, or its name in `serviceRegion`. */
  readonly serviceName: string;
  /** The ports of every service object added for this endpoint (one name may come with different ports). */
  readonly servicePorts: number[];
  readonly service: ec2.IInterfaceVpcEndpointService;
  readonly endpoint: ec2.IInterfaceVpcEndpoint;
  readonly subnets: ec2.ISubnet[];
  readonly skippedAzs: string[];
}

interface GatewayEndpointRecord extends EndpointRecord<GatewayEndpointOptions> {
  readonly service: ec2.IGatewayVpcEndpointService;
  readonly endpoint: ec2.IGatewayVpcEndpoint;
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

  private readonly vpcDefinedHere: boolean;
  private readonly flowLogsEnabled: boolean;
  private readonly endpointSubnetsSelected: ec2.ISubnet[];
  /** Why `endpointSubnets` selected nothing, when the VPC lacks the subnet type or group it names. */
  private endpointSubnetsProblem?: string;
  private readonly privateDnsEnabled: boolean;
  private readonly ipAddressType?: ec2.VpcEndpointIpAddressType;
  private readonly dnsRecordIpType?: ec2.VpcEndpointDnsRecordIpType;
  private readonly endpointPolicy: EndpointPolicy;
  private readonly endpointAzs?: number;
  private readonly bundles: EndpointBundle[] = [];
  private readonly existingGatewayServices: string[];
  private readonly clientCidrs: string[];
  private readonly cidrMaskFindings: Finding[];
  /** Messages about options given for a service whose endpoint already had other options. */
  private readonly conflictingOptions: string[] = [];
  private readonly interfaceEndpointScope: Construct;
  private readonly gatewayEndpointScope: Construct;
  private readonly interfaceEndpointRecords = new Map<string, InterfaceEndpointRecord>();
  private readonly gatewayEndpointRecords = new Map<string, GatewayEndpointRecord>();

  constructor(scope: Construct, id: string, props: PrivateEgressVpcProps = {}) {
    super(scope, id);

    this.vpcDefinedHere = props.vpc === undefined;
    const ipAddresses = props.ipAddresses ?? ec2.IpAddresses.cidr(DEFAULT_CIDR);
    const maxAzs = props.maxAzs ?? DEFAULT_MAX_AZS;
    // A subnet size the VPC cannot hold is reported at synth; aws-cdk-lib would throw with no path first.
    // Read only with a mask to check: each read of the stack's AZs is recorded as an acknowledgment.
    this.cidrMaskFindings = props.vpc || props.cidrMask === undefined ? [] : validateCidrMask(props.cidrMask, vpcPrefixLength(ipAddresses),
      Math.min(maxAzs, Stack.of(this).availabilityZones.length));
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
    this.privateDnsEnabled = props.privateDnsEnabled ?? true;
    this.ipAddressType = props.ipAddressType;
    this.dnsRecordIpType = props.dnsRecordIpType;
    this.endpointPolicy = props.endpointPolicy ?? EndpointPolicy.fullAccess();
    // An invalid count is reported at synth; until then every AZ is used.
    this.endpointAzs = Number.isInteger(props.endpointAzs) && props.endpointAzs! >= 1 ? props.endpointAzs : undefined;
    this.gatewayEndpointScope = new Construct(this, 'GatewayEndpoints');
    this.interfaceEndpointScope = new Construct(this, 'InterfaceEndpoints');

    this.existingGatewayServices = (props.existingGatewayEndpoints ?? []).map(serviceShortName);
    this.clientCidrs = [...props.clientCidrs ?? []];

    const gatewayServices = props.gatewayEndpoints ?? [ec2.GatewayVpcEndpointAwsService.S3, ec2.GatewayVpcEndpointAwsService.DYNAMODB]
      .filter(service => !this.existingGatewayServices.includes(serviceShortName(service)));
    gatewayServices.forEach(service => this.addGatewayEndpoint(service));
    (props.interfaceEndpoints ?? []).forEach(service => this.addInterfaceEndpoint(service));
    (props.bundles ?? []).forEach(bundle => this.addBundle(bundle));

    allowEndpointClientsAtSynth(this, this.vpc, this.endpointSecurityGroup,
      () => [...this.interfaceEndpointRecords.values()].flatMap(record => this.clientPorts(record)), this.clientCidrs);

    addRules(this, 'PrivateEgressVpc', () => this.validate(props));
  }

  /**
   * Adds a gateway endpoint (S3, S3 Express or DynamoDB) to the route tables of the VPC's private and isolated
   * subnets. Adding a service that already has one returns the existing endpoint.
   */
  public addGatewayEndpoint(service: ec2.IGatewayVpcEndpointService, options: GatewayEndpointOptions = {}): ec2.IGatewayVpcEndpoint {
    const shortName = serviceShortName(service);
    const existing = this.gatewayEndpointRecords.get(shortName);
    // A route table takes one endpoint route per service, so another name of the same service cannot get its own
    // endpoint; taking its options for the existing one would move that endpoint's routes.
    if (existing && !this.sameServiceName(existing.service, service)) {
      this.conflictingOptions.push(`\`addGatewayEndpoint\` names the service '${this.readableName(service)}', but the `
        + `'${shortName}' gateway endpoint is already defined for '${this.readableName(existing.service)}'; a route table takes one `
        + 'endpoint route per service. Keep the name EC2 uses in this Region.');
      return existing.endpoint;
    }
    const record = existing ?? this.defineGatewayEndpoint(service, shortName);
    this.setOptions(record, 'addGatewayEndpoint', options, () => this.configureGatewayEndpoint(record));
    return record.endpoint;
  }

  /**
   * Adds an interface endpoint with one network interface in each AZ of the endpoint subnets (where the service
   * is available), behind the shared endpoint security group. Adding a service that already has one returns
   * the existing endpoint.
   */
  public addInterfaceEndpoint(service: ec2.IInterfaceVpcEndpointService, options: InterfaceEndpointOptions = {}): ec2.IInterfaceVpcEndpoint {
    // The Region is part of which service the endpoint reaches, not an option of an endpoint.
    const { serviceRegion, ...endpointOptions } = options;
    const serviceName = this.serviceNameIn(service, serviceRegion);
    // Resolved once here: resolving a name is most of what adding an endpoint costs beyond defining it.
    const resolvedName: unknown = Stack.of(this).resolve(serviceName);
    const key = JSON.stringify(resolvedName);
    const record = this.interfaceEndpointRecords.get(key) ?? this.defineInterfaceEndpoint(service, { key, serviceName, resolvedName, serviceRegion });
    if (!record.servicePorts.includes(service.port)) {
      record.servicePorts.push(service.port);
    }
    this.setOptions(record, 'addInterfaceEndpoint', endpointOptions, () => this.configureInterfaceEndpoint(record));
    return record.endpoint;
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
    return this.interfaceEndpointRecords.get(JSON.stringify(Stack.of(this).resolve(service.name)))?.endpoint;
  }

  /**
   * The DNS entries of a service's interface endpoint in the stack's Region, each `<hosted zone ID>:<DNS name>`, the
   * regional name first: what alias records that point at the endpoint need. Undefined if this construct defines no
   * endpoint for the service.
   */
  public interfaceEndpointDnsEntriesFor(service: ec2.IInterfaceVpcEndpointService): string[] | undefined {
    return this.interfaceEndpointRecords.get(JSON.stringify(Stack.of(this).resolve(service.name)))?.resource.attrDnsEntries;
  }

  /** The gateway endpoint of a service, if this construct defines one. */
  public gatewayEndpointFor(service: ec2.IGatewayVpcEndpointService): ec2.IGatewayVpcEndpoint | undefined {
    return this.gatewayEndpointRecords.get(serviceShortName(service))?.endpoint;
  }

  /** The interface endpoints this construct defines, in the order they were added. */
  public get interfaceEndpoints(): ec2.IInterfaceVpcEndpoint[] {
    return [...this.interfaceEndpointRecords.values()].map(record => record.endpoint);
  }

  /** The gateway endpoints this construct defines, in the order they were added. */
  public get gatewayEndpoints(): ec2.IGatewayVpcEndpoint[] {
    return [...this.gatewayEndpointRecords.values()].map(record => record.endpoint);
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
      interfaceEndpoints: [...this.interfaceEndpointRecords.values()].map(record => ({
        service: record.shortName,
        availabilityZones: record.subnets.length,
      })),
      gatewayEndpoints: this.gatewayEndpointRecords.size,
      natGatewayAzs: this.vpc.availabilityZones.length,
      flowLogsEnabled: this.flowLogsEnabled,
    });
  }

  private defineGatewayEndpoint(service: ec2.IGatewayVpcEndpointService, shortName: string): GatewayEndpointRecord {
    const id = this.endpointId(service);
    const resource = new ec2.CfnVPCEndpoint(this.gatewayEndpointScope, id, {
      vpcId: this.vpc.vpcId,
      serviceName: service.name,
      vpcEndpointType: ec2.VpcEndpointType.GATEWAY,
    });
    const endpoint = ec2.GatewayVpcEndpoint.fromGatewayVpcEndpointId(this.gatewayEndpointScope, `${id}Ref`, resource.ref);
    const record: GatewayEndpointRecord = { service, shortName, resource, endpoint };
    this.gatewayEndpointRecords.set(shortName, record);
    this.configureGatewayEndpoint(record);
    this.orderResolverOnlyDns(shortName);
    return record;
  }

  private defineInterfaceEndpoint(service: ec2.IInterfaceVpcEndpointService,
    { key, serviceName, resolvedName, serviceRegion }: { key: string; serviceName: string; resolvedName: unknown; serviceRegion?: string },
  ): InterfaceEndpointRecord {
    // An endpoint to the service in another Region is named after that Region too: `S3UsWest2`.
    const id = this.endpointId(service) + (serviceRegion ? endpointConstructId({ name: serviceRegion, port: 0 }) : '');
    const sameId = [...this.interfaceEndpointRecords.values()].find(record => record.id === id);
    if (sameId) {
      throw new Error(`${this.node.path}: services '${sameId.key}' and '${key}' would both have the endpoint construct ID '${id}', `
        + 'which is taken from the service\'s short name. Keep the one EC2 offers in this Region, or define the other in a '
        + 'second PrivateEgressVpc (with `vpc` set to this one\'s VPC).');
    }
    const shortName = serviceShortName(service);
    // The context provider looks services up in the stack's Region only.
    const placement = serviceRegion === undefined
      ? supportedAzSubnets(this, resolvedName, this.endpointSubnetsSelected)
      : { subnets: this.endpointSubnetsSelected, skippedAzs: [] };
    const subnets = placement.subnets.slice(0, this.endpointAzs);
    const resource = new ec2.CfnVPCEndpoint(this.interfaceEndpointScope, id, {
      vpcId: this.vpc.vpcId,
      serviceName,
      serviceRegion,
      vpcEndpointType: ec2.VpcEndpointType.INTERFACE,
      subnetIds: subnets.map(subnet => subnet.subnetId),
      securityGroupIds: [this.endpointSecurityGroup.securityGroupId],
    });
    const endpoint = ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(this.interfaceEndpointScope, `${id}Ref`, {
      vpcEndpointId: resource.ref,
      port: service.port,
      securityGroups: [this.endpointSecurityGroup],
    });
    const record: InterfaceEndpointRecord = {
      key,
      id,
      service,
      serviceName,
      serviceRegion,
      shortName,
      resource,
      endpoint,
      subnets,
      skippedAzs: placement.skippedAzs,
      servicePorts: [],
    };
    this.interfaceEndpointRecords.set(key, record);
    this.configureInterfaceEndpoint(record);
    return record;
  }

  private sameServiceName(a: ec2.IGatewayVpcEndpointService, b: ec2.IGatewayVpcEndpointService): boolean {
    return this.readableName(a) === this.readableName(b);
  }

  /** A service name as messages show it: the literal, or the resolved template value as JSON. */
  private readableName(service: ec2.IGatewayVpcEndpointService): string {
    const resolved: unknown = Stack.of(this).resolve(service.name);
    return typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
  }

  /**
   * The name of a service in `serviceRegion`: an AWS service's name has the stack's Region in it, which is swapped for
   * the other one where both are literal. Any other name is taken as given, and the rules check its Region.
   */
  private serviceNameIn(service: ec2.IInterfaceVpcEndpointService, serviceRegion: string | undefined): string {
    if (serviceRegion === undefined) {
      return service.name;
    }
    const stackRegion = Stack.of(this).region;
    const name: unknown = Stack.of(this).resolve(service.name);
    if (typeof name !== 'string' || Token.isUnresolved(stackRegion) || !name.includes(`.${stackRegion}.`)) {
      return service.name;
    }
    return name.replace(`.${stackRegion}.`, `.${serviceRegion}.`);
  }

  /**
   * The construct ID of a service's endpoint, from its short name. A name known only at deploy time (a token) has
   * none, and an index would change other endpoints' logical IDs, so such a service cannot be added here.
   */
  private endpointId(service: ec2.IInterfaceVpcEndpointService | ec2.IGatewayVpcEndpointService): string {
    const id = endpointConstructId(service);
    if (id === '') {
      throw new Error(`${this.node.path}: cannot name an endpoint after service '${service.name}', which is only known at `
        + 'deploy time. Give the service name as a literal; for a PrivateLink service known only at deploy time use '
        + 'EndpointConsumer.');
    }
    return id;
  }

  /**
   * Takes the options of a call for a service that may already have an endpoint: the first options given
   * configure it, later different ones are reported at synth instead of being dropped.
   */
  private setOptions<Options extends object>(record: EndpointRecord<Options>, method: string, options: Options, configure: () => void): void {
    const given = Object.entries(options).filter(([, value]) => value !== undefined);
    if (given.length === 0) {
      return;
    }
    if (record.options === undefined) {
      record.options = options;
      configure();
    } else if (!sameOptions(record.options, options)) {
      this.conflictingOptions.push(
        `\`${method}\` gives options (${given.map(([name]) => name).join(', ')}) for '${record.shortName}', whose endpoint `
        + 'already has options from an earlier call; one endpoint takes one set of options. Give all of them in one call.');
    }
  }

  private configureGatewayEndpoint(record: GatewayEndpointRecord): void {
    record.resource.routeTableIds = uniqueRouteTableIds(this.gatewayEndpointSubnets(record.options));
    this.applyPolicy(record.resource, record.shortName, true, record.options?.policy);
  }

  private configureInterfaceEndpoint(record: InterfaceEndpointRecord): void {
    record.resource.privateDnsEnabled = this.isPrivateDnsEnabled(record);
    record.resource.ipAddressType = this.ipAddressTypeOf(record);
    // In-VPC traffic to S3 and DynamoDB takes the free gateway endpoint; their interface endpoint's private DNS
    // is for on-premises clients, through a Route 53 Resolver inbound endpoint.
    const dnsOptions: ec2.CfnVPCEndpoint.DnsOptionsSpecificationProperty = {
      dnsRecordIpType: this.dnsRecordIpTypeOf(record),
      privateDnsOnlyForInboundResolverEndpoint: this.isResolverOnly(record)
        ? ec2.VpcEndpointPrivateDnsOnlyForInboundResolverEndpoint.ONLY_INBOUND_RESOLVER
        : undefined,
    };
    record.resource.dnsOptions = Object.values(dnsOptions).some(value => value !== undefined) ? dnsOptions : undefined;
    this.orderResolverOnlyDns(record.shortName);
    this.applyPolicy(record.resource, record.shortName, false, record.options?.policy);
  }

  /**
   * EC2 creates an S3 or DynamoDB interface endpoint with resolver-only private DNS only once the service's gateway
   * endpoint exists, and deletes the gateway endpoint only after it: CloudFormation must order them.
   */
  private orderResolverOnlyDns(shortName: string): void {
    const gatewayEndpoint = this.gatewayEndpointRecords.get(shortName);
    for (const interfaceEndpoint of this.interfaceEndpointRecords.values()) {
      if (interfaceEndpoint.shortName === shortName && this.isResolverOnly(interfaceEndpoint) && gatewayEndpoint) {
        interfaceEndpoint.resource.addResourceDependency(gatewayEndpoint.resource);
      }
    }
  }

  /**
   * A PrivateLink endpoint service's `privateDnsDefault` is false: EC2 refuses private DNS on an endpoint to it unless
   * its provider has a verified private DNS name ("Manage DNS names for VPC endpoint services",
   * https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html), which only the user can know.
   */
  private isPrivateDnsEnabled(record: InterfaceEndpointRecord): boolean {
    return record.options?.privateDnsEnabled ?? (record.service.privateDnsDefault !== false && this.privateDnsEnabled);
  }

  private ipAddressTypeOf(record: InterfaceEndpointRecord): ec2.VpcEndpointIpAddressType | undefined {
    return record.options?.ipAddressType ?? this.ipAddressType;
  }

  private dnsRecordIpTypeOf(record: InterfaceEndpointRecord): ec2.VpcEndpointDnsRecordIpType | undefined {
    return record.options?.dnsRecordIpType ?? this.dnsRecordIpType;
  }

  /** The TCP ports the endpoint security group admits for an endpoint. */
  private clientPorts(record: InterfaceEndpointRecord): number[] {
    return record.options?.ports ?? record.servicePorts.flatMap(port => clientPortsOf(record.shortName, port));
  }

  /** S3 and DynamoDB interface endpoints whose private DNS answers only a Route 53 Resolver inbound endpoint. */
  private isResolverOnly(record: InterfaceEndpointRecord): boolean {
    return this.isPrivateDnsEnabled(record) && SERVICES_WITH_BOTH_ENDPOINT_TYPES.includes(record.shortName);
  }

  /** The subnets whose route tables get a gateway endpoint's route. */
  private gatewayEndpointSubnets(options?: GatewayEndpointOptions): ec2.ISubnet[] {
    return options?.subnets
      // A selection the VPC cannot make selects nothing, which `validateGatewayRouteTables` reports.
      ? options.subnets.flatMap(selection => selectSubnets(this.vpc, selection).subnets)
      : this.workloadSubnets();
  }

  /** The subnets that host workloads: every private and isolated subnet. */
  private workloadSubnets(): ec2.ISubnet[] {
    return [...this.vpc.privateSubnets, ...this.vpc.isolatedSubnets];
  }

  /** Renders the endpoint's policy: the per-endpoint one, or the construct's where the service supports a policy. */
  private applyPolicy(resource: ec2.CfnVPCEndpoint, shortName: string, gateway: boolean, override?: EndpointPolicy): void {
    const policy = override ?? (supportsEndpointPolicy(shortName) ? this.endpointPolicy : undefined);
    const statements = policy?.bind(resource, { serviceShortName: shortName, gateway }).statements ?? [];
    resource.policyDocument = statements.length > 0 ? new iam.PolicyDocument({ statements }) : undefined;
  }

  private addFlowLog(retention: logs.RetentionDays): void {
    const logGroup = new logs.LogGroup(this, 'FlowLogGroup', { retention });
    new ec2.FlowLog(this, 'FlowLog', {
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
    const interfaceRecords = [...this.interfaceEndpointRecords.values()];
    const gatewayRecords = [...this.gatewayEndpointRecords.values()];
    const gatewayServices = [...this.gatewayEndpointRecords.keys(), ...this.existingGatewayServices];
    const vpcDetails = this.vpc instanceof ec2.Vpc ? this.vpc : undefined;
    const privateDnsServices = interfaceRecords.filter(record => this.isPrivateDnsEnabled(record)).map(record => record.shortName);
    return [
      ...validateAdoptedVpcProps(this.vpcDefinedHere ? []
        : (['ipAddresses', 'ipProtocol', 'maxAzs', 'cidrMask'] as const).filter(prop => props[prop] !== undefined)),
      ...this.cidrMaskFindings,
      ...this.conflictingOptions.map(error),
      ...validateExistingGatewayEndpoints([...this.gatewayEndpointRecords.keys()], this.existingGatewayServices),
      ...gatewayRecords.flatMap(record => [
        ...validateGatewayService(record.shortName),
        ...validateGatewayRouteTables(record.shortName, this.workloadRouteTableCount(record)),
      ]),
      ...this.gatewayClashFindings(gatewayRecords),
      ...(interfaceRecords.length > 0 ? validateEndpointSubnets(this.endpointSubnetsSelected.map(toPlacement), this.endpointSubnetsProblem) : []),
      ...interfaceRecords.flatMap(record => this.placementFindings(record)),
      ...interfaceRecords.flatMap(record => validateEndpointPorts(record.shortName, record.options?.ports ?? [])),
      ...interfaceRecords.flatMap(record => this.ipFamilyFindings(record)),
      ...interfaceRecords.flatMap(record => record.serviceRegion === undefined ? [] : validateCrossRegionEndpoint({
        shortName: record.shortName,
        serviceName: literalOrUndefined(Stack.of(this).resolve(record.serviceName)),
        serviceRegion: record.serviceRegion,
        stackRegion: Stack.of(this).region,
      })),
      ...validateEndpointAzs(props.endpointAzs, this.endpointSubnetsSelected.length),
      ...validateBundleDependencies(this.bundles.map(bundle => ({
        name: bundle.name,
        requiredGatewayEndpoints: bundle.requiredGatewayEndpoints.map(serviceShortName),
      })), gatewayServices),
      ...validateResolverOnlyDns(privateDnsServices, gatewayServices),
      ...this.policyFindings(interfaceRecords, false),
      ...this.policyFindings(gatewayRecords, true),
      ...warnPolicyNotApplied(interfaceRecords
        .filter(record => record.options?.policy === undefined && !supportsEndpointPolicy(record.shortName))
        .filter(record => this.endpointPolicy.bind(record.resource, { serviceShortName: record.shortName }).statements.length > 0)
        .map(record => record.shortName)),
      ...validateClientCidrs(this.clientCidrs),
      ...validateEndpointIngress(findIpv4CidrBlocks(this.vpc, this).length, interfaceRecords.length),
      ...warnUnknownCidrBlocks(!(this.vpc instanceof ec2.Vpc), props.clientCidrs !== undefined, interfaceRecords.length > 0),
      ...warnUnreachableResolverOnlyEndpoints(
        interfaceRecords.filter(record => this.isResolverOnly(record)).map(record => record.shortName), this.clientCidrs.length),
      ...validateVpcDns(privateDnsServices.length > 0 ? [`\`privateDnsEnabled\` (for ${privateDnsServices.join(', ')})`] : [],
        vpcDetails?.dnsSupportEnabled, vpcDetails?.dnsHostnamesEnabled),
      ...validateInterfaceEndpointQuota(countQuotaEndpoints(this.vpc, this)),
      ...validateNoInternetRoutes(findInternetRoutes(this.vpc, this), this.vpcDefinedHere,
        uniqueRouteTableIds([...this.workloadSubnets(), ...this.endpointSubnetsSelected])),
    ];
  }

  /**
   * The policy rules, run once per group of endpoints that render the same document from the same prop, so that one
   * invalid policy applied to many endpoints is one finding naming them all.
   */
  private policyFindings(records: Array<EndpointRecord<{ readonly policy?: EndpointPolicy }>>, gateway: boolean): Finding[] {
    const stack = Stack.of(this);
    const groups = new Map<string, { prop: string; policyDocument: unknown; serviceShortNames: string[] }>();
    for (const record of records) {
      const prop = record.options?.policy ? 'policy' : 'endpointPolicy';
      const policyDocument = record.resource.policyDocument ? stack.resolve(record.resource.policyDocument) : undefined;
      const key = JSON.stringify([prop, policyDocument]);
      const group = groups.get(key) ?? { prop, policyDocument, serviceShortNames: new Array<string>() };
      group.serviceShortNames.push(record.shortName);
      groups.set(key, group);
    }
    return [...groups.values()].flatMap(group => validateEndpointPolicy({ ...group, gateway }));
  }

  /** The endpoint's subnets must have the address families of its IP address type, and its DNS records addresses. */
  private ipFamilyFindings(record: InterfaceEndpointRecord): Finding[] {
    const endpoint = `interface endpoint '${record.shortName}'`;
    return [
      ...validateIpAddressType(endpoint, this.ipAddressTypeOf(record),
        record.subnets.map(subnet => subnetFamilies(subnet, toPlacement(subnet).subnetId))),
      ...validateDnsRecordIpType(endpoint, this.dnsRecordIpTypeOf(record), this.ipAddressTypeOf(record)),
    ];
  }

  /** Gateway endpoints of the same services on the same route tables, defined elsewhere in the app. */
  private gatewayClashFindings(records: GatewayEndpointRecord[]): Finding[] {
    const endpoints = findGatewayEndpoints(this.vpc, this)
      .map(found => ({ ...found, ours: records.some(record => record.resource.node.path === found.path) }));
    return validateGatewayEndpointClashes(endpoints.filter(e => e.ours), endpoints.filter(e => !e.ours));
  }

  private workloadRouteTableCount(record: GatewayEndpointRecord): number {
    const workloadRouteTableIds = uniqueRouteTableIds(this.workloadSubnets());
    return uniqueRouteTableIds(this.gatewayEndpointSubnets(record.options)).filter(id => workloadRouteTableIds.includes(id)).length;
  }

  private placementFindings(record: InterfaceEndpointRecord): Finding[] {
    const skipped = warnUnsupportedAzs(`interface endpoint '${record.shortName}'`, record.skippedAzs);
    if (record.subnets.length === 0 && this.endpointSubnetsSelected.length > 0) {
      return [...skipped, error(
        `interface endpoint '${record.shortName}' has no subnet: the service is available in none of the AZs of `
        + '`endpointSubnets`. Select subnets in AZs the service supports, or remove the endpoint.')];
    }
    return skipped;
  }
}

/** The prefix length of the VPC's IPv4 block, where `ipAddresses` gives a literal one (an IPAM pool gives none). */
function vpcPrefixLength(ipAddresses: ec2.IIpAddresses): number | undefined {
  const cidrBlock = ipAddresses.allocateVpcCidr().cidrBlock;
  const prefix = cidrBlock !== undefined && !Token.isUnresolved(cidrBlock) ? /\/(\d+)$/.exec(cidrBlock)?.[1] : undefined;
  return prefix === undefined ? undefined : Number(prefix);
}

/** A resolved value that is a string with no tokens left in it, or undefined. */
function literalOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && !Token.isUnresolved(value) ? value : undefined;
}

function uniqueRouteTableIds(subnets: ec2.ISubnet[]): string[] {
  return [...new Set(subnets.map(subnet => subnet.routeTable?.routeTableId).filter((id): id is string => id !== undefined))];
}

/** Whether two option objects give the same values (policies and subnet selections compared as objects, lists by element). */
function sameOptions(a: object, b: object): boolean {
  const values = (options: object) => new Map(Object.entries(options).filter(([, value]) => value !== undefined));
  const [first, second] = [values(a), values(b)];
  const same = (x: unknown, y: unknown) => x === y
    || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((element, i) => element === y[i]));
  return first.size === second.size && [...first].every(([key, value]) => same(value, second.get(key)));
}
