import { Token } from 'aws-cdk-lib';
import { isDomainName, normalizeDomainName } from './domain-names';
import { error, Finding, warning } from './findings';

const DNS_OPTIONS = 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html';
const VPC_ENDPOINT_TEMPLATE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-vpcendpoint-dnsoptionsspecification.html';

/** The CloudFormation schema of `DnsOptionsSpecification.PrivateDnsSpecifiedDomains`: 1 to 10 names. */
export const MAX_SPECIFIED_DOMAINS = 10;

const NEEDS_SPECIFIED_DOMAINS = ['VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS', 'SPECIFIED_DOMAINS_ONLY'];

/** The DNS options of a resource endpoint, a service-network endpoint or a service-network VPC association. */
export interface LatticeDnsChoice {
  readonly privateDnsEnabled: boolean;
  /** The preference as given; the constructs write `VERIFIED_DOMAINS_ONLY` when none is. */
  readonly preference?: string;
  readonly specifiedDomains?: string[];
}

/** A custom domain name of a resource, as the consumer sees it. */
export interface LatticeCustomDomain {
  readonly name: string;
  /** Whether the provider gives a domain verification of the name (or of its group domain). */
  readonly verified: boolean;
  /** The resource, as messages name it. */
  readonly resource: string;
}

/**
 * A preference and specified domains apply only with private DNS on; the two `SPECIFIED` preferences need specified
 * domains and the others take none ("Only supported when private DNS is enabled and the private DNS preference is
 * VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS or SPECIFIED_DOMAINS_ONLY", DnsOptionsSpecification); the CloudFormation schema
 * allows 1 to 10 names.
 */
export function validateLatticeDns(choice: LatticeDnsChoice): Finding[] {
  const { preference, specifiedDomains } = choice;
  const findings: Finding[] = [];
  if (!choice.privateDnsEnabled && (preference !== undefined || specifiedDomains !== undefined)) {
    const given = [preference !== undefined ? '`privateDnsPreference`' : undefined,
      specifiedDomains !== undefined ? '`privateDnsSpecifiedDomains`' : undefined].filter(Boolean).join(' and ');
    const verb = preference !== undefined && specifiedDomains !== undefined ? 'apply' : 'applies';
    findings.push(error(`${given} ${verb} only with private DNS on, but \`privateDnsEnabled\` is false (${DNS_OPTIONS}). `
      + `Remove ${given}, or turn private DNS on.`));
  }
  const needsDomains = preference !== undefined && NEEDS_SPECIFIED_DOMAINS.includes(preference);
  if (needsDomains && (specifiedDomains ?? []).length === 0) {
    findings.push(error(`\`privateDnsPreference\` ${preference} answers the names in \`privateDnsSpecifiedDomains\`, but none is `
      + `given (${DNS_OPTIONS}). List the names, like \`privateDnsSpecifiedDomains: ['orders.example.com']\`.`));
  }
  if (!needsDomains && specifiedDomains !== undefined) {
    const effective = preference ?? 'VERIFIED_DOMAINS_ONLY (the default)';
    findings.push(error(`\`privateDnsSpecifiedDomains\` is given, but \`privateDnsPreference\` is ${effective}, which does not `
      + `read it (${DNS_OPTIONS}). Use PrivateDnsPreference.VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS or SPECIFIED_DOMAINS_ONLY, or `
      + 'remove `privateDnsSpecifiedDomains`.'));
  }
  if ((specifiedDomains ?? []).length > MAX_SPECIFIED_DOMAINS) {
    findings.push(error(`\`privateDnsSpecifiedDomains\` has ${specifiedDomains!.length} names; an endpoint takes at most `
      + `${MAX_SPECIFIED_DOMAINS} (${VPC_ENDPOINT_TEMPLATE}). Name a parent domain with a wildcard, like '*.example.com', for several.`));
  }
  const literal = (specifiedDomains ?? []).filter(name => !Token.isUnresolved(name)).map(normalizeDomainName);
  const repeated = [...new Set(literal.filter((name, index) => literal.indexOf(name) !== index))];
  if (repeated.length > 0) {
    // The association's schema refuses repeated items (uniqueItems); an endpoint's would answer them once.
    findings.push(error(`\`privateDnsSpecifiedDomains\` lists ${repeated.map(name => `'${name}'`).join(', ')} more than once. `
      + 'List each name once.'));
  }
  const malformed = (specifiedDomains ?? []).filter(name => !Token.isUnresolved(name) && !isDomainName(bareName(name)));
  if (malformed.length > 0) {
    findings.push(error('`privateDnsSpecifiedDomains` must hold domain names, optionally with a leading wildcard label '
      + `('orders.example.com', '*.example.com'), got ${malformed.map(name => `'${name}'`).join(', ')}.`));
  }
  return findings;
}

/**
 * Whether VPC Lattice answers a custom domain name in the consumer VPC under the DNS options (DnsOptionsSpecification):
 * every name with `ALL_DOMAINS`, verified names with the `VERIFIED` preferences, and names that a specified domain covers
 * with the `SPECIFIED` ones. Undefined when that cannot be decided at synth (a token).
 */
export function customDomainResolves(domain: LatticeCustomDomain, choice: LatticeDnsChoice): boolean | undefined {
  if (!choice.privateDnsEnabled) {
    return false;
  }
  const preference = choice.preference ?? 'VERIFIED_DOMAINS_ONLY';
  if (preference === 'ALL_DOMAINS') {
    return true;
  }
  const verified = preference !== 'SPECIFIED_DOMAINS_ONLY' && domain.verified;
  if (verified || !NEEDS_SPECIFIED_DOMAINS.includes(preference)) {
    return verified;
  }
  if (Token.isUnresolved(domain.name)) {
    return undefined;
  }
  const specified = choice.specifiedDomains ?? [];
  const literal = specified.filter(name => !Token.isUnresolved(name));
  if (literal.some(name => coversName(name, domain.name))) {
    return true;
  }
  // A deploy-time entry may be the name.
  return literal.length < specified.length ? undefined : false;
}

/**
 * A custom domain name that private DNS is meant to answer but will not, so clients calling it reach nothing: a
 * warning (the provider may verify the name later), saying why and what to do.
 */
export function warnUnresolvedCustomDomains(domains: LatticeCustomDomain[], choice: LatticeDnsChoice): Finding[] {
  if (!choice.privateDnsEnabled) {
    return [];
  }
  const preference = choice.preference ?? 'VERIFIED_DOMAINS_ONLY';
  return domains.filter(domain => customDomainResolves(domain, choice) === false).map(domain => warning('customDomainNotResolved',
    `the custom domain name '${domain.name}' of ${domain.resource} will not resolve in this VPC: it is ${domain.verified ? '' : 'not '}`
    + `verified, and private DNS preference ${preference} answers ${answeredNames(preference)} (${DNS_OPTIONS}). `
    + fixFor(domain, preference)));
}

/** Listing the name is enough with a SPECIFIED preference; otherwise verify it, or list it under one. */
function fixFor(domain: LatticeCustomDomain, preference: string): string {
  if (domain.verified || NEEDS_SPECIFIED_DOMAINS.includes(preference)) {
    return `Add '${domain.name}' to \`privateDnsSpecifiedDomains\`.`;
  }
  return 'Have the provider verify the name (PrivateResourceShare `publicHostedZone` or `domainVerificationId`), or, if you trust '
    + `the provider with it, add '${domain.name}' to \`privateDnsSpecifiedDomains\` with VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS.`;
}

function answeredNames(preference: string): string {
  switch (preference) {
    case 'SPECIFIED_DOMAINS_ONLY':
      return 'only the names in `privateDnsSpecifiedDomains`';
    case 'VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS':
      return 'verified names and the names in `privateDnsSpecifiedDomains`';
    default:
      return 'verified names only';
  }
}

/** A specified domain covers its own name and, with a leading `*.`, every name under its parent. */
function coversName(specified: string, name: string): boolean {
  const pattern = normalizeDomainName(specified);
  const target = normalizeDomainName(name);
  return pattern.startsWith('*.') ? target.endsWith(pattern.slice(1)) : pattern === target;
}

/** The name without a leading wildcard label. */
function bareName(name: string): string {
  return normalizeDomainName(name).replace(/^\*\./, '');
}
