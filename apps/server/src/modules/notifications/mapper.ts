import type { Notification } from '@flow/contracts';
import type { NotificationRow } from '../../db/schema';

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    userId: row.user_id,
    type: row.type,
    title: row.title,
    message: row.message,
    priority: row.priority,
    read: row.read === 1,
    ...(row.action_url ? { actionUrl: row.action_url } : {}),
    ...(row.metadata ? { metadata: parseObject(row.metadata) } : {}),
    createdAt: row.created_at,
    ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
  };
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
