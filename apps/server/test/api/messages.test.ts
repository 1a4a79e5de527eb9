import {
  CreateTemplateBodySchema,
  MessageAnalysisSchema,
  SmartComposeBodySchema,
  SmartComposeSchema,
  UpdateTemplateBodySchema,
} from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids';
import { largestRemainder } from '../../src/modules/conversations/message-ops';
import { statusesBefore } from '../../src/modules/conversations/status';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzQuery, fuzzRoute } from '../helpers/fuzz';
import { signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { expectVisibilityMatrix } from '../helpers/visibility';
import {
  createApiKey,
  inbound,
  newContact,
  newConversation,
  sendMessage,
  startConversation,
} from './conversations-helpers';

describe('message status and percentages (pure rules)', () => {
  it('moves status forward only: sent → delivered → read → replied', () => {
    expect(statusesBefore('delivered')).toEqual(['sent']);
    expect(statusesBefore('read')).toEqual(['sent', 'delivered']);
    expect(statusesBefore('replied')).toEqual(['sent', 'delivered', 'read']);
    expect(statusesBefore('sent')).toEqual([]);
  });

  it('rounds percentages by largest remainder so they sum to exactly 100', () => {
    expect(largestRemainder({ positive: 1, neutral: 1, negative: 1 })).toEqual({
      positive: 34,
      neutral: 33,
      negative: 33,
    });
    expect(largestRemainder({ positive: 2, neutral: 1, negative: 4 })).toEqual({
      positive: 29,
      neutral: 14,
      negative: 57,
    });
    expect(largestRemainder({ positive: 0, neutral: 0, negative: 0 })).toEqual({
      positive: 0,
      neutral: 0,
      negative: 0,
    });
    for (let a = 0; a < 8; a++) {
      for (let b = 0; b < 8; b++) {
        const r = largestRemainder({ positive: a, neutral: b, negative: 7 });
        expect(r.positive + r.neutral + r.negative).toBe(100);
      }
    }
  });
});

describe.each(testDatabaseKinds)('messages on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    key = (await createApiKey(t, cast.tokens.admin)).key;
  });
  afterAll(() => t.close());

  /** A conversation of `sales` with the contact's first message already in. */
  const conversationWithInbound = async (content: string) => {
    const contact = await newContact(t, cast.tokens.sales);
    const conversation = await startConversation(t, cast.tokens.sales, contact.id);
    const res = await inbound(t, key, { from: contact.email, type: 'email', content });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { conversation, contact, message: res.body as { id: string; timestamp: string } };
  };

  it('GET /messages/:id/ai-analysis returns the stored analysis of a visible message', async () => {
    const { message } = await conversationWithInbound(
      'This is unacceptable. Our invoices are wrong again — can you fix them by Friday?',
    );
    const res = await t.request('GET', `/api/messages/${message.id}/ai-analysis`, {
      token: cast.tokens.sales,
    });
    expect(res.status).toBe(200);
    const analysis = MessageAnalysisSchema.parse(res.body);
    expect(['high', 'critical']).toContain(analysis.urgencyLevel);
    expect(analysis.businessIntent).toBe('complaint');
    expect(analysis.actionItems.some((a) => a.kind === 'request' && a.dueDate)).toBe(true);
    expect(analysis.responseTime).toBeGreaterThan(0);
    expect(analysis.suggestedResponse.length).toBeGreaterThan(10);
    const missing = await t.request('GET', `/api/messages/${newId()}/ai-analysis`, {
      token: cast.tokens.sales,
    });
    expect(missing.status).toBe(404);
  });

  it('analyses a message stored without an analysis (older rows) on the fly', async () => {
    const conversation = await newConversation(t, cast.tokens.sales);
    const sent = await sendMessage(
      t,
      cast.tokens.sales,
      conversation.id,
      'Could you send the W-9?',
    );
    await t.db.handle.db.deleteFrom('message_analysis').where('message_id', '=', sent.id).execute();
    const res = await t.request('GET', `/api/messages/${sent.id}/ai-analysis`, {
      token: cast.tokens.sales,
    });
    expect(res.status).toBe(200);
    expect(res.body.actionItems.length).toBeGreaterThan(0);
  });

  it('smart compose uses the conversation, contact, open deal and templates', async () => {
    const { conversation, contact } = await conversationWithInbound(
      'Could we schedule a call next week to review the proposal pricing?',
    );
    // The contact's open deal (written directly: this suite tests conversations, not deals);
    // a more recent closed deal must not be the one used.
    const now = Date.now();
    for (const [title, stage, at] of [
      ['Initech Platform Rollout', 'proposal', now - 86_400_000],
      ['Old Lost Deal', 'closed-lost', now],
    ] as const) {
      await t.db.handle.db
        .insertInto('deals')
        .values({
          id: newId(),
          organization_id: cast.acme.organizationId,
          owner_id: cast.acme.sales.id,
          title,
          contact_id: contact.id,
          stage,
          expected_close_date: null,
          closed_date: null,
          last_activity: new Date(at).toISOString(),
          stage_changed_at: new Date(at).toISOString(),
          competitor_mentioned: null,
          created_at: new Date(at).toISOString(),
          updated_at: new Date(at).toISOString(),
          deleted_at: null,
        })
        .execute();
    }
    await t.request('POST', '/api/messages/templates', {
      token: cast.tokens.sales,
      body: {
        name: 'Proposal pricing call',
        category: 'meeting',
        content:
          'Hi {{firstName}}, happy to walk {{company}} through the {{dealTitle}} proposal pricing on a call.',
      },
    });
    const res = await t.request('POST', '/api/messages/smart-compose', {
      token: cast.tokens.sales,
      body: { conversationId: conversation.id, draftContent: 'hey, sure thing', tone: 'formal' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const compose = SmartComposeSchema.parse(res.body);
    expect(compose.suggestions.length).toBeGreaterThan(0);
    expect(compose.toneAdjustments.alternatives.length).toBeGreaterThan(0);
    expect(compose.toneAdjustments.alternatives.map((a) => a.tone)).not.toContain(
      compose.toneAdjustments.current,
    );
    const filled = compose.templateSuggestions.find((s) => s.name === 'Proposal pricing call');
    expect(filled?.content).toContain('walk Initech through the Initech Platform Rollout proposal');
    expect(filled?.variables).toEqual([]);

    const invisible = await t.request('POST', '/api/messages/smart-compose', {
      token: cast.tokens.sales2,
      body: { conversationId: conversation.id },
    });
    expect(invisible.status).toBe(404);
  });

  it('enforces the visibility matrix on message analysis', async () => {
    await expectVisibilityMatrix(
      t,
      cast.matrix,
      [{ method: 'GET', path: (id) => `/api/messages/${id}/ai-analysis` }],
      async () => (await conversationWithInbound('Can you send the contract?')).message.id,
      async (id) =>
        (await t.request('GET', `/api/messages/${id}/ai-analysis`, { token: cast.tokens.sales }))
          .body,
    );
  });

  it('answers malformed bodies and query strings with a 4xx in the error shape, never a 5xx', async () => {
    const conversation = await newConversation(t, cast.tokens.sales);
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'POST',
      '/api/messages/smart-compose',
      { conversationId: conversation.id, draftContent: 'hello', tone: 'casual' },
      SmartComposeBodySchema,
    );
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'POST',
      '/api/messages/templates',
      { name: 'Fuzz', category: 'other', content: 'Hi {{firstName}}' },
      CreateTemplateBodySchema,
    );
    const template = await t.request('POST', '/api/messages/templates', {
      token: cast.tokens.sales,
      body: { name: 'Target', category: 'other', content: 'x' },
    });
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'PUT',
      `/api/messages/templates/${template.body.id}`,
      { name: 'Renamed', content: 'y' },
      UpdateTemplateBodySchema,
    );
    await fuzzQuery(t, cast.tokens.sales, '/api/messages/templates', ['category', 'other']);
    for (const path of ['/api/messages/stats', '/api/messages/sentiment-overview']) {
      await fuzzQuery(t, cast.tokens.sales, path, ['other']);
    }
  });
});
