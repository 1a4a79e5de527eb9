import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Level } from './schema-crm';

// Calendar events, attendees, preparation, outcomes, insights (migration 0002).

export type EventType = 'meeting' | 'call' | 'demo' | 'follow-up' | 'internal' | 'personal';
export type EventStatus = 'scheduled' | 'confirmed' | 'completed' | 'cancelled' | 'no-show';
export type AttendeeStatus = 'accepted' | 'declined' | 'pending' | 'tentative';

export interface CalendarEventsTable {
  id: string;
  organization_id: string;
  owner_id: string;
  title: string;
  description: string | null;
  start_time: string;
  end_time: string;
  type: EventType;
  contact_id: string | null;
  contact_name: string | null;
  contact_company: string | null;
  deal_id: string | null;
  location: string | null;
  meeting_link: string | null;
  status: Generated<EventStatus>;
  priority: Generated<Level>;
  follow_up_of: string | null;
  /** JSON: number[] of minutes-before-start already reminded (1440, 60, 15). */
  reminders_sent: Generated<string>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface AttendeesTable {
  id: string;
  organization_id: string;
  name: string;
  email: string | null;
  contact_id: string | null;
  user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventAttendeesTable {
  organization_id: string;
  event_id: string;
  attendee_id: string;
  /** Free text: 'organizer', 'decision maker', 'attendee', ... */
  role: Generated<string>;
  status: Generated<AttendeeStatus>;
}

export interface MeetingPreparationsTable {
  event_id: string;
  organization_id: string;
  /** JSON: string[] */
  suggested_talking_points: Generated<string>;
  /** JSON: string[] */
  recent_interactions: Generated<string>;
  /** JSON object (stage, value, probability, ...) or null. */
  deal_context: string | null;
  /** JSON: string[] or null. */
  competitor_intel: string | null;
  /** JSON: string[] */
  personal_notes: Generated<string>;
  /** JSON: string[] */
  documents_to_share: Generated<string>;
  generated_at: string;
  updated_at: string;
}

export interface MeetingOutcomesTable {
  event_id: string;
  organization_id: string;
  summary: string;
  /** JSON: string[] */
  next_steps: Generated<string>;
  sentiment_score: Generated<number>;
  /** JSON: string[] */
  key_decisions: Generated<string>;
  follow_up_required: Generated<number>;
  follow_up_date: string | null;
  meeting_rating: number | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingInsightsTable {
  id: string;
  organization_id: string;
  event_id: string;
  type: 'preparation' | 'opportunity' | 'risk' | 'follow-up';
  title: string;
  description: string;
  confidence: Generated<number>;
  actionable: Generated<number>;
  suggested_action: string | null;
  created_at: string;
}

export type CalendarEventRow = Selectable<CalendarEventsTable>;
export type NewCalendarEventRow = Insertable<CalendarEventsTable>;
export type CalendarEventUpdate = Updateable<CalendarEventsTable>;
