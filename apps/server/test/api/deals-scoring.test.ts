import { DealActivitySchema } from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { getDeal, newContact, newDeal } from './deals-helpers';

// What the engine makes of a deal's description and activities, and how stages move it.

describe.each(testDatabaseKinds)('deal scoring and stages on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let contactId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    contactId = (await newContact(t, cast.tokens.sales)).id;
  });
  afterAll(() => t.close());

  it('reads signals from the description: positive ones lift the probability above the prior', async () => {
    const deal = await newDeal(t, cast.tokens.sales, contactId, {
      stage: 'proposal',
      description: 'The VP of Sales is engaged and we agreed on a timeline for rollout.',
    });
    expect(deal.positiveSignals).toEqual(['Decision maker engaged', 'Timeline agreed']);
    expect(deal.probability).toBeGreaterThan(65);
    expect(deal.probabilityReasoning.join(' ')).toMatch(/positive signals outnumber risks/);
    const signals = await t.db.handle.db
      .selectFrom('deal_signals')
      .select(['kind', 'label', 'source_type'])
      .where('deal_id', '=', deal.id)
      .orderBy('label')
      .execute();
    expect(signals).toEqual([
      { kind: 'positive', label: 'Decision maker engaged', source_type: 'manual' },
      { kind: 'positive', label: 'Timeline agreed', source_type: 'manual' },
    ]);
  });

  it('an activity naming a competitor and budget concerns lowers the probability and records the risks', async () => {
    const deal = await newDeal(t, cast.tokens.sales, contactId, { stage: 'proposal' });
    const date = new Date(Date.now() - 3_600_000).toISOString();
    const res = await t.request('POST', `/api/deals/${deal.id}/activities`, {
      token: cast.tokens.sales,
      body: {
        type: 'call',
        date,
        description: 'They are also talking to HubSpot and raised budget concerns about the price.',
        nextStep: 'Send a revised quote',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(DealActivitySchema.parse(res.body)).toMatchObject({
      dealId: deal.id,
      type: 'call',
      date,
    });
    const after = await getDeal(t, cast.tokens.sales, deal.id);
    expect(after.probability).toBeLessThan(deal.probability);
    expect(after.competitorMentioned).toBe('HubSpot');
    expect(after.riskFactors).toEqual(
      expect.arrayContaining(['Budget concerns', 'Competitor evaluated: HubSpot']),
    );
    expect(after.probabilityReasoning.join(' ')).toMatch(/competitor HubSpot mentioned/);
    expect(after.lastActivity).toBe(date);
    expect(after.activities.map((a) => a.id)).toEqual([res.body.id]);
    expect(after.aiInsights.map((i) => i.type)).toContain('competitor');
    const stored = await t.db.handle.db
      .selectFrom('deal_insights')
      .select('id')
      .where('deal_id', '=', deal.id)
      .execute();
    expect(stored.map((r) => r.id).sort()).toEqual(after.aiInsights.map((i) => i.id).sort());
    const added = (await outboxEvents(t, 'deal:activity_added')).at(-1)!;
    expect(added.data).toEqual({ dealId: deal.id, activity: res.body });
    const updated = (await outboxEvents(t, 'deal:updated')).at(-1)!;
    expect(updated.data).toMatchObject({
      id: deal.id,
      changes: { probability: after.probability, competitorMentioned: 'HubSpot' },
    });
  });

  it('lists activities newest first on the detail', async () => {
    const deal = await newDeal(t, cast.tokens.sales, contactId);
    for (const daysAgo of [5, 1, 3]) {
      await t.request('POST', `/api/deals/${deal.id}/activities`, {
        token: cast.tokens.sales,
        body: {
          type: 'note',
          date: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
          description: `Note from ${daysAgo} days ago`,
        },
      });
    }
    const detail = await getDeal(t, cast.tokens.sales, deal.id);
    expect(detail.activities.map((a) => a.description)).toEqual([
      'Note from 1 days ago',
      'Note from 3 days ago',
      'Note from 5 days ago',
    ]);
    expect(detail.lastActivity).toBe(detail.activities[0]!.date);
  });

  it('closing stages set closedDate and a final probability; reopening clears it; events carry the payload', async () => {
    const deal = await newDeal(t, cast.tokens.sales, contactId, { stage: 'negotiation' });
    const won = await t.request('PATCH', `/api/deals/${deal.id}/stage`, {
      token: cast.tokens.sales,
      body: { stage: 'closed-won' },
    });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ stage: 'closed-won', probability: 100, aiInsights: [] });
    expect(won.body.closedDate).toEqual(expect.any(String));
    expect(Date.parse(won.body.closedDate)).toBeGreaterThanOrEqual(Date.parse(deal.createdDate));
    const changed = (await outboxEvents(t, 'deal:stage_changed')).at(-1)!;
    expect(changed.data).toEqual({
      id: deal.id,
      oldStage: 'negotiation',
      newStage: 'closed-won',
      probability: 100,
    });
    expect(changed.owner_id).toBe(cast.acme.sales.id);
    expect((await outboxEvents(t, 'deal:updated')).at(-1)!.data).toMatchObject({
      id: deal.id,
      changes: { stage: 'closed-won', probability: 100, closedDate: won.body.closedDate },
    });

    const lost = await t.request('PATCH', `/api/deals/${deal.id}/stage`, {
      token: cast.tokens.sales,
      body: { stage: 'closed-lost' },
    });
    expect(lost.body).toMatchObject({ stage: 'closed-lost', probability: 0 });
    expect(lost.body.closedDate).toBe(won.body.closedDate);

    const reopened = await t.request('PATCH', `/api/deals/${deal.id}/stage`, {
      token: cast.tokens.sales,
      body: { stage: 'proposal' },
    });
    expect(reopened.body.stage).toBe('proposal');
    expect(reopened.body.closedDate).toBeUndefined();
    expect(reopened.body.probability).toBe(65);
    const history = await t.db.handle.db
      .selectFrom('deal_stage_changes')
      .select(['from_stage', 'to_stage'])
      .where('deal_id', '=', deal.id)
      .orderBy('changed_at')
      .orderBy('id')
      .execute();
    expect(history.map((h) => `${h.from_stage}>${h.to_stage}`)).toEqual([
      'null>negotiation',
      'negotiation>closed-won',
      'closed-won>closed-lost',
      'closed-lost>proposal',
    ]);
    const viaPut = await t.request('PUT', `/api/deals/${deal.id}`, {
      token: cast.tokens.sales,
      body: { stage: 'closed-won' },
    });
    expect(viaPut.body.closedDate).toEqual(expect.any(String));
    expect((await outboxEvents(t, 'deal:stage_changed')).at(-1)!.data).toMatchObject({
      oldStage: 'proposal',
      newStage: 'closed-won',
    });
  });
});
