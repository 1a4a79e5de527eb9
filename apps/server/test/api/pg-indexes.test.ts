import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases';
import { signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';

const url = process.env.TEST_DATABASE_URL;
const BIG_TABLES = [
  'contacts',
  'deals',
  'conversations',
  'calendar_events',
  'messages',
  'notifications',
];

/**
 * The documented list filters and sorts are served by indexes on PostgreSQL: every SELECT the
 * routes run is EXPLAINed with sequential scans disabled, and a plan that still has to scan one of
 * the big tables fails. (Substring text search is the known exception; see docs/data-model.md.)
 */
describe.skipIf(!url)('PostgreSQL plans of the list routes', () => {
  let database: TestDatabase;
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  let recording = false;

  beforeAll(async () => {
    database = await createTestDatabase('postgres', {
      onQuery: (sql, parameters) => {
        if (recording && /^select/i.test(sql.trim())) statements.push({ sql, parameters });
      },
    });
    t = await startTestApp('postgres', { database });
    cast = await signedInTeams(t);
    const contact = await t.request('POST', '/api/contacts', {
      token: cast.tokens.sales,
      body: { name: 'Plan Contact', email: 'plan@plan.test' },
    });
    await t.request('POST', '/api/deals', {
      token: cast.tokens.sales,
      body: {
        title: 'Plan deal',
        contactId: contact.body.id,
        value: 1000,
        stage: 'proposal',
        expectedCloseDate: '2030-01-01',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  const routes = [
    '/api/contacts',
    '/api/contacts?filter=high-value',
    '/api/contacts?filter=at-risk',
    '/api/contacts?filter=recent',
    '/api/contacts?sort=name',
    '/api/contacts?sort=-lastContact',
    '/api/contacts?sort=-totalValue',
    '/api/contacts/stats',
    '/api/deals',
    '/api/deals?filter=hot',
    '/api/deals?filter=closing-soon',
    '/api/deals?stage=proposal',
    '/api/deals?sort=-value',
    '/api/conversations',
    '/api/conversations?filter=unread',
    '/api/calendar/events?start=2026-01-01&end=2026-02-01',
    '/api/notifications',
  ];

  it.each(['manager', 'sales'] as const)(
    'uses indexes for every documented filter and sort (as %s)',
    async (role) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`set search_path to ${database.schema}`);
        await client.query('set enable_seqscan = off');
        for (const route of routes) {
          statements.length = 0;
          recording = true;
          const res = await t.request('GET', route, { token: cast.tokens[role] });
          recording = false;
          expect(res.status, route).toBe(200);
          const listed = statements.filter((s) =>
            BIG_TABLES.some((table) => s.sql.includes(`from "${table}"`)),
          );
          expect(listed.length, route).toBeGreaterThan(0);
          for (const statement of listed) {
            const plan = await client.query(`explain ${statement.sql}`, [...statement.parameters]);
            const text = plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
            const scanned = BIG_TABLES.filter((table) =>
              new RegExp(`Seq Scan on ${table}\\b`).test(text),
            );
            expect(scanned, `${route}\n${statement.sql}\n${text}`).toEqual([]);
          }
        }
      } finally {
        await client.end();
      }
    },
  );
});
