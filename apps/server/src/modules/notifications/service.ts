import type {
  List,
  Notification,
  NotificationsQuery,
  NotificationType,
  Priority,
  UnreadCount,
} from '@flow/contracts';
import type { Tx } from '../../db/tx';
import { notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { pageOf } from '../../platform/pagination';
import type { Scope } from '../../platform/scope';
import type { Emit } from '../../realtime/mutate';
import type { ServiceDeps } from '../registry';
import { toNotification } from './mapper';
import * as repo from './repository';

/** What other modules hand to `create`, inside their own transaction. */
export interface NewNotification {
  organizationId: string;
  userId: string;
  type: NotificationType;
  title: string;
  message: string;
  priority?: Priority;
  actionUrl?: string;
  metadata?: Record<string, unknown>;
  expiresAt?: string;
}

// Titles and messages often quote inbound text: cap them so one email cannot bloat every inbox.
const TITLE_MAX = 200;
const MESSAGE_MAX = 2_000;
const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

export function createNotificationsService({ db, mutate, clock }: ServiceDeps) {
  const now = () => clock().toISOString();

  async function own(tx: Tx, scope: Scope, id: string) {
    const row = await repo.findNotification(tx, scope, id, now());
    if (!row) throw notFound('Notification');
    return row;
  }

  const eventBase = (scope: Scope) => ({
    organizationId: scope.organizationId,
    ownerId: scope.userId,
    actorId: scope.userId,
  });

  return {
    async list(scope: Scope, query: NotificationsQuery): Promise<List<Notification>> {
      const { rows, total } = await repo.listNotifications(db, scope, query, now());
      return pageOf(rows.map(toNotification), total, query);
    },

    async unreadCount(scope: Scope): Promise<UnreadCount> {
      return { count: await repo.unreadCount(db, scope, now()) };
    },

    /**
     * Marks one read or unread. `notification:read` announces a change to read; API.md §10 has
     * no event for "unread again", so marking unread is seen by other tabs on their next fetch.
     */
    async markRead(scope: Scope, id: string, read: boolean): Promise<Notification> {
      return mutate(async (tx, emit) => {
        const row = await own(tx, scope, id);
        if ((row.read === 1) !== read) {
          await repo.setRead(tx, id, read);
          if (read) emit({ ...eventBase(scope), event: 'notification:read', data: { id } });
        }
        return toNotification({ ...row, read: read ? 1 : 0 });
      });
    },

    async markAllRead(scope: Scope): Promise<void> {
      await mutate(async (tx, emit) => {
        const ids = await repo.markAllRead(tx, scope, now());
        for (const id of ids)
          emit({ ...eventBase(scope), event: 'notification:read', data: { id } });
      });
    },

    async remove(scope: Scope, id: string): Promise<void> {
      await mutate(async (tx, emit) => {
        await own(tx, scope, id);
        await repo.deleteNotification(tx, id);
        emit({ ...eventBase(scope), event: 'notification:deleted', data: { id } });
      });
    },

    /**
     * For other modules, inside their transaction: stores a notification for one user and
     * announces it. Always stored, whatever the user's `preferences.notifications`: the inbox is
     * the record of what happened. The preference mutes the live `notification:new` push (the
     * pop-up), so a user who turned notifications off still finds them in the inbox.
     */
    async create(tx: Tx, emit: Emit, input: NewNotification): Promise<Notification> {
      const preferences = await repo.memberPreferences(tx, input.organizationId, input.userId);
      // A recipient outside the organization is a caller's bug; failing rolls its change back.
      if (!preferences) throw notFound('Notification recipient');
      const row = await repo.insertNotification(tx, {
        id: newId(),
        organization_id: input.organizationId,
        user_id: input.userId,
        type: input.type,
        title: clip(input.title.trim(), TITLE_MAX),
        message: clip(input.message.trim(), MESSAGE_MAX),
        priority: input.priority ?? 'medium',
        read: 0,
        action_url: input.actionUrl ?? null,
        metadata: input.metadata ? JSON.stringify(input.metadata) : null,
        created_at: now(),
        // Normalised to UTC so SQLite's text comparison with now() orders it correctly.
        expires_at: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
      });
      const notification = toNotification(row);
      if (preferences.notifications) {
        emit({
          organizationId: input.organizationId,
          ownerId: input.userId,
          actorId: null,
          event: 'notification:new',
          data: { notification },
        });
      }
      return notification;
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
