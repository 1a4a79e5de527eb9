import type { CalendarEventType, SmartScheduling, SmartSchedulingBody } from '@flow/contracts';
import { suggestSlots } from '../../ai/scheduling';
import type { Scope } from '../../platform/scope';
import { loadSubject } from './intelligence';
import type { CalendarInternals } from './internals';
import { ownEventsBetween } from './repository';

const DAY_MS = 86_400_000;
/** The engine searches two weeks ahead, and up to 90 days when preferred windows reach further. */
const MIN_AHEAD_DAYS = 15;
const MAX_AHEAD_DAYS = 92;

/**
 * POST /smart-scheduling: free slots in the caller's working hours and time zone, clear of every
 * live event of the caller's own calendar (a manager's suggestions are for their own diary).
 */
export async function smartScheduling(
  internals: CalendarInternals,
  scope: Scope,
  body: SmartSchedulingBody,
): Promise<SmartScheduling> {
  const { db, clock } = internals.deps;
  const subject = await loadSubject(
    db,
    scope,
    { contactId: body.contactId, dealId: body.dealId },
    true,
  );
  const now = clock();
  const furthest = Math.max(
    now.getTime() + MIN_AHEAD_DAYS * DAY_MS,
    ...(body.preferredTimes ?? []).map((w) => Date.parse(w.endTime) + DAY_MS),
  );
  const [zone, busy] = await Promise.all([
    internals.zoneOf(scope.organizationId, scope.userId),
    ownEventsBetween(db, scope.organizationId, scope.userId, {
      start: new Date(now.getTime() - DAY_MS).toISOString(),
      end: new Date(Math.min(furthest, now.getTime() + MAX_AHEAD_DAYS * DAY_MS)).toISOString(),
    }),
  ]);
  // A deal being scoped or proposed is shown, not just discussed.
  const stage = subject.deal?.row.stage;
  const type: CalendarEventType =
    stage === 'qualified' || stage === 'proposal' ? 'demo' : 'meeting';
  return suggestSlots({
    durationMinutes: body.duration,
    ...(body.preferredTimes ? { preferredTimes: body.preferredTimes } : {}),
    events: busy.map((e) => ({
      startTime: e.start_time,
      endTime: e.end_time,
      type: e.type,
      ...(e.location ? { location: e.location } : {}),
    })),
    timezone: zone,
    now,
    type,
  });
}
