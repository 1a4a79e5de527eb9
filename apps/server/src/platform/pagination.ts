import type { List } from '@flow/contracts';

export interface PageRequest {
  page: number;
  limit: number;
}

export const offsetOf = ({ page, limit }: PageRequest): number => (page - 1) * limit;

export function pageOf<T>(data: T[], total: number, { page, limit }: PageRequest): List<T> {
  return { data, meta: { total, page, limit } };
}

/**
 * `sort=field` / `sort=-field` → a column and direction. The query schema already restricted the
 * field to the route's list, so the lookup always hits.
 */
export function orderOf<C extends string>(
  sort: string | undefined,
  columns: Record<string, C>,
  fallback: `${'' | '-'}${string}`,
): { column: C; direction: 'asc' | 'desc' } {
  const spec = sort ?? fallback;
  const descending = spec.startsWith('-');
  const column = columns[descending ? spec.slice(1) : spec];
  if (!column) throw new Error(`No column for sort "${spec}"`);
  return { column, direction: descending ? 'desc' : 'asc' };
}

/** `%term%` for LIKE with the user's % and _ taken literally. */
export function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
