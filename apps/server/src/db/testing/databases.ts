import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DatabaseOptions } from '../connection';
import { migrateToLatest } from '../migrate';

export type TestDatabaseKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const testDatabaseKinds: TestDatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestDatabase {
  handle: DatabaseHandle;
  url: string;
  /** PostgreSQL schema the database lives in, if any. */
  schema?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database: SQLite in memory, or a new PostgreSQL schema dropped afterwards. */
export async function createTestDatabase(
  kind: TestDatabaseKind,
  { migrate = true, onQuery }: { migrate?: boolean; onQuery?: DatabaseOptions['onQuery'] } = {},
): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const handle = openDatabase('sqlite::memory:');
    if (migrate) await migrateToLatest(handle.db);
    return { handle, url: 'sqlite::memory:', drop: () => handle.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  const handle = openDatabase(url, {
    searchPath: schema,
    poolSize: 4,
    ...(onQuery ? { onQuery } : {}),
  });
  if (migrate) await migrateToLatest(handle.db, { schema: handle.schema });
  return {
    handle,
    url,
    schema,
    drop: async () => {
      await handle.close();
      await adminQuery(url, `drop schema if exists ${schema} cascade`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
