/**
 * Parses a rating table written as "word:value" pairs separated by whitespace, so long word lists
 * stay compact and readable in source ("signed:2.0 churn:-2.0"). Runs once, at import.
 */
export function ratings(table: string): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const entry of table.trim().split(/\s+/)) {
    const colon = entry.lastIndexOf(':');
    const value = Number(entry.slice(colon + 1));
    if (colon <= 0 || !Number.isFinite(value)) throw new Error(`bad rating entry "${entry}"`);
    map.set(entry.slice(0, colon), value);
  }
  return map;
}

/** Merges tables; later tables win. */
export function mergeRatings(
  ...tables: ReadonlyMap<string, number>[]
): ReadonlyMap<string, number> {
  return new Map(tables.flatMap((t) => [...t]));
}
