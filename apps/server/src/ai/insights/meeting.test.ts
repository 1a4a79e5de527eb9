import { MeetingInsightSchema } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import { meetingInsights, type MeetingInsightInput } from './meeting';

const now = new Date('2025-03-20T12:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();
const event: MeetingInsightInput['event'] = {
  id: 'e1',
  title: 'Pricing review',
  type: 'meeting',
  startTime: at(24),
  endTime: at(25),
  status: 'confirmed',
  attendees: [{ name: 'Dana Reyes', status: 'accepted' }],
};
const deal: NonNullable<MeetingInsightInput['deal']> = {
  title: 'Acme rollout',
  stage: 'qualified',
  value: 40_000,
  probability: 40,
  riskFactors: [],
};
const run = (
  over: Partial<MeetingInsightInput> = {},
  ev: Partial<MeetingInsightInput['event']> = {},
) => meetingInsights({ event: { ...event, ...ev }, now, ...over });
const titles = (xs: ReturnType<typeof run>) => xs.map((x) => x.title);

describe('meetingInsights', () => {
  it('produces nothing when nothing supports an insight', () => {
    expect(run({ deal, contact: { name: 'Dana Reyes', churnRisk: 20, healthScore: 80 } })).toEqual(
      [],
    );
  });

  it('prepares for a competitor and open risks on the deal', () => {
    const xs = run({
      deal: { ...deal, competitorMentioned: 'HubSpot', riskFactors: ['Budget concerns'] },
    });
    expect(xs.map((x) => x.description)).toEqual(
      expect.arrayContaining([
        'Competitor HubSpot is in play on "Acme rollout" (Qualified, 40%)',
        '"Acme rollout" carries 1 open risk: budget concerns',
      ]),
    );
    expect(xs.every((x) => x.type === 'preparation')).toBe(true);
  });

  it('sees a chance to close a late-stage deal', () => {
    const xs = run({ deal: { ...deal, stage: 'negotiation', probability: 85 } });
    expect(xs[0]?.description).toBe('"Acme rollout" is in Negotiation at 85% (40,000)');
    expect(xs[0]?.suggestedAction).toMatch(/contract/);
  });

  it('warns about an at-risk contact and unconfirmed attendees', () => {
    const xs = run(
      { contact: { name: 'Dana Reyes', churnRisk: 72, healthScore: 30 } },
      {
        attendees: [
          ...event.attendees,
          { name: 'Lee Park', status: 'pending' },
          { name: 'Ana Ruiz', status: 'declined' },
        ],
      },
    );
    expect(xs.map((x) => x.description)).toEqual(
      expect.arrayContaining([
        "Dana Reyes's churn risk is 72 (health 30)",
        '2 of 3 attendees have not accepted (1 declined): Lee Park, Ana Ruiz',
      ]),
    );
    const farAway = run(
      {},
      {
        startTime: at(24 * 5),
        endTime: at(24 * 5 + 1),
        attendees: [{ name: 'Lee Park', status: 'pending' }],
      },
    );
    expect(titles(farAway)).not.toContain('Attendance not confirmed');
  });

  it('notes positive interactions and past no-shows', () => {
    const comms = [1, 3, 5].map((d) => ({ date: at(-24 * d), sentiment: 'positive' as const }));
    const xs = run({
      recentCommunications: comms,
      previousMeetings: [
        { startTime: at(-24 * 30), status: 'no-show' },
        { startTime: at(-24 * 60), status: 'completed' },
      ],
    });
    expect(titles(xs)).toEqual(
      expect.arrayContaining(['Good moment to ask', 'History of no-shows']),
    );
    expect(xs.find((x) => x.title === 'History of no-shows')?.description).toBe(
      '1 of the last 2 meetings with the contact was a no-show',
    );
    const mixed = [...comms.slice(0, 2), { date: at(-24 * 5), sentiment: 'negative' as const }];
    expect(titles(run({ recentCommunications: mixed }))).toEqual([]);
  });

  it('asks for the outcome after the meeting and for a follow-up the outcome requires', () => {
    const past = { startTime: at(-50), endTime: at(-49), status: 'completed' as const };
    expect(run({}, past)[0]?.description).toBe(
      'The meeting ended 2 days ago with no outcome recorded',
    );
    const withOutcome = run(
      {},
      { ...past, outcome: { followUpRequired: true, followUpDate: at(-24) } },
    );
    expect(withOutcome.map((x) => x.description)).toEqual([
      'The outcome asks for a follow-up by Mar 19 but none is scheduled (1 day overdue)',
    ]);
    expect(
      run({ followUpScheduled: true }, { ...past, outcome: { followUpRequired: true } }),
    ).toEqual([]);
    expect(
      run({ deal: { ...deal, competitorMentioned: 'Zoho' } }, { ...past, status: 'cancelled' }),
    ).toEqual([]);
  });

  it('matches the contract with stable ids', () => {
    const xs = run({ deal: { ...deal, competitorMentioned: 'HubSpot' } });
    for (const x of xs) expect(MeetingInsightSchema.parse(x)).toEqual(x);
    expect(run({ deal: { ...deal, competitorMentioned: 'HubSpot' } }).map((x) => x.id)).toEqual(
      xs.map((x) => x.id),
    );
  });
});
