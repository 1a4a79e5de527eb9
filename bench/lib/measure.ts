import { performance } from 'node:perf_hooks';

export interface Latency {
  calls: number;
  p50Micros: number;
  p99Micros: number;
  meanMicros: number;
}

/**
 * Calls `fn` over the inputs (cycling) `calls` times after a warm-up and reports per-call latency
 * percentiles in microseconds.
 */
export function measureLatency<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  calls = 5_000,
): Latency {
  if (inputs.length === 0) throw new Error('measureLatency needs at least one input');
  for (let i = 0; i < Math.min(calls, 500); i++) fn(inputs[i % inputs.length]!);
  const samples = new Float64Array(calls);
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    fn(inputs[i % inputs.length]!);
    samples[i] = (performance.now() - start) * 1000;
  }
  samples.sort();
  const at = (q: number) => samples[Math.min(calls - 1, Math.floor(q * calls))]!;
  const mean = samples.reduce((a, b) => a + b, 0) / calls;
  return { calls, p50Micros: round(at(0.5)), p99Micros: round(at(0.99)), meanMicros: round(mean) };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** One section of a bench report. */
export interface BenchSection {
  title: string;
  markdown: string;
}
