import type {
  Message,
  MessageAnalysis,
  MessageStats,
  SendMessageBody,
  SentimentOverview,
} from '@flow/contracts';
import { analyzeMessage } from '../../ai/message-analysis';
import type { Sentiment } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { notFound } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import type { Mutate } from '../../realtime/mutate';
import type { DomainServices } from '../registry';
import type { AfterCommit } from './after-commit';
import { toAnalysis } from './mapper';
import { storeMessage } from './messaging';
import * as repo from './repository';
import * as messages from './repository-messages';
import * as people from './repository-people';

export interface MessageDeps {
  db: Tx;
  mutate: Mutate;
  clock: () => Date;
  services: DomainServices;
  after: AfterCommit;
}

/**
 * Whole-number percentages that sum to exactly 100: floor each share, then hand the points left
 * to the largest remainders (ties in positive → neutral → negative order). No messages → all 0.
 */
export function largestRemainder(counts: Record<Sentiment, number>): SentimentOverview {
  const keys = ['positive', 'neutral', 'negative'] as const;
  const total = keys.reduce((sum, k) => sum + counts[k], 0);
  if (total === 0) return { positive: 0, neutral: 0, negative: 0 };
  const shares = keys.map((k, order) => {
    const exact = (counts[k] * 100) / total;
    return { k, order, floor: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = 100 - shares.reduce((sum, s) => sum + s.floor, 0);
  for (const s of [...shares].sort((a, b) => b.remainder - a.remainder || a.order - b.order)) {
    if (left <= 0) break;
    s.floor += 1;
    left -= 1;
  }
  const result = { positive: 0, neutral: 0, negative: 0 };
  for (const s of shares) result[s.k] = s.floor;
  return result;
}

export function createMessageOps({ db, mutate, clock, services, after }: MessageDeps) {
  return {
    /** A user's message: stored 'sent' with AI fields, then emailed after commit when SMTP is set. */
    async send(scope: Scope, conversationId: string, body: SendMessageBody): Promise<Message> {
      const now = clock();
      const stored = await mutate(async (tx, emit) => {
        const conversation = await repo.findConversation(tx, scope, conversationId);
        if (!conversation) throw notFound('Conversation');
        const user = await people.userById(tx, scope.userId);
        const result = await storeMessage(
          tx,
          emit,
          {
            conversation,
            sender: { type: 'user', id: scope.userId, name: user?.name ?? '' },
            content: body.content,
            type: body.type,
            subject: body.subject || conversation.subject || undefined,
            timestamp: now.toISOString(),
            status: 'sent',
            actorId: scope.userId,
          },
          now,
        );
        await services.contacts.refreshRelationshipOf(
          tx,
          emit,
          conversation.contact_id,
          scope.userId,
          now,
        );
        return { ...result, conversationId: conversation.id };
      });
      after.summarize(
        stored.conversationId,
        stored.thread.lastMessageId,
        stored.thread.summaryInput,
      );
      if (stored.message.type === 'email' && after.sendsEmail) after.deliver(stored.message.id);
      return stored.message;
    },

    /** The stored analysis; rows from before analyses were stored are analysed on the fly. */
    async analysis(scope: Scope, messageId: string): Promise<MessageAnalysis> {
      const message = await messages.findMessage(db, scope, messageId);
      if (!message) throw notFound('Message');
      const [stored] = await messages.analysesOf(db, [messageId]);
      if (stored) return toAnalysis(stored);
      const history = await messages.messagesBefore(db, message, 20);
      const result = analyzeMessage({
        content: message.content,
        conversationHistory: history.map((m) => ({
          senderType: m.sender_type,
          content: m.content,
          timestamp: m.timestamp,
        })),
        now: new Date(message.timestamp),
      });
      return {
        keyTopics: result.keyTopics,
        emotionalTone: result.emotionalTone,
        urgencyLevel: result.urgencyLevel,
        businessIntent: result.businessIntent,
        suggestedResponse: result.suggestedResponse,
        responseTime: result.responseTime,
        actionItems: result.actionItems,
      };
    },

    async stats(scope: Scope): Promise<MessageStats> {
      const [counts, averageResponseTime] = await Promise.all([
        repo.conversationStats(db, scope),
        messages.averageResponseMinutes(db, scope),
      ]);
      return { ...counts, averageResponseTime };
    },

    async sentimentOverview(scope: Scope): Promise<SentimentOverview> {
      return largestRemainder(await messages.contactSentimentCounts(db, scope));
    },
  };
}
