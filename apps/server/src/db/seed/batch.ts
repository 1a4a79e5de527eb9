import type { InsertObject, Insertable, Kysely } from 'kysely';
import type { Database } from '../schema';

// SQLite refuses statements with more than 32766 bound parameters (PostgreSQL: 65535).
const MAX_PARAMETERS = 30_000;

/**
 * Inserts rows as multi-row statements of at most `maxRows` rows. Every row must carry the same
 * keys: Kysely fills a missing key with DEFAULT, which SQLite renders as NULL.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly InsertObject<Database, T>[],
  maxRows = 500,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first).length;
  const size = Math.max(1, Math.min(maxRows, Math.floor(MAX_PARAMETERS / columns)));
  for (let start = 0; start < rows.length; start += size) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + size))
      .execute();
  }
}

/** A row with every column spelled out (see insertRows on why seeds never omit a column). */
export type FullRow<T extends keyof Database> = Required<Insertable<Database[T]>>;
