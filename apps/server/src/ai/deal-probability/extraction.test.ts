import { describe, expect, it } from 'vitest';
import { scoreDeal } from './score';

// With the real signal extractor: what the activity texts say reaches the score.
const now = new Date('2025-03-20T12:00:00Z');

describe('scoreDeal with extracted signals', () => {
  it('finds a competitor and risks in activity text and lowers the probability', () => {
    const r = scoreDeal({
      stage: 'proposal',
      activities: [
        {
          type: 'call',
          date: '2025-03-19T15:00:00Z',
          description: 'They are also evaluating Salesforce. The CFO raised budget concerns.',
        },
      ],
      now,
    });
    expect(r.competitorMentioned).toBe('Salesforce');
    expect(r.riskFactors.length).toBeGreaterThan(0);
    expect(r.probability).toBeLessThan(65);
    expect(r.probabilityReasoning).toContain('−10: competitor Salesforce mentioned');
  });

  it('finds positive signals and raises the probability', () => {
    const r = scoreDeal({
      stage: 'proposal',
      activities: [
        {
          type: 'meeting',
          date: '2025-03-19T15:00:00Z',
          description: 'The budget is approved and we agreed on the timeline with the CEO.',
        },
      ],
      now,
    });
    expect(r.positiveSignals.length).toBeGreaterThan(0);
    expect(r.probability).toBeGreaterThan(65);
  });
});
