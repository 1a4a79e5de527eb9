import { sql } from 'kysely';
import { index, orgAndOwnerIndexes, type MigrationContext } from './helpers';

/**
 * Contacts and deals with their histories. Scores and counters that lists show (health, churn
 * risk, totals, probability, signals) live on the row, so a list page is one indexed range scan.
 *
 * Child rows (communication events, deal activities) copy `owner_id` from their parent: feeds and
 * dashboards that read them across parents ("my recent activity") filter by owner without a join.
 * Whoever reassigns a contact or deal updates its children's `owner_id` in the same transaction.
 */
export async function createContactsAndDeals({ db, t }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('owner_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // Optional: a contact created from an inbound SMS has no email yet.
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('company', 'text')
    .addColumn('title', 'text')
    .addColumn('avatar', 'text')
    .addColumn('health_score', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(50)
        .check(sql`health_score between 0 and 100`),
    )
    .addColumn('relationship_health', 'text', (c) => c.notNull().defaultTo('medium'))
    .addColumn('sentiment', 'text', (c) => c.notNull().defaultTo('neutral'))
    .addColumn('churn_risk', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`churn_risk between 0 and 100`),
    )
    .addColumn('total_deals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_value', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('last_contact', t.timestamp)
    .addColumn('next_follow_up', t.timestamp)
    .addColumn('notes', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  // GET /api/contacts: default order healthScore desc; filters at-risk (churn), high-value
  // (total value), recent (last contact); /contacts/stats needsFollowUp (next follow-up passed).
  await orgAndOwnerIndexes(db, 'contacts', ['health_score']);
  await orgAndOwnerIndexes(db, 'contacts', ['churn_risk']);
  await orgAndOwnerIndexes(db, 'contacts', ['total_value']);
  await orgAndOwnerIndexes(db, 'contacts', ['last_contact']);
  await orgAndOwnerIndexes(db, 'contacts', ['next_follow_up']);
  // POST/PUT /api/contacts (409 on a duplicate email) and inbound matching by sender address.
  // Emails are stored trimmed and lower-cased; a soft-deleted contact frees its address.
  await sql`create unique index contacts_org_email_uq on contacts (organization_id, email)
    where deleted_at is null and email is not null`.execute(db);
  // search= on name and company: prefix search written as a range on lower(...), and name sorts.
  // (Substring search scans; PostgreSQL could add pg_trgm later without changing SQLite.)
  await sql`create index contacts_org_name_idx on contacts (organization_id, lower(name))`.execute(
    db,
  );
  await sql`create index contacts_org_company_idx on contacts (organization_id, lower(company))`.execute(
    db,
  );

  await db.schema
    .createTable('communication_events')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('owner_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('date', t.timestamp, (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('sentiment', 'text', (c) => c.notNull().defaultTo('neutral'))
    .addColumn('ai_analysis', t.json)
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // GET /api/contacts/:id communicationHistory (newest first); health recomputation.
  await index(db, 'communication_events_contact_idx', 'communication_events', [
    'contact_id',
    'date',
  ]);

  await db.schema
    .createTable('deals')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('owner_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // Contacts are soft-deleted; a hard delete (erasure request) keeps the deal and its name copy.
    .addColumn('contact_id', t.id, (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('company', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', t.money, (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`value >= 0`),
    )
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('probability', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`probability between 0 and 100`),
    )
    .addColumn('confidence', 'text', (c) => c.notNull().defaultTo('medium'))
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('medium'))
    .addColumn('expected_close_date', t.timestamp)
    .addColumn('closed_date', t.timestamp)
    .addColumn('last_activity', t.timestamp)
    .addColumn('stage_changed_at', t.timestamp, (c) => c.notNull())
    .addColumn('competitor_mentioned', 'text')
    .addColumn('risk_factors', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('positive_signals', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('probability_reasoning', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  // GET /api/deals: default order probability desc (hot filter = probability > 70), stage= and the
  // Kanban board; /deals/stage-stats groups by stage.
  await orgAndOwnerIndexes(db, 'deals', ['probability']);
  await orgAndOwnerIndexes(db, 'deals', ['stage', 'probability']);
  // closing-soon filter, /deals/forecast and the monthly forecast (expected close ranges).
  await orgAndOwnerIndexes(db, 'deals', ['expected_close_date']);
  // Contact detail (its deals) and the contact's total_deals/total_value recomputation.
  await index(db, 'deals_contact_idx', 'deals', ['contact_id']);

  await db.schema
    .createTable('deal_activities')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('deal_id', t.id, (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('owner_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('date', t.timestamp, (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('next_step', 'text')
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // GET /api/deals/:id activities; confidence (activities in the last 7 days) and inactivity.
  await index(db, 'deal_activities_deal_idx', 'deal_activities', ['deal_id', 'date']);

  // Each extracted signal with its evidence, so probabilityReasoning can cite where it came from.
  await db.schema
    .createTable('deal_signals')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('deal_id', t.id, (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // 'risk' | 'positive' | 'competitor'
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('source_type', 'text', (c) => c.notNull()) // 'activity' | 'message' | 'inactivity' | 'manual'
    .addColumn('source_id', t.id)
    .addColumn('confidence', 'integer', (c) => c.notNull().defaultTo(50))
    .addColumn('detected_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // Signal re-extraction replaces a deal's signals; probability explanation reads them by kind.
  await index(db, 'deal_signals_deal_idx', 'deal_signals', ['deal_id', 'kind']);

  await db.schema
    .createTable('deal_insights')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('deal_id', t.id, (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull().defaultTo('medium'))
    .addColumn('actionable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('suggested_action', 'text')
    .addColumn('confidence', 'integer', (c) => c.notNull().defaultTo(50))
    .addColumn('date', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // GET /api/deals/:id aiInsights (newest first).
  await index(db, 'deal_insights_deal_idx', 'deal_insights', ['deal_id', 'date']);
}
