import { AIInsightSchema, type Sentiment } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import { contactInsights, type ContactInsightInput } from './contact';

const now = new Date('2025-03-20T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const comm = (d: number, sentiment: Sentiment = 'neutral', subject?: string) => ({
  type: 'email' as const,
  date: daysAgo(d),
  sentiment,
  ...(subject ? { subject } : {}),
});
const contact = { id: 'c1', name: 'Dana Reyes' };
const run = (over: Partial<ContactInsightInput>) =>
  contactInsights({ contact, communications: [], now, ...over });
const titles = (xs: ReturnType<typeof run>) => xs.map((x) => x.title);

/** A healthy, neutral two-a-month rhythm with nothing remarkable in it. */
const calm = [4, 18, 32, 46, 60, 74].map((d) => comm(d));

describe('contactInsights', () => {
  it('produces nothing when nothing supports an insight', () => {
    expect(run({ communications: calm })).toEqual([]);
  });

  it('flags silence after a negative message, naming the days and the churn risk', () => {
    const xs = run({ communications: [...calm.slice(1), comm(18, 'negative', 'Invoice error')] });
    const risk = xs.find((x) => x.title === 'Silence after a negative exchange')!;
    expect(risk.type).toBe('risk');
    expect(risk.description).toMatch(
      /^No contact for 18 days after a negative email \("Invoice error"\) — churn risk \d+$/,
    );
    expect(risk.suggestedAction).toMatch(/Call Dana/);
    // The same negative message answered 2 days ago is no longer a silence.
    expect(titles(run({ communications: [comm(2, 'negative')] }))).not.toContain(
      'Silence after a negative exchange',
    );
  });

  it('explains a high churn risk with the facts behind it', () => {
    const xs = run({ communications: [comm(120), comm(150), comm(200)] });
    const risk = xs.find((x) => x.title === 'Churn risk')!;
    expect(risk.description).toMatch(/^Churn risk \d+: last contact 120 days ago/);
  });

  it('sees a positive trend over the last messages and says how many', () => {
    const msgs = [
      comm(30),
      comm(20, 'positive'),
      comm(12, 'positive'),
      comm(6),
      comm(2, 'positive'),
    ];
    const trend = run({ communications: msgs }).find((x) => x.type === 'trend')!;
    expect(trend.description).toBe(
      'Positive sentiment trend over the last 5 messages (3 positive, 2 neutral)',
    );
    const broken = [...msgs.slice(0, 4), comm(2, 'negative')];
    expect(
      run({ communications: broken }).some((x) => x.title === 'Positive sentiment trend'),
    ).toBe(false);
  });

  it('reports a declining trend', () => {
    const msgs = [40, 35, 30, 25].map((d) => comm(d, 'positive'));
    const xs = run({
      communications: [
        ...msgs,
        comm(9, 'negative'),
        comm(5, 'negative'),
        comm(3, 'negative'),
        comm(1, 'neutral'),
      ],
    });
    expect(xs.find((x) => x.title === 'Sentiment declining')?.description).toMatch(
      /^Sentiment declining: 3 of the last 5 messages negative/,
    );
  });

  it('reminds of an overdue follow-up only once it is overdue', () => {
    const late = run({ communications: calm, contact: { ...contact, nextFollowUp: daysAgo(5) } });
    expect(late.map((x) => x.description)).toContain(
      'Follow-up planned for Mar 15 is 5 days overdue',
    );
    const ahead = run({ communications: calm, contact: { ...contact, nextFollowUp: daysAgo(-2) } });
    expect(ahead).toEqual([]);
  });

  it("compares a deal's value with the contact's other deals", () => {
    const deals = [
      { id: 'd1', title: 'Platform rollout', value: 90_000, stage: 'proposal' as const },
      { id: 'd2', title: 'Pilot', value: 30_000, stage: 'closed-won' as const },
    ];
    const x = run({ communications: calm, deals }).find((i) => i.type === 'opportunity')!;
    expect(x.description).toBe(
      'Deal value 3× the contact\'s average: "Platform rollout" at 90,000 vs 30,000',
    );
    const even = deals.map((d) => ({ ...d, value: 30_000 }));
    expect(
      run({ communications: calm, deals: even }).some((i) => i.title === 'Unusually large deal'),
    ).toBe(false);
  });

  it("notices contact frequency falling against the contact's own rhythm", () => {
    const earlier = Array.from({ length: 10 }, (_, i) => comm(35 + i * 10));
    const xs = run({ communications: earlier });
    expect(xs.find((x) => x.title === 'Contact frequency dropping')?.description).toMatch(
      /^Contact frequency fell to 0 in the last 30 days from [\d.]+ a month before$/,
    );
  });

  it('keeps ids stable across regenerations and valid against the contract', () => {
    const input = {
      communications: [comm(18, 'negative')],
      contact: { ...contact, nextFollowUp: daysAgo(3) },
    };
    const a = run(input);
    const b = contactInsights({
      contact: input.contact,
      communications: input.communications,
      now: new Date(now.getTime() + 3_600_000),
    });
    expect(a.length).toBeGreaterThan(1);
    expect(b.map((x) => x.id)).toEqual(a.map((x) => x.id));
    expect(new Set(a.map((x) => x.id)).size).toBe(a.length);
    for (const x of a) expect(AIInsightSchema.parse(x)).toEqual(x);
  });
});
