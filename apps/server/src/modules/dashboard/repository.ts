import { sql } from 'kysely';
import { OPEN_STAGES } from '../../ai/deal-probability';
import type { DealStage } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { visibleTo, type Scope } from '../../platform/scope';

// Read-only figures over the deals, contacts and calendar tables (their modules write them),
// always through visibleTo and without soft-deleted rows: a dashboard is what the caller sees.

const open = [...OPEN_STAGES];
/** API.md §5: at-risk = churnRisk above 60; §6: hot = probability above 70. */
export const AT_RISK_CHURN = 60;
export const HIGH_PROBABILITY = 70;

function openDeals(db: Tx, scope: Scope) {
  return db
    .selectFrom('deals')
    .$call(visibleTo(scope, 'deals'))
    .where('deals.deleted_at', 'is', null)
    .where('deals.stage', 'in', open);
}

function liveContacts(db: Tx, scope: Scope) {
  return db
    .selectFrom('contacts')
    .$call(visibleTo(scope, 'contacts'))
    .where('contacts.deleted_at', 'is', null);
}

/** Open deals expected to close in [from, to), summed per stage (close dates are UTC midnights). */
export async function forecastByStage(db: Tx, scope: Scope, from: string, to: string) {
  const rows = await openDeals(db, scope)
    .where('deals.expected_close_date', '>=', from)
    .where('deals.expected_close_date', '<', to)
    .select((eb) => [
      'deals.stage as stage',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('deals.value').as('value'),
      eb.fn.sum<number>(sql`deals.value * deals.probability`).as('valueTimesProbability'),
      eb.fn.avg<number>('deals.probability').as('avgProbability'),
    ])
    .groupBy('deals.stage')
    .execute();
  // PostgreSQL returns sums of integers as numeric strings.
  return rows.map((r) => ({
    stage: r.stage as DealStage,
    count: Number(r.count),
    value: Number(r.value ?? 0),
    weighted: Number(r.valueTimesProbability ?? 0) / 100,
    avgProbability: Number(r.avgProbability ?? 0),
  }));
}

/**
 * What the forecast's confidence rests on: open deals due by the end of the period (overdue
 * ones included). Capped, most recently due first: the confidence is about shares, and a
 * sample of this size measures them as well as the whole.
 */
export function forecastBasis(db: Tx, scope: Scope, to: string, cap: number) {
  return openDeals(db, scope)
    .where('deals.expected_close_date', '<', to)
    .select([
      'deals.value',
      'deals.probability',
      'deals.stage',
      'deals.expected_close_date',
      'deals.last_activity',
      'deals.created_at',
    ])
    .orderBy('deals.expected_close_date', 'desc')
    .limit(cap)
    .execute();
}

export async function openPipelineValue(db: Tx, scope: Scope): Promise<number> {
  const row = await openDeals(db, scope)
    .select((eb) => eb.fn.sum<number>('deals.value').as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total ?? 0);
}

/** Open deals, most recently active first. */
export function recentlyActiveDeals(db: Tx, scope: Scope, limit: number) {
  return openDeals(db, scope)
    .where('deals.contact_id', 'is not', null)
    .selectAll('deals')
    .orderBy(sql`coalesce(deals.last_activity, deals.created_at)`, 'desc')
    .orderBy('deals.id', 'desc')
    .limit(limit)
    .execute();
}

export function highProbabilityDeals(db: Tx, scope: Scope, limit: number) {
  return openDeals(db, scope)
    .where('deals.contact_id', 'is not', null)
    .where('deals.probability', '>', HIGH_PROBABILITY)
    .selectAll('deals')
    .orderBy('deals.probability', 'desc')
    .orderBy('deals.value', 'desc')
    .orderBy('deals.id', 'desc')
    .limit(limit)
    .execute();
}

/** Most recently contacted first; never-contacted ones last, newest first. */
export function recentlyContacted(db: Tx, scope: Scope, limit: number) {
  return liveContacts(db, scope)
    .selectAll('contacts')
    .orderBy(sql`case when contacts.last_contact is null then 1 else 0 end`)
    .orderBy('contacts.last_contact', 'desc')
    .orderBy('contacts.created_at', 'desc')
    .orderBy('contacts.id', 'desc')
    .limit(limit)
    .execute();
}

export function atRiskContacts(db: Tx, scope: Scope, limit: number) {
  return liveContacts(db, scope)
    .where('contacts.churn_risk', '>', AT_RISK_CHURN)
    .selectAll('contacts')
    .orderBy('contacts.churn_risk', 'desc')
    .orderBy('contacts.id', 'desc')
    .limit(limit)
    .execute();
}

// ─── inputs of the action items (each capped: the list shows the most pressing) ───────────

/** Open deals silent since `before` (no activity, or created before it and never touched). */
export function quietDeals(db: Tx, scope: Scope, before: string, limit: number) {
  return openDeals(db, scope)
    .where(sql<boolean>`coalesce(deals.last_activity, deals.created_at) <= ${before}`)
    .select(dealItemColumns)
    .orderBy(sql`coalesce(deals.last_activity, deals.created_at)`, 'desc')
    .limit(limit)
    .execute();
}

/** Likely open deals expected to close in [from, to]. */
export function closingDeals(db: Tx, scope: Scope, from: string, to: string, limit: number) {
  return openDeals(db, scope)
    .where('deals.probability', '>', HIGH_PROBABILITY)
    .where('deals.expected_close_date', '>=', from)
    .where('deals.expected_close_date', '<=', to)
    .select(dealItemColumns)
    .orderBy('deals.expected_close_date')
    .limit(limit)
    .execute();
}

const dealItemColumns = [
  'deals.id',
  'deals.title',
  'deals.stage',
  'deals.probability',
  'deals.last_activity',
  'deals.created_at',
  'deals.expected_close_date',
] as const;

const contactItemColumns = [
  'contacts.id',
  'contacts.name',
  'contacts.company',
  'contacts.churn_risk',
  'contacts.last_contact',
  'contacts.next_follow_up',
] as const;

export function riskyContacts(db: Tx, scope: Scope, limit: number) {
  return liveContacts(db, scope)
    .where('contacts.churn_risk', '>', AT_RISK_CHURN)
    .select(contactItemColumns)
    .orderBy('contacts.churn_risk', 'desc')
    .limit(limit)
    .execute();
}

/** Contacts whose next follow-up has passed, the most recently due first. */
export function overdueFollowUps(db: Tx, scope: Scope, now: string, limit: number) {
  return liveContacts(db, scope)
    .where('contacts.next_follow_up', '<', now)
    .select(contactItemColumns)
    .orderBy('contacts.next_follow_up', 'desc')
    .limit(limit)
    .execute();
}

/** Scheduled or confirmed events starting in (now, until]. */
export function upcomingEvents(db: Tx, scope: Scope, now: string, until: string, limit: number) {
  return db
    .selectFrom('calendar_events')
    .$call(visibleTo(scope, 'calendar_events'))
    .where('calendar_events.deleted_at', 'is', null)
    .where('calendar_events.status', 'in', ['scheduled', 'confirmed'])
    .where('calendar_events.start_time', '>', now)
    .where('calendar_events.start_time', '<=', until)
    .select([
      'calendar_events.id',
      'calendar_events.title',
      'calendar_events.type',
      'calendar_events.start_time',
      'calendar_events.status',
    ])
    .orderBy('calendar_events.start_time')
    .limit(limit)
    .execute();
}
