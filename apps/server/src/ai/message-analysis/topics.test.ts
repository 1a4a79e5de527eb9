import { describe, expect, it } from 'vitest';
import { extractTopics } from './topics';

describe('extractTopics', () => {
  it('finds noun phrases, not verbs or filler', () => {
    const topics = extractTopics(
      'Hi Sarah, can you send the pricing sheet for the enterprise plan? Our procurement team needs it by Friday.',
    );
    expect(topics).toContain('pricing sheet');
    expect(topics).toContain('enterprise plan');
    expect(topics).toContain('procurement team');
    expect(topics).not.toContain('Sarah');
    expect(topics.join(' ')).not.toMatch(/\b(?:send|can|friday|needs)\b/i);
  });

  it('ranks repeated and business phrases first', () => {
    const topics = extractTopics(
      'The Gmail integration keeps failing. We rely on the Gmail integration for logging, and the weather is nice.',
    );
    expect(topics[0]).toBe('Gmail integration');
  });

  it('keeps acronyms and product names in their casing', () => {
    const topics = extractTopics('Do you support SSO with Okta? Our IT team asked about SAML.');
    expect(topics).toEqual(expect.arrayContaining(['SSO', 'Okta', 'SAML']));
  });

  it('drops the sign-off and signature', () => {
    const topics = extractTopics(
      'Could you share the renewal quote?\n\nBest regards,\nJonathan Miller',
    );
    expect(topics).toEqual(['renewal quote']);
  });

  it('returns at most five topics and nothing for empty text', () => {
    const long =
      'Pricing, contracts, invoices, onboarding, integrations, reporting, dashboards, security and training all came up.';
    expect(extractTopics(long).length).toBeLessThanOrEqual(5);
    expect(extractTopics('')).toEqual([]);
    expect(extractTopics('Thanks!')).toEqual([]);
  });
});
