import { describe, expect, it } from 'vitest';
import { detectTone } from './tone';
import { parseMessage, rewriteInTone } from './rewrite';

const voice = { recipient: 'Tom Baker', sender: 'Anna Lee' };
const casualDraft =
  "hey Tom, thanks for the call! I'm gonna send the stuff tomorrow, can't wait to get started. cheers";
const formalDraft =
  'Dear Tom,\n\nI hope this message finds you well. Please find attached the proposal regarding the enterprise plan. I would like to arrange a review at your earliest convenience.\n\nKind regards,\nAnna';

describe('parseMessage', () => {
  it('splits greeting, body and sign-off', () => {
    expect(parseMessage('Hi Sam,\nCan you send it?\n\nBest,\nAnna')).toEqual({
      name: 'Sam',
      body: 'Can you send it?',
    });
    expect(parseMessage('Can you send it?')).toEqual({ body: 'Can you send it?' });
  });
});

describe('rewriteInTone', () => {
  it('makes a casual draft formal: greeting, no contractions, no slang, formal sign-off', () => {
    const out = rewriteInTone(casualDraft, 'formal', voice);
    expect(out.startsWith('Dear Tom,')).toBe(true);
    expect(out).toContain('I am going to send the materials tomorrow');
    expect(out).toContain('cannot wait');
    expect(out).toMatch(/Thank you for the call\./);
    expect(out).not.toMatch(/gonna|stuff|!|hey/i);
    expect(out.endsWith('Kind regards,\nAnna Lee')).toBe(true);
    expect(detectTone(out).tone).toBe('formal');
  });

  it('makes a formal draft casual', () => {
    const out = rewriteInTone(formalDraft, 'casual', voice);
    expect(out.startsWith('Hey Tom,')).toBe(true);
    expect(out).toContain("I've attached the proposal about the enterprise plan");
    expect(out).toContain('when you get a sec');
    expect(out).not.toMatch(/finds you well|Kind regards/);
    expect(out.endsWith('Cheers,\nAnna')).toBe(true);
  });

  it('makes a draft friendly', () => {
    const out = rewriteInTone(
      'Thanks for the update. Please send the signed form.',
      'friendly',
      voice,
    );
    expect(out).toContain('Hi Tom,');
    expect(out).toContain('Could you send the signed form?');
    expect(out).toContain('Thanks so much');
    expect(out).toContain('Looking forward to hearing from you!');
    expect(detectTone(out).tone).toBe('friendly');
  });

  it('makes a draft urgent: no hedges, a clear ask with a time', () => {
    const out = rewriteInTone(
      'Hi Tom, no rush, but could you maybe send the signed contract? Thanks.',
      'urgent',
      voice,
    );
    expect(out).toContain('Please send the signed contract as soon as possible.');
    expect(out).not.toMatch(/no rush|maybe/i);
    expect(detectTone(out).tone).toBe('urgent');
  });

  it('keeps an existing deadline instead of adding "as soon as possible"', () => {
    const out = rewriteInTone('Could you send the contract by Friday?', 'urgent', voice);
    expect(out).toContain('Please send the contract by Friday.');
  });

  it('greets the contact by first name when the draft has no greeting', () => {
    expect(rewriteInTone('See attached.', 'friendly', voice).startsWith('Hi Tom,')).toBe(true);
  });
});
