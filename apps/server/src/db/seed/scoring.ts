import type { DealStage, Level, Sentiment } from '../schema';

// The seed's computed fields, following API.md's rules so the demo never contradicts itself.
// The AI engine recomputes them later with richer models; these only need to be coherent.

export const OPEN_STAGES = ['prospect', 'qualified', 'proposal', 'negotiation'] as const;
export const ALL_STAGES: readonly DealStage[] = [...OPEN_STAGES, 'closed-won', 'closed-lost'];

export const STAGE_PRIOR: Record<DealStage, number> = {
  prospect: 20,
  qualified: 40,
  proposal: 65,
  negotiation: 85,
  'closed-won': 100,
  'closed-lost': 0,
};

const DAY = 86_400_000;
const SENTIMENT_VALUE: Record<Sentiment, number> = { positive: 1, neutral: 0, negative: -1 };

export function isClosed(stage: DealStage): boolean {
  return stage === 'closed-won' || stage === 'closed-lost';
}

export function clamp(value: number, min = 0, max = 100): number {
  return Math.max(min, Math.min(max, Math.round(value)));
}

/** API.md: > 70 high, > 40 medium, else low. */
export function relationshipHealth(healthScore: number): Level {
  if (healthScore > 70) return 'high';
  if (healthScore > 40) return 'medium';
  return 'low';
}

export function sentimentOf(values: readonly Sentiment[]): Sentiment {
  if (values.length === 0) return 'neutral';
  const mean = values.reduce((sum, s) => sum + SENTIMENT_VALUE[s], 0) / values.length;
  if (mean > 0.25) return 'positive';
  if (mean < -0.25) return 'negative';
  return 'neutral';
}

/** Second half of the sequence against the first half. */
export function sentimentTrend(values: readonly Sentiment[]): 'improving' | 'stable' | 'declining' {
  if (values.length < 2) return 'stable';
  const half = Math.floor(values.length / 2);
  const mean = (part: readonly Sentiment[]) =>
    part.reduce((sum, s) => sum + SENTIMENT_VALUE[s], 0) / part.length;
  const delta = mean(values.slice(values.length - half)) - mean(values.slice(0, half));
  if (delta > 0.3) return 'improving';
  if (delta < -0.3) return 'declining';
  return 'stable';
}

export interface ContactScores {
  healthScore: number;
  relationshipHealth: Level;
  churnRisk: number;
  sentiment: Sentiment;
  lastContact: number | null;
}

/**
 * Health from recency (0–35), frequency over 90 days (0–24), recent sentiment (0–30) and open
 * deals (0–10); churn risk mirrors it, worse after 45 silent days.
 */
export function contactScores(
  history: readonly { date: number; sentiment: Sentiment }[],
  openDeals: number,
  now: number,
): ContactScores {
  const sorted = [...history].sort((a, b) => a.date - b.date);
  const last = sorted[sorted.length - 1];
  const daysSince = last ? (now - last.date) / DAY : Infinity;
  const recency =
    daysSince <= 7
      ? 35
      : daysSince <= 14
        ? 28
        : daysSince <= 30
          ? 20
          : daysSince <= 60
            ? 10
            : daysSince <= 90
              ? 4
              : 0;
  const frequency = Math.min(6, sorted.filter((e) => now - e.date <= 90 * DAY).length) * 4;
  const recent = sorted.slice(-4).map((e) => e.sentiment);
  const mood = recent.length
    ? recent.reduce((sum, s) => sum + SENTIMENT_VALUE[s], 0) / recent.length
    : 0;
  const healthScore = clamp(recency + frequency + 15 + 15 * mood + Math.min(openDeals, 2) * 5);
  const churnRisk = clamp(100 - healthScore + (daysSince > 45 ? 15 : 0) - (openDeals > 0 ? 5 : 0));
  return {
    healthScore,
    relationshipHealth: relationshipHealth(healthScore),
    churnRisk,
    sentiment: sentimentOf(sorted.slice(-3).map((e) => e.sentiment)),
    lastContact: last ? last.date : null,
  };
}

export interface DealScore {
  probability: number;
  reasoning: string[];
}

/** API.md's starting rule: stage prior, ±signals, −10 for a competitor; closed stages are fixed. */
export function dealProbability(
  stage: DealStage,
  positives: readonly string[],
  risks: readonly string[],
  competitor: string | null,
): DealScore {
  const prior = STAGE_PRIOR[stage];
  if (isClosed(stage)) {
    return { probability: prior, reasoning: [`Deal is ${stage.replace('-', ' ')}: ${prior}%`] };
  }
  const reasoning = [`Stage prior for ${stage}: ${prior}%`];
  let probability = prior;
  if (positives.length > risks.length) {
    probability += 10;
    reasoning.push(
      `Positive signals outnumber risks (${positives.length} vs ${risks.length}): +10`,
    );
  } else if (risks.length > positives.length) {
    probability -= 15;
    reasoning.push(
      `Risks outnumber positive signals (${risks.length} vs ${positives.length}): −15`,
    );
  }
  if (competitor) {
    probability -= 10;
    reasoning.push(`Competitor mentioned (${competitor}): −10`);
  }
  return { probability: clamp(probability), reasoning };
}

/** High with ≥ 2 activities in 7 days, a positive signal and ≤ 1 risk; low when silent 14 days. */
export function dealConfidence(
  stage: DealStage,
  activityDates: readonly number[],
  positives: number,
  risks: number,
  now: number,
): Level {
  if (isClosed(stage)) return 'high';
  const lastWeek = activityDates.filter((d) => now - d <= 7 * DAY).length;
  if (lastWeek >= 2 && positives >= 1 && risks <= 1) return 'high';
  const latest = Math.max(-Infinity, ...activityDates);
  if (now - latest > 14 * DAY || risks > positives + 1) return 'low';
  return 'medium';
}

export function dealPriority(stage: DealStage, value: number, probability: number): Level {
  if (isClosed(stage)) return 'low';
  if (value >= 50_000 || probability >= 75) return 'high';
  if (value < 10_000) return 'low';
  return 'medium';
}
