import { AiSmartComposeResultSchema } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import { COMPOSE_INPUTS, COMPOSE_TEMPLATES } from './fixtures';
import { smartCompose } from './index';

const Schema = AiSmartComposeResultSchema.omit({ source: true });
const [pricing, complaint, waiting, coldDraft] = COMPOSE_INPUTS as [
  (typeof COMPOSE_INPUTS)[number],
  (typeof COMPOSE_INPUTS)[number],
  (typeof COMPOSE_INPUTS)[number],
  (typeof COMPOSE_INPUTS)[number],
];

describe('smartCompose', () => {
  it('returns the contract shape for every fixture', () => {
    for (const input of COMPOSE_INPUTS) {
      const result = smartCompose(input);
      expect(Schema.parse(result)).toEqual(result);
    }
  });

  it("answers the contact's request and proposes the stage's next step", () => {
    const r = smartCompose(pricing);
    expect(r.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(r.suggestions[0]).toMatch(/^Hi Maria,/);
    expect(r.suggestions[0]).toContain('pricing sheet for the enterprise plan by Friday');
    expect(r.suggestions.some((s) => /demo/.test(s) && s.includes('Northwind expansion'))).toBe(
      true,
    );
    expect(r.suggestions.every((s) => s.endsWith('Anna Lee') || s.endsWith('Anna'))).toBe(true);
  });

  it('acknowledges a complaint and detects the draft tone', () => {
    const r = smartCompose(complaint);
    expect(r.suggestions[0]).toMatch(/sorry/i);
    expect(r.suggestions[0]).toContain('Gmail sync');
    expect(r.toneAdjustments.current).toBe('urgent');
    expect(r.toneAdjustments.alternatives.map((a) => a.tone)).toEqual([
      'formal',
      'casual',
      'friendly',
    ]);
    const formal = r.toneAdjustments.alternatives.find((a) => a.tone === 'formal')?.preview ?? '';
    expect(formal).toMatch(/^Dear Maria,/);
    expect(formal).toMatch(/we are going to look into it as soon as possible\./i);
    expect(formal).not.toMatch(/gonna|!/);
    expect(r.templateSuggestions[0]?.id).toBe('tpl-support');
    expect(r.templateSuggestions[0]?.content).toContain('Hi Maria,');
    expect(r.templateSuggestions[0]?.content).toContain('Anna Lee');
  });

  it('nudges when we are waiting on them, in the requested tone', () => {
    const r = smartCompose(waiting);
    expect(r.suggestions[0]).toMatch(/^Dear Maria,/);
    expect(r.suggestions[0]).toMatch(/follow up on my last message/);
    expect(
      r.suggestions.some((s) => s.includes('review the proposal for Northwind expansion')),
    ).toBe(true);
    expect(r.toneAdjustments.current).toBe('formal');
    expect(r.templateSuggestions[0]?.id).toBe('tpl-follow');
    expect(r.templateSuggestions[0]?.content).toContain('proposal for Northwind expansion');
  });

  it('rewrites a formal draft in the other tones', () => {
    const r = smartCompose(coldDraft);
    expect(r.toneAdjustments.current).toBe('formal');
    const casual = r.toneAdjustments.alternatives.find((a) => a.tone === 'casual')?.preview ?? '';
    expect(casual).toMatch(/^Hey Tom,/);
    expect(casual).toContain('about your interest');
    expect(casual).not.toContain('Kind regards');
    const urgent = r.toneAdjustments.alternatives.find((a) => a.tone === 'urgent')?.preview ?? '';
    expect(urgent).toContain('as soon as possible');
    expect(r.templateSuggestions.map((t) => t.id)).toContain('tpl-intro');
    const intro = r.templateSuggestions.find((t) => t.id === 'tpl-intro');
    expect(intro?.content).toContain('{{company}}');
    expect(intro?.variables).toEqual(['company']);
  });

  it('works without messages, deal, draft or templates', () => {
    const r = smartCompose({
      conversation: { messages: [] },
      contact: { name: 'Sam' },
      user: { name: 'Anna Lee' },
      templates: [],
    });
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(r.templateSuggestions).toEqual([]);
    expect(r.toneAdjustments.current).toBe('friendly');
  });

  it('is deterministic and does not mutate its input', () => {
    const before = JSON.stringify(COMPOSE_INPUTS);
    for (const input of COMPOSE_INPUTS) expect(smartCompose(input)).toEqual(smartCompose(input));
    expect(JSON.stringify(COMPOSE_INPUTS)).toBe(before);
    expect(COMPOSE_TEMPLATES[0]?.content).toContain('{{firstName}}');
  });
});
