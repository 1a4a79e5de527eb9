/**
 * Message analysis, signal extraction and smart compose: accuracy of intent and urgency on the
 * hand-labelled set (with where the misses go) and per-call latency of the three engines.
 */
import { COMPOSE_INPUTS } from '../../apps/server/src/ai/compose/fixtures';
import { smartCompose } from '../../apps/server/src/ai/compose/index';
import {
  EVAL_NOW,
  HOLDOUT_MESSAGES,
  LABELLED_MESSAGES,
} from '../../apps/server/src/ai/message-analysis/eval/dataset';
import type { Confusion } from '../../apps/server/src/ai/message-analysis/eval/evaluate';
import { evaluate } from '../../apps/server/src/ai/message-analysis/eval/evaluate';
import { analyzeMessage } from '../../apps/server/src/ai/message-analysis/index';
import { SIGNAL_FIXTURES } from '../../apps/server/src/ai/signals/fixtures';
import { extractSignals } from '../../apps/server/src/ai/signals/index';
import type { BenchSection } from '../lib/measure';
import { markdownTable, measureLatency, round } from '../lib/measure';

const pct = (n: number) => `${round(n * 100)}%`;

export async function run(): Promise<BenchSection> {
  const report = evaluate(LABELLED_MESSAGES);
  const holdout = evaluate(HOLDOUT_MESSAGES);
  const sets = [...new Set(LABELLED_MESSAGES.map((m) => m.set))];
  const perSet = sets.map((set) => {
    const r = evaluate(LABELLED_MESSAGES.filter((m) => m.set === set));
    return [set, r.intent.total, pct(r.intent.accuracy), pct(r.urgency.accuracy)];
  });

  // Signal inputs: deal-sized bundles of four texts, the way activities arrive.
  const texts = SIGNAL_FIXTURES.map((f) => f.text);
  const bundles = texts.map((_, i) => [0, 1, 2, 3].map((k) => texts[(i + k) % texts.length] ?? ''));
  const analysisInputs = LABELLED_MESSAGES.map((m) => ({
    content: m.content,
    conversationHistory: m.history,
    now: EVAL_NOW,
  }));

  const latency = [
    ['analyzeMessage', LABELLED_MESSAGES.length, measureLatency(analysisInputs, analyzeMessage)],
    ['extractSignals (4 texts)', bundles.length, measureLatency(bundles, extractSignals)],
    ['smartCompose', COMPOSE_INPUTS.length, measureLatency(COMPOSE_INPUTS, smartCompose, 2_000)],
  ] as const;

  const markdown = [
    `Labelled set: ${LABELLED_MESSAGES.length} hand-written sales and support messages ` +
      '(apps/server/src/ai/message-analysis/eval/), analysed at a fixed reference time. The rules ' +
      'were tuned on every set but `holdout`, which was written afterwards and never tuned on: its ' +
      'row is the fair estimate for new phrasing.',
    '',
    markdownTable(
      ['measure', 'value'],
      [
        ['intent accuracy', pct(report.intent.accuracy)],
        ['urgency accuracy (exact level)', pct(report.urgency.accuracy)],
        ['urgency within one level', pct(report.urgencyWithinOne)],
        ['held-out intent accuracy', pct(holdout.intent.accuracy)],
        ['held-out urgency accuracy', pct(holdout.urgency.accuracy)],
      ],
    ),
    '',
    markdownTable(['set', 'messages', 'intent', 'urgency'], perSet),
    '',
    '**Intent confusion** (rows: label, columns: predicted)',
    '',
    confusionTable(report.intent, [
      'inquiry',
      'complaint',
      'support',
      'purchase',
      'follow-up',
      'other',
    ]),
    '',
    '**Urgency confusion** (rows: label, columns: predicted)',
    '',
    confusionTable(report.urgency, ['low', 'medium', 'high', 'critical']),
    '',
    '**Latency** (µs per call, after warm-up)',
    '',
    markdownTable(
      ['function', 'distinct inputs', 'calls', 'p50 µs', 'p99 µs', 'mean µs'],
      latency.map(([name, inputs, l]) => [
        name,
        inputs,
        l.calls,
        l.p50Micros,
        l.p99Micros,
        l.meanMicros,
      ]),
    ),
  ].join('\n');

  return { title: 'Message analysis, signals and smart compose', markdown };
}

function confusionTable(c: Confusion, labels: readonly string[]): string {
  const rows = labels.map((expected) => {
    const row = c.matrix[expected] ?? {};
    const total = labels.reduce((s, l) => s + (row[l] ?? 0), 0);
    const hit = row[expected] ?? 0;
    return [expected, ...labels.map((l) => row[l] ?? 0), total === 0 ? '–' : pct(hit / total)];
  });
  return markdownTable(['label \\ predicted', ...labels, 'recall'], rows);
}
