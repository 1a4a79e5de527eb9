import type { Generated, Selectable } from 'kysely';
import type { Level } from './schema-crm';

// Tags, insights on any record, notifications and action items (migration 0002).

export type TaggableEntity = 'contact' | 'deal' | 'conversation' | 'event';

export interface TagsTable {
  id: string;
  organization_id: string;
  name: string;
  color: string | null;
  created_at: string;
  deleted_at: string | null;
}

export interface TaggingsTable {
  organization_id: string;
  tag_id: string;
  entity_type: TaggableEntity;
  entity_id: string;
  created_at: string;
}

export interface AiInsightsTable {
  id: string;
  organization_id: string;
  /** Copied from the record the insight is about. */
  owner_id: string | null;
  entity_type: 'contact' | 'deal' | 'conversation' | 'event';
  entity_id: string;
  type: 'opportunity' | 'risk' | 'suggestion' | 'trend';
  title: string;
  description: string;
  confidence: Generated<number>;
  actionable: Generated<number>;
  suggested_action: string | null;
  date: string;
  created_at: string;
}

export type NotificationType =
  | 'deal_update'
  | 'message_received'
  | 'meeting_reminder'
  | 'ai_insight'
  | 'task_due'
  | 'at_risk_alert';

export interface NotificationsTable {
  id: string;
  organization_id: string;
  user_id: string;
  type: NotificationType;
  title: string;
  message: string;
  priority: Generated<Level>;
  read: Generated<number>;
  action_url: string | null;
  /** JSON object or null. */
  metadata: string | null;
  created_at: string;
  expires_at: string | null;
}

export interface ActionItemsTable {
  id: string;
  organization_id: string;
  user_id: string;
  icon: string;
  title: string;
  type: 'suggestion' | 'opportunity' | 'warning';
  timestamp: string;
  /** JSON: [{ label, type: 'primary' | 'secondary' | 'dismiss' }] */
  actions: Generated<string>;
  link: string | null;
  dedupe_key: string | null;
  created_at: string;
  dismissed_at: string | null;
}

export type TagRow = Selectable<TagsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type ActionItemRow = Selectable<ActionItemsTable>;
