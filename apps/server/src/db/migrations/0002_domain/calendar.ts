import { sql } from 'kysely';
import { index, orgAndOwnerIndexes, type MigrationContext } from './helpers';

/**
 * Calendar events with their people, preparation, outcome and insights. Preparation and outcome
 * are one row per event (keyed by event_id); their lists are JSON because they are always read
 * and written whole.
 */
export async function createCalendar({ db, t }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('calendar_events')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('owner_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('start_time', t.timestamp, (c) => c.notNull())
    .addColumn('end_time', t.timestamp, (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('contact_id', t.id, (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('contact_name', 'text')
    .addColumn('contact_company', 'text')
    .addColumn('deal_id', t.id, (c) => c.references('deals.id').onDelete('set null'))
    .addColumn('location', 'text')
    .addColumn('meeting_link', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('medium'))
    // The event a follow-up was created from (POST .../outcome with followUpRequired).
    .addColumn('follow_up_of', t.id, (c) => c.references('calendar_events.id').onDelete('set null'))
    // JSON array of reminder offsets already sent, in minutes before start (1440, 60, 15).
    .addColumn('reminders_sent', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  // GET /api/calendar/events start/end range, this-week filter, /calendar/stats, feed.ics,
  // smart-scheduling conflict checks.
  await orgAndOwnerIndexes(db, 'calendar_events', ['start_time']);
  // The reminder job looks across organizations for events starting soon.
  await index(db, 'calendar_events_start_idx', 'calendar_events', ['start_time']);
  // Contact and deal detail (their meetings), meeting preparation's recent interactions.
  await index(db, 'calendar_events_contact_idx', 'calendar_events', ['contact_id']);
  await index(db, 'calendar_events_deal_idx', 'calendar_events', ['deal_id']);
  await index(db, 'calendar_events_follow_up_idx', 'calendar_events', ['follow_up_of']);

  // A person invited to meetings: a contact, a colleague (user) or just a name and an address.
  await db.schema
    .createTable('attendees')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('contact_id', t.id, (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('user_id', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  // Creating an event reuses the person already known by address.
  await sql`create unique index attendees_org_email_uq on attendees (organization_id, email)
    where email is not null`.execute(db);
  await index(db, 'attendees_contact_idx', 'attendees', ['contact_id']);

  await db.schema
    .createTable('event_attendees')
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('event_id', t.id, (c) =>
      c.notNull().references('calendar_events.id').onDelete('cascade'),
    )
    .addColumn('attendee_id', t.id, (c) =>
      c.notNull().references('attendees.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('attendee'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addPrimaryKeyConstraint('event_attendees_pk', ['event_id', 'attendee_id'])
    .execute();
  // A person's meetings (and the cascade when an attendee is removed).
  await index(db, 'event_attendees_attendee_idx', 'event_attendees', ['attendee_id']);

  await db.schema
    .createTable('meeting_preparations')
    .addColumn('event_id', t.id, (c) =>
      c.primaryKey().references('calendar_events.id').onDelete('cascade'),
    )
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('suggested_talking_points', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('recent_interactions', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('deal_context', t.json)
    .addColumn('competitor_intel', t.json)
    .addColumn('personal_notes', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('documents_to_share', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('generated_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meeting_outcomes')
    .addColumn('event_id', t.id, (c) =>
      c.primaryKey().references('calendar_events.id').onDelete('cascade'),
    )
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('next_steps', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('sentiment_score', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`sentiment_score between -100 and 100`),
    )
    .addColumn('key_decisions', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('follow_up_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('follow_up_date', t.timestamp)
    .addColumn('meeting_rating', 'integer', (c) => c.check(sql`meeting_rating between 1 and 5`))
    .addColumn('recorded_by', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  // /calendar/stats followUpsNeeded: outcomes that asked for a follow-up.
  await index(db, 'meeting_outcomes_follow_up_idx', 'meeting_outcomes', [
    'organization_id',
    'follow_up_required',
  ]);

  await db.schema
    .createTable('meeting_insights')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('event_id', t.id, (c) =>
      c.notNull().references('calendar_events.id').onDelete('cascade'),
    )
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('confidence', 'integer', (c) => c.notNull().defaultTo(50))
    .addColumn('actionable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('suggested_action', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // GET /api/calendar/events/:id aiInsights.
  await index(db, 'meeting_insights_event_idx', 'meeting_insights', ['event_id']);
}
