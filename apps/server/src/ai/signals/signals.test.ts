import { describe, expect, it } from 'vitest';
import { extractSignals } from './index';
import { SIGNAL_FIXTURES } from './fixtures';

describe('extractSignals fixtures', () => {
  it('has at least 40 fixture texts', () => {
    expect(SIGNAL_FIXTURES.length).toBeGreaterThanOrEqual(40);
  });

  for (const f of SIGNAL_FIXTURES) {
    it(f.text, () => {
      const result = extractSignals([f.text]);
      for (const risk of f.risks ?? []) expect(result.riskFactors).toContain(risk);
      for (const positive of f.positives ?? []) expect(result.positiveSignals).toContain(positive);
      for (const label of f.not ?? []) {
        expect(result.riskFactors).not.toContain(label);
        expect(result.positiveSignals).not.toContain(label);
      }
      if (f.risks?.length === 0) expect(result.riskFactors).toEqual([]);
      if (f.positives?.length === 0) expect(result.positiveSignals).toEqual([]);
      expect(result.competitor).toBe(f.competitor);
    });
  }
});

describe('extractSignals behaviour', () => {
  it('deduplicates and reports in rule order whatever the text order', () => {
    const a = extractSignals([
      'The team loved the demo. Budget concerns came up.',
      'They are also talking to Salesforce. Budget is tight.',
      'Their CFO joined the call.',
    ]);
    const b = extractSignals([
      'Their CFO joined the call.',
      'Budget is tight. They are also talking to Salesforce.',
      'Budget concerns came up. The team loved the demo.',
    ]);
    expect(a).toEqual({
      riskFactors: ['Competitor evaluated: Salesforce', 'Budget concerns'],
      positiveSignals: ['Decision maker engaged', 'Strong engagement'],
      competitor: 'Salesforce',
    });
    expect(b.riskFactors).toEqual(a.riskFactors);
    expect(b.positiveSignals).toEqual(a.positiveSignals);
  });

  it('picks the most mentioned competitor', () => {
    const r = extractSignals([
      'They got a quote from HubSpot.',
      'Also talking to Pipedrive.',
      'Pipedrive offered a discount.',
    ]);
    expect(r.competitor).toBe('Pipedrive');
    expect(r.riskFactors).toEqual([
      'Competitor evaluated: HubSpot',
      'Competitor evaluated: Pipedrive',
    ]);
  });

  it('lets a later ruling-out win over an earlier evaluation', () => {
    const r = extractSignals(['We are evaluating HubSpot.', 'We decided against HubSpot.']);
    expect(r.competitor).toBeUndefined();
    expect(r.positiveSignals).toContain('Competitor ruled out: HubSpot');
    expect(r.riskFactors).toEqual([]);
  });

  it('drops a risk that a later positive signal resolves', () => {
    const r = extractSignals(['The contract is with legal.', 'Legal has signed off.']);
    expect(r.riskFactors).not.toContain('Legal review pending');
    expect(r.positiveSignals).toContain('Legal approved');
  });

  it('keeps negation inside its clause', () => {
    const r = extractSignals(['No issues with the demo, but budget concerns remain.']);
    expect(r.riskFactors).toContain('Budget concerns');
  });

  it('returns empty results for empty input', () => {
    expect(extractSignals([])).toEqual({ riskFactors: [], positiveSignals: [] });
    expect(extractSignals(['', '   '])).toEqual({ riskFactors: [], positiveSignals: [] });
  });

  it('is deterministic', () => {
    const texts = SIGNAL_FIXTURES.map((f) => f.text);
    expect(extractSignals(texts)).toEqual(extractSignals(texts));
  });
});
