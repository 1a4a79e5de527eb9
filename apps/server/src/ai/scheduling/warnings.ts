import type { SmartScheduling } from '@flow/contracts';
import type { Scored } from './score';
import { MINUTE, fmt, fmtRange, overlaps, type Busy, type Candidate, type Interval } from './time';

/** Conflict warnings of the contract's four kinds, each tied to a concrete time. */

type Warning = SmartScheduling['conflictWarnings'][number];

export interface WarningContext {
  zone: string;
  now: number;
  durationMinutes: number;
  horizonDays: number;
  busy: Busy[];
  preferred: Interval[];
  /** Grid slots inside working hours, before the busy check. */
  grid: Candidate[];
  free: Scored[];
  chosen: Scored[];
  prep: number;
  travel: number;
  newTravel: number;
  location?: string;
}

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function preferredWarnings(c: WarningContext, out: Warning[]): void {
  for (const w of c.preferred) {
    if (w.end <= c.now) continue;
    const clashes = c.busy.filter((b) => overlaps(w, b.raw));
    const fits = c.free.some((s) => s.start >= w.start && s.end <= w.end);
    const label = fmtRange(w, c.zone);
    if (clashes.length > 0) {
      const list = clashes
        .slice(0, 3)
        .map((b) => `${b.type} ${fmtRange(b.raw, c.zone)}`)
        .join(', ');
      out.push({
        type: 'double-booking',
        severity: fits ? 'medium' : 'high',
        message: `Your preferred time ${label} overlaps ${plural(clashes.length, 'existing event')} (${list})${
          fits ? '; only its free part is suggested' : '; no slot fits inside it'
        }.`,
      });
      continue;
    }
    if (fits) continue;
    const inside = c.grid.filter((g) => g.start >= w.start && g.end <= w.end && g.start > c.now);
    if (inside.length === 0) continue;
    const travelBlock = c.busy.find((b) => b.physical && inside.some((g) => overlaps(g, b)));
    if (travelBlock) {
      out.push({
        type: 'travel-time',
        severity: 'high',
        message: `Your preferred time ${label} leaves no room for ${c.travel} min of travel around the in-person event${
          travelBlock.location ? ` at ${travelBlock.location}` : ''
        } (${fmtRange(travelBlock.raw, c.zone)}).`,
      });
    } else if (c.prep > 0) {
      out.push({
        type: 'preparation',
        severity: 'medium',
        message: `Your preferred time ${label} leaves no ${c.prep} min to prepare beforehand.`,
      });
    }
  }
}

function travelWarnings(c: WarningContext, out: Warning[]): void {
  if (c.newTravel > 0) {
    out.push({
      type: 'travel-time',
      severity: 'low',
      message: `In person${c.location ? ` at ${c.location}` : ''}: ${c.newTravel} min of travel each way is kept free around every suggestion.`,
    });
  }
  const margin = (c.travel + 30) * MINUTE;
  for (const s of c.chosen) {
    const near = c.busy.find(
      (b) =>
        b.physical &&
        (Math.abs(s.start - b.raw.end) < margin || Math.abs(b.raw.start - s.end) < margin),
    );
    if (!near) continue;
    out.push({
      type: 'travel-time',
      severity: 'medium',
      message: `The ${fmtRange(s, c.zone)} suggestion is close to an in-person event${
        near.location ? ` at ${near.location}` : ''
      } (${fmtRange(near.raw, c.zone)}); ${c.travel} min of travel is kept free but there is little slack.`,
    });
    return;
  }
}

function backToBackWarning(c: WarningContext, out: Warning[]): void {
  const tight = c.chosen.filter((s) => s.backToBack);
  const first = tight[0];
  if (!first) return;
  out.push({
    type: 'back-to-back',
    severity: tight.length === c.chosen.length ? 'medium' : 'low',
    message: `${tight.length} of ${c.chosen.length} suggestions sit back-to-back with another event (e.g. ${fmtRange(
      first,
      c.zone,
    )}); leave a break if you can.`,
  });
}

function preparationWarning(c: WarningContext, out: Warning[]): void {
  const top = c.chosen[0];
  if (!top || c.prep === 0) return;
  const lead = Math.round((top.start - c.now) / MINUTE);
  if (lead < 2 * 60) {
    out.push({
      type: 'preparation',
      severity: 'medium',
      message: `The top suggestion starts in ${lead} min; block the ${c.prep} min of preparation right away.`,
    });
  } else if (top.gapBefore < c.prep + 15) {
    out.push({
      type: 'preparation',
      severity: 'low',
      message: `Only ${Math.round(top.gapBefore)} min are free before ${fmt(top.start, c.zone)}; the ${c.prep} min of preparation fit, with little slack.`,
    });
  }
}

export function buildWarnings(c: WarningContext): Warning[] {
  const out: Warning[] = [];
  if (c.chosen.length === 0) {
    out.push({
      type: 'double-booking',
      severity: 'high',
      message: `No free ${c.durationMinutes}-min slot in your working hours over the next ${plural(
        c.horizonDays,
        'day',
      )}: ${
        c.grid.length === 0
          ? 'no working hours are long enough for it'
          : 'every candidate overlaps an event or its preparation/travel buffer'
      }.`,
    });
  }
  preferredWarnings(c, out);
  travelWarnings(c, out);
  backToBackWarning(c, out);
  preparationWarning(c, out);
  return out
    .map((w, i) => ({ w, i }))
    .sort((a, b) => SEVERITY_ORDER[a.w.severity] - SEVERITY_ORDER[b.w.severity] || a.i - b.i)
    .map((x) => x.w);
}
