/**
 * Local message analysis (API.md §11): topics, tone, urgency with factors, business intent, a
 * suggested reply, the expected response time and action items. Pure and deterministic: the
 * same input (with the same `now`) always gives the same result.
 */
import type { AiMessageAnalysisResult, EmotionalTone } from '@flow/contracts';
import { analyzeSentiment } from '../sentiment';
import { extractActionItems } from './action-items';
import { findTimeRefs } from './deadlines';
import { classifyIntent } from './intent';
import { expectedResponseMinutes, suggestResponse } from './response';
import { bodyOf, normalize, splitSentences } from './text';
import { extractTopics } from './topics';
import type { DeadlineRef, HistoryMessage } from './urgency';
import { scoreUrgency, trailingContactMessages } from './urgency';

export type { HistoryMessage } from './urgency';
export { extractTopics } from './topics';
export { findTimeRefs } from './deadlines';

export interface AnalyzeMessageInput {
  content: string;
  /** Earlier messages, oldest first. */
  conversationHistory?: HistoryMessage[];
  /** Reference time for deadlines and waiting times; defaults to the current time. */
  now?: Date;
}

export type MessageAnalysisResult = Omit<AiMessageAnalysisResult, 'source'>;

const INDIRECT_QUESTION =
  /\b(?:i'm|i am|we're|we are) (?:curious|wondering)|\bi(?:'d| would) (?:like|love) to (?:know|understand|learn)\b/i;

const CONFUSED =
  /\b(?:confus\w+|don't understand|do not understand|unclear|not sure (?:how|what|why|if)|makes no sense|doesn't make sense|lost on|puzzled)\b/i;

export function analyzeMessage(input: AnalyzeMessageInput): MessageAnalysisResult {
  const now = input.now ?? new Date();
  const history = input.conversationHistory ?? [];
  const body = normalize(bodyOf(input.content)) || normalize(input.content);
  const sentences = splitSentences(body);
  const lastFromUs = [...history].reverse().find((m) => m.senderType === 'user');
  const sentiment = analyzeSentiment(body, lastFromUs?.content);

  const actionItems = extractActionItems(sentences, now);
  const questions = sentences.filter((s) => s.trim().endsWith('?')).length;
  const asksSomething =
    questions > 0 || actionItems.some((a) => a.kind === 'request') || INDIRECT_QUESTION.test(body);
  const unanswered = trailingContactMessages(history);

  const intent = classifyIntent({
    text: body,
    questions,
    requests: actionItems.filter((a) => a.kind === 'request').length,
    sentimentScore: sentiment.score,
    unanswered,
  });
  const urgency = scoreUrgency({
    text: body,
    timeRefs: deadlineRefs(sentences, now),
    asksSomething,
    intent: intent.intent,
    sentimentScore: sentiment.score,
    history,
    now,
  });
  const escalated = urgency.factors.some(
    (f) => f.name === 'Escalation language' || f.name === 'Cancellation threat',
  );
  const emotionalTone = refineTone(sentiment.emotionalTone, body, intent.intent, escalated);
  const keyTopics = extractTopics(body);

  return {
    keyTopics,
    emotionalTone,
    urgencyLevel: urgency.level,
    businessIntent: intent.intent,
    suggestedResponse: suggestResponse({
      intent: intent.intent,
      tone: emotionalTone,
      urgency: urgency.level,
      topics: keyTopics,
      actionItems,
      text: body,
      unanswered,
      escalated,
      now,
    }),
    responseTime: expectedResponseMinutes(urgency.level, intent.intent),
    actionItems,
    sentiment: sentiment.sentiment,
    confidence: Math.round((sentiment.confidence + intent.confidence) / 2),
    factors: urgency.factors,
  };
}

const COMMITMENT =
  /\b(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to| plan to)\b|\band will\b/i;
const DELIVER =
  /\b(?:send|reply|respond|confirm|call|get back|sign|fix|share|deliver|update|look|check|review|approve|process|ship|finish|complete|resolve)\b/i;

/**
 * Time references that put pressure on the reader. A deadline the sender sets for themselves
 * ("I'll send the new invoice by Friday") is their commitment, not our urgency.
 */
function deadlineRefs(sentences: readonly string[], now: Date): DeadlineRef[] {
  const refs: DeadlineRef[] = [];
  for (const sentence of sentences) {
    for (const ref of findTimeRefs(sentence, now)) {
      if (COMMITMENT.test(sentence.slice(0, ref.index))) continue;
      refs.push({ ...ref, actionable: DELIVER.test(sentence) });
    }
  }
  return refs;
}

/**
 * The sentiment engine reads tone from words alone; the analysis also knows the intent and the
 * escalation cues, which separate "concerned" from "frustrated" and "angry".
 */
function refineTone(
  tone: EmotionalTone,
  text: string,
  intent: string,
  escalated: boolean,
): EmotionalTone {
  if (escalated && (tone === 'neutral' || tone === 'concerned' || tone === 'frustrated')) {
    return /\b(?:unacceptable|furious|ridiculous|outrageous|angry|worst|legal action)\b/i.test(text)
      ? 'angry'
      : 'frustrated';
  }
  if (intent === 'complaint' && (tone === 'neutral' || tone === 'concerned')) return 'frustrated';
  if (tone === 'neutral' && CONFUSED.test(text)) return 'confused';
  return tone;
}
