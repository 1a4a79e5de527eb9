import { PostgresAdapter, type ColumnDataType, type Kysely } from 'kysely';

/**
 * Column types that read back the same way on SQLite and PostgreSQL: timestamps as ISO strings,
 * JSON as text (jsonb on PostgreSQL), flags as 0/1 integers (SQLite cannot bind booleans),
 * money as double precision.
 */
export interface ColumnTypes {
  id: ColumnDataType;
  timestamp: ColumnDataType;
  json: ColumnDataType;
  money: ColumnDataType;
  /** Auto-increasing integer primary key (outbox event ids). */
  serial: ColumnDataType;
}

// Migrations receive Kysely<any>: they describe tables before the typed schema exists.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function columnTypes(db: Kysely<any>): ColumnTypes {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return postgres
    ? { id: 'text', timestamp: 'timestamptz', json: 'jsonb', money: 'float8', serial: 'bigserial' }
    : { id: 'text', timestamp: 'text', json: 'text', money: 'real', serial: 'integer' };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
