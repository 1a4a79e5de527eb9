import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types';
import { createCalendar } from './0002_domain/calendar';
import { createContactsAndDeals } from './0002_domain/contacts-deals';
import { createMessaging } from './0002_domain/messaging';
import { createShared } from './0002_domain/shared';

// The CRM's data model: contacts, deals, conversations, calendar, tags, insights, notifications.
// Split by domain into ./0002_domain/; those files belong to this migration and never change.

/** Every table this migration creates, in creation (foreign key) order. */
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
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations predate the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const context = { db, t: columnTypes(db) };
  await createContactsAndDeals(context);
  await createMessaging(context);
  await createCalendar(context);
  await createShared(context);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [...domainTables].reverse()) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
