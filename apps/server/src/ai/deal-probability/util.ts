// Small date and number helpers shared by the engine modules (deal probability, health,
// insights, forecast). Every function takes `now` explicitly so results never depend on the clock.

export const DAY_MS = 86_400_000;

/** Epoch ms of an ISO timestamp or a date-only string (a calendar day, read as midnight UTC). */
export function toMs(value: string | Date): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

/** Whole and fractional days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string | Date, to: string | Date): number {
  return (toMs(to) - toMs(from)) / DAY_MS;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** "+8" / "−10" with a typographic minus, as the reasoning sentences show impacts. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return '±0';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Case-insensitive union that keeps the first spelling seen and the original order. */
export function mergeUnique(...lists: readonly (readonly string[] | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const item of list ?? []) {
      const key = item.trim().toLowerCase();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      out.push(item.trim());
    }
  }
  return out;
}

/** "Mar 3" in UTC, for descriptions that name a day. */
export function shortDay(value: string | Date): string {
  return new Date(toMs(value)).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
