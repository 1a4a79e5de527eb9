import { AiDealProbabilityResultSchema } from '@flow/contracts';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DealActivityInput } from './features';
import { scoreDeal, type ScoreDealInput } from './score';
import { OPEN_STAGES, type OpenDealStage } from './stages';

// The extractor belongs to another module; these tests pin what it returns so they check the
// scoring rules alone (one test below checks that its findings are merged).
const extracted = vi.hoisted(() => ({
  value: { riskFactors: [] as string[], positiveSignals: [] as string[] } as {
    riskFactors: string[];
    positiveSignals: string[];
    competitor?: string;
  },
}));
vi.mock('../signals', () => ({ extractSignals: () => extracted.value }));

const now = new Date('2025-03-20T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const act = (d: number, description = 'Call with buyer'): DealActivityInput => ({
  type: 'call',
  date: daysAgo(d),
  description,
});
const deal = (over: Partial<ScoreDealInput> = {}): ScoreDealInput => ({
  stage: 'proposal',
  activities: [act(1)],
  now,
  ...over,
});
const sum = (r: ReturnType<typeof scoreDeal>) => r.factors.reduce((s, f) => s + f.impact, 0);

beforeEach(() => {
  extracted.value = { riskFactors: [], positiveSignals: [] };
});

describe('scoreDeal rules', () => {
  it.each([
    ['prospect', 20, 'Prospect'],
    ['qualified', 40, 'Qualified'],
    ['proposal', 65, 'Proposal'],
    ['negotiation', 85, 'Negotiation'],
  ] as const)('starts %s at its prior %i', (stage, prior, label) => {
    const r = scoreDeal(deal({ stage }));
    expect(r.probability).toBe(prior);
    expect(r.probabilityReasoning[0]).toBe(`Stage ${label} starts at ${prior}%`);
  });

  it('keeps closed stages final whatever the signals', () => {
    const risky = { riskFactors: ['a', 'b', 'c'], competitorMentioned: 'Zoho' };
    const won = scoreDeal(deal({ stage: 'closed-won', ...risky, activities: [act(60)] }));
    const lost = scoreDeal(deal({ stage: 'closed-lost', positiveSignals: ['x', 'y'] }));
    expect([won.probability, won.confidence]).toEqual([100, 'high']);
    expect([lost.probability, lost.confidence]).toEqual([0, 'high']);
    expect(won.competitorMentioned).toBe('Zoho');
  });

  it('adds for positive signals in proportion to how many more there are', () => {
    const r = scoreDeal(deal({ positiveSignals: ['a', 'b', 'c'], riskFactors: ['r'] }));
    expect(r.probability).toBe(73);
    expect(r.probabilityReasoning).toContain('+8: positive signals outnumber risks (3 vs 1)');
  });

  it('subtracts when risks outnumber signals', () => {
    const r = scoreDeal(deal({ positiveSignals: ['a'], riskFactors: ['r', 's', 't'] }));
    expect(r.probability).toBe(65 - 15);
    expect(r.probabilityReasoning).toContain('−15: risks outnumber positive signals (3 vs 1)');
  });

  it('subtracts 10 for a competitor, also when only found in the activity text', () => {
    expect(scoreDeal(deal({ competitorMentioned: 'HubSpot' })).probability).toBe(55);
    extracted.value = { riskFactors: [], positiveSignals: [], competitor: 'Salesforce' };
    const r = scoreDeal(deal({ activities: [act(1, 'They are also talking to Salesforce')] }));
    expect(r.probability).toBe(55);
    expect(r.competitorMentioned).toBe('Salesforce');
    expect(r.probabilityReasoning).toContain('−10: competitor Salesforce mentioned');
  });

  it("does not count the competitor's own risk entry twice", () => {
    extracted.value = {
      riskFactors: ['Competitor evaluated: Salesforce'],
      positiveSignals: [],
      competitor: 'Salesforce',
    };
    const r = scoreDeal(deal({ activities: [act(1, 'Evaluating Salesforce too')] }));
    expect(r.probability).toBe(55);
    expect(r.riskFactors).toEqual(['Competitor evaluated: Salesforce']);
  });

  it('merges extracted signals with the given ones without duplicates', () => {
    extracted.value = { riskFactors: ['Budget concerns'], positiveSignals: ['Timeline agreed'] };
    const r = scoreDeal(deal({ riskFactors: ['budget concerns'], positiveSignals: ['Champion'] }));
    expect(r.riskFactors).toEqual(['budget concerns']);
    expect(r.positiveSignals).toEqual(['Champion', 'Timeline agreed']);
  });

  it('penalises inactivity by days since the last activity', () => {
    const r = scoreDeal(deal({ activities: [act(21), act(40)] }));
    expect(r.probability).toBe(55);
    expect(r.probabilityReasoning).toContain('−10: no activity for 21 days');
    expect(scoreDeal(deal({ activities: [act(7)] })).probability).toBe(65);
    expect(scoreDeal(deal({ activities: [act(200)] })).probability).toBe(40); // capped at −25
  });

  it('ignores scheduled activities in the future when measuring silence', () => {
    const r = scoreDeal(deal({ activities: [act(21), act(-3)] }));
    expect(r.probability).toBe(55);
  });

  it('penalises an expected close date that has passed while open', () => {
    const r = scoreDeal(deal({ expectedCloseDate: daysAgo(10).slice(0, 10) }));
    expect(r.probability).toBe(65 - 10);
    expect(r.factors.find((f) => f.name === 'slippage')?.impact).toBe(-10);
    expect(scoreDeal(deal({ expectedCloseDate: '2025-03-20' })).probability).toBe(65);
  });

  it('rewards momentum: two activities in the past week', () => {
    expect(scoreDeal(deal({ activities: [act(1), act(3)] })).probability).toBe(70);
  });

  it('clamps to 0..100 and says so, factors still adding up', () => {
    const r = scoreDeal(
      deal({
        stage: 'negotiation',
        activities: [act(1), act(2)],
        positiveSignals: ['a', 'b', 'c', 'd'],
      }),
    );
    expect(r.probability).toBe(100);
    expect(r.probabilityReasoning.some((s) => s.includes('clamped to 100%'))).toBe(true);
    expect(sum(r)).toBe(100);
    const low = scoreDeal(
      deal({
        stage: 'prospect',
        activities: [act(90)],
        riskFactors: ['a', 'b', 'c', 'd'],
        competitorMentioned: 'Zoho',
        expectedCloseDate: daysAgo(60).slice(0, 10),
      }),
    );
    expect(low.probability).toBe(0);
    expect(sum(low)).toBe(0);
  });

  it('has factors that add up to the probability for any input', () => {
    const stage = fc.constantFrom<OpenDealStage>(...OPEN_STAGES);
    fc.assert(
      fc.property(
        stage,
        fc.array(fc.integer({ min: -5, max: 200 }), { maxLength: 6 }),
        fc.nat(6),
        fc.nat(6),
        fc.boolean(),
        fc.integer({ min: -30, max: 120 }),
        (s, ages, pos, risk, competitor, slip) => {
          const r = scoreDeal(
            deal({
              stage: s,
              activities: ages.map((a) => act(a)),
              positiveSignals: Array.from({ length: pos }, (_, i) => `p${i}`),
              riskFactors: Array.from({ length: risk }, (_, i) => `r${i}`),
              ...(competitor ? { competitorMentioned: 'Zoho' } : {}),
              expectedCloseDate: daysAgo(slip).slice(0, 10),
            }),
          );
          expect(sum(r)).toBe(r.probability);
          expect(AiDealProbabilityResultSchema.parse({ ...r, source: 'local' })).toBeTruthy();
          expect(r.probability).toBeGreaterThanOrEqual(0);
          expect(r.probability).toBeLessThanOrEqual(100);
          expect(r.probabilityReasoning.length).toBe(r.factors.length + 1);
        },
      ),
    );
  });

  it('is deterministic for the same input', () => {
    const input = deal({ activities: [act(3), act(12)], riskFactors: ['x'] });
    expect(scoreDeal(input)).toEqual(scoreDeal(structuredClone(input)));
  });
});

describe('deal confidence', () => {
  it('is high with ≥ 2 activities in 7 days, a positive signal and ≤ 1 risk', () => {
    const base = { activities: [act(1), act(6)], positiveSignals: ['p'] };
    expect(scoreDeal(deal({ ...base, riskFactors: ['r'] })).confidence).toBe('high');
    expect(scoreDeal(deal({ ...base, riskFactors: ['r', 's'] })).confidence).toBe('medium');
    expect(scoreDeal(deal({ ...base, positiveSignals: [] })).confidence).toBe('medium');
    expect(scoreDeal(deal({ ...base, activities: [act(1), act(8)] })).confidence).toBe('medium');
  });

  it('is low after 14 silent days or when risks outnumber signals by more than one', () => {
    expect(scoreDeal(deal({ activities: [act(15)], positiveSignals: ['p'] })).confidence).toBe(
      'low',
    );
    expect(scoreDeal(deal({ activities: [] })).confidence).toBe('low');
    expect(scoreDeal(deal({ riskFactors: ['a', 'b'] })).confidence).toBe('low');
  });
});
