import { error, Finding, warning } from './findings';
import { Quota } from '../facts/quotas';

/**
 * A count above a default quota: an error when the quota cannot be raised, since the deploy would fail; otherwise a
 * warning, acknowledgeable once the increase is granted.
 *
 * @param slug the warning's slug
 * @param what what is counted, as the message names it: "resource configurations of the service network:"
 * @param fix what to do instead, for a quota AWS does not raise
 */
export function exceedsQuota(slug: string, quota: Quota, count: number, what: string, fix = ''): Finding[] {
  if (count <= quota.value) {
    return [];
  }
  const stated = `${what} ${count}, above the quota '${quota.name}' of ${quota.value} (${quota.source})`;
  return quota.adjustable
    ? [warning(slug, `${stated}; the deploy fails unless the quota has been raised. Request an increase in Service Quotas first.`)]
    : [error(`${stated}, which AWS does not raise. ${fix}`.trim())];
}
