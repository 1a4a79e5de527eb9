import { AiChurnRiskResultSchema, type Sentiment } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import { relationshipHealthOf, scoreRelationship, type RelationshipInput } from './relationship';

const now = new Date('2025-03-20T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const comm = (d: number, sentiment: Sentiment = 'neutral', score?: number) => ({
  type: 'email' as const,
  date: daysAgo(d),
  sentiment,
  ...(score !== undefined ? { score } : {}),
});
const score = (over: Partial<RelationshipInput>) =>
  scoreRelationship({ communications: [], openDeals: [], now, ...over });
/** A steady monthly rhythm over the last `months` months, ending `lastDaysAgo` ago. */
const rhythm = (lastDaysAgo: number, months = 6, sentiment: Sentiment = 'positive') =>
  Array.from({ length: months * 2 }, (_, i) => comm(lastDaysAgo + i * 15, sentiment));

describe('relationship health', () => {
  it('maps health to levels at exactly 70 and 40 (API.md: > 70 high, > 40 medium)', () => {
    expect(relationshipHealthOf(71)).toBe('high');
    expect(relationshipHealthOf(70)).toBe('medium');
    expect(relationshipHealthOf(41)).toBe('medium');
    expect(relationshipHealthOf(40)).toBe('low');
    expect(relationshipHealthOf(0)).toBe('low');
  });

  it('scores an active, positive relationship high and its factors add up', () => {
    const r = score({
      communications: rhythm(2),
      openDeals: [{ value: 40_000, probability: 60 }],
      averageResponseMinutes: 45,
    });
    expect(r.healthScore).toBeGreaterThan(70);
    expect(r.relationshipHealth).toBe('high');
    expect(r.churnRisk).toBe(100 - r.healthScore);
    const health = r.factors.filter((f) => !f.name.startsWith('churn-'));
    expect(health.reduce((s, f) => s + f.impact, 0)).toBe(r.healthScore);
    expect(r.factors.map((f) => f.name)).toEqual(
      expect.arrayContaining(['recency', 'frequency', 'sentiment', 'response-time', 'open-deals']),
    );
  });

  it('keeps relationshipHealth consistent with healthScore', () => {
    for (const d of [0, 10, 30, 60, 120, 400]) {
      const r = score({ communications: rhythm(d, 3, 'neutral') });
      expect(r.relationshipHealth).toBe(relationshipHealthOf(r.healthScore));
      expect(AiChurnRiskResultSchema.parse({ ...r, source: 'local' })).toBeTruthy();
    }
  });

  it('raises churn risk steadily with silence', () => {
    const risks = [1, 14, 30, 60, 120].map(
      (d) => score({ communications: rhythm(d, 4) }).churnRisk,
    );
    for (let i = 1; i < risks.length; i++) expect(risks[i]).toBeGreaterThan(risks[i - 1]!);
    expect(risks[4]).toBeGreaterThan(60);
  });

  it('raises churn risk when the sentiment trend declines', () => {
    const earlier = [40, 35, 30, 25, 20].map((d) => comm(d, 'positive'));
    const steady = score({
      communications: [...earlier, ...[15, 10, 5, 2].map((d) => comm(d, 'positive'))],
    });
    const falling = score({
      communications: [...earlier, ...[15, 10, 5, 2].map((d) => comm(d, 'negative'))],
    });
    expect(falling.sentimentTrend).toBe('declining');
    expect(steady.sentimentTrend).toBe('stable');
    expect(falling.churnRisk).toBeGreaterThan(steady.churnRisk + 20);
    expect(falling.factors.find((f) => f.name === 'churn-last-negative')?.impact).toBe(8);
  });

  it('sees an improving trend, using fine scores when given', () => {
    const msgs = [
      comm(20, 'negative', -70),
      comm(15, 'neutral', -20),
      comm(10, 'positive', 40),
      comm(3, 'positive', 80),
    ];
    expect(score({ communications: msgs }).sentimentTrend).toBe('improving');
    expect(score({ communications: msgs.slice(0, 3) }).sentimentTrend).toBe('stable');
  });

  it("rewards contact frequency above the contact's own earlier rate", () => {
    const earlier = [40, 55, 70, 85, 100, 115, 130, 145, 160].map((d) => comm(d)); // ~2 a month
    const busy = score({ communications: [...earlier, comm(2), comm(9), comm(16), comm(23)] });
    const thin = score({ communications: [...earlier, comm(2)] });
    const freq = (r: ReturnType<typeof score>) =>
      r.factors.find((f) => f.name === 'frequency')!.impact;
    expect(freq(busy)).toBeGreaterThan(0);
    expect(freq(thin)).toBeLessThan(0);
  });

  it('treats slow answers and no open deals as weaker ties', () => {
    const base = { communications: rhythm(5, 3, 'neutral') };
    const fast = score({ ...base, averageResponseMinutes: 30 }).healthScore;
    const slow = score({ ...base, averageResponseMinutes: 5 * 1_440 }).healthScore;
    expect(fast - slow).toBe(14);
    const withDeal = score({ ...base, openDeals: [{ value: 100_000, probability: 50 }] });
    expect(withDeal.healthScore).toBeGreaterThan(score(base).healthScore);
    // A bare count, as the churn-risk route receives it.
    expect(score({ ...base, openDeals: 2 }).healthScore).toBe(score(base).healthScore + 7);
  });

  it('measures silence from creation when nothing was logged', () => {
    const fresh = score({ createdAt: daysAgo(1) });
    const stale = score({ createdAt: daysAgo(200) });
    expect(fresh.churnRisk).toBeLessThan(60);
    expect(stale.churnRisk).toBeGreaterThan(90);
    expect(score({}).factors.find((f) => f.name === 'recency')?.impact).toBe(-25);
  });

  it('ignores communications dated after now', () => {
    const r = score({ communications: [comm(90), comm(-2, 'negative')] });
    expect(r.factors.find((f) => f.name === 'churn-last-negative')).toBeUndefined();
  });
});
