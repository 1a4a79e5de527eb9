import { performance } from 'node:perf_hooks';
import {
  STAGE_PRIOR,
  blendWeight,
  brierScore,
  closedDealRow,
  fitDealModel,
  predictWin,
  scoreDeal,
  type ClosedDeal,
  type DealFeaturesRow,
  type DealModel,
} from '../../apps/server/src/ai/deal-probability';
import {
  TRUE_EFFECTS,
  TRUE_STAGE_RATE,
  syntheticClosedDeals,
} from '../../apps/server/src/ai/deal-probability/synthetic';
import { markdownTable, measureLatency, round, type BenchSection } from '../lib/measure';

/**
 * Deal probability: how much better than the stage prior the explained rules and the
 * per-organization model predict closed deals, and what scoring and fitting cost.
 * The data are synthetic with a known outcome process (see synthetic.ts); `evaluateDealModels`
 * takes any closed deals, so the seeded dataset can be measured the same way.
 */

export interface DealModelEvaluation {
  trainingSize: number;
  blendWeight: number;
  /** Brier scores on the held-out deals (lower is better; 0.25 = always 50%). */
  brier: { stagePrior: number; rules: number; model: number | null; blended: number };
  fitMillis: number;
  model: DealModel | null;
}

/** Scores every held-out deal as it stood when it was last open (`closedAt`, last open stage). */
export function evaluateDealModels(
  train: readonly ClosedDeal[],
  heldOut: readonly ClosedDeal[],
  trainRows: readonly DealFeaturesRow[] = train.map(closedDealRow),
): DealModelEvaluation {
  const started = performance.now();
  const model = fitDealModel(trainRows);
  const fitMillis = performance.now() - started;
  const outcomes = heldOut.map((d) => d.won);
  const scored = (withModel: boolean) =>
    heldOut.map(
      (d) =>
        scoreDeal({ ...d.deal, now: new Date(d.closedAt), model: withModel ? model : null })
          .probability / 100,
    );
  return {
    trainingSize: trainRows.length,
    blendWeight: model ? blendWeight(model.trainingSize) : 0,
    brier: {
      stagePrior: brierScore(
        heldOut.map((d) => STAGE_PRIOR[d.deal.stage] / 100),
        outcomes,
      ),
      rules: brierScore(scored(false), outcomes),
      model: model
        ? brierScore(
            heldOut.map((d) => predictWin(model, closedDealRow(d).features)),
            outcomes,
          )
        : null,
      blended: brierScore(scored(true), outcomes),
    },
    fitMillis,
    model,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const term = (x: number) => (x < 0 ? `− ${-x}` : `+ ${x}`);
const b = (x: number | null) => (x === null ? '—' : x.toFixed(4));

export async function run(): Promise<BenchSection> {
  const end = new Date('2025-01-01T00:00:00Z'); // fixed, so every run sees the same deals
  const all = syntheticClosedDeals(6_000, 20_250_101, end);
  const pool = all.slice(0, 5_000);
  const heldOut = all.slice(5_000);
  const poolRows = pool.map(closedDealRow);
  const truth = brierScore(
    heldOut.map((d) => d.trueProbability),
    heldOut.map((d) => d.won),
  );

  const sizes = [20, 30, 100, 300, 1_000, 5_000];
  const evaluations = sizes.map((n) =>
    evaluateDealModels(pool.slice(0, n), heldOut, poolRows.slice(0, n)),
  );
  const rows = evaluations.map((e) => [
    e.trainingSize,
    e.model ? `${round(e.blendWeight * 100, 0)}%` : 'no model (< 30)',
    b(e.brier.stagePrior),
    b(e.brier.rules),
    b(e.brier.model),
    b(e.brier.blended),
  ]);

  // Fit cost without feature extraction (rows prepared), median of 5 runs.
  const fitTimes = [1_000, 5_000].map((n) => {
    const rowsN = poolRows.slice(0, n);
    return [n, median(Array.from({ length: 5 }, () => timed(() => fitDealModel(rowsN))))];
  });
  const extractStarted = performance.now();
  pool.slice(0, 1_000).forEach(closedDealRow);
  const extractMillis = performance.now() - extractStarted;

  const model = evaluations.find((e) => e.trainingSize === 1_000)!.model;
  const inputs = heldOut.map((d) => ({ ...d.deal, now: new Date(d.closedAt), model }));
  const withModel = measureLatency(inputs, scoreDeal);
  const rulesOnly = measureLatency(
    inputs.map((i) => ({ ...i, model: null })),
    scoreDeal,
  );
  const wonShare = all.filter((d) => d.won).length / all.length;

  const markdown = [
    `Synthetic closed deals (seed 20250101): a pool of ${pool.length} to train on and ` +
      `${heldOut.length} held-out deals, ${round(wonShare * 100, 0)}% won overall. Each deal is ` +
      'scored as it stood when last open (its last open stage, at its closing date).',
    '',
    'Hidden outcome process, on the log-odds scale: logit(true stage rate: ' +
      Object.entries(TRUE_STAGE_RATE)
        .map(([s, r]) => `${s} ${r * 100}%`)
        .join(', ') +
      `) ${term(TRUE_EFFECTS.perNetSignal)} × (positives − risks) ${term(TRUE_EFFECTS.competitor)} × ` +
      `competitor ${term(TRUE_EFFECTS.perInactiveDay)} × days inactive ` +
      `${term(TRUE_EFFECTS.perSlipDay)} × days past the close date ${term(TRUE_EFFECTS.hidden)} × q, ` +
      `with q ~ N(0,1) an unobserved deal quality that also drives ` +
      'what is visible. The true stage rates differ from the API.md priors on purpose.',
    '',
    `Brier score on the held-out deals (lower is better; the hidden true probabilities score ` +
      `${truth.toFixed(4)}, the floor no predictor can beat on average):`,
    '',
    markdownTable(
      ['training deals', 'model weight', 'stage prior', 'rules', 'model alone', 'blended'],
      rows,
    ),
    '',
    markdownTable(
      ['scoreDeal', 'calls', 'p50 µs', 'p99 µs', 'mean µs'],
      [
        [
          'rules only',
          rulesOnly.calls,
          rulesOnly.p50Micros,
          rulesOnly.p99Micros,
          rulesOnly.meanMicros,
        ],
        [
          'with model (n = 1000)',
          withModel.calls,
          withModel.p50Micros,
          withModel.p99Micros,
          withModel.meanMicros,
        ],
      ],
    ),
    '',
    markdownTable(
      ['fitDealModel (IRLS, L2 = 3)', 'ms (median of 5)'],
      fitTimes.map(([n, ms]) => [`${n} rows`, round(ms!, 2)]),
    ),
    '',
    `Feature extraction (signals from activity text included) for 1000 closed deals: ` +
      `${round(extractMillis, 1)} ms.`,
  ].join('\n');

  return { title: 'Deal probability: stage prior vs rules vs learned model', markdown };
}

function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}
