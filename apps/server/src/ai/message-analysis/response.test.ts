import { describe, expect, it } from 'vitest';
import type { ResponseInput } from './response';
import { expectedResponseMinutes, suggestResponse } from './response';

const NOW = new Date('2025-03-05T15:00:00Z');
const base: ResponseInput = {
  intent: 'inquiry',
  tone: 'neutral',
  urgency: 'medium',
  topics: [],
  actionItems: [],
  text: '',
  unanswered: 0,
  escalated: false,
  now: NOW,
};

describe('suggestResponse', () => {
  it('apologises and gives a next step for a complaint', () => {
    const text = suggestResponse({
      ...base,
      intent: 'complaint',
      tone: 'angry',
      urgency: 'high',
      topics: ['Gmail integration'],
    });
    expect(text).toMatch(/sorry/i);
    expect(text).toContain('Gmail integration');
    expect(text).toMatch(/update today/);
    expect(text).not.toContain('!');
  });

  it('mentions escalation when the sender escalated', () => {
    const text = suggestResponse({
      ...base,
      intent: 'complaint',
      urgency: 'critical',
      escalated: true,
    });
    expect(text).toMatch(/escalated/);
    expect(text).toMatch(/within the hour/);
  });

  it('promises what they asked for, with the deadline', () => {
    const text = suggestResponse({
      ...base,
      topics: ['pricing sheet'],
      actionItems: [
        {
          text: 'Send them our pricing sheet',
          kind: 'request',
          dueDate: '2025-03-07T17:00:00.000Z',
        },
      ],
    });
    expect(text).toContain("I'll send you our pricing sheet by Friday.");
    expect(text).toContain('pricing sheet');
  });

  it('fits the other intents', () => {
    expect(suggestResponse({ ...base, intent: 'purchase' })).toMatch(/great news/i);
    expect(suggestResponse({ ...base, intent: 'support', topics: ['export'] })).toMatch(
      /screenshot/,
    );
    expect(suggestResponse({ ...base, intent: 'follow-up', unanswered: 2 })).toMatch(/apologise/);
    expect(suggestResponse({ ...base, intent: 'other', text: 'Thanks for the demo!' })).toMatch(
      /welcome/i,
    );
  });
});

describe('expectedResponseMinutes', () => {
  it('shrinks with urgency and for complaints and buyers', () => {
    expect(expectedResponseMinutes('critical', 'complaint')).toBe(15);
    expect(expectedResponseMinutes('high', 'inquiry')).toBe(120);
    expect(expectedResponseMinutes('medium', 'purchase')).toBe(240);
    expect(expectedResponseMinutes('low', 'other')).toBe(2160);
    expect(expectedResponseMinutes('high', 'complaint')).toBeLessThan(
      expectedResponseMinutes('high', 'inquiry'),
    );
  });
});
