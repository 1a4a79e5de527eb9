import { PreferencesSchema, type NotificationsQuery, type Preferences } from '@flow/contracts';
import type { NotificationRow, NotificationsTable } from '../../db/schema';
import type { Tx } from '../../db/tx';
import type { Insertable } from 'kysely';
import { offsetOf, orderOf } from '../../platform/pagination';
import type { Scope } from '../../platform/scope';

/**
 * A notification belongs to one user: unlike owned records, managers do not see their team's,
 * so the filter is the recipient (and the organization, as a second lock), whatever the role.
 * Expired ones (expires_at before now) no longer exist for the API.
 */
function ownLive(db: Tx, scope: Scope, now: string) {
  return db
    .selectFrom('notifications')
    .where('notifications.organization_id', '=', scope.organizationId)
    .where('notifications.user_id', '=', scope.userId)
    .where((eb) =>
      eb.or([
        eb('notifications.expires_at', 'is', null),
        eb('notifications.expires_at', '>=', now),
      ]),
    );
}

const sortColumns = { createdAt: 'created_at' } as const;

export async function listNotifications(
  db: Tx,
  scope: Scope,
  query: NotificationsQuery,
  now: string,
) {
  let base = ownLive(db, scope, now);
  if (query.read !== undefined) base = base.where('notifications.read', '=', query.read ? 1 : 0);
  const { column, direction } = orderOf(query.sort, sortColumns, '-createdAt');
  const [rows, count] = await Promise.all([
    base
      .selectAll('notifications')
      .orderBy(`notifications.${column}`, direction)
      .orderBy('notifications.id', direction)
      .limit(query.limit)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function unreadCount(db: Tx, scope: Scope, now: string): Promise<number> {
  const row = await ownLive(db, scope, now)
    .where('notifications.read', '=', 0)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findNotification(
  db: Tx,
  scope: Scope,
  id: string,
  now: string,
): Promise<NotificationRow | undefined> {
  return ownLive(db, scope, now)
    .selectAll('notifications')
    .where('notifications.id', '=', id)
    .executeTakeFirst();
}

/** Only called with a row the caller already found through `findNotification`. */
export async function setRead(tx: Tx, id: string, read: boolean): Promise<void> {
  await tx
    .updateTable('notifications')
    .set({ read: read ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/** Marks every unread, unexpired notification of the caller read; returns their ids. */
export async function markAllRead(tx: Tx, scope: Scope, now: string): Promise<string[]> {
  const unread = await ownLive(tx, scope, now)
    .where('notifications.read', '=', 0)
    .select('notifications.id')
    .execute();
  const ids = unread.map((r) => r.id);
  // Chunked so a long-neglected inbox stays under the databases' bound-parameter limits.
  for (let i = 0; i < ids.length; i += 1_000) {
    await tx
      .updateTable('notifications')
      .set({ read: 1 })
      .where('id', 'in', ids.slice(i, i + 1_000))
      .execute();
  }
  return ids;
}

export async function deleteNotification(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('notifications').where('id', '=', id).execute();
}

export async function insertNotification(
  tx: Tx,
  row: Insertable<NotificationsTable>,
): Promise<NotificationRow> {
  await tx.insertInto('notifications').values(row).execute();
  return tx
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
}

/**
 * A member's preferences (defaults filled in), or undefined when the user is not in the
 * organization. Search and the dashboard read the time zone from here too.
 */
export async function memberPreferences(
  db: Tx,
  organizationId: string,
  userId: string,
): Promise<Preferences | undefined> {
  const row = await db
    .selectFrom('users')
    .select('preferences')
    .where('id', '=', userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return parsePreferences(row.preferences);
}

const DEFAULT_PREFERENCES: Preferences = { theme: 'light', notifications: true, timezone: 'UTC' };

function parsePreferences(json: string): Preferences {
  try {
    const parsed = PreferencesSchema.partial().safeParse(JSON.parse(json));
    return { ...DEFAULT_PREFERENCES, ...(parsed.success ? parsed.data : {}) };
  } catch {
    return DEFAULT_PREFERENCES;
  }
}
