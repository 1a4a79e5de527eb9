import { sql, type Kysely } from 'kysely';

// Counting a page's total ("how many live contacts does this caller see") must not visit every
// row to read deleted_at: partial indexes over the live rows answer it from the index alone.
const TABLES = ['contacts', 'deals', 'conversations', 'calendar_events'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`create index ${sql.id(`${table}_live_owner_idx`)} on ${sql.id(table)} (organization_id, owner_id) where deleted_at is null`.execute(
      db,
    );
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_live_owner_idx`).ifExists().execute();
  }
}
