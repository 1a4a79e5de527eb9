import type { ActionItemFound, MessageAnalysis, Sentiment, SentimentTrend } from '@flow/contracts';
import type { LlmProvider } from '../../ai/providers/llm';
import { completePrompt, conversationSummaryPrompt } from '../../ai/providers/prompts';
import { withFallback } from '../../ai/providers/with-fallback';

/** One message as the summary reads it, oldest first. */
export interface SummaryMessage {
  senderType: 'user' | 'contact';
  content: string;
  timestamp: string;
  analysis?: MessageAnalysis;
}

export interface SummaryInput {
  contact: { name: string; company?: string | null; title?: string | null };
  /** The latest messages, oldest first (a window of the thread). */
  messages: SummaryMessage[];
  /** Messages in the whole thread. */
  total: number;
  overallSentiment: Sentiment;
  sentimentTrend: SentimentTrend;
}

const TOPICS = 3;
const ACTION_ITEMS = 3;
const RECENT_ANALYSES = 10;

/**
 * The local engine's conversation summary, built from the stored message analyses: who and how
 * they feel, what the thread is about, what the latest contact message wants, and what is still
 * open (their requests since our last reply, and what we promised in our replies since).
 */
export function localSummary(input: SummaryInput): string {
  const who = input.contact.company
    ? `${input.contact.name} (${input.contact.company})`
    : input.contact.name;
  const messages = input.messages;
  if (messages.length === 0) return `No messages with ${who} yet.`;

  const parts = [
    `${who}: ${input.total} ${input.total === 1 ? 'message' : 'messages'}, ` +
      `sentiment ${input.overallSentiment}${input.total > 1 ? ` and ${input.sentimentTrend}` : ''}.`,
  ];
  const topics = topTopics(messages.slice(-RECENT_ANALYSES));
  if (topics.length) parts.push(`Topics: ${topics.join(', ')}.`);

  const lastFromContact = [...messages].reverse().find((m) => m.senderType === 'contact');
  if (lastFromContact?.analysis) {
    const a = lastFromContact.analysis;
    parts.push(`Latest intent: ${a.businessIntent} (${a.urgencyLevel} urgency).`);
  }
  const open = openActionItems(messages);
  if (open.length) parts.push(`Open action items: ${open.map(describeItem).join('; ')}.`);
  const last = messages[messages.length - 1]!;
  parts.push(
    last.senderType === 'contact'
      ? 'Awaiting your reply.'
      : `Awaiting ${firstName(input)}'s reply.`,
  );
  return parts.join(' ');
}

function firstName(input: SummaryInput): string {
  return input.contact.name.split(/\s+/)[0] || input.contact.name;
}

/** Topics by how many recent messages mention them, ties by recency. */
function topTopics(messages: SummaryMessage[]): string[] {
  const score = new Map<string, { count: number; last: number }>();
  messages.forEach((m, index) => {
    for (const topic of new Set(m.analysis?.keyTopics ?? [])) {
      const key = topic.toLowerCase();
      const current = score.get(key) ?? { count: 0, last: -1 };
      score.set(key, { count: current.count + 1, last: index });
    }
  });
  return [...score.entries()]
    .sort((a, b) => b[1].count - a[1].count || b[1].last - a[1].last)
    .slice(0, TOPICS)
    .map(([topic]) => topic);
}

/** Requests the contact made since our last reply, then commitments we made since theirs. */
export function openActionItems(messages: SummaryMessage[]): ActionItemFound[] {
  const lastUser = messages.map((m) => m.senderType).lastIndexOf('user');
  const lastContact = messages.map((m) => m.senderType).lastIndexOf('contact');
  const requests = messages
    .slice(lastUser + 1)
    .filter((m) => m.senderType === 'contact')
    .flatMap((m) => m.analysis?.actionItems.filter((a) => a.kind === 'request') ?? []);
  const commitments = messages
    .slice(lastContact + 1)
    .filter((m) => m.senderType === 'user')
    .flatMap((m) => m.analysis?.actionItems.filter((a) => a.kind === 'commitment') ?? []);
  const seen = new Set<string>();
  return [...requests, ...commitments]
    .filter((item) => {
      const key = item.text.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, ACTION_ITEMS);
}

function describeItem(item: ActionItemFound): string {
  const due = item.dueDate ? ` (due ${item.dueDate.slice(0, 10)})` : '';
  return `${item.text}${item.kind === 'commitment' ? ' [we promised]' : ''}${due}`;
}

/**
 * The provider's summary when one is configured and answers ('auto'), else null so the caller
 * keeps the local one. Never throws for provider trouble: 'auto' falls back.
 */
export async function providerSummary(
  llm: LlmProvider | null,
  input: SummaryInput,
): Promise<string | null> {
  if (!llm || input.messages.length === 0) return null;
  const { value, source } = await withFallback<string | null>({
    preference: 'auto',
    provider: llm,
    llm: (provider) =>
      completePrompt(
        provider,
        conversationSummaryPrompt({
          messages: input.messages.map((m) => ({
            from: m.senderType,
            content: m.content,
            at: m.timestamp,
          })),
          contact: {
            name: input.contact.name,
            ...(input.contact.company ? { company: input.contact.company } : {}),
            ...(input.contact.title ? { title: input.contact.title } : {}),
          },
        }),
      ),
    local: () => null,
  });
  return source === 'llm' ? value : null;
}
