import type { CalendarEvent } from '@flow/contracts';
import type { CalendarEventRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import type { Scope } from '../../platform/scope';
import type { Emit } from '../../realtime/mutate';
import type { ServiceDeps } from '../registry';
import { insightsFor, loadSubject, type PrepEventFields, type Subject } from './intelligence';
import { timezoneIn, toOutcome } from './mapper';
import { attendeesOf, outcomeOf, replaceInsights } from './parts';
import { userSettings } from './subjects';
import { zoneOrUtc } from './time';

/** What the calendar's operations (split over several files) share. */
export interface CalendarInternals {
  deps: ServiceDeps;
  /** The IANA zone of a user's preferences (UTC when unset). */
  zoneOf(organizationId: string, userId: string): Promise<string>;
  /** The event's contact and deal as the caller may see them (links already stored). */
  subjectOf(scope: Scope, row: CalendarEventRow): Promise<Subject>;
  /** Regenerates and stores the event's insights from its current state in `tx`. */
  refreshInsights(tx: Tx, row: CalendarEventRow, subject: Subject, now: Date): Promise<void>;
}

export type EventBase = { organizationId: string; ownerId: string; actorId: string };

export function createInternals(deps: ServiceDeps): CalendarInternals {
  return {
    deps,
    async zoneOf(organizationId, userId) {
      const user = await userSettings(deps.db, organizationId, userId);
      return zoneOrUtc(user ? timezoneIn(user.preferences) : undefined);
    },
    subjectOf: (scope, row) =>
      loadSubject(deps.db, scope, { contactId: row.contact_id, dealId: row.deal_id }, false),
    async refreshInsights(tx, row, subject, now) {
      const [people, outcome] = await Promise.all([
        attendeesOf(tx, [row.id]),
        outcomeOf(tx, row.id),
      ]);
      const insights = await insightsFor(
        tx,
        row,
        people.get(row.id) ?? [],
        outcome ? toOutcome(outcome) : undefined,
        subject,
        now,
      );
      await replaceInsights(tx, row.organization_id, row.id, insights, now.toISOString());
    },
  };
}

/** Events go to the record's owner (and the org's managers); the actor is whoever asked. */
export const eventBase = (row: CalendarEventRow, scope: Scope): EventBase => ({
  organizationId: row.organization_id,
  ownerId: row.owner_id,
  actorId: scope.userId,
});

export function emitUpdated(
  emit: Emit,
  base: EventBase,
  id: string,
  changes: Partial<CalendarEvent>,
): void {
  emit({ ...base, event: 'event:updated', data: { id, changes } });
}

export const prepFieldsOf = (row: CalendarEventRow): PrepEventFields => ({
  type: row.type,
  title: row.title,
  description: row.description,
  startTime: row.start_time,
});
