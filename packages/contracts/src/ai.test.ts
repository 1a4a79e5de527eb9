import { describe, expect, it } from 'vitest';
import {
  AiDealProbabilityBodySchema,
  AiDealProbabilityResultSchema,
  AiGenerateInsightsResultSchema,
  AiMeetingPreparationBodySchema,
  AiSentimentBodySchema,
  AiSentimentResultSchema,
} from './ai';

const sentiment = () => ({
  sentiment: 'negative',
  confidence: 78,
  emotionalTone: 'frustrated',
  score: -45,
  factors: [{ name: 'negation', impact: -30, description: '"not happy" reads as negative' }],
  source: 'local',
});

describe('AI sentiment', () => {
  it('takes text and optional context, nothing else', () => {
    expect(AiSentimentBodySchema.safeParse({ text: 'Not happy with the delay' }).success).toBe(
      true,
    );
    expect(AiSentimentBodySchema.safeParse({ text: '' }).success).toBe(false);
    expect(AiSentimentBodySchema.safeParse({ text: 'ok', language: 'en' }).success).toBe(false);
  });

  it('answers with factors and the engine that answered', () => {
    expect(AiSentimentResultSchema.safeParse(sentiment()).success).toBe(true);
    const { factors: _factors, ...unexplained } = sentiment();
    expect(AiSentimentResultSchema.safeParse(unexplained).success).toBe(false);
    expect(AiSentimentResultSchema.safeParse({ ...sentiment(), source: 'gpt' }).success).toBe(
      false,
    );
    expect(AiSentimentResultSchema.safeParse({ ...sentiment(), confidence: 120 }).success).toBe(
      false,
    );
    expect(AiSentimentResultSchema.safeParse({ ...sentiment(), score: -101 }).success).toBe(false);
  });
});

describe('AI deal probability', () => {
  it('reads the stage and activities and answers an explained probability', () => {
    const body = {
      stage: 'negotiation',
      activities: [
        { type: 'call', date: '2025-03-05T10:00:00Z', description: 'Legal review started' },
      ],
      competitorMentioned: 'Acme',
    };
    expect(AiDealProbabilityBodySchema.safeParse(body).success).toBe(true);
    expect(AiDealProbabilityBodySchema.safeParse({ ...body, stage: 'won' }).success).toBe(false);

    const result = {
      probability: 70,
      confidence: 'medium',
      probabilityReasoning: ['negotiation base rate 85', 'competitor mentioned −10'],
      riskFactors: ['legal review'],
      positiveSignals: [],
      factors: [{ name: 'competitor', impact: -10, description: 'Acme named on the call' }],
      source: 'local',
    };
    expect(AiDealProbabilityResultSchema.safeParse(result).success).toBe(true);
    expect(AiDealProbabilityResultSchema.safeParse({ ...result, probability: 101 }).success).toBe(
      false,
    );
  });
});

describe('AI meeting preparation', () => {
  it('needs a stored event or the type of the one being planned', () => {
    expect(AiMeetingPreparationBodySchema.safeParse({ eventId: 'e1' }).success).toBe(true);
    expect(AiMeetingPreparationBodySchema.safeParse({ type: 'demo', dealId: 'd1' }).success).toBe(
      true,
    );
    const neither = AiMeetingPreparationBodySchema.safeParse({ contactId: 'c1' });
    expect(neither.error?.issues[0]?.path).toEqual(['type']);
  });
});

describe('AI generate insights', () => {
  it('tags insights by entity so each keeps its own shape', () => {
    const competitorInsight = {
      id: 'i1',
      type: 'competitor',
      title: 'Acme is in the deal',
      description: 'Named twice this week',
      impact: 'high',
      actionable: true,
      confidence: 70,
      date: '2025-03-05T10:00:00Z',
    };
    const deal = {
      entityType: 'deal',
      entityId: 'd1',
      insights: [competitorInsight],
      source: 'llm',
    };
    expect(AiGenerateInsightsResultSchema.safeParse(deal).success).toBe(true);
    // 'competitor' is a deal insight type, not a contact one.
    expect(
      AiGenerateInsightsResultSchema.safeParse({ ...deal, entityType: 'contact' }).success,
    ).toBe(false);
  });
});
