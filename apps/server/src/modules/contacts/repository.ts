import type { ContactsQuery } from '@flow/contracts';
import { sql } from 'kysely';
import type {
  CommunicationEventRow,
  ContactRow,
  ContactUpdate,
  NewContactRow,
} from '../../db/schema';
import { softDeleteVisible } from '../../db/soft-delete';
import type { Tx } from '../../db/tx';
import { likePattern, offsetOf, orderOf } from '../../platform/pagination';
import { visibleTo, type Scope } from '../../platform/scope';
import { entitiesTagged } from '../tags/repository';

const sortColumns = {
  name: 'name',
  company: 'company',
  healthScore: 'health_score',
  churnRisk: 'churn_risk',
  lastContact: 'last_contact',
  nextFollowUp: 'next_follow_up',
  totalValue: 'total_value',
  createdAt: 'created_at',
} as const;

export interface ContactFilterContext {
  highValueThreshold: number;
  now: Date;
}

/** API.md §5 thresholds. */
export const AT_RISK_CHURN = 60;
export const RECENT_DAYS = 7;

function visibleContacts(db: Tx, scope: Scope) {
  return db
    .selectFrom('contacts')
    .$call(visibleTo(scope, 'contacts'))
    .where('contacts.deleted_at', 'is', null);
}

export async function listContacts(
  db: Tx,
  scope: Scope,
  query: ContactsQuery,
  ctx: ContactFilterContext,
) {
  let base = visibleContacts(db, scope);
  if (query.search) {
    const term = likePattern(query.search);
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(contacts.name)`, 'like', term),
        eb(sql`lower(contacts.company)`, 'like', term),
        eb('contacts.email', 'like', term),
      ]),
    );
  }
  if (query.filter === 'high-value')
    base = base.where('contacts.total_value', '>', ctx.highValueThreshold);
  if (query.filter === 'at-risk') base = base.where('contacts.churn_risk', '>', AT_RISK_CHURN);
  if (query.filter === 'recent') {
    base = base.where(
      'contacts.last_contact',
      '>=',
      new Date(ctx.now.getTime() - RECENT_DAYS * 86_400_000).toISOString(),
    );
  }
  if (query.tag)
    base = base.where(
      'contacts.id',
      'in',
      entitiesTagged(db, scope.organizationId, 'contact', query.tag),
    );
  const { column, direction } = orderOf(query.sort, sortColumns, '-healthScore');
  const [rows, count] = await Promise.all([
    base
      .selectAll('contacts')
      .orderBy(`contacts.${column}`, direction)
      .orderBy('contacts.id', direction)
      .limit(query.limit)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function contactStats(db: Tx, scope: Scope, ctx: ContactFilterContext) {
  const now = ctx.now.toISOString();
  const row = await visibleContacts(db, scope)
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .sum<number>(
          eb.case().when('total_value', '>', ctx.highValueThreshold).then(1).else(0).end(),
        )
        .as('highValue'),
      eb.fn
        .sum<number>(eb.case().when('churn_risk', '>', AT_RISK_CHURN).then(1).else(0).end())
        .as('atRisk'),
      eb.fn
        .sum<number>(eb.case().when('next_follow_up', '<', now).then(1).else(0).end())
        .as('needsFollowUp'),
    ])
    .executeTakeFirstOrThrow();
  return {
    total: Number(row.total),
    highValue: Number(row.highValue ?? 0),
    atRisk: Number(row.atRisk ?? 0),
    needsFollowUp: Number(row.needsFollowUp ?? 0),
  };
}

export function findContact(db: Tx, scope: Scope, id: string): Promise<ContactRow | undefined> {
  return visibleContacts(db, scope)
    .selectAll('contacts')
    .where('contacts.id', '=', id)
    .executeTakeFirst();
}

/** Any live contact of the organization with this email, whoever owns it (uniqueness is per org). */
export async function contactIdByEmail(
  db: Tx,
  organizationId: string,
  email: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('email', '=', email.toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

export async function insertContact(tx: Tx, row: NewContactRow): Promise<ContactRow> {
  await tx.insertInto('contacts').values(row).execute();
  return tx.selectFrom('contacts').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
}

export async function updateContact(
  tx: Tx,
  scope: Scope,
  id: string,
  changes: ContactUpdate,
): Promise<ContactRow | undefined> {
  await tx
    .updateTable('contacts')
    .set(changes)
    .$call(visibleTo(scope, 'contacts'))
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  return findContact(tx, scope, id);
}

/** Only the server's own recomputations use this: no scope, the caller already holds the row. */
export async function setComputedFields(tx: Tx, id: string, changes: ContactUpdate): Promise<void> {
  await tx.updateTable('contacts').set(changes).where('id', '=', id).execute();
}

export const softDeleteContact = (
  tx: Tx,
  scope: Scope,
  id: string,
  now: string,
): Promise<boolean> => softDeleteVisible(tx, scope, 'contacts', id, now);

export function communicationsOf(
  db: Tx,
  contactId: string,
  limit = 200,
): Promise<CommunicationEventRow[]> {
  return db
    .selectFrom('communication_events')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The contact's latest messages (both directions): they count as interactions for health. */
export function messagesOfContact(db: Tx, contactId: string, limit = 200) {
  return db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select(['messages.type', 'messages.timestamp', 'messages.sentiment', 'messages.subject'])
    .where('conversations.contact_id', '=', contactId)
    .where('conversations.deleted_at', 'is', null)
    .where('messages.deleted_at', 'is', null)
    .orderBy('messages.timestamp', 'desc')
    .limit(limit)
    .execute();
}

export async function insertCommunication(tx: Tx, row: CommunicationEventRow): Promise<void> {
  await tx.insertInto('communication_events').values(row).execute();
}

/** Deals of the contact that count toward its totals and health (not deleted). */
export function dealsOfContact(db: Tx, contactId: string) {
  return db
    .selectFrom('deals')
    .select(['id', 'title', 'value', 'stage', 'probability'])
    .where('contact_id', '=', contactId)
    .where('deleted_at', 'is', null)
    .execute();
}

export function insightsOf(db: Tx, contactId: string) {
  return db
    .selectFrom('ai_insights')
    .selectAll()
    .where('entity_type', '=', 'contact')
    .where('entity_id', '=', contactId)
    .orderBy('confidence', 'desc')
    .execute();
}

export async function replaceInsights(
  tx: Tx,
  contact: Pick<ContactRow, 'id' | 'organization_id' | 'owner_id'>,
  insights: {
    id: string;
    type: 'opportunity' | 'risk' | 'suggestion' | 'trend';
    title: string;
    description: string;
    confidence: number;
    actionable: boolean;
    suggestedAction?: string;
    date: string;
  }[],
  now: string,
): Promise<void> {
  await tx
    .deleteFrom('ai_insights')
    .where('entity_type', '=', 'contact')
    .where('entity_id', '=', contact.id)
    .execute();
  if (insights.length === 0) return;
  await tx
    .insertInto('ai_insights')
    .values(
      insights.map((i) => ({
        // The engine's ids are stable per contact and cause, so regenerating replaces, not duplicates.
        id: i.id,
        organization_id: contact.organization_id,
        owner_id: contact.owner_id,
        entity_type: 'contact' as const,
        entity_id: contact.id,
        type: i.type,
        title: i.title,
        description: i.description,
        confidence: i.confidence,
        actionable: i.actionable ? 1 : 0,
        suggested_action: i.suggestedAction ?? null,
        date: i.date,
        created_at: now,
      })),
    )
    .execute();
}

/** The row whatever the caller's scope: for recomputations triggered by a visible change elsewhere. */
export function findContactById(db: Tx, id: string): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Children carry a copy of the owner for scoped queries; a reassignment moves them along. */
export async function reassignChildren(tx: Tx, contactId: string, ownerId: string): Promise<void> {
  await tx
    .updateTable('communication_events')
    .set({ owner_id: ownerId })
    .where('contact_id', '=', contactId)
    .execute();
  await tx
    .updateTable('ai_insights')
    .set({ owner_id: ownerId })
    .where('entity_type', '=', 'contact')
    .where('entity_id', '=', contactId)
    .execute();
  // Conversations follow their contact's owner, and their messages carry a copy of it.
  const conversations = tx
    .selectFrom('conversations')
    .select('id')
    .where('contact_id', '=', contactId);
  await tx
    .updateTable('messages')
    .set({ owner_id: ownerId })
    .where('conversation_id', 'in', conversations)
    .execute();
  await tx
    .updateTable('conversations')
    .set({ owner_id: ownerId })
    .where('contact_id', '=', contactId)
    .execute();
}
