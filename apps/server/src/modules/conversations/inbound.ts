import {
  EmailAddressSchema,
  type InboundMessageBody,
  type Message,
  type Priority,
  type Urgency,
} from '@flow/contracts';
import { isUniqueViolation } from '../../db/errors';
import type { ContactRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { newId } from '../../platform/ids';
import type { Emit, Mutate } from '../../realtime/mutate';
import { toContactSummary } from '../contacts/mapper';
import type { DomainServices } from '../registry';
import type { AfterCommit } from './after-commit';
import { authenticateApiKey } from './api-keys';
import { toMessage } from './mapper';
import { openConversation } from './conversation-ops';
import { storeMessage } from './messaging';
import * as repo from './repository';
import * as messages from './repository-messages';
import * as people from './repository-people';
import { touchApiKey } from './repository-templates';

export interface InboundDeps {
  db: Tx;
  mutate: Mutate;
  clock: () => Date;
  services: DomainServices;
  after: AfterCommit;
}

const PRIORITY_OF: Record<Urgency, Priority> = {
  critical: 'high',
  high: 'high',
  medium: 'medium',
  low: 'low',
};
const PHONE = /^\+?[0-9][0-9 ().-]{2,29}$/;
const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** How `from` identifies the sender: an address, a number, or (chat) a display name. */
type Sender = { kind: 'email' | 'phone' | 'name'; value: string };

function senderOf(body: InboundMessageBody): Sender {
  const from = body.from.trim();
  if (body.type === 'email' || EmailAddressSchema.safeParse(from).success) {
    return { kind: 'email', value: from.toLowerCase() };
  }
  if (body.type === 'sms' || PHONE.test(from)) return { kind: 'phone', value: from };
  return { kind: 'name', value: from };
}

/** "jane.doe@acme.io" → "Jane Doe": a readable name until someone edits the contact. */
function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  const words = local
    .split(/[._+-]+/)
    .filter((w) => /[a-z]/i.test(w))
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
  return words.length ? words.join(' ') : email;
}

async function matchContact(
  tx: Tx,
  organizationId: string,
  sender: Sender,
): Promise<ContactRow | undefined> {
  if (sender.kind === 'email') return people.contactByEmail(tx, organizationId, sender.value);
  if (sender.kind === 'name') return people.contactByName(tx, organizationId, sender.value);
  const digits = digitsOf(sender.value);
  if (digits.length < 3) return undefined;
  const candidates = await people.contactsByPhoneTail(tx, organizationId, digits.slice(-7));
  const numbers = candidates.map((c) => ({ c, d: digitsOf(c.phone ?? '') }));
  // Exact number first; then one being the other with a country code in front.
  return (
    numbers.find((n) => n.d === digits)?.c ??
    numbers.find(
      (n) =>
        Math.min(n.d.length, digits.length) >= 7 && (n.d.endsWith(digits) || digits.endsWith(n.d)),
    )?.c
  );
}

/**
 * POST /api/inbound/messages: a mail or SMS provider hands over what a contact wrote. The key's
 * organization is the only scope; the message lands in the contact's live conversation on that
 * channel (a new contact and conversation when there is none), unread, analysed, notified.
 */
export function createInboundOps({ db, mutate, clock, services, after }: InboundDeps) {
  async function newContact(
    tx: Tx,
    emit: Emit,
    organizationId: string,
    sender: Sender,
    to: string | undefined,
    now: string,
  ): Promise<ContactRow> {
    // The addressed user owns a new sender; otherwise round-robin over sales (see repository).
    const addressed = to ? await people.activeUserByEmail(tx, organizationId, to) : undefined;
    const ownerId = addressed?.id ?? (await people.nextInboundOwner(tx, organizationId));
    if (!ownerId) throw new Error(`Organization ${organizationId} has no active user`);
    const contact = await people.insertContact(tx, {
      id: newId(),
      organization_id: organizationId,
      owner_id: ownerId,
      name: sender.kind === 'email' ? nameFromEmail(sender.value) : sender.value,
      email: sender.kind === 'email' ? sender.value : null,
      phone: sender.kind === 'phone' ? sender.value : null,
      company: null,
      title: null,
      avatar: null,
      last_contact: null,
      next_follow_up: null,
      notes: '[]',
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    emit({
      organizationId,
      ownerId,
      actorId: null,
      event: 'contact:created',
      data: {
        contact: { ...toContactSummary(contact, []), communicationHistory: [], aiInsights: [] },
      },
    });
    return contact;
  }

  async function receiveOnce(
    organizationId: string,
    keyId: string,
    body: InboundMessageBody,
  ): Promise<{ message: Message; created: boolean }> {
    const now = clock();
    const stamp = now.toISOString();
    // A provider's clock ahead of ours must not put the message in the future.
    const timestamp =
      body.receivedAt && Date.parse(body.receivedAt) < now.getTime()
        ? new Date(body.receivedAt).toISOString()
        : stamp;
    const sender = senderOf(body);

    const result = await mutate(async (tx, emit) => {
      await touchApiKey(tx, keyId, stamp);
      const contact =
        (await matchContact(tx, organizationId, sender)) ??
        (await newContact(tx, emit, organizationId, sender, body.to, stamp));

      const open = await repo.openConversationOf(tx, organizationId, contact.id, body.type);
      if (open && body.receivedAt) {
        // A webhook retried by the provider: answer with what was stored the first time.
        const dup = await messages.duplicateInbound(
          tx,
          open.id,
          contact.id,
          body.content,
          timestamp,
        );
        if (dup) return { kind: 'duplicate' as const, id: dup.id };
      }
      const conversationId =
        open?.id ??
        (
          await openConversation(tx, emit, {
            contact,
            type: body.type,
            subject: body.subject,
            at: timestamp,
            now: stamp,
            actorId: null,
          })
        ).id;
      const conversation = (await repo.findConversationById(tx, conversationId))!;

      const stored = await storeMessage(
        tx,
        emit,
        {
          conversation,
          sender: { type: 'contact', id: contact.id, name: contact.name },
          content: body.content,
          type: body.type,
          subject: body.subject,
          timestamp,
          // It reached us; it becomes 'read' when someone opens the conversation.
          status: 'delivered',
          actorId: null,
        },
        now,
      );
      const unread = await repo.incrementUnread(tx, conversation.id, stamp);
      const urgent = PRIORITY_OF[stored.analysis.urgencyLevel] === 'high';
      // Urgent mail raises the priority; nothing inbound ever lowers one a user set.
      if (urgent && conversation.priority !== 'high') {
        await repo.updateConversation(tx, conversation.id, { priority: 'high' });
      }
      emit({
        ...stored.base,
        event: 'conversation:unread_count',
        data: { conversationId: conversation.id, count: unread },
      });
      emit({
        ...stored.base,
        event: 'conversation:updated',
        data: {
          id: conversation.id,
          changes: { unreadCount: unread, ...(urgent ? { priority: 'high' as const } : {}) },
        },
      });
      const preview = body.content.replace(/\s+/g, ' ').trim().slice(0, 140);
      await services.notifications.create(tx, emit, {
        organizationId,
        userId: conversation.owner_id,
        type: 'message_received',
        title: `New ${body.type === 'sms' ? 'SMS' : body.type} from ${contact.name}`,
        message: body.subject ? `${body.subject}: ${preview}` : preview,
        priority: PRIORITY_OF[stored.analysis.urgencyLevel],
        actionUrl: `/messages/${conversation.id}`,
        metadata: {
          conversationId: conversation.id,
          messageId: stored.message.id,
          contactId: contact.id,
          urgency: stored.analysis.urgencyLevel,
          businessIntent: stored.analysis.businessIntent,
        },
      });
      await services.contacts.refreshRelationshipOf(tx, emit, contact.id, null, now);
      return { kind: 'stored' as const, stored, conversationId: conversation.id };
    });

    if (result.kind === 'duplicate') {
      const row = (await messages.messageById(db, result.id))!;
      const [analysis] = await messages.analysesOf(db, [row.id]);
      return { message: toMessage(row, analysis), created: false };
    }
    const { thread } = result.stored;
    after.summarize(result.conversationId, thread.lastMessageId, thread.summaryInput);
    return { message: result.stored.message, created: true };
  }

  return {
    /** The organization of an X-Api-Key, or 401 — checked before the body is even validated. */
    authenticateKey: (presented: string | undefined): Promise<InboundKey> =>
      authenticateApiKey(db, presented),

    async receive(
      key: InboundKey,
      body: InboundMessageBody,
    ): Promise<{ message: Message; created: boolean }> {
      try {
        return await receiveOnce(key.organizationId, key.keyId, body);
      } catch (error) {
        // Two messages from one new sender at once: the loser retries and finds the contact.
        if (!isUniqueViolation(error)) throw error;
        return receiveOnce(key.organizationId, key.keyId, body);
      }
    },
  };
}

export type InboundKey = { keyId: string; organizationId: string };
