/**
 * Finds time expressions ("by Friday", "EOD", "before the 15th", "within 24 hours") and resolves
 * them against `now`. Written by hand rather than with chrono-node because chrono misses the
 * business shorthands (EOD, end of week, "the 15th") that matter most for urgency, and a fixed
 * rule set keeps results identical on every machine: all arithmetic is in UTC and a day-level
 * deadline means 17:00 UTC (close of business) that day.
 */

export interface TimeRef {
  /** The matched text, as written. */
  phrase: string;
  /** Offset of the phrase in the searched text. */
  index: number;
  due: Date;
  /** Introduced by a deadline word ("by", "before", "until", "due", "no later than"). */
  strong: boolean;
  /** Hours from `now` until `due` (negative when already past). */
  hours: number;
}

const DAY_MS = 86_400_000;
const CLOSE_HOUR = 17;

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
};

const MONTHS = [
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
] as const;

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, few: 3 };

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/** One resolver per family of expressions; each returns the due date or null when invalid. */
interface Rule {
  re: RegExp;
  resolve: (m: RegExpExecArray, now: Date) => Date | null;
}

const RULES: readonly Rule[] = [
  {
    re: /\b(?:eod|cob|end of (?:the )?(?:business )?day|close of (?:business|play)|today|this (?:morning|afternoon|evening)|tonight)\b/gi,
    resolve: (m, now) => atHour(now, 0, /tonight|evening/i.test(m[0]) ? 21 : CLOSE_HOUR),
  },
  { re: /\btomorrow\b/gi, resolve: (_m, now) => atHour(now, 1, CLOSE_HOUR) },
  {
    re: /\b(?:eow|end of (?:the |this )?(?:work )?week|later this week|this week)\b/gi,
    resolve: (_m, now) => atHour(now, daysUntil(now, 5, false), CLOSE_HOUR),
  },
  {
    re: /\b(?:early )?next week\b/gi,
    resolve: (_m, now) => atHour(now, daysUntil(now, 1, true), CLOSE_HOUR),
  },
  {
    re: /\b(?:eom|end of (?:the |this )?month)\b/gi,
    resolve: (_m, now) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0, CLOSE_HOUR)),
  },
  {
    re: /\bnext month\b/gi,
    resolve: (_m, now) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, CLOSE_HOUR)),
  },
  {
    re: /\b(?:eoq|end of (?:the |this )?quarter)\b/gi,
    resolve: (_m, now) => {
      const q = Math.floor(now.getUTCMonth() / 3);
      return new Date(Date.UTC(now.getUTCFullYear(), q * 3 + 3, 0, CLOSE_HOUR));
    },
  },
  {
    re: /\b(?:(next|this|coming|last) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri)\b/gi,
    resolve: (m, now) => {
      if (m[1]?.toLowerCase() === 'last') return null;
      const target = WEEKDAYS[(m[2] ?? '').toLowerCase()];
      if (target === undefined) return null;
      return atHour(now, daysUntil(now, target, m[1]?.toLowerCase() === 'next'), CLOSE_HOUR);
    },
  },
  {
    re: new RegExp(String.raw`\b${MONTH}\.? (\d{1,2})(?:st|nd|rd|th)?\b`, 'gi'),
    resolve: (m, now) => monthDay(now, monthIndex(m[1] ?? ''), Number(m[2])),
  },
  {
    re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH}\b`, 'gi'),
    resolve: (m, now) => monthDay(now, monthIndex(m[2] ?? ''), Number(m[1])),
  },
  {
    // "before the 15th" — only after a preposition, so "the 2nd time" is not a date.
    re: /\b(?:by|before|until|on|due) the (\d{1,2})(?:st|nd|rd|th)\b(?! (?:time|message|email|attempt|follow))/gi,
    resolve: (m, now) => {
      const day = Number(m[1]);
      if (day < 1 || day > 31) return null;
      let month = now.getUTCMonth();
      if (day < now.getUTCDate()) month += 1;
      return new Date(Date.UTC(now.getUTCFullYear(), month, day, CLOSE_HOUR));
    },
  },
  {
    re: /\b(\d{1,2})\/(\d{1,2})\b(?!\/)/g,
    resolve: (m, now) => monthDay(now, Number(m[1]) - 1, Number(m[2])),
  },
  {
    re: /\b(?:in|within)(?: the next)? (\d+|an?|one|two|three|a few) ?(h(?:ou)?rs?|(?:business |working )?days?|weeks?)\b|\bwithin the hour\b/gi,
    resolve: (m, now) => {
      if (m[0].toLowerCase().endsWith('the hour')) return new Date(now.getTime() + 3_600_000);
      const raw = (m[1] ?? '').toLowerCase().replace('a few', 'few');
      const n = NUMBER_WORDS[raw] ?? Number(raw);
      const unit = (m[2] ?? '').toLowerCase();
      if (!Number.isFinite(n) || n <= 0) return null;
      if (unit.startsWith('h')) return new Date(now.getTime() + n * 3_600_000);
      return new Date(now.getTime() + n * (unit.startsWith('week') ? 7 : 1) * DAY_MS);
    },
  },
];

const STRONG_MARKER =
  /\b(?:by|until|till|no later than|due(?: on| by)?|deadline(?: is)?|latest|at the latest|closes|ends|starts?|kicks? off|launch(?:es)?|goes live|meets|(?:is|are) (?:planned|scheduled|set) for)\s+(?:on\s+)?(?:the\s+|this\s+|next\s+|end of\s+)?$|\bbefore\b[^.!?]{0,40}$/i;
/** "… before then", "in time for …": an earlier time mention was a deadline after all. */
const BACK_REFERENCE =
  /\b(?:before|by) (?:then|that|the (?:meeting|review|call|session))\b|\bin time for\b|\bahead of\b/i;

/** All future-or-today time references in `text`, in reading order, overlapping matches merged. */
export function findTimeRefs(text: string, now: Date): TimeRef[] {
  const found: TimeRef[] = [];
  const backReference = BACK_REFERENCE.test(text);
  for (const rule of RULES) {
    const re = new RegExp(rule.re.source, rule.re.flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const due = rule.resolve(m, now);
      if (!due || Number.isNaN(due.getTime())) continue;
      const hours = (due.getTime() - now.getTime()) / 3_600_000;
      if (hours < -24) continue; // past references ("we met on the 2nd") are not deadlines
      const before = text.slice(Math.max(0, m.index - 48), m.index);
      found.push({
        phrase: m[0],
        index: m.index,
        due,
        strong:
          backReference || STRONG_MARKER.test(before) || /^(?:eod|cob|eow|eom|eoq)$/i.test(m[0]),
        hours,
      });
    }
  }
  found.sort((a, b) => a.index - b.index || b.phrase.length - a.phrase.length);
  const merged: TimeRef[] = [];
  for (const ref of found) {
    const last = merged[merged.length - 1];
    if (last && ref.index < last.index + last.phrase.length) continue;
    merged.push(ref);
  }
  return merged;
}

/** The earliest strong deadline, else the earliest reference; undefined when there is none. */
export function pickDeadline(refs: readonly TimeRef[]): TimeRef | undefined {
  const strong = refs.filter((r) => r.strong);
  const pool = strong.length > 0 ? strong : refs;
  return [...pool].sort((a, b) => a.due.getTime() - b.due.getTime())[0];
}

function atHour(now: Date, addDays: number, hour: number): Date {
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + addDays, hour),
  );
}

/**
 * Days from `now` to the weekday `target` (0 = Sunday). Today counts ("by Friday" said on a
 * Friday). "next Friday" skips the occurrence that falls in the current Monday–Sunday week.
 */
function daysUntil(now: Date, target: number, next: boolean): number {
  const today = now.getUTCDay();
  let delta = (target - today + 7) % 7;
  if (!next) return delta;
  if (delta === 0) return 7;
  const isoToday = today === 0 ? 7 : today;
  const isoTarget = target === 0 ? 7 : target;
  if (isoTarget > isoToday) delta += 7; // still in this week, so "next" means the week after
  return delta;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
}

function monthDay(now: Date, month: number, day: number): Date | null {
  if (month < 0 || month > 11 || day < 1 || day > 31) return null;
  let date = new Date(Date.UTC(now.getUTCFullYear(), month, day, CLOSE_HOUR));
  if (date.getUTCMonth() !== month) return null; // 31/2 and similar
  // Dates well in the past most likely mean next year ("by Jan 10" written in December).
  if (now.getTime() - date.getTime() > 30 * DAY_MS) {
    date = new Date(Date.UTC(now.getUTCFullYear() + 1, month, day, CLOSE_HOUR));
  }
  return date;
}
