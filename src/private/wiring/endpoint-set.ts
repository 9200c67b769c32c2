import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { supportedAzSubnets } from './availability-zones';
import { selectSubnets } from './subnet-selection';
import type { EndpointPolicy } from '../../endpoint-policy';
import type { GatewayEndpointOptions, InterfaceEndpointOptions } from '../../private-egress-vpc';
import { supportsEndpointPolicy } from '../facts/endpoint-policy-support';
import { endpointConstructId, serviceShortName, SERVICES_WITH_BOTH_ENDPOINT_TYPES } from '../facts/service-names';
import { clientPortsOf } from '../facts/service-ports';

/** What is kept about each endpoint a set defines. */
export interface EndpointRecord<Options> {
  readonly shortName: string;
  readonly resource: ec2.CfnVPCEndpoint;
  /**
   * The options of the one call that gave any. Later calls for the same service may add options to an endpoint
   * defined without, but never replace them: that would silently drop what the first call asked for.
   */
  options?: Options;
}

export interface InterfaceEndpointRecord extends EndpointRecord<InterfaceEndpointOptions> {
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

export interface GatewayEndpointRecord extends EndpointRecord<GatewayEndpointOptions> {
  readonly service: ec2.IGatewayVpcEndpointService;
  readonly endpoint: ec2.IGatewayVpcEndpoint;
}

/** What every endpoint of a set shares, and the defaults its options override. */
export interface EndpointSetProps {
  readonly vpc: ec2.IVpc;
  readonly securityGroup: ec2.ISecurityGroup;
  /** The subnets interface endpoints are placed in, one per AZ. */
  readonly endpointSubnets: ec2.ISubnet[];
  /** How many of the endpoint subnets' AZs an interface endpoint uses; undefined for all. */
  readonly endpointAzs?: number;
  readonly privateDnsEnabled: boolean;
  readonly ipAddressType?: ec2.VpcEndpointIpAddressType;
  readonly dnsRecordIpType?: ec2.VpcEndpointDnsRecordIpType;
  readonly endpointPolicy: EndpointPolicy;
}

/**
 * The endpoints of one VPC, keyed by service: each defined once under `GatewayEndpoints/` or `InterfaceEndpoints/` of
 * the owning construct, with a construct ID from the service's short name, configured from the first options given.
 */
export class EndpointSet {
  public readonly interfaceRecords = new Map<string, InterfaceEndpointRecord>();
  public readonly gatewayRecords = new Map<string, GatewayEndpointRecord>();
  /** Messages about options given for a service whose endpoint already had other options. */
  public readonly conflictingOptions: string[] = [];
  private readonly interfaceScope: Construct;
  private readonly gatewayScope: Construct;

  /** The VPC of the endpoints. */
  public readonly vpc: ec2.IVpc;

  constructor(private readonly owner: Construct, private readonly props: EndpointSetProps) {
    this.vpc = props.vpc;
    this.gatewayScope = new Construct(owner, 'GatewayEndpoints');
    this.interfaceScope = new Construct(owner, 'InterfaceEndpoints');
  }

  public addGatewayEndpoint(service: ec2.IGatewayVpcEndpointService, options: GatewayEndpointOptions): ec2.IGatewayVpcEndpoint {
    const shortName = serviceShortName(service);
    const existing = this.gatewayRecords.get(shortName);
    // A route table takes one endpoint route per service, so another name of the same service cannot get its own
    // endpoint; taking its options for the existing one would move that endpoint's routes.
    if (existing && this.readableName(existing.service) !== this.readableName(service)) {
      this.conflictingOptions.push(`\`addGatewayEndpoint\` names the service '${this.readableName(service)}', but the `
        + `'${shortName}' gateway endpoint is already defined for '${this.readableName(existing.service)}'; a route table takes one `
        + 'endpoint route per service. Keep the name EC2 uses in this Region.');
      return existing.endpoint;
    }
    const record = existing ?? this.defineGatewayEndpoint(service, shortName);
    this.setOptions(record, 'addGatewayEndpoint', options, () => this.configureGatewayEndpoint(record));
    return record.endpoint;
  }

  public addInterfaceEndpoint(service: ec2.IInterfaceVpcEndpointService, options: InterfaceEndpointOptions): ec2.IInterfaceVpcEndpoint {
    // The Region is part of which service the endpoint reaches, not an option of an endpoint.
    const { serviceRegion, ...endpointOptions } = options;
    const serviceName = this.serviceNameIn(service, serviceRegion);
    // Resolved once here: resolving a name is most of what adding an endpoint costs beyond defining it.
    const resolvedName: unknown = Stack.of(this.owner).resolve(serviceName);
    const key = JSON.stringify(resolvedName);
    const record = this.interfaceRecords.get(key) ?? this.defineInterfaceEndpoint(service, { key, serviceName, resolvedName, serviceRegion });
    if (!record.servicePorts.includes(service.port)) {
      record.servicePorts.push(service.port);
    }
    this.setOptions(record, 'addInterfaceEndpoint', endpointOptions, () => this.configureInterfaceEndpoint(record));
    return record.endpoint;
  }

  /** The record of a service's interface endpoint in the stack's Region, if the set defines one. */
  public interfaceRecordFor(service: ec2.IInterfaceVpcEndpointService): InterfaceEndpointRecord | undefined {
    return this.interfaceRecords.get(JSON.stringify(Stack.of(this.owner).resolve(service.name)));
  }

  /**
   * A PrivateLink endpoint service's `privateDnsDefault` is false: EC2 refuses private DNS on an endpoint to it unless
   * its provider has a verified private DNS name ("Manage DNS names for VPC endpoint services",
   * https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html), which only the user can know.
   */
  public isPrivateDnsEnabled(record: InterfaceEndpointRecord): boolean {
    return record.options?.privateDnsEnabled ?? (record.service.privateDnsDefault !== false && this.props.privateDnsEnabled);
  }

  public ipAddressTypeOf(record: InterfaceEndpointRecord): ec2.VpcEndpointIpAddressType | undefined {
    return record.options?.ipAddressType ?? this.props.ipAddressType;
  }

  public dnsRecordIpTypeOf(record: InterfaceEndpointRecord): ec2.VpcEndpointDnsRecordIpType | undefined {
    return record.options?.dnsRecordIpType ?? this.props.dnsRecordIpType;
  }

  /** The TCP ports the endpoint security group admits for an endpoint. */
  public clientPorts(record: InterfaceEndpointRecord): number[] {
    return record.options?.ports ?? record.servicePorts.flatMap(port => clientPortsOf(record.shortName, port));
  }

  /** S3 and DynamoDB interface endpoints whose private DNS answers only a Route 53 Resolver inbound endpoint. */
  public isResolverOnly(record: InterfaceEndpointRecord): boolean {
    return this.isPrivateDnsEnabled(record) && SERVICES_WITH_BOTH_ENDPOINT_TYPES.includes(record.shortName);
  }

  /** The subnets whose route tables get a gateway endpoint's route. */
  public gatewayEndpointSubnets(options?: GatewayEndpointOptions): ec2.ISubnet[] {
    return options?.subnets
      // A selection the VPC cannot make selects nothing, which `validateGatewayRouteTables` reports.
      ? options.subnets.flatMap(selection => selectSubnets(this.props.vpc, selection).subnets)
      : workloadSubnets(this.props.vpc);
  }

  private defineGatewayEndpoint(service: ec2.IGatewayVpcEndpointService, shortName: string): GatewayEndpointRecord {
    const id = this.endpointId(service);
    const resource = new ec2.CfnVPCEndpoint(this.gatewayScope, id, {
      vpcId: this.props.vpc.vpcId,
      serviceName: service.name,
      vpcEndpointType: ec2.VpcEndpointType.GATEWAY,
    });
    const endpoint = ec2.GatewayVpcEndpoint.fromGatewayVpcEndpointId(this.gatewayScope, `${id}Ref`, resource.ref);
    const record: GatewayEndpointRecord = { service, shortName, resource, endpoint };
    this.gatewayRecords.set(shortName, record);
    this.configureGatewayEndpoint(record);
    this.orderResolverOnlyDns(shortName);
    return record;
  }

  private defineInterfaceEndpoint(service: ec2.IInterfaceVpcEndpointService,
    { key, serviceName, resolvedName, serviceRegion }: { key: string; serviceName: string; resolvedName: unknown; serviceRegion?: string },
  ): InterfaceEndpointRecord {
    // An endpoint to the service in another Region is named after that Region too: `S3UsWest2`.
    const id = this.endpointId(service) + (serviceRegion ? endpointConstructId({ name: serviceRegion, port: 0 }) : '');
    const sameId = [...this.interfaceRecords.values()].find(record => record.id === id);
    if (sameId) {
      throw new Error(`${this.owner.node.path}: services '${sameId.key}' and '${key}' would both have the endpoint construct ID '${id}', `
        + 'which is taken from the service\'s short name. Keep the one EC2 offers in this Region, or define the other in a '
        + 'second PrivateEgressVpc (with `vpc` set to this one\'s VPC).');
    }
    const shortName = serviceShortName(service);
    // The context provider looks services up in the stack's Region only.
    const placement = serviceRegion === undefined
      ? supportedAzSubnets(this.owner, resolvedName, this.props.endpointSubnets)
      : { subnets: this.props.endpointSubnets, skippedAzs: [] };
    const subnets = placement.subnets.slice(0, this.props.endpointAzs);
    const resource = new ec2.CfnVPCEndpoint(this.interfaceScope, id, {
      vpcId: this.props.vpc.vpcId,
      serviceName,
      serviceRegion,
      vpcEndpointType: ec2.VpcEndpointType.INTERFACE,
      subnetIds: subnets.map(subnet => subnet.subnetId),
      securityGroupIds: [this.props.securityGroup.securityGroupId],
    });
    const endpoint = ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(this.interfaceScope, `${id}Ref`, {
      vpcEndpointId: resource.ref,
      port: service.port,
      securityGroups: [this.props.securityGroup],
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
    this.interfaceRecords.set(key, record);
    this.configureInterfaceEndpoint(record);
    return record;
  }

  /** A service name as messages show it: the literal, or the resolved template value as JSON. */
  private readableName(service: ec2.IGatewayVpcEndpointService): string {
    const resolved: unknown = Stack.of(this.owner).resolve(service.name);
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
    const stackRegion = Stack.of(this.owner).region;
    const name: unknown = Stack.of(this.owner).resolve(service.name);
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
      throw new Error(`${this.owner.node.path}: cannot name an endpoint after service '${service.name}', which is only known at `
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
    const gatewayEndpoint = this.gatewayRecords.get(shortName);
    for (const interfaceEndpoint of this.interfaceRecords.values()) {
      if (interfaceEndpoint.shortName === shortName && this.isResolverOnly(interfaceEndpoint) && gatewayEndpoint) {
        interfaceEndpoint.resource.addResourceDependency(gatewayEndpoint.resource);
      }
    }
  }

  /** Renders the endpoint's policy: the per-endpoint one, or the set's where the service supports a policy. */
  private applyPolicy(resource: ec2.CfnVPCEndpoint, shortName: string, gateway: boolean, override?: EndpointPolicy): void {
    const policy = override ?? (supportsEndpointPolicy(shortName) ? this.props.endpointPolicy : undefined);
    const statements = policy?.bind(resource, { serviceShortName: shortName, gateway }).statements ?? [];
    resource.policyDocument = statements.length > 0 ? new iam.PolicyDocument({ statements }) : undefined;
  }
}

/** The subnets that host workloads: every private and isolated subnet. */
export function workloadSubnets(vpc: ec2.IVpc): ec2.ISubnet[] {
  return [...vpc.privateSubnets, ...vpc.isolatedSubnets];
}

export function uniqueRouteTableIds(subnets: ec2.ISubnet[]): string[] {
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
