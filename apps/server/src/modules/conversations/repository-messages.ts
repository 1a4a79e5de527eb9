import { sql, type Insertable, type Selectable } from 'kysely';
import { isPostgres } from '../../db/column-types';
import type {
  MessageAnalysisTable,
  MessageRow,
  MessageStatus,
  NewMessageRow,
  Sentiment,
} from '../../db/schema';
import type { Tx } from '../../db/tx';
import { visibleTo, type Scope } from '../../platform/scope';
import { statusesBefore } from './status';

export type AnalysisRow = Selectable<MessageAnalysisTable>;

/** Messages of the scope in live conversations of live contacts. */
function visibleMessages(db: Tx, scope: Scope) {
  return db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
    .$call(visibleTo(scope, 'messages'))
    .where('messages.deleted_at', 'is', null)
    .where('conversations.deleted_at', 'is', null)
    .where('contacts.deleted_at', 'is', null);
}

export function findMessage(db: Tx, scope: Scope, id: string): Promise<MessageRow | undefined> {
  return visibleMessages(db, scope)
    .selectAll('messages')
    .where('messages.id', '=', id)
    .executeTakeFirst();
}

/** The latest `limit` messages of a conversation, returned oldest first. */
export async function messagesOf(
  db: Tx,
  conversationId: string,
  limit: number,
): Promise<MessageRow[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('deleted_at', 'is', null)
    .orderBy('timestamp', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}

export function messageById(db: Tx, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMessage(tx: Tx, row: NewMessageRow): Promise<void> {
  await tx.insertInto('messages').values(row).execute();
}

export async function insertAnalysis(tx: Tx, row: Insertable<MessageAnalysisTable>): Promise<void> {
  await tx.insertInto('message_analysis').values(row).execute();
}

export async function analysesOf(db: Tx, messageIds: readonly string[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('message_analysis')
    .selectAll()
    .where('message_id', 'in', [...messageIds])
    .execute();
}

export async function attachmentsOf(db: Tx, messageIds: readonly string[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('message_id', 'in', [...messageIds])
    .orderBy('created_at')
    .execute();
}

/**
 * The one place a message status changes: moves the matching messages to `next` only from the
 * statuses before it (see status.ts), in the WHERE clause, so a status never goes back even when
 * two writers race. A request to move back is ignored. Returns the ids that moved.
 */
export async function advanceStatuses(
  tx: Tx,
  where: { conversationId: string; senderType?: 'user' | 'contact'; ids?: readonly string[] },
  next: MessageStatus,
  now: string,
  extra: { delivery_error?: string | null } = {},
): Promise<string[]> {
  const from = statusesBefore(next);
  if (from.length === 0 || where.ids?.length === 0) return [];
  let match = tx
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', '=', where.conversationId)
    .where('status', 'in', [...from])
    .where('deleted_at', 'is', null);
  if (where.senderType) match = match.where('sender_type', '=', where.senderType);
  if (where.ids) match = match.where('id', 'in', [...where.ids]);
  const ids = (await match.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  await tx
    .updateTable('messages')
    .set({ status: next, updated_at: now, ...extra })
    .where('id', 'in', ids)
    .where('status', 'in', [...from])
    .execute();
  return ids;
}

export async function setDeliveryError(
  tx: Tx,
  id: string,
  error: string,
  now: string,
): Promise<void> {
  await tx
    .updateTable('messages')
    .set({ delivery_error: error, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** A retried webhook: the same sender, text and time already stored in the conversation. */
export function duplicateInbound(
  db: Tx,
  conversationId: string,
  senderId: string,
  content: string,
  timestamp: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('sender_type', '=', 'contact')
    .where('sender_id', '=', senderId)
    .where('timestamp', '=', timestamp)
    .where('content', '=', content)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Message counts per sentiment among what contacts wrote to the caller's conversations. */
export async function contactSentimentCounts(
  db: Tx,
  scope: Scope,
): Promise<Record<Sentiment, number>> {
  const rows = await visibleMessages(db, scope)
    .where('messages.sender_type', '=', 'contact')
    .select((eb) => ['messages.sentiment as sentiment', eb.fn.countAll<number>().as('n')])
    .groupBy('messages.sentiment')
    .execute();
  const counts: Record<Sentiment, number> = { positive: 0, neutral: 0, negative: 0 };
  for (const row of rows) counts[row.sentiment] = Number(row.n);
  return counts;
}

/**
 * Average minutes from the first unanswered contact message to our next reply, over the
 * caller's visible messages; null when nothing was ever answered. Window functions mark where a
 * run of contact messages starts; a user message right after a contact message is a reply.
 */
export async function averageResponseMinutes(db: Tx, scope: Scope): Promise<number | null> {
  const ts = sql.ref('messages.timestamp');
  const window = sql`partition by ${sql.ref('messages.conversation_id')} order by ${ts}, ${sql.ref('messages.id')}`;
  const ordered = visibleMessages(db, scope).select([
    'messages.conversation_id as conversation_id',
    'messages.id as id',
    'messages.sender_type as sender_type',
    'messages.timestamp as ts',
    sql<string | null>`lag(${sql.ref('messages.sender_type')}) over (${window})`.as('prev_sender'),
  ]);
  const minutes = isPostgres(db)
    ? sql<number>`extract(epoch from (ts - run_start)) / 60.0`
    : sql<number>`(julianday(ts) - julianday(run_start)) * 1440.0`;
  const row = await db
    .with('ordered', () => ordered)
    .with('marked', (qc) =>
      qc
        .selectFrom('ordered')
        .select([
          'sender_type',
          'prev_sender',
          'ts',
          sql<
            string | null
          >`max(case when sender_type = 'contact' and (prev_sender is null or prev_sender = 'user') then ts end) over (partition by conversation_id order by ts, id)`.as(
            'run_start',
          ),
        ]),
    )
    .selectFrom('marked')
    .select([sql<number | string | null>`avg(${minutes})`.as('avg')])
    .where('sender_type', '=', 'user')
    .where('prev_sender', '=', 'contact')
    .executeTakeFirst();
  if (row?.avg === null || row?.avg === undefined) return null;
  return Math.max(0, Math.round(Number(row.avg)));
}

export async function countMessages(db: Tx, conversationId: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversation_id', '=', conversationId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Up to `limit` messages before one (oldest first): the history its analysis reads. */
export async function messagesBefore(
  db: Tx,
  message: Pick<MessageRow, 'id' | 'conversation_id' | 'timestamp'>,
  limit: number,
): Promise<MessageRow[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', message.conversation_id)
    .where('deleted_at', 'is', null)
    .where('id', '!=', message.id)
    .where('timestamp', '<=', message.timestamp)
    .orderBy('timestamp', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}
