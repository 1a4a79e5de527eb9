import type { CalendarEventType, SmartScheduling } from '@flow/contracts';
import { reasonText, scoreSlot, type Scored } from './score';
import {
  MINUTE,
  defaultTravel,
  gridCandidates,
  isPhysical,
  overlaps,
  toBusy,
  validZone,
  ZoneClock,
  type Busy,
  type Candidate,
  type Interval,
} from './time';
import {
  DEFAULT_COUNT,
  DEFAULT_HORIZON_DAYS,
  DEFAULT_WORKING_HOURS,
  type SuggestSlotsInput,
} from './types';
import { buildWarnings } from './warnings';

/** Minutes to prepare, by what is being scheduled: a demo needs a rehearsal, an internal sync little. */
const PREPARATION: Record<CalendarEventType, number> = {
  demo: 30,
  meeting: 15,
  call: 10,
  'follow-up': 10,
  internal: 5,
  personal: 0,
};

export function preparationFor(
  type: CalendarEventType | undefined,
  durationMinutes: number,
): number {
  const base = type ? PREPARATION[type] : 15;
  const long =
    durationMinutes >= 90 && (type === 'demo' || type === 'meeting' || type === undefined);
  return base + (long ? 15 : 0);
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));

/** Whether the slot, with preparation before it and its own travel, is clear of every busy block. */
function isFree(c: Candidate, busy: Busy[], before: number, after: number): boolean {
  const need: Interval = { start: c.start - before * MINUTE, end: c.end + after * MINUTE };
  for (const b of busy) {
    if (b.start >= need.end) break; // busy is sorted by start
    if (overlaps(need, b)) return false;
  }
  return true;
}

/** Best first, at most two per day on the first pass so the user gets a choice of days. */
function select(scored: Scored[], count: number): Scored[] {
  const byScore = (a: Scored, b: Scored) => b.score - a.score || a.start - b.start;
  const ranked = [...scored].sort(byScore);
  const chosen: Scored[] = [];
  const perDay = new Map<string, number>();
  for (const cap of [2, Infinity]) {
    for (const s of ranked) {
      if (chosen.length >= count) break;
      if ((perDay.get(s.dayKey) ?? 0) >= cap || chosen.some((c) => c === s || overlaps(c, s)))
        continue;
      chosen.push(s);
      perDay.set(s.dayKey, (perDay.get(s.dayKey) ?? 0) + 1);
    }
  }
  return chosen.sort(byScore);
}

/**
 * Free slots for a new meeting, in the user's working hours and time zone, clear of every event
 * (and of the travel around in-person ones), with time to prepare before each slot.
 */
export function suggestSlots(input: SuggestSlotsInput): SmartScheduling {
  const zone = validZone(input.timezone);
  if (!zone) throw new RangeError(`Unknown IANA time zone "${input.timezone}"`);
  if (
    !Number.isFinite(input.durationMinutes) ||
    input.durationMinutes <= 0 ||
    input.durationMinutes > 24 * 60
  ) {
    throw new RangeError('durationMinutes must be between 1 and 1440');
  }
  const hours = input.workingHours ?? DEFAULT_WORKING_HOURS;
  const horizonDays = clamp(input.horizonDays ?? DEFAULT_HORIZON_DAYS, 1, 60);
  const count = clamp(input.count ?? DEFAULT_COUNT, 1, 20);
  const travel = defaultTravel(input);
  const newTravel = isPhysical(input.location) ? travel : 0;
  const prep = clamp(
    input.preparationMinutes ?? preparationFor(input.type, input.durationMinutes),
    0,
    8 * 60,
  );
  const now = input.now.getTime();
  const busy = toBusy(input.events, travel);
  const preferred = (input.preferredTimes ?? [])
    .map((w) => ({ start: Date.parse(w.startTime), end: Date.parse(w.endTime) }))
    .filter((w) => Number.isFinite(w.start) && Number.isFinite(w.end) && w.end > w.start);

  const clock = new ZoneClock(zone);
  const grid = gridCandidates(input, clock, hours, horizonDays);
  // No slot before there is time to prepare and travel; this also keeps every slot in the future.
  const earliest = now + (prep + newTravel) * MINUTE;
  const open = grid.filter(
    (c) => c.start > now && c.start >= earliest && isFree(c, busy, prep + newTravel, newTravel),
  );

  const dayLoad = new Map<string, number>();
  for (const b of busy) {
    const key = clock.parts(b.raw.start).dayKey;
    dayLoad.set(key, (dayLoad.get(key) ?? 0) + (b.raw.end - b.raw.start) / MINUTE);
  }
  const contactZone = validZone(input.contactTimezone);
  const contact = contactZone
    ? { zone: contactZone, clock: new ZoneClock(contactZone) }
    : undefined;
  const scoreContext = { clock, busy, preferred, type: input.type, contact, dayLoad };
  const scored = open.map((c) => scoreSlot(c, scoreContext));
  const chosen = select(scored, count);

  const warnings = buildWarnings({
    zone,
    now,
    durationMinutes: input.durationMinutes,
    horizonDays,
    busy,
    preferred,
    grid,
    free: scored,
    chosen,
    prep,
    travel,
    newTravel,
    location: input.location,
  });
  const chosenDays = new Set(chosen.map((c) => c.dayKey));
  const travelNearby = busy.some(
    (b) => b.physical && chosenDays.has(clock.parts(b.raw.start).dayKey),
  );
  const result: SmartScheduling = {
    suggestedTimes: chosen.map((s) => ({
      startTime: new Date(s.start).toISOString(),
      endTime: new Date(s.end).toISOString(),
      reason: reasonText(s, scoreContext),
      confidence: s.score,
    })),
    conflictWarnings: warnings,
    preparationTimeNeeded: prep,
  };
  if (newTravel > 0 || travelNearby) result.travelTimeEstimate = travel;
  return result;
}
