import { Token } from 'aws-cdk-lib';
import { isDomainName, normalizeDomainName } from './domain-names';
import { error, Finding, warning } from './findings';
import { EVERY_DOMAIN, RULE_GROUP_PRIORITY_RANGE } from '../facts/dns-firewall';

/** A name the VPC's workloads need to resolve, and what needs it (an endpoint's path, a zone's name). */
export interface RequiredDomain {
  /** A DNS Firewall domain specification: a name, or `*.` and a name for the names under it. */
  readonly domain: string;
  readonly neededBy: string;
}

/**
 * Whether a DNS Firewall domain specification covers another one: `*` covers everything, `*.example.com` covers the
 * names under example.com (and specifications under it, wildcard or not) but not example.com itself, and a plain name
 * covers only itself.
 */
export function domainCovers(allowed: string, required: string): boolean {
  if (allowed === EVERY_DOMAIN || allowed === required) {
    return true;
  }
  if (!allowed.startsWith('*.')) {
    return false;
  }
  const parent = allowed.slice(1); // `.example.com`
  return required.endsWith(parent) && required.length > parent.length;
}

/**
 * `allowedDomains`: names DNS Firewall accepts (a domain name, optionally with a leading `*.`), and not `*`, which
 * would allow everything the guard exists to stop. Returns the findings; tokens are not judged.
 */
export function validateAllowedDomains(domains: readonly string[]): Finding[] {
  const literal = domains.filter(domain => !Token.isUnresolved(domain));
  const findings: Finding[] = [];
  if (literal.some(domain => domain.trim() === EVERY_DOMAIN)) {
    findings.push(error('`allowedDomains` contains `*`, which allows every name and leaves nothing for the guard to stop; '
      + 'list the domains the workloads call (`api.example.com`, `*.example.com`), or leave the guard out'));
  }
  const malformed = literal.filter(domain => domain.trim() !== EVERY_DOMAIN && !isDomainSpecification(normalizeDomainName(domain)));
  if (malformed.length > 0) {
    findings.push(error(`\`allowedDomains\` has names DNS Firewall cannot match: ${malformed.map(d => `'${d}'`).join(', ')}; `
      + 'give a domain name of two labels or more (`api.example.com`), or `*.` and a name (`*.example.com`) for the names under it'));
  }
  return findings;
}

/**
 * The required names that the allowed ones do not cover, each with what needs it. With BLOCK, a missing name blocks the
 * workloads' own calls; with ALERT, it alerts on every one of them.
 */
export function validateDomainCoverage(required: readonly RequiredDomain[], allowed: readonly string[], blocking: boolean): Finding[] {
  const uncovered = required.filter(need => !allowed.some(domain => domainCovers(domain, need.domain)));
  if (uncovered.length === 0) {
    return [];
  }
  const list = uncovered.map(need => `${need.domain} (${need.neededBy})`).join(', ');
  const fix = 'add them to `allowedDomains`, or leave `allowEndpointDomains` on so that the guard allows them itself';
  return blocking
    ? [error(`\`allowedDomains\` leaves out names the VPC's endpoints and zones answer, which the guard would block: ${list}; ${fix}`)]
    : [warning('domainsNotAllowed', `\`allowedDomains\` leaves out names the VPC's endpoints and zones answer, which the guard alerts on at every call: ${list}; ${fix}`)];
}

/**
 * Endpoints of the VPC whose DNS names the guard cannot derive (a PrivateLink service with private DNS, a VPC Lattice
 * resource or service network): the workloads' calls to them are blocked unless `allowedDomains` has their names.
 */
export function warnEndpointsWithUnknownNames(paths: readonly string[]): Finding[] {
  return paths.length === 0 ? [] : [warning('endpointNamesUnknown', 'the guard cannot tell which DNS names these endpoints of the VPC answer: '
    + `${paths.join(', ')}; add their names (a provider's private DNS name, a resource's custom domain) to \`allowedDomains\`, `
    + 'or the guard blocks the workloads\' calls to them')];
}

/** `priority`: where the rule group sits among the VPC's rule groups. */
export function validateRuleGroupPriority(priority: number | undefined): Finding[] {
  const { min, max } = RULE_GROUP_PRIORITY_RANGE;
  if (priority === undefined || Token.isUnresolved(priority) || (Number.isInteger(priority) && priority >= min && priority <= max)) {
    return [];
  }
  return [error(`\`priority\` must be a whole number from ${min} to ${max}, as DNS Firewall allows for a rule group's association, `
    + `got ${priority}; leave it out for ${min}`)];
}

/** `threatConfidence` is read by the Advanced protections only. */
export function validateThreatOptions(protections: number, confidenceGiven: boolean): Finding[] {
  return protections === 0 && confidenceGiven
    ? [error('`threatConfidence` is set but `threatProtections` is empty, so nothing reads it; add the protections it is for '
      + '(`DnsThreatProtection.DNS_TUNNELING`, `DnsThreatProtection.DGA`), or remove `threatConfidence`')]
    : [];
}

/** The service names the guard allows are Regional: it needs the stack's Region. */
export function validateGuardRegion(region: string): Finding[] {
  return Token.isUnresolved(region)
    ? [error('the DNS egress guard allows the names of the VPC\'s endpoints, which include the Region, and the stack has none; '
      + 'give the stack an `env` with a `region`')]
    : [];
}

/** A domain name, or `*.` and a domain name or a top-level domain (`*.internal`). */
function isDomainSpecification(domain: string): boolean {
  return domain.startsWith('*.') ? isDomainName(`wildcard.${domain.slice(2)}`) : isDomainName(domain);
}
