import { AssemblyStack, TemplateResource } from './assembly';
import { NO_INTERNET_METADATA, REQUIRED_SERVICES_METADATA } from './metadata';
import { ReferenceResolver, resourceKey } from './references';

/** Where a route sends traffic: by what kind of target, and which one (its key, when the assembly defines it). */
export interface RouteTarget {
  readonly kind: 'internet-gateway' | 'egress-only-internet-gateway' | 'nat-gateway' | 'instance' | 'transit-gateway'
  | 'peering' | 'vpc-endpoint' | 'network-interface' | 'unknown';
  readonly key?: string;
}

export interface Route {
  readonly key: string;
  /** An IPv4 or IPv6 CIDR block, or a prefix list key (`prefix-list:<...>`); undefined when unknown. */
  readonly destination?: string;
  readonly target: RouteTarget;
}

export interface Vpc {
  readonly key: string;
  readonly stack: AssemblyStack;
  readonly cidrBlocks: string[];
  readonly dnsSupport: boolean;
  readonly dnsHostnames: boolean;
}

export interface Subnet {
  readonly key: string;
  readonly path: string;
  readonly vpc?: string;
  /** The VPC's construct path, as reports name it. */
  readonly vpcPath: string;
  readonly cidrBlock?: string;
  readonly availabilityZone?: string;
  readonly mapPublicIpOnLaunch: boolean;
  /** `Public`, `Private` or `Isolated`, as aws-cdk-lib tags its subnets (`aws-cdk:subnet-type`). */
  readonly subnetType?: string;
}

/** A security group rule that admits traffic: TCP (or all) ports from a CIDR block, a group or a prefix list. */
export interface IngressRule {
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidr?: string;
  readonly sourceGroup?: string;
  readonly prefixList?: string;
  /** An IPv6 source, which admits no IPv4 client. */
  readonly ipv6Only?: boolean;
}

export interface VpcEndpoint {
  readonly key: string;
  readonly path: string;
  readonly vpc?: string;
  readonly type: string;
  /** The service name when literal, like `com.amazonaws.us-east-1.sts`. */
  readonly serviceName?: string;
  /** The endpoint service of the assembly the endpoint connects to, when its service name refers to one. */
  readonly endpointService?: string;
  /**
   * Whether the endpoint connects to a provider's endpoint service (`com.amazonaws.vpce.<region>.vpce-svc-...`, or one of
   * the assembly), rather than an AWS service.
   */
  readonly toEndpointService: boolean;
  readonly subnets: Array<string | undefined>;
  readonly securityGroups: Array<string | undefined>;
  readonly routeTables: Array<string | undefined>;
  readonly privateDnsEnabled: boolean;
  /** Whether private DNS answers only queries from Route 53 Resolver inbound endpoints (`OnlyInboundResolver`), not the VPC's clients. */
  readonly privateDnsOnlyForInboundResolver: boolean;
  /** The endpoint policy's statements, as written; undefined without a policy (full access). */
  readonly policyStatements?: unknown[];
}

/** A network ACL entry: the first entry by rule number whose protocol, ports and CIDR block match decides. */
export interface NetworkAclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  readonly allow: boolean;
  /** `-1` (all) or a protocol number (`6` TCP). */
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidr?: string;
}

export interface HostedZone {
  readonly key: string;
  readonly name: string;
  readonly vpcs: Array<string | undefined>;
}

export interface RecordSet {
  readonly zone?: string;
  readonly name: string;
  /** The endpoint an alias record points at, when the alias names an endpoint of the assembly. */
  readonly aliasEndpoint?: string;
}

/**
 * The network the templates of an assembly define, indexed by resource key: what the proof evaluates. Only the resource
 * types that decide whether a subnet reaches an endpoint or the internet are read; everything else is ignored.
 */
export class NetworkModel {
  public readonly vpcs = new Map<string, Vpc>();
  public readonly subnets = new Map<string, Subnet>();
  /** Subnet key to route table key. */
  public readonly subnetRouteTables = new Map<string, string>();
  /** Route table key to its VPC key. */
  public readonly routeTableVpcs = new Map<string, string | undefined>();
  public readonly routes = new Map<string, Route[]>();
  public readonly endpoints = new Map<string, VpcEndpoint>();
  public readonly ingress = new Map<string, IngressRule[]>();
  public readonly hostedZones = new Map<string, HostedZone>();
  public readonly records: RecordSet[] = [];
  /** VPC keys whose DNS queries a DNS Firewall rule group of the app filters, associated with the VPC itself. */
  public readonly dnsFirewalledVpcs = new Set<string>();
  /** Profile keys that hold a DNS Firewall rule group of the app, which filters every VPC associated with them. */
  public readonly dnsFirewalledProfiles = new Set<string>();
  /** The Route 53 Profiles the app defines. */
  public readonly profiles = new Set<string>();
  /** Profile key to the keys of the resources (zones, endpoints) associated with it. */
  public readonly profileResources = new Map<string, Array<string | undefined>>();
  /** VPC key to the profile keys associated with it. */
  public readonly vpcProfiles = new Map<string, Array<string | undefined>>();
  /** Endpoint service key to the keys of its Network Load Balancers. */
  public readonly endpointServiceLoadBalancers = new Map<string, Array<string | undefined>>();
  /** Load balancer key to the ports of its listeners. */
  public readonly listenerPorts = new Map<string, Array<number | undefined>>();
  /** Transit Gateway key (or `literal:tgw-...`) to the VPC keys attached to it in the app. */
  public readonly transitGatewayVpcs = new Map<string, string[]>();
  /** Subnet key to the key of its network ACL; a subnet without one has the VPC's default ACL, which allows everything. */
  public readonly subnetNetworkAcls = new Map<string, string>();
  public readonly networkAclEntries = new Map<string, NetworkAclEntry[]>();
  /** VPC key to the services its workloads declare they need (`NetworkRequirements.requireServices`). */
  public readonly requiredServices = new Map<string, string[]>();
  /** VPC keys whose workload subnets must have no internet path (`NetworkRequirements.forbidInternet`). */
  public readonly noInternet = new Set<string>();

  constructor(public readonly resolver: ReferenceResolver) {
    // VPCs first, of every stack: the order of resources and stacks means nothing, and CIDR blocks and rules read their VPC.
    const resources = resolver.assemblyStacks.flatMap(stack => Object.entries(stack.template.Resources ?? {})
      .map(([logicalId, resource]) => ({ stack, logicalId, resource })));
    for (const { stack, logicalId, resource } of [...resources.filter(r => r.resource.Type === 'AWS::EC2::VPC'),
      ...resources.filter(r => r.resource.Type !== 'AWS::EC2::VPC')]) {
      this.add(stack, logicalId, resource);
    }
    for (const stack of resolver.assemblyStacks) {
      for (const entry of stack.metadata.filter(e => e.logicalId !== undefined)) {
        const key = resourceKey(stack, entry.logicalId!);
        if (entry.type === REQUIRED_SERVICES_METADATA && Array.isArray(entry.data)) {
          this.requiredServices.set(key, [...this.requiredServices.get(key) ?? [], ...entry.data.map(String)]);
        } else if (entry.type === NO_INTERNET_METADATA) {
          this.noInternet.add(key);
        }
      }
    }
  }

  /** How a resource is named in the report: its construct path, or `<stack>/<logical ID>`; a literal as it is. */
  public nameOf(key: string | undefined): string {
    if (key === undefined) {
      return 'a resource known only at deploy time';
    }
    if (key.startsWith('literal:')) {
      return key.slice('literal:'.length);
    }
    const [stackId, logicalId] = key.split('|');
    const stack = this.resolver.assemblyStacks.find(s => s.id === stackId);
    return (stack?.constructPaths?.[logicalId] ?? `${stackId}/${logicalId}`).replace(/\/(Resource|Subnet|Default)$/, '');
  }

  /** The VPC's IPv4 CIDR block, by key, or undefined. */
  public cidrBlockOf(vpc: string | undefined): string | undefined {
    return vpc === undefined ? undefined : this.vpcs.get(vpc)?.cidrBlocks[0];
  }

  private add(stack: AssemblyStack, logicalId: string, resource: TemplateResource): void {
    const key = resourceKey(stack, logicalId);
    const props = resource.Properties ?? {};
    const path = this.nameOf(key);
    const r = this.resolver;
    switch (resource.Type) {
      case 'AWS::EC2::VPC':
        this.vpcs.set(key, {
          key,
          stack,
          cidrBlocks: [r.literal(stack, props.CidrBlock)].filter((cidr): cidr is string => cidr !== undefined),
          dnsSupport: !isFalse(props.EnableDnsSupport),
          dnsHostnames: isTrue(props.EnableDnsHostnames),
        });
        break;
      case 'AWS::EC2::VPCCidrBlock': {
        const vpc = this.vpcs.get(r.keyOf(stack, props.VpcId) ?? '');
        const cidr = r.literal(stack, props.CidrBlock);
        if (vpc && cidr) {
          vpc.cidrBlocks.push(cidr);
        }
        break;
      }
      case 'AWS::EC2::Subnet':
        this.subnets.set(key, {
          key,
          path,
          vpc: r.keyOf(stack, props.VpcId),
          vpcPath: this.nameOf(r.keyOf(stack, props.VpcId)),
          cidrBlock: r.literal(stack, props.CidrBlock),
          availabilityZone: r.literal(stack, props.AvailabilityZone),
          mapPublicIpOnLaunch: isTrue(props.MapPublicIpOnLaunch),
          subnetType: tagValue(props.Tags, 'aws-cdk:subnet-type'),
        });
        break;
      case 'AWS::EC2::RouteTable':
        this.routeTableVpcs.set(key, r.keyOf(stack, props.VpcId));
        break;
      case 'AWS::EC2::SubnetRouteTableAssociation': {
        const subnet = r.keyOf(stack, props.SubnetId);
        const routeTable = r.keyOf(stack, props.RouteTableId);
        if (subnet && routeTable) {
          this.subnetRouteTables.set(subnet, routeTable);
        }
        break;
      }
      case 'AWS::EC2::Route': {
        const routeTable = r.keyOf(stack, props.RouteTableId);
        if (routeTable) {
          const routes = this.routes.get(routeTable) ?? [];
          routes.push({ key, destination: this.destinationOf(stack, props), target: this.targetOf(stack, props) });
          this.routes.set(routeTable, routes);
        }
        break;
      }
      case 'AWS::EC2::VPCEndpoint':
        this.endpoints.set(key, {
          key,
          path,
          vpc: r.keyOf(stack, props.VpcId),
          type: r.literal(stack, props.VpcEndpointType) ?? 'Gateway',
          serviceName: this.serviceNameOf(stack, props.ServiceName),
          endpointService: this.endpointServiceOf(stack, props.ServiceName),
          toEndpointService: this.endpointServiceOf(stack, props.ServiceName) !== undefined
            || /(^|")(cn\.)?com\.amazonaws\.vpce(\.|")/.test(JSON.stringify(props.ServiceName ?? '')),
          subnets: r.keysOf(stack, props.SubnetIds),
          securityGroups: r.keysOf(stack, props.SecurityGroupIds),
          routeTables: r.keysOf(stack, props.RouteTableIds),
          privateDnsEnabled: isTrue(props.PrivateDnsEnabled),
          privateDnsOnlyForInboundResolver: ['OnlyInboundResolver', true, 'true'].includes(
            (props.DnsOptions as Record<string, unknown> | undefined)?.PrivateDnsOnlyForInboundResolverEndpoint as string),
          policyStatements: props.PolicyDocument === undefined ? undefined
            : (props.PolicyDocument as { Statement?: unknown[] }).Statement ?? [],
        });
        break;
      case 'AWS::EC2::SecurityGroup':
        this.addIngress(key, ...(Array.isArray(props.SecurityGroupIngress) ? props.SecurityGroupIngress : [])
          .map(rule => this.ingressRule(stack, rule as Record<string, unknown>)));
        break;
      case 'AWS::EC2::SecurityGroupIngress': {
        const group = r.keyOf(stack, props.GroupId);
        if (group) {
          this.addIngress(group, this.ingressRule(stack, props));
        }
        break;
      }
      case 'AWS::EC2::VPCEndpointService':
        this.endpointServiceLoadBalancers.set(key, r.keysOf(stack, props.NetworkLoadBalancerArns));
        break;
      case 'AWS::ElasticLoadBalancingV2::Listener': {
        const loadBalancer = r.keyOf(stack, props.LoadBalancerArn);
        if (loadBalancer) {
          this.listenerPorts.set(loadBalancer, [...this.listenerPorts.get(loadBalancer) ?? [], numberOf(r.literal(stack, props.Port))]);
        }
        break;
      }
      case 'AWS::EC2::TransitGatewayAttachment':
      case 'AWS::EC2::TransitGatewayVpcAttachment': {
        const transitGateway = r.keyOf(stack, props.TransitGatewayId);
        const vpc = r.keyOf(stack, props.VpcId);
        if (transitGateway && vpc) {
          this.transitGatewayVpcs.set(transitGateway, [...this.transitGatewayVpcs.get(transitGateway) ?? [], vpc]);
        }
        break;
      }
      case 'AWS::EC2::SubnetNetworkAclAssociation': {
        const subnet = r.keyOf(stack, props.SubnetId);
        const acl = r.keyOf(stack, props.NetworkAclId);
        if (subnet && acl) {
          this.subnetNetworkAcls.set(subnet, acl);
        }
        break;
      }
      case 'AWS::EC2::NetworkAclEntry': {
        const acl = r.keyOf(stack, props.NetworkAclId);
        const ports = props.PortRange as Record<string, unknown> | undefined;
        if (acl) {
          this.networkAclEntries.set(acl, [...this.networkAclEntries.get(acl) ?? [], {
            ruleNumber: Number(r.literal(stack, props.RuleNumber)),
            egress: isTrue(props.Egress),
            allow: r.literal(stack, props.RuleAction) === 'allow',
            protocol: String(r.literal(stack, props.Protocol) ?? 'unknown'),
            fromPort: numberOf(r.literal(stack, ports?.From)),
            toPort: numberOf(r.literal(stack, ports?.To)),
            cidr: r.literal(stack, props.CidrBlock ?? props.Ipv6CidrBlock),
          }]);
        }
        break;
      }
      case 'AWS::Route53::HostedZone':
        this.hostedZones.set(key, {
          key,
          name: normalize(r.literal(stack, props.Name) ?? ''),
          vpcs: (Array.isArray(props.VPCs) ? props.VPCs : []).map(vpc => r.keyOf(stack, (vpc as Record<string, unknown>).VPCId)),
        });
        break;
      case 'AWS::Route53::RecordSet': {
        const alias = (props.AliasTarget as Record<string, unknown> | undefined)?.DNSName;
        this.records.push({
          zone: r.keyOf(stack, props.HostedZoneId),
          name: normalize(r.literal(stack, props.Name) ?? ''),
          aliasEndpoint: alias === undefined ? undefined : endpointInValue(stack, alias),
        });
        break;
      }
      case 'AWS::Route53Resolver::FirewallRuleGroupAssociation': {
        const vpc = r.keyOf(stack, props.VpcId);
        if (vpc) {
          this.dnsFirewalledVpcs.add(vpc);
        }
        break;
      }
      case 'AWS::Route53Profiles::Profile':
        this.profiles.add(key);
        break;
      case 'AWS::Route53Profiles::ProfileResourceAssociation': {
        const profile = r.keyOf(stack, props.ProfileId) ?? `unknown:${key}`;
        if (refersToType(stack, props.ResourceArn, 'AWS::Route53Resolver::FirewallRuleGroup')) {
          this.dnsFirewalledProfiles.add(profile);
        }
        this.profileResources.set(profile, [...this.profileResources.get(profile) ?? [], this.associatedResource(stack, props.ResourceArn)]);
        break;
      }
      case 'AWS::Route53Profiles::ProfileAssociation': {
        const vpc = r.keyOf(stack, props.ResourceId);
        if (vpc) {
          this.vpcProfiles.set(vpc, [...this.vpcProfiles.get(vpc) ?? [], r.keyOf(stack, props.ProfileId)]);
        }
        break;
      }
      default:
        break;
    }
  }

  private addIngress(group: string, ...rules: IngressRule[]): void {
    this.ingress.set(group, [...this.ingress.get(group) ?? [], ...rules]);
  }

  private ingressRule(stack: AssemblyStack, rule: Record<string, unknown>): IngressRule {
    const r = this.resolver;
    // An IPv6 block admits no IPv4 client, and the proof judges subnets by their IPv4 blocks.
    if (rule.CidrIp === undefined && rule.CidrIpv6 !== undefined) {
      return { protocol: String(r.literal(stack, rule.IpProtocol) ?? 'unknown'), ipv6Only: true };
    }
    const cidr = this.ipv4Block(stack, rule.CidrIp);
    return {
      protocol: String(r.literal(stack, rule.IpProtocol) ?? 'unknown'),
      fromPort: numberOf(r.literal(stack, rule.FromPort)),
      toPort: numberOf(r.literal(stack, rule.ToPort)),
      cidr,
      sourceGroup: rule.SourceSecurityGroupId === undefined ? undefined : r.keyOf(stack, rule.SourceSecurityGroupId),
      prefixList: rule.SourcePrefixListId === undefined ? undefined : r.keyOf(stack, rule.SourcePrefixListId),
    };
  }

  /** A literal IPv4 block, or a VPC's own (`Fn::GetAtt: [Vpc, CidrBlock]`, as aws-cdk-lib writes `vpc.vpcCidrBlock`). */
  private ipv4Block(stack: AssemblyStack, value: unknown): string | undefined {
    const reference = this.resolver.resolve(stack, value);
    return reference.kind === 'literal' ? reference.value
      : reference.kind === 'resource' && reference.attribute === 'CidrBlock' ? this.cidrBlockOf(reference.key) : undefined;
  }

  private destinationOf(stack: AssemblyStack, props: Record<string, unknown>): string | undefined {
    const r = this.resolver;
    if (props.DestinationCidrBlock !== undefined) {
      return this.ipv4Block(stack, props.DestinationCidrBlock);
    }
    if (props.DestinationIpv6CidrBlock !== undefined) {
      return r.literal(stack, props.DestinationIpv6CidrBlock);
    }
    const prefixList = props.DestinationPrefixListId === undefined ? undefined : r.keyOf(stack, props.DestinationPrefixListId);
    return prefixList && `prefix-list:${prefixList}`;
  }

  private targetOf(stack: AssemblyStack, props: Record<string, unknown>): RouteTarget {
    const r = this.resolver;
    const targets: Array<[string, RouteTarget['kind']]> = [
      ['EgressOnlyInternetGatewayId', 'egress-only-internet-gateway'],
      ['NatGatewayId', 'nat-gateway'],
      ['InstanceId', 'instance'],
      ['TransitGatewayId', 'transit-gateway'],
      ['VpcPeeringConnectionId', 'peering'],
      ['VpcEndpointId', 'vpc-endpoint'],
      ['NetworkInterfaceId', 'network-interface'],
    ];
    for (const [property, kind] of targets) {
      if (props[property] !== undefined) {
        return { kind, key: r.keyOf(stack, props[property]) };
      }
    }
    if (props.GatewayId !== undefined) {
      const gateway = r.resolve(stack, props.GatewayId);
      const type = gateway.kind === 'resource' ? this.typeOf(gateway.key) : undefined;
      const literal = gateway.kind === 'literal' ? gateway.value : '';
      const internet = type === 'AWS::EC2::InternetGateway' || literal.startsWith('igw-');
      return { kind: internet ? 'internet-gateway' : 'unknown', key: r.keyOf(stack, props.GatewayId) };
    }
    return { kind: 'unknown' };
  }

  private typeOf(key: string): string | undefined {
    const [stackId, logicalId] = key.split('|');
    return this.resolver.assemblyStacks.find(stack => stack.id === stackId)?.template.Resources?.[logicalId]?.Type;
  }

  /** `Fn::Join` of `com.amazonaws.`, the Region and the service, as aws-cdk-lib writes a service name, or a literal. */
  private serviceNameOf(stack: AssemblyStack, value: unknown): string | undefined {
    const literal = this.resolver.literal(stack, value);
    if (literal !== undefined) {
      return literal;
    }
    const join = (value as Record<string, unknown> | undefined)?.['Fn::Join'];
    if (Array.isArray(join) && join[0] === '' && Array.isArray(join[1])) {
      const parts = (join[1] as unknown[]).map(part =>
        typeof part === 'string' ? part : (part as Record<string, unknown>)?.Ref === 'AWS::Region' ? stack.region : undefined);
      return parts.every(part => part !== undefined) ? parts.join('') : undefined;
    }
    return undefined;
  }

  /**
   * The endpoint service a service name refers to, anywhere inside it: aws-cdk-lib joins the partition's
   * `com.amazonaws.vpce.<region>` prefix to the service's ID (`Ref`), which another stack imports.
   */
  private endpointServiceOf(stack: AssemblyStack, value: unknown): string | undefined {
    const reference = this.resolver.resolve(stack, value);
    if (reference.kind === 'resource') {
      return this.typeOf(reference.key) === 'AWS::EC2::VPCEndpointService' ? reference.key : undefined;
    }
    if (value !== null && typeof value === 'object') {
      return Object.values(value).flatMap(part => Array.isArray(part) ? part : [part])
        .map(part => this.endpointServiceOf(stack, part)).find(key => key !== undefined);
    }
    return undefined;
  }

  /** The resource a Profile association names by ARN: an endpoint or a zone of the assembly. */
  private associatedResource(stack: AssemblyStack, arn: unknown): string | undefined {
    const endpoint = endpointInValue(stack, arn);
    if (endpoint) {
      return endpoint;
    }
    const text = JSON.stringify(arn ?? '');
    const zone = /"Ref":"([^"]+)"/.exec(text)?.[1];
    return zone === undefined ? undefined : resourceKey(stack, zone);
  }
}

/** The endpoint a value refers to (`Ref` or `GetAtt` of an `AWS::EC2::VPCEndpoint` inside any intrinsic), or undefined. */
function endpointInValue(stack: AssemblyStack, value: unknown): string | undefined {
  const logicalId = referencedIds(value).find(id => stack.template.Resources?.[id]?.Type === 'AWS::EC2::VPCEndpoint');
  return logicalId === undefined ? undefined : resourceKey(stack, logicalId);
}

/** Whether a value refers (`Ref` or `GetAtt` inside any intrinsic) to a resource of the type in its stack. */
function refersToType(stack: AssemblyStack, value: unknown, type: string): boolean {
  return referencedIds(value).some(id => stack.template.Resources?.[id]?.Type === type);
}

/** The logical IDs a value refers to with `Ref` or `Fn::GetAtt`, inside any intrinsic. */
function referencedIds(value: unknown): string[] {
  return [...JSON.stringify(value ?? '').matchAll(/"(?:Ref|Fn::GetAtt)":\[?"([^"]+)"/g)].map(match => match[1]);
}

/** CloudFormation takes `true` and `"true"` alike. */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

function tagValue(tags: unknown, key: string): string | undefined {
  const tag = Array.isArray(tags) ? tags.find(t => (t as Record<string, unknown>).Key === key) : undefined;
  const value = (tag as Record<string, unknown> | undefined)?.Value;
  return typeof value === 'string' ? value : undefined;
}

function numberOf(value: string | undefined): number | undefined {
  return value === undefined || Number.isNaN(Number(value)) ? undefined : Number(value);
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}
