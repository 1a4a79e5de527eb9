import type {
  AddConversationTagBody,
  ArchiveConversationBody,
  Conversation,
  ConversationPriorityBody,
  ConversationsQuery,
  ConversationSummary,
  List,
  MessageType,
  StartConversationBody,
} from '@flow/contracts';
import type { ContactRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { notFound, validationError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { pageOf } from '../../platform/pagination';
import type { Scope } from '../../platform/scope';
import type { Emit, Mutate } from '../../realtime/mutate';
import { addEntityTag } from '../tags/repository';
import * as repo from './repository';
import type { ConversationWithContact } from './repository';
import * as messages from './repository-messages';
import * as people from './repository-people';
import { localSummary } from './summary';
import { fullConversation, summariesOf } from './thread';

export interface ConversationDeps {
  db: Tx;
  mutate: Mutate;
  clock: () => Date;
}

/** Listing, reading and the small changes of API.md §7 (read, priority, archive, tags, start). */
export function createConversationOps({ db, mutate, clock }: ConversationDeps) {
  async function visible(tx: Tx, scope: Scope, id: string): Promise<ConversationWithContact> {
    const row = await repo.findConversation(tx, scope, id);
    if (!row) throw notFound('Conversation');
    return row;
  }

  async function summaryOf(tx: Tx, id: string): Promise<ConversationSummary> {
    const row = (await repo.findConversationById(tx, id))!;
    return (await summariesOf(tx, row.organization_id, [row]))[0]!;
  }

  const eventBase = (row: ConversationWithContact, scope: Scope) => ({
    organizationId: row.organization_id,
    ownerId: row.owner_id,
    actorId: scope.userId,
  });

  /** One field change on a visible conversation, announced as `conversation:updated`. */
  async function change(
    scope: Scope,
    id: string,
    apply: (tx: Tx, row: ConversationWithContact, now: string) => Promise<void>,
    pick: (c: ConversationSummary) => Partial<Conversation>,
  ): Promise<ConversationSummary> {
    return mutate(async (tx, emit) => {
      const row = await visible(tx, scope, id);
      const now = clock().toISOString();
      await apply(tx, row, now);
      const summary = await summaryOf(tx, id);
      emit({
        ...eventBase(row, scope),
        event: 'conversation:updated',
        data: { id, changes: pick(summary) },
      });
      return summary;
    });
  }

  return {
    async list(scope: Scope, query: ConversationsQuery): Promise<List<ConversationSummary>> {
      const { rows, total } = await repo.listConversations(db, scope, query);
      return pageOf(await summariesOf(db, scope.organizationId, rows), total, query);
    },

    async get(scope: Scope, id: string): Promise<Conversation> {
      return fullConversation(db, await visible(db, scope, id));
    },

    /** Unread → 0 and the contact's messages 'read' (forward only); events only when it changed. */
    async markRead(scope: Scope, id: string): Promise<ConversationSummary> {
      return mutate(async (tx, emit) => {
        const row = await visible(tx, scope, id);
        const now = clock().toISOString();
        const moved = await messages.advanceStatuses(
          tx,
          { conversationId: id, senderType: 'contact' },
          'read',
          now,
        );
        if (row.unread_count > 0) await repo.updateConversation(tx, id, { unread_count: 0 });
        if (row.unread_count > 0 || moved.length > 0) {
          const base = eventBase(row, scope);
          emit({
            ...base,
            event: 'conversation:unread_count',
            data: { conversationId: id, count: 0 },
          });
          emit({
            ...base,
            event: 'conversation:updated',
            data: { id, changes: { unreadCount: 0 } },
          });
        }
        return summaryOf(tx, id);
      });
    },

    setPriority(scope: Scope, id: string, body: ConversationPriorityBody) {
      return change(
        scope,
        id,
        (tx, _row, now) =>
          repo.updateConversation(tx, id, { priority: body.priority, updated_at: now }),
        (c) => ({ priority: c.priority }),
      );
    },

    setArchived(scope: Scope, id: string, body: ArchiveConversationBody) {
      return change(
        scope,
        id,
        (tx, _row, now) =>
          repo.updateConversation(tx, id, { archived: body.archived ? 1 : 0, updated_at: now }),
        (c) => ({ archived: c.archived }),
      );
    },

    addTag(scope: Scope, id: string, body: AddConversationTagBody) {
      return change(
        scope,
        id,
        (tx, row, now) => addEntityTag(tx, row.organization_id, 'conversation', id, body.tag, now),
        (c) => ({ tags: c.tags }),
      );
    },

    /**
     * Starts a conversation with a visible contact, or returns the live (not archived) one the
     * caller already sees for that contact and channel. It belongs to the contact's owner, so the
     * rep responsible for the contact sees it even when a manager started it.
     */
    async start(
      scope: Scope,
      body: StartConversationBody,
    ): Promise<{ conversation: Conversation; created: boolean }> {
      return mutate(async (tx, emit) => {
        const contact = await people.visibleContact(tx, scope, body.contactId);
        if (!contact) {
          throw validationError({ contactId: ['No contact with this id that you can see'] });
        }
        const existing = await repo.openConversationOf(
          tx,
          scope.organizationId,
          contact.id,
          body.type,
          scope,
        );
        if (existing) {
          return {
            conversation: await fullConversation(
              tx,
              (await repo.findConversationById(tx, existing.id))!,
            ),
            created: false,
          };
        }
        const now = clock().toISOString();
        const conversation = await openConversation(tx, emit, {
          contact,
          type: body.type,
          subject: body.subject,
          // The inbox sorts by activity: a new conversation is the latest activity until a message.
          at: now,
          now,
          actorId: scope.userId,
        });
        return { conversation, created: true };
      });
    },
  };
}

/**
 * Inserts a conversation with a contact, owned by the contact's owner, and announces it. API.md
 * §10 has no `conversation:created`: a new conversation is an update whose changes are the whole
 * conversation, which clients upsert by id.
 */
export async function openConversation(
  tx: Tx,
  emit: Emit,
  input: {
    contact: Pick<ContactRow, 'id' | 'organization_id' | 'owner_id' | 'name' | 'company'>;
    type: MessageType;
    subject: string | undefined;
    /** Its place in the inbox until the first message. */
    at: string;
    now: string;
    actorId: string | null;
  },
): Promise<Conversation> {
  const { contact } = input;
  const id = newId();
  await repo.insertConversation(tx, {
    id,
    organization_id: contact.organization_id,
    owner_id: contact.owner_id,
    contact_id: contact.id,
    type: input.type,
    subject: input.subject || null,
    contact_name: contact.name,
    contact_company: contact.company,
    last_message_id: null,
    last_message_at: input.at,
    last_message_preview: null,
    ai_summary: localSummary({
      contact,
      messages: [],
      total: 0,
      overallSentiment: 'neutral',
      sentimentTrend: 'stable',
    }),
    created_at: input.now,
    updated_at: input.now,
    deleted_at: null,
  });
  const conversation = await fullConversation(tx, (await repo.findConversationById(tx, id))!);
  emit({
    organizationId: contact.organization_id,
    ownerId: contact.owner_id,
    actorId: input.actorId,
    event: 'conversation:updated',
    data: { id, changes: conversation },
  });
  return conversation;
}
