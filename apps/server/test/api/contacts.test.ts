import {
  AddCommunicationBodySchema,
  ContactListResponseSchema,
  ContactSchema,
  CreateContactBodySchema,
  UpdateContactBodySchema,
} from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzQuery, fuzzRoute } from '../helpers/fuzz';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { expectVisibilityMatrix } from '../helpers/visibility';

describe.each(testDatabaseKinds)('contacts on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let counter = 0;

  const newContact = async (token: string, extra: Record<string, unknown> = {}) => {
    counter += 1;
    const res = await t.request('POST', '/api/contacts', {
      token,
      body: {
        name: `Contact ${counter}`,
        email: `contact${counter}@client.test`,
        company: 'Initech',
        ...extra,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as ReturnType<typeof ContactSchema.parse>;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
  });
  afterAll(() => t.close());

  it('creates a contact with computed fields, tags, and a contact:created event', async () => {
    const contact = ContactSchema.parse(
      await newContact(cast.tokens.sales, {
        tags: ['VIP', 'Q3'],
        notes: ['Met at SaaStr'],
        title: 'CTO',
        phone: '+1 555 0100',
      }),
    );
    expect(contact).toMatchObject({
      ownerId: cast.acme.sales.id,
      tags: ['Q3', 'VIP'],
      notes: ['Met at SaaStr'],
      totalDeals: 0,
      totalValue: 0,
    });
    expect(contact.relationshipHealth).toBe(
      contact.healthScore > 70 ? 'high' : contact.healthScore > 40 ? 'medium' : 'low',
    );
    const created = await outboxEvents(t, 'contact:created');
    expect(created.at(-1)).toMatchObject({
      owner_id: cast.acme.sales.id,
      actor_id: cast.acme.sales.id,
    });
    expect((created.at(-1)!.data.contact as { id: string }).id).toBe(contact.id);
  });

  it('refuses a duplicate email in the organization (any case, any owner) with 409, but not across organizations', async () => {
    await newContact(cast.tokens.sales, { email: 'dup@client.test' });
    const dup = await t.request('POST', '/api/contacts', {
      token: cast.tokens.sales2,
      body: { name: 'Dup', email: 'DUP@client.test' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({
      code: 'CONFLICT',
      details: { fields: { email: expect.any(Array) } },
    });
    const elsewhere = await t.request('POST', '/api/contacts', {
      token: cast.tokens.globexSales,
      body: { name: 'Dup', email: 'dup@client.test' },
    });
    expect(elsewhere.status).toBe(201);
  });

  it('validates: email, required name, unknown fields → 422 with field details', async () => {
    const res = await t.request('POST', '/api/contacts', {
      token: cast.tokens.sales,
      body: { name: '', email: 'nope', healthScore: 99 },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual([
      'email',
      'healthScore',
      'name',
    ]);
  });

  it('sales users own what they create; a manager may assign a colleague', async () => {
    const refused = await t.request('POST', '/api/contacts', {
      token: cast.tokens.sales,
      body: { name: 'X', email: 'x-owner@client.test', ownerId: cast.acme.sales2.id },
    });
    expect(refused.status).toBe(422);
    const assigned = await newContact(cast.tokens.manager, { ownerId: cast.acme.sales2.id });
    expect(assigned.ownerId).toBe(cast.acme.sales2.id);
    expect(
      (await t.request('GET', `/api/contacts/${assigned.id}`, { token: cast.tokens.sales2 }))
        .status,
    ).toBe(200);
    expect(
      (await t.request('GET', `/api/contacts/${assigned.id}`, { token: cast.tokens.sales })).status,
    ).toBe(404);
    const foreign = await t.request('POST', '/api/contacts', {
      token: cast.tokens.manager,
      body: { name: 'Y', email: 'y-owner@client.test', ownerId: cast.globex.sales.id },
    });
    expect(foreign.status).toBe(422);
  });

  it('lists with paging, search, filters, tags and sort — only visible records', async () => {
    const mine = await t.request('GET', '/api/contacts?limit=100', { token: cast.tokens.sales });
    const list = ContactListResponseSchema.parse(mine.body);
    expect(list.data.every((c) => c.ownerId === cast.acme.sales.id)).toBe(true);
    const all = await t.request('GET', '/api/contacts?limit=2&page=1', {
      token: cast.tokens.manager,
    });
    expect(all.body.meta.limit).toBe(2);
    expect(all.body.meta.total).toBeGreaterThan(list.meta.total);
    const scores = (
      await t.request('GET', '/api/contacts?limit=100', { token: cast.tokens.manager })
    ).body.data.map((c: { healthScore: number }) => c.healthScore);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));

    await newContact(cast.tokens.sales, {
      name: 'Zelda Searchable',
      company: 'Hyrule Corp',
      tags: ['Legend'],
    });
    for (const q of ['search=zelda', 'search=HYRULE', 'tag=legend', 'tag=Legend&search=corp']) {
      const res = await t.request('GET', `/api/contacts?${q}`, { token: cast.tokens.sales });
      expect(
        res.body.data.map((c: { name: string }) => c.name),
        q,
      ).toEqual(['Zelda Searchable']);
    }
    expect(
      (await t.request('GET', '/api/contacts?search=zelda', { token: cast.tokens.sales2 })).body
        .data,
    ).toEqual([]);
    const byName = await t.request('GET', '/api/contacts?sort=name&limit=100', {
      token: cast.tokens.manager,
    });
    const names = byName.body.data.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort());
    expect(
      (await t.request('GET', '/api/contacts?search=%25', { token: cast.tokens.sales })).body.data,
    ).toEqual([]);
  });

  it('filters recent (contacted in 7 days), at-risk and high-value as API.md defines them', async () => {
    const fresh = await newContact(cast.tokens.sales2, { name: 'Fresh Contact' });
    await t.request('POST', `/api/contacts/${fresh.id}/communication`, {
      token: cast.tokens.sales2,
      body: {
        type: 'call',
        date: new Date(Date.now() - 86_400_000).toISOString(),
        summary: 'Great call, they loved the demo.',
      },
    });
    const recent = await t.request('GET', '/api/contacts?filter=recent&limit=100', {
      token: cast.tokens.sales2,
    });
    expect(recent.body.data.map((c: { id: string }) => c.id)).toContain(fresh.id);
    const atRisk = await t.request('GET', '/api/contacts?filter=at-risk&limit=100', {
      token: cast.tokens.manager,
    });
    expect(atRisk.body.data.every((c: { churnRisk: number }) => c.churnRisk > 60)).toBe(true);
    const highValue = await t.request('GET', '/api/contacts?filter=high-value', {
      token: cast.tokens.manager,
    });
    expect(highValue.body.data.every((c: { totalValue: number }) => c.totalValue > 50_000)).toBe(
      true,
    );
  });

  it('stats count what the caller sees', async () => {
    const sales = (await t.request('GET', '/api/contacts/stats', { token: cast.tokens.sales }))
      .body;
    const manager = (await t.request('GET', '/api/contacts/stats', { token: cast.tokens.manager }))
      .body;
    const listed = (await t.request('GET', '/api/contacts?limit=1', { token: cast.tokens.sales }))
      .body.meta.total;
    expect(sales.total).toBe(listed);
    expect(manager.total).toBeGreaterThan(sales.total);
    expect(Object.keys(sales).sort()).toEqual(['atRisk', 'highValue', 'needsFollowUp', 'total']);
    const overdue = await newContact(cast.tokens.sales, {
      nextFollowUp: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(
      (await t.request('GET', '/api/contacts/stats', { token: cast.tokens.sales })).body
        .needsFollowUp,
    ).toBe(sales.needsFollowUp + 1);
    await t.request('DELETE', `/api/contacts/${overdue.id}`, { token: cast.tokens.sales });
  });

  it('logs a communication with AI sentiment; lastContact, health and insights follow', async () => {
    const contact = await newContact(cast.tokens.sales);
    const date = new Date(Date.now() - 3_600_000).toISOString();
    const res = await t.request('POST', `/api/contacts/${contact.id}/communication`, {
      token: cast.tokens.sales,
      body: {
        type: 'email',
        date,
        subject: 'Renewal',
        summary: 'They are thrilled with the rollout and happy to proceed with the renewal!',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'email', sentiment: 'positive', subject: 'Renewal' });
    expect(res.body.aiAnalysis).toMatch(/Positive/);
    const negative = await t.request('POST', `/api/contacts/${contact.id}/communication`, {
      token: cast.tokens.sales,
      body: {
        type: 'call',
        date,
        summary: 'Angry about the outage, threatening to cancel. Very disappointed.',
      },
    });
    expect(negative.body.sentiment).toBe('negative');
    const detail = ContactSchema.parse(
      (await t.request('GET', `/api/contacts/${contact.id}`, { token: cast.tokens.sales })).body,
    );
    expect(detail.lastContact).toBe(date);
    expect(detail.communicationHistory).toHaveLength(2);
    const events = await outboxEvents(t, 'contact:updated');
    expect(
      events.some(
        (e) =>
          e.data.id === contact.id &&
          (e.data.changes as { lastContact?: string }).lastContact === date,
      ),
    ).toBe(true);
    const insights = await t.request('GET', `/api/contacts/${contact.id}/ai-insights`, {
      token: cast.tokens.sales,
    });
    expect(insights.status).toBe(200);
    expect(insights.body).toEqual(detail.aiInsights);
  });

  it('rejects an empty summary and a bad type', async () => {
    const contact = await newContact(cast.tokens.sales);
    const res = await t.request('POST', `/api/contacts/${contact.id}/communication`, {
      token: cast.tokens.sales,
      body: { type: 'fax', date: 'yesterday', summary: '   ' },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(['date', 'summary', 'type']);
  });

  it('updates partially, emits contact:updated with the changes, and refuses a stale ifUnmodifiedSince', async () => {
    const contact = await newContact(cast.tokens.sales);
    const res = await t.request('PUT', `/api/contacts/${contact.id}`, {
      token: cast.tokens.sales,
      body: { title: 'VP Sales', tags: ['Champion'] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'VP Sales',
      tags: ['Champion'],
      name: contact.name,
      email: contact.email,
    });
    const last = (await outboxEvents(t, 'contact:updated')).at(-1)!;
    expect(last.data).toMatchObject({
      id: contact.id,
      changes: { title: 'VP Sales', tags: ['Champion'] },
    });
    const stale = await t.request('PUT', `/api/contacts/${contact.id}`, {
      token: cast.tokens.manager,
      body: {
        title: 'CEO',
        ifUnmodifiedSince: contact.updatedAt
          .replace(/\d\dZ$/, '00Z')
          .replace(/:\d\d\.\d+Z$/, ':00.000Z'),
      },
    });
    expect(stale.status).toBe(409);
    const fresh = await t.request('PUT', `/api/contacts/${contact.id}`, {
      token: cast.tokens.manager,
      body: { title: 'CEO', ifUnmodifiedSince: res.body.updatedAt },
    });
    expect(fresh.status).toBe(200);
    const taken = await t.request('PUT', `/api/contacts/${contact.id}`, {
      token: cast.tokens.sales,
      body: { email: 'dup@client.test' },
    });
    expect(taken.status).toBe(409);
  });

  it('soft-deletes: hidden from get, list, search and stats; the row stays', async () => {
    const contact = await newContact(cast.tokens.sales, { name: 'Soon Gone' });
    const before = (await t.request('GET', '/api/contacts/stats', { token: cast.tokens.sales }))
      .body.total;
    expect(
      (await t.request('DELETE', `/api/contacts/${contact.id}`, { token: cast.tokens.sales })).body,
    ).toEqual({ success: true });
    expect(
      (await t.request('GET', `/api/contacts/${contact.id}`, { token: cast.tokens.sales })).status,
    ).toBe(404);
    expect(
      (await t.request('GET', '/api/contacts?search=soon%20gone', { token: cast.tokens.sales }))
        .body.data,
    ).toEqual([]);
    expect(
      (await t.request('GET', '/api/contacts/stats', { token: cast.tokens.sales })).body.total,
    ).toBe(before - 1);
    expect(
      (await t.request('DELETE', `/api/contacts/${contact.id}`, { token: cast.tokens.sales }))
        .status,
    ).toBe(404);
    const row = await t.db.handle.db
      .selectFrom('contacts')
      .select('deleted_at')
      .where('id', '=', contact.id)
      .executeTakeFirst();
    expect(row?.deleted_at).toEqual(expect.any(String));
    expect((await outboxEvents(t, 'contact:deleted')).at(-1)!.data).toEqual({ id: contact.id });
  });

  it('messages count as interactions, and reassigning a contact moves its conversations', async () => {
    const contact = await newContact(cast.tokens.sales);
    const conversation = await t.request('POST', '/api/conversations', {
      token: cast.tokens.sales,
      body: { contactId: contact.id, type: 'email' },
    });
    expect(conversation.status).toBeLessThan(300);
    const message = await t.request('POST', `/api/conversations/${conversation.body.id}/messages`, {
      token: cast.tokens.sales,
      body: {
        content: 'Thanks for the great call today, sending the proposal now.',
        type: 'email',
      },
    });
    expect(message.status).toBe(201);
    const after = await t.request('GET', `/api/contacts/${contact.id}`, {
      token: cast.tokens.sales,
    });
    expect(after.body.lastContact).toBe(message.body.timestamp);

    const moved = await t.request('PUT', `/api/contacts/${contact.id}`, {
      token: cast.tokens.manager,
      body: { ownerId: cast.acme.sales2.id },
    });
    expect(moved.status).toBe(200);
    expect(
      (
        await t.request('GET', `/api/conversations/${conversation.body.id}`, {
          token: cast.tokens.sales2,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.request('GET', `/api/conversations/${conversation.body.id}`, {
          token: cast.tokens.sales,
        })
      ).status,
    ).toBe(404);
  });

  it('enforces the visibility matrix on every route that takes an id', async () => {
    await expectVisibilityMatrix(
      t,
      cast.matrix,
      [
        { method: 'GET', path: (id) => `/api/contacts/${id}` },
        { method: 'PUT', path: (id) => `/api/contacts/${id}`, body: { title: 'Hijacked' } },
        { method: 'DELETE', path: (id) => `/api/contacts/${id}` },
        {
          method: 'POST',
          path: (id) => `/api/contacts/${id}/communication`,
          body: { type: 'note', date: new Date().toISOString(), summary: 'Sneaky' },
        },
        { method: 'GET', path: (id) => `/api/contacts/${id}/ai-insights` },
      ],
      async () => (await newContact(cast.tokens.sales)).id,
      async (id) =>
        (await t.request('GET', `/api/contacts/${id}`, { token: cast.tokens.sales })).body,
    );
  });

  it('answers malformed bodies and query strings with a 4xx in the error shape, never a 5xx', async () => {
    const contact = await newContact(cast.tokens.sales);
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'POST',
      '/api/contacts',
      { name: 'Fuzz', email: 'fuzz@client.test', company: 'F' },
      CreateContactBodySchema,
    );
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'PUT',
      `/api/contacts/${contact.id}`,
      { title: 'x' },
      UpdateContactBodySchema,
    );
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'POST',
      `/api/contacts/${contact.id}/communication`,
      { type: 'note', date: new Date().toISOString(), summary: 'ok' },
      AddCommunicationBodySchema,
    );
    await fuzzQuery(t, cast.tokens.sales, '/api/contacts', [
      'page',
      'limit',
      'sort',
      'filter',
      'search',
      'tag',
      'other',
    ]);
    const after = await t.request('GET', `/api/contacts/${contact.id}`, {
      token: cast.tokens.sales,
    });
    expect(after.status).toBe(200);
  });
});
