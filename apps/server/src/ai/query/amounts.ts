import type { NlEntity } from '@flow/contracts';
import type { Claims } from './text';
import { findFree } from './text';

/** Money phrases → a value range: "over 50k", "more than $1.2m", "between 20k and 40k". */

export interface AmountFound {
  min?: number;
  max?: number;
  entities: NlEntity[];
}

interface Money {
  value: number;
  /** The number as typed had no scale word, so "between 20 and 40k" may lend it one. */
  bare: boolean;
  scale: number;
  /** Currency sign, scale suffix or thousands separators: surely money, not a count. */
  explicit: boolean;
  start: number;
  end: number;
}

const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  grand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const MONEY =
  /([$€£]\s*)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(k|mm|mn|m|bn|b|thousand|million|billion|grand)?\b(\s*(?:dollars|usd|eur|euros?|gbp|bucks))?(\+)?/g;
/** A number followed by one of these counts things or time, never money. */
const NOT_MONEY_AFTER =
  /^\s*(days?|weeks?|months?|years?|hours?|minutes?|mins?|deals?|contacts?|meetings?|messages?|%|percent|st|nd|rd|th)\b/;

const MIN_BEFORE =
  /\b(over|above|more than|greater than|bigger than|larger than|higher than|at least|exceeding|in excess of|north of|upwards of|min(?:imum)?(?: of)?|starting at|from)\s*$|(>=?)\s*$/;
const MAX_BEFORE =
  /\b(under|below|less than|lower than|smaller than|cheaper than|at most|up to|no more than|not more than|max(?:imum)?(?: of)?)\s*$|(<=?)\s*$/;
const APPROX_BEFORE =
  /\b(around|about|approximately|approx|roughly|worth|valued at|close to)\s*$|(~)\s*$/;
const MIN_AFTER = /^\s*(or more|or above|and up|and above|plus)\b/;
const MAX_AFTER = /^\s*(or less|or below|or under|and under|and below)\b/;
const RANGE_GAP = /^\s*(and|to|-|–)\s*$/;

function readMoney(s: string, claims: Claims): Money[] {
  const out: Money[] = [];
  for (const h of findFree(s, MONEY, claims)) {
    const [currency, digits, suffix, unit, plus] = h.groups;
    if (NOT_MONEY_AFTER.test(s.slice(h.end))) continue;
    // "q3 2024", "the 15th": a letter glued before the number means it is part of a word.
    if (/[a-z]$/.test(s.slice(0, h.start))) continue;
    const scale = suffix ? (SCALE[suffix] ?? 1) : 1;
    const value = Number((digits ?? '0').replace(/,/g, '')) * scale;
    const explicit = Boolean(currency || suffix || unit || plus || (digits ?? '').includes(','));
    out.push({ value, bare: !suffix, scale, explicit, start: h.start, end: h.end });
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function extractAmounts(s: string, claims: Claims, original = s): AmountFound {
  const found: AmountFound = { entities: [] };
  const money = readMoney(s, claims);
  for (let i = 0; i < money.length; i++) {
    const a = money[i];
    if (!a) continue;
    const before = s.slice(0, a.start);
    const next = money[i + 1];
    if (next && RANGE_GAP.test(s.slice(a.end, next.start)) && (a.explicit || next.explicit)) {
      // "between 20 and 40k": the first number borrows the second one's scale.
      const low =
        a.bare && !next.bare && a.value * next.scale < next.value ? a.value * next.scale : a.value;
      const lead = /\b(between|from)\s+$/.exec(before);
      const start = lead ? lead.index : a.start;
      const text = original.slice(start, next.end);
      claims.claim(start, next.end);
      found.min = Math.min(low, next.value);
      found.max = Math.max(low, next.value);
      found.entities.push(
        { type: 'amount', text, value: found.min },
        { type: 'amount', text, value: found.max },
      );
      i++;
      continue;
    }
    const after = s.slice(a.end);
    const min = MIN_BEFORE.exec(before);
    const max = MAX_BEFORE.exec(before);
    const approx = APPROX_BEFORE.exec(before);
    const cue = min ?? max ?? approx;
    // A plain number counts as money only with a cue and a size no count would have.
    if (!a.explicit && !(cue && a.value >= 100)) continue;
    const start = cue ? cue.index : a.start;
    let end = a.end;
    const minAfter = MIN_AFTER.exec(after);
    const maxAfter = MAX_AFTER.exec(after);
    if (minAfter) end += minAfter[0].length;
    if (maxAfter) end += maxAfter[0].length;
    const text = original.slice(start, end).trim();
    claims.claim(start, end);
    if (min || minAfter || s[a.end - 1] === '+') found.min = a.value;
    else if (max || maxAfter) found.max = a.value;
    else {
      // "around 50k", "worth $50k", or a bare amount: a ±10% band around it.
      found.min = round(a.value * 0.9);
      found.max = round(a.value * 1.1);
    }
    found.entities.push({ type: 'amount', text, value: a.value });
  }
  return found;
}
