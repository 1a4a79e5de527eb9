import { describe, expect, it } from 'vitest';
import { classifyIntent } from './intent';

const intent = (text: string, sentimentScore = 0, unanswered = 0) =>
  classifyIntent({
    text,
    questions: (text.match(/\?/g) ?? []).length,
    requests: /\b(?:please|can you|could you)\b/i.test(text) ? 1 : 0,
    sentimentScore,
    unanswered,
  }).intent;

describe('classifyIntent', () => {
  it.each([
    ['How much does the Enterprise plan cost?', 'inquiry'],
    ['Do you integrate with Outlook?', 'inquiry'],
    ['We are ready to move forward, please send the contract.', 'purchase'],
    ['We would like to add 10 more seats.', 'purchase'],
    ['I get an error when exporting contacts.', 'support'],
    ['How do I reset my password?', 'support'],
    ['This is unacceptable, I want a refund.', 'complaint'],
    ['Really disappointed with the onboarding.', 'complaint'],
    ['Just following up on the proposal from last week.', 'follow-up'],
    ['Any update on the revised quote?', 'follow-up'],
    ['Thanks so much for the demo!', 'other'],
    ['Tuesday at 2pm works for me.', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  it('treats a negated complaint word as no complaint', () => {
    expect(intent('Not disappointed at all, the demo was great. Thanks!')).not.toBe('complaint');
  });

  it('reads a very negative message without other cues as a complaint', () => {
    const text = 'The onboarding went nothing like what we discussed.';
    expect(intent(text, 0)).toBe('other');
    expect(intent(text, -80)).toBe('complaint');
  });

  it('leans a negative problem report towards complaint without flipping it alone', () => {
    const scores = (s: number) =>
      classifyIntent({
        text: 'The export is broken.',
        questions: 0,
        requests: 0,
        sentimentScore: s,
        unanswered: 0,
      }).scores;
    expect(scores(-70).complaint).toBeGreaterThan(scores(0).complaint);
    expect(intent('The export is broken.', -70)).toBe('support');
  });

  it('leans to follow-up when earlier messages are unanswered', () => {
    expect(intent('Hello? Is anyone there?', 0, 2)).toBe('follow-up');
  });

  it('reports a confidence that grows with a clearer winner', () => {
    const clear = classifyIntent({
      text: 'This is unacceptable and ridiculous. I want a refund and will escalate.',
      questions: 0,
      requests: 0,
      sentimentScore: -80,
      unanswered: 0,
    });
    const vague = classifyIntent({
      text: 'Hello there.',
      questions: 0,
      requests: 0,
      sentimentScore: 0,
      unanswered: 0,
    });
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
    expect(clear.confidence).toBeLessThanOrEqual(100);
  });
});
