import type { ConversationsQuery } from '@flow/contracts';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { ConversationRow, ConversationsTable, ConversationUpdate } from '../../db/schema';
import type { Insertable } from 'kysely';
import type { Tx } from '../../db/tx';
import { likePattern, offsetOf, orderOf } from '../../platform/pagination';
import { visibleTo, type Scope } from '../../platform/scope';

/** A conversation row with its contact's live name and company (the row keeps copies). */
export type ConversationWithContact = ConversationRow & {
  live_contact_name: string;
  live_contact_company: string | null;
};

const sortColumns = {
  lastMessage: 'conversations.last_message_at',
  contactName: 'contacts.name',
  unreadCount: 'conversations.unread_count',
} as const;

/** LIKE with the user's % and _ taken literally on both databases (SQLite has no default escape). */
export const likeCi = (column: string, term: string): Expression<SqlBool> =>
  sql<boolean>`lower(${sql.ref(column)}) like ${term} escape '\\'`;

/**
 * Conversations the scope may see. A soft-deleted contact takes its conversations out of sight
 * too, and the join gives the contact's current name and company.
 */
function visibleConversations(db: Tx, scope: Scope) {
  return db
    .selectFrom('conversations')
    .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
    .$call(visibleTo(scope, 'conversations'))
    .where('conversations.deleted_at', 'is', null)
    .where('contacts.deleted_at', 'is', null);
}

const withContact = [
  'contacts.name as live_contact_name',
  'contacts.company as live_contact_company',
] as const;

export async function listConversations(db: Tx, scope: Scope, query: ConversationsQuery) {
  let base = visibleConversations(db, scope).leftJoin(
    'messages as last',
    'last.id',
    'conversations.last_message_id',
  );
  base =
    query.filter === 'archived'
      ? base.where('conversations.archived', '=', 1)
      : base.where('conversations.archived', '=', 0);
  if (query.filter === 'unread') base = base.where('conversations.unread_count', '>', 0);
  if (query.filter === 'high-priority') base = base.where('conversations.priority', '=', 'high');
  if (query.filter === 'follow-up') base = base.where('conversations.needs_follow_up', '=', 1);
  if (query.search) {
    const term = likePattern(query.search);
    base = base.where((eb) =>
      eb.or([
        likeCi('contacts.name', term),
        likeCi('contacts.company', term),
        likeCi('conversations.subject', term),
        likeCi('last.content', term),
      ]),
    );
  }
  const { column, direction } = orderOf(query.sort, sortColumns, '-lastMessage');
  const [rows, count] = await Promise.all([
    base
      .selectAll('conversations')
      .select(withContact)
      .orderBy(column, direction)
      .orderBy('conversations.id', direction)
      .limit(query.limit)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findConversation(
  db: Tx,
  scope: Scope,
  id: string,
): Promise<ConversationWithContact | undefined> {
  return visibleConversations(db, scope)
    .selectAll('conversations')
    .select(withContact)
    .where('conversations.id', '=', id)
    .executeTakeFirst();
}

/** The row whatever the scope: for recomputations after a change the caller was allowed to make. */
export function findConversationById(
  db: Tx,
  id: string,
): Promise<ConversationWithContact | undefined> {
  return db
    .selectFrom('conversations')
    .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
    .selectAll('conversations')
    .select(withContact)
    .where('conversations.id', '=', id)
    .where('conversations.deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * The live, not archived conversation of a contact on a channel — the newest if there are
 * several. `scope` limits it to what the caller sees; inbound passes none (the key is org-wide).
 */
export function openConversationOf(
  db: Tx,
  organizationId: string,
  contactId: string,
  type: ConversationRow['type'],
  scope?: Scope,
): Promise<ConversationRow | undefined> {
  let query = db
    .selectFrom('conversations')
    .selectAll('conversations')
    .where('conversations.organization_id', '=', organizationId)
    .where('conversations.contact_id', '=', contactId)
    .where('conversations.type', '=', type)
    .where('conversations.archived', '=', 0)
    .where('conversations.deleted_at', 'is', null);
  if (scope) query = query.$call(visibleTo(scope, 'conversations'));
  return query
    .orderBy('conversations.last_message_at', 'desc')
    .orderBy('conversations.id', 'desc')
    .executeTakeFirst();
}

export async function insertConversation(
  tx: Tx,
  row: Insertable<ConversationsTable>,
): Promise<void> {
  await tx.insertInto('conversations').values(row).execute();
}

/** Server-side recomputation or a change the service already checked the caller may make. */
export async function updateConversation(
  tx: Tx,
  id: string,
  changes: ConversationUpdate,
): Promise<void> {
  await tx.updateTable('conversations').set(changes).where('id', '=', id).execute();
}

/** +1 unread in one statement, so two inbound messages at once both count. */
export async function incrementUnread(tx: Tx, id: string, now: string): Promise<number> {
  await tx
    .updateTable('conversations')
    .set((eb) => ({ unread_count: eb('unread_count', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
  const row = await tx
    .selectFrom('conversations')
    .select('unread_count')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.unread_count;
}

/** Inbox counters over the caller's live (not archived) conversations, in one aggregate. */
export async function conversationStats(db: Tx, scope: Scope) {
  const row = await visibleConversations(db, scope)
    .where('conversations.archived', '=', 0)
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .sum<number>(eb.case().when('conversations.unread_count', '>', 0).then(1).else(0).end())
        .as('unread'),
      eb.fn
        .sum<number>(eb.case().when('conversations.priority', '=', 'high').then(1).else(0).end())
        .as('highPriority'),
      eb.fn
        .sum<number>(eb.case().when('conversations.needs_follow_up', '=', 1).then(1).else(0).end())
        .as('needsFollowUp'),
    ])
    .executeTakeFirstOrThrow();
  return {
    total: Number(row.total),
    unread: Number(row.unread ?? 0),
    highPriority: Number(row.highPriority ?? 0),
    needsFollowUp: Number(row.needsFollowUp ?? 0),
  };
}
