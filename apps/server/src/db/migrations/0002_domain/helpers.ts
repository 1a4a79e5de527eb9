import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../../column-types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations predate the typed schema
export type MigrationDb = Kysely<any>;

export interface MigrationContext {
  db: MigrationDb;
  t: ColumnTypes;
}

export async function index(
  db: MigrationDb,
  name: string,
  table: string,
  columns: string[],
): Promise<void> {
  await db.schema.createIndex(name).on(table).columns(columns).execute();
}

/**
 * The same index twice: org-wide for managers and admins (who see the whole organization), and
 * per owner for sales users (whose every query carries `owner_id = me`).
 */
export async function orgAndOwnerIndexes(
  db: MigrationDb,
  table: string,
  columns: string[],
): Promise<void> {
  const suffix = columns.join('_');
  await index(db, `${table}_org_${suffix}_idx`, table, ['organization_id', ...columns]);
  await index(db, `${table}_owner_${suffix}_idx`, table, [
    'organization_id',
    'owner_id',
    ...columns,
  ]);
}
