import { DateTime, IANAZone } from 'luxon';
import type { BusyEvent, SuggestSlotsInput, WorkingHours } from './types';
import { DEFAULT_TRAVEL_MINUTES, GRID_MINUTES } from './types';

/** Time arithmetic on instants (ms since epoch); local wall-clock reasoning goes through luxon. */

export const MINUTE = 60_000;

export interface Interval {
  start: number;
  end: number;
}

export interface Busy extends Interval {
  /** The event itself, without travel. */
  raw: Interval;
  type: BusyEvent['type'];
  location?: string;
  physical: boolean;
}

export const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

export function validZone(zone: string | undefined): string | undefined {
  // IANAZone.create is cached by luxon; isValidZone builds a new Intl formatter on every call.
  return zone && IANAZone.create(zone).isValid ? zone : undefined;
}

const VIRTUAL =
  /https?:\/\/|www\.|\b(zoom|teams|meet|webex|skype|online|virtual|remote|video|phone|call|dial[- ]?in|tbd)\b/i;
/** Places inside our own office: in person, but no travel. */
const IN_OFFICE = /\b(room|boardroom|floor|desk|kitchen|lobby)\b|\b(our|the) office\b/i;

/** A place you travel to, as opposed to a video link, a phone number or a room in the office. */
export function isPhysical(location: string | undefined): boolean {
  if (!location || !location.trim()) return false;
  return !VIRTUAL.test(location) && !IN_OFFICE.test(location);
}

export function parseHm(hm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hm.trim());
  if (!m) throw new RangeError(`Working hours must be HH:mm, got "${hm}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function toBusy(events: BusyEvent[], travel: number): Busy[] {
  const out: Busy[] = [];
  for (const e of events) {
    const start = Date.parse(e.startTime);
    const end = Date.parse(e.endTime);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) continue;
    const physical = isPhysical(e.location);
    const pad = physical ? travel * MINUTE : 0;
    out.push({
      start: start - pad,
      end: end + pad,
      raw: { start, end },
      type: e.type,
      location: e.location,
      physical,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

const DAY = 86_400_000;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  minuteOfDay: number;
  /** yyyy-mm-dd */
  dayKey: string;
}

/**
 * Wall-clock conversions for one zone. Asking luxon/Intl for an offset costs microseconds, and a
 * search makes thousands of conversions, so offsets are cached per UTC day: when a day starts
 * and ends on the same offset (every day but the DST switches) it holds throughout. The cache
 * lives in the instance, one per call: no state is shared between calls.
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  private readonly days = new Map<number, [number, number]>();

  constructor(name: string) {
    this.zone = IANAZone.create(name);
  }

  offset(ms: number): number {
    const day = Math.floor(ms / DAY);
    let edges = this.days.get(day);
    if (!edges) {
      edges = [this.zone.offset(day * DAY), this.zone.offset((day + 1) * DAY - 1)];
      this.days.set(day, edges);
    }
    return edges[0] === edges[1] ? edges[0] : this.zone.offset(ms);
  }

  /** The cheap subset of `parts` for hot loops: local day number, minute of day, ISO weekday. */
  quick(ms: number): { dayNumber: number; minuteOfDay: number; weekday: number } {
    const local = ms + this.offset(ms) * MINUTE;
    const dayNumber = Math.floor(local / DAY);
    // 1 January 1970 was a Thursday (ISO weekday 4).
    return {
      dayNumber,
      minuteOfDay: Math.floor((local - dayNumber * DAY) / MINUTE),
      weekday: ((((dayNumber + 3) % 7) + 7) % 7) + 1,
    };
  }

  parts(ms: number): LocalParts {
    const local = new Date(ms + this.offset(ms) * MINUTE);
    return civil(local, local.getUTCHours() * 60 + local.getUTCMinutes());
  }

  /** The instant of a local wall-clock time; a time skipped by DST gives one that reads back differently. */
  toInstant(year: number, month: number, day: number, minuteOfDay: number): number {
    const asUtc = Date.UTC(year, month - 1, day) + minuteOfDay * MINUTE;
    const first = asUtc - this.offset(asUtc) * MINUTE;
    return asUtc - this.offset(first) * MINUTE;
  }
}

function civil(d: Date, minuteOfDay: number): LocalParts {
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const dayKey = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { year, month, day, weekday: ((d.getUTCDay() + 6) % 7) + 1, minuteOfDay, dayKey };
}

export interface Candidate extends Interval {
  /** Local start, minutes after midnight. */
  minuteOfDay: number;
  dayKey: string;
  /** Local days after today (0 = today). */
  dayIndex: number;
}

/** Local days to search: the horizon from today, plus days that hold a preferred window. */
function searchDays(
  input: SuggestSlotsInput,
  clock: ZoneClock,
  horizon: number,
): (LocalParts & { index: number })[] {
  const today = clock.parts(input.now.getTime());
  const base = Date.UTC(today.year, today.month - 1, today.day);
  const indexes = new Set<number>();
  for (let i = 0; i < horizon; i++) indexes.add(i);
  for (const w of input.preferredTimes ?? []) {
    const from = Date.parse(w.startTime);
    const to = Date.parse(w.endTime);
    if (!Number.isFinite(from) || !Number.isFinite(to)) continue;
    const a = clock.parts(from);
    const b = clock.parts(to);
    const first = (Date.UTC(a.year, a.month - 1, a.day) - base) / DAY;
    const last = (Date.UTC(b.year, b.month - 1, b.day) - base) / DAY;
    // Bounded so a long or far-off window cannot make the search unbounded.
    for (let i = Math.max(0, first); i <= Math.min(last, first + 31, 90); i++) indexes.add(i);
  }
  return [...indexes]
    .sort((x, y) => x - y)
    .map((index) => ({ ...civil(new Date(base + index * DAY), 0), index }));
}

/**
 * Every start on the local 15-minute grid where the meeting fits inside working hours. Local
 * times are built per calendar day, so 9:00 stays 9:00 across a DST change.
 */
export function gridCandidates(
  input: SuggestSlotsInput,
  clock: ZoneClock,
  hours: WorkingHours,
  horizon: number,
): Candidate[] {
  const days = new Set(hours.days.map((d) => (d === 0 ? 7 : d)));
  const open = parseHm(hours.start);
  const close = parseHm(hours.end);
  const duration = input.durationMinutes * MINUTE;
  const out: Candidate[] = [];
  const seen = new Set<number>();
  for (const day of searchDays(input, clock, horizon)) {
    if (!days.has(day.weekday)) continue;
    const closeAt = clock.toInstant(day.year, day.month, day.day, close);
    const first = Math.ceil(open / GRID_MINUTES) * GRID_MINUTES;
    for (let m = first; m + input.durationMinutes <= close; m += GRID_MINUTES) {
      const start = clock.toInstant(day.year, day.month, day.day, m);
      // A wall-clock time skipped by DST does not exist: keep only times that read back the same.
      const back = clock.parts(start);
      if (back.minuteOfDay !== m || back.dayKey !== day.dayKey) continue;
      if (start + duration > closeAt || seen.has(start)) continue;
      seen.add(start);
      out.push({
        start,
        end: start + duration,
        minuteOfDay: m,
        dayKey: day.dayKey,
        dayIndex: day.index,
      });
    }
  }
  return out;
}

export function defaultTravel(input: SuggestSlotsInput): number {
  return Math.max(0, Math.round(input.travelMinutes ?? DEFAULT_TRAVEL_MINUTES));
}

export function fmt(ms: number, zone: string, pattern = 'ccc d LLL HH:mm'): string {
  return DateTime.fromMillis(ms, { zone }).setLocale('en-GB').toFormat(pattern);
}

export function fmtRange(iv: Interval, zone: string): string {
  return `${fmt(iv.start, zone)}–${fmt(iv.end, zone, 'HH:mm')}`;
}
