import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDomainServices, type DomainServices } from '../../src/modules/registry';
import { createInProcessEventBus } from '../../src/realtime/event-bus';
import { createMutate } from '../../src/realtime/mutate';
import { testDatabaseKinds } from '../helpers/databases';
import { createTeam } from '../helpers/factories';
import { signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { getDeal, newContact, newDeal } from './deals-helpers';

// The per-organization model (refit by a job through the service, fitted lazily when scoring) and
// the notices a deal's owner gets when someone else changes it.

describe.each(testDatabaseKinds)('deal model and owner notices on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let services: DomainServices;

  const noticesOf = (userId: string) =>
    t.db.handle.db
      .selectFrom('notifications')
      .select(['type', 'title', 'priority', 'action_url'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    // The services as the background job will hold them, on the same database.
    const db = t.db.handle.db;
    const bus = createInProcessEventBus();
    const clock = () => new Date();
    services = createDomainServices({
      db,
      mutate: createMutate(db, bus, clock),
      clock,
      config: t.config,
      bus,
      llm: null,
    });
  });
  afterAll(() => t.close());

  it('tells the owner when someone else closes their deal or cuts its probability by 15+', async () => {
    const contact = await newContact(t, cast.tokens.sales);
    const owner = cast.acme.sales.id;
    const before = (await noticesOf(owner)).length;

    const own = await newDeal(t, cast.tokens.sales, contact.id, { stage: 'negotiation' });
    await t.request('PATCH', `/api/deals/${own.id}/stage`, {
      token: cast.tokens.sales,
      body: { stage: 'closed-won' },
    });
    expect(await noticesOf(owner)).toHaveLength(before); // the owner closed it: no notice

    const deal = await newDeal(t, cast.tokens.sales, contact.id, {
      stage: 'negotiation',
      title: 'Big one',
    });
    await t.request('PATCH', `/api/deals/${deal.id}/stage`, {
      token: cast.tokens.manager,
      body: { stage: 'closed-lost' },
    });
    expect((await noticesOf(owner)).slice(before)).toEqual([
      {
        type: 'deal_update',
        title: 'Deal lost: Big one',
        priority: 'high',
        action_url: `/deals/${deal.id}`,
      },
    ]);

    const slipping = await newDeal(t, cast.tokens.sales, contact.id, { stage: 'qualified' });
    const res = await t.request('POST', `/api/deals/${slipping.id}/activities`, {
      token: cast.tokens.manager,
      body: {
        type: 'call',
        date: new Date(Date.now() - 60_000).toISOString(),
        description: 'They are also talking to HubSpot and raised budget concerns about the price.',
      },
    });
    expect(res.status).toBe(201);
    const after = await getDeal(t, cast.tokens.sales, slipping.id);
    expect(slipping.probability - after.probability).toBeGreaterThanOrEqual(15);
    const latest = (await noticesOf(owner)).at(-1)!;
    expect(latest).toMatchObject({ type: 'deal_update', action_url: `/deals/${slipping.id}` });
    expect(latest.title).toMatch(/probability dropped/i);
  });

  it('refitModel: null under 30 closed deals, a stored model at 30, blended into scores lazily', async () => {
    const team = await createTeam(t.db.handle.db, 'Initech');
    const token = (await t.login(team.manager.email)).token;
    const contact = await newContact(t, token);
    const close = async (i: number) => {
      const won = i % 3 !== 0;
      const deal = await newDeal(t, token, contact.id, {
        stage: i % 2 ? 'qualified' : 'negotiation',
        value: 5_000 + 1_000 * i,
        description: won
          ? 'Budget approved by the CFO. Decision maker engaged.'
          : 'They went quiet, the champion left the company.',
      });
      if (i % 4 === 0) {
        await t.request('POST', `/api/deals/${deal.id}/activities`, {
          token,
          body: { type: 'demo', date: new Date().toISOString(), description: 'Demo for the team.' },
        });
      }
      const res = await t.request('PATCH', `/api/deals/${deal.id}/stage`, {
        token,
        body: { stage: won ? 'closed-won' : 'closed-lost' },
      });
      expect(res.status).toBe(200);
    };
    for (let i = 0; i < 29; i++) await close(i);

    expect(await services.deals.refitModel(team.organizationId)).toBeNull();
    const none = await t.db.handle.db.selectFrom('deal_models').selectAll().execute();
    expect(none.filter((m) => m.organization_id === team.organizationId)).toEqual([]);
    const rulesOnly = await newDeal(t, token, contact.id, { stage: 'proposal' });
    expect(rulesOnly.probabilityReasoning.join(' ')).not.toMatch(/organization's model/);

    await close(29);
    // The next score finds 30 closed deals and no model: it fits one first.
    const scored = await newDeal(t, token, contact.id, { stage: 'proposal' });
    expect(scored.probabilityReasoning.join(' ')).toMatch(
      /with this organization's model, which gives \d+% \(fitted on 30 closed deals/,
    );
    const stored = await t.db.handle.db
      .selectFrom('deal_models')
      .selectAll()
      .where('organization_id', '=', team.organizationId)
      .executeTakeFirstOrThrow();
    expect(stored.trained_on).toBe(30);
    expect(JSON.parse(stored.model)).toMatchObject({ version: 1, trainingSize: 30, wonCount: 20 });

    expect(await services.deals.refitModel(team.organizationId)).toEqual({ trainedOn: 30 });
    // Other organizations are untouched, and their scores stay rule-based.
    expect(await services.deals.refitModel(cast.acme.organizationId)).toBeNull();
    const acme = await newDeal(t, cast.tokens.sales, (await newContact(t, cast.tokens.sales)).id);
    expect(acme.probabilityReasoning.join(' ')).not.toMatch(/organization's model/);
  });
});
