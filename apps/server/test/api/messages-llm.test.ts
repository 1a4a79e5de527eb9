import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeChatServer, type FakeChatServer } from '../fakes/chat-completions';
import { testDatabaseKinds } from '../helpers/databases';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { eventually, getConversation, newConversation, sendMessage } from './conversations-helpers';

const SUMMARY = 'The customer wants a pilot; the rep promised the agreement by Friday.';
const SUGGESTIONS = ['Happy to help with the pilot.', 'The agreement is on its way.'];

/** Which prompt a request carries, read from its system message. */
function systemOf(body: Record<string, unknown> | undefined): string {
  const messages = (body?.messages ?? []) as { role: string; content: string }[];
  return messages.find((m) => m.role === 'system')?.content ?? '';
}

describe.each(testDatabaseKinds)('conversations with an LLM provider on %s', (kind) => {
  let t: TestApp;
  let llm: FakeChatServer;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let failing = false;

  beforeAll(async () => {
    llm = await startFakeChatServer((request) => {
      if (failing) return { kind: 'status', status: 500 };
      return systemOf(request.body).includes('summarize')
        ? { kind: 'text', text: SUMMARY }
        : { kind: 'text', text: JSON.stringify(SUGGESTIONS) };
    });
    t = await startTestApp(kind, {
      env: { AI_PROVIDER: 'openai', AI_BASE_URL: llm.url, AI_MODEL: 'fake', AI_API_KEY: 'k' },
    });
    cast = await signedInTeams(t);
  });
  afterAll(async () => {
    await t.close();
    await llm.close();
  });

  it("replaces the local summary with the provider's after commit and announces it", async () => {
    failing = false;
    const conversation = await newConversation(t, cast.tokens.sales);
    await sendMessage(
      t,
      cast.tokens.sales,
      conversation.id,
      'I will send the agreement by Friday.',
    );
    const after = await eventually(
      () => getConversation(t, cast.tokens.sales, conversation.id),
      (c) => c.aiSummary === SUMMARY,
    );
    expect(after.aiSummary).toBe(SUMMARY);
    const events = await outboxEvents(t, 'conversation:updated');
    expect(events.at(-1)!.data).toEqual({ id: conversation.id, changes: { aiSummary: SUMMARY } });
    const prompt = llm.requests.find((r) => systemOf(r.body).includes('summarize'))!;
    expect(JSON.stringify(prompt.body)).toContain('agreement by Friday');
  });

  it('smart compose takes the suggestions from the provider and keeps tone and templates', async () => {
    failing = false;
    const conversation = await newConversation(t, cast.tokens.sales);
    await sendMessage(t, cast.tokens.sales, conversation.id, 'Checking in on the pilot.');
    const res = await t.request('POST', '/api/messages/smart-compose', {
      token: cast.tokens.sales,
      body: { conversationId: conversation.id, draftContent: 'Hi there', tone: 'friendly' },
    });
    expect(res.status).toBe(200);
    expect(res.body.suggestions).toEqual(SUGGESTIONS);
    expect(res.body.toneAdjustments.alternatives.length).toBeGreaterThan(0);
  });

  it('falls back to the local engine when the provider fails', async () => {
    failing = true;
    const conversation = await newConversation(t, cast.tokens.sales);
    const before = llm.requests.length;
    await sendMessage(t, cast.tokens.sales, conversation.id, 'Could you send the pricing sheet?');
    const res = await t.request('POST', '/api/messages/smart-compose', {
      token: cast.tokens.sales,
      body: { conversationId: conversation.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.suggestions.length).toBeGreaterThan(0);
    expect(res.body.suggestions).not.toEqual(SUGGESTIONS);
    // The summary call was attempted, failed, and the local summary stayed.
    await eventually(
      async () => llm.requests.length,
      (n) => n >= before + 2,
    );
    const detail = await getConversation(t, cast.tokens.sales, conversation.id);
    expect(detail.aiSummary).not.toBe(SUMMARY);
    expect(detail.aiSummary).toMatch(/1 message/);
  });
});
