import { ActionItemListSchema, DashboardSummarySchema, SalesForecastSchema } from '@flow/contracts';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzRoute } from '../helpers/fuzz';
import { signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { dayIn, insertDeal, insertEvent, isoIn } from './domain-rows';

const HOUR = 3_600_000;

describe.each(testDatabaseKinds)('dashboard on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  const ids: Record<string, string> = {};
  let counter = 0;

  const newContact = async (token: string, name: string, extra: Record<string, unknown> = {}) => {
    counter += 1;
    const res = await t.request('POST', '/api/contacts', {
      token,
      body: { name, email: `dash${counter}@client.test`, company: `${name} Inc`, ...extra },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; name: string; company: string };
  };
  const get = async (token: string, path: string) => {
    const res = await t.request('GET', `/api/dashboard${path}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const actionItems = async (token: string) =>
    ActionItemListSchema.parse(await get(token, '/action-items'));
  const setChurn = (id: string, churn: number) =>
    t.db.handle.db
      .updateTable('contacts')
      .set({ churn_risk: churn })
      .where('id', '=', id)
      .execute();

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    const db = t.db.handle.db;
    const org = cast.acme.organizationId;
    const { sales, sales2 } = cast.acme;

    const a = await newContact(cast.tokens.sales, 'Alice', {
      nextFollowUp: isoIn(-2),
    });
    const b = await newContact(cast.tokens.sales, 'Bruno');
    const c = await newContact(cast.tokens.sales, 'Chen');
    const other = await newContact(cast.tokens.sales2, 'Dora');
    Object.assign(ids, { a: a.id, b: b.id, c: c.id, other: other.id });
    for (const [id, daysAgo] of [
      [a.id, 1],
      [b.id, 3],
    ] as const) {
      await t.request('POST', `/api/contacts/${id}/communication`, {
        token: cast.tokens.sales,
        body: { type: 'call', date: isoIn(-daysAgo), summary: 'Quick check-in call.' },
      });
    }
    await setChurn(a.id, 10);
    await setChurn(b.id, 65);
    await setChurn(c.id, 85);
    await setChurn(other.id, 90);

    const nextMonth = new Date();
    const firstOfNextMonth = new Date(
      Date.UTC(nextMonth.getUTCFullYear(), nextMonth.getUTCMonth() + 1, 1),
    ).toISOString();
    const deal = (
      over: Partial<Parameters<typeof insertDeal>[1]> & { title: string; value: number },
    ) =>
      insertDeal(db, {
        organizationId: org,
        ownerId: sales.id,
        contact: a,
        expectedCloseDate: dayIn(0),
        ...over,
      });
    ids.d1 = await deal({ title: 'D1', value: 10_000, probability: 40, lastActivity: isoIn(-1) });
    ids.d2 = await deal({ title: 'D2', value: 20_000, probability: 50, lastActivity: isoIn(-2) });
    ids.d3 = await deal({
      title: 'D3',
      value: 30_000,
      stage: 'negotiation',
      probability: 80,
      lastActivity: new Date(Date.now() - 3 * HOUR).toISOString(),
    });
    ids.d4 = await deal({
      title: 'D4',
      value: 50_000,
      stage: 'proposal',
      probability: 60,
      expectedCloseDate: firstOfNextMonth,
      lastActivity: isoIn(-10),
    });
    ids.d5 = await deal({ title: 'D5', value: 99_999, stage: 'closed-won', probability: 100 });
    ids.d6 = await deal({ title: 'D6', value: 7_777, deletedAt: new Date().toISOString() });
    ids.d8 = await deal({
      title: 'D8 quiet',
      value: 5_000,
      probability: 30,
      expectedCloseDate: dayIn(60),
      lastActivity: isoIn(-20),
      createdAt: isoIn(-40),
    });
    ids.d7 = await insertDeal(db, {
      organizationId: org,
      ownerId: sales2.id,
      contact: other,
      title: 'D7 colleague',
      value: 1_000,
      stage: 'prospect',
      probability: 20,
      expectedCloseDate: dayIn(0),
      lastActivity: isoIn(-30),
    });
    ids.soon = await insertEvent(db, {
      organizationId: org,
      ownerId: sales.id,
      title: 'Kickoff with Alice',
      startTime: new Date(Date.now() + 5 * HOUR).toISOString(),
    });
    await insertEvent(db, {
      organizationId: org,
      ownerId: sales.id,
      title: 'Later meeting',
      startTime: new Date(Date.now() + 30 * HOUR).toISOString(),
    });
    await insertEvent(db, {
      organizationId: org,
      ownerId: sales.id,
      title: 'Cancelled meeting',
      startTime: new Date(Date.now() + 2 * HOUR).toISOString(),
      status: 'cancelled',
    });
  });
  afterAll(() => t.close());

  it("forecasts this month's weighted revenue by stage over the caller's open deals", async () => {
    const forecast = SalesForecastSchema.parse(await get(cast.tokens.sales, '/forecast'));
    // D1 10,000×40% + D2 20,000×50% (qualified) + D3 30,000×80% (negotiation); D4 closes next
    // month, D5 is closed, D6 deleted, D7 belongs to a colleague.
    expect(forecast).toEqual({
      revenue: 38_000,
      period: new Date().toISOString().slice(0, 7),
      confidence: 'high',
      breakdown: [
        { source: 'Qualified', amount: 14_000, probability: 47 },
        { source: 'Negotiation', amount: 24_000, probability: 80 },
      ],
    });
  });

  it("a manager's forecast covers the team; confidence follows data quality", async () => {
    const manager = SalesForecastSchema.parse(await get(cast.tokens.manager, '/forecast'));
    expect(manager.revenue).toBe(38_200);
    expect(manager.breakdown[0]).toEqual({ source: 'Prospect', amount: 200, probability: 20 });
    // One deal, silent for a month: half the data-quality signals fail.
    const colleague = SalesForecastSchema.parse(await get(cast.tokens.sales2, '/forecast'));
    expect(colleague).toMatchObject({ revenue: 200, confidence: 'medium' });
    const empty = SalesForecastSchema.parse(await get(cast.tokens.globexAdmin, '/forecast'));
    expect(empty).toMatchObject({ revenue: 0, confidence: 'low', breakdown: [] });
  });

  it('summarises the top few of each list, visible and live only', async () => {
    const summary = DashboardSummarySchema.parse(await get(cast.tokens.sales, '/summary'));
    // Open deals: D1 + D2 + D3 + D4 + D8.
    expect(summary.totalDealsValue).toBe(115_000);
    expect(summary.deals.map((d) => d.title)).toEqual(['D3', 'D1', 'D2', 'D4', 'D8 quiet']);
    expect(summary.highProbabilityDeals.map((d) => d.title)).toEqual(['D3']);
    expect(summary.contacts.map((c) => c.name)).toEqual(['Alice', 'Bruno', 'Chen']);
    expect(summary.atRiskContacts.map((c) => c.name)).toEqual(['Chen', 'Bruno']);

    const manager = DashboardSummarySchema.parse(await get(cast.tokens.manager, '/summary'));
    expect(manager.totalDealsValue).toBe(116_000);
    expect(manager.atRiskContacts.map((c) => c.name)).toEqual(['Dora', 'Chen', 'Bruno']);
    expect(manager.deals).toHaveLength(5);
    const globex = DashboardSummarySchema.parse(await get(cast.tokens.globexAdmin, '/summary'));
    expect(globex).toEqual({
      deals: [],
      contacts: [],
      totalDealsValue: 0,
      atRiskContacts: [],
      highProbabilityDeals: [],
    });
  });

  it('generates action items from the data: quiet deals, closing deals, at-risk contacts, overdue follow-ups, meetings to prepare', async () => {
    const items = await actionItems(cast.tokens.sales);
    const byLink = (link: string) => items.filter((i) => i.link === link);
    expect(byLink(`/deals/${ids.d8}`)).toEqual([
      expect.objectContaining({
        type: 'warning',
        title: expect.stringMatching(/D8 quiet.*20 days/),
      }),
    ]);
    expect(byLink(`/deals/${ids.d3}`)).toEqual([
      expect.objectContaining({ type: 'opportunity', title: expect.stringContaining('80%') }),
    ]);
    expect(byLink(`/contacts/${ids.c}`)).toEqual([
      expect.objectContaining({ type: 'warning', title: expect.stringContaining('churn risk 85') }),
    ]);
    expect(byLink(`/contacts/${ids.a}`)).toEqual([
      expect.objectContaining({
        type: 'suggestion',
        title: expect.stringMatching(/Follow-up with Alice/),
      }),
    ]);
    expect(byLink(`/calendar/${ids.soon}`)).toEqual([
      expect.objectContaining({
        type: 'suggestion',
        title: expect.stringContaining('Kickoff with Alice'),
      }),
    ]);
    // Not quiet, not at risk, a meeting too far ahead or cancelled, a colleague's contact.
    expect(items.some((i) => /Later meeting|Cancelled meeting|Dora/.test(i.title))).toBe(false);
    expect(byLink(`/deals/${ids.d1}`)).toEqual([]);
    // Warnings first.
    const types = items.map((i) => i.type);
    expect(types.indexOf('warning')).toBe(0);
    expect(types.lastIndexOf('warning')).toBeLessThan(types.indexOf('suggestion'));
    for (const item of items) expect(item.actions.map((a) => a.type)).toContain('dismiss');
  });

  it('is idempotent: the same items (same ids) on every GET, stored once', async () => {
    const first = await actionItems(cast.tokens.sales);
    const second = await actionItems(cast.tokens.sales);
    expect(second).toEqual(first);
    const rows = await t.db.handle.db
      .selectFrom('action_items')
      .select('id')
      .where('user_id', '=', cast.acme.sales.id)
      .execute();
    expect(rows).toHaveLength(first.length);
  });

  it('a dismissed item is not generated again; a cause that went away takes its item along', async () => {
    const items = await actionItems(cast.tokens.sales);
    const quiet = items.find((i) => i.link === `/deals/${ids.d8}`)!;
    const res = await t.request('POST', `/api/dashboard/action-items/${quiet.id}/dismiss`, {
      token: cast.tokens.sales,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    for (let i = 0; i < 2; i++) {
      const after = await actionItems(cast.tokens.sales);
      expect(after.map((x) => x.link)).not.toContain(`/deals/${ids.d8}`);
      expect(after).toHaveLength(items.length - 1);
    }
    const again = await t.request('POST', `/api/dashboard/action-items/${quiet.id}/dismiss`, {
      token: cast.tokens.sales,
    });
    expect(again.status).toBe(200);

    // The follow-up is done: the contact's next follow-up moves to next week.
    await t.request('PUT', `/api/contacts/${ids.a}`, {
      token: cast.tokens.sales,
      body: { nextFollowUp: isoIn(7) },
    });
    const later = await actionItems(cast.tokens.sales);
    expect(later.map((x) => x.link)).not.toContain(`/contacts/${ids.a}`);
  });

  it("each user has their own items: a manager's cover the team, and nobody else can dismiss mine", async () => {
    const mine = await actionItems(cast.tokens.sales);
    const manager = await actionItems(cast.tokens.manager);
    expect(manager.map((i) => i.link)).toContain(`/contacts/${ids.other}`);
    expect(manager.map((i) => i.id)).not.toContain(mine[0]!.id);
    const target = mine[0]!;
    for (const token of [
      cast.tokens.sales2,
      cast.tokens.manager,
      cast.tokens.admin,
      cast.tokens.globexAdmin,
    ]) {
      const res = await t.request('POST', `/api/dashboard/action-items/${target.id}/dismiss`, {
        token,
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await actionItems(cast.tokens.sales)).map((i) => i.id)).toContain(target.id);
    const missing = await t.request('POST', '/api/dashboard/action-items/nope/dismiss', {
      token: cast.tokens.sales,
    });
    expect(missing.status).toBe(404);
  });

  it('answers malformed bodies with a 4xx in the error shape, never a 5xx', async () => {
    const [item] = await actionItems(cast.tokens.manager);
    await fuzzRoute(
      t,
      cast.tokens.sales2,
      'POST',
      `/api/dashboard/action-items/${item!.id}/dismiss`,
      {},
      z.strictObject({}).nullish(),
    );
    const res = await t.request('POST', `/api/dashboard/action-items/${item!.id}/dismiss`, {
      token: cast.tokens.manager,
      body: { reason: 'x' },
    });
    expect(res.status).toBe(422);
    for (const path of ['/forecast', '/summary', '/action-items']) {
      expect((await t.request('GET', `/api/dashboard${path}`)).status).toBe(401);
    }
  });
});
