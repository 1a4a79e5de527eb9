import {
  AiChurnRiskResultSchema,
  AiDealProbabilityResultSchema,
  AiMessageAnalysisResultSchema,
  AiSentimentBodySchema,
  AiSentimentResultSchema,
} from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzRoute } from '../helpers/fuzz';
import { signedInTeams } from '../helpers/teams';
import { startFakeChatServer } from '../fakes/chat-completions';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testDatabaseKinds)('/api/ai on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  const day = 86_400_000;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
  });
  afterAll(() => t.close());

  it('sentiment: explains its answer and handles negation', async () => {
    const positive = await t.request('POST', '/api/ai/sentiment', {
      token: cast.tokens.sales,
      body: { text: 'We are thrilled, the team signed off!' },
    });
    expect(positive.status).toBe(200);
    const body = AiSentimentResultSchema.parse(positive.body);
    expect(body).toMatchObject({ sentiment: 'positive', source: 'local' });
    expect(body.factors.length).toBeGreaterThan(0);
    const negated = await t.request('POST', '/api/ai/sentiment', {
      token: cast.tokens.sales,
      body: { text: 'This is not good at all.' },
    });
    expect(negated.body.sentiment).toBe('negative');
  });

  it('message analysis: urgency, intent and action items from the text', async () => {
    const res = await t.request('POST', '/api/ai/message-analysis', {
      token: cast.tokens.sales,
      body: {
        content:
          'Our dashboard has been down since this morning and we need it fixed ASAP. Can you send an update by 3pm?',
        conversationHistory: [
          { senderType: 'contact', content: 'Hi, the dashboard is not loading.' },
        ],
      },
    });
    expect(res.status).toBe(200);
    const analysis = AiMessageAnalysisResultSchema.parse(res.body);
    expect(['high', 'critical']).toContain(analysis.urgencyLevel);
    expect(['support', 'complaint']).toContain(analysis.businessIntent);
    expect(analysis.actionItems.length).toBeGreaterThan(0);
  });

  it('deal probability: starts from the stage prior and moves with signals, explained', async () => {
    const now = Date.now();
    const base = { stage: 'proposal', activities: [] };
    const plain = AiDealProbabilityResultSchema.parse(
      (
        await t.request('POST', '/api/ai/deal-probability', {
          token: cast.tokens.sales,
          body: base,
        })
      ).body,
    );
    const risky = AiDealProbabilityResultSchema.parse(
      (
        await t.request('POST', '/api/ai/deal-probability', {
          token: cast.tokens.sales,
          body: {
            ...base,
            competitorMentioned: 'Salesforce',
            activities: [
              {
                type: 'call',
                date: new Date(now - 2 * day).toISOString(),
                description: 'They raised budget concerns and are also talking to Salesforce.',
              },
            ],
          },
        })
      ).body,
    );
    expect(risky.probability).toBeLessThan(plain.probability);
    expect(risky.riskFactors.length).toBeGreaterThan(0);
    expect(risky.probabilityReasoning.join(' ')).toMatch(/65/);
    const total = risky.factors.reduce((sum, f) => sum + f.impact, 0);
    expect(Math.round(total)).toBe(risky.probability);
  });

  it('churn risk: silence and negative sentiment raise it', async () => {
    const now = Date.now();
    const warm = await t.request('POST', '/api/ai/churn-risk', {
      token: cast.tokens.sales,
      body: {
        communicationHistory: [0, 5, 10, 20].map((d) => ({
          type: 'email',
          date: new Date(now - d * day).toISOString(),
          sentiment: 'positive',
        })),
        openDeals: 1,
      },
    });
    const cold = await t.request('POST', '/api/ai/churn-risk', {
      token: cast.tokens.sales,
      body: {
        communicationHistory: [60, 75, 90].map((d) => ({
          type: 'call',
          date: new Date(now - d * day).toISOString(),
          sentiment: 'negative',
        })),
      },
    });
    const [w, c] = [
      AiChurnRiskResultSchema.parse(warm.body),
      AiChurnRiskResultSchema.parse(cold.body),
    ];
    expect(c.churnRisk).toBeGreaterThan(w.churnRisk);
    expect(w.relationshipHealth).toBe(
      w.healthScore > 70 ? 'high' : w.healthScore > 40 ? 'medium' : 'low',
    );
  });

  it('demanding the LLM provider for a local-only capability answers AI_SERVICE_ERROR (503)', async () => {
    const res = await t.request('POST', '/api/ai/sentiment', {
      token: cast.tokens.sales,
      body: { text: 'Fine.', provider: 'llm' },
    });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('AI_SERVICE_ERROR');
  });

  it('requires authentication and validates input', async () => {
    expect((await t.request('POST', '/api/ai/sentiment', { body: { text: 'hi' } })).status).toBe(
      401,
    );
    await fuzzRoute(
      t,
      cast.tokens.sales2,
      'POST',
      '/api/ai/sentiment',
      { text: 'ok' },
      AiSentimentBodySchema,
    );
  });
});

describe('AI rate limit', () => {
  it('allows RATE_LIMIT_AI_PER_MIN calls per user per minute, then 429 with Retry-After', async () => {
    const t = await startTestApp('sqlite', { env: { RATE_LIMIT_AI_PER_MIN: '3' } });
    const cast = await signedInTeams(t);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (
          await t.request('POST', '/api/ai/sentiment', {
            token: cast.tokens.sales,
            body: { text: 'Good' },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await t.request('POST', '/api/ai/churn-risk', {
      token: cast.tokens.sales,
      body: { communicationHistory: [] },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other routes and other users are not affected.
    expect((await t.request('GET', '/api/auth/me', { token: cast.tokens.sales })).status).toBe(200);
    expect(
      (
        await t.request('POST', '/api/ai/sentiment', {
          token: cast.tokens.sales2,
          body: { text: 'Good' },
        })
      ).status,
    ).toBe(200);
    await t.close();
  });
});

describe.each(testDatabaseKinds)('/api/ai meeting preparation and scheduling on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let contactId: string;
  let eventId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    const contact = await t.request('POST', '/api/contacts', {
      token: cast.tokens.sales,
      body: {
        name: 'Maria Lopez',
        email: 'maria@lopez.test',
        company: 'Lopez Logistics',
        title: 'COO',
      },
    });
    contactId = contact.body.id;
    await t.request('POST', `/api/contacts/${contactId}/communication`, {
      token: cast.tokens.sales,
      body: {
        type: 'call',
        date: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        summary: 'Worried about onboarding time and asked about integrations with their ERP.',
      },
    });
    const start = new Date(Date.now() + 3 * 86_400_000);
    const event = await t.request('POST', '/api/calendar/events', {
      token: cast.tokens.sales,
      body: {
        title: 'Demo for Lopez',
        type: 'demo',
        startTime: start.toISOString(),
        endTime: new Date(start.getTime() + 3_600_000).toISOString(),
        contactId,
      },
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    eventId = event.body.id;
  });
  afterAll(() => t.close());

  it('prepares a stored event and a planned one from the contact history', async () => {
    const stored = await t.request('POST', '/api/ai/meeting-preparation', {
      token: cast.tokens.sales,
      body: { eventId },
    });
    expect(stored.status).toBe(200);
    expect(stored.body.source).toBe('local');
    expect(stored.body.recentInteractions.join(' ')).toMatch(/onboarding|integration/i);
    const planned = await t.request('POST', '/api/ai/meeting-preparation', {
      token: cast.tokens.sales,
      body: { type: 'call', contactId },
    });
    expect(planned.status).toBe(200);
    expect(planned.body.suggestedTalkingPoints.length).toBeGreaterThan(0);
  });

  it("does not prepare a colleague's event or contact", async () => {
    expect(
      (
        await t.request('POST', '/api/ai/meeting-preparation', {
          token: cast.tokens.sales2,
          body: { eventId },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.request('POST', '/api/ai/meeting-preparation', {
          token: cast.tokens.sales2,
          body: { type: 'call', contactId },
        })
      ).status,
    ).toBe(422);
  });

  it('suggests slots that avoid the existing demo', async () => {
    const res = await t.request('POST', '/api/ai/smart-scheduling', {
      token: cast.tokens.sales,
      body: { duration: 60, contactId },
    });
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('local');
    expect(res.body.suggestedTimes.length).toBeGreaterThan(0);
  });
});

describe('/api/ai with an LLM provider', () => {
  it('uses the provider for meeting talking points, falls back on failure, and 503s when the provider is demanded', async () => {
    const fake = await startFakeChatServer([
      {
        kind: 'text',
        text: '["Open with their ERP integration question", "Show the onboarding plan"]',
      },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
    ]);
    const t = await startTestApp('sqlite', {
      env: {
        AI_PROVIDER: 'openai',
        AI_BASE_URL: fake.url,
        AI_MODEL: 'fake-model',
        AI_TIMEOUT_MS: '2000',
      },
    });
    try {
      const cast = await signedInTeams(t);
      const contact = await t.request('POST', '/api/contacts', {
        token: cast.tokens.sales,
        body: { name: 'Ana', email: 'ana@x.test' },
      });
      const first = await t.request('POST', '/api/ai/meeting-preparation', {
        token: cast.tokens.sales,
        body: { type: 'demo', contactId: contact.body.id },
      });
      expect(first.body).toMatchObject({
        source: 'llm',
        suggestedTalkingPoints: [
          'Open with their ERP integration question',
          'Show the onboarding plan',
        ],
      });
      const fallback = await t.request('POST', '/api/ai/meeting-preparation', {
        token: cast.tokens.sales,
        body: { type: 'demo', contactId: contact.body.id },
      });
      expect(fallback.body.source).toBe('local');
      const demanded = await t.request('POST', '/api/ai/meeting-preparation', {
        token: cast.tokens.sales,
        body: { type: 'demo', contactId: contact.body.id, provider: 'llm' },
      });
      expect(demanded.status).toBe(503);
      expect(demanded.body.error.code).toBe('AI_SERVICE_ERROR');
      expect(fake.requests.length).toBe(3);
    } finally {
      await t.close();
      await fake.close();
    }
  });
});

describe.each(testDatabaseKinds)('/api/ai compose, query and insights on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let contactId: string;
  let conversationId: string;
  let dealId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    contactId = (
      await t.request('POST', '/api/contacts', {
        token: cast.tokens.sales,
        body: { name: 'Priya Shah', email: 'priya@globalfreight.test', company: 'Global Freight' },
      })
    ).body.id;
    conversationId = (
      await t.request('POST', '/api/conversations', {
        token: cast.tokens.sales,
        body: { contactId, type: 'email' },
      })
    ).body.id;
    await t.request('POST', `/api/conversations/${conversationId}/messages`, {
      token: cast.tokens.sales,
      body: {
        content: 'Hi Priya, following up on the proposal. Does the pricing work for your team?',
        type: 'email',
      },
    });
    const deal = await t.request('POST', '/api/deals', {
      token: cast.tokens.sales,
      body: {
        title: 'Global Freight rollout',
        contactId,
        value: 80_000,
        stage: 'proposal',
        expectedCloseDate: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    dealId = deal.body.id;
  });
  afterAll(() => t.close());

  it('smart compose answers from the conversation, locally without a provider', async () => {
    const res = await t.request('POST', '/api/ai/smart-compose', {
      token: cast.tokens.sales,
      body: { conversationId, draftContent: 'hey, any news?' },
    });
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('local');
    expect(res.body.suggestions.length).toBeGreaterThan(0);
    expect(res.body.toneAdjustments.current).toEqual(expect.any(String));
    const demanded = await t.request('POST', '/api/ai/smart-compose', {
      token: cast.tokens.sales,
      body: { conversationId, provider: 'llm' },
    });
    expect(demanded.status).toBe(503);
    expect(
      (
        await t.request('POST', '/api/ai/smart-compose', {
          token: cast.tokens.sales2,
          body: { conversationId },
        })
      ).status,
    ).toBe(404);
  });

  it('natural-language query → intent, filters and a route', async () => {
    const res = await t.request('POST', '/api/ai/query', {
      token: cast.tokens.sales,
      body: { query: 'deals closing this month over 50k' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ intent: 'find-deals', source: 'local' });
    expect(res.body.suggestedRoute).toMatch(/^\/deals\?.*minValue=50000/);
  });

  it('generates insights for a visible contact, deal and event — 404 otherwise', async () => {
    const contact = await t.request('POST', '/api/ai/generate-insights', {
      token: cast.tokens.sales,
      body: { entityType: 'contact', entityId: contactId },
    });
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({
      entityType: 'contact',
      entityId: contactId,
      source: 'local',
    });
    const deal = await t.request('POST', '/api/ai/generate-insights', {
      token: cast.tokens.manager,
      body: { entityType: 'deal', entityId: dealId },
    });
    expect(deal.status).toBe(200);
    expect(Array.isArray(deal.body.insights)).toBe(true);
    for (const entityType of ['contact', 'deal'] as const) {
      const entityId = entityType === 'contact' ? contactId : dealId;
      expect(
        (
          await t.request('POST', '/api/ai/generate-insights', {
            token: cast.tokens.sales2,
            body: { entityType, entityId },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await t.request('POST', '/api/ai/generate-insights', {
            token: cast.tokens.globexAdmin,
            body: { entityType, entityId },
          })
        ).status,
      ).toBe(404);
    }
  });
});
