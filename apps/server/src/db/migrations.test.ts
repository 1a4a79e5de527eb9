import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connection';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations/index';
import { createTestDatabase, testDatabaseKinds } from './testing/databases';

const coreTables = [
  'organizations',
  'users',
  'sessions',
  'refresh_tokens',
  'api_keys',
  'events_outbox',
];
const domainTables = [
  'contacts',
  'communication_events',
  'deals',
  'deal_activities',
  'deal_signals',
  'deal_insights',
  'conversations',
  'messages',
  'message_analysis',
  'attachments',
  'message_templates',
  'calendar_events',
  'attendees',
  'event_attendees',
  'meeting_preparations',
  'meeting_outcomes',
  'meeting_insights',
  'tags',
  'taggings',
  'ai_insights',
  'notifications',
  'action_items',
  // 0003_deal_models
  'deal_models',
  'deal_stage_changes',
];

// Kysely's introspection leaves out its own migration bookkeeping tables. On PostgreSQL it lists
// every schema, so keep only this suite's own (other suites may be running beside it).
async function tableNames({ db, dialect }: DatabaseHandle): Promise<string[]> {
  const tables = await db.introspection.getTables();
  const schema =
    dialect === 'postgres'
      ? (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name
      : undefined;
  return tables
    .filter((table) => schema === undefined || table.schema === schema)
    .map((table) => table.name)
    .sort();
}

describe.each(testDatabaseKinds)('migrations on %s', (kind) => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ handle, drop } = await createTestDatabase(kind, { migrate: false }));
  });
  afterAll(async () => {
    await drop();
  });

  it('creates every table from an empty database', async () => {
    const result = await migrateToLatest(handle.db, { schema: handle.schema });
    expect(result.results?.map((r) => r.status)).toEqual([
      'Success',
      'Success',
      'Success',
      'Success',
    ]);
    expect(await tableNames(handle)).toEqual([...coreTables, ...domainTables].sort());
  });

  it('is a no-op the second time', async () => {
    const result = await migrateToLatest(handle.db, { schema: handle.schema });
    expect(result.results).toEqual([]);
    expect(await tableNames(handle)).toHaveLength(coreTables.length + domainTables.length);
  });

  it('migrates down to nothing', async () => {
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => migrations },
      ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
    });
    const result = await migrator.migrateTo(NO_MIGRATIONS);
    expect(result.error).toBeUndefined();
    expect(result.results?.map((r) => `${r.migrationName}:${r.direction}`)).toEqual([
      '0004_live_row_indexes:Down',
      '0003_deal_models:Down',
      '0002_domain:Down',
      '0001_core:Down',
    ]);
    expect(await tableNames(handle)).toEqual([]);
  });
});
