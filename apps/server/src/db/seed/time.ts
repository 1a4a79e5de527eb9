// Dates for seeds: every date is computed from `now`, so the demo always looks current.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Midnight UTC of the day `ms` falls in (deal close dates are days, stored as timestamps). */
export function startOfDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

/**
 * A time during New York office hours (09:00–17:00 EST, i.e. 14:00–22:00 UTC) on the day that
 * is `daysFromNow` away, snapped to a quarter hour.
 */
export function officeHours(now: number, daysFromNow: number, quarterHour: number): number {
  const day = startOfDay(now + daysFromNow * DAY);
  return day + 14 * HOUR + (quarterHour % 32) * 15 * MINUTE;
}
