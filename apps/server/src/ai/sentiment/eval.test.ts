import { describe, expect, it } from 'vitest';
import { EVAL_SENTENCES } from './eval/sentences';
import { evaluate } from './eval/evaluate';
import { analyzeSentiment } from './index';

/**
 * Regression guard on the hand-written evaluation set (strict accuracy: neutral counts as wrong
 * for a positive or negative line). A quality threshold, not a timing assertion.
 */
describe('evaluation set', () => {
  const report = evaluate(EVAL_SENTENCES, (text) => analyzeSentiment(text).sentiment);

  it('has at least 400 lines, balanced across labels and domains', () => {
    expect(EVAL_SENTENCES.length).toBeGreaterThanOrEqual(400);
    for (const label of ['positive', 'neutral', 'negative'] as const) {
      expect(report.byLabel[label].total).toBeGreaterThanOrEqual(120);
    }
    expect(report.business.total).toBe(report.review.total);
    expect(report.heldOut.total).toBeGreaterThanOrEqual(80);
  });

  it('reaches at least 75% strict accuracy overall and on the held-out split', () => {
    expect(report.overall.rate).toBeGreaterThanOrEqual(0.75);
    expect(report.heldOut.rate).toBeGreaterThanOrEqual(0.75);
  });

  it('reaches at least 75% on every label and domain', () => {
    for (const accuracy of [...Object.values(report.byLabel), report.business, report.review]) {
      expect(accuracy.rate).toBeGreaterThanOrEqual(0.75);
    }
  });
});
