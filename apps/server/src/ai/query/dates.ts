import { DateTime } from 'luxon';
import {
  explicitDates,
  monthsAndDays,
  quarters,
  relativePeriods,
  weekdays,
  type Base,
  type Ctx,
  type Tense,
} from './date-readers';
import type { Claims } from './text';

/**
 * Date phrases → an inclusive range of calendar days in the user's time zone. Periods that chrono
 * does not read ("this month", "in Q3", "last 30 days") are read by our own patterns; chrono reads
 * explicit dates ("3/20", "in 2 weeks") from what is left.
 */

export type { Tense } from './date-readers';
/** ISO dates (yyyy-mm-dd); a missing end means the range is open on that side. */
export interface DateRange {
  from?: string;
  to?: string;
}
export interface DateFound {
  range: DateRange;
  /** The phrase as typed, with its "before"/"since"/"between" word. */
  text: string;
}

const iso = (d: DateTime) => d.toISODate() ?? '';

/** Reads the sentence's one date range (with "before", "since", "between … and …"), if any. */
export function extractDateRange(
  s: string,
  opts: { now: Date; timezone: string; tense: Tense },
  claims: Claims,
  original = s,
): DateFound | undefined {
  const today = DateTime.fromJSDate(opts.now, { zone: opts.timezone }).startOf('day');
  const c: Ctx = { s, today, tense: opts.tense, claims };
  const bases: Base[] = [];
  relativePeriods(c, bases);
  quarters(c, bases);
  monthsAndDays(c, bases);
  weekdays(c, bases);
  explicitDates(c, bases, opts.now);
  bases.sort((a, b) => a.start - b.start);
  const first = bases[0];
  if (!first) return undefined;
  const before = s.slice(0, first.start);
  const second = bases[1];
  if (
    second &&
    /^\s*(and|to|until|till|through|thru|-|–)\s*$/.test(s.slice(first.end, second.start))
  ) {
    const lead = /\b(between|from)\s+$/.exec(before);
    const start = lead ? lead.index : first.start;
    claims.claim(start, second.end);
    // "between Monday and Wednesday" on a Wednesday: the end recurs, so take its next occurrence.
    let from = first.from;
    let to = second.to;
    if (to < from && second.repeats) to = to.plus({ [second.repeats]: 1 });
    if (to < from) [from, to] = [second.from, first.to];
    return {
      range: { from: iso(from), to: iso(to) },
      text: original.slice(start, second.end),
    };
  }
  const modifiers: [RegExp, (b: Base) => DateRange][] = [
    [/\b(before|prior to|earlier than)\s+$/, (b) => ({ to: iso(b.from.minus({ days: 1 })) })],
    [/\b(until|till|by|no later than|through)\s+$/, (b) => ({ to: iso(b.to) })],
    [/\b(after|later than)\s+$/, (b) => ({ from: iso(b.to.plus({ days: 1 })) })],
    [/\b(since)\s+$/, (b) => ({ from: iso(b.from), to: iso(today) })],
    [/\b(from|starting)\s+$/, (b) => ({ from: iso(b.from) })],
  ];
  for (const [re, rangeOf] of modifiers) {
    const m = re.exec(before);
    if (!m) continue;
    claims.claim(m.index, first.end);
    return { range: rangeOf(first), text: original.slice(m.index, first.end) };
  }
  return {
    range: { from: iso(first.from), to: iso(first.to) },
    text: original.slice(first.start, first.end),
  };
}
