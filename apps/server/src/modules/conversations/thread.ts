import type { Conversation, ConversationSummary, Message } from '@flow/contracts';
import { analyzeSentiment, overallSentiment, sentimentTrend } from '../../ai/sentiment';
import type { Tx } from '../../db/tx';
import { tagNamesOf } from '../tags/repository';
import { toAttachment, toConversationSummary, toMessage } from './mapper';
import * as repo from './repository';
import type { ConversationWithContact } from './repository';
import * as messages from './repository-messages';
import { localSummary, type SummaryInput } from './summary';

/** GET /conversations/:id shows the latest messages of very long threads only. */
export const DETAIL_MESSAGES = 500;
/** The window the conversation's summary is computed over. */
const ANALYSIS_WINDOW = 50;
/**
 * Sentiment and trend read the latest 20 messages: with a half-life of 3 messages older ones weigh
 * almost nothing, and each is re-scored (the table keeps the label, not the score).
 */
const SENTIMENT_WINDOW = 20;

export async function summariesOf(
  tx: Tx,
  organizationId: string,
  rows: ConversationWithContact[],
): Promise<ConversationSummary[]> {
  const tags = await tagNamesOf(
    tx,
    organizationId,
    'conversation',
    rows.map((r) => r.id),
  );
  return rows.map((row) => toConversationSummary(row, tags.get(row.id) ?? []));
}

/** Messages (oldest first) with their analyses and attachments. */
export async function messagesWithDetails(
  tx: Tx,
  conversationId: string,
  limit: number,
): Promise<Message[]> {
  const rows = await messages.messagesOf(tx, conversationId, limit);
  const ids = rows.map((r) => r.id);
  const [analyses, attachments] = await Promise.all([
    messages.analysesOf(tx, ids),
    messages.attachmentsOf(tx, ids),
  ]);
  const analysisOf = new Map(analyses.map((a) => [a.message_id, a]));
  const filesOf = new Map<string, ReturnType<typeof toAttachment>[]>();
  for (const a of attachments) {
    const list = filesOf.get(a.message_id) ?? [];
    list.push(toAttachment(a));
    filesOf.set(a.message_id, list);
  }
  return rows.map((r) => toMessage(r, analysisOf.get(r.id), filesOf.get(r.id)));
}

export async function fullConversation(
  tx: Tx,
  row: ConversationWithContact,
): Promise<Conversation> {
  const [[summary], list] = await Promise.all([
    summariesOf(tx, row.organization_id, [row]),
    messagesWithDetails(tx, row.id, DETAIL_MESSAGES),
  ]);
  return { ...summary!, messages: list };
}

/** One message's sentiment score (−100…100), as the conversation-level views need it. */
const scoreOf = (m: Message) => analyzeSentiment(m.content).score;

/**
 * Recomputes what the conversation row keeps about its messages — last message, sentiment and
 * trend, follow-up flag, the local summary and the contact copies — inside the caller's
 * transaction. Sentiment follows the contact's messages (the customer's mood); a thread with only
 * our messages is read from ours. Returns the changes (for `conversation:updated`) and what the
 * provider summary needs after commit.
 */
export async function recomputeThread(
  tx: Tx,
  conversationId: string,
  now: string,
): Promise<{
  changes: Partial<Conversation>;
  summaryInput: SummaryInput;
  lastMessageId: string | null;
}> {
  const conversation = (await repo.findConversationById(tx, conversationId))!;
  const [window, total] = await Promise.all([
    messagesWithDetails(tx, conversationId, ANALYSIS_WINDOW),
    messages.countMessages(tx, conversationId),
  ]);
  const fromContact = window.filter((m) => m.senderType === 'contact');
  const points = (fromContact.length ? fromContact : window).slice(-SENTIMENT_WINDOW).map((m) => ({
    score: scoreOf(m),
    date: m.timestamp,
  }));
  const overall = points.length ? overallSentiment(points) : 'neutral';
  const trend = sentimentTrend(points);
  const summaryInput: SummaryInput = {
    contact: {
      name: conversation.live_contact_name,
      company: conversation.live_contact_company,
    },
    messages: window.map((m) => ({
      senderType: m.senderType,
      content: m.content,
      timestamp: m.timestamp,
      ...(m.aiAnalysis ? { analysis: m.aiAnalysis } : {}),
    })),
    total,
    overallSentiment: overall,
    sentimentTrend: trend,
  };
  const aiSummary = localSummary(summaryInput);
  const last = window[window.length - 1];
  await repo.updateConversation(tx, conversationId, {
    last_message_id: last?.id ?? null,
    last_message_at: last?.timestamp ?? conversation.last_message_at ?? conversation.created_at,
    last_message_preview: last ? last.content.slice(0, 280) : null,
    overall_sentiment: overall,
    sentiment_trend: trend,
    ai_summary: aiSummary,
    needs_follow_up: last?.senderType === 'contact' ? 1 : 0,
    contact_name: conversation.live_contact_name,
    contact_company: conversation.live_contact_company,
    updated_at: now,
  });
  return {
    changes: {
      lastMessage: last?.timestamp ?? conversation.last_message_at ?? conversation.created_at,
      overallSentiment: overall,
      sentimentTrend: trend,
      aiSummary,
    },
    summaryInput,
    lastMessageId: last?.id ?? null,
  };
}
