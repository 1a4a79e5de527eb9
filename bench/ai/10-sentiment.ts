import vader from 'vader-sentiment';
import winkSentiment from 'wink-sentiment';
import { evaluate, type EvalReport } from '../../apps/server/src/ai/sentiment/eval/evaluate';
import { EVAL_SENTENCES, type Label } from '../../apps/server/src/ai/sentiment/eval/sentences';
import { analyzeSentiment } from '../../apps/server/src/ai/sentiment/index';
import { type BenchSection, markdownTable, measureLatency } from '../lib/measure';

/**
 * Local sentiment engine vs. VADER and wink-sentiment on the hand-written evaluation set:
 * strict accuracy (neutral is wrong for a positive/negative line) and per-sentence latency.
 */

interface Engine {
  name: string;
  classify: (text: string) => Label;
  run: (text: string) => unknown;
}

/** The libraries' own conventions: VADER's compound at ±0.05, wink's integer score at 0. */
const vaderLabel = (compound: number): Label =>
  compound >= 0.05 ? 'positive' : compound <= -0.05 ? 'negative' : 'neutral';
const winkLabel = (score: number): Label =>
  score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';

const ENGINES: Engine[] = [
  {
    name: 'Flow local engine',
    classify: (text) => analyzeSentiment(text).sentiment,
    run: (text) => analyzeSentiment(text),
  },
  {
    name: 'vader-sentiment (compound ±0.05)',
    classify: (text) => vaderLabel(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound),
    run: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text),
  },
  {
    name: 'wink-sentiment (score ≠ 0)',
    classify: (text) => winkLabel(winkSentiment(text).score),
    run: (text) => winkSentiment(text),
  },
];

const pct = (a: { correct: number; total: number; rate: number }) =>
  `${(a.rate * 100).toFixed(1)}% (${a.correct}/${a.total})`;

function accuracyRow(name: string, r: EvalReport): string[] {
  return [
    name,
    pct(r.overall),
    pct(r.byLabel.positive),
    pct(r.byLabel.neutral),
    pct(r.byLabel.negative),
    pct(r.business),
    pct(r.review),
    pct(r.tuning),
    pct(r.heldOut),
  ];
}

export async function run(): Promise<BenchSection> {
  const texts = EVAL_SENTENCES.map((s) => s.text);
  const reports = ENGINES.map((e) => ({ engine: e, report: evaluate(EVAL_SENTENCES, e.classify) }));
  const latencies = ENGINES.map((e) => ({
    engine: e,
    latency: measureLatency(texts, e.run, 20_000),
  }));
  const ours = reports[0]!.report;
  const misses = ours.misses.map(
    ({ sentence, predicted }) =>
      `- ${sentence.heldOut ? '(held-out) ' : ''}${sentence.domain}, expected ${sentence.label}, ` +
      `got ${predicted}: "${sentence.text}"`,
  );
  const markdown = [
    `Evaluation set: ${EVAL_SENTENCES.length} hand-written lines (apps/server/src/ai/sentiment/eval/), ` +
      `half sales/customer-success message lines and half product/restaurant/film review lines, ` +
      `balanced across positive/neutral/negative. Every fifth line is held out from tuning. ` +
      `Strict accuracy: a neutral answer to a positive or negative line counts as wrong.`,
    '',
    markdownTable(
      [
        'engine',
        'overall',
        'positive',
        'neutral',
        'negative',
        'business',
        'review',
        'tuning',
        'held-out',
      ],
      reports.map(({ engine, report }) => accuracyRow(engine.name, report)),
    ),
    '',
    'Latency per sentence (20 000 calls over the set, after warm-up):',
    '',
    markdownTable(
      ['engine', 'p50 µs', 'p99 µs', 'mean µs'],
      latencies.map(({ engine, latency }) => [
        engine.name,
        latency.p50Micros,
        latency.p99Micros,
        latency.meanMicros,
      ]),
    ),
    '',
    `Caveat: the set was written by the engine's author, so the local engine's figures are an ` +
      `optimistic estimate of its accuracy on real traffic; the baselines' figures are not biased that way.`,
    '',
    `Lines the local engine gets wrong (${misses.length}):`,
    '',
    ...(misses.length > 0 ? misses : ['- none']),
  ].join('\n');
  return { title: 'Sentiment: local engine vs. VADER and wink-sentiment', markdown };
}
