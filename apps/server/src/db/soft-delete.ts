import { visibleTo, type Scope } from '../platform/scope';
import type { Tx } from './tx';

/** Owned tables whose rows are soft-deleted (API.md §1: DELETE hides, never destroys). */
export type SoftDeletableTable = 'contacts' | 'deals' | 'calendar_events';

/** Marks a visible, live row deleted; false when the caller cannot see it or it is already gone. */
export async function softDeleteVisible(
  tx: Tx,
  scope: Scope,
  table: SoftDeletableTable,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await tx
    .updateTable(table)
    .set({ deleted_at: now, updated_at: now })
    .$call(visibleTo(scope, table))
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
