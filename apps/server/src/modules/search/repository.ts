import type { Attendee } from '@flow/contracts';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../../db/tx';
import { visibleTo, type Scope } from '../../platform/scope';

// Read-only queries over other domains' tables (their modules are the writers). Each one is
// scoped with visibleTo and skips soft-deleted rows, like the owning module's own lists.

/** The user's text as a LIKE literal: %, _ and \ match themselves. */
export function escapeLike(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** lower(column) LIKE pattern, with the escape character spelled out (SQLite has no default). */
function like(column: string, pattern: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** Any of the columns contains the term. */
function containsAny(columns: string[], term: string): Expression<SqlBool> {
  const pattern = `%${escapeLike(term)}%`;
  return sql<SqlBool>`(${sql.join(
    columns.map((c) => like(c, pattern)),
    sql` or `,
  )})`;
}

/** 0 exact, 1 prefix, 2 a later word starts with it, 3 contained elsewhere: lower ranks first. */
function rankOf(column: string, term: string) {
  const t = escapeLike(term);
  return sql<number>`case when lower(${sql.ref(column)}) = ${term.toLowerCase()} then 0
    when ${like(column, `${t}%`)} then 1
    when ${like(column, `% ${t}%`)} then 2
    else 3 end`;
}

export function searchContacts(db: Tx, scope: Scope, term: string, limit: number) {
  return db
    .selectFrom('contacts')
    .$call(visibleTo(scope, 'contacts'))
    .where('contacts.deleted_at', 'is', null)
    .where(containsAny(['contacts.name', 'contacts.company', 'contacts.email'], term))
    .selectAll('contacts')
    .orderBy(rankOf('contacts.name', term))
    .orderBy(sql`coalesce(contacts.last_contact, contacts.updated_at)`, 'desc')
    .orderBy('contacts.id', 'desc')
    .limit(limit)
    .execute();
}

export function searchDeals(db: Tx, scope: Scope, term: string, limit: number) {
  return db
    .selectFrom('deals')
    .$call(visibleTo(scope, 'deals'))
    .where('deals.deleted_at', 'is', null)
    .where('deals.contact_id', 'is not', null)
    .where(containsAny(['deals.title', 'deals.company', 'deals.contact_name'], term))
    .selectAll('deals')
    .orderBy(rankOf('deals.title', term))
    .orderBy(sql`coalesce(deals.last_activity, deals.updated_at)`, 'desc')
    .orderBy('deals.id', 'desc')
    .limit(limit)
    .execute();
}

/** Messages of live conversations only: deleting a conversation hides its messages too. */
export function searchMessages(db: Tx, scope: Scope, term: string, limit: number) {
  return db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .$call(visibleTo(scope, 'messages'))
    .where('messages.deleted_at', 'is', null)
    .where('conversations.deleted_at', 'is', null)
    .where(containsAny(['messages.subject', 'messages.content'], term))
    .selectAll('messages')
    .orderBy(rankOf('messages.subject', term))
    .orderBy('messages.timestamp', 'desc')
    .orderBy('messages.id', 'desc')
    .limit(limit)
    .execute();
}

export function searchEvents(db: Tx, scope: Scope, term: string, limit: number) {
  return db
    .selectFrom('calendar_events')
    .$call(visibleTo(scope, 'calendar_events'))
    .where('calendar_events.deleted_at', 'is', null)
    .where(
      containsAny(
        [
          'calendar_events.title',
          'calendar_events.description',
          'calendar_events.location',
          'calendar_events.contact_name',
        ],
        term,
      ),
    )
    .selectAll('calendar_events')
    .orderBy(rankOf('calendar_events.title', term))
    .orderBy('calendar_events.start_time', 'desc')
    .orderBy('calendar_events.id', 'desc')
    .limit(limit)
    .execute();
}

/** Attendees of a page of events, in one query. */
export async function attendeesOf(
  db: Tx,
  organizationId: string,
  eventIds: readonly string[],
): Promise<Map<string, Attendee[]>> {
  const byEvent = new Map<string, Attendee[]>(eventIds.map((id) => [id, []]));
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .selectFrom('event_attendees')
    .innerJoin('attendees', 'attendees.id', 'event_attendees.attendee_id')
    .select([
      'event_attendees.event_id as eventId',
      'attendees.id as id',
      'attendees.name as name',
      'attendees.email as email',
      'event_attendees.role as role',
      'event_attendees.status as status',
    ])
    .where('event_attendees.organization_id', '=', organizationId)
    .where('event_attendees.event_id', 'in', [...eventIds])
    .orderBy('attendees.name')
    .execute();
  for (const r of rows) {
    byEvent
      .get(r.eventId)
      ?.push({ id: r.id, name: r.name, email: r.email ?? '', role: r.role, status: r.status });
  }
  return byEvent;
}

/**
 * Contacts whose name or company has a word starting with one of the given words: the names a
 * natural-language query may mention, found without loading the whole address book.
 */
export async function contactsNamed(db: Tx, scope: Scope, words: readonly string[], limit: number) {
  if (words.length === 0) return [];
  const clauses = words.flatMap((w) => {
    const t = escapeLike(w);
    return ['contacts.name', 'contacts.company'].flatMap((c) => [
      like(c, `${t}%`),
      like(c, `% ${t}%`),
    ]);
  });
  return db
    .selectFrom('contacts')
    .$call(visibleTo(scope, 'contacts'))
    .where('contacts.deleted_at', 'is', null)
    .where(sql<SqlBool>`(${sql.join(clauses, sql` or `)})`)
    .select(['contacts.id', 'contacts.name', 'contacts.company'])
    .orderBy(sql`coalesce(contacts.last_contact, contacts.updated_at)`, 'desc')
    .limit(limit)
    .execute();
}
