import { Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53targets from 'aws-cdk-lib/aws-route53-targets';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { EndpointConsumerCostEstimate } from './cost';
import { EndpointServiceProvider } from './endpoint-service-provider';
import { estimateConsumerCost } from './private/cost/cost-model';
import { serviceShortName } from './private/facts/service-names';
import { AppInventory } from './private/inventory/app-inventory';
import { findIpv4CidrBlocks } from './private/inventory/vpc-inspection';
import { uniqueNetworks } from './private/rules/cidr-blocks';
import {
  DnsChoice,
  mixedEnvironmentProviderMessage,
  noSubnetMessage,
  ProviderFacts,
  validateDomainName,
  validatePrivateDns,
  validateProviderAzs,
  otherRegionOfServiceName,
  validateProviderRegion,
  validateServiceName,
  validateServiceRegion,
  validateUniqueZone,
  warnCrossRegionServiceName,
} from './private/rules/consumer';
import { crossAccountReferenceMessage } from './private/rules/cross-account';
import { normalizeDomainName } from './private/rules/domain-names';
import { knownZoneName, validateZoneNameKnown } from './private/rules/hosted-zones';
import { subnetFamilies, validateDnsRecordIpType, validateIpAddressType } from './private/rules/ip-family';
import {
  toPlacement,
  validateClientCidrs,
  validateClientCidrsWithSecurityGroups,
  validateEndpointIngress,
  validateOneSubnetPerAz,
  validateVpcDns,
  warnUnknownCidrBlocks,
  warnUnsupportedAzs,
} from './private/rules/vpc';
import { addRules } from './private/wiring/add-rules';
import { supportedAzSubnets } from './private/wiring/availability-zones';
import { checkProps } from './private/wiring/check-props';
import { selectSubnets } from './private/wiring/subnet-selection';
import { allowEndpointClientsAtSynth } from './private/wiring/vpc-ingress';

/**
 * Properties of an `EndpointConsumer`.
 */
export interface EndpointConsumerProps {
  /**
   * The VPC whose workloads use the service.
   */
  readonly vpc: ec2.IVpc;

  /**
   * The PrivateLink service to connect to: an `EndpointServiceProvider` in the same account, or
   * `new ec2.InterfaceVpcEndpointService('com.amazonaws.vpce.<region>.vpce-svc-<id>', port)` for a service in
   * another account (or `EndpointConsumer.serviceFromParameter()` to read the name from an SSM parameter).
   */
  readonly service: ec2.IInterfaceVpcEndpointService;

  /**
   * The subnets of the endpoint's network interfaces: at most one subnet per AZ (two in one AZ is an error,
   * not a silent pick). Where the stack's account and Region are known and the service name is a literal, AZs
   * the service does not support are left out, with a warning each.
   *
   * With an `EndpointServiceProvider` of the same account and Region, a subnet in an AZ its NLB does not serve
   * is an error. AZ names map to different zones in each account, so for a provider in another account this
   * is not checked: agree on AZ IDs (like `use1-az1`) with the provider's owner.
   *
   * @default - the VPC's default subnets (private, else isolated, else public), one per AZ
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Whether the endpoint answers the service's private DNS name (an `EndpointServiceProvider` with a
   * `privateDnsName`, once AWS has verified the domain) inside the VPC.
   *
   * @default - false when `domainName` is set (split-horizon DNS takes its place); otherwise the service's
   * `privateDnsDefault`: true for AWS services, false for an `EndpointServiceProvider` (its name must be verified
   * first) and for `new ec2.InterfaceVpcEndpointService(...)`
   */
  readonly privateDnsEnabled?: boolean;

  /**
   * The name clients use for the service (split-horizon DNS), like `orders.internal.example.com`. The
   * construct defines a private hosted zone of that name in `vpc`, or uses `hostedZone`, and an alias A
   * record from the name to the endpoint.
   *
   * @default - no DNS records; clients use `dnsName`
   */
  readonly domainName?: string;

  /**
   * An existing hosted zone, associated with `vpc`, to add the records for `domainName` to, instead of
   * defining a private hosted zone. Use it for several services under one domain, or when the VPC already has
   * a zone of that name (Route 53 refuses a second one). Its name must be known: import it with
   * `fromHostedZoneAttributes()`, not `fromHostedZoneId()`.
   *
   * @default - a new private hosted zone for `domainName`
   */
  readonly hostedZone?: route53.IHostedZone;

  /**
   * Whether to add the wildcard record `*.<domainName>` too, for services that answer on subdomains.
   *
   * @default false
   */
  readonly wildcardRecord?: boolean;

  /**
   * The Region of the service, for a cross-Region endpoint (the provider must allow this stack's Region in its
   * supported Regions). The endpoint's network interfaces are in this VPC's AZs; the AZs the service supports are not
   * looked up, because the CDK context provider asks about services in the stack's Region only.
   *
   * @default - the Region of an `EndpointServiceProvider` in another Region, or the Region in a literal service name
   * (with a warning that its provider must allow this stack's Region); otherwise the stack's Region
   */
  readonly serviceRegion?: string;

  /**
   * The IP address type of the endpoint's network interfaces: dual-stack needs dual-stack subnets, IPv6 needs
   * IPv6-only subnets, and the service must accept the addresses (an `EndpointServiceProvider`'s
   * `supportedIpAddressTypes`).
   *
   * @default - not set: EC2 assigns IPv4 addresses
   */
  readonly ipAddressType?: ec2.VpcEndpointIpAddressType;

  /**
   * The type of the DNS records the endpoint gets. With IPv6 addresses, the split-horizon zone of `domainName` gets
   * AAAA alias records beside (or, for IPv6 only, instead of) the A records.
   *
   * @default - not set: EC2's default for the IP address type
   */
  readonly dnsRecordIpType?: ec2.VpcEndpointDnsRecordIpType;

  /**
   * Security groups of the endpoint. The construct adds no rules to them.
   *
   * @default - a new security group that allows the service's port from the VPC's IPv4 CIDR blocks (an imported VPC
   * must be given its `vpcCidrBlock`) and `clientCidrs` only, with no egress rules (the L2's default allows all
   * outbound traffic)
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Clients outside the VPC's own CIDR blocks that may reach the endpoint: IPv4 or IPv6 CIDR blocks of on-premises
   * networks (over VPN or Direct Connect), peered VPCs or VPCs behind a transit gateway, or prefix list IDs (`pl-...`).
   * Admitted by the security group the construct defines; cannot be combined with `securityGroups`.
   *
   * @default - none: only the VPC's own CIDR blocks
   */
  readonly clientCidrs?: string[];
}

/**
 * The consumer side of AWS PrivateLink: an interface endpoint in a VPC to a PrivateLink service, with one
 * network interface per AZ the service supports, reachable only from the VPC by default, and optionally
 * split-horizon DNS (a private hosted zone with alias records to the endpoint).
 *
 * For a service in another account, the provider must allow this account's principal, and accept the
 * connection when acceptance is required.
 */
export class EndpointConsumer extends Construct implements ec2.IConnectable {
  /**
   * A service whose name is read from an SSM parameter in this stack's account and Region when the stack
   * is deployed: the handoff from an `EndpointServiceProvider` with `serviceNameParameter` in another stack.
   *
   * @param scope any construct in the consumer's stack
   * @param parameterName the name of the String parameter that holds the service name
   * @param port the TCP port of the service
   */
  public static serviceFromParameter(scope: Construct, parameterName: string, port: number): ec2.IInterfaceVpcEndpointService {
    return new ec2.InterfaceVpcEndpointService(ssm.StringParameter.valueForStringParameter(scope, parameterName), port);
  }

  /** The interface endpoint. */
  public readonly endpoint: ec2.IInterfaceVpcEndpoint;

  /** The ID of the interface endpoint, like `vpce-0123456789abcdef0`. */
  public readonly vpcEndpointId: string;

  /**
   * The name clients should use: `domainName` when given; the provider's private DNS name when private DNS is
   * on; otherwise the endpoint's regional DNS name.
   */
  public readonly dnsName: string;

  /** The endpoint's security groups, with the service's port as the default port. */
  public readonly connections: ec2.Connections;

  /** The hosted zone that holds the records for `domainName`: the one defined here or `hostedZone`. */
  public readonly hostedZone?: route53.IHostedZone;

  /** The private hosted zone defined here for `domainName`, which no other zone of that name may share a VPC with. */
  private readonly definedZone?: route53.PrivateHostedZone;
  private readonly serviceLabel: string;
  private readonly endpointAzCount: number;

  constructor(scope: Construct, id: string, props: EndpointConsumerProps) {
    super(scope, id);
    checkProps(this, 'EndpointConsumer', props);

    const { vpc, service } = props;
    const stack = Stack.of(this);
    const provider = service instanceof EndpointServiceProvider ? service : undefined;
    if (provider) {
      const problem = crossAccountReferenceMessage({
        prop: 'service',
        object: 'the provider',
        path: provider.node.path,
        account: Stack.of(provider).account,
        value: 'the service name',
        fix: 'Pass the name as a string, `new ec2.InterfaceVpcEndpointService(\'<name from the provider\'s ServiceName output>\', port)`, '
          + 'or read it from a parameter in this account with `EndpointConsumer.serviceFromParameter()`.',
      }, stack.account) ?? mixedEnvironmentProviderMessage(provider.node.path, Stack.of(provider), stack);
      if (problem) {
        throw new Error(`EndpointConsumer ${this.node.path}: ${problem}`);
      }
    }

    const selection = selectSubnets(vpc, props.vpcSubnets ?? { onePerAz: true });
    const selected = selection.subnets;
    const resolvedServiceName: unknown = stack.resolve(service.name);
    const literalServiceName = literalString(resolvedServiceName);
    const serviceRegion = props.serviceRegion ?? serviceRegionOf(provider, literalServiceName, stack.region);
    // The context lookup asks about the service in this stack's Region, so a cross-Region service is not looked up.
    const crossRegion = serviceRegion !== undefined && serviceRegion !== stack.region;
    const placement = crossRegion ? { subnets: selected, skippedAzs: [] } : supportedAzSubnets(this, resolvedServiceName, selected);
    if (placement.subnets.length === 0) {
      throw new Error(`EndpointConsumer ${this.node.path}: ${noSubnetMessage(placement.skippedAzs, selection.problem)}`);
    }

    this.endpointAzCount = placement.subnets.length;
    this.serviceLabel = serviceLabel(service, literalServiceName, provider);

    const clientCidrs = uniqueNetworks(props.clientCidrs ?? []);
    const securityGroups = props.securityGroups ?? [this.defineSecurityGroup(vpc, service.port, clientCidrs)];
    const domainName = props.domainName === undefined ? undefined : normalizeDomainName(props.domainName);
    const privateDnsEnabled = props.privateDnsEnabled ?? (domainName === undefined && (service.privateDnsDefault ?? true));

    const endpoint = new ec2.InterfaceVpcEndpoint(this, 'Endpoint', {
      vpc,
      service,
      subnets: { subnets: placement.subnets },
      securityGroups,
      // Ingress comes from the security group defined here, never from the L2 (which would also open given ones).
      open: false,
      privateDnsEnabled,
      serviceRegion,
      ipAddressType: props.ipAddressType,
      dnsRecordIpType: props.dnsRecordIpType,
    });
    this.endpoint = endpoint;
    this.vpcEndpointId = endpoint.vpcEndpointId;
    this.connections = endpoint.connections;

    const hostedZoneName = props.hostedZone && knownZoneName(props.hostedZone);
    const dnsChoice: DnsChoice = {
      privateDnsEnabled,
      domainName,
      hostedZoneName,
      hostedZoneGiven: props.hostedZone !== undefined,
      wildcardRecord: props.wildcardRecord ?? false,
    };
    // An invalid name, or a zone imported without its name, is reported at synth; defining records would throw first.
    const zoneUsable = props.hostedZone === undefined || hostedZoneName !== undefined;
    if (domainName !== undefined && zoneUsable && validateDomainName(dnsChoice).length === 0) {
      if (props.hostedZone) {
        this.hostedZone = props.hostedZone;
      } else {
        this.definedZone = new route53.PrivateHostedZone(this, 'HostedZone', { zoneName: domainName, vpc });
        this.hostedZone = this.definedZone;
      }
      const families = addressFamiliesOf(props.ipAddressType);
      this.addAliasRecords('Record', this.hostedZone, domainName, endpoint, families);
      if (props.wildcardRecord) {
        this.addAliasRecords('WildcardRecord', this.hostedZone, `*.${domainName}`, endpoint, families);
      }
    } else {
      this.hostedZone = props.hostedZone;
    }

    this.dnsName = domainName
      ?? (privateDnsEnabled ? provider?.privateDnsName : undefined)
      // Each DNS entry is `<hosted zone ID>:<DNS name>`; the first is the endpoint's regional name.
      ?? Fn.select(1, Fn.split(':', Fn.select(0, endpoint.vpcEndpointDnsEntries)));

    const providerFacts = provider ? this.providerFacts(provider) : undefined;
    addRules(this, 'EndpointConsumer', () => {
      const vpcDetails = vpc instanceof ec2.Vpc ? vpc : undefined;
      return [
        ...validateServiceName(literalServiceName, serviceRegion),
        ...validateServiceRegion(props.serviceRegion, provider && { path: provider.node.path, region: Stack.of(provider).region }),
        ...(crossRegion && !provider && literalServiceName ? warnCrossRegionServiceName(literalServiceName, serviceRegion!, stack.region) : []),
        ...(provider ? validateProviderRegion({
          providerPath: provider.node.path,
          providerStack: Stack.of(provider).stackName,
          providerRegion: Stack.of(provider).region,
          allowedRegions: provider.allowedRegions,
          consumerStack: stack.stackName,
          consumerRegion: stack.region,
        }) : []),
        ...validateIpAddressType('the endpoint', props.ipAddressType, selected.map(subnet => subnetFamilies(subnet, toPlacement(subnet).subnetId))),
        ...validateDnsRecordIpType('the endpoint', props.dnsRecordIpType, props.ipAddressType),
        ...validateOneSubnetPerAz('vpcSubnets', selected.map(toPlacement)),
        // Given security groups are used as they are; the one defined here admits the VPC's CIDR blocks and clientCidrs.
        ...(props.securityGroups ? [] : validateEndpointIngress(findIpv4CidrBlocks(vpc, this).length, 1)),
        ...validateClientCidrsWithSecurityGroups(props.clientCidrs !== undefined, props.securityGroups !== undefined),
        ...validateClientCidrs(clientCidrs),
        ...warnUnknownCidrBlocks(!(vpc instanceof ec2.Vpc), props.clientCidrs !== undefined, props.securityGroups === undefined),
        ...warnUnsupportedAzs(`the endpoint to ${literalServiceName ?? service.name}`, placement.skippedAzs),
        ...validateProviderAzs(placement.subnets.map(subnet => subnet.availabilityZone), providerFacts),
        ...validatePrivateDns(dnsChoice, providerFacts),
        ...validateZoneNameKnown('hostedZone', { given: props.hostedZone !== undefined, name: hostedZoneName }, 'HostedZone.fromHostedZoneAttributes()'),
        ...validateDomainName(dnsChoice),
        ...validateUniqueZone(domainName, this.clashingZones(vpc)),
        ...validateVpcDns([
          ...(privateDnsEnabled ? ['`privateDnsEnabled`'] : []),
          ...(domainName !== undefined && !props.hostedZone ? ['`domainName`'] : []),
        ], vpcDetails?.dnsSupportEnabled, vpcDetails?.dnsHostnamesEnabled),
      ];
    });
  }

  /**
   * Estimates the monthly cost of the interface endpoint at list prices: its hourly charge per AZ, with the
   * per-GB rate of the data it processes. Not priced where the stack's Region is unresolved or not in the
   * library's price table.
   */
  public estimateMonthlyCost(): EndpointConsumerCostEstimate {
    return estimateConsumerCost({ region: Stack.of(this).region, service: this.serviceLabel, availabilityZones: this.endpointAzCount });
  }

  private defineSecurityGroup(vpc: ec2.IVpc, port: number, clientCidrs: string[]): ec2.ISecurityGroup {
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'Interface endpoint to a PrivateLink service: the service port from the VPC CIDR blocks only',
      allowAllOutbound: false,
    });
    allowEndpointClientsAtSynth(this, vpc, securityGroup, () => [port], clientCidrs);
    return securityGroup;
  }

  /**
   * Alias records from `recordName` to the endpoint: A where it has IPv4 addresses (under `id`, as before IPv6 was
   * supported), AAAA where it has IPv6 ones (under `<id>Ipv6`).
   */
  private addAliasRecords(id: string, zone: route53.IHostedZone, recordName: string, endpoint: ec2.InterfaceVpcEndpoint,
    families: { ipv4: boolean; ipv6: boolean }): void {
    const target = route53.RecordTarget.fromAlias(new route53targets.InterfaceVpcEndpointTarget(endpoint));
    if (families.ipv4) {
      new route53.ARecord(this, id, { zone, recordName, target });
    }
    if (families.ipv6) {
      new route53.AaaaRecord(this, `${id}Ipv6`, { zone, recordName, target });
    }
  }

  /**
   * What can be compared with the provider: AZ names only within one account and Region (they map to
   * different zones elsewhere), and its private DNS name.
   */
  private providerFacts(provider: EndpointServiceProvider): ProviderFacts {
    const providerStack = Stack.of(provider);
    const stack = Stack.of(this);
    const sameEnvironment = [providerStack.account, providerStack.region].every(value => !Token.isUnresolved(value))
      && providerStack.account === stack.account && providerStack.region === stack.region;
    return {
      path: provider.node.path,
      availabilityZones: sameEnvironment ? provider.availabilityZones : undefined,
      privateDnsName: provider.privateDnsName,
    };
  }

  /** Paths of the other private hosted zones in the app of the defined zone's name, associated with the same VPC. */
  private clashingZones(vpc: ec2.IVpc): string[] {
    const zone = this.definedZone;
    if (!zone) {
      return [];
    }
    return AppInventory.of(this).privateHostedZones(vpc.vpcId, zone.zoneName)
      .filter(other => other.construct !== zone)
      .map(other => other.construct.node.path);
  }
}

/**
 * How the cost estimate names the service: its short name (`vpce-svc-...`) when the name is known at synth,
 * otherwise where it comes from.
 */
function serviceLabel(service: ec2.IInterfaceVpcEndpointService, literalServiceName: string | undefined, provider?: EndpointServiceProvider): string {
  if (literalServiceName !== undefined) {
    return serviceShortName(service);
  }
  return provider ? `the endpoint service of ${provider.node.path}` : 'a service whose name is known at deploy time';
}

/**
 * The Region of the service when it is not the stack's: an `EndpointServiceProvider`'s own Region, or the Region in
 * a literal service name. Undefined when it is the stack's or cannot be known.
 */
function serviceRegionOf(provider: EndpointServiceProvider | undefined, literalServiceName: string | undefined,
  stackRegion: string): string | undefined {
  if (provider) {
    const providerRegion = Stack.of(provider).region;
    return !Token.isUnresolved(providerRegion) && !Token.isUnresolved(stackRegion) && providerRegion !== stackRegion ? providerRegion : undefined;
  }
  return otherRegionOfServiceName(literalServiceName, stackRegion);
}

/** The address families an endpoint of this IP address type has; EC2's default is IPv4. */
function addressFamiliesOf(ipAddressType: ec2.VpcEndpointIpAddressType | undefined): { ipv4: boolean; ipv6: boolean } {
  return {
    ipv4: ipAddressType !== ec2.VpcEndpointIpAddressType.IPV6,
    ipv6: ipAddressType === ec2.VpcEndpointIpAddressType.IPV6 || ipAddressType === ec2.VpcEndpointIpAddressType.DUALSTACK,
  };
}

/** The value if it is a string with no tokens left in it. */
function literalString(value: unknown): string | undefined {
  return typeof value === 'string' && !Token.isUnresolved(value) ? value : undefined;
}
