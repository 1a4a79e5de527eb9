import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AttendeesTable,
  CalendarEventsTable,
  EventAttendeesTable,
  MeetingInsightsTable,
  MeetingOutcomesTable,
  MeetingPreparationsTable,
} from './schema-calendar';
import type {
  CommunicationEventsTable,
  DealStage,
  ContactsTable,
  DealActivitiesTable,
  DealInsightsTable,
  DealSignalsTable,
  DealsTable,
} from './schema-crm';
import type {
  AttachmentsTable,
  ConversationsTable,
  MessageAnalysisTable,
  MessagesTable,
  MessageTemplatesTable,
} from './schema-messaging';
import type {
  ActionItemsTable,
  AiInsightsTable,
  NotificationsTable,
  TaggingsTable,
  TagsTable,
} from './schema-shared';

// The domain tables are declared by area in schema-*.ts; import them from here.
export type * from './schema-calendar';
export type * from './schema-crm';
export type * from './schema-messaging';
export type * from './schema-shared';

/**
 * Every table as Kysely sees it. Timestamps and JSON are strings on both databases (see
 * connection.ts), flags are 0/1 integers.
 */
export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  api_keys: ApiKeysTable;
  events_outbox: EventsOutboxTable;
  // 0002_domain
  contacts: ContactsTable;
  communication_events: CommunicationEventsTable;
  deals: DealsTable;
  deal_activities: DealActivitiesTable;
  deal_signals: DealSignalsTable;
  deal_insights: DealInsightsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  message_analysis: MessageAnalysisTable;
  attachments: AttachmentsTable;
  message_templates: MessageTemplatesTable;
  calendar_events: CalendarEventsTable;
  attendees: AttendeesTable;
  event_attendees: EventAttendeesTable;
  meeting_preparations: MeetingPreparationsTable;
  meeting_outcomes: MeetingOutcomesTable;
  meeting_insights: MeetingInsightsTable;
  tags: TagsTable;
  taggings: TaggingsTable;
  ai_insights: AiInsightsTable;
  notifications: NotificationsTable;
  action_items: ActionItemsTable;
  // 0003_deal_models
  deal_models: DealModelsTable;
  deal_stage_changes: DealStageChangesTable;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  /** JSON: { currency, highValueThreshold, ... } */
  settings: Generated<string>;
  created_at: Generated<string>;
}

export interface UsersTable {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  avatar: string | null;
  role: 'admin' | 'manager' | 'sales';
  password_hash: string;
  /** JSON: Preferences */
  preferences: string;
  active: Generated<number>;
  feed_secret: string;
  created_at: string;
  updated_at: string;
  last_login: string | null;
}

export interface SessionsTable {
  id: string;
  organization_id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_used_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
  user_agent: string | null;
  ip: string | null;
}

export interface RefreshTokensTable {
  id: string;
  session_id: string;
  token_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  organization_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface EventsOutboxTable {
  id: Generated<number>;
  organization_id: string;
  owner_id: string | null;
  actor_id: string | null;
  event: string;
  data: string;
  created_at: string;
}

/** One organization's fitted deal win model (ai/deal-probability), refit by a job. */
export interface DealModelsTable {
  organization_id: string;
  /** JSON: DealModel */
  model: string;
  trained_on: number;
  fitted_at: string;
}

/** Each stage a deal entered; training needs the last open stage of a closed deal. */
export interface DealStageChangesTable {
  id: string;
  organization_id: string;
  deal_id: string;
  /** null for the stage the deal was created in. */
  from_stage: DealStage | null;
  to_stage: DealStage;
  changed_by: string | null;
  changed_at: string;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
