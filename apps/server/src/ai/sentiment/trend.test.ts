import { describe, expect, it } from 'vitest';
import { overallScore, overallSentiment, sentimentTrend } from './index';

const at = (day: number, score: number) => ({
  score,
  date: `2024-03-${String(day).padStart(2, '0')}`,
});

describe('sentimentTrend', () => {
  it('compares the later half of the conversation with the earlier half', () => {
    expect(sentimentTrend([at(1, -40), at(2, -20), at(3, 30), at(4, 60)])).toBe('improving');
    expect(sentimentTrend([at(1, 60), at(2, 40), at(3, -10), at(4, -50)])).toBe('declining');
    expect(sentimentTrend([at(1, 20), at(2, 25), at(3, 15), at(4, 22)])).toBe('stable');
  });

  it('orders by date, whatever the input order', () => {
    expect(sentimentTrend([at(4, 60), at(1, -40), at(3, 30), at(2, -20)])).toBe('improving');
  });

  it('is stable with fewer than two messages', () => {
    expect(sentimentTrend([])).toBe('stable');
    expect(sentimentTrend([at(1, 90)])).toBe('stable');
  });

  it('keeps the given order for dates that do not parse', () => {
    const points = [
      { score: -50, date: 'unknown' },
      { score: 50, date: 'unknown' },
    ];
    expect(sentimentTrend(points)).toBe('improving');
  });
});

describe('overallSentiment', () => {
  it('weighs recent messages most', () => {
    const recoveringConversation = [at(1, -80), at(2, -60), at(3, 40), at(4, 60), at(5, 70)];
    expect(overallSentiment(recoveringConversation)).toBe('positive');
    const souringConversation = [at(1, 80), at(2, 60), at(3, -40), at(4, -60), at(5, -70)];
    expect(overallSentiment(souringConversation)).toBe('negative');
  });

  it('is neutral for an empty or balanced conversation', () => {
    expect(overallSentiment([])).toBe('neutral');
    expect(overallSentiment([at(1, 0), at(2, 2), at(3, -3)])).toBe('neutral');
  });

  it('exposes the weighted score', () => {
    expect(overallScore([at(1, 50)])).toBe(50);
    const score = overallScore([at(1, -100), at(2, 100)]);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(100);
  });
});
