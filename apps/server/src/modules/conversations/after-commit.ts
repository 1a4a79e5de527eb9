import type { Message } from '@flow/contracts';
import type { LlmProvider } from '../../ai/providers/llm';
import type { Tx } from '../../db/tx';
import type { Emit, Mutate } from '../../realtime/mutate';
import { createBackground } from './background';
import { createEmailDelivery, type DeliveryOutcome, type EmailDelivery } from './delivery';
import { toMessage } from './mapper';
import * as repo from './repository';
import * as messages from './repository-messages';
import * as people from './repository-people';
import { providerSummary, type SummaryInput } from './summary';

export interface AfterCommitDeps {
  db: Tx;
  mutate: Mutate;
  clock: () => Date;
  llm: LlmProvider | null;
  smtpUrl: string | undefined;
}

/**
 * What follows a committed message without holding its transaction open: SMTP delivery and the
 * provider's summary. Both are network calls of unbounded length; each writes its result in a
 * transaction of its own and announces it with `conversation:updated`.
 */
export function createAfterCommit({ db, mutate, clock, llm, smtpUrl }: AfterCommitDeps) {
  let log: (error: unknown) => void = () => undefined;
  const background = createBackground((error) => log(error));
  // Built lazily, then kept: one transport per service.
  let delivery: EmailDelivery | null = null;
  const transport = () => (delivery ??= smtpUrl ? createEmailDelivery(smtpUrl) : null);

  async function announceMessage(tx: Tx, emit: Emit, messageId: string): Promise<void> {
    const row = (await messages.messageById(tx, messageId))!;
    const [analysis] = await messages.analysesOf(tx, [messageId]);
    const message: Message = toMessage(row, analysis);
    emit({
      organizationId: row.organization_id,
      ownerId: row.owner_id,
      actorId: null,
      event: 'conversation:updated',
      // Only the message whose state changed; clients merge it by id.
      data: { id: row.conversation_id, changes: { messages: [message] } },
    });
  }

  async function record(messageId: string, outcome: DeliveryOutcome): Promise<void> {
    await mutate(async (tx, emit) => {
      const now = clock().toISOString();
      const row = await messages.messageById(tx, messageId);
      if (!row) return;
      if (outcome.ok) {
        // Forward only: if the contact already replied, 'replied' stays.
        const moved = await messages.advanceStatuses(
          tx,
          { conversationId: row.conversation_id, ids: [messageId] },
          'delivered',
          now,
          { delivery_error: null },
        );
        if (moved.length) await announceMessage(tx, emit, messageId);
      } else {
        await messages.setDeliveryError(tx, messageId, outcome.error, now);
        await announceMessage(tx, emit, messageId);
      }
    });
  }

  return {
    /** Whether user email messages are sent at all (SMTP_URL set). */
    sendsEmail: Boolean(smtpUrl),

    useLogger(fn: (error: unknown) => void) {
      log = fn;
    },

    /** Sends a user's email message to the contact; records 'delivered' or the failure. */
    deliver(messageId: string): void {
      const mailer = transport();
      if (!mailer) return;
      background.run(async () => {
        const row = await messages.messageById(db, messageId);
        const conversation = row && (await repo.findConversationById(db, row.conversation_id));
        if (!row || !conversation) return;
        const [contact, user] = await Promise.all([
          people.contactById(db, conversation.contact_id),
          people.userById(db, row.sender_id),
        ]);
        if (!contact?.email) {
          await record(messageId, { ok: false, error: 'The contact has no email address' });
          return;
        }
        const result = await mailer.send({
          from: { name: user?.name ?? row.sender_name, address: user?.email ?? '' },
          to: contact.email,
          subject: row.subject ?? conversation.subject ?? `Message from ${row.sender_name}`,
          text: row.content,
        });
        await record(messageId, result);
      });
    },

    /** Replaces the local summary with the provider's, unless a newer message arrived meanwhile. */
    summarize(conversationId: string, lastMessageId: string | null, input: SummaryInput): void {
      if (!llm) return;
      background.run(async () => {
        const summary = await providerSummary(llm, input);
        if (!summary) return;
        await mutate(async (tx, emit) => {
          const row = await repo.findConversationById(tx, conversationId);
          if (!row || row.last_message_id !== lastMessageId) return;
          await repo.updateConversation(tx, conversationId, { ai_summary: summary });
          emit({
            organizationId: row.organization_id,
            ownerId: row.owner_id,
            actorId: null,
            event: 'conversation:updated',
            data: { id: conversationId, changes: { aiSummary: summary } },
          });
        });
      });
    },

    async drain(): Promise<void> {
      await background.drain();
      delivery?.close();
      delivery = null;
    },
  };
}
export type AfterCommit = ReturnType<typeof createAfterCommit>;
