import type { AiDealProbabilityResult, ConfidenceLevel, ScoreFactor } from '@flow/contracts';
import { collectSignals, featuresFrom, pastActivities, type DealInput } from './features';
import { blendWeight, isCompatible, predictWin, topContributions, type DealModel } from './model';
import { contribution, ruleContributions } from './rules';
import { STAGE_PRIOR, isOpenStage, stageLabel } from './stages';
import { DAY_MS, clamp, round, toMs } from './util';

export interface ScoreDealInput extends DealInput {
  now: Date;
  /** The organization's fitted model, when it has enough closed deals (fitDealModel). */
  model?: DealModel | null;
}

export type DealScore = Omit<AiDealProbabilityResult, 'source'>;

/**
 * API.md §6: high with ≥ 2 activities in the past 7 days, a positive signal and ≤ 1 risk;
 * low when the deal has been silent for 14 days or risks outnumber signals by more than one.
 */
export function dealConfidence(
  activityDates: readonly string[],
  positives: number,
  risks: number,
  now: Date,
): ConfidenceLevel {
  const t = now.getTime();
  const ages = activityDates.map((d) => t - toMs(d)).filter((age) => age >= 0);
  const lastWeek = ages.filter((age) => age <= 7 * DAY_MS).length;
  if (lastWeek >= 2 && positives >= 1 && risks <= 1) return 'high';
  const silent = ages.length === 0 || Math.min(...ages) > 14 * DAY_MS;
  if (silent || risks > positives + 1) return 'low';
  return 'medium';
}

const FEATURE_LABEL: Record<string, string> = {
  stageLogit: 'stage',
  positives: 'positive signals',
  risks: 'risk factors',
  competitor: 'competitor',
  daysInactive: 'days inactive',
  activityCount: 'activity count',
  recentActivities: 'recent activity',
  logValue: 'deal value',
  ageDays: 'deal age',
  slippageDays: 'close-date slippage',
};

/**
 * Win probability of a deal: the stage prior adjusted by explained rules, blended with the
 * organization's own model when one is given. Deterministic for the same input.
 */
export function scoreDeal(input: ScoreDealInput): DealScore {
  const { now, model } = input;
  const signals = collectSignals(input);
  const base = {
    riskFactors: signals.riskFactors,
    positiveSignals: signals.positiveSignals,
    ...(signals.competitor ? { competitorMentioned: signals.competitor } : {}),
  };

  if (!isOpenStage(input.stage)) {
    const probability = STAGE_PRIOR[input.stage];
    const text = `Deal is ${stageLabel(input.stage).toLowerCase()}: ${probability}% is final`;
    return {
      ...base,
      probability,
      confidence: 'high',
      probabilityReasoning: [text],
      factors: [{ name: 'stage', impact: probability, description: text }],
    };
  }

  const stage = input.stage;
  const steps = ruleContributions({ ...input, stage }, signals, now);
  const raw = steps.reduce((sum, s) => sum + s.factor.impact, 0);
  const ruleScore = clamp(raw, 0, 100);
  if (ruleScore !== raw) {
    steps.push(
      contribution(
        'clamp',
        ruleScore - raw,
        `clamped to ${ruleScore}% (the adjustments added up to ${raw}%)`,
      ),
    );
  }

  let probability = ruleScore;
  if (model && isCompatible(model)) {
    const features = featuresFrom({ ...input, stage }, signals, now);
    const modelPct = round(100 * predictWin(model, features));
    const w = blendWeight(model.trainingSize);
    probability = clamp(round((1 - w) * ruleScore + w * modelPct), 0, 100);
    const drivers = topContributions(model, features)
      .filter((c) => Math.abs(c.logOdds) >= 0.05)
      .map((c) => `${FEATURE_LABEL[c.name] ?? c.name} ${c.logOdds > 0 ? 'up' : 'down'}`);
    const why = drivers.length > 0 ? `; it weighs ${drivers.join(', ')}` : '';
    steps.push(
      contribution(
        'model',
        probability - ruleScore,
        `blended ${round(w * 100)}% with this organization's model, which gives ${modelPct}% ` +
          `(fitted on ${model.trainingSize} closed deals${why})`,
      ),
    );
  } else if (model) {
    // A model stored by an older version of the features: score by rules until the job refits it.
    steps.push(
      contribution('model', 0, 'stored model uses outdated features and was ignored (refit due)'),
    );
  }

  const factors: ScoreFactor[] = steps.map((s) => s.factor);
  return {
    ...base,
    probability,
    confidence: dealConfidence(
      pastActivities(input.activities, now).map((a) => a.date),
      signals.positiveSignals.length,
      signals.riskFactors.length, // every risk, the competitor's too: API.md's "≤ 1 risk"
      now,
    ),
    probabilityReasoning: [...steps.map((s) => s.sentence), `Probability: ${probability}%`],
    factors,
  };
}
