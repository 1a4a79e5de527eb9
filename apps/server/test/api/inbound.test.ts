import {
  ApiKeyListResponseSchema,
  CreateApiKeyBodySchema,
  InboundMessageBodySchema,
  MessageSchema,
} from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import fc from 'fast-check';
import { fuzzQuery, fuzzRoute, malformedBodies } from '../helpers/fuzz';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { expectErrorShape } from '../helpers/visibility';
import {
  createApiKey,
  getConversation,
  inbound,
  newContact,
  sendMessage,
  startConversation,
} from './conversations-helpers';

describe.each(testDatabaseKinds)('inbound messages and API keys on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    key = (await createApiKey(t, cast.tokens.admin)).key;
  });
  afterAll(() => t.close());

  const notificationsOf = (userId: string) =>
    t.db.handle.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();

  it('API keys: admin only, plaintext once as flow_<prefix>_<secret>, listed without secrets', async () => {
    for (const token of [cast.tokens.sales, cast.tokens.manager]) {
      expect((await t.request('GET', '/api/api-keys', { token })).status).toBe(403);
      expect(
        (await t.request('POST', '/api/api-keys', { token, body: { name: 'x' } })).status,
      ).toBe(403);
    }
    const created = await createApiKey(t, cast.tokens.admin, 'Postmark');
    expect(created.key).toMatch(/^flow_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.key.split('_')[1]).toBe(created.prefix);
    const listed = ApiKeyListResponseSchema.parse(
      (await t.request('GET', '/api/api-keys', { token: cast.tokens.admin })).body,
    );
    const row = listed.data.find((k) => k.id === created.id)!;
    expect(row).toMatchObject({ name: 'Postmark', prefix: created.prefix });
    expect(JSON.stringify(listed)).not.toContain(created.key.split('_').slice(2).join('_'));
    expect(
      (await t.request('GET', '/api/api-keys', { token: cast.tokens.globexAdmin })).body.data,
    ).toEqual([]);
    const stored = await t.db.handle.db
      .selectFrom('api_keys')
      .select('key_hash')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(created.key);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    // Another organization's admin cannot revoke it.
    expect(
      (await t.request('DELETE', `/api/api-keys/${created.id}`, { token: cast.tokens.globexAdmin }))
        .status,
    ).toBe(404);
  });

  it('refuses a missing, malformed, unknown or revoked key with 401 (before validating the body)', async () => {
    const body = { from: 'who@client.test', type: 'email', content: 'Hi' };
    const forged = `flow_${key.split('_')[1]}_${'A'.repeat(43)}`;
    for (const presented of [undefined, '', 'nope', forged, `${key}x`]) {
      const res = await inbound(t, presented, body);
      expect(res.status, String(presented)).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
    expect((await inbound(t, undefined, { bogus: true })).status).toBe(401);
    const doomed = await createApiKey(t, cast.tokens.admin, 'Doomed');
    expect((await inbound(t, doomed.key, body)).status).toBe(201);
    const revoke = await t.request('DELETE', `/api/api-keys/${doomed.id}`, {
      token: cast.tokens.admin,
    });
    expect(revoke.body).toEqual({ success: true });
    expect((await inbound(t, doomed.key, body)).status).toBe(401);
    expect(
      (await t.request('DELETE', `/api/api-keys/${doomed.id}`, { token: cast.tokens.admin }))
        .status,
    ).toBe(404);
    const listed = (await t.request('GET', '/api/api-keys', { token: cast.tokens.admin })).body;
    const doomedRow = listed.data.find((k: { id: string }) => k.id === doomed.id);
    expect(doomedRow.revokedAt).toEqual(expect.any(String));
    expect(doomedRow.lastUsedAt).toEqual(expect.any(String));
  });

  it('a new sender gets a contact, a conversation, an unread message, a notification and events', async () => {
    const before = (await outboxEvents(t)).length;
    const res = await inbound(t, key, {
      from: 'Jamie.Rivera@newco.test',
      to: cast.acme.sales2.email,
      type: 'email',
      subject: 'Pricing question',
      content: 'Hi! Could you send pricing for 40 seats? We need it urgently, by tomorrow.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const message = MessageSchema.parse(res.body);
    expect(message).toMatchObject({
      senderType: 'contact',
      senderName: 'Jamie Rivera',
      status: 'delivered',
      subject: 'Pricing question',
    });
    expect(message.aiAnalysis?.actionItems.length).toBeGreaterThan(0);

    const contact = await t.db.handle.db
      .selectFrom('contacts')
      .selectAll()
      .where('email', '=', 'jamie.rivera@newco.test')
      .executeTakeFirstOrThrow();
    // The addressed user owns the new contact and its conversation.
    expect(contact.owner_id).toBe(cast.acme.sales2.id);
    expect(message.senderId).toBe(contact.id);
    const conversation = await getConversation(t, cast.tokens.sales2, message.conversationId);
    expect(conversation).toMatchObject({
      contactId: contact.id,
      ownerId: cast.acme.sales2.id,
      unreadCount: 1,
      priority: 'high',
      subject: 'Pricing question',
    });
    expect(conversation.aiSummary).toMatch(/Awaiting your reply/);

    const [notification] = await notificationsOf(cast.acme.sales2.id);
    expect(notification).toMatchObject({
      type: 'message_received',
      priority: 'high',
      action_url: `/messages/${message.conversationId}`,
    });
    expect(notification!.title).toContain('Jamie Rivera');

    const events = (await outboxEvents(t)).slice(before).map((e) => e.event);
    for (const name of [
      'contact:created',
      'message:received',
      'conversation:unread_count',
      'conversation:updated',
      'notification:new',
    ]) {
      expect(events, name).toContain(name);
    }
    const received = (await outboxEvents(t, 'message:received')).at(-1)!;
    expect(received.data).toMatchObject({
      conversationId: message.conversationId,
      message: { id: message.id },
    });
    expect(received.owner_id).toBe(cast.acme.sales2.id);
    // The owner sees it; a colleague does not.
    expect(
      (
        await t.request('GET', `/api/conversations/${message.conversationId}`, {
          token: cast.tokens.sales,
        })
      ).status,
    ).toBe(404);
  });

  it('matches a known contact by email and appends to the open conversation; replies mark ours replied', async () => {
    const contact = await newContact(t, cast.tokens.sales, { email: 'known@client.test' });
    const conversation = await startConversation(t, cast.tokens.sales, contact.id);
    const ours = await sendMessage(t, cast.tokens.sales, conversation.id, 'Here is the proposal.');
    expect(ours.status).toBe('sent');
    const res = await inbound(t, key, {
      from: 'KNOWN@client.test',
      type: 'email',
      content: 'Thanks, this looks great!',
    });
    expect(res.status).toBe(201);
    expect(res.body.conversationId).toBe(conversation.id);
    const detail = await getConversation(t, cast.tokens.sales, conversation.id);
    expect(detail.messages.map((m) => [m.senderType, m.status])).toEqual([
      ['user', 'replied'],
      ['contact', 'delivered'],
    ]);
    expect(detail.overallSentiment).toBe('positive');
    const update = (await outboxEvents(t, 'conversation:updated'))
      .reverse()
      .find((e) => (e.data.changes as { messages?: unknown }).messages);
    expect(update?.data).toMatchObject({
      id: conversation.id,
      changes: { messages: [{ id: ours.id, status: 'replied' }] },
    });
    // 'read' never moves a replied message back; reading only touches the contact's messages.
    await t.request('POST', `/api/conversations/${conversation.id}/read`, {
      token: cast.tokens.sales,
    });
    const read = await getConversation(t, cast.tokens.sales, conversation.id);
    expect(read.messages.map((m) => m.status)).toEqual(['replied', 'read']);
  });

  it('matches SMS senders by phone digits, tracks sentiment trend, and ignores provider retries', async () => {
    const contact = await newContact(t, cast.tokens.sales, { phone: '+1 (555) 010-7788' });
    const receivedAt = new Date(Date.now() - 60_000).toISOString();
    const first = await inbound(t, key, {
      from: '15550107788',
      type: 'sms',
      content: 'Awful service, this is very disappointing.',
      receivedAt,
    });
    expect(first.status).toBe(201);
    expect(first.body.senderId).toBe(contact.id);
    const retry = await inbound(t, key, {
      from: '15550107788',
      type: 'sms',
      content: 'Awful service, this is very disappointing.',
      receivedAt,
    });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    for (const content of ['Okay, thanks for fixing it.', 'Wonderful, we are delighted now!']) {
      await inbound(t, key, { from: '+1 555 010 7788', type: 'sms', content });
    }
    const detail = await getConversation(t, cast.tokens.sales, first.body.conversationId);
    expect(detail.type).toBe('sms');
    expect(detail.messages).toHaveLength(3);
    expect(detail.unreadCount).toBe(3);
    expect(detail.sentimentTrend).toBe('improving');
  });

  it('new senders without an addressed user go round-robin over sales users', async () => {
    const owners = [];
    for (const n of [1, 2]) {
      const res = await inbound(t, key, {
        from: `lead${n}@roundrobin.test`,
        type: 'email',
        content: 'Interested in a demo.',
      });
      expect(res.status).toBe(201);
      const row = await t.db.handle.db
        .selectFrom('contacts')
        .select('owner_id')
        .where('id', '=', res.body.senderId)
        .executeTakeFirstOrThrow();
      owners.push(row.owner_id);
    }
    expect(new Set(owners)).toEqual(new Set([cast.acme.sales.id, cast.acme.sales2.id]));
  });

  it('answers malformed inbound bodies and key queries with a 4xx in the error shape, never a 5xx', async () => {
    // fuzzRoute sends a bearer token; inbound takes an X-Api-Key, so its bodies are sent here.
    const valid = { from: 'fuzz@client.test', type: 'email', content: 'Fuzz', subject: 'F' };
    const bodies = [
      ...malformedBodies(valid),
      ...fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 40, seed: 7 }),
    ];
    for (const body of bodies) {
      const res = await t.request('POST', '/api/inbound/messages', {
        body,
        headers: { 'x-api-key': key },
      });
      const context = JSON.stringify(body)?.slice(0, 100) ?? '';
      if (InboundMessageBodySchema.safeParse(body).success) {
        expect(res.status, context).toBeLessThan(500);
      } else {
        expectErrorShape(res, context);
      }
    }
    await fuzzRoute(
      t,
      cast.tokens.admin,
      'POST',
      '/api/api-keys',
      { name: 'Fuzz key' },
      CreateApiKeyBodySchema,
    );
    await fuzzQuery(t, cast.tokens.admin, '/api/api-keys', ['page', 'limit', 'sort', 'other']);
  });
});
