import { DealListResponseSchema, type Deal, type DealSummary } from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzQuery } from '../helpers/fuzz';
import { signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { newContact, newDeal } from './deals-helpers';

// The pipeline views on a fixed clock, over a fresh organization whose every deal the test made,
// so the sums can be computed by hand.

const DAY = 86_400_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

describe.each(testDatabaseKinds)('deal pipeline on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let now = new Date('2030-06-15T12:00:00.000Z');
  const deals: Record<string, Deal> = {};

  const list = async (query: string, token = cast.tokens.manager) => {
    const res = await t.request('GET', `/api/deals?${query}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return DealListResponseSchema.parse(res.body);
  };
  const titles = (rows: DealSummary[]) => rows.map((d) => d.title).sort();

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now });
    cast = await signedInTeams(t);
    const mine = await newContact(t, cast.tokens.sales, {
      name: 'Ada Lovelace',
      company: 'Engines Ltd',
    });
    const theirs = await newContact(t, cast.tokens.sales2, { company: 'Babbage & Co' });
    const make = async (
      token: string,
      contact: string,
      title: string,
      extra: Record<string, unknown>,
    ) => {
      deals[title] = await newDeal(t, token, contact, { title, ...extra });
    };
    // Open, this month, hot (negotiation prior 85).
    await make(cast.tokens.sales, mine.id, 'Hot June', {
      stage: 'negotiation',
      value: 40_000,
      expectedCloseDate: '2030-06-28',
    });
    // Open, this month, not hot; a competitor makes it at risk.
    await make(cast.tokens.sales, mine.id, 'Contested June', {
      stage: 'proposal',
      value: 12_500,
      expectedCloseDate: '2030-06-20',
      competitorMentioned: 'Salesforce',
    });
    // Open, next month (outside this month, inside 30 days), risk in the description.
    await make(cast.tokens.sales2, theirs.id, 'Worried July', {
      stage: 'qualified',
      value: 8_000,
      expectedCloseDate: '2030-07-05',
      description: 'They went quiet, the champion left the company.',
    });
    // Open, 65% (the proposal prior): just under "hot", and beyond the 30 closing days.
    await make(cast.tokens.sales2, theirs.id, 'Steady August', {
      stage: 'proposal',
      value: 3_000,
      expectedCloseDate: '2030-08-20',
    });
    // Open, far out.
    await make(cast.tokens.sales2, theirs.id, 'Far Autumn', {
      stage: 'prospect',
      value: 100_000,
      expectedCloseDate: '2030-10-01',
    });
    // Closed deals count in stage stats but never in the forecast or the filters.
    await make(cast.tokens.sales, mine.id, 'Won June', {
      stage: 'negotiation',
      value: 7_000,
      expectedCloseDate: '2030-06-18',
    });
    const won = await t.request('PATCH', `/api/deals/${deals['Won June']!.id}/stage`, {
      token: cast.tokens.sales,
      body: { stage: 'closed-won' },
    });
    deals['Won June'] = won.body;
    // Deleted deals disappear from everything.
    await make(cast.tokens.sales, mine.id, 'Deleted June', {
      stage: 'negotiation',
      value: 999_999,
      expectedCloseDate: '2030-06-25',
    });
    await t.request('DELETE', `/api/deals/${deals['Deleted June']!.id}`, {
      token: cast.tokens.sales,
    });
  });
  afterAll(() => t.close());

  const open = () =>
    ['Hot June', 'Contested June', 'Worried July', 'Steady August', 'Far Autumn'].map(
      (k) => deals[k]!,
    );

  it('forecast: pipeline, weighted forecast and this month, over visible open deals', async () => {
    const res = await t.request('GET', '/api/deals/forecast', { token: cast.tokens.manager });
    expect(res.status).toBe(200);
    const june = open().filter((d) => d.expectedCloseDate.startsWith('2030-06'));
    expect(june).toHaveLength(2);
    expect(res.body).toEqual({
      totalPipeline: 40_000 + 12_500 + 8_000 + 3_000 + 100_000,
      weightedForecast: round2(open().reduce((s, d) => s + (d.value * d.probability) / 100, 0)),
      dealsClosingThisMonth: 2,
      monthlyForecast: round2(june.reduce((s, d) => s + (d.value * d.probability) / 100, 0)),
    });
    const mine = (await t.request('GET', '/api/deals/forecast', { token: cast.tokens.sales })).body;
    expect(mine.totalPipeline).toBe(52_500);
    expect(mine.dealsClosingThisMonth).toBe(2);
    const other = (
      await t.request('GET', '/api/deals/forecast', { token: cast.tokens.globexAdmin })
    ).body;
    expect(other).toEqual({
      totalPipeline: 0,
      weightedForecast: 0,
      dealsClosingThisMonth: 0,
      monthlyForecast: 0,
    });
  });

  it('stage stats: every stage, counts, values, average probability and days in stage', async () => {
    now = new Date(now.getTime() + 3 * DAY);
    const token = (await t.login(cast.acme.manager.email)).token; // the old token expired
    const res = await t.request('GET', '/api/deals/stage-stats', { token });
    expect(res.status).toBe(200);
    const byStage = Object.fromEntries(res.body.map((s: { stage: string }) => [s.stage, s]));
    expect(res.body.map((s: { stage: string }) => s.stage)).toEqual([
      'prospect',
      'qualified',
      'proposal',
      'negotiation',
      'closed-won',
      'closed-lost',
    ]);
    expect(byStage.negotiation).toEqual({
      stage: 'negotiation',
      count: 1,
      totalValue: 40_000,
      avgProbability: deals['Hot June']!.probability,
      avgDaysInStage: 3,
    });
    expect(byStage['closed-won']).toMatchObject({
      count: 1,
      totalValue: 7_000,
      avgProbability: 100,
    });
    expect(byStage['closed-lost']).toEqual({
      stage: 'closed-lost',
      count: 0,
      totalValue: 0,
      avgProbability: 0,
      avgDaysInStage: 0,
    });
    const salesStats = (
      await t.request('GET', '/api/deals/stage-stats', {
        token: (await t.login(cast.acme.sales.email)).token,
      })
    ).body;
    expect(salesStats.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(3);
    now = new Date(now.getTime() - 3 * DAY);
  });

  it('filters hot, at-risk and closing-soon leave closed and deleted deals out', async () => {
    const token = (await t.login(cast.acme.manager.email)).token;
    const get = async (q: string) => {
      const res = await t.request('GET', `/api/deals?${q}`, { token });
      return titles(DealListResponseSchema.parse(res.body).data);
    };
    expect(await get('filter=hot')).toEqual(['Hot June']);
    expect(await get('filter=at-risk')).toEqual(['Contested June', 'Worried July']);
    expect(await get('filter=closing-soon')).toEqual([
      'Contested June',
      'Hot June',
      'Worried July',
    ]);
    expect(deals['Steady August']!.probability).toBe(65);
    expect(await get('filter=all&limit=100')).toHaveLength(6);
    // Fifteen quiet days put every open deal at risk (no activity for 14 days).
    now = new Date(now.getTime() + 15 * DAY);
    const later = (await t.login(cast.acme.manager.email)).token;
    const quiet = await t.request('GET', '/api/deals?filter=at-risk', { token: later });
    expect(titles(quiet.body.data)).toEqual([
      'Contested June',
      'Far Autumn',
      'Hot June',
      'Steady August',
      'Worried July',
    ]);
    now = new Date(now.getTime() - 15 * DAY);
  });

  it('search, stage, value and close-date filters, sort and paging', async () => {
    cast.tokens.manager = (await t.login(cast.acme.manager.email)).token;
    cast.tokens.sales = (await t.login(cast.acme.sales.email)).token;
    expect(titles((await list('search=ENGINES')).data)).toEqual([
      'Contested June',
      'Hot June',
      'Won June',
    ]);
    expect(titles((await list('search=lovelace')).data)).toHaveLength(3);
    expect(titles((await list('search=autumn')).data)).toEqual(['Far Autumn']);
    expect((await list('search=%25')).data).toEqual([]);
    expect(titles((await list('stage=qualified')).data)).toEqual(['Worried July']);
    expect(titles((await list('minValue=10000&maxValue=50000')).data)).toEqual([
      'Contested June',
      'Hot June',
    ]);
    expect(titles((await list('closeFrom=2030-06-20&closeTo=2030-07-05')).data)).toEqual([
      'Contested June',
      'Hot June',
      'Worried July',
    ]);
    const byDefault = (await list('limit=100')).data.map((d) => d.probability);
    expect(byDefault).toEqual([...byDefault].sort((a, b) => b - a));
    const byValue = (await list('sort=value')).data.map((d) => d.value);
    expect(byValue).toEqual([3_000, 7_000, 8_000, 12_500, 40_000, 100_000]);
    const page1 = await list('sort=-value&limit=2&page=1');
    const page3 = await list('sort=-value&limit=2&page=3');
    expect(page1.meta).toEqual({ total: 6, page: 1, limit: 2 });
    expect(page1.data.map((d) => d.value)).toEqual([100_000, 40_000]);
    expect(page3.data.map((d) => d.value)).toEqual([7_000, 3_000]);
    const salesOnly = await list('limit=100', cast.tokens.sales);
    expect(salesOnly.data.every((d) => d.ownerId === cast.acme.sales.id)).toBe(true);
    expect(salesOnly.meta.total).toBe(3);
    expect((await list('limit=100', cast.tokens.sales2)).meta.total).toBe(3);
  });

  it('answers hostile query strings with a 2xx or a 4xx, never a 5xx', async () => {
    await fuzzQuery(t, cast.tokens.manager, '/api/deals', [
      'page',
      'limit',
      'sort',
      'filter',
      'search',
      'stage',
      'minValue',
      'maxValue',
      'closeFrom',
      'closeTo',
      'other',
    ]);
    const bad = await t.request('GET', '/api/deals?filter=lukewarm&sort=-owner', {
      token: cast.tokens.manager,
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(['filter', 'sort']);
  });
});
