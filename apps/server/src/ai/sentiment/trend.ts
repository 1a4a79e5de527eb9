import type { Sentiment, SentimentTrend } from '@flow/contracts';

/**
 * Conversation-level views over per-message scores (−100…100): the recency-weighted overall
 * sentiment and whether the tone is improving, stable or declining.
 */

export interface ScoredPoint {
  score: number;
  /** ISO date or date-time; points that do not parse keep their given order. */
  date: string;
}

/** A message this many messages older counts half as much in the overall sentiment. */
const HALF_LIFE_MESSAGES = 3;
/** Mean score beyond which the conversation leans positive/negative. */
const OVERALL_BAND = 5;
/** Change between the earlier and later half that counts as a trend, in score points. */
const TREND_BAND = 15;

/** Oldest first; stable for equal or unparseable dates (they keep their position). */
function chronological(sequence: readonly ScoredPoint[]): ScoredPoint[] {
  return sequence
    .map((point, index) => ({ point, index, time: Date.parse(point.date) }))
    .sort((a, b) => {
      if (Number.isNaN(a.time) || Number.isNaN(b.time) || a.time === b.time)
        return a.index - b.index;
      return a.time - b.time;
    })
    .map((x) => x.point);
}

const valid = (p: ScoredPoint) => Number.isFinite(p.score);

/** Recency-weighted mean score (newest weighs most), rounded; 0 for an empty sequence. */
export function overallScore(sequence: readonly ScoredPoint[]): number {
  const points = chronological(sequence.filter(valid));
  if (points.length === 0) return 0;
  let weighted = 0;
  let weights = 0;
  points.forEach((p, i) => {
    const age = points.length - 1 - i;
    const w = 0.5 ** (age / HALF_LIFE_MESSAGES);
    weighted += w * Math.max(-100, Math.min(100, p.score));
    weights += w;
  });
  return Math.round(weighted / weights);
}

/** The conversation's overall sentiment, recent messages weighing most. */
export function overallSentiment(sequence: readonly ScoredPoint[]): Sentiment {
  const score = overallScore(sequence);
  return score > OVERALL_BAND ? 'positive' : score < -OVERALL_BAND ? 'negative' : 'neutral';
}

/**
 * Compares the mean of the later half of the conversation with the earlier half (the middle
 * message of an odd count belongs to neither); fewer than two messages are 'stable'.
 */
export function sentimentTrend(sequence: readonly ScoredPoint[]): SentimentTrend {
  const points = chronological(sequence.filter(valid));
  if (points.length < 2) return 'stable';
  const half = Math.floor(points.length / 2);
  const mean = (xs: ScoredPoint[]) => xs.reduce((a, p) => a + p.score, 0) / xs.length;
  const delta = mean(points.slice(points.length - half)) - mean(points.slice(0, half));
  return delta >= TREND_BAND ? 'improving' : delta <= -TREND_BAND ? 'declining' : 'stable';
}
