import {
  EmotionalToneSchema,
  type ActionItemFound,
  type ApiKey,
  type Attachment,
  type ConversationSummary,
  type EmotionalTone,
  type Message,
  type MessageAnalysis,
  type MessageTemplate,
  type Urgency,
} from '@flow/contracts';
import type { MessageRow, MessageTemplateRow } from '../../db/schema';
import type { ConversationWithContact } from './repository';
import type { AnalysisRow } from './repository-messages';
import type { ApiKeyRow } from './repository-templates';

export function toConversationSummary(
  row: ConversationWithContact,
  tags: string[],
): ConversationSummary {
  return {
    id: row.id,
    ownerId: row.owner_id,
    contactId: row.contact_id,
    contactName: row.live_contact_name,
    contactCompany: row.live_contact_company ?? '',
    type: row.type,
    ...(row.subject ? { subject: row.subject } : {}),
    lastMessage: row.last_message_at ?? row.created_at,
    unreadCount: row.unread_count,
    overallSentiment: row.overall_sentiment,
    sentimentTrend: row.sentiment_trend,
    aiSummary: row.ai_summary ?? '',
    tags,
    priority: row.priority,
    archived: row.archived === 1,
  };
}

export function toMessage(
  row: MessageRow,
  analysis?: AnalysisRow,
  attachments: Attachment[] = [],
): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    senderId: row.sender_id,
    senderName: row.sender_name,
    senderType: row.sender_type,
    content: row.content,
    timestamp: row.timestamp,
    type: row.type,
    ...(row.subject ? { subject: row.subject } : {}),
    sentiment: row.sentiment,
    confidence: row.confidence,
    ...(analysis ? { aiAnalysis: toAnalysis(analysis) } : {}),
    ...(attachments.length ? { attachments } : {}),
    status: row.status,
    ...(row.delivery_error ? { deliveryError: row.delivery_error } : {}),
  };
}

export function toAttachment(row: {
  id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
}): Attachment {
  return {
    id: row.id,
    name: row.file_name,
    mimeType: row.content_type,
    size: row.size_bytes,
    // No download route exists yet: the storage key (a provider URL or a file-store key) is it.
    url: row.storage_key,
  };
}

export function toAnalysis(row: AnalysisRow): MessageAnalysis {
  return {
    keyTopics: parseJsonArray(row.key_topics).filter((t): t is string => typeof t === 'string'),
    emotionalTone: toneOf(row.emotional_tone),
    urgencyLevel: urgencyOf(row.urgency_level),
    businessIntent: row.business_intent,
    suggestedResponse: row.suggested_response ?? '',
    responseTime: parseResponseTime(row.response_time),
    actionItems: parseJsonArray(row.action_items).flatMap(actionItemOf),
  };
}

export function toTemplate(row: MessageTemplateRow): MessageTemplate {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    category: row.category,
    content: row.content,
    variables: parseJsonArray(row.variables).filter((v): v is string => typeof v === 'string'),
  };
}

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    ...(row.created_by ? { createdBy: row.created_by } : {}),
    createdAt: row.created_at,
    ...(row.last_used_at ? { lastUsedAt: row.last_used_at } : {}),
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  };
}

/** The column holds human wording ("Within 4 hours"); the API gives whole minutes. */
export function formatResponseTime(minutes: number): string {
  const n = Math.max(0, Math.round(minutes));
  if (n >= 1440 && n % 1440 === 0) return `Within ${n / 1440} ${n === 1440 ? 'day' : 'days'}`;
  if (n >= 60 && n % 60 === 0) return `Within ${n / 60} ${n === 60 ? 'hour' : 'hours'}`;
  return `Within ${n} ${n === 1 ? 'minute' : 'minutes'}`;
}

const UNIT_MINUTES: Record<string, number> = { minute: 1, hour: 60, day: 1440, week: 10080 };

export function parseResponseTime(text: string | null): number {
  if (!text) return 0;
  const match = /(\d+(?:\.\d+)?)\s*(minute|hour|day|week)/i.exec(text);
  if (match) return Math.round(Number(match[1]) * UNIT_MINUTES[match[2]!.toLowerCase()]!);
  const bare = Number(text);
  return Number.isFinite(bare) && bare >= 0 ? Math.round(bare) : 0;
}

/** Older rows (the demo seed) carry free-form tones; map them onto the contract's set. */
const TONE_ALIASES: Record<string, EmotionalTone> = {
  enthusiastic: 'excited',
  confident: 'happy',
  interested: 'happy',
  appreciative: 'grateful',
  polite: 'neutral',
  formal: 'neutral',
  inquisitive: 'neutral',
  'matter-of-fact': 'neutral',
  skeptical: 'concerned',
  guarded: 'concerned',
  apologetic: 'concerned',
  disappointed: 'frustrated',
};

function toneOf(value: string): EmotionalTone {
  const parsed = EmotionalToneSchema.safeParse(value);
  return parsed.success ? parsed.data : (TONE_ALIASES[value.toLowerCase()] ?? 'neutral');
}

function urgencyOf(value: string): Urgency {
  return value === 'critical' || value === 'high' || value === 'low' ? value : 'medium';
}

/** Stored as objects; the seed stores bare strings, which are requests made of us. */
function actionItemOf(value: unknown): ActionItemFound[] {
  if (typeof value === 'string') return value ? [{ text: value, kind: 'request' }] : [];
  if (!value || typeof value !== 'object') return [];
  const item = value as { text?: unknown; kind?: unknown; dueDate?: unknown };
  if (typeof item.text !== 'string') return [];
  return [
    {
      text: item.text,
      kind: item.kind === 'commitment' ? 'commitment' : 'request',
      ...(typeof item.dueDate === 'string' ? { dueDate: item.dueDate } : {}),
    },
  ];
}

function parseJsonArray(json: string): unknown[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}
