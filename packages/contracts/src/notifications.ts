import { z } from 'zod';
import {
  BooleanQuerySchema,
  CountSchema,
  IdSchema,
  IsoDateTimeSchema,
  PageQuerySchema,
  PrioritySchema,
  listOf,
  sortOf,
} from './common';

export const NotificationTypeSchema = z.enum([
  'deal_update',
  'message_received',
  'meeting_reminder',
  'ai_insight',
  'task_due',
  'at_risk_alert',
]);
export type NotificationType = z.infer<typeof NotificationTypeSchema>;

export const NotificationSchema = z.object({
  id: IdSchema,
  /** The recipient: a notification belongs to exactly one user. */
  userId: IdSchema,
  type: NotificationTypeSchema,
  title: z.string(),
  message: z.string(),
  priority: PrioritySchema,
  read: z.boolean(),
  /** An app path such as `/deals/<id>`, opened when the notification is clicked. */
  actionUrl: z.string().optional(),
  /** Ids and figures behind the notification (dealId, conversationId, …), for the UI to use. */
  metadata: z.record(z.string(), z.unknown()).optional(),
  createdAt: IsoDateTimeSchema,
  expiresAt: IsoDateTimeSchema.optional(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListResponseSchema = listOf(NotificationSchema);

export const NotificationsQuerySchema = PageQuerySchema.extend({
  /** 'false' lists only unread ones. */
  read: BooleanQuerySchema.optional(),
  /** Default order (when omitted): -createdAt. */
  sort: sortOf(['createdAt']).optional(),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuerySchema>;

export const MarkNotificationReadBodySchema = z.strictObject({ read: z.boolean() });
export type MarkNotificationReadBody = z.infer<typeof MarkNotificationReadBodySchema>;

export const UnreadCountSchema = z.object({ count: CountSchema });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;
