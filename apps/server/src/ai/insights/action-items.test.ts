import { ActionItemSchema } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import { actionItemsFor, type ActionItemInput } from './action-items';

const now = new Date('2025-03-20T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const empty: ActionItemInput = { deals: [], contacts: [], events: [], now };
const deal = {
  id: 'd1',
  title: 'Acme rollout',
  stage: 'proposal' as const,
  probability: 60,
  lastActivity: daysAgo(3),
};
const contact = {
  id: 'c1',
  name: 'Dana Reyes',
  company: 'Acme',
  churnRisk: 30,
  lastContact: daysAgo(2),
};
const event = {
  id: 'e1',
  title: 'Demo',
  type: 'demo' as const,
  startTime: daysAgo(-1),
  status: 'confirmed' as const,
};

describe('actionItemsFor', () => {
  it('produces nothing when nothing needs attention', () => {
    expect(actionItemsFor({ ...empty, deals: [deal], contacts: [contact] })).toEqual([]);
  });

  it('flags open deals going quiet, not closed ones', () => {
    const items = actionItemsFor({
      ...empty,
      deals: [
        { ...deal, lastActivity: daysAgo(21) },
        { ...deal, id: 'd2', stage: 'closed-lost', lastActivity: daysAgo(60) },
      ],
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      type: 'warning',
      title: '"Acme rollout" has had no activity for 21 days',
      link: '/deals/d1',
      timestamp: daysAgo(7),
    });
  });

  it('flags contacts at risk above 60 and overdue follow-ups', () => {
    const items = actionItemsFor({
      ...empty,
      contacts: [
        { ...contact, churnRisk: 61, lastContact: daysAgo(50) },
        { ...contact, id: 'c2', name: 'Lee Park', churnRisk: 60, nextFollowUp: daysAgo(3) },
      ],
    });
    expect(items.map((i) => i.title)).toEqual([
      'Dana Reyes (Acme) is at risk: churn risk 61 — last contact 50 days ago',
      'Follow-up with Lee Park (Acme) is 3 days overdue',
    ]);
  });

  it('asks to prepare for meetings in the next 48 hours only', () => {
    const items = actionItemsFor({
      ...empty,
      events: [
        event,
        { ...event, id: 'e2', startTime: daysAgo(-3) },
        { ...event, id: 'e3', status: 'cancelled' },
        { ...event, id: 'e4', type: 'personal' },
      ],
    });
    expect(items.map((i) => i.title)).toEqual(['Prepare for "Demo" (demo, in 1 day)']);
    expect(items[0]?.link).toBe('/calendar/e1');
  });

  it('sees likely deals closing within two weeks as opportunities', () => {
    const items = actionItemsFor({
      ...empty,
      deals: [{ ...deal, probability: 85, expectedCloseDate: '2025-03-28' }],
    });
    expect(items.map((i) => [i.type, i.title])).toEqual([
      ['opportunity', '"Acme rollout" is likely to close (85%) by Mar 28'],
    ]);
  });

  it('keeps ids stable for the same cause and new ones for a new episode', () => {
    const input = { ...empty, deals: [{ ...deal, lastActivity: daysAgo(20) }] };
    const a = actionItemsFor(input)[0]!;
    const b = actionItemsFor({ ...input, now: new Date(now.getTime() + 86_400_000) })[0]!;
    expect(b.id).toBe(a.id);
    const later = actionItemsFor({ ...input, deals: [{ ...deal, lastActivity: daysAgo(15) }] })[0]!;
    expect(later.id).not.toBe(a.id);
    expect(ActionItemSchema.parse(a)).toEqual(a);
  });

  it('puts warnings first', () => {
    const items = actionItemsFor({
      ...empty,
      deals: [{ ...deal, lastActivity: daysAgo(30) }],
      events: [event],
      contacts: [{ ...contact, nextFollowUp: daysAgo(1) }],
    });
    expect(items.map((i) => i.type)).toEqual(['warning', 'suggestion', 'suggestion']);
  });
});
