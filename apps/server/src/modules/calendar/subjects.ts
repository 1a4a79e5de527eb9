import type { Tx } from '../../db/tx';
import { visibleTo, type Scope } from '../../platform/scope';

/**
 * Read-only access to what an event is about (its contact and deal) and to the user settings the
 * calendar needs. Contacts and deals are read in the caller's scope, so an event can only be tied
 * to records the caller may see.
 */

export function visibleContact(db: Tx, scope: Scope, id: string) {
  return db
    .selectFrom('contacts')
    .$call(visibleTo(scope, 'contacts'))
    .select([
      'contacts.id',
      'contacts.name',
      'contacts.company',
      'contacts.title',
      'contacts.notes',
      'contacts.churn_risk',
      'contacts.health_score',
    ])
    .where('contacts.id', '=', id)
    .where('contacts.deleted_at', 'is', null)
    .executeTakeFirst();
}
export type SubjectContactRow = NonNullable<Awaited<ReturnType<typeof visibleContact>>>;

export function visibleDeal(db: Tx, scope: Scope, id: string) {
  return db
    .selectFrom('deals')
    .$call(visibleTo(scope, 'deals'))
    .select([
      'deals.id',
      'deals.title',
      'deals.contact_id',
      'deals.stage',
      'deals.value',
      'deals.probability',
      'deals.risk_factors',
      'deals.positive_signals',
      'deals.competitor_mentioned',
      'deals.expected_close_date',
    ])
    .where('deals.id', '=', id)
    .where('deals.deleted_at', 'is', null)
    .executeTakeFirst();
}
export type SubjectDealRow = NonNullable<Awaited<ReturnType<typeof visibleDeal>>>;

/** The contact's latest communications, newest first (the contact was checked visible). */
export function recentCommunications(db: Tx, contactId: string, limit = 30) {
  return db
    .selectFrom('communication_events')
    .select(['type', 'date', 'subject', 'summary', 'sentiment'])
    .where('contact_id', '=', contactId)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The deal's latest activities, newest first (the deal was checked visible). */
export function recentActivities(db: Tx, dealId: string, limit = 30) {
  return db
    .selectFrom('deal_activities')
    .select(['type', 'date', 'description', 'outcome', 'next_step'])
    .where('deal_id', '=', dealId)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The stored preferences (JSON) and feed secret of an active user of the organization. */
export function userSettings(db: Tx, organizationId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'preferences', 'feed_secret'])
    .where('id', '=', userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** Whose calendar feed a secret opens; deactivated users' feeds close with their account. */
export function userByFeedSecret(db: Tx, secret: string) {
  return db
    .selectFrom('users')
    .select(['id', 'organization_id', 'name', 'preferences'])
    .where('feed_secret', '=', secret)
    .where('active', '=', 1)
    .executeTakeFirst();
}
