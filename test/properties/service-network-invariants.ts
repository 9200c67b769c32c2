import { App, CfnElement, Stack, Token } from 'aws-cdk-lib';
import { schemaViolations } from '../schema';
import { REGIONS } from './environment';
import { PrivateServiceNetwork } from '../../src';

// Invariants of VPC Lattice service networks and their consumers (service-network endpoints and VPC associations) that
// the three constructs' properties share.

const text = (value: unknown) => JSON.stringify(value);

/** The schema violations of every stack of the app (a service network, its shares and consumers span stacks). */
export function stackTemplateViolations(app: App): string[] {
  const assembly = app.synth();
  return app.node.children.filter(Stack.isStack).flatMap(stack => {
    const region = !Token.isUnresolved(stack.region) && REGIONS.includes(stack.region) ? stack.region : undefined;
    return schemaViolations(assembly.getStackByName(stack.stackName).template, region)
      .map(violation => `${stack.stackName}: ${violation}`);
  });
}

/** A consumer's private DNS, as given: the specified domains as given (tokens unresolved). */
export interface DnsChoice {
  readonly privateDnsEnabled?: boolean;
  readonly preference?: string;
  readonly specifiedDomains?: string[];
}

/** The DNS options of a consumer, as given. */
export interface DnsRequest {
  readonly privateDnsEnabled?: boolean;
  readonly preference?: string;
  /** Resolved. */
  readonly specifiedDomains?: unknown[];
}

/**
 * Private DNS as asked for: on by default; the DNS options with the preference (VERIFIED_DOMAINS_ONLY by default) and the
 * specified domains exactly when private DNS is on, none when it is off.
 *
 * @param what the consumer's resource, as the violations name it
 * @param props its properties in the template
 */
export function dnsOptionViolations(what: string, props: any, dns: DnsRequest): string[] {
  const on = dns.privateDnsEnabled ?? true;
  const violations = props.PrivateDnsEnabled === on ? [] : [`${what} has PrivateDnsEnabled ${props.PrivateDnsEnabled}, ${on} asked for`];
  if (!on) {
    return props.DnsOptions === undefined ? violations : [...violations, `${what} has DnsOptions ${text(props.DnsOptions)} with private DNS off`];
  }
  const preference = dns.preference ?? 'VERIFIED_DOMAINS_ONLY';
  if (props.DnsOptions?.PrivateDnsPreference !== preference) {
    violations.push(`${what} has DnsOptions ${text(props.DnsOptions)}, not PrivateDnsPreference ${preference}`);
  }
  if (text(props.DnsOptions?.PrivateDnsSpecifiedDomains) !== text(dns.specifiedDomains)) {
    violations.push(`${what} specifies ${text(props.DnsOptions?.PrivateDnsSpecifiedDomains)}, ${text(dns.specifiedDomains)} asked for`);
  }
  return violations;
}

/** A custom domain name of a resource the network carries. */
export interface CarriedDomain {
  readonly name: string;
  readonly verified: boolean;
}

const SPECIFIED = ['VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS', 'SPECIFIED_DOMAINS_ONLY'];

const normal = (name: string) => name.toLowerCase().replace(/\.$/, '');

/**
 * Whether VPC Lattice answers the name in the consumer VPC (DnsOptionsSpecification): every name with ALL_DOMAINS,
 * verified names with the VERIFIED preferences, the names a specified domain covers (itself, or with `*.` every name under
 * its parent) with the SPECIFIED ones; undefined when a deploy-time specified domain decides it.
 */
export function answered(domain: CarriedDomain, dns: DnsChoice): boolean | undefined {
  if (!(dns.privateDnsEnabled ?? true)) {
    return false;
  }
  const preference = dns.preference ?? 'VERIFIED_DOMAINS_ONLY';
  if (preference === 'ALL_DOMAINS' || (domain.verified && preference !== 'SPECIFIED_DOMAINS_ONLY')) {
    return true;
  }
  if (!SPECIFIED.includes(preference)) {
    return false;
  }
  const specified = dns.specifiedDomains ?? [];
  const covers = (pattern: string) => normal(pattern).startsWith('*.') ? normal(domain.name).endsWith(normal(pattern).slice(1))
    : normal(pattern) === normal(domain.name);
  if (specified.some(name => !Token.isUnresolved(name) && covers(name))) {
    return true;
  }
  return specified.some(name => Token.isUnresolved(name)) ? undefined : false;
}

/**
 * `privateDomainNames` holds every carried name that resolves in the VPC and none that does not (a name a deploy-time
 * specified domain decides may be either); none when the network's associations have private DNS off.
 */
export function privateDomainNameViolations(actual: string[], domains: CarriedDomain[], networkPrivateDns: boolean, dns: DnsChoice): string[] {
  const violations: string[] = [];
  for (const domain of domains) {
    const expected = networkPrivateDns ? answered(domain, dns) : false;
    if (expected === true && !actual.includes(domain.name)) {
      violations.push(`privateDomainNames [${actual}] leaves out '${domain.name}' (${domain.verified ? '' : 'not '}verified), which resolves in the VPC`);
    }
    if (expected === false && actual.includes(domain.name)) {
      violations.push(`privateDomainNames [${actual}] holds '${domain.name}' (${domain.verified ? '' : 'not '}verified), which does not resolve in the VPC`);
    }
  }
  const unknown = actual.filter(name => !domains.some(domain => domain.name === name));
  if (unknown.length > 0) {
    violations.push(`privateDomainNames holds [${unknown}], names of no resource the network carries`);
  }
  return violations;
}

/**
 * A consumer's reference to its network: the ARN given, or the ARN of the network object (from another stack, an import of
 * its export, or, between stacks of different environments, aws-cdk-lib's `Fn::GetStackOutput` of its output).
 *
 * @param value the reference in the consumer's template
 */
export function networkReferenceViolations(what: string, value: unknown, stack: Stack, network: PrivateServiceNetwork | undefined,
  arn: string | undefined): string[] {
  if (network === undefined) {
    const expected = text(stack.resolve(arn));
    return text(value) === expected ? [] : [`${what} names the network ${text(value)}, not ${expected}`];
  }
  const networkStack = Stack.of(network);
  const logicalId = networkStack.resolve((network.node.findChild('ServiceNetwork') as CfnElement).logicalId) as string;
  const found = text(value);
  const refers = networkStack === stack ? found === text({ 'Fn::GetAtt': [logicalId, 'Arn'] })
    : /"Fn::(ImportValue|GetStackOutput)"/.test(found) && found.includes(`${logicalId}Arn`);
  return refers ? [] : [`${what} names the network ${found}, not the ARN of ${network.node.path} (${logicalId})`];
}

/** The TCP port ranges a consumer's own security group must admit: those given, else those of the network's shares. */
export function expectedPorts(given: ReadonlyArray<{ readonly value: [number, number] }> | undefined,
  shares: ReadonlyArray<{ readonly ports: [number, number] }>): Array<readonly [number, number]> {
  return given ? given.map(({ value }) => value) : shares.map(share => share.ports);
}
