import type { CalendarEventType } from '@flow/contracts';
import { MINUTE, type Busy, type Candidate, type Interval, type ZoneClock } from './time';

/**
 * Ranks free slots. Scoring runs on every candidate, so it only computes numbers; the readable
 * reasons are written afterwards for the few slots that are suggested, from the same numbers.
 */

export interface Scored extends Candidate {
  score: number;
  preferred: boolean;
  backToBack: boolean;
  /** Minutes from the previous event's end (Infinity when nothing is near). */
  gapBefore: number;
  gapAfter: number;
  endMinute: number;
  /** Whether the slot falls in the contact's working day; undefined without a contact zone. */
  contactOk?: boolean;
  dayLoad: number;
}

export interface ScoreContext {
  clock: ZoneClock;
  busy: Busy[];
  preferred: Interval[];
  type?: CalendarEventType;
  contact?: { zone: string; clock: ZoneClock };
  /** Booked minutes per local day (yyyy-mm-dd). */
  dayLoad: Map<string, number>;
}

/** Below this many minutes between two meetings there is no time to reset. */
export const BACK_TO_BACK_MINUTES = 10;
const LOOKAROUND = 4 * 60 * MINUTE;
const CONTACT_DAY = { open: 9 * 60, close: 17 * 60 + 30 };
const LUNCH = { start: 12 * 60, end: 13 * 60 };
const BUSY_DAY_MINUTES = 180;

function gaps(slot: Interval, busy: Busy[]): { before: number; after: number } {
  let before = Infinity;
  let after = Infinity;
  for (const b of busy) {
    if (b.start > slot.end + LOOKAROUND) break; // sorted by start: nothing later is near
    if (b.raw.end <= slot.start && slot.start - b.raw.end < LOOKAROUND) {
      before = Math.min(before, (slot.start - b.raw.end) / MINUTE);
    }
    if (b.raw.start >= slot.end && b.raw.start - slot.end < LOOKAROUND) {
      after = Math.min(after, (b.raw.start - slot.end) / MINUTE);
    }
  }
  return { before, after };
}

function contactOk(slot: Interval, clock: ZoneClock): boolean {
  const s = clock.quick(slot.start);
  const e = clock.quick(slot.end);
  return (
    s.weekday <= 5 &&
    s.dayNumber === e.dayNumber &&
    s.minuteOfDay >= CONTACT_DAY.open &&
    e.minuteOfDay <= CONTACT_DAY.close
  );
}

export function scoreSlot(c: Candidate, ctx: ScoreContext): Scored {
  const preferred = ctx.preferred.some((p) => c.start >= p.start && c.end <= p.end);
  const { before, after } = gaps(c, ctx.busy);
  const backToBack = before < BACK_TO_BACK_MINUTES || after < BACK_TO_BACK_MINUTES;
  const endMinute = ctx.clock.quick(c.end).minuteOfDay;
  const load = ctx.dayLoad.get(c.dayKey) ?? 0;
  const fits = ctx.contact ? contactOk(c, ctx.contact.clock) : undefined;
  let score = 50;
  if (preferred) score += 30;
  if (ctx.type === 'demo') score += c.minuteOfDay < 12 * 60 ? 10 : -5;
  if (backToBack) score -= 15;
  else if (before >= 30 && after >= 30) score += 5;
  if (fits !== undefined) score += fits ? 8 : -20;
  score -= Math.min(10, c.dayIndex);
  if (load > BUSY_DAY_MINUTES) score -= Math.min(10, Math.round((load - BUSY_DAY_MINUTES) / 30));
  if (c.minuteOfDay < LUNCH.end && endMinute > LUNCH.start) score -= 8;
  // People book round half hours; a :15 start reads as squeezed in.
  if (c.minuteOfDay % 30 !== 0) score -= 3;
  if (endMinute > 17 * 60) score -= 4;
  return {
    ...c,
    score: Math.max(0, Math.min(100, Math.round(score))),
    preferred,
    backToBack,
    gapBefore: before,
    gapAfter: after,
    endMinute,
    contactOk: fits,
    dayLoad: load,
  };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The reasons behind a slot's score, in the order they weigh. */
export function reasonText(s: Scored, ctx: Pick<ScoreContext, 'type' | 'contact'>): string {
  const reasons: string[] = [];
  if (s.preferred) reasons.push('inside your preferred time');
  if (ctx.type === 'demo' && s.minuteOfDay < 12 * 60)
    reasons.push('morning slot, when demos get the most attention');
  if (s.backToBack) {
    reasons.push(
      s.gapBefore < BACK_TO_BACK_MINUTES
        ? 'back-to-back with the previous event'
        : 'back-to-back with the next event',
    );
  } else if (s.gapBefore === Infinity && s.gapAfter === Infinity)
    reasons.push('nothing else booked around it');
  else if (s.gapBefore >= 30 && s.gapAfter >= 30)
    reasons.push('at least 30 min free on both sides');
  if (ctx.contact && s.contactOk !== undefined) {
    const from = ctx.contact.clock.quick(s.start).minuteOfDay;
    const to = ctx.contact.clock.quick(s.end).minuteOfDay;
    const when = `${hhmm(from)}–${hhmm(to)} for the contact (${ctx.contact.zone})`;
    reasons.push(
      s.contactOk ? `${when}, within their working day` : `${when}, outside their usual hours`,
    );
  }
  if (s.dayIndex === 0) reasons.push('today, the soonest option');
  else if (s.dayIndex === 1) reasons.push('tomorrow, soon while interest is fresh');
  if (s.dayLoad > BUSY_DAY_MINUTES)
    reasons.push(`busy day (${Math.round(s.dayLoad / 60)} h already booked)`);
  else if (s.dayLoad > 0 && s.dayLoad <= 60) reasons.push('light day');
  if (s.minuteOfDay < LUNCH.end && s.endMinute > LUNCH.start)
    reasons.push('overlaps the usual lunch hour');
  if (s.endMinute > 17 * 60) reasons.push('ends late in the day');
  const text = reasons.length > 0 ? reasons.join('; ') : 'free in your working hours';
  return text.charAt(0).toUpperCase() + text.slice(1);
}
