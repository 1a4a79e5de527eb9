import {
  AddConversationTagBodySchema,
  ArchiveConversationBodySchema,
  ConversationListResponseSchema,
  ConversationPriorityBodySchema,
  SendMessageBodySchema,
  StartConversationBodySchema,
} from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzQuery, fuzzRoute } from '../helpers/fuzz';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { expectVisibilityMatrix } from '../helpers/visibility';
import {
  getConversation,
  newContact,
  newConversation,
  sendMessage,
  startConversation,
} from './conversations-helpers';

describe.each(testDatabaseKinds)('conversations on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
  });
  afterAll(() => t.close());

  const list = async (token: string, query = '') => {
    const res = await t.request('GET', `/api/conversations?limit=100${query}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return ConversationListResponseSchema.parse(res.body);
  };

  it('starts a conversation, announces it, and returns the open one on a second start', async () => {
    const contact = await newContact(t, cast.tokens.sales, { name: 'Ada Starter' });
    const res = await t.request('POST', '/api/conversations', {
      token: cast.tokens.sales,
      body: { contactId: contact.id, type: 'email', subject: 'Kickoff' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      contactId: contact.id,
      contactName: 'Ada Starter',
      contactCompany: 'Initech',
      ownerId: cast.acme.sales.id,
      subject: 'Kickoff',
      type: 'email',
      unreadCount: 0,
      archived: false,
      priority: 'medium',
      messages: [],
      tags: [],
    });
    expect(res.body.aiSummary).toContain('Ada Starter');
    const announced = (await outboxEvents(t, 'conversation:updated')).at(-1)!;
    expect(announced.data).toMatchObject({ id: res.body.id, changes: { contactId: contact.id } });

    const again = await t.request('POST', '/api/conversations', {
      token: cast.tokens.sales,
      body: { contactId: contact.id, type: 'email' },
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    const sms = await startConversation(t, cast.tokens.sales, contact.id, { type: 'sms' });
    expect(sms.id).not.toBe(res.body.id);

    // Archived conversations are not reused.
    await t.request('PATCH', `/api/conversations/${res.body.id}/archive`, {
      token: cast.tokens.sales,
      body: { archived: true },
    });
    const fresh = await startConversation(t, cast.tokens.sales, contact.id);
    expect(fresh.id).not.toBe(res.body.id);
  });

  it('refuses a contact the caller cannot see with 422; a manager starts one owned by the rep', async () => {
    const theirs = await newContact(t, cast.tokens.sales2);
    for (const [token, contactId] of [
      [cast.tokens.sales, theirs.id],
      [cast.tokens.globexAdmin, theirs.id],
      [cast.tokens.sales, 'no-such-contact'],
    ] as const) {
      const res = await t.request('POST', '/api/conversations', {
        token,
        body: { contactId, type: 'chat' },
      });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.details.fields)).toEqual(['contactId']);
    }
    const byManager = await startConversation(t, cast.tokens.manager, theirs.id);
    expect(byManager.ownerId).toBe(cast.acme.sales2.id);
    expect((await getConversation(t, cast.tokens.sales2, byManager.id)).id).toBe(byManager.id);
  });

  it('sends a message with AI sentiment and analysis; the conversation and events follow', async () => {
    const conversation = await newConversation(t, cast.tokens.sales, { subject: 'Pilot' });
    const res = await t.request('POST', `/api/conversations/${conversation.id}/messages`, {
      token: cast.tokens.sales,
      body: {
        content:
          'Thanks so much, the team loved the demo! I will send the pilot agreement by Friday.',
        type: 'email',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      conversationId: conversation.id,
      senderId: cast.acme.sales.id,
      senderType: 'user',
      type: 'email',
      subject: 'Pilot',
      status: 'sent',
      sentiment: 'positive',
    });
    expect(res.body.confidence).toBeGreaterThan(0);
    expect(res.body.aiAnalysis.actionItems).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'commitment' })]),
    );
    expect(res.body.senderName).toBe(cast.acme.sales.name);

    const after = await getConversation(t, cast.tokens.sales, conversation.id);
    expect(after.messages.map((m) => m.id)).toEqual([res.body.id]);
    expect(after.lastMessage).toBe(res.body.timestamp);
    expect(after.aiSummary).toMatch(/1 message/);
    expect(after.aiSummary).toMatch(/promised/);

    const received = (await outboxEvents(t, 'message:received')).at(-1)!;
    expect(received.data).toMatchObject({
      conversationId: conversation.id,
      message: { id: res.body.id },
    });
    expect(received.owner_id).toBe(cast.acme.sales.id);
    const updated = (await outboxEvents(t, 'conversation:updated')).at(-1)!;
    expect(updated.data).toMatchObject({
      id: conversation.id,
      changes: { lastMessage: res.body.timestamp, aiSummary: after.aiSummary },
    });
  });

  it('keeps messages oldest first and refuses empty content and unknown fields with 422', async () => {
    const conversation = await newConversation(t, cast.tokens.sales);
    const first = await sendMessage(t, cast.tokens.sales, conversation.id, 'First note.');
    const second = await sendMessage(t, cast.tokens.sales, conversation.id, 'Second note.', {
      type: 'chat',
    });
    const detail = await getConversation(t, cast.tokens.sales, conversation.id);
    expect(detail.messages.map((m) => m.id)).toEqual([first.id, second.id]);
    for (const body of [
      { content: '', type: 'email' },
      { content: '   \n ', type: 'email' },
      { content: 'x', type: 'fax' },
      { content: 'x', type: 'email', senderId: cast.acme.sales2.id },
    ]) {
      const res = await t.request('POST', `/api/conversations/${conversation.id}/messages`, {
        token: cast.tokens.sales,
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await getConversation(t, cast.tokens.sales, conversation.id)).messages).toHaveLength(2);
  });

  it('sets priority, archive and tags, each announced with conversation:updated', async () => {
    const conversation = await newConversation(t, cast.tokens.sales);
    const priority = await t.request('PATCH', `/api/conversations/${conversation.id}/priority`, {
      token: cast.tokens.sales,
      body: { priority: 'high' },
    });
    expect(priority.status).toBe(200);
    expect(priority.body.priority).toBe('high');
    expect((await outboxEvents(t, 'conversation:updated')).at(-1)!.data).toEqual({
      id: conversation.id,
      changes: { priority: 'high' },
    });
    const archive = await t.request('PATCH', `/api/conversations/${conversation.id}/archive`, {
      token: cast.tokens.sales,
      body: { archived: true },
    });
    expect(archive.body.archived).toBe(true);
    const unarchive = await t.request('PATCH', `/api/conversations/${conversation.id}/archive`, {
      token: cast.tokens.sales,
      body: { archived: false },
    });
    expect(unarchive.body.archived).toBe(false);
    for (const tag of ['Renewal', 'Renewal', 'VIP']) {
      const res = await t.request('POST', `/api/conversations/${conversation.id}/tags`, {
        token: cast.tokens.sales,
        body: { tag },
      });
      expect(res.status).toBe(200);
    }
    expect((await getConversation(t, cast.tokens.sales, conversation.id)).tags).toEqual([
      'Renewal',
      'VIP',
    ]);
    expect((await outboxEvents(t, 'conversation:updated')).at(-1)!.data).toEqual({
      id: conversation.id,
      changes: { tags: ['Renewal', 'VIP'] },
    });
    const invalid = await t.request('PATCH', `/api/conversations/${conversation.id}/priority`, {
      token: cast.tokens.sales,
      body: { priority: 'urgent' },
    });
    expect(invalid.status).toBe(422);
  });

  it("hides a soft-deleted contact's conversations everywhere", async () => {
    const contact = await newContact(t, cast.tokens.sales, { name: 'Gone Contact' });
    const conversation = await startConversation(t, cast.tokens.sales, contact.id);
    await t.request('DELETE', `/api/contacts/${contact.id}`, { token: cast.tokens.sales });
    expect(
      (
        await t.request('GET', `/api/conversations/${conversation.id}`, {
          token: cast.tokens.sales,
        })
      ).status,
    ).toBe(404);
    expect((await list(cast.tokens.sales, '&search=gone%20contact')).data).toEqual([]);
  });

  it('enforces the visibility matrix on every route that takes an id', async () => {
    await expectVisibilityMatrix(
      t,
      cast.matrix,
      [
        { method: 'GET', path: (id) => `/api/conversations/${id}` },
        { method: 'POST', path: (id) => `/api/conversations/${id}/read` },
        {
          method: 'POST',
          path: (id) => `/api/conversations/${id}/messages`,
          body: { content: 'Sneaky', type: 'chat' },
        },
        {
          method: 'PATCH',
          path: (id) => `/api/conversations/${id}/priority`,
          body: { priority: 'high' },
        },
        {
          method: 'PATCH',
          path: (id) => `/api/conversations/${id}/archive`,
          body: { archived: true },
        },
        { method: 'POST', path: (id) => `/api/conversations/${id}/tags`, body: { tag: 'Hijack' } },
      ],
      async () => (await newConversation(t, cast.tokens.sales)).id,
      async (id) => getConversation(t, cast.tokens.sales, id),
    );
  });

  it('answers malformed bodies and query strings with a 4xx in the error shape, never a 5xx', async () => {
    const contact = await newContact(t, cast.tokens.sales);
    const conversation = await startConversation(t, cast.tokens.sales, contact.id);
    const id = conversation.id;
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'POST',
      '/api/conversations',
      { contactId: contact.id, type: 'email', subject: 'Fuzz' },
      StartConversationBodySchema,
    );
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'POST',
      `/api/conversations/${id}/messages`,
      { content: 'Fuzzy hello', type: 'chat', subject: 'F' },
      SendMessageBodySchema,
    );
    for (const [path, valid, schema] of [
      ['priority', { priority: 'low' }, ConversationPriorityBodySchema],
      ['archive', { archived: false }, ArchiveConversationBodySchema],
    ] as const) {
      await fuzzRoute(
        t,
        cast.tokens.sales,
        'PATCH',
        `/api/conversations/${id}/${path}`,
        valid,
        schema,
      );
    }
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'POST',
      `/api/conversations/${id}/tags`,
      { tag: 'Fuzz' },
      AddConversationTagBodySchema,
    );
    await fuzzQuery(t, cast.tokens.sales, '/api/conversations', [
      'page',
      'limit',
      'sort',
      'filter',
      'search',
      'other',
    ]);
    expect((await getConversation(t, cast.tokens.sales, id)).id).toBe(id);
  });
});
