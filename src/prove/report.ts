import { ProofResult, RequirementResult } from './evaluate';
import { HOST_SOURCE } from './sdk-hosts';

/** The proof's verdict: holds (exit 0) or is refuted (exit 1). Unknown requirements are reported, and refute only with `strict`. */
export function proofHolds(result: ProofResult, strict = false): boolean {
  return result.requirements.every(r => r.verdict === 'reachable' || (!strict && r.verdict === 'unknown'))
    && result.internetPaths.every(path => !path.forbidden);
}

/** One line of counts, for summaries: `163 reachable, 0 unreachable, 2 unknown; 0 forbidden internet paths`. */
export function summaryLine(result: ProofResult): string {
  const count = (verdict: RequirementResult['verdict']) => result.requirements.filter(r => r.verdict === verdict).length;
  const forbidden = result.internetPaths.filter(path => path.forbidden).length;
  return `${count('reachable')} reachable, ${count('unreachable')} unreachable, ${count('unknown')} unknown; `
    + `${forbidden} forbidden internet path${forbidden === 1 ? '' : 's'} (${result.internetPaths.length - forbidden} allowed)`;
}

/** A table per VPC: each workload subnet against each service, with the hop that fails; then the internet paths. */
export function textReport(result: ProofResult): string {
  const lines: string[] = [];
  for (const vpc of [...new Set(result.requirements.map(r => r.vpc))]) {
    lines.push(`VPC ${vpc}`);
    for (const requirement of result.requirements.filter(r => r.vpc === vpc)) {
      const failing = requirement.hops.find(hop => hop.holds === false) ?? requirement.hops.find(hop => hop.holds === undefined);
      const how = requirement.verdict === 'reachable' ? `via ${requirement.via}` : `${failing?.name}: ${failing?.detail}`;
      lines.push(`  ${mark(requirement.verdict)} ${requirement.subnet} (${requirement.availabilityZone ?? 'AZ unknown'}) -> `
        + `${requirement.service}${requirement.host ? ` (${requirement.host})` : ''}: ${how}`);
    }
  }
  for (const path of result.internetPaths) {
    lines.push(`${path.forbidden ? 'FORBIDDEN' : 'allowed'} internet path from ${path.subnet}: ${path.kind}, ${path.detail}`);
  }
  for (const vpc of result.publicDns) {
    lines.push(`note: ${vpc} resolves public names (no DNS Firewall in the app): DNS is a way out`);
  }
  lines.push(`host names: ${HOST_SOURCE}`, summaryLine(result));
  return lines.join('\n');
}

/** A Mermaid flowchart of the paths: subnet to endpoint per requirement, dashed where it fails, and internet paths. */
export function mermaidReport(result: ProofResult): string {
  const ids = new Map<string, string>();
  const id = (name: string) => ids.get(name) ?? ids.set(name, `n${ids.size}`).get(name)!;
  const label = (name: string) => name.replace(/"/g, '\'');
  const lines = ['flowchart LR'];
  for (const requirement of result.requirements) {
    const target = requirement.via ?? requirement.service;
    const arrow = requirement.verdict === 'reachable' ? '-->' : '-.->';
    lines.push(`  ${id(requirement.subnet)}["${label(requirement.subnet)}"] ${arrow}|"${label(requirement.service)}: ${requirement.verdict}"| `
      + `${id(target)}["${label(target)}"]`);
  }
  for (const path of result.internetPaths) {
    lines.push(`  ${id(path.subnet)}["${label(path.subnet)}"] -->|"${path.kind}"| internet(("internet"))`);
  }
  return lines.join('\n');
}

function mark(verdict: RequirementResult['verdict']): string {
  return verdict === 'reachable' ? 'ok  ' : verdict === 'unreachable' ? 'FAIL' : '??  ';
}
