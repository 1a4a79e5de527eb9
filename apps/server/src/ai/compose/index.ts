/**
 * Smart compose (API.md §11): reply suggestions built from the conversation, contact and deal; the
 * draft's tone with rewrites in the other tones; and matching templates with variables filled.
 * Deterministic: the reference time is the latest message's timestamp, never the clock.
 */
import type { AiSmartComposeResult, MessageTemplate, Tone } from '@flow/contracts';
import type { MessageAnalysisResult } from '../message-analysis';
import { analyzeMessage, extractTopics } from '../message-analysis';
import { rewriteInTone } from './rewrite';
import { buildSuggestions } from './suggestions';
import { matchTemplates } from './templates';
import { detectTone } from './tone';

export { detectTone } from './tone';
export { rewriteInTone, parseMessage } from './rewrite';
export { fillTemplate, matchTemplates } from './templates';

export interface ComposeMessage {
  senderType: 'user' | 'contact';
  content: string;
  timestamp: string;
}

export interface SmartComposeInput {
  conversation: { messages: ComposeMessage[]; subject?: string };
  contact: { name: string; company?: string; title?: string };
  deal?: { title: string; stage: string; value: number; expectedCloseDate?: string };
  user: { name: string };
  draftContent?: string;
  /** The tone the user wants; suggestions are written in it. */
  tone?: Tone;
  templates: MessageTemplate[];
}

export type SmartComposeResult = Omit<AiSmartComposeResult, 'source'>;

const TONES: readonly Tone[] = ['formal', 'casual', 'friendly', 'urgent'];

export function smartCompose(input: SmartComposeInput): SmartComposeResult {
  const messages = input.conversation.messages;
  const last = messages[messages.length - 1];
  const now = referenceTime(messages);
  const draft = input.draftContent?.trim() ? input.draftContent.trim() : undefined;

  let lastContactAnalysis: MessageAnalysisResult | undefined;
  if (last?.senderType === 'contact') {
    lastContactAnalysis = analyzeMessage({
      content: last.content,
      conversationHistory: messages.slice(0, -1).slice(-20),
      now,
    });
  }
  const topic =
    lastContactAnalysis?.keyTopics[0] ?? (last ? extractTopics(last.content)[0] : undefined);
  const draftTone = draft ? detectTone(draft).tone : undefined;
  const current: Tone = draftTone ?? input.tone ?? 'friendly';
  const writeIn: Tone = input.tone ?? draftTone ?? 'friendly';

  const suggestions = buildSuggestions({
    lastContactAnalysis,
    awaitingThem: last?.senderType === 'user',
    topic,
    contact: input.contact,
    deal: input.deal,
    user: input.user,
    tone: writeIn,
    hasMessages: messages.length > 0,
  });

  const voice = { recipient: input.contact.name, sender: input.user.name };
  const source = draft ?? suggestions[0];
  const alternatives = source
    ? TONES.filter((t) => t !== current).map((tone) => ({
        tone,
        preview: rewriteInTone(source, tone, voice),
      }))
    : [];

  const recent = messages
    .slice(-3)
    .map((m) => m.content)
    .join('\n');
  const templateSuggestions = matchTemplates(
    input.templates,
    {
      intent: lastContactAnalysis?.businessIntent,
      stage: input.deal?.stage,
      awaitingThem: last?.senderType === 'user',
      firstContact: messages.length === 0,
      text: [input.conversation.subject ?? '', input.deal?.title ?? '', recent, draft ?? ''].join(
        '\n',
      ),
    },
    {
      contact: input.contact,
      deal: input.deal,
      user: input.user,
      subject: input.conversation.subject,
      topic,
    },
  );

  return { suggestions, toneAdjustments: { current, alternatives }, templateSuggestions };
}

/** The latest parseable message time; the Unix epoch when there is none (keeps output stable). */
function referenceTime(messages: readonly ComposeMessage[]): Date {
  let latest = Number.NEGATIVE_INFINITY;
  for (const m of messages) {
    const t = Date.parse(m.timestamp);
    if (!Number.isNaN(t) && t > latest) latest = t;
  }
  return new Date(Number.isFinite(latest) ? latest : 0);
}
