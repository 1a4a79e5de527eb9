import { createHash } from 'node:crypto';

/**
 * A stable id from what an insight is about and what caused it, so regenerating the same
 * insight (hourly job, every deal change) updates it instead of adding a duplicate, and a
 * dismissed action item stays dismissed until a new cause (a new anchor date) appears.
 */
export function stableId(kind: string, ...cause: readonly (string | number | undefined)[]): string {
  const key = [kind, ...cause.map((c) => (c === undefined ? '' : String(c)))].join('\u0000');
  return `${kind.slice(0, 24)}-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}
