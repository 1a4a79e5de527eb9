import { ConversationListResponseSchema, ConversationSummarySchema } from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import {
  createApiKey,
  getConversation,
  inbound,
  newContact,
  newConversation,
  sendMessage,
  startConversation,
} from './conversations-helpers';

describe.each(testDatabaseKinds)('conversation inbox on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    key = (await createApiKey(t, cast.tokens.admin)).key;
  });
  afterAll(() => t.close());

  const list = async (token: string, query = '') => {
    const res = await t.request('GET', `/api/conversations?limit=100${query}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return ConversationListResponseSchema.parse(res.body);
  };

  it('lists newest activity first with paging, filters and search — only visible records', async () => {
    await newConversation(t, cast.tokens.sales);
    const older = await newConversation(t, cast.tokens.sales2, { subject: 'Quarterly review' });
    const contact = await newContact(t, cast.tokens.sales2, {
      name: 'Zora Searchable',
      company: 'Hyrule Corp',
    });
    const newer = await startConversation(t, cast.tokens.sales2, contact.id);
    await sendMessage(t, cast.tokens.sales2, newer.id, 'Sending the zeppelin brochure now.');

    const mine = await list(cast.tokens.sales2);
    expect(mine.data.every((c) => c.ownerId === cast.acme.sales2.id)).toBe(true);
    const times = mine.data.map((c) => c.lastMessage);
    expect(times).toEqual([...times].sort().reverse());
    expect(mine.data[0]!.id).toBe(newer.id);

    const page = await t.request('GET', '/api/conversations?limit=1&page=2', {
      token: cast.tokens.sales2,
    });
    expect(page.body.meta).toEqual({ total: mine.meta.total, page: 2, limit: 1 });
    expect(page.body.data[0].id).toBe(mine.data[1]!.id);

    for (const [q, id] of [
      ['zora', newer.id],
      ['HYRULE', newer.id],
      ['zeppelin', newer.id],
      ['quarterly', older.id],
    ] as const) {
      const found = await list(cast.tokens.sales2, `&search=${q}`);
      expect(
        found.data.map((c) => c.id),
        q,
      ).toEqual([id]);
    }
    expect((await list(cast.tokens.sales, '&search=zora')).data).toEqual([]);
    expect((await list(cast.tokens.sales2, '&search=%25')).data).toEqual([]);
    expect((await list(cast.tokens.manager)).meta.total).toBeGreaterThan(mine.meta.total);
    expect((await list(cast.tokens.globexAdmin)).meta.total).toBe(0);

    const byName = await list(cast.tokens.manager, '&sort=contactName');
    const names = byName.data.map((c) => c.contactName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('filters: all hides archived, archived shows only them; unread, high-priority, follow-up', async () => {
    const contact = await newContact(t, cast.tokens.sales, { email: 'filters@client.test' });
    const conversation = await startConversation(t, cast.tokens.sales, contact.id);
    const archived = await newConversation(t, cast.tokens.sales);
    await t.request('PATCH', `/api/conversations/${archived.id}/archive`, {
      token: cast.tokens.sales,
      body: { archived: true },
    });
    const ids = async (filter: string) =>
      (await list(cast.tokens.sales, `&filter=${filter}`)).data.map((c) => c.id);
    expect(await ids('all')).not.toContain(archived.id);
    expect(await ids('archived')).toContain(archived.id);
    expect(await ids('archived')).not.toContain(conversation.id);
    expect(await ids('unread')).not.toContain(conversation.id);

    const res = await inbound(t, key, {
      from: 'filters@client.test',
      type: 'email',
      content: 'Our dashboard is down and nobody can log in. We need this fixed ASAP!',
    });
    expect(res.status).toBe(201);
    expect(await ids('unread')).toContain(conversation.id);
    expect(await ids('follow-up')).toContain(conversation.id);
    expect(await ids('high-priority')).toContain(conversation.id);
    const unread = await list(cast.tokens.sales, '&filter=unread');
    expect(unread.data.every((c) => c.unreadCount > 0 && !c.archived)).toBe(true);

    await sendMessage(t, cast.tokens.sales, conversation.id, 'On it, our engineers are looking.');
    expect(await ids('follow-up')).not.toContain(conversation.id);
    await t.request('PATCH', `/api/conversations/${conversation.id}/priority`, {
      token: cast.tokens.sales,
      body: { priority: 'low' },
    });
    expect(await ids('high-priority')).not.toContain(conversation.id);
  });

  it('read: unread count to 0, contact messages read, events only when something changed', async () => {
    const contact = await newContact(t, cast.tokens.sales, { email: 'reader@client.test' });
    const conversation = await startConversation(t, cast.tokens.sales, contact.id);
    for (const content of ['Hello there.', 'Any update on the quote?']) {
      expect(
        (await inbound(t, key, { from: 'reader@client.test', type: 'email', content })).status,
      ).toBe(201);
    }
    const before = await getConversation(t, cast.tokens.sales, conversation.id);
    expect(before.unreadCount).toBe(2);
    expect(before.messages.map((m) => m.status)).toEqual(['delivered', 'delivered']);
    const counts = (await outboxEvents(t, 'conversation:unread_count'))
      .filter((e) => e.data.conversationId === conversation.id)
      .map((e) => e.data.count);
    expect(counts).toEqual([1, 2]);

    const res = await t.request('POST', `/api/conversations/${conversation.id}/read`, {
      token: cast.tokens.sales,
    });
    expect(res.status).toBe(200);
    expect(ConversationSummarySchema.parse(res.body).unreadCount).toBe(0);
    const after = await getConversation(t, cast.tokens.sales, conversation.id);
    expect(after.unreadCount).toBe(0);
    expect(after.messages.map((m) => m.status)).toEqual(['read', 'read']);
    expect((await outboxEvents(t, 'conversation:unread_count')).at(-1)!.data).toEqual({
      conversationId: conversation.id,
      count: 0,
    });
    expect((await outboxEvents(t, 'conversation:updated')).at(-1)!.data).toEqual({
      id: conversation.id,
      changes: { unreadCount: 0 },
    });
    const eventsBefore = (await outboxEvents(t)).length;
    await t.request('POST', `/api/conversations/${conversation.id}/read`, {
      token: cast.tokens.sales,
    });
    expect((await outboxEvents(t)).length).toBe(eventsBefore);
  });
});
