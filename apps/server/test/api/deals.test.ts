import {
  AddDealActivityBodySchema,
  ChangeDealStageBodySchema,
  CreateDealBodySchema,
  UpdateDealBodySchema,
} from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzRoute } from '../helpers/fuzz';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { expectVisibilityMatrix } from '../helpers/visibility';
import { dayFrom, getDeal, newContact, newDeal } from './deals-helpers';

describe.each(testDatabaseKinds)('deals on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let contactId: string;

  const contactTotals = async (id: string) => {
    const res = await t.request('GET', `/api/contacts/${id}`, { token: cast.tokens.manager });
    return { totalDeals: res.body.totalDeals, totalValue: res.body.totalValue };
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    contactId = (await newContact(t, cast.tokens.sales)).id;
  });
  afterAll(() => t.close());

  it('creates a deal scored from the stage prior, with reasoning, copies of the contact and an event', async () => {
    const contact = await newContact(t, cast.tokens.sales, {
      name: 'Dana Whitfield',
      company: 'Northwind',
    });
    const deal = await newDeal(t, cast.tokens.sales, contact.id, { tags: ['Q3'], value: 48_000 });
    expect(deal).toMatchObject({
      ownerId: cast.acme.sales.id,
      contactName: 'Dana Whitfield',
      company: 'Northwind',
      stage: 'qualified',
      // Nothing but the stage speaks yet: the prior stands, and no activity means low confidence.
      probability: 40,
      confidence: 'low',
      riskFactors: [],
      positiveSignals: [],
      tags: ['Q3'],
      activities: [],
      lastActivity: deal.createdDate,
    });
    expect(deal.closedDate).toBeUndefined();
    expect(deal.probabilityReasoning[0]).toMatch(/Qualified starts at 40%/);
    expect(deal.probabilityReasoning.at(-1)).toBe('Probability: 40%');
    const created = (await outboxEvents(t, 'deal:created')).at(-1)!;
    expect(created).toMatchObject({ owner_id: cast.acme.sales.id, actor_id: cast.acme.sales.id });
    expect((created.data.deal as { id: string }).id).toBe(deal.id);
  });

  it('refuses a contact the caller cannot see, a foreign owner for sales, and bad bodies', async () => {
    const colleagues = await newContact(t, cast.tokens.sales2);
    const elsewhere = await newContact(t, cast.tokens.globexSales);
    for (const id of [colleagues.id, elsewhere.id, 'no-such-contact']) {
      const res = await t.request('POST', '/api/deals', {
        token: cast.tokens.sales,
        body: { title: 'X', contactId: id, value: 1, expectedCloseDate: '2030-01-01' },
      });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.details.fields)).toEqual(['contactId']);
    }
    const owner = await t.request('POST', '/api/deals', {
      token: cast.tokens.sales,
      body: {
        title: 'X',
        contactId,
        value: 1,
        expectedCloseDate: '2030-01-01',
        ownerId: cast.acme.sales2.id,
      },
    });
    expect(owner.status).toBe(422);
    expect(Object.keys(owner.body.error.details.fields)).toEqual(['ownerId']);
    const assigned = await newDeal(t, cast.tokens.manager, colleagues.id, {
      ownerId: cast.acme.sales2.id,
    });
    expect(assigned.ownerId).toBe(cast.acme.sales2.id);
    const bad = await t.request('POST', '/api/deals', {
      token: cast.tokens.sales,
      body: { title: '', contactId, value: -5, expectedCloseDate: 'soon', probability: 99 },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual([
      'expectedCloseDate',
      'probability',
      'title',
      'value',
    ]);
    // Finite but absurd amounts would overflow every sum of the pipeline.
    const huge = await t.request('POST', '/api/deals', {
      token: cast.tokens.sales,
      body: { title: 'X', contactId, value: 1e300, expectedCloseDate: '2030-01-01' },
    });
    expect(huge.status).toBe(422);
    expect(Object.keys(huge.body.error.details.fields)).toEqual(['value']);
  });

  it('keeps the contact totals true through create, value change, contact change and delete', async () => {
    const first = await newContact(t, cast.tokens.sales);
    const second = await newContact(t, cast.tokens.sales);
    const deal = await newDeal(t, cast.tokens.sales, first.id, { value: 1_000 });
    expect(await contactTotals(first.id)).toEqual({ totalDeals: 1, totalValue: 1_000 });
    await newDeal(t, cast.tokens.sales, first.id, { value: 500 });
    expect(await contactTotals(first.id)).toEqual({ totalDeals: 2, totalValue: 1_500 });
    await t.request('PUT', `/api/deals/${deal.id}`, {
      token: cast.tokens.sales,
      body: { value: 2_500 },
    });
    expect(await contactTotals(first.id)).toEqual({ totalDeals: 2, totalValue: 3_000 });
    const moved = await t.request('PUT', `/api/deals/${deal.id}`, {
      token: cast.tokens.sales,
      body: { contactId: second.id },
    });
    expect(moved.body).toMatchObject({
      contactId: second.id,
      contactName: second.name,
      company: second.company,
    });
    expect(await contactTotals(first.id)).toEqual({ totalDeals: 1, totalValue: 500 });
    expect(await contactTotals(second.id)).toEqual({ totalDeals: 1, totalValue: 2_500 });
    await t.request('DELETE', `/api/deals/${deal.id}`, { token: cast.tokens.sales });
    expect(await contactTotals(second.id)).toEqual({ totalDeals: 0, totalValue: 0 });
  });

  it('updates partially, recalculates the AI fields, and refuses a stale ifUnmodifiedSince', async () => {
    const deal = await newDeal(t, cast.tokens.sales, contactId, {
      competitorMentioned: 'Pipedrive',
    });
    expect(deal.competitorMentioned).toBe('Pipedrive');
    expect(deal.probability).toBe(30); // 40 − 10 for the competitor
    const res = await t.request('PUT', `/api/deals/${deal.id}`, {
      token: cast.tokens.sales,
      body: { title: 'Renamed', competitorMentioned: null, ifUnmodifiedSince: deal.updatedAt },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Renamed', probability: 40, value: deal.value });
    expect(res.body.competitorMentioned).toBeUndefined();
    const stale = await t.request('PUT', `/api/deals/${deal.id}`, {
      token: cast.tokens.manager,
      body: {
        title: 'Too late',
        ifUnmodifiedSince: new Date(Date.parse(res.body.updatedAt) - 1000).toISOString(),
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect((await getDeal(t, cast.tokens.sales, deal.id)).title).toBe('Renamed');
    const fresh = await t.request('PUT', `/api/deals/${deal.id}`, {
      token: cast.tokens.manager,
      body: { value: 0, ifUnmodifiedSince: res.body.updatedAt },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.value).toBe(0);
    const negative = await t.request('PUT', `/api/deals/${deal.id}`, {
      token: cast.tokens.sales,
      body: { value: -1 },
    });
    expect(negative.status).toBe(422);
  });

  it('a manager reassigns a deal: the new owner sees it with its activities, the old one no longer', async () => {
    const deal = await newDeal(t, cast.tokens.sales, contactId);
    await t.request('POST', `/api/deals/${deal.id}/activities`, {
      token: cast.tokens.sales,
      body: { type: 'email', date: new Date().toISOString(), description: 'Sent the deck.' },
    });
    const sales2 = cast.acme.sales2.id;
    const res = await t.request('PUT', `/api/deals/${deal.id}`, {
      token: cast.tokens.manager,
      body: { ownerId: sales2 },
    });
    expect(res.status).toBe(200);
    expect(res.body.ownerId).toBe(sales2);
    expect((await getDeal(t, cast.tokens.sales2, deal.id)).activities).toHaveLength(1);
    expect(
      (await t.request('GET', `/api/deals/${deal.id}`, { token: cast.tokens.sales })).status,
    ).toBe(404);
    const owners = await t.db.handle.db
      .selectFrom('deal_activities')
      .select('owner_id')
      .where('deal_id', '=', deal.id)
      .execute();
    expect(owners).toEqual([{ owner_id: sales2 }]);
    const created = (await outboxEvents(t, 'deal:created')).at(-1)!;
    expect(created).toMatchObject({ owner_id: sales2, actor_id: cast.acme.manager.id });
    const updated = (await outboxEvents(t, 'deal:updated')).at(-1)!;
    expect(updated).toMatchObject({ owner_id: cast.acme.sales.id, data: { id: deal.id } });
  });

  it('soft-deletes: gone from get and list, the row stays, deal:deleted is written', async () => {
    const deal = await newDeal(t, cast.tokens.sales, contactId, { title: 'Vanishing deal' });
    expect(
      (await t.request('DELETE', `/api/deals/${deal.id}`, { token: cast.tokens.sales })).body,
    ).toEqual({ success: true });
    expect(
      (await t.request('GET', `/api/deals/${deal.id}`, { token: cast.tokens.sales })).status,
    ).toBe(404);
    expect(
      (await t.request('GET', '/api/deals?search=vanishing', { token: cast.tokens.sales })).body
        .data,
    ).toEqual([]);
    expect(
      (await t.request('DELETE', `/api/deals/${deal.id}`, { token: cast.tokens.sales })).status,
    ).toBe(404);
    const row = await t.db.handle.db
      .selectFrom('deals')
      .select('deleted_at')
      .where('id', '=', deal.id)
      .executeTakeFirst();
    expect(row?.deleted_at).toEqual(expect.any(String));
    expect((await outboxEvents(t, 'deal:deleted')).at(-1)!.data).toEqual({ id: deal.id });
  });

  it('enforces the visibility matrix on every route that takes an id', async () => {
    await expectVisibilityMatrix(
      t,
      cast.matrix,
      [
        { method: 'GET', path: (id) => `/api/deals/${id}` },
        { method: 'PUT', path: (id) => `/api/deals/${id}`, body: { title: 'Hijacked' } },
        { method: 'DELETE', path: (id) => `/api/deals/${id}` },
        {
          method: 'PATCH',
          path: (id) => `/api/deals/${id}/stage`,
          body: { stage: 'negotiation' },
        },
        {
          method: 'POST',
          path: (id) => `/api/deals/${id}/activities`,
          body: { type: 'note', date: new Date().toISOString(), description: 'Sneaky' },
        },
      ],
      async () => (await newDeal(t, cast.tokens.sales, contactId)).id,
      async (id) => (await t.request('GET', `/api/deals/${id}`, { token: cast.tokens.sales })).body,
    );
  });

  it('answers malformed bodies with a 4xx in the error shape, never a 5xx', async () => {
    const deal = await newDeal(t, cast.tokens.sales, contactId);
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'POST',
      '/api/deals',
      { title: 'Fuzz', contactId, value: 10, expectedCloseDate: dayFrom(new Date(), 30) },
      CreateDealBodySchema,
    );
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'PUT',
      `/api/deals/${deal.id}`,
      { title: 'x', value: 5 },
      UpdateDealBodySchema,
    );
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'PATCH',
      `/api/deals/${deal.id}/stage`,
      { stage: 'proposal' },
      ChangeDealStageBodySchema,
    );
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'POST',
      `/api/deals/${deal.id}/activities`,
      { type: 'note', date: new Date().toISOString(), description: 'ok' },
      AddDealActivityBodySchema,
    );
    expect(
      (await t.request('GET', `/api/deals/${deal.id}`, { token: cast.tokens.sales })).status,
    ).toBe(200);
  });
});
