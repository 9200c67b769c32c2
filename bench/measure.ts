// How the benchmark times the library against hand-written aws-cdk-lib on a machine that other processes share.
//
// - CPU time of this process (user and system), which other processes inflate far less than time on the clock.
// - Library and hand-written runs are interleaved in pairs, each pair in alternating order, so that drift of a busy
//   machine (other processes, CPU frequency) falls on both alike; the ratio is taken per pair, then its median.
// - Untimed warm-up pairs first: the JIT takes dozens of synths to settle on small apps, and the first variant
//   measured would otherwise pay for module loading and compilation.
// - A garbage collection before each timed run (with `node --expose-gc`), so that one variant's garbage is not
//   collected on the other's time.
// - The spread is reported with the median: the 25th and 75th percentiles of the per-pair ratios.

/** Milliseconds of CPU time (user and system) that `work` takes. */
export function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** The value below which `share` of the values lie (nearest rank). */
function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

export interface Comparison {
  readonly pairs: number;
  readonly libraryMs: number;
  readonly handWrittenMs: number;
  /** The median of the per-pair ratios library/hand-written, with their 25th and 75th percentiles. */
  readonly ratio: number;
  readonly ratioLow: number;
  readonly ratioHigh: number;
}

/** Times `library` against `handWritten` in `pairs` interleaved pairs, after `warmUpPairs` untimed ones. */
export function compare(library: () => void, handWritten: () => void, warmUpPairs: number, pairs: number): Comparison {
  const libraryMs: number[] = [];
  const handWrittenMs: number[] = [];
  for (let i = 0; i < warmUpPairs + pairs; i++) {
    const timed = i >= warmUpPairs;
    const runs: Array<[() => void, number[]]> = [[library, libraryMs], [handWritten, handWrittenMs]];
    for (const [work, times] of i % 2 === 0 ? runs : runs.reverse()) {
      collectGarbage();
      const ms = cpuMs(work);
      if (timed) {
        times.push(ms);
      }
    }
  }
  const ratios = libraryMs.map((ms, i) => ms / handWrittenMs[i]);
  return {
    pairs,
    libraryMs: percentile(libraryMs, 0.5),
    handWrittenMs: percentile(handWrittenMs, 0.5),
    ratio: percentile(ratios, 0.5),
    ratioLow: percentile(ratios, 0.25),
    ratioHigh: percentile(ratios, 0.75),
  };
}

/** `1.03 (0.98–1.07)`: the median ratio and its spread. */
export function formatRatio(comparison: Comparison): string {
  return `${comparison.ratio.toFixed(2)} (${comparison.ratioLow.toFixed(2)}–${comparison.ratioHigh.toFixed(2)})`;
}

/** Whether garbage is collected before each run, which the report states. */
export const garbageCollectedBetweenRuns = (globalThis as { gc?: unknown }).gc !== undefined;
