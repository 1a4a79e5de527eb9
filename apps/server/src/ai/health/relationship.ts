import type {
  AiChurnRiskResult,
  CommunicationType,
  RelationshipHealth,
  ScoreFactor,
  Sentiment,
  SentimentTrend,
} from '@flow/contracts';
import { DAY_MS, clamp, plural, round, toMs } from '../deal-probability/util';

export interface RelationshipInput {
  communications: readonly {
    type: CommunicationType;
    date: string;
    sentiment: Sentiment;
    /** Signed sentiment strength −100..100 when the analyser gave one; finer than the label. */
    score?: number;
  }[];
  /** The contact's open deals; a bare count (as POST /api/ai/churn-risk sends) also works. */
  openDeals: readonly { value: number; probability: number }[] | number;
  /** Minutes the contact usually takes to answer. */
  averageResponseMinutes?: number;
  /** When the contact was added: without any communication, silence counts from then. */
  createdAt?: string;
  now: Date;
}

export type RelationshipScore = Omit<AiChurnRiskResult, 'source'>;

/** API.md §5: healthScore > 70 high, > 40 medium, else low. */
export function relationshipHealthOf(healthScore: number): RelationshipHealth {
  if (healthScore > 70) return 'high';
  if (healthScore > 40) return 'medium';
  return 'low';
}

const LABEL_VALUE: Record<Sentiment, number> = { positive: 1, neutral: 0, negative: -1 };

/** −1..1 per message: the analyser's score when present, else the label. */
export function moodOf(c: { sentiment: Sentiment; score?: number }): number {
  return c.score !== undefined ? clamp(c.score / 100, -1, 1) : LABEL_VALUE[c.sentiment];
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Recent messages against the ones before: the last half (at most 5) vs the rest (at most 5).
 * Needs 4 messages; fewer than that cannot show a trend.
 */
export function sentimentTrendOf(moods: readonly number[]): {
  trend: SentimentTrend;
  recent: number;
  earlier: number;
} {
  if (moods.length < 4) {
    const m = moods.length > 0 ? mean(moods) : 0;
    return { trend: 'stable', recent: m, earlier: m };
  }
  const size = Math.min(5, Math.floor(moods.length / 2));
  const recent = mean(moods.slice(-size));
  const earlier = mean(moods.slice(-2 * size, -size));
  const delta = recent - earlier;
  return {
    trend: delta > 0.3 ? 'improving' : delta < -0.3 ? 'declining' : 'stable',
    recent,
    earlier,
  };
}

// Points on the health scale. Health starts at a neutral 50; each fact moves it.
const HEALTH = {
  baseline: 50,
  recencyMax: 20,
  recencyFloor: -25,
  recencyHalfLifeDays: 21,
  frequencyRatio: 10,
  engagementPerContact: 2,
  engagementMax: 8,
  engagementOffset: 4,
  mood: 15,
  improving: 5,
  declining: -8,
  dealsMax: 10,
} as const;

function factor(name: string, impact: number, description: string): ScoreFactor {
  return { name, impact: round(impact), description };
}

/** Points for the answer speed (no factor at all when the speed is unknown). */
function responseImpact(minutes: number): number {
  if (minutes <= 60) return 6;
  if (minutes <= 240) return 3;
  if (minutes <= 1_440) return 0;
  if (minutes <= 4_320) return -4;
  return -8;
}

function humanMinutes(m: number): string {
  if (m < 120) return plural(Math.round(m), 'minute');
  if (m < 2_880) return plural(Math.round(m / 60), 'hour');
  return plural(Math.round(m / 1_440), 'day');
}

/**
 * Relationship health 0..100 and churn risk 0..100, each fact listed as a factor. Health
 * factors are in health points and add up to healthScore (with a clamp factor when cut off);
 * factors named `churn-…` only move churn risk, which starts from 100 − healthScore.
 */
export function scoreRelationship(input: RelationshipInput): RelationshipScore {
  const t = input.now.getTime();
  const past = input.communications
    .filter((c) => toMs(c.date) <= t)
    .sort((a, b) => toMs(a.date) - toMs(b.date));
  const ageDays = (c: { date: string }) => (t - toMs(c.date)) / DAY_MS;
  const factors: ScoreFactor[] = [factor('baseline', HEALTH.baseline, 'Neutral starting point')];
  const last = past[past.length - 1];
  const silentDays = last ? ageDays(last) : undefined;

  // Recency: exponential decay from +20 (today) towards −25 (never), half-life three weeks.
  const quietSince =
    silentDays ?? (input.createdAt ? ageDays({ date: input.createdAt }) : undefined);
  if (quietSince === undefined) {
    factors.push(factor('recency', HEALTH.recencyFloor, 'No communication logged yet'));
  } else {
    const span = HEALTH.recencyMax - HEALTH.recencyFloor;
    const decay = 0.5 ** (Math.max(0, quietSince) / HEALTH.recencyHalfLifeDays);
    const days = plural(Math.floor(Math.max(0, quietSince)), 'day');
    const text = last ? `Last contact ${days} ago` : `No communication since added ${days} ago`;
    factors.push(factor('recency', HEALTH.recencyFloor + span * decay, text));
  }

  // Frequency: the last 30 days against the contact's own earlier rhythm (days 30–180).
  const last30 = past.filter((c) => ageDays(c) <= 30).length;
  const last90 = past.filter((c) => ageDays(c) <= 90).length;
  const earlier = past.filter((c) => ageDays(c) > 30 && ageDays(c) <= 180);
  if (earlier.length >= 2) {
    const spanDays = Math.min(150, ageDays(earlier[0]!) - 30);
    const earlierRate = (earlier.length / Math.max(spanDays, 30)) * 30;
    const ratio = Math.min(2, last30 / earlierRate);
    factors.push(
      factor(
        'frequency',
        HEALTH.frequencyRatio * (ratio - 1),
        `${plural(last30, 'contact')} in the last 30 days vs ${round(earlierRate, 1)} a month before`,
      ),
    );
  }
  const engagement =
    Math.min(HEALTH.engagementMax, HEALTH.engagementPerContact * last90) - HEALTH.engagementOffset;
  factors.push(
    factor('engagement', engagement, `${plural(last90, 'contact')} in the last 90 days`),
  );

  // Sentiment: the mood of the last five messages, and whether it is getting better or worse.
  const moods = past.map(moodOf);
  const { trend, recent, earlier: before } = sentimentTrendOf(moods);
  if (moods.length > 0) {
    const lastFive = moods.slice(-5);
    const m = mean(lastFive);
    factors.push(
      factor(
        'sentiment',
        HEALTH.mood * m,
        `Mood of the last ${plural(lastFive.length, 'message')}: ${round(m, 2)} on −1..1`,
      ),
    );
  }
  if (trend !== 'stable') {
    const impact = trend === 'improving' ? HEALTH.improving : HEALTH.declining;
    factors.push(
      factor(
        'sentiment-trend',
        impact,
        `Sentiment ${trend}: ${round(recent, 2)} recently vs ${round(before, 2)} before`,
      ),
    );
  }

  if (input.averageResponseMinutes !== undefined) {
    const m = input.averageResponseMinutes;
    factors.push(
      factor('response-time', responseImpact(m), `Usually answers within ${humanMinutes(m)}`),
    );
  }

  // Open deals tie the contact to us; more weighted value, more weight (log scale, capped).
  if (typeof input.openDeals === 'number') {
    const n = input.openDeals;
    if (n > 0) {
      const impact = Math.min(HEALTH.dealsMax, 3 + 2 * n);
      factors.push(factor('open-deals', impact, `${plural(n, 'open deal')}`));
    }
  } else if (input.openDeals.length > 0) {
    const weighted = input.openDeals.reduce((s, d) => s + (d.value * d.probability) / 100, 0);
    const impact = Math.min(HEALTH.dealsMax, 3 + 2 * Math.log10(1 + weighted / 1_000));
    factors.push(
      factor(
        'open-deals',
        impact,
        `${plural(input.openDeals.length, 'open deal')} worth ${round(weighted)} weighted`,
      ),
    );
  }

  const raw = factors.reduce((s, f) => s + f.impact, 0);
  const healthScore = Math.round(clamp(raw, 0, 100));
  if (healthScore !== round(raw)) {
    factors.push(
      factor(
        'clamp',
        healthScore - round(raw),
        `Health clamped to ${healthScore} from ${round(raw)}`,
      ),
    );
  }

  // Churn mirrors health, with extra weight on the two strongest churn predictors:
  // long silence and a last message that was negative.
  let churn = 100 - healthScore;
  if (quietSince !== undefined && quietSince > 45) {
    const extra = Math.round(Math.min(20, (quietSince - 45) * 0.5));
    churn += extra;
    factors.push(factor('churn-silence', extra, `Churn +${extra}: silent for more than 45 days`));
  }
  if (last && moodOf(last) < -0.2) {
    churn += 8;
    factors.push(factor('churn-last-negative', 8, 'Churn +8: the last communication was negative'));
  }
  const churnRisk = Math.round(clamp(churn, 0, 100));

  return {
    healthScore,
    churnRisk,
    relationshipHealth: relationshipHealthOf(healthScore),
    sentimentTrend: trend,
    factors,
  };
}
