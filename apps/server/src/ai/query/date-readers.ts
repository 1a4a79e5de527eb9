import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Claims } from './text';
import { NUMBER_WORD, findFree, readCount } from './text';

/**
 * The readers of date phrases, one per kind (relative periods, quarters, months and days,
 * weekdays, explicit dates). Each claims what it reads and adds a day range; dates.ts combines them.
 */

export type Tense = 'past' | 'future' | 'neutral';

export interface Base {
  from: DateTime;
  to: DateTime;
  start: number;
  end: number;
  /** Set when the phrase names no year or week ("Friday", "the 15th"): it recurs with this period. */
  repeats?: 'week' | 'month' | 'year';
}

export interface Ctx {
  s: string;
  today: DateTime;
  tense: Tense;
  claims: Claims;
}

const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_KEYS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ORDINAL_QUARTER: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};
type Unit = 'week' | 'month' | 'quarter' | 'year';

const monthOf = (word: string) => MONTH_KEYS.indexOf(word.slice(0, 3)) + 1;
const unitOf = (word: string) => word.replace(/s$/, '') as 'day' | Unit;

/** Without a year, a month or quarter is placed where the sentence's tense points. */
function placeInYear(make: (year: number) => [DateTime, DateTime], c: Ctx): [DateTime, DateTime] {
  const [from, to] = make(c.today.year);
  if (c.tense === 'past' && from > c.today) return make(c.today.year - 1);
  if (c.tense === 'future' && to < c.today) return make(c.today.year + 1);
  return [from, to];
}

function yearOf(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const n = Number.parseInt(word.replace("'", ''), 10);
  return n < 100 ? 2000 + n : n;
}

function add(
  out: Base[],
  c: Ctx,
  hit: { start: number; end: number },
  range: [DateTime, DateTime],
  repeats?: Base['repeats'],
): void {
  c.claims.claim(hit.start, hit.end);
  out.push({ from: range[0], to: range[1], start: hit.start, end: hit.end, repeats });
}

export function relativePeriods(c: Ctx, out: Base[]): void {
  const re =
    /\b(?:the\s+)?(this|current|next|coming|last|previous|past)\s+(week|month|quarter|year)\b/g;
  for (const h of findFree(c.s, re, c.claims)) {
    const unit = h.groups[1] as Unit;
    const shift = /next|coming/.test(h.groups[0] ?? '')
      ? 1
      : /this|current/.test(h.groups[0] ?? '')
        ? 0
        : -1;
    const at = c.today.plus({ [unit]: shift });
    add(out, c, h, [at.startOf(unit), at.endOf(unit).startOf('day')]);
  }
  for (const h of findFree(c.s, /\b(?:the\s+)?(week|month)\s+after\s+next\b/g, c.claims)) {
    const unit = h.groups[0] as Unit;
    const at = c.today.plus({ [unit]: 2 });
    add(out, c, h, [at.startOf(unit), at.endOf(unit).startOf('day')]);
  }
  const rolling = new RegExp(
    `\\b(?:(?:in|within|during|over|for)\\s+)?(?:the\\s+)?(last|past|previous|next|coming|within)\\s+(${NUMBER_WORD})\\s+(days?|weeks?|months?|years?)\\b`,
    'g',
  );
  for (const h of findFree(c.s, rolling, c.claims)) {
    const n = readCount(h.groups[1] ?? '1');
    const span = { [unitOf(h.groups[2] ?? 'days')]: n };
    const back = /last|past|previous/.test(h.groups[0] ?? '');
    add(out, c, h, back ? [c.today.minus(span), c.today] : [c.today, c.today.plus(span)]);
  }
  for (const h of findFree(
    c.s,
    /\b(?:the\s+)?day\s+(after\s+tomorrow|before\s+yesterday)\b/g,
    c.claims,
  )) {
    const day = c.today.plus({ days: h.groups[0]?.startsWith('after') ? 2 : -2 });
    add(out, c, h, [day, day]);
  }
  for (const h of findFree(c.s, /\b(today|tonight|tomorrow|yesterday)\b/g, c.claims)) {
    const shift = h.groups[0] === 'tomorrow' ? 1 : h.groups[0] === 'yesterday' ? -1 : 0;
    const day = c.today.plus({ days: shift });
    add(out, c, h, [day, day]);
  }
  for (const h of findFree(c.s, /\b(?:(this|next|last)\s+)?weekend\b/g, c.claims)) {
    const shift = h.groups[0] === 'next' ? 1 : h.groups[0] === 'last' ? -1 : 0;
    const saturday = c.today.startOf('week').plus({ weeks: shift, days: 5 });
    add(out, c, h, [saturday, saturday.plus({ days: 1 })]);
  }
  const toDate = /\b(ytd|mtd|qtd|(year|month|quarter)[- ]to[- ]date)\b/g;
  for (const h of findFree(c.s, toDate, c.claims)) {
    const key = h.groups[1] ?? h.groups[0] ?? 'ytd';
    const unit: Unit = key.startsWith('m') ? 'month' : key.startsWith('q') ? 'quarter' : 'year';
    add(out, c, h, [c.today.startOf(unit), c.today]);
  }
  for (const h of findFree(
    c.s,
    /\b(?:the\s+)?end\s+of\s+(?:the\s+)?(week|month|quarter|year)\b/g,
    c.claims,
  )) {
    const day = c.today.endOf(h.groups[0] as Unit).startOf('day');
    add(out, c, h, [day, day]);
  }
}

export function quarters(c: Ctx, out: Base[]): void {
  const make =
    (q: number) =>
    (year: number): [DateTime, DateTime] => {
      const from = DateTime.fromObject({ year, month: q * 3 - 2, day: 1 }, { zone: c.today.zone });
      return [from, from.endOf('quarter').startOf('day')];
    };
  const patterns = [
    /\bq([1-4])(?:\s*(?:of\s+)?('\d{2}|\d{4}))?\b/g,
    /\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+(?:of\s+)?(\d{4}))?\b/g,
  ];
  for (const re of patterns) {
    for (const h of findFree(c.s, re, c.claims)) {
      const key = h.groups[0] ?? '1';
      const q = ORDINAL_QUARTER[key] ?? Number.parseInt(key, 10);
      const year = yearOf(h.groups[1]);
      add(out, c, h, year ? make(q)(year) : placeInYear(make(q), c), year ? undefined : 'year');
    }
  }
}

export function monthsAndDays(c: Ctx, out: Base[]): void {
  const zone = c.today.zone;
  // "May" is also a verb: read it as a month only with a day, a year or a preposition before it.
  const monthDay = new RegExp(
    `\\b(${MONTH})\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:,?\\s+(\\d{4}))?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})\\b(?:,?\\s+(\\d{4}))?`,
    'g',
  );
  for (const h of findFree(c.s, monthDay, c.claims)) {
    const [m1, d1, y1, d2, m2, y2] = h.groups;
    const month = monthOf(m1 ?? m2 ?? 'jan');
    const dayNum = d1 ?? d2;
    const year = yearOf(y1 ?? y2);
    if (
      (m1 ?? m2) === 'may' &&
      !dayNum &&
      !year &&
      !/\b(in|since|before|after|until|by|during|of|from|early|late|mid)\s+$/.test(
        c.s.slice(0, h.start),
      )
    )
      continue;
    const make = (y: number): [DateTime, DateTime] => {
      if (dayNum) {
        const d = DateTime.fromObject({ year: y, month, day: 1 }, { zone });
        const exact = d.set({ day: Math.min(Number(dayNum), d.daysInMonth ?? 28) });
        return [exact, exact];
      }
      const first = DateTime.fromObject({ year: y, month, day: 1 }, { zone });
      return [first, first.endOf('month').startOf('day')];
    };
    add(out, c, h, year ? make(year) : placeInYear(make, c), year ? undefined : 'year');
  }
  for (const h of findFree(c.s, /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/g, c.claims)) {
    const n = Number(h.groups[0]);
    if (n < 1 || n > 31) continue;
    const inMonth = (m: DateTime) => m.set({ day: Math.min(n, m.daysInMonth ?? 28) });
    let d = inMonth(c.today.startOf('month'));
    if (c.tense !== 'past' && d < c.today)
      d = inMonth(c.today.startOf('month').plus({ months: 1 }));
    if (c.tense === 'past' && d > c.today)
      d = inMonth(c.today.startOf('month').minus({ months: 1 }));
    add(out, c, h, [d, d], 'month');
  }
}

export function weekdays(c: Ctx, out: Base[]): void {
  const re = new RegExp(`\\b(?:(this|next|last|coming|on)\\s+)?(${WEEKDAYS.join('|')})s?\\b`, 'g');
  for (const h of findFree(c.s, re, c.claims)) {
    const wd = WEEKDAYS.indexOf(h.groups[1] ?? 'monday') + 1;
    const week = c.today.startOf('week');
    let d: DateTime;
    if (h.groups[0] === 'next') d = week.plus({ weeks: 1, days: wd - 1 });
    else if (h.groups[0] === 'last') d = week.minus({ weeks: 1 }).plus({ days: wd - 1 });
    else {
      // Bare, "on", "this": the coming one, or the latest one when the sentence looks back.
      d = week.plus({ days: wd - 1 });
      if (c.tense === 'past' && d > c.today) d = d.minus({ weeks: 1 });
      if (c.tense !== 'past' && d < c.today) d = d.plus({ weeks: 1 });
    }
    add(out, c, h, [d, d], h.groups[0] === 'next' || h.groups[0] === 'last' ? undefined : 'week');
  }
}

/** Explicit dates that the patterns above do not cover ("3/20", "2025-04-02", "in 2 weeks"). */
export function explicitDates(c: Ctx, out: Base[], now: Date): void {
  const masked = c.claims.mask(c.s);
  // chrono is the slowest reader; what it adds here always has a digit or a unit of time.
  if (!/\d|\b(days?|weeks?|months?|years?)\b/.test(masked)) return;
  const ref = { instant: now, timezone: c.today.offset };
  for (const r of chrono.parse(masked, ref)) {
    if (!r.start.isCertain('day') || !c.claims.isFree(r.index, r.index + r.text.length)) continue;
    const at = (p: chrono.ParsedComponents) =>
      DateTime.fromObject(
        { year: p.get('year') ?? c.today.year, month: p.get('month') ?? 1, day: p.get('day') ?? 1 },
        { zone: c.today.zone },
      );
    let from = at(r.start);
    let to = r.end ? at(r.end) : from;
    if (!r.start.isCertain('year')) {
      const shift =
        c.tense === 'past' && from > c.today ? -1 : c.tense === 'future' && to < c.today ? 1 : 0;
      from = from.plus({ years: shift });
      to = to.plus({ years: shift });
    }
    add(out, c, { start: r.index, end: r.index + r.text.length }, [from, to]);
  }
}
