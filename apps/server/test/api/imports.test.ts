import { ImportResultSchema } from '@flow/contracts';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzQuery, fuzzRoute } from '../helpers/fuzz';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import * as h from './import-helpers';

describe.each(testDatabaseKinds)('contact imports on %s', (kind) => {
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
      token: cast.tokens.sales2,
      body: { name: 'Already Here', email: 'taken@client.test' },
    });
  });
  afterAll(() => t.close());

  it('imports the good rows of a contacts CSV and lists every bad one with its line and column', async () => {
    const file = [
      'Full name,E-mail,Organisation,Job title,Phone,Tags,Notes,Next follow-up,Favourite colour',
      'Grace Hopper,grace@navy.test,US Navy,Rear Admiral,+1 555 0101,VIP; Enterprise,Met at a conference,2030-01-15,blue',
      'Bad Email,not-an-email,Acme,,,,,,',
      ',noname@client.test,Acme,,,,,,',
      '',
      'Grace Again,GRACE@navy.test,US Navy,,,,,,',
      'Taken,taken@client.test,Acme,,,,,,',
      'Alan Turing,alan@bletchley.test,Bletchley,,,,"Line one',
      'line two",,',
      'Bad Date,bad-date@client.test,,,,,,next tuesday,',
      'Katherine Johnson,katherine@nasa.test,NASA,,,,,,',
    ].join('\n');
    const result = await importCsv('contacts', cast.tokens.sales, file, '?importId=import-1');
    expect(result).toMatchObject({ importId: 'import-1', imported: 3, skipped: 5 });
    expect(result.errors).toEqual([
      { row: 3, field: 'E-mail', message: expect.any(String) },
      { row: 4, field: 'Full name', message: expect.any(String) },
      { row: 6, field: 'email', message: 'This email appears earlier in the file' },
      { row: 7, field: 'email', message: 'A contact with this email already exists' },
      { row: 10, field: 'Next follow-up', message: expect.any(String) },
    ]);

    const [grace] = await contactsNamed(cast.tokens.sales, 'grace hopper');
    expect(grace).toMatchObject({
      email: 'grace@navy.test',
      ownerId: cast.acme.sales.id,
      tags: ['Enterprise', 'VIP'],
      notes: ['Met at a conference'],
      nextFollowUp: '2030-01-15T00:00:00.000Z',
      totalDeals: 0,
    });
    // Scored like a contact created through the API with no history.
    const created = await t.request('POST', '/api/contacts', {
      token: cast.tokens.sales,
      body: { name: 'Fresh', email: 'fresh@client.test' },
    });
    expect(grace!.healthScore).toBe(created.body.healthScore);
    expect(grace!.relationshipHealth).toBe(created.body.relationshipHealth);
    const [alan] = await contactsNamed(cast.tokens.sales, 'alan turing');
    expect(alan!.notes).toEqual(['Line one\nline two']);

    const progress = (await outboxEvents(t, 'import:progress')).filter(
      (e) => e.data.importId === 'import-1',
    );
    expect(progress.map((e) => e.data)).toEqual([{ importId: 'import-1', processed: 8, total: 8 }]);
    expect(progress[0]).toMatchObject({
      owner_id: cast.acme.sales.id,
      actor_id: cast.acme.sales.id,
    });
    const created3 = (await outboxEvents(t, 'contact:created')).map(
      (e) => (e.data.contact as { email: string }).email,
    );
    expect(created3).toEqual(
      expect.arrayContaining(['grace@navy.test', 'alan@bletchley.test', 'katherine@nasa.test']),
    );
  });

  it('accepts text/csv with a charset, and multipart/form-data with the CSV in the field "file"', async () => {
    const send = async (field: string) => {
      const form = new FormData();
      form.append(
        field,
        new Blob(
          [
            csv([
              ['Name', 'Email'],
              ['Multi Part', 'multipart@client.test'],
            ]),
          ],
          { type: 'text/csv' },
        ),
        'contacts.csv',
      );
      const res = await fetch(`${t.baseUrl}/api/import/contacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${cast.tokens.sales}` },
        body: form,
      });
      return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
    };
    const charset = await t.request('POST', '/api/import/contacts', {
      token: cast.tokens.sales,
      rawBody: csv([
        ['Name', 'Email'],
        ['Char Set', 'charset@client.test'],
      ]),
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(charset.body).toMatchObject({ imported: 1 });
    const wrong = await send('upload');
    expect(wrong.status).toBe(422);
    const ok = await send('file');
    expect(ok.status).toBe(200);
    expect(ImportResultSchema.parse(ok.body)).toMatchObject({
      imported: 1,
      skipped: 0,
      errors: [],
    });
  });

  it('refuses what is not a usable CSV: JSON, no body, missing columns, broken quoting', async () => {
    const json = await t.request('POST', '/api/import/contacts', {
      token: cast.tokens.sales,
      body: { name: 'x' },
    });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('BAD_REQUEST');
    const empty = await t.request('POST', '/api/import/contacts', { token: cast.tokens.sales });
    expect(empty.status).toBe(400);
    const noEmail = await upload('contacts', cast.tokens.sales, 'Name,Company\nX,Y');
    expect(noEmail.status).toBe(422);
    expect(Object.keys(noEmail.body.error.details.fields)).toEqual(['email']);
    const headerOnly = await importCsv('contacts', cast.tokens.sales, 'Name,Email\n');
    expect(headerOnly).toMatchObject({ imported: 0, skipped: 0, errors: [] });
    const blank = await upload('contacts', cast.tokens.sales, '\n\n');
    expect(blank.status).toBe(422);
    const broken = await upload(
      'contacts',
      cast.tokens.sales,
      'Name,Email\n"Open quote,x@y.test\n',
    );
    expect(broken.status).toBe(422);
    expect(broken.body.error.message).toMatch(/CSV/);
  });

  it('lets a manager import for a colleague (Owner column); a sales user may not', async () => {
    const file = csv([
      ['Name', 'Email', 'Owner'],
      ['Owned By Two', 'owned2@client.test', cast.acme.sales2.email.toUpperCase()],
    ]);
    const sales = await importCsv('contacts', cast.tokens.sales, file);
    expect(sales.errors).toEqual([
      { row: 2, field: 'Owner', message: 'Sales users can only import records they own' },
    ]);
    const manager = await importCsv('contacts', cast.tokens.manager, file);
    expect(manager.imported).toBe(1);
    const [row] = await contactsNamed(cast.tokens.sales2, 'owned by two');
    expect(row!.ownerId).toBe(cast.acme.sales2.id);
    const stranger = await importCsv(
      'contacts',
      cast.tokens.manager,
      csv([
        ['Name', 'Email', 'Owner'],
        ['X', 'x-owner@client.test', cast.globex.admin.email],
      ]),
    );
    expect(stranger.errors[0]).toMatchObject({ row: 2, field: 'Owner' });
  });

  it('imports 5,000 rows in batches, with a progress event after each batch', async () => {
    const rows = [['Name', 'Email', 'Company']];
    for (let i = 0; i < 5_000; i++) rows.push([`Bulk ${i}`, `bulk${i}@bulk.test`, 'Bulk Co']);
    const before = (await outboxEvents(t, 'contact:created')).length;
    const result = await importCsv('contacts', cast.tokens.admin, csv(rows), '?importId=bulk-5000');
    expect(result).toEqual({ importId: 'bulk-5000', imported: 5_000, skipped: 0, errors: [] });
    const progress = (await outboxEvents(t, 'import:progress'))
      .filter((e) => e.data.importId === 'bulk-5000')
      .map((e) => e.data.processed);
    expect(progress).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000]);
    // A large import is announced by its progress, not contact by contact.
    expect((await outboxEvents(t, 'contact:created')).length).toBe(before);
    const count = await t.db.handle.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', 'like', '%@bulk.test')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5_000);
    // Uploading it again imports nothing new.
    const again = await importCsv('contacts', cast.tokens.admin, csv(rows.slice(0, 3)));
    expect(again).toMatchObject({ imported: 0, skipped: 2 });
  });

  it('refuses more than 50,000 rows (413) and an upload over 20 MB, importing nothing', async () => {
    const lines = ['Name,Email'];
    for (let i = 0; i <= 50_000; i++) lines.push(`Too Many ${i},toomany${i}@x.test`);
    const res = await upload('contacts', cast.tokens.sales, lines.join('\n'));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.body.error.message).toMatch(/50,000/);
    expect(await contactsNamed(cast.tokens.sales, 'too many')).toEqual([]);
    const huge = await upload(
      'contacts',
      cast.tokens.sales,
      `Name,Email\n${'x'.repeat(21 * 1024 * 1024)}`,
    );
    expect(huge.status).toBe(413);
  });

  it('never answers a 5xx to hostile uploads or parameters', async () => {
    const hostile = [
      '"',
      '\u0000',
      'Name,Email\n\u0000,\u0000@x.test',
      'Name,Email\n=cmd|calc,a@b.test,extra,cells',
      'Name,Email\n' + '💥'.repeat(1000) + ',boom@x.test',
      'Name;Email\nsemi;colon@x.test',
      '\uFEFFName,Email\nBom Person,bom@x.test',
    ];
    for (const body of hostile) {
      for (const entity of ['contacts', 'deals']) {
        const res = await upload(entity, cast.tokens.sales, body);
        expect(res.status, JSON.stringify(body).slice(0, 40)).toBeLessThan(500);
        if (res.status >= 400) expect(res.body.error.code).toEqual(expect.any(String));
      }
    }
    const [bom] = await contactsNamed(cast.tokens.sales, 'bom person');
    expect(bom?.email).toBe('bom@x.test');
    // JSON bodies are never a CSV: every one is refused in the error shape.
    await fuzzRoute(t, cast.tokens.sales, 'POST', '/api/import/deals', { file: 'x' }, z.never());
    await fuzzQuery(t, cast.tokens.sales, '/api/export/contacts.csv', ['x', 'page']);
    for (const query of ['?importId=', `?importId=${'x'.repeat(65)}`, '?other=1']) {
      const res = await upload('contacts', cast.tokens.sales, 'Name,Email\n', query);
      expect(res.status, query).toBe(422);
    }
    expect((await t.request('GET', '/api/export/deals.csv')).status).toBe(401);
  });
});
