import type { ImportRowError } from '@flow/contracts';
import type { ZodError } from 'zod';
import type { Scope } from '../../platform/scope';

// What contact and deal rows share: owner resolution and turning schema issues into row errors.

export interface ColumnRef {
  index: number;
  label: string;
}

export type RowOutcome<T> =
  { ok: true; line: number; value: T } | { ok: false; errors: ImportRowError[] };

/** One row error per failing field, naming the CSV column (or the field when it has none). */
export function schemaErrors(
  line: number,
  error: ZodError,
  labelOf: (field: string) => string | null,
): ImportRowError[] {
  const seen = new Set<string>();
  return error.issues.flatMap((issue) => {
    const field = String(issue.path[0] ?? '');
    const key = `${field}:${issue.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ row: line, field: field ? labelOf(field) : null, message: issue.message }];
  });
}

export interface OrgMembers {
  /** Active members by lower-cased email and by id. */
  byKey: Map<string, string>;
}

/**
 * An "Owner" cell (a colleague's email or id) → a user id. Blank means the importer. Sales users
 * may only name themselves, as on POST /api/contacts.
 */
export function ownerOf(
  scope: Scope,
  members: OrgMembers,
  text: string | undefined,
): { ok: true; id: string } | { ok: false; message: string } {
  if (text === undefined) return { ok: true, id: scope.userId };
  const id = members.byKey.get(text.toLowerCase()) ?? members.byKey.get(text);
  if (!id) return { ok: false, message: 'No active user with this email in your organization' };
  if (id !== scope.userId && scope.role === 'sales')
    return { ok: false, message: 'Sales users can only import records they own' };
  return { ok: true, id };
}
