import { AiMessageAnalysisResultSchema } from '@flow/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryMessage } from './index';
import { analyzeMessage } from './index';

const now = new Date('2025-03-05T15:00:00Z');
const Schema = AiMessageAnalysisResultSchema.omit({ source: true });

describe('analyzeMessage', () => {
  it('returns the contract shape', () => {
    const result = analyzeMessage({ content: 'Can you send the pricing sheet by Friday?', now });
    expect(Schema.parse(result)).toEqual(result);
  });

  it('analyses a request with a deadline end to end', () => {
    const r = analyzeMessage({
      content:
        'Hi Sarah,\n\nCan you send the pricing sheet for the enterprise plan by Friday? Our procurement team meets on Monday.\n\nThanks,\nJohn',
      now,
    });
    expect(r.businessIntent).toBe('inquiry');
    expect(r.urgencyLevel).toBe('high');
    expect(r.keyTopics).toEqual(expect.arrayContaining(['pricing sheet', 'enterprise plan']));
    expect(r.actionItems[0]).toEqual({
      text: 'Send the pricing sheet for the enterprise plan',
      kind: 'request',
      dueDate: '2025-03-07T17:00:00.000Z',
    });
    expect(r.suggestedResponse).toContain(
      "I'll send the pricing sheet for the enterprise plan by Friday.",
    );
    expect(r.responseTime).toBe(120);
    expect(r.factors.map((f) => f.name)).toContain('Deadline');
  });

  it('finds commitments', () => {
    const r = analyzeMessage({
      content: "Thanks for the proposal. I'll review it with legal by Thursday.",
      now,
    });
    expect(r.actionItems).toContainEqual({
      text: 'Review it with legal',
      kind: 'commitment',
      dueDate: '2025-03-06T17:00:00.000Z',
    });
  });

  it('answers a complaint with an apology and a next step', () => {
    const r = analyzeMessage({
      content:
        'This is unacceptable. The Gmail integration has been broken for a week and I want to speak to your manager.',
      now,
    });
    expect(r.businessIntent).toBe('complaint');
    expect(['high', 'critical']).toContain(r.urgencyLevel);
    expect(['angry', 'frustrated']).toContain(r.emotionalTone);
    expect(r.suggestedResponse).toMatch(/sorry/i);
    expect(r.suggestedResponse).toMatch(/escalated/);
    expect(r.sentiment).toBe('negative');
  });

  it('raises urgency for the third unanswered message', () => {
    const history: HistoryMessage[] = [
      { senderType: 'user', content: 'Here is the proposal.', timestamp: '2025-02-25T10:00:00Z' },
      {
        senderType: 'contact',
        content: 'Can you add 5 seats to the quote?',
        timestamp: '2025-02-28T10:00:00Z',
      },
      {
        senderType: 'contact',
        content: 'Any news on the quote?',
        timestamp: '2025-03-03T10:00:00Z',
      },
    ];
    const alone = analyzeMessage({ content: 'Hello? Could you update the quote?', now });
    const chased = analyzeMessage({
      content: 'Hello? Could you update the quote?',
      conversationHistory: history,
      now,
    });
    const rank = ['low', 'medium', 'high', 'critical'];
    expect(rank.indexOf(chased.urgencyLevel)).toBeGreaterThan(rank.indexOf(alone.urgencyLevel));
    expect(chased.factors.map((f) => f.name)).toEqual(
      expect.arrayContaining(['Unanswered messages', 'Long wait']),
    );
    expect(chased.responseTime).toBeLessThan(alone.responseTime);
  });

  it('keeps a thank-you note low and calm', () => {
    const r = analyzeMessage({
      content: 'Thanks so much for the demo today, the team loved it!',
      now,
    });
    expect(r.businessIntent).toBe('other');
    expect(r.urgencyLevel).toBe('low');
    expect(r.actionItems).toEqual([]);
    expect(r.sentiment).toBe('positive');
    expect(r.suggestedResponse).toMatch(/welcome/i);
  });

  it('is deterministic', () => {
    const input = {
      content: 'Following up again: still waiting on the contract. Can you send it by EOD?',
      conversationHistory: [{ senderType: 'contact' as const, content: 'Contract please.' }],
      now,
    };
    expect(analyzeMessage(input)).toEqual(analyzeMessage(input));
    expect(JSON.stringify(analyzeMessage(input))).toBe(JSON.stringify(analyzeMessage(input)));
  });

  it('never throws and always fits the contract', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (content) => {
        Schema.parse(analyzeMessage({ content, now }));
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
