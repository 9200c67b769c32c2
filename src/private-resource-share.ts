import { isIPv4, isIPv6 } from 'net';
import { CfnOutput, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import { Construct } from 'constructs';
import { PrivateResourceCostEstimate } from './cost';
import { estimateResourceGatewayCost } from './private/cost/cost-model';
import { LATTICE_QUOTAS } from './private/facts/quotas';
import { AppInventory } from './private/inventory/app-inventory';
import { findIpv4CidrBlocks } from './private/inventory/vpc-inspection';
import { Finding } from './private/rules/findings';
import { knownZoneName, validateZoneNameKnown } from './private/rules/hosted-zones';
import { subnetFamilies } from './private/rules/ip-family';
import { LatticeCustomDomain } from './private/rules/lattice-dns';
import { validateParameterName } from './private/rules/provider';
import { exceedsQuota } from './private/rules/quotas';
import { validateSharePrincipals } from './private/rules/ram';
import {
  DefinitionFacts,
  validateAddressFamilies,
  validateCustomDomain,
  validateDatabasePortKnown,
  validateDefinition,
  validateDomainVerification,
  validateGatewaySecurityGroups,
  validateGatewaySubnetFamilies,
  validateGatewaySubnetsSelected,
  validateIpInVpc,
  validatePortRanges,
  validatePortRangesGiven,
  validateResourceConfigurationName,
  warnSingleAzGateway,
} from './private/rules/resource';
import { toPlacement, validateOneSubnetPerAz } from './private/rules/vpc';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { CustomDomainVerification } from './private/wiring/custom-domain-verification';
import { physicalName } from './private/wiring/physical-names';
import { PrincipalShare } from './private/wiring/principal-share';
import { publishParameter } from './private/wiring/published-parameter';
import { selectSubnets } from './private/wiring/subnet-selection';
import { PortRange, ResourceDefinition, ResourceGatewayIpAddressType } from './resource-definition';

/**
 * Properties of a `PrivateResourceShare`.
 */
export interface PrivateResourceShareProps {
  /** The VPC of the resource, where the resource gateway goes. */
  readonly vpc: ec2.IVpc;

  /**
   * The resource to share: `ResourceDefinition.rdsInstance(db)`, `.rdsCluster(cluster)`, `.dnsName(name)`,
   * `.ipAddress(ip)`, or `.group(members)`.
   */
  readonly resource: ResourceDefinition;

  /**
   * The TCP ports consumers may use. Required for a domain name, an IP address or a group; not allowed for a database,
   * which is reached on its own port.
   *
   * @default - the database's port for an RDS definition; none otherwise (an error at synth)
   */
  readonly portRanges?: PortRange[];

  /**
   * The subnets of the resource gateway's network interfaces: at most one subnet per AZ, in as many AZs as possible
   * (a resource endpoint must share an AZ with the gateway).
   *
   * @default - the VPC's default subnets (private, else isolated, else public), one per AZ
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Security groups of the resource gateway (at most 5), whose outbound rules decide what the gateway may reach. The
   * construct adds no rules to them.
   *
   * @default - a new security group with no inbound rules and outbound rules to the resource on its ports only; for
   * an RDS definition, the database's security groups also admit it on the database port
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * The IP addresses of the resource gateway, which must suit its subnets and the resource's address family.
   *
   * @default ResourceGatewayIpAddressType.IPV4
   */
  readonly ipAddressType?: ResourceGatewayIpAddressType;

  /**
   * Who may use the resource, shared with AWS RAM: AWS account IDs (`'111122223333'`), organization ARNs or
   * organizational unit ARNs. More can be added with `addAllowedPrincipal()`.
   *
   * @default - none: the resource is shared with nobody until a principal is added
   */
  readonly allowedPrincipals?: string[];

  /**
   * Whether accounts outside your AWS organization may be principals of the share. Off by default, unlike AWS RAM's
   * default, so that a mistyped account ID cannot share the resource outside the organization.
   *
   * @default false
   */
  readonly allowExternalPrincipals?: boolean;

  /**
   * A name consumers use for the resource, like `orders-db.example.com`; for a group definition, the group domain,
   * under which members' `customDomainName`s are. Not for RDS definitions.
   *
   * @default - no custom domain name
   */
  readonly customDomainName?: string;

  /**
   * The ID of a VPC Lattice domain verification of `customDomainName` or of a parent domain (like
   * `dv-0123456789abcdef0`), which shows consumers that you own the domain. Start the verification
   * (`aws vpc-lattice start-domain-verification`) and publish its TXT record first; or give `publicHostedZone` instead.
   *
   * @default - the verification of `publicHostedZone`, if given; otherwise the custom domain name is not verified
   */
  readonly domainVerificationId?: string;

  /**
   * The public hosted zone of `customDomainName` (the zone of the name or of a parent domain). The construct starts a VPC
   * Lattice domain verification of the name, writes its TXT record into the zone and gives the resource configuration the
   * verification, so that consumers see the name verified once VPC Lattice has found the record. Its name must be known:
   * import it with `fromPublicHostedZoneAttributes()`, not `fromPublicHostedZoneId()`. Not with `domainVerificationId`.
   *
   * @default - no verification is started; see `domainVerificationId`
   */
  readonly publicHostedZone?: route53.IPublicHostedZone;

  /**
   * The name of the resource configuration, unique in the account: 3..40 lowercase letters, digits and hyphens.
   *
   * @default - a name made from the construct path
   */
  readonly resourceConfigurationName?: string;

  /**
   * The name of an SSM parameter (like `/resources/orders-db/resource-configuration-arn`) that receives the resource
   * configuration ARN, for consumers in other stacks.
   *
   * @default - no parameter; the ARN is still a stack output (`ResourceConfigurationArn`)
   */
  readonly resourceConfigurationArnParameter?: string;
}

/**
 * The provider side of PrivateLink for VPC resources: a resource gateway in the VPC, a resource configuration for one
 * resource (a database, a host by domain name or IP address, or a group of hosts) and an AWS RAM share of it with
 * accounts or organizations, nobody by default. No load balancer is needed.
 *
 * Consumers connect with a `PrivateResourceEndpoint`: given this object in the same account, or the resource
 * configuration ARN (a stack output, and optionally an SSM parameter) from another account.
 */
export class PrivateResourceShare extends Construct implements ec2.IConnectable {
  /** The ARN of the resource configuration, the handle consumers need. */
  public readonly resourceConfigurationArn: string;

  /** The ID of the resource configuration, like `rcfg-0123456789abcdef0`. */
  public readonly resourceConfigurationId: string;

  /** The ID of the resource gateway, like `rgw-0123456789abcdef0`. */
  public readonly resourceGatewayId: string;

  /** The VPC of the resource and its gateway. */
  public readonly vpc: ec2.IVpc;

  /** The AZs of the resource gateway's subnets; a resource endpoint must share one of them (by AZ ID across accounts). */
  public readonly availabilityZones: string[];

  /** The TCP ports consumers may use: `portRanges`, or the database's port. */
  public readonly portRanges: PortRange[];

  /** The custom domain name of the resource, if any. */
  public readonly customDomainName?: string;

  /**
   * The ID of the domain verification of the custom domain name: `domainVerificationId`, or the one started in
   * `publicHostedZone`; undefined when the name is not verified.
   */
  public readonly domainVerificationId?: string;

  /** The resource gateway's security groups. */
  public readonly connections: ec2.Connections;

  /**
   * Whether the resource is an AWS resource by ARN (a database), whose private DNS AWS keeps on in every service network
   * ("For resource configurations of type ARN, the private DNS flag is true and immutable").
   *
   * @internal
   */
  public readonly _arnType: boolean;

  private readonly share: PrincipalShare;
  private readonly configuration: vpclattice.CfnResourceConfiguration;
  private readonly memberDomainNames: string[];

  constructor(scope: Construct, id: string, props: PrivateResourceShareProps) {
    super(scope, id);
    checkProps(this, 'PrivateResourceShare', props);

    const { vpc, resource } = props;
    const facts = resource._facts;
    this.vpc = vpc;
    this.portRanges = resource._ports ?? props.portRanges ?? [];
    this.customDomainName = props.customDomainName;
    const ipAddressType = props.ipAddressType ?? ResourceGatewayIpAddressType.IPV4;
    // A zone imported by ID only cannot take the record (its name is unknown); that is reported at synth, as are the
    // other combinations that cannot be verified.
    const publicHostedZoneName = props.publicHostedZone && knownZoneName(props.publicHostedZone);
    this.domainVerificationId = props.domainVerificationId
      ?? this.verifyCustomDomain(props.customDomainName, publicHostedZoneName === undefined ? undefined : props.publicHostedZone);

    const selection = selectSubnets(vpc, props.vpcSubnets ?? { onePerAz: true });
    const selected = selection.subnets;
    this.availabilityZones = selected.map(subnet => subnet.availabilityZone);
    const securityGroups = props.securityGroups ?? [this.defineSecurityGroup(resource, props.portRanges ?? [])];
    this.connections = new ec2.Connections({ securityGroups });

    const gateway = new vpclattice.CfnResourceGateway(this, 'ResourceGateway', {
      name: physicalName(this, 40, 'rgw-'),
      vpcIdentifier: vpc.vpcId,
      subnetIds: selected.map(subnet => subnet.subnetId),
      securityGroupIds: securityGroups.map(securityGroup => securityGroup.securityGroupId),
      ipAddressType,
    });
    this.resourceGatewayId = gateway.attrId;

    const configuration = this.defineResourceConfiguration(facts, gateway, props);
    this.configuration = configuration;
    this._arnType = facts.kind === 'arn';
    this.resourceConfigurationArn = configuration.attrArn;
    this.resourceConfigurationId = configuration.attrId;
    this.memberDomainNames = resource._members.flatMap(member => member.customDomainName ?? []);
    this.share = new PrincipalShare(this, 'ResourceShare', {
      resourceArn: this.resourceConfigurationArn,
      allowExternalPrincipals: props.allowExternalPrincipals ?? false,
    });
    // A member name given twice is reported by validateDefinition; its second construct would be a crash first.
    const memberNames = new Set<string>();
    for (const member of resource._members.filter(m => !memberNames.has(m.name) && memberNames.add(m.name))) {
      this.defineMember(configuration, member.name, member.definition._facts, member.customDomainName, props.portRanges);
    }

    for (const principal of props.allowedPrincipals ?? []) {
      this.addAllowedPrincipal(principal);
    }
    // An invalid name is reported at synth; aws-cdk-lib's parameter would throw on some first.
    const parameterNameFindings = validateParameterName(props.resourceConfigurationArnParameter, Stack.of(this),
      { prop: 'resourceConfigurationArnParameter', example: '/resources/orders-db/resource-configuration-arn' });
    this.publishArn(parameterNameFindings.length === 0 ? props.resourceConfigurationArnParameter : undefined);

    addRules(this, 'PrivateResourceShare', () => [
      ...parameterNameFindings,
      ...validateDefinition(facts),
      ...validateDatabasePortKnown(facts),
      ...validatePortRangesGiven(facts, props.portRanges),
      ...validatePortRanges('portRanges', props.portRanges ?? []),
      ...validateCustomDomain(facts, { customDomainName: props.customDomainName, domainVerificationId: props.domainVerificationId }),
      ...validateZoneNameKnown('publicHostedZone', { given: props.publicHostedZone !== undefined, name: publicHostedZoneName },
        'PublicHostedZone.fromPublicHostedZoneAttributes()'),
      ...validateDomainVerification({
        customDomainName: props.customDomainName,
        domainVerificationId: props.domainVerificationId,
        zoneGiven: props.publicHostedZone !== undefined,
        zoneName: publicHostedZoneName,
      }),
      ...validateIpInVpc(facts, findIpv4CidrBlocks(vpc, this)),
      ...validateAddressFamilies(facts, ipAddressType),
      ...validateGatewaySubnetFamilies(ipAddressType, selected.map(subnet => subnetFamilies(subnet, toPlacement(subnet).subnetId))),
      ...validateSharePrincipals(this.share.allowedPrincipals, 'Resource configurations are'),
      ...validateGatewaySecurityGroups(securityGroups.length),
      ...validateGatewaySubnetsSelected(selected.length, selection.problem),
      ...validateOneSubnetPerAz('vpcSubnets', selected.map(toPlacement), 'a resource gateway'),
      ...warnSingleAzGateway(this.availabilityZones),
      ...validateResourceConfigurationName(props.resourceConfigurationName),
      ...exceedsQuota('childConfigurationsPerGroup', LATTICE_QUOTAS.childConfigurationsPerGroup, resource._members.length,
        'members of the group:'),
      ...(props.domainVerificationId === undefined && this.domainVerificationId !== undefined ? this.validateDomainVerificationCount() : []),
    ]);
  }

  /**
   * Shares the resource with a principal: an AWS account ID (`'111122223333'`), an organization ARN or an
   * organizational unit ARN. The principal accepts the share in AWS RAM, unless it is in your organization and sharing
   * with AWS Organizations is on.
   */
  public addAllowedPrincipal(principal: string): void {
    this.share.addPrincipal(principal);
  }

  /**
   * Lets the resource configuration be associated with a service network that is shared across accounts
   * (`AllowAssociationToSharableServiceNetwork`, false by default: "to prevent such transitive sharing", "Resource
   * configurations for VPC resources").
   *
   * @internal
   */
  public _allowServiceNetworkAssociation(): void {
    this.configuration.allowAssociationToSharableServiceNetwork = true;
  }

  /**
   * The names consumers can call: the custom domain name of a single resource, or the members' names of a group (the
   * group domain names no host), verified when the share gives a verification (members inherit the group's).
   *
   * @internal
   */
  public _customDomains(): LatticeCustomDomain[] {
    const names = this.memberDomainNames.length > 0 ? this.memberDomainNames : [this.customDomainName ?? []].flat();
    return names.map(name => ({ name, verified: this.domainVerificationId !== undefined, resource: `the share at ${this.node.path}` }));
  }

  /**
   * The monthly cost of the resource gateway at list prices: no hourly charge, only data processed. The consumers
   * pay for their resource endpoints (`PrivateResourceEndpoint.estimateMonthlyCost()`).
   */
  public estimateMonthlyCost(): PrivateResourceCostEstimate {
    return estimateResourceGatewayCost(Stack.of(this).region, new Set(this.availabilityZones).size);
  }

  /** The domain verifications the app starts in this share's account and Region, each a VPC Lattice quota unit. */
  private validateDomainVerificationCount(): Finding[] {
    const { account, region } = Stack.of(this);
    if (Token.isUnresolved(account) || Token.isUnresolved(region)) {
      return [];
    }
    const count = AppInventory.of(this).domainVerificationsInEnvironment(account, region).length;
    return exceedsQuota('domainVerificationsPerRegion', LATTICE_QUOTAS.domainVerificationsPerRegion, count,
      `domain verifications the app starts in account ${account}, ${region}:`);
  }

  /**
   * The gateway's rules are outbound: they control traffic from the resource gateway to the resource ("Resource gateways
   * in VPC Lattice", security groups). Nothing comes in through them.
   */
  private defineSecurityGroup(resource: ResourceDefinition, portRanges: PortRange[]): ec2.ISecurityGroup {
    const securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: this.vpc,
      description: 'Resource gateway of a PrivateLink resource share: outbound to the resource on its ports only',
      allowAllOutbound: false,
    });
    const connections = resource._connections;
    if (connections?.defaultPort) {
      connections.allowDefaultPortFrom(securityGroup, 'PrivateLink resource gateway');
    }
    const singles = resource._members.length > 0 ? resource._members.map(member => member.definition._facts) : [resource._facts];
    for (const single of singles) {
      const peer = resourcePeer(single);
      for (const range of peer ? portRanges : []) {
        securityGroup.addEgressRule(peer!, range.toEc2Port(), `To ${single.description}, port ${range}`);
      }
    }
    return securityGroup;
  }

  private defineResourceConfiguration(facts: DefinitionFacts, gateway: vpclattice.CfnResourceGateway,
    props: PrivateResourceShareProps): vpclattice.CfnResourceConfiguration {
    const isGroup = facts.kind === 'group';
    const takesPorts = facts.kind !== 'arn';
    return new vpclattice.CfnResourceConfiguration(this, 'ResourceConfiguration', {
      name: props.resourceConfigurationName ?? physicalName(this, 40, 'rcfg-'),
      resourceConfigurationType: facts.kind === 'arn' ? 'ARN' : isGroup ? 'GROUP' : 'SINGLE',
      resourceGatewayId: gateway.attrId,
      resourceConfigurationDefinition: isGroup ? undefined : definitionProperty(facts),
      // Port ranges and the protocol are for SINGLE and GROUP configurations, not ARN ones (CreateResourceConfiguration).
      portRanges: takesPorts ? props.portRanges?.map(range => range.toString()) : undefined,
      protocolType: takesPorts ? 'TCP' : undefined,
      customDomainName: isGroup ? undefined : props.customDomainName,
      groupDomain: isGroup ? props.customDomainName : undefined,
      domainVerificationId: this.domainVerificationId,
    });
  }

  /** Starts the verification of the custom domain name, with its TXT record in the zone; nothing to verify without both. */
  private verifyCustomDomain(customDomainName?: string, zone?: route53.IPublicHostedZone): string | undefined {
    if (customDomainName === undefined || zone === undefined) {
      return undefined;
    }
    return new CustomDomainVerification(this, 'DomainVerification', { domainName: customDomainName, zone }).domainVerificationId;
  }

  /** A member of a group: a CHILD configuration, which inherits the group's gateway and domain verification. */
  private defineMember(group: vpclattice.CfnResourceConfiguration, name: string, facts: DefinitionFacts,
    customDomainName: string | undefined, portRanges: PortRange[] | undefined): void {
    const members = this.node.tryFindChild('Members') ?? new Construct(this, 'Members');
    const member: vpclattice.CfnResourceConfiguration = new vpclattice.CfnResourceConfiguration(members, name, {
      name: Lazy.string({ produce: () => physicalName(member, 40, 'rcfg-') }),
      resourceConfigurationType: 'CHILD',
      resourceConfigurationGroupId: group.attrId,
      resourceConfigurationDefinition: definitionProperty(facts),
      portRanges: portRanges?.map(range => range.toString()),
      customDomainName,
    });
  }

  private publishArn(parameterName?: string): void {
    const description = 'ARN of the resource configuration, for consumers\' resource endpoints';
    new CfnOutput(this, 'ResourceConfigurationArn', { description, value: this.resourceConfigurationArn });
    if (parameterName !== undefined) {
      publishParameter(this, 'ResourceConfigurationArnParameter', {
        parameterName,
        description,
        stringValue: this.resourceConfigurationArn,
      });
    }
  }
}

/** How CloudFormation takes a single resource: by ARN, domain name or IP address. */
function definitionProperty(facts: DefinitionFacts): vpclattice.CfnResourceConfiguration.ResourceConfigurationDefinitionProperty {
  switch (facts.kind) {
    case 'arn':
      return { arnResource: facts.arn };
    case 'dns':
      return { dnsResource: { domainName: facts.domainName!, ipAddressType: facts.ipAddressType! } };
    default:
      return { ipResource: facts.ipAddress };
  }
}

/**
 * Where the gateway sends traffic for a single resource: the address itself, or, for a domain name (which may resolve
 * to any address), every address of its family. A database is reached through its security groups instead.
 */
function resourcePeer(facts: DefinitionFacts): ec2.IPeer | undefined {
  const ip = facts.ipAddress;
  if (facts.kind === 'ip' && ip !== undefined) {
    // A deploy-time address is taken as IPv4; a malformed one is reported by validateDefinition.
    if (isIPv6(ip)) {
      return ec2.Peer.ipv6(`${ip}/128`);
    }
    return Token.isUnresolved(ip) || isIPv4(ip) ? ec2.Peer.ipv4(`${ip}/32`) : undefined;
  }
  if (facts.kind === 'dns') {
    return facts.ipAddressType === 'IPV6' ? ec2.Peer.anyIpv6() : ec2.Peer.anyIpv4();
  }
  return undefined;
}
