import { DateTime, IANAZone } from 'luxon';
import { DEFAULT_WORKING_HOURS } from '../../ai/scheduling';
import { validationError } from '../../platform/errors';

/** Wall-clock reasoning in a user's time zone: weeks, calendar days, working days. */

export interface Instants {
  /** Inclusive, ISO UTC. */
  start: string;
  /** Exclusive, ISO UTC. */
  end: string;
}

/** The zone to reason in; an unknown name (hand-edited preferences) falls back to UTC. */
export function zoneOrUtc(zone: string | undefined): string {
  return zone && IANAZone.isValidZone(zone) ? zone : 'UTC';
}

/** Stored timestamps are always `toISOString()`, so text comparison on SQLite orders correctly. */
export const toUtcIso = (value: string): string => new Date(value).toISOString();

/** The current week, Monday 00:00 to the next Monday 00:00 in the zone (luxon weeks are ISO). */
export function weekOf(now: Date, zone: string): Instants {
  const monday = DateTime.fromJSDate(now, { zone }).startOf('week');
  return { start: isoOf(monday), end: isoOf(monday.plus({ weeks: 1 })) };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar view's window. A bare date is a whole local day (so `end=2025-03-16` includes that
 * Sunday, as the natural-language query engine means it); a date-time is an instant.
 */
export function windowOf(
  start: string | undefined,
  end: string | undefined,
  zone: string,
): Partial<Instants> {
  const out: Partial<Instants> = {};
  if (start) out.start = boundary('start', start, zone, 0);
  if (end) out.end = boundary('end', end, zone, 1);
  return out;
}

function boundary(field: string, value: string, zone: string, extraDays: number): string {
  const dt = DATE_ONLY.test(value)
    ? DateTime.fromISO(value, { zone }).startOf('day').plus({ days: extraDays })
    : DateTime.fromISO(value);
  if (!dt.isValid) throw validationError({ [field]: ['Not a valid date'] });
  return isoOf(dt);
}

/** The first working day after `after`, at 10:00 local time: when an unscheduled follow-up lands. */
export function nextWorkingDayAt(after: Date, zone: string, hour = 10): string {
  let day = DateTime.fromJSDate(after, { zone })
    .plus({ days: 1 })
    .set({ hour, minute: 0, second: 0, millisecond: 0 });
  while (!DEFAULT_WORKING_HOURS.days.includes(day.weekday)) day = day.plus({ days: 1 });
  return isoOf(day);
}

export const addMinutes = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

const isoOf = (dt: DateTime): string => dt.toJSDate().toISOString();
