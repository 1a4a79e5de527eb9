import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Level, Sentiment } from './schema-crm';

// Conversations, messages and templates (migration 0002). Timestamps and JSON are strings.

export type MessageType = 'email' | 'sms' | 'chat';
export type MessageStatus = 'sent' | 'delivered' | 'read' | 'replied';
export type TemplateCategory =
  'follow-up' | 'meeting' | 'proposal' | 'support' | 'introduction' | 'other';

export interface ConversationsTable {
  id: string;
  organization_id: string;
  owner_id: string;
  contact_id: string;
  type: Generated<MessageType>;
  subject: string | null;
  contact_name: string;
  contact_company: string | null;
  last_message_id: string | null;
  last_message_at: string | null;
  last_message_preview: string | null;
  /** Messages from the contact not yet read. */
  unread_count: Generated<number>;
  overall_sentiment: Generated<Sentiment>;
  sentiment_trend: Generated<'improving' | 'stable' | 'declining'>;
  ai_summary: string | null;
  priority: Generated<Level>;
  archived: Generated<number>;
  needs_follow_up: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface MessagesTable {
  id: string;
  organization_id: string;
  conversation_id: string;
  /** Copied from the conversation. */
  owner_id: string;
  /** A user id when sender_type is 'user', else a contact id. */
  sender_id: string;
  sender_name: string;
  sender_type: 'user' | 'contact';
  content: string;
  timestamp: string;
  type: MessageType;
  subject: string | null;
  sentiment: Generated<Sentiment>;
  confidence: Generated<number>;
  status: MessageStatus;
  delivery_error: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface MessageAnalysisTable {
  message_id: string;
  organization_id: string;
  /** JSON: string[] */
  key_topics: Generated<string>;
  emotional_tone: string;
  urgency_level: Level;
  business_intent: 'inquiry' | 'complaint' | 'support' | 'purchase' | 'follow-up' | 'other';
  suggested_response: string | null;
  /** Human wording, e.g. "Within 4 hours". */
  response_time: string | null;
  /** JSON: string[] */
  action_items: Generated<string>;
  created_at: string;
}

export interface AttachmentsTable {
  id: string;
  organization_id: string;
  message_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  created_at: string;
}

export interface MessageTemplatesTable {
  id: string;
  organization_id: string;
  /** Null for the organization's system templates. */
  owner_id: string | null;
  name: string;
  category: TemplateCategory;
  content: string;
  /** JSON: string[], e.g. ["firstName", "company"] */
  variables: Generated<string>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type ConversationRow = Selectable<ConversationsTable>;
export type ConversationUpdate = Updateable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type NewMessageRow = Insertable<MessagesTable>;
export type MessageTemplateRow = Selectable<MessageTemplatesTable>;
