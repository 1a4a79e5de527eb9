import type { CalendarEvent, CalendarEventSummary, MeetingPreparation } from '@flow/contracts';
import type { CalendarEventRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { notFound } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import { tagNamesOf } from '../tags/repository';
import { toEventSummary, toMeetingInsight, toOutcome, toPreparation } from './mapper';
import { attendeesOf, insightsOf, outcomeOf, preparationOf } from './parts';
import { findEvent } from './repository';

/** Reading events back as the contract shows them. */

export async function visibleEvent(db: Tx, scope: Scope, id: string): Promise<CalendarEventRow> {
  const row = await findEvent(db, scope, id);
  if (!row) throw notFound('Event');
  return row;
}

export async function summaries(
  db: Tx,
  organizationId: string,
  rows: readonly CalendarEventRow[],
): Promise<CalendarEventSummary[]> {
  const ids = rows.map((r) => r.id);
  const [people, tags] = await Promise.all([
    attendeesOf(db, ids),
    tagNamesOf(db, organizationId, 'event', ids),
  ]);
  return rows.map((row) => toEventSummary(row, people.get(row.id) ?? [], tags.get(row.id) ?? []));
}

/**
 * The whole event. `missingPreparation` supplies one when none is stored (events created before
 * preparation existed, or seeded without one), so the detail always carries it.
 */
export async function fullEvent(
  db: Tx,
  row: CalendarEventRow,
  missingPreparation?: () => Promise<MeetingPreparation>,
): Promise<CalendarEvent> {
  const [[summary], prep, outcome, insights] = await Promise.all([
    summaries(db, row.organization_id, [row]),
    preparationOf(db, row.id),
    outcomeOf(db, row.id),
    insightsOf(db, row.id),
  ]);
  const preparation = prep
    ? toPreparation(prep)
    : missingPreparation
      ? await missingPreparation()
      : emptyPreparation();
  return {
    ...summary!,
    aiInsights: insights.map(toMeetingInsight),
    preparation,
    ...(outcome ? { outcome: toOutcome(outcome) } : {}),
  };
}

function emptyPreparation(): MeetingPreparation {
  return {
    suggestedTalkingPoints: [],
    recentInteractions: [],
    personalNotes: [],
    documentsToShare: [],
  };
}
