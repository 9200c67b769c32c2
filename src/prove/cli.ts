import { UnreadableAssemblyError } from './assembly';
import { proveAssembly } from './prove';
import { mermaidReport, proofHolds, textReport } from './report';

const USAGE = 'usage: cdk-private-endpoints prove [ASSEMBLY_DIR] [--json] [--mermaid] [--strict]\n'
  + '  Proves from a synthesized cloud assembly (default cdk.out) that every workload subnet reaches the AWS services and\n'
  + '  endpoints it needs privately, and that no subnet that must have none has a path to the internet.\n'
  + '  Exit codes: 0 the proof holds, 1 it is refuted (or, with --strict, something is undecidable), 2 unreadable assembly.';

/** Runs the command line, writing to `out` and `err`, and returns the exit code. */
export function runCli(args: string[], out: (text: string) => void, err: (text: string) => void): number {
  const [command, ...rest] = args;
  const flags = new Set(rest.filter(arg => arg.startsWith('--')));
  const positional = rest.filter(arg => !arg.startsWith('--'));
  const unknownFlags = [...flags].filter(flag => !['--json', '--mermaid', '--strict'].includes(flag));
  if (command !== 'prove' || positional.length > 1 || unknownFlags.length > 0) {
    err(USAGE);
    return 2;
  }
  let result;
  try {
    result = proveAssembly(positional[0] ?? 'cdk.out');
  } catch (e) {
    if (e instanceof UnreadableAssemblyError) {
      err(`cdk-private-endpoints prove: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (flags.has('--json')) {
    out(JSON.stringify(result, undefined, 2));
  } else if (flags.has('--mermaid')) {
    out(mermaidReport(result));
  } else {
    out(textReport(result));
  }
  return proofHolds(result, flags.has('--strict')) ? 0 : 1;
}
