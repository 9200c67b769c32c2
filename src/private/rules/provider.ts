import { Token } from 'aws-cdk-lib';
import { isDomainName, isInZone, MAX_DOMAIN_LENGTH } from './domain-names';
import { error, Finding, warning } from './findings';
import { SubnetFamilies } from './ip-family';
import { AZ_NAMES_NOT_KNOWN, isPlaceholderAz } from '../facts/placeholder-azs';
import { isRegionName } from '../facts/regions';

/**
 * Who may connect: a wildcard lets every AWS account request a connection, so it must be asked for by name;
 * without acceptance as well, every such request is approved at once.
 */
export function validatePrincipals(principalArns: string[], allowAnyPrincipal: boolean, acceptanceRequired: boolean): Finding[] {
  if (!principalArns.includes('*')) {
    return [];
  }
  if (!allowAnyPrincipal) {
    return [error('`allowedPrincipals` contains the wildcard principal `*`, which lets every AWS account request a connection; '
      + 'allow specific accounts or roles (arn:aws:iam::<account>:root), or set `allowAnyPrincipal: true` if the service is meant to be public')];
  }
  if (!acceptanceRequired) {
    return [warning('anyPrincipalWithoutAcceptance', '`allowedPrincipals` contains `*` (allowed by `allowAnyPrincipal`) and `acceptanceRequired` is false: '
      + 'anyone can connect without approval; set `acceptanceRequired: true` to approve each connection')];
  }
  return [];
}

/**
 * EC2 takes principals of an endpoint service as ARNs (`AllowedPrincipals`): a bare account ID in an `iam.ArnPrincipal`
 * is refused at deploy ("Manage permissions", https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#add-remove-permissions).
 */
export function validatePrincipalArns(principalArns: string[]): Finding[] {
  return principalArns.filter(arn => !Token.isUnresolved(arn) && /^\d{12}$/.test(arn)).map(account => error(
    `\`allowedPrincipals\` has the bare account ID ${account}, which EC2 refuses: principals are ARNs. Use `
    + `\`new iam.AccountPrincipal('${account}')\` (arn:aws:iam::${account}:root) instead.`));
}

/** What is known about the NLB behind the service. */
export interface LoadBalancerFacts {
  /** The scheme of an NLB defined in this app (`internal` or `internet-facing`), undefined when unknown. */
  readonly scheme?: string;
  /** Paths of the other endpoint services in the app that use the same NLB. */
  readonly otherEndpointServices: string[];
  /** The AZs the NLB serves; empty when unknown. */
  readonly availabilityZones: string[];
}

/** An endpoint service needs an internal NLB of its own, in more than one AZ to be reachable from every AZ. */
export function validateLoadBalancer(facts: LoadBalancerFacts): Finding[] {
  const findings: Finding[] = [];
  if (facts.scheme === 'internet-facing') {
    findings.push(error('`networkLoadBalancer` is internet-facing (scheme internet-facing); an endpoint service '
      + 'is for private consumers: use an internal NLB (`internetFacing: false`), or leave `networkLoadBalancer` out and pass `targets`'));
  }
  if (facts.otherEndpointServices.length > 0) {
    findings.push(error(`\`networkLoadBalancer\` is already used by the endpoint service at ${facts.otherEndpointServices.join(', ')}; `
      + 'an NLB can back only one endpoint service: use a separate NLB for each service'));
  }
  if (facts.availabilityZones.length === 1) {
    const [az] = facts.availabilityZones;
    findings.push(warning('singleAz', `the NLB serves a single Availability Zone${isPlaceholderAz(az) ? '' : ` (${az})`}; consumers whose `
      + 'endpoints are in other AZ IDs cannot connect, and an outage of that AZ stops the service: place the NLB in subnets of two or more AZs'
      + (isPlaceholderAz(az) ? `. ${AZ_NAMES_NOT_KNOWN}` : '')));
  }
  return findings;
}

/** The private DNS name must be a domain name, and inside the public hosted zone that proves ownership of it. */
export function validatePrivateDnsName(privateDnsName: string | undefined, hostedZoneName: string | undefined): Finding[] {
  if (privateDnsName === undefined) {
    return hostedZoneName === undefined ? [] : [error(`\`publicHostedZone\` (${hostedZoneName}) is set without \`privateDnsName\`; `
      + 'the zone only holds the verification record of a private DNS name: set `privateDnsName` or remove `publicHostedZone`')];
  }
  if (Token.isUnresolved(privateDnsName)) {
    return [];
  }
  if (!isDomainName(privateDnsName)) {
    return [error('`privateDnsName` must be a domain name (at least two labels of 1..63 lowercase letters, digits or hyphens, '
      + `not starting or ending with a hyphen, ${MAX_DOMAIN_LENGTH} characters at most), got '${privateDnsName}'; use a name like api.example.com`)];
  }
  if (hostedZoneName === undefined || Token.isUnresolved(hostedZoneName)) {
    return [];
  }
  if (!isInZone(privateDnsName, hostedZoneName)) {
    return [error(`\`privateDnsName\` '${privateDnsName}' is not inside \`publicHostedZone\` '${hostedZoneName}', so the zone cannot hold `
      + 'its verification record: use a name in that zone, or the zone of the name')];
  }
  return [];
}

/** Cross-Region consumers: Region names only, and not the service's own Region, which is always served. */
export function validateAllowedRegions(allowedRegions: string[], stackRegion: string): Finding[] {
  const findings: Finding[] = [];
  const resolved = allowedRegions.filter(region => !Token.isUnresolved(region));
  const malformed = resolved.filter(region => !isRegionName(region));
  if (malformed.length > 0) {
    findings.push(error(`\`allowedRegions\` must hold Region names like eu-west-1, got ${malformed.map(r => `'${r}'`).join(', ')}; fix or remove them`));
  }
  if (!Token.isUnresolved(stackRegion) && resolved.includes(stackRegion)) {
    findings.push(error(`\`allowedRegions\` contains the stack's own Region ${stackRegion}, where the service is always available; `
      + 'list only the other Regions whose consumers may connect'));
  }
  return findings;
}

/** A TCP port of the listener or the targets. */
export function validatePort(prop: string, port: number | undefined): Finding[] {
  if (port === undefined || Token.isUnresolved(port) || (Number.isInteger(port) && port >= 1 && port <= 65535)) {
    return [];
  }
  return [error(`\`${prop}\` must be a TCP port, an integer in 1..65535, got ${port}; use the port the service listens on`)];
}

/** A VPC as the rules see it: its ID and, for messages, its construct path. */
export interface VpcIdentity {
  readonly vpcId: string;
  readonly path: string;
}

/**
 * An existing NLB must be in `vpc`, the VPC the construct says hosts the service. An NLB imported without its VPC,
 * and IDs of which only one is a token, cannot be compared and are not judged.
 */
export function validateLoadBalancerVpc(loadBalancerVpc: VpcIdentity | undefined, vpc: VpcIdentity): Finding[] {
  if (loadBalancerVpc === undefined || loadBalancerVpc.vpcId === vpc.vpcId
    || Token.isUnresolved(loadBalancerVpc.vpcId) !== Token.isUnresolved(vpc.vpcId)) {
    return [];
  }
  return [error(`\`networkLoadBalancer\` is in the VPC at ${loadBalancerVpc.path}, but \`vpc\` is the VPC at ${vpc.path}; `
    + 'pass the NLB\'s own VPC as `vpc`')];
}

/** Props that only shape an NLB the construct defines have no effect on an existing one, and must not be given with it. */
export function validateExistingLoadBalancerProps(givenProps: string[]): Finding[] {
  return givenProps.map(prop => error(`\`${prop}\` applies only to the NLB this construct defines from \`targets\`, `
    + `but \`networkLoadBalancer\` was given; configure ${prop} on that NLB and remove it here`));
}

/** The props of an NLB the construct defines from `targets`. */
export interface CreatedLoadBalancerProps {
  readonly availabilityZones?: string[];
  readonly securityGroupCount: number;
  readonly enforceSecurityGroupInboundRules?: boolean;
}

/** AZs of an NLB defined from `targets` come from its subnets; security group enforcement needs security groups. */
export function validateCreatedLoadBalancerProps(props: CreatedLoadBalancerProps): Finding[] {
  const findings: Finding[] = [];
  if (props.availabilityZones !== undefined) {
    findings.push(error(`\`availabilityZones\` describes an existing \`networkLoadBalancer\`, got [${props.availabilityZones.join(', ')}] with \`targets\`, `
      + 'whose NLB takes its AZs from its subnets: remove `availabilityZones`, or choose the AZs with `vpcSubnets`'));
  }
  if (props.enforceSecurityGroupInboundRules === true && props.securityGroupCount === 0) {
    findings.push(error('`enforceSecurityGroupInboundRulesOnPrivateLinkTraffic` is true but `securityGroups` is empty, so there are no rules '
      + 'to enforce: add `securityGroups`, or remove the setting'));
  }
  return findings;
}

/**
 * The provider's stack outputs have fixed keys made of its construct ID (`<id>ServiceName`), so two providers of
 * one stack need IDs that differ in their letters and digits.
 */
export function validateUniqueOutputKey(serviceNameOutputKey: string, otherProviders: string[]): Finding[] {
  if (otherProviders.length === 0) {
    return [];
  }
  return [error(`the stack output \`${serviceNameOutputKey}\` (the construct ID followed by \`ServiceName\`) is also the output of `
    + `the provider at ${otherProviders.join(', ')} in the same stack; output keys are fixed so that pipelines can read them: `
    + 'give the providers of one stack IDs that differ in their letters or digits')];
}

/**
 * An endpoint service that supports IPv6 needs every NLB to be dual-stack, in subnets with IPv6 ranges ("all Network
 * Load Balancers for the endpoint service must use the dualstack IP address type", IP address types of endpoint
 * services, https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html).
 *
 * @param loadBalancerIpAddressType the NLB's IP address type, undefined when it cannot be known (an imported NLB)
 * @param subnets the subnets of an NLB the construct defines
 */
export function validateLoadBalancerIpv6(supportsIpv6: boolean, loadBalancerIpAddressType: string | undefined,
  subnets: SubnetFamilies[]): Finding[] {
  if (!supportsIpv6) {
    return [];
  }
  if (loadBalancerIpAddressType !== undefined && !loadBalancerIpAddressType.startsWith('dualstack')) {
    return [error('`supportedIpAddressTypes` includes ipv6, but `networkLoadBalancer` has IP address type '
      + `${loadBalancerIpAddressType}; every NLB of an endpoint service that supports IPv6 must be dual-stack. Give the NLB `
      + '`ipAddressType: elbv2.IpAddressType.DUAL_STACK`, or remove ipv6.')];
  }
  const ipv4Only = subnets.filter(subnet => subnet.ipv6 === false);
  if (ipv4Only.length === 0) {
    return [];
  }
  return [error('`supportedIpAddressTypes` includes ipv6, so the NLB is dual-stack, but its subnets '
    + `${ipv4Only.map(subnet => subnet.subnet).join(', ')} have no IPv6 range. Give the VPC IPv6 (\`ipProtocol: `
    + 'ec2.IpProtocol.DUAL_STACK`) or select dual-stack subnets with `vpcSubnets`, or remove ipv6.')];
}

/**
 * The NLB defined from `targets` needs a subnet in each AZ it serves; consumers can connect only from those AZs.
 *
 * @param selectionProblem why the selection selected nothing, when the VPC lacks the subnet type or group it names
 */
export function validateLoadBalancerSubnets(subnetCount: number, vpcSubnetsGiven: boolean, selectionProblem?: string): Finding[] {
  if (subnetCount > 0) {
    return [];
  }
  if (!vpcSubnetsGiven) {
    return [error('`vpc` has no private or isolated subnets, where the NLB defined from `targets` goes by default'
      + `${selectionProblem ? ` (${selectionProblem})` : ''}; add private or isolated subnets to the VPC, or choose the NLB's subnets with \`vpcSubnets\``)];
  }
  return [error(`\`vpcSubnets\` selects no subnet of \`vpc\`${selectionProblem ? ` (${selectionProblem})` : ''}, so the NLB has no `
    + 'subnet to serve consumers from; select subnets the VPC has, one per AZ, by `subnetType` or `subnetGroupName`')];
}

// Parameter names as SSM accepts them (PutParameter, "Name": naming constraints):
// https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html
const PARAMETER_NAME_CHARACTERS = /^[A-Za-z0-9_.\-/]+$/;
const RESERVED_PARAMETER_PREFIXES = ['aws', 'ssm'];
const MAX_PARAMETER_HIERARCHY_LEVELS = 15;
/** The limit includes the part of the parameter's ARN before the name, `arn:<partition>:ssm:<region>:<account>:parameter/`. */
const MAX_PARAMETER_ARN_LENGTH = 1011;

/** Where the stack is, as far as it is known: a token stands for a value known only at deploy time. */
export interface ParameterArnParts {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/**
 * The shortest the ARN prefix can be: values known only at deploy time count with their shortest possible length
 * (partition `aws`, a Region name of 9 characters like `us-east-1`, a 12-digit account).
 */
function minimumArnPrefixLength(parts: ParameterArnParts): number {
  const known = (value: string, shortest: number) => Token.isUnresolved(value) ? shortest : value.length;
  return 'arn::ssm:::parameter/'.length + known(parts.partition, 'aws'.length) + known(parts.region, 'us-east-1'.length) + known(parts.account, 12);
}

/** The prop that names an SSM parameter, and a name to suggest in its place. */
export interface ParameterNameProp {
  readonly prop: string;
  readonly example: string;
}

/**
 * The name of an SSM parameter that the library publishes must be one SSM accepts; aws-cdk-lib checks only its
 * characters and a length of 2048, by throwing.
 */
export function validateParameterName(name: string | undefined, arn: ParameterArnParts, prop: ParameterNameProp): Finding[] {
  if (name === undefined || Token.isUnresolved(name)) {
    return [];
  }
  const problems: string[] = [];
  if (!PARAMETER_NAME_CHARACTERS.test(name)) {
    problems.push('only letters, digits and the symbols . - _ / are allowed');
  }
  const relative = name.replace(/^\//, '');
  if (RESERVED_PARAMETER_PREFIXES.some(prefix => relative.toLowerCase().startsWith(prefix))) {
    problems.push(`it must not begin with ${RESERVED_PARAMETER_PREFIXES.join(' or ')} (in any case)`);
  }
  if (name.includes('/') && !name.startsWith('/')) {
    problems.push('a name with a hierarchy must begin with /');
  }
  if (relative.split('/').length > MAX_PARAMETER_HIERARCHY_LEVELS) {
    problems.push(`a hierarchy has at most ${MAX_PARAMETER_HIERARCHY_LEVELS} levels`);
  }
  const arnLength = minimumArnPrefixLength(arn) + relative.length;
  if (arnLength > MAX_PARAMETER_ARN_LENGTH) {
    problems.push(`the name with its ARN prefix may have at most ${MAX_PARAMETER_ARN_LENGTH} characters, this one has ${arnLength}`);
  }
  return problems.length === 0 ? [] : [error(`\`${prop.prop}\` is not a name SSM accepts, got '${name}': ${problems.join('; ')}; `
    + `use a name like ${prop.example}`)];
}
