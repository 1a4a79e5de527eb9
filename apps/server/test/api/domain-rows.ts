import type { Kysely } from 'kysely';
import type { Database, DealStage, EventType } from '../../src/db/schema';
import type { DomainServices } from '../../src/modules/registry';
import {
  createNotificationsService,
  type NewNotification,
} from '../../src/modules/notifications/service';
import { newId } from '../../src/platform/ids';
import { createInProcessEventBus } from '../../src/realtime/event-bus';
import { createMutate } from '../../src/realtime/mutate';
import type { TestApp } from '../helpers/test-app';

// Rows of the deals, conversations and calendar tables, written directly: those modules are
// built alongside this one, and these tests are about reading them (dashboard, search, export).

const DAY = 86_400_000;
export const isoIn = (days: number, from = Date.now()) => new Date(from + days * DAY).toISOString();
/** Midnight UTC of the day `days` from now, as deals store expected close dates. */
export const dayIn = (days: number) => `${isoIn(days).slice(0, 10)}T00:00:00.000Z`;

export interface DealFields {
  organizationId: string;
  ownerId: string;
  contact: { id: string; name: string; company?: string };
  title: string;
  value: number;
  stage?: DealStage;
  probability?: number;
  expectedCloseDate?: string;
  lastActivity?: string | null;
  createdAt?: string;
  deletedAt?: string | null;
}

export async function insertDeal(db: Kysely<Database>, f: DealFields): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('deals')
    .values({
      id,
      organization_id: f.organizationId,
      owner_id: f.ownerId,
      title: f.title,
      contact_id: f.contact.id,
      contact_name: f.contact.name,
      company: f.contact.company ?? '',
      description: '',
      value: f.value,
      stage: f.stage ?? 'qualified',
      probability: f.probability ?? 40,
      confidence: 'medium',
      priority: 'medium',
      expected_close_date: f.expectedCloseDate ?? dayIn(20),
      closed_date: null,
      last_activity: f.lastActivity === undefined ? now : f.lastActivity,
      stage_changed_at: now,
      competitor_mentioned: null,
      risk_factors: '[]',
      positive_signals: '[]',
      probability_reasoning: '[]',
      created_at: f.createdAt ?? now,
      updated_at: now,
      deleted_at: f.deletedAt ?? null,
    })
    .execute();
  return id;
}

export async function insertMessage(
  db: Kysely<Database>,
  f: {
    organizationId: string;
    ownerId: string;
    contact: { id: string; name: string };
    content: string;
    subject?: string;
    conversationDeleted?: boolean;
  },
): Promise<{ conversationId: string; messageId: string }> {
  const conversationId = newId();
  const messageId = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('conversations')
    .values({
      id: conversationId,
      organization_id: f.organizationId,
      owner_id: f.ownerId,
      contact_id: f.contact.id,
      subject: f.subject ?? null,
      contact_name: f.contact.name,
      contact_company: null,
      last_message_id: messageId,
      last_message_at: now,
      last_message_preview: f.content.slice(0, 80),
      ai_summary: null,
      created_at: now,
      updated_at: now,
      deleted_at: f.conversationDeleted ? now : null,
    })
    .execute();
  await db
    .insertInto('messages')
    .values({
      id: messageId,
      organization_id: f.organizationId,
      conversation_id: conversationId,
      owner_id: f.ownerId,
      sender_id: f.contact.id,
      sender_name: f.contact.name,
      sender_type: 'contact',
      content: f.content,
      timestamp: now,
      type: 'email',
      subject: f.subject ?? null,
      status: 'delivered',
      delivery_error: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
  return { conversationId, messageId };
}

export async function insertEvent(
  db: Kysely<Database>,
  f: {
    organizationId: string;
    ownerId: string;
    title: string;
    startTime: string;
    type?: EventType;
    status?: 'scheduled' | 'confirmed' | 'cancelled';
    attendee?: { name: string; email: string };
  },
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('calendar_events')
    .values({
      id,
      organization_id: f.organizationId,
      owner_id: f.ownerId,
      title: f.title,
      description: null,
      start_time: f.startTime,
      end_time: new Date(Date.parse(f.startTime) + 3_600_000).toISOString(),
      type: f.type ?? 'meeting',
      contact_id: null,
      contact_name: null,
      contact_company: null,
      deal_id: null,
      location: null,
      meeting_link: null,
      status: f.status ?? 'scheduled',
      follow_up_of: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
  if (f.attendee) {
    const attendeeId = newId();
    await db
      .insertInto('attendees')
      .values({
        id: attendeeId,
        organization_id: f.organizationId,
        name: f.attendee.name,
        email: f.attendee.email,
        contact_id: null,
        user_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('event_attendees')
      .values({ organization_id: f.organizationId, event_id: id, attendee_id: attendeeId })
      .execute();
  }
  return id;
}

/**
 * `notifications.create(tx, emit, input)` as other modules call it: inside a mutation of their
 * own, over the test app's database, writing the same outbox.
 */
export function notifier(t: TestApp) {
  const db = t.db.handle.db;
  const clock = () => new Date();
  const mutate = createMutate(db, createInProcessEventBus(), clock);
  const service = createNotificationsService({
    db,
    mutate,
    clock,
    config: t.config,
    bus: createInProcessEventBus(),
    llm: null,
    services: {} as DomainServices,
  });
  return (input: NewNotification) => mutate((tx, emit) => service.create(tx, emit, input));
}
