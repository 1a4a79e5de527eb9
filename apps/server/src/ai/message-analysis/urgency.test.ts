import type { BusinessIntent } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import { findTimeRefs } from './deadlines';
import type { HistoryMessage } from './urgency';
import { scoreUrgency, trailingContactMessages } from './urgency';

const NOW = new Date('2025-03-05T15:00:00Z');

function urgency(
  text: string,
  history: HistoryMessage[] = [],
  sentimentScore = 0,
  intent: BusinessIntent = 'other',
) {
  return scoreUrgency({
    text,
    timeRefs: findTimeRefs(text, NOW).map((r) => ({ ...r, actionable: /\bsend\b/i.test(text) })),
    asksSomething: /\?|\b(?:please|can you|could you)\b/i.test(text),
    intent,
    sentimentScore,
    history,
    now: NOW,
  });
}
const names = (text: string, history?: HistoryMessage[]) =>
  urgency(text, history).factors.map((f) => f.name);

describe('scoreUrgency', () => {
  it('is low for a thank-you note', () => {
    expect(urgency('Thanks for the demo, the team enjoyed it.').level).toBe('low');
  });

  it('is medium for a plain question', () => {
    expect(urgency('Do you support SSO with Okta?').level).toBe('medium');
  });

  it.each(['asap', 'urgent', 'immediately', 'as soon as possible'])('counts "%s"', (word) => {
    expect(names(`Can you send the report ${word}?`)).toContain('Urgent wording');
    expect(urgency(`Can you send the report ${word}?`).level).toBe('high');
  });

  it('does not count a negated "urgent"', () => {
    expect(names('This is not urgent, but can you send the report?')).not.toContain(
      'Urgent wording',
    );
  });

  it.each([
    ['Can you send the pricing sheet by Friday?', 'high'],
    ['Please reply by EOD.', 'high'],
    ['We need it before the 15th, can you make that?', 'medium'],
    ['Can we talk sometime next month?', 'medium'],
  ])('weighs deadlines by distance: %s → %s', (text, level) => {
    expect(names(text)).toContain('Deadline');
    expect(urgency(text).level).toBe(level);
  });

  it('ignores a casual time mention in a statement', () => {
    expect(names('Tomorrow works for me.')).not.toContain('Deadline');
  });

  it.each(['This is unacceptable.', 'I want to speak to your manager.', 'Please escalate this.'])(
    'recognises escalation language: %s',
    (text) => {
      expect(names(text)).toContain('Escalation language');
    },
  );

  it('is critical for escalation plus a deadline and a threat', () => {
    const r = urgency(
      'This is unacceptable. If it is not fixed by tomorrow we will cancel our contract.',
    );
    expect(r.level).toBe('critical');
  });

  it('is critical for an outage with urgent wording', () => {
    expect(urgency('URGENT: production is down for all our users, fix it immediately!').level).toBe(
      'critical',
    );
  });

  it('counts repeated follow-up wording', () => {
    expect(names('Still waiting on the quote.')).toContain('Repeated follow-up wording');
    expect(names('Following up again on my request.')).toContain('Repeated follow-up wording');
  });

  it('raises urgency with each unanswered message in the history', () => {
    const one: HistoryMessage[] = [
      { senderType: 'user', content: 'Here you go.' },
      { senderType: 'contact', content: 'Can you send the quote?' },
    ];
    const two: HistoryMessage[] = [...one, { senderType: 'contact', content: 'Any news?' }];
    const answered: HistoryMessage[] = [...two, { senderType: 'user', content: 'Sent!' }];
    const base = urgency('Hello?').points;
    expect(urgency('Hello?', one).points).toBeGreaterThan(base);
    expect(urgency('Hello?', two).points).toBeGreaterThan(urgency('Hello?', one).points);
    expect(urgency('Hello?', answered).points).toBe(base);
    expect(trailingContactMessages(two)).toBe(2);
  });

  it('adds a factor when the first unanswered message is days old', () => {
    const history: HistoryMessage[] = [
      { senderType: 'contact', content: 'Can you help?', timestamp: '2025-03-01T10:00:00Z' },
    ];
    expect(names('Any update?', history)).toContain('Long wait');
  });

  it('lowers urgency when the sender says there is no rush', () => {
    const r = urgency('No rush, but could you send the case study?');
    expect(r.level).toBe('low');
    expect(r.factors.find((f) => f.name === 'No time pressure')?.impact).toBeLessThan(0);
  });

  it('explains the level with factors that add up to the points', () => {
    const r = urgency('URGENT!! Can you call me asap? Still waiting since Monday.');
    expect(r.factors.reduce((s, f) => s + f.impact, 0)).toBe(r.points);
    for (const f of r.factors) expect(f.description.length).toBeGreaterThan(10);
  });
});
