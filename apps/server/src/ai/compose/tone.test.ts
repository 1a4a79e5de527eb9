import { describe, expect, it } from 'vitest';
import { detectTone } from './tone';

describe('detectTone', () => {
  it.each([
    [
      'Dear Mr. Patel,\n\nI hope this message finds you well. Please find attached the revised proposal. I would like to schedule a review at your earliest convenience.\n\nKind regards,\nAnna',
      'formal',
    ],
    ['hey! yeah that works, ping me when you wanna chat btw 👍', 'casual'],
    [
      'Hi Tom,\n\nHope you are doing well! It was great to meet you yesterday, really appreciate your time. Looking forward to the next steps!\n\nBest,\nAnna',
      'friendly',
    ],
    ['Hi Tom, we need the signed contract by EOD today. This is time-sensitive.', 'urgent'],
    ['Please send the report ASAP, it is urgent.', 'urgent'],
    ['Please send the updated contract for review.', 'formal'],
  ])('%s → %s', (text, tone) => {
    expect(detectTone(text).tone).toBe(tone);
  });

  it('scores every tone', () => {
    const { scores } = detectTone('hey, thanks!');
    expect(Object.keys(scores).sort()).toEqual(['casual', 'formal', 'friendly', 'urgent']);
    expect(scores.casual).toBeGreaterThan(scores.formal);
  });
});
