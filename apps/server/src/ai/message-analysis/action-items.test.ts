import { describe, expect, it } from 'vitest';
import { extractActionItems } from './action-items';
import { splitSentences } from './text';

const NOW = new Date('2025-03-05T15:00:00Z');
const items = (text: string) => extractActionItems(splitSentences(text), NOW);

describe('extractActionItems', () => {
  it('turns a request into an imperative', () => {
    expect(items('Can you send the pricing sheet?')).toEqual([
      { text: 'Send the pricing sheet', kind: 'request' },
    ]);
  });

  it('turns a commitment with a deadline into an item with a due date', () => {
    expect(items("I'll review it with legal by Thursday.")).toEqual([
      { text: 'Review it with legal', kind: 'commitment', dueDate: '2025-03-06T17:00:00.000Z' },
    ]);
  });

  it.each([
    ['Could you please share the SOC 2 report by Friday?', 'Share the SOC 2 report', 'request'],
    ['Please confirm the meeting time.', 'Confirm the meeting time', 'request'],
    [
      'Would it be possible to get a quote for 50 seats?',
      'Provide a quote for 50 seats',
      'request',
    ],
    ['Can we schedule a call next week?', 'Schedule a call', 'request'],
    ['Let me know if Tuesday works.', 'Confirm whether Tuesday works', 'request'],
    ['Can you send me your onboarding checklist?', 'Send them our onboarding checklist', 'request'],
    ['We need the signed NDA before the 15th.', 'Provide the signed NDA', 'request'],
    ["We'll send the signed order form tomorrow.", 'Send the signed order form', 'commitment'],
    [
      'I will get back to you with our numbers on Monday.',
      'Get back to them with our numbers',
      'commitment',
    ],
    ['Let me check with my team.', 'Check with my team', 'commitment'],
  ])('%s → %s', (text, expected, kind) => {
    const [first] = items(text);
    expect(first?.text).toBe(expected);
    expect(first?.kind).toBe(kind);
  });

  it('keeps the resolved deadline for requests', () => {
    expect(items('Can you send the deck by EOD?')[0]?.dueDate).toBe('2025-03-05T17:00:00.000Z');
  });

  it('lists open questions as things to answer, at most two', () => {
    const found = items('Do you support SSO? Is there an API? What about SAML? Any mobile app?');
    expect(found.filter((i) => i.text.startsWith('Answer their question'))).toHaveLength(2);
    expect(found[0]?.text).toBe('Answer their question: Do you support SSO?');
  });

  it('ignores courtesy lines and statements', () => {
    expect(items('Let me know if you have any questions.')).toEqual([]);
    expect(items("Feel free to reach out. I'll be in touch.")).toEqual([]);
    expect(items('The demo went well and the team liked it.')).toEqual([]);
  });

  it('deduplicates repeated requests', () => {
    expect(items('Please send the contract. Please send the contract!')).toHaveLength(1);
  });
});
