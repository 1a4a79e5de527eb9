import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// Contacts, deals and their histories (migration 0002). Timestamps and JSON are strings.

export type Sentiment = 'positive' | 'neutral' | 'negative';
export type Level = 'high' | 'medium' | 'low';
export type CommunicationType = 'email' | 'call' | 'meeting' | 'note';
export type DealStage =
  'prospect' | 'qualified' | 'proposal' | 'negotiation' | 'closed-won' | 'closed-lost';
export type DealActivityType = 'call' | 'email' | 'meeting' | 'proposal' | 'demo' | 'note';

export interface ContactsTable {
  id: string;
  organization_id: string;
  owner_id: string;
  name: string;
  /** Stored trimmed and lower-cased; unique per organization among non-deleted contacts. */
  email: string | null;
  phone: string | null;
  company: string | null;
  title: string | null;
  avatar: string | null;
  health_score: Generated<number>;
  relationship_health: Generated<Level>;
  sentiment: Generated<Sentiment>;
  churn_risk: Generated<number>;
  total_deals: Generated<number>;
  total_value: Generated<number>;
  last_contact: string | null;
  next_follow_up: string | null;
  /** JSON: string[] */
  notes: Generated<string>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CommunicationEventsTable {
  id: string;
  organization_id: string;
  contact_id: string;
  /** Copied from the contact. */
  owner_id: string;
  type: CommunicationType;
  date: string;
  subject: string | null;
  summary: string;
  sentiment: Generated<Sentiment>;
  /** JSON: the engine's analysis of the summary, or null. */
  ai_analysis: string | null;
  created_by: string | null;
  created_at: string;
}

export interface DealsTable {
  id: string;
  organization_id: string;
  owner_id: string;
  title: string;
  contact_id: string | null;
  contact_name: Generated<string>;
  company: Generated<string>;
  description: Generated<string>;
  value: Generated<number>;
  stage: DealStage;
  probability: Generated<number>;
  confidence: Generated<Level>;
  priority: Generated<Level>;
  /** Midnight UTC of the expected day. */
  expected_close_date: string | null;
  closed_date: string | null;
  last_activity: string | null;
  stage_changed_at: string;
  /** Name of the competitor last mentioned, or null. */
  competitor_mentioned: string | null;
  /** JSON: string[] */
  risk_factors: Generated<string>;
  /** JSON: string[] */
  positive_signals: Generated<string>;
  /** JSON: string[] */
  probability_reasoning: Generated<string>;
  /** API `createdDate`. */
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface DealActivitiesTable {
  id: string;
  organization_id: string;
  deal_id: string;
  /** Copied from the deal. */
  owner_id: string;
  type: DealActivityType;
  date: string;
  description: string;
  outcome: string | null;
  next_step: string | null;
  created_by: string | null;
  created_at: string;
}

export interface DealSignalsTable {
  id: string;
  organization_id: string;
  deal_id: string;
  kind: 'risk' | 'positive' | 'competitor';
  label: string;
  evidence: string | null;
  source_type: 'activity' | 'message' | 'inactivity' | 'manual';
  source_id: string | null;
  confidence: Generated<number>;
  detected_at: string;
  created_at: string;
}

export interface DealInsightsTable {
  id: string;
  organization_id: string;
  deal_id: string;
  type: 'opportunity' | 'risk' | 'suggestion' | 'competitor';
  title: string;
  description: string;
  impact: Generated<Level>;
  actionable: Generated<number>;
  suggested_action: string | null;
  confidence: Generated<number>;
  date: string;
  created_at: string;
}

export type ContactRow = Selectable<ContactsTable>;
export type NewContactRow = Insertable<ContactsTable>;
export type ContactUpdate = Updateable<ContactsTable>;
export type CommunicationEventRow = Selectable<CommunicationEventsTable>;
export type DealRow = Selectable<DealsTable>;
export type NewDealRow = Insertable<DealsTable>;
export type DealUpdate = Updateable<DealsTable>;
export type DealActivityRow = Selectable<DealActivitiesTable>;
