import * as route53 from 'aws-cdk-lib/aws-route53';
import { error, Finding } from './findings';

/**
 * The zone's name; undefined for a zone imported by ID only (`fromHostedZoneId()`, `fromPublicHostedZoneId()`),
 * whose `zoneName` getter throws, which is the only way to tell.
 */
export function knownZoneName(zone: route53.IHostedZone): string | undefined {
  try {
    return zone.zoneName;
  } catch {
    return undefined;
  }
}

/**
 * Records in a zone are named relative to the zone's name, and the names checked against it: a zone imported by ID
 * only has none.
 *
 * @param prop the prop that holds the zone, as messages name it
 * @param zone whether the zone is given, and its name when known
 * @param importWith the import that keeps the name, like `HostedZone.fromHostedZoneAttributes()`
 */
export function validateZoneNameKnown(prop: string, zone: { readonly given: boolean; readonly name?: string }, importWith: string): Finding[] {
  if (!zone.given || zone.name !== undefined) {
    return [];
  }
  return [error(`\`${prop}\` was imported by ID only (\`fromHostedZoneId()\` or \`fromPublicHostedZoneId()\`), so its name is unknown `
    + `and the records for it can be neither named nor checked; import it with \`${importWith}\`, giving its \`zoneName\` too`)];
}
