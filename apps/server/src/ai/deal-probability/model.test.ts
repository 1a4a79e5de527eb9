import { describe, expect, it, vi } from 'vitest';
import { brierScore } from './brier';
import { FEATURE_NAMES, closedDealRow, type DealFeatures, type DealFeaturesRow } from './features';
import { blendWeight, fitDealModel, isCompatible, predictWin, type DealModel } from './model';
import { scoreDeal } from './score';
import { STAGE_PRIOR } from './stages';
import { seededRandom, syntheticClosedDeals } from './synthetic';

// Pin the text extractor (another module): the synthetic deals carry their signals explicitly.
vi.mock('../signals', () => ({
  extractSignals: () => ({ riskFactors: [], positiveSignals: [] }),
}));

const TRUE = { intercept: -0.5, positives: 0.6, risks: -0.5, competitor: -1, daysInactive: -0.04 };

/** Rows whose outcome follows TRUE exactly; every other feature is noise with no effect. */
function knownRows(n: number, seed: number): DealFeaturesRow[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const features = Object.fromEntries(
      FEATURE_NAMES.map((name) => [name, rand() * 10]),
    ) as DealFeatures;
    features.positives = Math.floor(rand() * 6);
    features.risks = Math.floor(rand() * 6);
    features.competitor = rand() < 0.3 ? 1 : 0;
    features.daysInactive = rand() * 60;
    const z =
      TRUE.intercept +
      TRUE.positives * features.positives +
      TRUE.risks * features.risks +
      TRUE.competitor * features.competitor +
      TRUE.daysInactive * features.daysInactive;
    return { features, won: rand() < 1 / (1 + Math.exp(-z)) };
  });
}

/** Coefficient per raw feature unit (the model stores them per standard deviation). */
const rawWeight = (m: DealModel, name: string) => {
  const j = m.featureNames.indexOf(name);
  return m.weights[j]! / m.scales[j]!;
};

describe('fitDealModel', () => {
  it('returns null under 30 closed deals, or when every deal had the same outcome', () => {
    expect(fitDealModel(knownRows(29, 1))).toBeNull();
    expect(fitDealModel(knownRows(30, 1))).not.toBeNull();
    const allWon = knownRows(50, 2).map((r) => ({ ...r, won: true }));
    expect(fitDealModel(allWon)).toBeNull();
  });

  it('recovers a known relationship', () => {
    const model = fitDealModel(knownRows(6000, 3))!;
    for (const name of ['positives', 'risks', 'competitor', 'daysInactive'] as const) {
      expect(Math.abs(rawWeight(model, name) - TRUE[name])).toBeLessThan(
        0.2 * Math.abs(TRUE[name]),
      );
    }
    for (const name of ['activityCount', 'logValue', 'ageDays', 'slippageDays'] as const) {
      expect(Math.abs(model.weights[model.featureNames.indexOf(name)]!)).toBeLessThan(0.12);
    }
  });

  it('is plain JSON that predicts the same after a round trip', () => {
    const rows = knownRows(200, 4);
    const model = fitDealModel(rows)!;
    const stored = JSON.parse(JSON.stringify(model)) as DealModel;
    expect(isCompatible(stored)).toBe(true);
    expect(predictWin(stored, rows[0]!.features)).toBe(predictWin(model, rows[0]!.features));
  });

  it('beats the stage prior on held-out synthetic deals and tracks the true probability', () => {
    const deals = syntheticClosedDeals(4000, 7, new Date('2025-01-01T00:00:00Z'));
    const train = deals.slice(0, 3000);
    const test = deals.slice(3000);
    const model = fitDealModel(train.map(closedDealRow))!;
    const outcomes = test.map((d) => d.won);
    const modelP = test.map((d) => predictWin(model, closedDealRow(d).features));
    const baseline = brierScore(
      test.map((d) => STAGE_PRIOR[d.deal.stage] / 100),
      outcomes,
    );
    expect(brierScore(modelP, outcomes)).toBeLessThan(baseline - 0.02);
    const gap = modelP.reduce((s, p, i) => s + Math.abs(p - test[i]!.trueProbability), 0);
    expect(gap / test.length).toBeLessThan(0.1);

    const blended = test.map(
      (d) => scoreDeal({ ...d.deal, now: new Date(d.closedAt), model }).probability / 100,
    );
    expect(brierScore(blended, outcomes)).toBeLessThan(baseline);
  });
});

describe('blending', () => {
  const rows = knownRows(400, 5);
  const now = new Date('2025-03-20T12:00:00Z');
  const input = {
    stage: 'proposal' as const,
    activities: [{ type: 'call' as const, date: '2025-03-19T10:00:00Z', description: 'Call' }],
    now,
  };

  it('weighs the model by training size, n / (n + 100), capped at 0.8', () => {
    expect(blendWeight(30)).toBeCloseTo(30 / 130);
    expect(blendWeight(100)).toBe(0.5);
    expect(blendWeight(10_000)).toBe(0.8);
  });

  it('moves the rule score toward the model and explains it', () => {
    const model = fitDealModel(rows)!;
    const rule = scoreDeal(input).probability;
    const r = scoreDeal({ ...input, model });
    const modelFactor = r.factors.find((f) => f.name === 'model')!;
    expect(modelFactor.impact).toBe(r.probability - rule);
    expect(r.factors.reduce((s, f) => s + f.impact, 0)).toBe(r.probability);
    expect(r.probabilityReasoning.join(' ')).toMatch(/blended 80% with this organization's model/);
    expect(r.probabilityReasoning.join(' ')).toMatch(/fitted on 400 closed deals/);
  });

  it('lets a bigger training set pull harder toward the model', () => {
    // Two models that give the same raw prediction but differ in training size.
    const model = fitDealModel(rows)!;
    const small = { ...model, trainingSize: 30 };
    const rule = scoreDeal(input).probability;
    const pSmall = scoreDeal({ ...input, model: small }).probability;
    const pBig = scoreDeal({ ...input, model }).probability;
    expect(pBig).not.toBe(rule);
    expect(Math.abs(pBig - rule)).toBeGreaterThan(Math.abs(pSmall - rule));
  });

  it('ignores a model fitted on other features, and never blends closed deals', () => {
    const model = fitDealModel(rows)!;
    const stale = { ...model, featureNames: ['old', ...model.featureNames.slice(1)] };
    const r = scoreDeal({ ...input, model: stale });
    expect(r.probability).toBe(scoreDeal(input).probability);
    expect(r.probabilityReasoning.join(' ')).toMatch(/outdated/);
    expect(scoreDeal({ ...input, stage: 'closed-lost', model }).probability).toBe(0);
  });
});

describe('brierScore', () => {
  it('scores perfect, coin-flip and wrong predictions', () => {
    expect(brierScore([1, 0], [true, false])).toBe(0);
    expect(brierScore([0.5, 0.5], [1, 0])).toBe(0.25);
    expect(brierScore([0, 1], [1, 0])).toBe(1);
    expect(() => brierScore([0.5], [])).toThrow();
    expect(() => brierScore([1.5], [1])).toThrow();
  });
});
