import type { Message, MessageStatus, MessageType } from '@flow/contracts';
import { analyzeMessage } from '../../ai/message-analysis';
import { analyzeSentiment } from '../../ai/sentiment';
import type { Level } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { newId } from '../../platform/ids';
import type { Emit } from '../../realtime/mutate';
import { formatResponseTime, toMessage } from './mapper';
import type { ConversationWithContact } from './repository';
import * as messages from './repository-messages';
import { recomputeThread } from './thread';

/** How many earlier messages the analysis reads (follow-up counting, reply context). */
const HISTORY = 20;

export interface NewMessage {
  conversation: ConversationWithContact;
  sender: { type: 'user' | 'contact'; id: string; name: string };
  content: string;
  type: MessageType;
  subject?: string | undefined;
  timestamp: string;
  status: MessageStatus;
  actorId: string | null;
}

export type StoredMessage = Awaited<ReturnType<typeof storeMessage>>;

/**
 * Stores one message with its AI sentiment and analysis, marks our previous message 'replied'
 * when the contact answers, recomputes the conversation, and emits `message:received` and
 * `conversation:updated` — all in the caller's transaction. Shared by users' messages and inbound.
 */
export async function storeMessage(tx: Tx, emit: Emit, input: NewMessage, now: Date) {
  const stamp = now.toISOString();
  const { conversation } = input;
  const history = await messages.messagesBefore(
    tx,
    { id: '', conversation_id: conversation.id, timestamp: input.timestamp },
    HISTORY,
  );
  const previousFromOtherSide = [...history]
    .reverse()
    .find((m) => m.sender_type !== input.sender.type);
  const sentiment = analyzeSentiment(input.content, previousFromOtherSide?.content);
  const analysis = analyzeMessage({
    content: input.content,
    conversationHistory: history.map((m) => ({
      senderType: m.sender_type,
      content: m.content,
      timestamp: m.timestamp,
    })),
    now: new Date(input.timestamp),
  });

  const row = {
    id: newId(),
    organization_id: conversation.organization_id,
    conversation_id: conversation.id,
    owner_id: conversation.owner_id,
    sender_id: input.sender.id,
    sender_name: input.sender.name,
    sender_type: input.sender.type,
    content: input.content,
    timestamp: input.timestamp,
    type: input.type,
    subject: input.subject ?? null,
    sentiment: sentiment.sentiment,
    confidence: sentiment.confidence,
    status: input.status,
    delivery_error: null,
    created_at: stamp,
    updated_at: stamp,
    deleted_at: null,
  };
  await messages.insertMessage(tx, row);
  const analysisRow = {
    message_id: row.id,
    organization_id: conversation.organization_id,
    key_topics: JSON.stringify(analysis.keyTopics),
    emotional_tone: analysis.emotionalTone,
    // The column is text; its TS type predates the contract's fourth level, 'critical'.
    urgency_level: analysis.urgencyLevel as Level,
    business_intent: analysis.businessIntent,
    suggested_response: analysis.suggestedResponse,
    response_time: formatResponseTime(analysis.responseTime),
    action_items: JSON.stringify(analysis.actionItems),
    created_at: stamp,
  };
  await messages.insertAnalysis(tx, analysisRow);

  // The contact answered: our latest message before theirs is now 'replied' (forward only).
  let replied: Message | undefined;
  const ours = [...history].reverse().find((m) => m.sender_type === 'user');
  if (input.sender.type === 'contact' && ours) {
    const moved = await messages.advanceStatuses(
      tx,
      { conversationId: conversation.id, ids: [ours.id] },
      'replied',
      stamp,
    );
    if (moved.length) {
      const [updated] = await messages.analysesOf(tx, [ours.id]);
      replied = toMessage((await messages.messageById(tx, ours.id))!, updated);
    }
  }

  const thread = await recomputeThread(tx, conversation.id, stamp);
  const message = toMessage(row, analysisRow);
  const base = {
    organizationId: conversation.organization_id,
    ownerId: conversation.owner_id,
    actorId: input.actorId,
  };
  emit({ ...base, event: 'message:received', data: { conversationId: conversation.id, message } });
  emit({
    ...base,
    event: 'conversation:updated',
    data: {
      id: conversation.id,
      // `messages` in an update carries only the messages whose state changed (clients merge by id).
      changes: { ...thread.changes, ...(replied ? { messages: [replied] } : {}) },
    },
  });
  return { message, analysis, thread, base };
}
