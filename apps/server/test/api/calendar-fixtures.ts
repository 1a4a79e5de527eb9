import type { CalendarEvent, Contact } from '@flow/contracts';
import { expect } from 'vitest';
import type { DealStage } from '../../src/db/schema';
import { newId } from '../../src/platform/ids';
import type { TestApp } from '../helpers/test-app';

/** Shared set-up of the calendar suites: a fixed clock and records built through the API. */

/** Wednesday 12 March 2025, noon UTC: the suites' "now". */
export const NOW = new Date('2025-03-12T12:00:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

let counter = 0;

export async function newContact(
  t: TestApp,
  token: string,
  extra: Record<string, unknown> = {},
): Promise<Contact> {
  counter += 1;
  const res = await t.request('POST', '/api/contacts', {
    token,
    body: {
      name: `Contact ${counter}`,
      email: `cal-contact${counter}-${newId().slice(-6)}@client.test`,
      company: 'Initech',
      ...extra,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Contact;
}

export async function logCommunication(
  t: TestApp,
  token: string,
  contactId: string,
  summary: string,
  date = at(-2 * DAY),
): Promise<void> {
  const res = await t.request('POST', `/api/contacts/${contactId}/communication`, {
    token,
    body: { type: 'call', date, summary },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/**
 * A deal row written directly: the deals API is another module, and the calendar only reads
 * deals. The columns the calendar reads are the ones set here.
 */
export async function insertDeal(
  t: TestApp,
  owner: { id: string; organization_id: string },
  fields: {
    title: string;
    contactId?: string;
    stage?: DealStage;
    value?: number;
    competitor?: string;
    risks?: string[];
    positives?: string[];
    activity?: string;
  },
): Promise<string> {
  const id = newId();
  const stamp = at(-10 * DAY);
  await t.db.handle.db
    .insertInto('deals')
    .values({
      id,
      organization_id: owner.organization_id,
      owner_id: owner.id,
      title: fields.title,
      contact_id: fields.contactId ?? null,
      stage: fields.stage ?? 'proposal',
      value: fields.value ?? 42_000,
      probability: 60,
      expected_close_date: at(20 * DAY),
      closed_date: null,
      last_activity: stamp,
      stage_changed_at: stamp,
      competitor_mentioned: fields.competitor ?? null,
      risk_factors: JSON.stringify(fields.risks ?? []),
      positive_signals: JSON.stringify(fields.positives ?? []),
      created_at: stamp,
      updated_at: stamp,
      deleted_at: null,
    })
    .execute();
  if (fields.activity) {
    await t.db.handle.db
      .insertInto('deal_activities')
      .values({
        id: newId(),
        organization_id: owner.organization_id,
        deal_id: id,
        owner_id: owner.id,
        type: 'call',
        date: at(-3 * DAY),
        description: fields.activity,
        outcome: null,
        next_step: null,
        created_by: owner.id,
        created_at: stamp,
      })
      .execute();
  }
  return id;
}

export function eventBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    title: `Meeting ${counter}`,
    type: 'meeting',
    startTime: at(2 * DAY),
    endTime: at(2 * DAY + HOUR),
    ...extra,
  };
}

export async function newEvent(
  t: TestApp,
  token: string,
  extra: Record<string, unknown> = {},
): Promise<CalendarEvent> {
  const res = await t.request('POST', '/api/calendar/events', { token, body: eventBody(extra) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as CalendarEvent;
}

export async function listIds(t: TestApp, token: string, query = ''): Promise<string[]> {
  const res = await t.request('GET', `/api/calendar/events?limit=100${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.data as { id: string }[]).map((e) => e.id);
}

/**
 * A contact with a history (a need, a price concern, a personal note) and an open deal with a
 * competitor, a risk and an activity naming the next step: material for the preparation.
 */
export async function richSubject(
  t: TestApp,
  cast: { tokens: { sales: string }; acme: { sales: { id: string; organization_id: string } } },
) {
  const contact = await newContact(t, cast.tokens.sales, {
    name: 'Priya Raman',
    company: 'Globex Logistics',
    title: 'CFO',
    notes: ['Training for the Berlin marathon'],
  });
  await logCommunication(
    t,
    cast.tokens.sales,
    contact.id,
    'Priya said they need to cut onboarding time for new drivers. The price is a concern.',
  );
  const dealId = await insertDeal(t, cast.acme.sales, {
    title: 'Fleet rollout',
    contactId: contact.id,
    stage: 'proposal',
    competitor: 'RouteMaster',
    risks: ['Budget concerns'],
    activity: 'Sent the pricing sheet. Next step: review the proposal with their legal team',
  });
  return { contact, dealId };
}
