import { DealInsightSchema } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import type { DealActivityInput } from '../deal-probability/features';
import { dealInsights, type DealInsightInput } from './deal';

const now = new Date('2025-03-20T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const act = (
  d: number,
  description = 'Call with buyer',
  nextStep = 'Send notes',
): DealActivityInput => ({
  type: 'call',
  date: daysAgo(d),
  description,
  nextStep,
});
const baseDeal: DealInsightInput['deal'] = {
  id: 'd1',
  title: 'Acme rollout',
  stage: 'proposal',
  value: 40_000,
  probability: 65,
  expectedCloseDate: '2025-04-30',
  riskFactors: [],
  positiveSignals: [],
};
const run = (deal: Partial<DealInsightInput['deal']>, activities = [act(3)], extra = {}) =>
  dealInsights({ deal: { ...baseDeal, ...deal }, activities, now, ...extra });
const byTitle = (xs: ReturnType<typeof run>, title: string) => xs.find((x) => x.title === title);

describe('dealInsights', () => {
  it('produces nothing for a quiet, healthy deal or a closed one', () => {
    expect(run({})).toEqual([]);
    expect(run({ stage: 'closed-won', competitorMentioned: 'Zoho' }, [act(90)])).toEqual([]);
  });

  it('counts the activities that mention the competitor', () => {
    const acts = [
      act(10, 'They like Salesforce reporting'),
      act(5, 'Pricing call'),
      act(3, 'salesforce demo next week'),
    ];
    const x = run({ competitorMentioned: 'Salesforce' }, acts)[0]!;
    expect(x.type).toBe('competitor');
    expect(x.description).toBe('Competitor Salesforce mentioned in 2 activities (last on Mar 17)');
    expect(x.impact).toBe('high'); // at Proposal
    expect(run({ competitorMentioned: 'Zoho' }, acts)[0]!.description).toBe(
      'Competitor Zoho is named on the deal',
    );
  });

  it('flags a deal going quiet after 14 days', () => {
    expect(byTitle(run({}, [act(21)]), 'Deal going quiet')?.description).toBe(
      'No activity for 21 days at stage Proposal',
    );
    expect(byTitle(run({}, [act(13)]), 'Deal going quiet')).toBeUndefined();
  });

  it('flags a passed close date and an optimistic one', () => {
    const slipped = byTitle(run({ expectedCloseDate: '2025-03-08' }), 'Close date has passed');
    expect(slipped?.description).toBe(
      'Expected close date Mar 8 passed 12 days ago; the deal is still in Proposal',
    );
    const soon = run({ expectedCloseDate: '2025-03-25', probability: 30 });
    expect(byTitle(soon, 'Close date looks optimistic')?.description).toMatch(
      /at only 30% probability/,
    );
    expect(
      byTitle(run({ expectedCloseDate: '2025-03-25' }), 'Close date looks optimistic'),
    ).toBeUndefined();
  });

  it('lists risks when they outnumber positive signals', () => {
    const x = byTitle(
      run({
        riskFactors: ['Budget concerns', 'Legal review pending'],
        positiveSignals: ['Timeline agreed'],
      }),
      'Risks outweigh positive signals',
    );
    expect(x?.description).toBe(
      '2 risk factors (budget concerns, legal review pending) vs 1 positive signal',
    );
    expect(x?.suggestedAction).toBe(
      'Address "Budget concerns" first, with the person who raised it',
    );
    expect(
      byTitle(
        run({ riskFactors: ['Budget concerns'], positiveSignals: ['Timeline agreed'] }),
        'Risks outweigh positive signals',
      ),
    ).toBeUndefined();
  });

  it('sees momentum and suggests the next stage', () => {
    const x = byTitle(
      run({ positiveSignals: ['Decision maker engaged', 'Budget approved'] }, [
        act(1),
        act(4),
        act(20),
      ]),
      'Strong momentum',
    );
    expect(x?.description).toBe(
      '2 activities in the last 7 days and 2 positive signals (decision maker engaged, budget approved)',
    );
    expect(x?.suggestedAction).toBe('Propose moving to Negotiation while the buyer is engaged');
    expect(
      byTitle(run({ positiveSignals: ['Budget approved'] }, [act(1)]), 'Strong momentum'),
    ).toBeUndefined();
  });

  it("compares the value with the contact's average only when given", () => {
    const x = byTitle(
      run({ value: 90_000 }, [act(3)], { contactAverageValue: 30_000 }),
      'Unusually large deal',
    );
    expect(x?.description).toBe("Deal value 3× the contact's average (90,000 vs 30,000)");
    expect(byTitle(run({ value: 90_000 }), 'Unusually large deal')).toBeUndefined();
  });

  it('asks for a next step when the last activity recorded none', () => {
    const x = byTitle(run({}, [act(3, 'Call', '')]), 'No next step agreed');
    expect(x?.description).toBe('The last activity (call on Mar 17) recorded no next step');
  });

  it('sorts by impact, keeps ids stable per cause, and matches the contract', () => {
    const input = { competitorMentioned: 'Zoho', expectedCloseDate: '2025-03-01' };
    const a = run(input, [act(30)]);
    const b = dealInsights({
      deal: { ...baseDeal, ...input },
      activities: [act(30)],
      now: new Date(now.getTime() + 60_000),
    });
    expect(a.map((x) => x.id)).toEqual(b.map((x) => x.id));
    expect(a[0]!.impact).toBe('high');
    for (const x of a) expect(DealInsightSchema.parse(x)).toEqual(x);
    const newCause = run(input, [act(1)]);
    expect(newCause.find((x) => x.title === 'Deal going quiet')).toBeUndefined();
  });
});
