import { Token } from 'aws-cdk-lib';

/**
 * RFC 1034 limits, as the PrivateLink guide states them for private DNS names: labels of 1..63 characters,
 * at most 253 in all (255 on the wire, less the length octets of the first and last label).
 */
export const MAX_DOMAIN_LENGTH = 253;

const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A lowercase domain name of at least two labels, like `api.example.com`. */
export function isDomainName(name: string): boolean {
  const labels = name.split('.');
  return name.length <= MAX_DOMAIN_LENGTH && labels.length >= 2 && labels.every(label => DOMAIN_LABEL.test(label));
}

/** Whether a hosted zone (its name with or without the final dot) can hold records for the name. */
export function isInZone(name: string, zoneName: string): boolean {
  const zone = zoneName.replace(/\.$/, '');
  return name === zone || name.endsWith(`.${zone}`);
}

/** A domain name as DNS compares it: lowercase, without the trailing dot of a fully qualified name. */
export function normalizeDomainName(name: string): string {
  return Token.isUnresolved(name) ? name : name.toLowerCase().replace(/\.$/, '');
}
