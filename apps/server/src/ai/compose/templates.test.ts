import type { MessageTemplate } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import { fillTemplate, matchTemplates } from './templates';

const t = (
  id: string,
  name: string,
  category: MessageTemplate['category'],
  content: string,
): MessageTemplate => ({
  id,
  ownerId: null,
  name,
  category,
  content,
  variables: [...content.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? ''),
});

export const TEMPLATES: MessageTemplate[] = [
  t(
    't1',
    'Proposal follow-up',
    'follow-up',
    'Hi {{firstName}}, did you get a chance to review the proposal for {{dealTitle}}? Best, {{senderName}}',
  ),
  t(
    't2',
    'Meeting request',
    'meeting',
    "Hi {{firstName}}, could we schedule a call to discuss {{company}}'s goals? {{senderName}}",
  ),
  t(
    't3',
    'Support apology',
    'support',
    'Hi {{firstName}}, sorry for the trouble. Our support team is on it. Ticket: {{ticketId}}',
  ),
  t(
    't4',
    'Send proposal',
    'proposal',
    'Hi {{firstName}}, attached is the proposal for {{dealTitle}} ({{dealValue}}). {{senderName}}',
  ),
  t(
    't5',
    'Introduction',
    'introduction',
    'Hello {{firstName}}, I am {{senderName}} from Flow. {{ unknownThing }}',
  ),
];

const fill = {
  contact: { name: 'Maria Lopez', company: 'Northwind' },
  deal: {
    title: 'Northwind expansion',
    stage: 'proposal',
    value: 48000,
    expectedCloseDate: '2025-04-30',
  },
  user: { name: 'Anna Lee' },
};

describe('fillTemplate', () => {
  it('fills known variables and leaves unknown ones visible', () => {
    const out = fillTemplate(TEMPLATES[3]!, fill);
    expect(out.content).toBe(
      'Hi Maria, attached is the proposal for Northwind expansion (48,000). Anna Lee',
    );
    expect(out.variables).toEqual([]);
    const support = fillTemplate(TEMPLATES[2]!, fill);
    expect(support.content).toContain('Ticket: {{ticketId}}');
    expect(support.variables).toEqual(['ticketId']);
    expect(fillTemplate(TEMPLATES[4]!, fill).content).toContain('{{ unknownThing }}');
  });

  it('leaves deal variables visible when there is no deal', () => {
    const out = fillTemplate(TEMPLATES[0]!, { ...fill, deal: undefined });
    expect(out.content).toContain('{{dealTitle}}');
    expect(out.content).toContain('Hi Maria');
  });

  it('does not change the stored template', () => {
    const before = JSON.stringify(TEMPLATES);
    fillTemplate(TEMPLATES[0]!, fill);
    expect(JSON.stringify(TEMPLATES)).toBe(before);
  });
});

describe('matchTemplates', () => {
  it('prefers follow-up templates when we are waiting on them', () => {
    const out = matchTemplates(
      TEMPLATES,
      { awaitingThem: true, stage: 'proposal', text: 'the proposal' },
      fill,
    );
    expect(out[0]?.id).toBe('t1');
    expect(out.length).toBeLessThanOrEqual(3);
  });

  it('prefers support templates for a complaint', () => {
    const out = matchTemplates(
      TEMPLATES,
      {
        intent: 'complaint',
        awaitingThem: false,
        text: 'the sync is broken, support never answers',
      },
      fill,
    );
    expect(out[0]?.id).toBe('t3');
  });

  it('prefers meeting templates when a call is discussed', () => {
    const out = matchTemplates(
      TEMPLATES,
      { intent: 'inquiry', awaitingThem: false, text: 'can we schedule a call next week?' },
      fill,
    );
    expect(out[0]?.id).toBe('t2');
  });

  it('returns nothing when nothing fits', () => {
    expect(matchTemplates(TEMPLATES, { awaitingThem: false, text: 'lorem ipsum' }, fill)).toEqual(
      [],
    );
    expect(matchTemplates([], { awaitingThem: true, text: '' }, fill)).toEqual([]);
  });
});
