import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import * as h from './import-helpers';

describe.each(testDatabaseKinds)('deal imports and exports on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  const csv = h.csv;
  const upload = (entity: string, token: string, body: string, query = '') =>
    h.upload(t, entity, token, body, query);
  const importCsv = (entity: string, token: string, body: string, query = '') =>
    h.importCsv(t, entity, token, body, query);
  const contactsNamed = (token: string, search: string) => h.contactsNamed(t, token, search);

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    await t.request('POST', '/api/contacts', {
      token: cast.tokens.sales,
      body: { name: 'Grace Hopper', email: 'grace@navy.test' },
    });
    // More contacts than one export page, so the keyset paging is exercised.
    const rows = [['Name', 'Email']];
    for (let i = 0; i < 2_500; i++) rows.push([`Paged ${i}`, `paged${i}@bulk.test`]);
    await importCsv('contacts', cast.tokens.admin, csv(rows));
  });
  afterAll(() => t.close());

  it('imports deals matched to visible contacts by email or name; contact totals follow', async () => {
    const mk = (name: string, email: string, token = cast.tokens.sales) =>
      t.request('POST', '/api/contacts', { token, body: { name, email } });
    const buyer = (await mk('Deal Buyer', 'buyer@deals.test')).body;
    await mk('Named Person', 'named@deals.test');
    await mk('Sam Same', 'same1@deals.test');
    await mk('Sam Same', 'same2@deals.test');
    await mk('Hidden Person', 'hidden@deals.test', cast.tokens.sales2);
    const file = csv([
      ['Deal name', 'Contact', 'Amount', 'Stage', 'Close date', 'Tags'],
      ['Big renewal', 'buyer@deals.test', '$12,500.00', 'Negotiation', '2030-06-30', 'Renewal'],
      ['By name', 'named person', '50k', 'won', '2030-01-31', ''],
      ['Hidden', 'hidden@deals.test', '100', '', '2030-01-01', ''],
      ['Bad stage', 'buyer@deals.test', '100', 'Maybe', '2030-01-01', ''],
      ['Bad amount', 'buyer@deals.test', 'lots', '', '2030-01-01', ''],
      ['big RENEWAL', 'buyer@deals.test', '1', '', '2030-01-01', ''],
      ['Ambiguous', 'Sam Same', '1', '', '2030-01-01', ''],
      ['No date', 'buyer@deals.test', '1', '', '', ''],
    ]);
    const result = await importCsv('deals', cast.tokens.sales, file);
    expect(result).toMatchObject({ imported: 2, skipped: 6 });
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'Contact'],
      [5, 'Stage'],
      [6, 'Amount'],
      [7, null],
      [8, 'Contact'],
      [9, 'Close date'],
    ]);
    expect(result.errors[4]!.message).toMatch(/Several contacts/);

    const deals = await t.db.handle.db
      .selectFrom('deals')
      .selectAll()
      .where('contact_id', '=', buyer.id)
      .execute();
    expect(deals).toHaveLength(1);
    expect(deals[0]).toMatchObject({
      title: 'Big renewal',
      value: 12_500,
      stage: 'negotiation',
      owner_id: cast.acme.sales.id,
      contact_name: 'Deal Buyer',
    });
    expect(deals[0]!.probability).toBeGreaterThan(50);
    expect(JSON.parse(deals[0]!.probability_reasoning).length).toBeGreaterThan(0);
    expect(deals[0]!.expected_close_date).toBe('2030-06-30T00:00:00.000Z');
    const [contact] = await contactsNamed(cast.tokens.sales, 'deal buyer');
    expect(contact).toMatchObject({ totalDeals: 1, totalValue: 12_500 });
    const won = await t.db.handle.db
      .selectFrom('deals')
      .select(['value', 'stage', 'closed_date', 'probability'])
      .where('title', '=', 'By name')
      .executeTakeFirstOrThrow();
    expect(won).toMatchObject({ value: 50_000, stage: 'closed-won', probability: 100 });
    expect(won.closed_date).toEqual(expect.any(String));
    const created = (await outboxEvents(t, 'deal:created')).map(
      (e) => e.data.deal as { title: string; tags: string[] },
    );
    expect(created).toContainEqual(
      expect.objectContaining({ title: 'Big renewal', tags: ['Renewal'] }),
    );

    // The same file again: everything imported the first time is now a duplicate.
    const again = await importCsv('deals', cast.tokens.sales, file);
    expect(again.imported).toBe(0);
    const missing = await upload('deals', cast.tokens.sales, 'Deal name,Amount\nx,1');
    expect(Object.keys(missing.body.error.details.fields).sort()).toEqual([
      'contact',
      'expectedCloseDate',
    ]);
  });

  it('exports only the visible, live records as CSV, neutralising formulas', async () => {
    const mk = (name: string, email: string, token: string) =>
      t.request('POST', '/api/contacts', { token, body: { name, email, company: '+SUM(A1)' } });
    await mk('=HYPERLINK("http://evil.test","click")', 'formula@export.test', cast.tokens.sales2);
    const gone = (await mk('Deleted Export', 'deleted@export.test', cast.tokens.sales2)).body;
    await t.request('DELETE', `/api/contacts/${gone.id}`, { token: cast.tokens.sales2 });

    const { res, records } = await h.exported(t, 'contacts.csv', cast.tokens.sales2);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = records;
    expect(header!.slice(0, 3)).toEqual(['Name', 'Email', 'Phone']);
    const emails = rows.map((r) => r[1]);
    expect(emails).toContain('formula@export.test');
    expect(emails).not.toContain('deleted@export.test');
    expect(emails).not.toContain('grace@navy.test'); // another sales user's
    const formula = rows.find((r) => r[1] === 'formula@export.test')!;
    expect(formula[0]).toBe('\'=HYPERLINK("http://evil.test","click")');
    expect(formula[3]).toBe("'+SUM(A1)");

    // A manager gets every live contact of the organization, over several pages, each once.
    const all = (await h.exported(t, 'contacts.csv', cast.tokens.manager)).records.slice(1);
    const live = await t.db.handle.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', cast.acme.organizationId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBeGreaterThan(2_500);
    expect(all).toHaveLength(Number(live.n));
    expect(new Set(all.map((r) => r[1])).size).toBe(all.length);
    expect((await h.exported(t, 'contacts.csv', cast.tokens.globexAdmin)).records).toHaveLength(1);
  });

  it('exports deals the caller can see; the export imports back', async () => {
    const { res, text, records } = await h.exported(t, 'deals.csv', cast.tokens.sales);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="deals-/);
    const [header, ...rows] = records;
    expect(header!.slice(0, 7)).toEqual([
      'Title',
      'Contact',
      'Contact email',
      'Company',
      'Value',
      'Stage',
      'Expected close date',
    ]);
    expect(rows.map((r) => r[0]).sort()).toEqual(['Big renewal', 'By name']);
    expect(rows.find((r) => r[0] === 'Big renewal')!.slice(1, 7)).toEqual([
      'Deal Buyer',
      'buyer@deals.test',
      '',
      '12500',
      'negotiation',
      '2030-06-30',
    ]);
    expect((await h.exported(t, 'deals.csv', cast.tokens.sales2)).records).toHaveLength(1);
    // Round trip: the exported file is a valid import (every row a duplicate by now).
    const back = await importCsv('deals', cast.tokens.sales, text);
    expect(back).toMatchObject({ imported: 0, skipped: 2 });
  });
});
