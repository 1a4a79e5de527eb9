import type { EvalSentence, Label } from './types';

/**
 * Strict accuracy of a classifier on the evaluation set: a neutral answer to a positive or
 * negative line counts as wrong. Broken down by label, by domain and by tuning/held-out split.
 */

export interface Accuracy {
  correct: number;
  total: number;
  /** correct / total, 0 when empty. */
  rate: number;
}

export interface EvalReport {
  overall: Accuracy;
  byLabel: Record<Label, Accuracy>;
  business: Accuracy;
  review: Accuracy;
  tuning: Accuracy;
  heldOut: Accuracy;
  /** Lines answered wrongly, with the answer given. */
  misses: { sentence: EvalSentence; predicted: Label }[];
}

function accuracy(pairs: readonly { ok: boolean }[]): Accuracy {
  const correct = pairs.filter((p) => p.ok).length;
  return { correct, total: pairs.length, rate: pairs.length === 0 ? 0 : correct / pairs.length };
}

export function evaluate(
  sentences: readonly EvalSentence[],
  classify: (text: string) => Label,
): EvalReport {
  const results = sentences.map((sentence) => {
    const predicted = classify(sentence.text);
    return { sentence, predicted, ok: predicted === sentence.label };
  });
  const where = (keep: (s: EvalSentence) => boolean) =>
    accuracy(results.filter((r) => keep(r.sentence)));
  return {
    overall: accuracy(results),
    byLabel: {
      positive: where((s) => s.label === 'positive'),
      neutral: where((s) => s.label === 'neutral'),
      negative: where((s) => s.label === 'negative'),
    },
    business: where((s) => s.domain === 'business'),
    review: where((s) => s.domain === 'review'),
    tuning: where((s) => !s.heldOut),
    heldOut: where((s) => s.heldOut),
    misses: results
      .filter((r) => !r.ok)
      .map(({ sentence, predicted }) => ({ sentence, predicted })),
  };
}
