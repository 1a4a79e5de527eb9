import { sql } from 'kysely';
import { index, type MigrationContext } from './helpers';

/** Tags, AI insights on any record, and the per-user notifications and dashboard action items. */
export async function createShared({ db, t }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('tags')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  // One tag per name: "add tag X" upserts on this key (re-creating a deleted name revives its
  // row; deleting a tag removes its taggings).
  await db.schema
    .createIndex('tags_org_name_uq')
    .on('tags')
    .columns(['organization_id', 'name'])
    .unique()
    .execute();

  // Tags are attached only here (one source of truth); lists load the taggings of a page's ids.
  // entity_id has no foreign key because it points at one of four tables.
  await db.schema
    .createTable('taggings')
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('tag_id', t.id, (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('entity_type', 'text', (c) => c.notNull()) // 'contact' | 'deal' | 'conversation' | 'event'
    .addColumn('entity_id', t.id, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('taggings_pk', ['tag_id', 'entity_type', 'entity_id'])
    .execute();
  // The primary key serves tag= filters (tag → entities); this serves "tags of these records".
  await index(db, 'taggings_entity_idx', 'taggings', ['entity_type', 'entity_id']);

  // Insights on contacts (and any future record type). Deals and meetings have their own tables
  // because their insight shapes differ (impact, competitor).
  await db.schema
    .createTable('ai_insights')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    // Copied from the record, for "insights I can see" on the dashboard without a join.
    .addColumn('owner_id', t.id, (c) => c.references('users.id'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', t.id, (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('confidence', 'integer', (c) => c.notNull().defaultTo(50))
    .addColumn('actionable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('suggested_action', 'text')
    .addColumn('date', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // GET /api/contacts/:id/ai-insights (newest first) and regeneration replacing a record's set.
  await index(db, 'ai_insights_entity_idx', 'ai_insights', ['entity_type', 'entity_id', 'date']);

  await db.schema
    .createTable('notifications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('medium'))
    .addColumn('read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('action_url', 'text')
    .addColumn('metadata', t.json)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp)
    .execute();
  // GET /api/notifications?read=, /unread-count, read-all.
  await index(db, 'notifications_user_idx', 'notifications', ['user_id', 'read', 'created_at']);
  // Daily cleanup of expired notifications.
  await index(db, 'notifications_expires_idx', 'notifications', ['expires_at']);

  await db.schema
    .createTable('action_items')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('icon', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('timestamp', t.timestamp, (c) => c.notNull())
    .addColumn('actions', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('link', 'text')
    // What the item is about, e.g. "deal-quiet:<dealId>": the generator never repeats an item,
    // even one the user dismissed.
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('dismissed_at', t.timestamp)
    .execute();
  // GET /api/dashboard/action-items (not dismissed) and POST .../dismiss.
  await index(db, 'action_items_user_idx', 'action_items', ['user_id', 'dismissed_at']);
  await sql`create unique index action_items_dedupe_uq on action_items (user_id, dedupe_key)
    where dedupe_key is not null`.execute(db);
}
