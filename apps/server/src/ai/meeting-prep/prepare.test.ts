import { MeetingPreparationSchema } from '@flow/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareMeeting } from './prepare';
import type { PrepContact, PrepDeal, PrepareMeetingInput } from './types';

const now = new Date('2025-03-12T12:00:00Z');

const contact = (over: Partial<PrepContact> = {}): PrepContact => ({
  name: 'Maria Garcia',
  company: 'Acme Corp',
  title: 'VP Sales',
  notes: ['Prefers morning meetings'],
  communications: [
    {
      type: 'email',
      date: '2025-03-03T10:00:00Z',
      subject: 'Pricing',
      summary:
        'She asked about volume discounts. The price seems high compared to HubSpot. We will send the security questionnaire by Friday.',
      sentiment: 'neutral',
    },
    {
      type: 'call',
      date: '2025-02-20T15:00:00Z',
      summary:
        'Discovery call. They need better pipeline forecasting. Reps spend hours updating spreadsheets. Her daughter just started college.',
      sentiment: 'positive',
    },
    {
      type: 'meeting',
      date: '2025-03-20T15:00:00Z',
      summary: 'Planned workshop (future, not yet held).',
      sentiment: 'neutral',
    },
  ],
  ...over,
});

const deal = (over: Partial<PrepDeal> = {}): PrepDeal => ({
  title: 'Acme expansion',
  stage: 'negotiation',
  value: 120000,
  probability: 70,
  riskFactors: ['Budget concerns'],
  positiveSignals: ['Decision maker engaged'],
  activities: [
    {
      type: 'proposal',
      date: '2025-03-05T09:00:00Z',
      description: 'Sent proposal v2. Next step: legal review of the MSA.',
    },
  ],
  expectedCloseDate: '2025-03-28',
  ...over,
});

const input = (
  type: PrepareMeetingInput['event']['type'],
  over: Partial<PrepareMeetingInput> = {},
): PrepareMeetingInput => ({
  event: { type, title: 'Acme sync', startTime: '2025-03-14T15:00:00Z' },
  contact: contact(),
  deal: deal(),
  now,
  ...over,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('prepareMeeting: talking points by event type', () => {
  it('tailors a demo to the needs stated in the history', () => {
    const prep = prepareMeeting(input('demo'));
    expect(prep.suggestedTalkingPoints[0]).toMatch(
      /need better pipeline forecasting.*\(call, 20 Feb 2025\)/,
    );
    expect(prep.suggestedTalkingPoints.join('\n')).toMatch(/spend hours updating spreadsheets/);
  });

  it('asks for discovery in a demo when no need is on record, naming the company', () => {
    const prep = prepareMeeting(
      input('demo', { contact: contact({ communications: [], notes: [] }), deal: undefined }),
    );
    expect(prep.suggestedTalkingPoints).toEqual([
      'No stated needs on record for Acme Corp: open with two discovery questions before showing features.',
      'Maria Garcia is VP Sales: lead with outcomes and numbers, keep detail for questions.',
    ]);
  });

  it('pitches a demo to a technical role differently', () => {
    const admin = contact({ title: 'IT Administrator' });
    const points = prepareMeeting(input('demo', { contact: admin })).suggestedTalkingPoints;
    expect(points).toContain(
      'Maria Garcia is IT Administrator: expect questions on setup, integrations and security.',
    );
  });

  it('lists open commitments and questions for a follow-up', () => {
    const points = prepareMeeting(input('follow-up')).suggestedTalkingPoints.join('\n');
    expect(points).toMatch(
      /Close the loop on: "We will send the security questionnaire by Friday"/,
    );
    expect(points).toMatch(/Answer their open question: "She asked about volume discounts"/);
  });

  it('builds a call agenda from the latest past interaction, not a future one', () => {
    const prep = prepareMeeting(input('call', { deal: undefined }));
    expect(prep.suggestedTalkingPoints[0]).toMatch(/^Pick up from the email of 3 Mar 2025/);
    expect(prep.suggestedTalkingPoints.join('\n')).not.toMatch(/workshop/);
  });

  it('prepares objections and pricing for a meeting in negotiation', () => {
    const points = prepareMeeting(input('meeting')).suggestedTalkingPoints.join('\n');
    expect(points).toMatch(/Goal at negotiation/);
    expect(points).toMatch(/Prepare a response to: "The price seems high compared to HubSpot"/);
    expect(points).toMatch(/Pricing: the deal stands at 120,000/);
    expect(points).toMatch(/Address the risk: Budget concerns/);
  });

  it('qualifies at prospect stage instead of talking price', () => {
    const points = prepareMeeting(
      input('meeting', { deal: deal({ stage: 'prospect' }) }),
    ).suggestedTalkingPoints.join('\n');
    expect(points).toMatch(/Goal at prospect: qualify it/);
    expect(points).not.toMatch(/Pricing:/);
  });

  it('flags an overdue close date and a long silence', () => {
    const silent = contact({
      communications: [
        {
          type: 'call',
          date: '2024-12-01T10:00:00Z',
          summary: 'Intro call.',
          sentiment: 'neutral',
        },
      ],
    });
    const prep = prepareMeeting(
      input('call', {
        contact: silent,
        deal: deal({ expectedCloseDate: '2025-03-01', activities: [] }),
      }),
    );
    const points = prep.suggestedTalkingPoints.join('\n');
    expect(points).toMatch(/expected close date \(1 Mar 2025\) has passed/);
    expect(points).toMatch(/Last interaction was 101 days ago/);
  });
});

describe('prepareMeeting: context sections', () => {
  it('lists recent interactions newest first with date and sentiment, skipping future ones', () => {
    const prep = prepareMeeting(input('meeting', { deal: undefined }));
    expect(prep.recentInteractions).toEqual([
      expect.stringMatching(
        /^3 Mar 2025 · email · neutral: Pricing — She asked about volume discounts/,
      ),
      expect.stringMatching(/^20 Feb 2025 · call · positive: Discovery call/),
    ]);
  });

  it('works from the deal alone when no contact is attached', () => {
    const prep = prepareMeeting(input('follow-up', { contact: undefined }));
    expect(prep.recentInteractions).toEqual([
      '5 Mar 2025 · proposal: Sent proposal v2. Next step: legal review of the MSA.',
    ]);
    expect(prep.suggestedTalkingPoints[0]).toMatch(
      /^Close the loop on: "Next step: legal review of the MSA"/,
    );
    expect(prep.personalNotes).toEqual([]);
    expect(prep.competitorIntel).toBeUndefined();
  });

  it('summarises the deal with the next step written in its activity', () => {
    const prep = prepareMeeting(input('meeting'));
    expect(prep.dealContext).toBe(
      'Acme expansion: negotiation, value 120,000, 70% probability, expected to close 28 Mar 2025 (in 16 days); 1 risk factor, 1 positive signal. Next step: legal review of the MSA (proposal, 5 Mar 2025).',
    );
  });

  it('gives positioning for a known competitor and where it was mentioned', () => {
    const prep = prepareMeeting(
      input('meeting', { deal: deal({ competitorMentioned: 'Salesforce' }) }),
    );
    expect(prep.competitorIntel?.[0]).toMatch(/^Salesforce is known for deep customisation/);
    const hubspot = prepareMeeting(input('meeting')).competitorIntel ?? [];
    expect(hubspot[0]).toMatch(/^HubSpot is known for/);
    expect(hubspot).toContainEqual(
      expect.stringMatching(
        /Mentioned on 3 Mar 2025 \(email\): "The price seems high compared to HubSpot"/,
      ),
    );
  });

  it('uses a generic line for an unknown competitor and none without one', () => {
    const unknown = prepareMeeting(
      input('meeting', { deal: deal({ competitorMentioned: 'Brightly' }) }),
    );
    expect(unknown.competitorIntel?.[0]).toMatch(
      /^Brightly is in the evaluation: ask what they like about it/,
    );
    const quiet = contact({
      communications: [
        {
          type: 'call',
          date: '2025-03-01T10:00:00Z',
          summary: 'Good call.',
          sentiment: 'positive',
        },
      ],
    });
    expect(
      prepareMeeting(input('call', { contact: quiet, deal: undefined })).competitorIntel,
    ).toBeUndefined();
  });

  it('keeps notes and personal details, but not for internal meetings', () => {
    const prep = prepareMeeting(input('call'));
    expect(prep.personalNotes).toEqual([
      'Prefers morning meetings',
      'Her daughter just started college. (call, 20 Feb 2025)',
    ]);
    expect(prepareMeeting(input('internal')).personalNotes).toEqual([]);
  });

  it('picks documents from the stage, the event type and topics in the history', () => {
    const docs = prepareMeeting(
      input('demo', { deal: deal({ stage: 'proposal' }) }),
    ).documentsToShare;
    expect(docs).toContain('Proposal document');
    expect(docs).toContain('Demo slides and recording, to send after the session');
    expect(docs).toContain('Security questionnaire (promised 3 Mar 2025)');
    expect(docs).toContain('Security and compliance pack');
    expect(docs).not.toContain('Contract draft');
  });

  it('prepares no business material for a personal event, only the personal notes', () => {
    const prep = prepareMeeting(input('personal'));
    expect(prep).toEqual({
      suggestedTalkingPoints: [],
      recentInteractions: [],
      personalNotes: [
        'Prefers morning meetings',
        'Her daughter just started college. (call, 20 Feb 2025)',
      ],
      documentsToShare: [],
    });
  });
});

describe('prepareMeeting: purity', () => {
  it('matches the contract and depends on `now`, not on the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const a = prepareMeeting(input('follow-up'));
    vi.setSystemTime(new Date('2020-06-01T00:00:00Z'));
    const b = prepareMeeting(input('follow-up'));
    expect(a).toEqual(b);
    expect(MeetingPreparationSchema.safeParse(a).success).toBe(true);
  });
});
