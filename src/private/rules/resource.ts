import { isIPv4, isIPv6 } from 'net';
import { Token } from 'aws-cdk-lib';
import { crossRegionReferenceProblem, StackEnvironment } from './cross-account';
import { isDomainName, isInZone } from './domain-names';
import { error, Finding, warning } from './findings';
import { SubnetFamilies, subnetsLacking } from './ip-family';

// Rules of PrivateLink for VPC resources: resource gateways and resource configurations (the provider) and resource
// endpoints (the consumer). Pages cited below:
const RESOURCE_CONFIGURATIONS = 'https://docs.aws.amazon.com/vpc/latest/privatelink/resource-configuration.html';
const CREATE_RESOURCE_CONFIGURATION = 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-resource-configuration.html';
const CREATE_RESOURCE_CONFIGURATION_API = 'https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateResourceConfiguration.html';
const RESOURCE_CONFIGURATION_TEMPLATE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-resourceconfiguration.html';
const RESOURCE_GATEWAYS = 'https://docs.aws.amazon.com/vpc/latest/privatelink/resource-gateway.html';
const CREATE_RESOURCE_GATEWAY_API = 'https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateResourceGateway.html';
const USE_RESOURCE_ENDPOINT = 'https://docs.aws.amazon.com/vpc/latest/privatelink/use-resource-endpoint.html';
const CREATE_AND_VERIFY_DOMAIN = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/create-and-verify.html';

/** A resource definition as the rules see it (`ResourceDefinition` builds it). */
export interface DefinitionFacts {
  /** ARN (an AWS resource such as an RDS database), a domain name, an IP address, or a group of those. */
  readonly kind: 'arn' | 'dns' | 'ip' | 'group';
  /** The definition as messages name it: "the IP address 10.0.1.25". */
  readonly description: string;
  readonly arn?: string;
  readonly domainName?: string;
  /** The address family a domain name resolves to. */
  readonly ipAddressType?: 'IPV4' | 'IPV6';
  readonly ipAddress?: string;
  readonly members?: MemberFacts[];
  /** For a database imported without a port that consumers can use (and its endpoint address), how to import it with them. */
  readonly importWithPort?: string;
  /** What such an import was given as the port (plain JavaScript: a string, say); undefined when nothing was. */
  readonly importedPort?: string;
}

/** One member of a group definition. */
export interface MemberFacts {
  readonly name: string;
  readonly customDomainName?: string;
  readonly definition: DefinitionFacts;
}

/** A port range as the rules see it. */
export interface PortSpan {
  readonly fromPort: number;
  readonly toPort: number;
}

/** The single resources of a definition: itself, or a group's members. */
function singleResources(definition: DefinitionFacts): DefinitionFacts[] {
  return definition.kind === 'group' ? (definition.members ?? []).map(member => member.definition) : [definition];
}

/**
 * A group holds single resources (each member becomes a CHILD configuration: "A single resource that is part of a group
 * resource configuration", CreateResourceConfiguration), at least one, under unique names; an IP address must be one.
 */
export function validateDefinition(definition: DefinitionFacts): Finding[] {
  const findings: Finding[] = [];
  if (definition.kind === 'group') {
    const members = definition.members ?? [];
    if (members.length === 0) {
      findings.push(error('`resource` is a group without members, so there is nothing to share. Give '
        + '`ResourceDefinition.group()` at least one member.'));
    }
    const notSingle = members.filter(member => member.definition.kind === 'arn' || member.definition.kind === 'group');
    if (notSingle.length > 0) {
      findings.push(error(`\`resource\` is a group whose members ${notSingle.map(m => `'${m.name}' (${m.definition.description})`).join(', ')} `
        + 'are not single resources; a group member is a CHILD resource configuration, a single domain name or IP address '
        + `(${CREATE_RESOURCE_CONFIGURATION_API}). Share a database or a group with a PrivateResourceShare of its own.`));
    }
    const names = members.map(member => member.name);
    const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
    if (repeated.length > 0) {
      findings.push(error(`\`resource\` is a group with more than one member named ${repeated.map(n => `'${n}'`).join(', ')}; `
        + 'member names are construct IDs and must be unique. Rename the members.'));
    }
  }
  for (const single of singleResources(definition)) {
    const ip = single.ipAddress;
    if (single.kind === 'ip' && ip !== undefined && !Token.isUnresolved(ip) && !isIPv4(ip) && !isIPv6(ip)) {
      findings.push(error(`\`resource\` defines the IP address '${ip}', which is neither an IPv4 nor an IPv6 address. `
        + 'Use an address like 10.0.1.25.'));
    }
    const name = single.domainName;
    if (single.kind === 'dns' && name !== undefined && !Token.isUnresolved(name) && !isDomainName(name.toLowerCase())) {
      findings.push(error(`\`resource\` defines the domain name '${name}', which is not a domain name (at least two labels `
        + 'of letters, digits or hyphens). Use the name of the host, like db.example.com.'));
    }
  }
  return findings;
}

/** Each range is of TCP ports 1..65535, the first not above the last. */
export function validatePortRanges(prop: string, ranges: PortSpan[]): Finding[] {
  const invalid = ranges.filter(range => ![range.fromPort, range.toPort].some(port => Token.isUnresolved(port)))
    .filter(range => ![range.fromPort, range.toPort].every(port => Number.isInteger(port) && port >= 1 && port <= 65535)
      || range.fromPort > range.toPort);
  if (invalid.length === 0) {
    return [];
  }
  return [error(`\`${prop}\` must hold TCP ports 1..65535 with the first port of a range not above the last, got `
    + `${invalid.map(range => range.fromPort === range.toPort ? `${range.fromPort}` : `${range.fromPort}-${range.toPort}`).join(', ')}. `
    + 'Fix the ranges.')];
}

/**
 * A configuration of type ARN takes no port ranges (they apply to SINGLE, GROUP and CHILD configurations: CreateResourceConfiguration):
 * a database is reached on its own port. The others need them: the share admits nobody by default, not every port.
 */
export function validatePortRangesGiven(definition: DefinitionFacts, portRanges: readonly unknown[] | undefined): Finding[] {
  // An empty list opens no port, the same as none: EC2 wants at least one for a resource that is no AWS resource.
  const given = portRanges !== undefined && portRanges.length > 0;
  if (definition.kind === 'arn' && given) {
    return [error(`\`portRanges\` is given for ${definition.description}, but a resource configuration of an AWS resource `
      + `(type ARN) takes no port ranges: consumers reach it on its own port (${CREATE_RESOURCE_CONFIGURATION_API}). Remove \`portRanges\`.`)];
  }
  if (definition.kind !== 'arn' && !given) {
    return [error(`\`portRanges\` is ${portRanges === undefined ? 'missing' : 'empty'} for ${definition.description}; name the ports `
      + 'consumers may use, like `portRanges: [PortRange.tcp(443)]`, so that no other port is open.')];
  }
  return [];
}

/** The custom domain as the share gives it. */
export interface CustomDomainChoice {
  readonly customDomainName?: string;
  readonly domainVerificationId?: string;
}

const DOMAIN_VERIFICATION_ID = /^dv-[a-fA-F0-9]{17}$/;

/**
 * Custom domain names: for a single resource, or for a group (its group domain) with members' names as its subdomains, not
 * for a resource of type ARN (CreateResourceConfiguration in the PrivateLink guide); never the domain-name target or a
 * parent of it, or no resource endpoint is created (Access a resource through a resource VPC endpoint); verified by the ID
 * of a domain verification (the CloudFormation pattern of `DomainVerificationId`).
 */
export function validateCustomDomain(definition: DefinitionFacts, choice: CustomDomainChoice): Finding[] {
  const findings: Finding[] = [];
  const domain = choice.customDomainName;
  const literalDomain = domain !== undefined && !Token.isUnresolved(domain) ? domain.toLowerCase().replace(/\.$/, '') : undefined;
  if (literalDomain !== undefined && !isDomainName(literalDomain)) {
    findings.push(error(`\`customDomainName\` must be a domain name (at least two labels of letters, digits or hyphens), got '${domain}'. `
      + 'Use a name like orders-db.example.com.'));
  }
  if (domain !== undefined && definition.kind === 'arn') {
    findings.push(error(`\`customDomainName\` is given for ${definition.description}, but custom domain names are for resource `
      + `configurations of a single resource or a group, not of an AWS resource by ARN (${CREATE_RESOURCE_CONFIGURATION}). `
      + 'Remove `customDomainName`; consumers use the database\'s own endpoint name.'));
  }
  if (definition.kind === 'dns') {
    findings.push(...targetUnderCustomDomain('customDomainName', literalDomain, definition.domainName));
  }
  for (const member of definition.kind === 'group' ? definition.members ?? [] : []) {
    findings.push(...validateMemberDomain(member, domain, literalDomain));
  }
  const verification = choice.domainVerificationId;
  if (verification !== undefined && domain === undefined) {
    findings.push(error('`domainVerificationId` is given without `customDomainName`, so there is no name to verify. Set '
      + '`customDomainName`, or remove `domainVerificationId`.'));
  }
  if (verification !== undefined && !Token.isUnresolved(verification) && !DOMAIN_VERIFICATION_ID.test(verification)) {
    findings.push(error('`domainVerificationId` must be the ID of a VPC Lattice domain verification, dv-<17 hex digits>, got '
      + `'${verification}' (${RESOURCE_CONFIGURATION_TEMPLATE}). Copy the ID from \`aws vpc-lattice list-domain-verifications\`.`));
  }
  return findings;
}

/** A group member's custom domain is a subdomain of the group domain, and no target is under its own custom domain. */
function validateMemberDomain(member: MemberFacts, groupDomain: string | undefined, literalGroupDomain: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const memberDomain = member.customDomainName;
  const literalMemberDomain = memberDomain !== undefined && !Token.isUnresolved(memberDomain)
    ? memberDomain.toLowerCase().replace(/\.$/, '') : undefined;
  if (memberDomain !== undefined && groupDomain === undefined) {
    findings.push(error(`group member '${member.name}' has the custom domain name '${memberDomain}', but the share has no `
      + '`customDomainName`, the group domain that members\' names must be subdomains of '
      + `(${CREATE_RESOURCE_CONFIGURATION}). Set \`customDomainName\` to the group's domain.`));
  }
  if (literalMemberDomain !== undefined && literalGroupDomain !== undefined
    && (literalMemberDomain === literalGroupDomain || !isInZone(literalMemberDomain, literalGroupDomain))) {
    findings.push(error(`group member '${member.name}' has the custom domain name '${memberDomain}', which is not a subdomain of `
      + `the group domain '${groupDomain}' (\`customDomainName\`) (${CREATE_RESOURCE_CONFIGURATION}). Use a name under it.`));
  }
  if (member.definition.kind === 'dns') {
    findings.push(...targetUnderCustomDomain(`group member '${member.name}'`, literalMemberDomain ?? literalGroupDomain,
      member.definition.domainName));
  }
  return findings;
}

/** VPC Lattice creates no resource endpoint for a domain-name target at or below the custom domain or group domain. */
function targetUnderCustomDomain(what: string, customDomain: string | undefined, target: string | undefined): Finding[] {
  if (customDomain === undefined || target === undefined || Token.isUnresolved(target)
    || !isInZone(target.toLowerCase().replace(/\.$/, ''), customDomain)) {
    return [];
  }
  return [error(`${what}: the domain-name target '${target}' is the custom domain name '${customDomain}' or a name under it, `
    + `and VPC Lattice then creates no resource endpoint (${USE_RESOURCE_ENDPOINT}). Choose a custom domain name that is not `
    + 'the target or a parent of it.')];
}

/** How the share verifies its custom domain: an existing verification, or a zone to verify it in. */
export interface DomainVerificationChoice {
  readonly customDomainName?: string;
  readonly domainVerificationId?: string;
  /** Whether `publicHostedZone` is given. */
  readonly zoneGiven: boolean;
  /** The zone's name; undefined when it is not given or was imported by ID only. */
  readonly zoneName?: string;
}

/**
 * With `publicHostedZone`, the share starts a domain verification of `customDomainName` and writes its TXT record into
 * the zone, which is the domain's own public DNS ("Create and verify a domain" in the VPC Lattice guide): the zone must
 * hold the name, and an existing verification given as well would be a second answer to one question.
 */
export function validateDomainVerification(choice: DomainVerificationChoice): Finding[] {
  const { customDomainName: domain, zoneName } = choice;
  if (!choice.zoneGiven) {
    return [];
  }
  if (domain === undefined) {
    return [error(`\`publicHostedZone\`${zoneName === undefined ? '' : ` (${zoneName})`} is given without \`customDomainName\`, `
      + 'so there is no name to verify: the zone only takes the TXT record of the custom domain name\'s verification. Set '
      + '`customDomainName`, or remove `publicHostedZone`.')];
  }
  if (choice.domainVerificationId !== undefined) {
    return [error(`both \`domainVerificationId\` (${choice.domainVerificationId}) and \`publicHostedZone\` are given, which are two `
      + `ways to verify '${domain}': the ID of a verification you started, or a zone in which the share starts one and writes `
      + `its TXT record (${CREATE_AND_VERIFY_DOMAIN}). Remove one of them.`)];
  }
  if (zoneName === undefined || Token.isUnresolved(zoneName) || Token.isUnresolved(domain)
    || isInZone(domain.toLowerCase().replace(/\.$/, ''), zoneName.toLowerCase())) {
    return [];
  }
  return [error(`\`customDomainName\` '${domain}' is not inside \`publicHostedZone\` '${zoneName}', so the zone cannot hold the `
    + `TXT record that verifies it (${CREATE_AND_VERIFY_DOMAIN}). Pass the zone of the name or of a parent domain.`)];
}

/** Whether an IPv4 address lies in an IPv4 CIDR block. */
function inIpv4Block(address: string, block: string): boolean {
  const toNumber = (ip: string) => ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const [base, bits] = block.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toNumber(address) / size) === Math.floor(toNumber(base) / size);
}

/**
 * An IP address definition must be in the VPC ("For IPv4 and IPv6, only IP addresses in the VPC are supported",
 * ResourceConfigurationDefinition in the CloudFormation reference). Decided for IPv4 addresses when every CIDR block of
 * the VPC is known.
 *
 * @param vpcCidrBlocks the VPC's IPv4 CIDR blocks, literal or not; empty when none is known (an imported VPC)
 */
export function validateIpInVpc(definition: DefinitionFacts, vpcCidrBlocks: string[]): Finding[] {
  if (vpcCidrBlocks.length === 0 || vpcCidrBlocks.some(block => Token.isUnresolved(block))) {
    return [];
  }
  const outside = singleResources(definition)
    .map(single => single.kind === 'ip' ? single.ipAddress : undefined)
    .filter((ip): ip is string => ip !== undefined && !Token.isUnresolved(ip) && isIPv4(ip))
    .filter(ip => !vpcCidrBlocks.some(block => inIpv4Block(ip, block)));
  if (outside.length === 0) {
    return [];
  }
  return [error(`\`resource\` defines the IP address${outside.length > 1 ? 'es' : ''} ${outside.join(', ')}, outside the VPC's `
    + `CIDR blocks (${vpcCidrBlocks.join(', ')}); a resource configuration takes only IP addresses in the VPC of its resource `
    + `gateway (${RESOURCE_CONFIGURATIONS}). Use an address in the VPC, or a domain name for a host elsewhere.`)];
}

/** The IP address types of a resource gateway. */
export type GatewayIpAddressType = 'IPV4' | 'IPV6' | 'DUALSTACK';

/**
 * The address family of a resource must suit its gateway: an IPv4 gateway needs an IPv4 resource, an IPv6 gateway an
 * IPv6 one, a dual-stack gateway either (CreateResourceGateway, ipAddressType). A domain name is IPv4 or IPv6, never
 * dual-stack ("Dualstack is currently not supported", DnsResource).
 */
export function validateAddressFamilies(definition: DefinitionFacts, gatewayIpAddressType: GatewayIpAddressType): Finding[] {
  if (gatewayIpAddressType === 'DUALSTACK') {
    return [];
  }
  const familyOf = (single: DefinitionFacts): 'IPV4' | 'IPV6' | undefined => {
    if (single.kind === 'dns') {
      return single.ipAddressType;
    }
    const ip = single.ipAddress;
    if (single.kind !== 'ip' || ip === undefined || Token.isUnresolved(ip)) {
      return undefined;
    }
    return isIPv4(ip) ? 'IPV4' : isIPv6(ip) ? 'IPV6' : undefined;
  };
  const mismatched = singleResources(definition).filter(single => {
    const family = familyOf(single);
    return family !== undefined && family !== gatewayIpAddressType;
  });
  if (mismatched.length === 0) {
    return [];
  }
  const family = gatewayIpAddressType === 'IPV4' ? 'IPv4' : 'IPv6';
  return [error(`\`ipAddressType\` of the resource gateway is ${family}, but ${mismatched.map(s => s.description).join(', ')} `
    + `${mismatched.length > 1 ? 'are' : 'is'} not ${family}; an ${family} gateway reaches only ${family} resources `
    + `(${CREATE_RESOURCE_GATEWAY_API}). Set \`ipAddressType: ResourceGatewayIpAddressType.DUALSTACK\` (dual-stack subnets), `
    + 'or use a resource of the gateway\'s family.')];
}

/** What each IP address type of a resource gateway needs of every subnet it is in ("IP address types", RESOURCE_GATEWAYS). */
const GATEWAY_SUBNET_NEEDS: Record<GatewayIpAddressType, { ipv4: boolean; ipv6: boolean; what: string }> = {
  IPV4: { ipv4: true, ipv6: false, what: 'an IPv4 range' },
  IPV6: { ipv4: false, ipv6: true, what: 'an IPv6 range' },
  DUALSTACK: { ipv4: true, ipv6: true, what: 'both an IPv4 and an IPv6 range (a dual-stack subnet)' },
};

/**
 * Every subnet of a resource gateway must have the address ranges of its IP address type: an IPv6 or dual-stack gateway
 * in IPv4-only subnets fails to create. Subnets whose ranges cannot be known (imported) are not judged.
 */
export function validateGatewaySubnetFamilies(gatewayIpAddressType: GatewayIpAddressType, subnets: SubnetFamilies[]): Finding[] {
  const needs = GATEWAY_SUBNET_NEEDS[gatewayIpAddressType];
  const misfits = subnetsLacking(subnets, needs);
  if (misfits.length === 0) {
    return [];
  }
  return [error(`\`ipAddressType\` of the resource gateway is ${gatewayIpAddressType}, which needs subnets with ${needs.what}, `
    + `but ${misfits.map(s => s.subnet).join(', ')} ${misfits.length === 1 ? 'has' : 'have'} not (${RESOURCE_GATEWAYS}, "IP address `
    + 'types"). Select such subnets with `vpcSubnets`, give the VPC an IPv6 block and its subnets IPv6 ranges, or choose the '
    + 'IP address type the subnets have.')];
}

/** A resource gateway takes up to five security groups (Create a resource gateway in VPC Lattice). */
export function validateGatewaySecurityGroups(count: number): Finding[] {
  if (count <= 5) {
    return [];
  }
  return [error(`\`securityGroups\` holds ${count} security groups, but a resource gateway takes at most 5 `
    + '(https://docs.aws.amazon.com/vpc/latest/privatelink/create-resource-gateway.html). Merge their rules into fewer groups.')];
}

/**
 * A resource gateway has network interfaces in its subnets, at least one ("Create a resource gateway in VPC Lattice").
 *
 * @param selectionProblem aws-cdk-lib's reason when the selection names what the VPC does not have
 */
export function validateGatewaySubnetsSelected(selectedCount: number, selectionProblem?: string): Finding[] {
  if (selectedCount > 0) {
    return [];
  }
  return [error(`\`vpcSubnets\` selects no subnet of the VPC${selectionProblem ? ` (${selectionProblem})` : ''}, so the resource `
    + `gateway has nowhere to go (${RESOURCE_GATEWAYS}). Select subnets the VPC has, one per AZ, in as many AZs as possible.`)];
}

/** A resource gateway in one AZ is reachable only from endpoints that share that AZ, and an outage there stops it. */
export function warnSingleAzGateway(availabilityZones: string[]): Finding[] {
  const azs = [...new Set(availabilityZones)];
  if (azs.length !== 1 || Token.isUnresolved(azs[0])) {
    return [];
  }
  return [warning('singleAz', `the resource gateway is in a single AZ (${azs[0]}); resource endpoints must share an AZ with it, `
    + `and an outage of that AZ stops the share. Resource gateways should span as many AZs as possible (${RESOURCE_GATEWAYS}): `
    + 'select subnets in more AZs with `vpcSubnets`.')];
}

// The CloudFormation pattern of `Name` of AWS::VpcLattice::ResourceConfiguration: 3..40 lowercase letters, digits and
// hyphens, no leading, trailing or double hyphen, not starting with `rcfg-`.
const RESOURCE_CONFIGURATION_NAME = /^(?!rcfg-)(?!-)(?!.*-$)(?!.*--)[a-z0-9-]{3,40}$/;

/** A given configuration name must fit the CloudFormation pattern. */
export function validateResourceConfigurationName(name: string | undefined): Finding[] {
  if (name === undefined || Token.isUnresolved(name) || RESOURCE_CONFIGURATION_NAME.test(name)) {
    return [];
  }
  return [error('`resourceConfigurationName` must be 3..40 lowercase letters, digits and hyphens, with no leading, trailing '
    + `or double hyphen and not starting with rcfg-, got '${name}' (${RESOURCE_CONFIGURATION_TEMPLATE}). Rename it.`)];
}

// The CloudFormation pattern of the resource configuration ARN.
const RESOURCE_CONFIGURATION_ARN = /^arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:resourceconfiguration\/rcfg-[0-9a-z]{17}$/;

/** A literal resource configuration ARN must be one (the CloudFormation pattern of its `Arn`). */
export function validateResourceConfigurationArn(arn: string): Finding[] {
  if (Token.isUnresolved(arn) || RESOURCE_CONFIGURATION_ARN.test(arn)) {
    return [];
  }
  return [error('`resourceConfigurationArn` must be the ARN of a resource configuration, '
    + `arn:aws:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-<17 characters>, got '${arn}'. Copy it from the `
    + 'provider\'s ResourceConfigurationArn output or SSM parameter.')];
}

/**
 * The ports of an endpoint's own security group: read from the provider's object, or given.
 *
 * @param unknownPortsReason what is wrong with `portRanges` ("is empty", "is missing: with `resourceConfigurationArn`, the
 * construct cannot know which ports the resource takes"); undefined when the ports are known
 */
export function validateEndpointPortRanges(unknownPortsReason: string | undefined, securityGroupsGiven: boolean): Finding[] {
  if (unknownPortsReason === undefined || securityGroupsGiven) {
    return [];
  }
  return [error(`\`portRanges\` ${unknownPortsReason}, so its security group would admit none. Give the ports the `
    + 'provider shares, like `portRanges: [PortRange.tcp(5432)]`, or pass `securityGroups` of your own.')];
}

/** A VPC as the rules see it: its ID and, for messages, its construct path. */
export interface VpcRef {
  readonly vpcId: string;
  readonly path: string;
}

/** VPC Lattice does not create a resource endpoint in the resource gateway's own VPC. */
export function validateNotGatewayVpc(endpointVpc: VpcRef, gatewayVpc: VpcRef, sharePath: string): Finding[] {
  if (endpointVpc.vpcId !== gatewayVpc.vpcId) {
    return [];
  }
  return [error(`\`vpc\` (${endpointVpc.path}) is the VPC of the resource gateway of ${sharePath}, and VPC Lattice creates no `
    + `resource endpoint in the resource gateway's own VPC (${USE_RESOURCE_ENDPOINT}). Clients in that VPC reach the resource `
    + 'directly; put the endpoint in another VPC.')];
}

/**
 * At least one AZ of the resource endpoint and the resource gateway must overlap (Resource gateways in VPC Lattice).
 * Decided only within one account and Region, where AZ names mean the same zones.
 *
 * @param gatewayAzs the gateway's AZs, or undefined when they cannot be compared
 */
export function validateGatewayAzOverlap(endpointAzs: string[], gatewayAzs: string[] | undefined, sharePath: string): Finding[] {
  if (gatewayAzs === undefined || [...endpointAzs, ...gatewayAzs].some(az => Token.isUnresolved(az))
    || endpointAzs.some(az => gatewayAzs.includes(az))) {
    return [];
  }
  return [error(`\`vpcSubnets\` places the endpoint in ${[...new Set(endpointAzs)].join(', ')}, none of which the resource `
    + `gateway of ${sharePath} is in (${[...new Set(gatewayAzs)].join(', ')}); at least one AZ of a resource endpoint and its `
    + `resource gateway must overlap (${RESOURCE_GATEWAYS}). Select a subnet in one of the gateway's AZs.`)];
}

/**
 * CDK passes a token between stacks of one Region only (and never between an environment-agnostic stack and one of a known
 * environment), so a share object cannot reach an endpoint elsewhere: the construct throws this, instead of aws-cdk-lib's
 * reference error at synth. Undefined when the share can be referenced.
 */
export function crossRegionShareMessage(sharePath: string, share: StackEnvironment, endpoint: StackEnvironment): string | undefined {
  const problem = crossRegionReferenceProblem(share, endpoint);
  if (!problem) {
    return undefined;
  }
  return `\`resourceShare\` is the share at ${sharePath} in ${problem.object}, but this stack is in ${problem.stack}, and CDK passes the `
    + 'resource configuration ARN only between stacks of one account and Region. Give both stacks the same `env`, or pass '
    + '`resourceConfigurationArn` from the share\'s ResourceConfigurationArn output.';
}

/**
 * A resource endpoint in public subnets works, but sits where hosts with an internet path live; it is most often the
 * default selection of a VPC without private subnets, or a mistaken `subnetType`.
 *
 * @param publicSubnets the selected subnets that are public, by ID or path
 */
export function warnPublicEndpointSubnets(publicSubnets: string[]): Finding[] {
  if (publicSubnets.length === 0) {
    return [];
  }
  return [warning('publicSubnets', `the resource endpoint is placed in public subnets (${publicSubnets.join(', ')}), which \`vpcSubnets\` `
    + '(or the VPC\'s default subnets) selected. Select private or isolated subnets, like `vpcSubnets: { subnetType: '
    + 'ec2.SubnetType.PRIVATE_ISOLATED }`, or acknowledge this warning.')];
}

/**
 * A database is reached on its port, which an import without `port` (and the endpoint address) lacks: aws-cdk-lib
 * throws when it is read, naming neither the share nor the fix. A port that is no number (plain JavaScript) would be
 * written as `null` into the resource configuration's port ranges.
 */
export function validateDatabasePortKnown(definition: DefinitionFacts): Finding[] {
  if (definition.importWithPort === undefined) {
    return [];
  }
  if (definition.importedPort === undefined) {
    return [error(`\`resource\` is ${definition.description}, imported without its endpoint address and port, which consumers need. `
      + `Import it with them: ${definition.importWithPort}.`)];
  }
  return [error(`\`resource\` is ${definition.description}, imported with the port ${definition.importedPort}, which is no port `
    + `number; consumers reach the database on its port. Import it with \`port\` as a number from 1 to 65535: ${definition.importWithPort}.`)];
}
