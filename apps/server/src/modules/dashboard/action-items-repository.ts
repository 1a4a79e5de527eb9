import type { Insertable } from 'kysely';
import type { ActionItemRow, ActionItemsTable } from '../../db/schema';
import type { Tx } from '../../db/tx';
import type { Scope } from '../../platform/scope';

// Action items belong to one user (like notifications): the filter is the user, whatever the role.

function own(db: Tx, scope: Scope) {
  return db
    .selectFrom('action_items')
    .where('action_items.organization_id', '=', scope.organizationId)
    .where('action_items.user_id', '=', scope.userId);
}

/** The caller's live items plus any stored (even dismissed) for these causes. */
export function itemsOfUser(
  db: Tx,
  scope: Scope,
  keys: readonly string[],
): Promise<ActionItemRow[]> {
  return own(db, scope)
    .selectAll('action_items')
    .where((eb) =>
      keys.length > 0
        ? eb.or([
            eb('action_items.dismissed_at', 'is', null),
            eb('action_items.dedupe_key', 'in', [...keys]),
          ])
        : eb('action_items.dismissed_at', 'is', null),
    )
    .execute();
}

/** Inserts new items; one a concurrent request just stored is skipped by the unique key. */
export async function insertItems(
  tx: Tx,
  rows: readonly Insertable<ActionItemsTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('action_items')
    .values([...rows])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Refreshes the wording of a live item ("quiet for 15 days" → "16 days"). */
export async function refreshItem(
  tx: Tx,
  id: string,
  changes: { title: string; timestamp: string; actions: string; link: string | null },
): Promise<void> {
  await tx.updateTable('action_items').set(changes).where('id', '=', id).execute();
}

/**
 * Removes undismissed items whose cause is gone (the deal got an activity, the meeting passed).
 * Dismissed ones stay: they are what keeps a dismissed cause from coming back.
 */
export async function deleteItems(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .deleteFrom('action_items')
    .where('id', 'in', [...ids])
    .where('dismissed_at', 'is', null)
    .execute();
}

export function findItem(db: Tx, scope: Scope, id: string): Promise<ActionItemRow | undefined> {
  return own(db, scope)
    .selectAll('action_items')
    .where('action_items.id', '=', id)
    .executeTakeFirst();
}

export async function dismissItem(tx: Tx, id: string, now: string): Promise<void> {
  await tx
    .updateTable('action_items')
    .set({ dismissed_at: now })
    .where('id', '=', id)
    .where('dismissed_at', 'is', null)
    .execute();
}
