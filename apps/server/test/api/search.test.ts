import { NlQueryBodySchema, NlQueryResultSchema, SearchResultSchema } from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzQuery, fuzzRoute } from '../helpers/fuzz';
import { signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { insertDeal, insertEvent, insertMessage, isoIn } from './domain-rows';

describe.each(testDatabaseKinds)('search on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let counter = 0;
  const ids: Record<string, string> = {};

  const newContact = async (token: string, name: string, extra: Record<string, unknown> = {}) => {
    counter += 1;
    const res = await t.request('POST', '/api/contacts', {
      token,
      body: { name, email: `search${counter}@client.test`, ...extra },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[name] = res.body.id;
    return res.body as { id: string; name: string; company: string };
  };
  const search = async (token: string, query: string) => {
    const res = await t.request('GET', `/api/search?${query}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return SearchResultSchema.parse(res.body);
  };
  const nl = async (token: string, query: string) => {
    const res = await t.request('POST', '/api/search/query', { token, body: { query } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return NlQueryResultSchema.parse(res.body);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    const db = t.db.handle.db;
    const { sales, sales2 } = cast.acme;
    // Created oldest first: among equal ranks the most recent comes first.
    await newContact(cast.tokens.sales, 'Nevada Jones');
    await newContact(cast.tokens.sales, 'Lady Ada Byron');
    await newContact(cast.tokens.sales, 'Adam Smith');
    const ada = await newContact(cast.tokens.sales, 'Ada', { company: 'Analytical Engines' });
    await newContact(cast.tokens.sales, 'Bob Canada', { company: 'Canada Dry' });
    await newContact(cast.tokens.sales, 'Ada Lovelace', { company: 'Difference Ltd' });
    const colleague = await newContact(cast.tokens.sales2, 'Ada Colleague');
    const gone = await newContact(cast.tokens.sales, 'Ada Deleted');
    await t.request('DELETE', `/api/contacts/${gone.id}`, { token: cast.tokens.sales });
    await newContact(cast.tokens.globexSales, 'Ada Globex');

    const org = cast.acme.organizationId;
    ids.adaDeal = await insertDeal(db, {
      organizationId: org,
      ownerId: sales.id,
      contact: ada,
      title: 'Ada expansion',
      value: 10_000,
    });
    ids.otherDeal = await insertDeal(db, {
      organizationId: org,
      ownerId: sales.id,
      contact: ada,
      title: 'Engine upgrade for Ada',
      value: 5_000,
    });
    ids.colleagueDeal = await insertDeal(db, {
      organizationId: org,
      ownerId: sales2.id,
      contact: colleague,
      title: 'Ada colleague deal',
      value: 1,
    });
    await insertDeal(db, {
      organizationId: org,
      ownerId: sales.id,
      contact: ada,
      title: 'Ada deleted deal',
      value: 1,
      deletedAt: new Date().toISOString(),
    });
    ids.message = (
      await insertMessage(db, {
        organizationId: org,
        ownerId: sales.id,
        contact: ada,
        content: 'Ada asked about the renewal pricing',
      })
    ).messageId;
    await insertMessage(db, {
      organizationId: org,
      ownerId: sales.id,
      contact: ada,
      content: 'Ada in a deleted conversation',
      conversationDeleted: true,
    });
    ids.event = await insertEvent(db, {
      organizationId: org,
      ownerId: sales.id,
      title: 'Demo with Ada',
      startTime: isoIn(2),
      attendee: { name: 'Ada', email: 'ada@client.test' },
    });
  });
  afterAll(() => t.close());

  it('ranks contacts exact, prefix, word prefix, then substring — most recent first within a rank', async () => {
    const result = await search(cast.tokens.sales, 'q=ada&type=contacts');
    expect(result.contacts.map((c) => c.name)).toEqual([
      'Ada',
      'Ada Lovelace',
      'Adam Smith',
      'Lady Ada Byron',
      'Bob Canada',
      'Nevada Jones',
    ]);
    expect(result.deals).toEqual([]);
    expect(result.messages).toEqual([]);
    expect(result.events).toEqual([]);
  });

  it('searches deals, messages and events too, each with its contract shape', async () => {
    const result = await search(cast.tokens.sales, 'q=ADA');
    expect(result.deals.map((d) => d.title)).toEqual(['Ada expansion', 'Engine upgrade for Ada']);
    expect(result.deals[0]).toMatchObject({ id: ids.adaDeal, contactId: ids.Ada, value: 10_000 });
    expect(result.messages.map((m) => m.id)).toEqual([ids.message]);
    expect(result.events.map((e) => e.id)).toEqual([ids.event]);
    expect(result.events[0]!.attendees).toEqual([
      expect.objectContaining({ name: 'Ada', email: 'ada@client.test', status: 'pending' }),
    ]);
    const onlyEvents = await search(cast.tokens.sales, 'q=demo&type=events');
    expect(onlyEvents.events.map((e) => e.title)).toEqual(['Demo with Ada']);
    expect(onlyEvents.contacts).toEqual([]);
    const byCompany = await search(cast.tokens.sales, 'q=analytical&type=contacts');
    expect(byCompany.contacts.map((c) => c.name)).toEqual(['Ada']);
  });

  it("shows only what the caller can see: a sales user never sees a colleague's records; a manager does", async () => {
    const sales = await search(cast.tokens.sales, 'q=colleague');
    expect(sales).toEqual({ contacts: [], deals: [], messages: [], events: [] });
    const colleague = await search(cast.tokens.sales2, 'q=ada');
    expect(colleague.contacts.map((c) => c.name)).toEqual(['Ada Colleague']);
    expect(colleague.deals.map((d) => d.id)).toEqual([ids.colleagueDeal]);
    expect(colleague.messages).toEqual([]);
    const manager = await search(cast.tokens.manager, 'q=ada&type=contacts');
    expect(manager.contacts.map((c) => c.name)).toContain('Ada Colleague');
    const globex = await search(cast.tokens.globexAdmin, 'q=ada');
    expect(globex.contacts.map((c) => c.name)).toEqual(['Ada Globex']);
    expect(globex.deals).toEqual([]);
  });

  it('leaves soft-deleted records (and messages of deleted conversations) out', async () => {
    const all = await search(cast.tokens.manager, 'q=deleted');
    expect(all).toEqual({ contacts: [], deals: [], messages: [], events: [] });
  });

  it('returns at most 10 per section, and takes % and _ literally', async () => {
    for (let i = 0; i < 12; i++) await newContact(cast.tokens.sales2, `Limit Person ${i}`);
    expect((await search(cast.tokens.sales2, 'q=limit%20person')).contacts).toHaveLength(10);
    expect((await search(cast.tokens.manager, 'q=%25')).contacts).toEqual([]);
    expect((await search(cast.tokens.manager, 'q=_')).contacts).toEqual([]);
  });

  it('validates the query: q required and capped, type exact, nothing unknown', async () => {
    for (const query of [
      '',
      'q=',
      'q=%20%20',
      `q=${'x'.repeat(201)}`,
      'q=a&type=people',
      'q=a&x=1',
    ]) {
      const res = await t.request('GET', `/api/search?${query}`, { token: cast.tokens.sales });
      expect(res.status, query).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('reads a natural-language query into filters and a route', async () => {
    const result = await nl(cast.tokens.sales, 'deals closing this month over 50k');
    expect(result.intent).toBe('find-deals');
    expect(result.filters.minValue).toBe(50_000);
    expect(result.filters.dateFrom).toMatch(/^\d{4}-\d{2}-01$/);
    expect(result.suggestedRoute).toMatch(/^\/deals\?.*minValue=50000/);
    expect(result.entities.map((e) => e.type).sort()).toEqual(['amount', 'date']);
    expect(Object.keys(result).sort()).toEqual(['entities', 'filters', 'intent', 'suggestedRoute']);
  });

  it('recognises the names of visible contacts only', async () => {
    const mine = await nl(cast.tokens.sales, 'deals with Ada Lovelace');
    expect(mine.filters.contactId).toBe(ids['Ada Lovelace']);
    expect(mine.entities).toContainEqual(
      expect.objectContaining({ type: 'contact', value: ids['Ada Lovelace'] }),
    );
    const company = await nl(cast.tokens.sales, 'emails from Difference about pricing');
    expect(company.filters.company).toBe('Difference Ltd');
    const other = await nl(cast.tokens.sales2, 'deals with Ada Lovelace');
    // sales2 cannot see Ada Lovelace: at most their own "Ada Colleague" is recognised.
    expect(other.filters.contactId).not.toBe(ids['Ada Lovelace']);
    expect(other.entities.some((e) => e.value === ids['Ada Lovelace'])).toBe(false);
  });

  it("resolves dates in the caller's time zone", async () => {
    const zone = 'Pacific/Kiritimati'; // UTC+14: its "today" is often not UTC's
    await t.db.handle.db
      .updateTable('users')
      .set({ preferences: JSON.stringify({ theme: 'light', notifications: true, timezone: zone }) })
      .where('id', '=', cast.acme.manager.id)
      .execute();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    const result = await nl(cast.tokens.manager, 'meetings today');
    expect(result.intent).toBe('find-events');
    expect(result.filters.dateFrom).toBe(today);
  });

  it('answers malformed bodies and query strings with a 4xx in the error shape, never a 5xx', async () => {
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'POST',
      '/api/search/query',
      { query: 'hot deals this week' },
      NlQueryBodySchema,
    );
    await fuzzQuery(t, cast.tokens.sales, '/api/search', ['q', 'type', 'page']);
    await fuzzQuery(t, cast.tokens.sales, '/api/search?q=ada', ['type', 'q']);
  });
});
