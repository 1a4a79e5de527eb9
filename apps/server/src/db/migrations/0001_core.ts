import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres } from '../column-types';

// Organizations, users, sessions and refresh tokens, org API keys and the realtime outbox.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const now = isPostgres(db) ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

  await db.schema
    .createTable('organizations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('settings', t.json, (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('avatar', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('preferences', t.json, (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('feed_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_login', t.timestamp)
    .execute();
  // Emails are unique across the whole server: login takes an email, not an organization.
  await db.schema.createIndex('users_email_uq').on('users').column('email').unique().execute();
  await db.schema
    .createIndex('users_org_idx')
    .on('users')
    .columns(['organization_id', 'name'])
    .execute();
  await db.schema
    .createIndex('users_feed_secret_uq')
    .on('users')
    .column('feed_secret')
    .unique()
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .addColumn('revoked_reason', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema
    .createIndex('sessions_user_idx')
    .on('sessions')
    .columns(['user_id', 'revoked_at'])
    .execute();

  // One row per refresh token ever issued: a spent token presented again is recognised as reuse.
  await db.schema
    .createTable('refresh_tokens')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('session_id', t.id, (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('refresh_tokens_hash_uq')
    .on('refresh_tokens')
    .column('token_hash')
    .unique()
    .execute();
  await db.schema
    .createIndex('refresh_tokens_session_idx')
    .on('refresh_tokens')
    .column('session_id')
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('api_keys_hash_uq')
    .on('api_keys')
    .column('key_hash')
    .unique()
    .execute();

  // Realtime outbox: written in the same transaction as the change it describes. `owner_id` is the
  // owner of the record, so delivery can apply the same visibility rule as every query.
  const outbox = db.schema.createTable('events_outbox');
  await (
    isPostgres(db)
      ? outbox.addColumn('id', t.serial, (c) => c.primaryKey())
      : outbox.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('owner_id', t.id)
    .addColumn('actor_id', t.id)
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_outbox_org_idx')
    .on('events_outbox')
    .columns(['organization_id', 'id'])
    .execute();
  await db.schema
    .createIndex('events_outbox_created_idx')
    .on('events_outbox')
    .column('created_at')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'events_outbox',
    'api_keys',
    'refresh_tokens',
    'sessions',
    'users',
    'organizations',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
