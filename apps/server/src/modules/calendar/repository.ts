import type { CalendarEventsQuery } from '@flow/contracts';
import { sql } from 'kysely';
import type { CalendarEventRow, CalendarEventUpdate, NewCalendarEventRow } from '../../db/schema';
import { softDeleteVisible } from '../../db/soft-delete';
import type { Tx } from '../../db/tx';
import { likePattern, offsetOf, orderOf } from '../../platform/pagination';
import { visibleTo, type Scope } from '../../platform/scope';
import type { Instants } from './time';

/** Calendar events themselves; their people, preparation, outcome and insights are in parts.ts. */

const sortColumns = { startTime: 'start_time', endTime: 'end_time', title: 'title' } as const;

function visibleEvents(db: Tx, scope: Scope) {
  return db
    .selectFrom('calendar_events')
    .$call(visibleTo(scope, 'calendar_events'))
    .where('calendar_events.deleted_at', 'is', null);
}

export interface EventListContext {
  /** The requested window (events overlapping it); either side may be open. */
  window: Partial<Instants>;
  /** The caller's current week, for the this-week filter. */
  week: Instants;
}

export async function listEvents(
  db: Tx,
  scope: Scope,
  query: CalendarEventsQuery,
  ctx: EventListContext,
) {
  let base = visibleEvents(db, scope);
  if (ctx.window.start) base = base.where('calendar_events.end_time', '>', ctx.window.start);
  if (ctx.window.end) base = base.where('calendar_events.start_time', '<', ctx.window.end);
  if (query.filter === 'meetings') base = base.where('calendar_events.type', '=', 'meeting');
  if (query.filter === 'follow-ups') base = base.where('calendar_events.type', '=', 'follow-up');
  if (query.filter === 'high-priority') base = base.where('calendar_events.priority', '=', 'high');
  if (query.filter === 'this-week') {
    base = base
      .where('calendar_events.start_time', '>=', ctx.week.start)
      .where('calendar_events.start_time', '<', ctx.week.end);
  }
  if (query.search) {
    const term = likePattern(query.search);
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(calendar_events.title)`, 'like', term),
        eb(sql`lower(calendar_events.contact_name)`, 'like', term),
        eb(sql`lower(calendar_events.contact_company)`, 'like', term),
      ]),
    );
  }
  const { column, direction } = orderOf(query.sort, sortColumns, 'startTime');
  const [rows, count] = await Promise.all([
    base
      .selectAll('calendar_events')
      .orderBy(`calendar_events.${column}`, direction)
      .orderBy('calendar_events.id', direction)
      .limit(query.limit)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The week's cards (cancelled events are off the agenda) and the follow-ups still owed. */
export async function eventStats(db: Tx, scope: Scope, week: Instants) {
  const [weekRow, followUps] = await Promise.all([
    visibleEvents(db, scope)
      .where('calendar_events.start_time', '>=', week.start)
      .where('calendar_events.start_time', '<', week.end)
      .where('calendar_events.status', '!=', 'cancelled')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn
          .sum<number>(eb.case().when('calendar_events.type', '=', 'meeting').then(1).else(0).end())
          .as('meetings'),
        eb.fn
          .sum<number>(
            eb.case().when('calendar_events.priority', '=', 'high').then(1).else(0).end(),
          )
          .as('highPriority'),
      ])
      .executeTakeFirstOrThrow(),
    // An outcome asked for a follow-up and no linked follow-up has been completed yet.
    visibleEvents(db, scope)
      .innerJoin('meeting_outcomes', 'meeting_outcomes.event_id', 'calendar_events.id')
      .where('meeting_outcomes.follow_up_required', '=', 1)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('calendar_events as f')
              .select('f.id')
              .whereRef('f.follow_up_of', '=', 'calendar_events.id')
              .where('f.deleted_at', 'is', null)
              .where('f.status', '=', 'completed'),
          ),
        ),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    totalThisWeek: Number(weekRow.total),
    meetingsThisWeek: Number(weekRow.meetings ?? 0),
    highPriorityThisWeek: Number(weekRow.highPriority ?? 0),
    followUpsNeeded: Number(followUps.n),
  };
}

export function findEvent(db: Tx, scope: Scope, id: string): Promise<CalendarEventRow | undefined> {
  return visibleEvents(db, scope)
    .selectAll('calendar_events')
    .where('calendar_events.id', '=', id)
    .executeTakeFirst();
}

export async function insertEvent(tx: Tx, row: NewCalendarEventRow): Promise<CalendarEventRow> {
  await tx.insertInto('calendar_events').values(row).execute();
  return tx
    .selectFrom('calendar_events')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
}

export async function updateEvent(
  tx: Tx,
  scope: Scope,
  id: string,
  changes: CalendarEventUpdate,
): Promise<CalendarEventRow> {
  await tx
    .updateTable('calendar_events')
    .set(changes)
    .$call(visibleTo(scope, 'calendar_events'))
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  return tx
    .selectFrom('calendar_events')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export const softDeleteEvent = (tx: Tx, scope: Scope, id: string, now: string): Promise<boolean> =>
  softDeleteVisible(tx, scope, 'calendar_events', id, now);

/** One user's own live, non-cancelled events overlapping a window (scheduling and the feed). */
export function ownEventsBetween(
  db: Tx,
  organizationId: string,
  ownerId: string,
  window: Instants,
): Promise<CalendarEventRow[]> {
  return db
    .selectFrom('calendar_events')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('owner_id', '=', ownerId)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'cancelled')
    .where('end_time', '>', window.start)
    .where('start_time', '<', window.end)
    .orderBy('start_time')
    .orderBy('id')
    .execute();
}

/** The owner's other meetings with this contact, oldest first (no-show history for insights). */
export function meetingsWithContact(
  db: Tx,
  event: Pick<CalendarEventRow, 'id' | 'organization_id' | 'owner_id' | 'contact_id'>,
) {
  if (!event.contact_id) return Promise.resolve([]);
  return db
    .selectFrom('calendar_events')
    .select(['start_time', 'status'])
    .where('organization_id', '=', event.organization_id)
    .where('owner_id', '=', event.owner_id)
    .where('contact_id', '=', event.contact_id)
    .where('id', '!=', event.id)
    .where('deleted_at', 'is', null)
    .orderBy('start_time')
    .limit(50)
    .execute();
}

/** Whether a follow-up is on the calendar: one linked to the event, or a later one with the contact. */
export async function followUpBooked(
  db: Tx,
  event: Pick<
    CalendarEventRow,
    'id' | 'organization_id' | 'owner_id' | 'contact_id' | 'start_time'
  >,
): Promise<boolean> {
  const row = await db
    .selectFrom('calendar_events')
    .select('id')
    .where('organization_id', '=', event.organization_id)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'cancelled')
    .where((eb) => {
      const linked = eb('follow_up_of', '=', event.id);
      if (!event.contact_id) return linked;
      return eb.or([
        linked,
        eb.and([
          eb('owner_id', '=', event.owner_id),
          eb('contact_id', '=', event.contact_id),
          eb('start_time', '>', event.start_time),
        ]),
      ]);
    })
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** A live follow-up already created from this event (so a re-posted outcome does not add another). */
export async function linkedFollowUp(db: Tx, eventId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('calendar_events')
    .select('id')
    .where('follow_up_of', '=', eventId)
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
