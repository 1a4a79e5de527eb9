import { plural, round } from '../deal-probability/util';

/** "90,000" — amounts in the organization's currency, without guessing a symbol. */
export function money(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "3×" / "2.5×": how many times larger, for size comparisons. */
export function times(ratio: number): string {
  return `${ratio >= 10 ? Math.round(ratio) : round(ratio, 1)}×`;
}

/** "a, b and 2 more" — a short list inside a sentence; signal labels are lower-cased to fit. */
export function listed(items: readonly string[], max = 3, lower = true): string {
  const shown = items.slice(0, max).map((s) => (lower ? s.toLowerCase() : s));
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

export function days(n: number): string {
  return plural(Math.floor(n), 'day');
}

/** Confidence scores are whole numbers 0..100; keep generated ones within a believable band. */
export function confidence(value: number, min = 30, max = 95): number {
  return Math.round(Math.min(max, Math.max(min, value)));
}
