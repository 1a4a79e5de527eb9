/**
 * The suggested reply and the expected response time. The reply is assembled from the message's
 * own content: its main topic, the requests found in it (answered as promises) and a next step
 * that fits the intent; apologies for complaints, no exclamation marks for upset senders.
 */
import type { ActionItemFound, BusinessIntent, EmotionalTone, Urgency } from '@flow/contracts';
import { theTopic } from './text';

export interface ResponseInput {
  intent: BusinessIntent;
  tone: EmotionalTone;
  urgency: Urgency;
  topics: readonly string[];
  actionItems: readonly ActionItemFound[];
  /** The message body, for a few wording choices (thanks, scheduling). */
  text: string;
  /** Contact messages that were waiting before this one. */
  unanswered: number;
  escalated: boolean;
  now: Date;
}

const WHEN: Record<Urgency, string> = {
  critical: 'within the hour',
  high: 'today',
  medium: 'by tomorrow',
  low: 'later this week',
};

/** Minutes we should answer within: base by urgency, tightened for complaints and buyers. */
export function expectedResponseMinutes(urgency: Urgency, intent: BusinessIntent): number {
  const base: Record<Urgency, number> = { critical: 30, high: 120, medium: 480, low: 1440 };
  const factor: Record<BusinessIntent, number> = {
    complaint: 0.5,
    purchase: 0.5,
    support: 0.75,
    'follow-up': 0.75,
    inquiry: 1,
    other: 1.5,
  };
  return Math.max(15, Math.round(base[urgency] * factor[intent]));
}

export function suggestResponse(input: ResponseInput): string {
  const topic = input.topics[0] === undefined ? undefined : theTopic(input.topics[0]);
  const upset = input.tone === 'angry' || input.tone === 'frustrated';
  const bang = upset ? '.' : '!';
  const when = WHEN[input.urgency];
  const promises = promisesFrom(input.actionItems, input.now);
  const hasQuestions = input.actionItems.some((a) => a.text.startsWith('Answer their question'));
  const wait = input.unanswered > 0 ? ', and I apologise for the slow reply' : '';
  const parts: string[] = [];

  switch (input.intent) {
    case 'complaint':
      parts.push(
        topic
          ? `I'm really sorry about the trouble with ${topic}${wait}.`
          : `I'm really sorry about this${wait}.`,
        "That's not the experience we want you to have.",
        input.escalated
          ? `I've escalated this to our senior team myself and will come back to you with a concrete update ${when}.`
          : `I'm looking into it now and will come back to you with a concrete update ${when}.`,
        ...promises,
      );
      break;
    case 'support':
      parts.push(
        topic ? `Thanks for flagging the issue with ${topic}.` : 'Thanks for flagging this.',
        ...promises,
        "Could you send a screenshot or the steps that lead to it? I've asked our support team to look into it and will update you " +
          `${when}.`,
      );
      break;
    case 'purchase':
      parts.push(
        `That's great news — thank you${bang}`,
        ...(promises.length > 0
          ? promises
          : [
              `I'll prepare the paperwork${topic ? ` for ${topic}` : ''} and send it over ${when}.`,
            ]),
        'Just let me know who should sign on your side and I will take care of the rest.',
      );
      break;
    case 'follow-up':
      parts.push(
        topic ? `Thanks for following up on ${topic}${wait}.` : `Thanks for following up${wait}.`,
        ...promises,
        promises.length > 0
          ? `I'll confirm as soon as it's done.`
          : `I'll have an update for you ${when}.`,
      );
      break;
    case 'inquiry':
      parts.push(
        topic ? `Thanks for your interest in ${topic}${bang}` : `Thanks for reaching out${bang}`,
        ...promises,
        ...(hasQuestions ? [`I'll get you clear answers to your questions ${when}.`] : []),
        'Would a quick 20-minute call this week help us go through the details together?',
      );
      break;
    default:
      parts.push(...otherReply(input.text, topic, bang), ...promises);
  }
  return parts.join(' ');
}

function otherReply(text: string, topic: string | undefined, bang: string): string[] {
  if (/\b(?:thanks?|thank you|appreciate)\b/i.test(text)) {
    return [
      `You're very welcome${bang}`,
      'Glad it helped — let me know whenever you need anything else.',
    ];
  }
  if (/\b(?:works for me|sounds good|confirmed|see you|calendar invite|meet|call)\b/i.test(text)) {
    return [`Sounds good${bang}`, "I'll send a calendar invite so we're all set."];
  }
  if (/\b(?:out of (?:the )?office|ooo|on vacation|on leave)\b/i.test(text)) {
    return ["Thanks for letting me know — I'll pick this up when you're back."];
  }
  return [
    topic ? `Thanks for the update on ${topic}.` : 'Thanks for the update.',
    'Noted on my side.',
  ];
}

/** Their requests, promised back in our voice: "Send them our deck by Friday" → "I'll send you our deck". */
function promisesFrom(items: readonly ActionItemFound[], now: Date): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (item.kind !== 'request' || item.text.startsWith('Answer their question')) continue;
    const body = item.text.replace(/…$/, '');
    const first = body.split(' ')[0] ?? '';
    const verb = /^[A-Z]{2,}/.test(first) ? body : body.charAt(0).toLowerCase() + body.slice(1);
    const voiced = verb
      .replace(/\bthem\b/g, 'you')
      .replace(/\btheir\b/g, 'your')
      .replace(/\bthey\b/g, 'you');
    const due = item.dueDate ? ` ${dueWords(item.dueDate, now)}` : '';
    out.push(`I'll ${voiced}${due}.`);
    if (out.length >= 2) break;
  }
  return out;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "today", "by tomorrow", "by Friday" within the week, else "by 14 Mar" (UTC, like the deadlines). */
function dueWords(iso: string, now: Date): string {
  const due = new Date(iso);
  const days = Math.round(
    (Date.UTC(due.getUTCFullYear(), due.getUTCMonth(), due.getUTCDate()) -
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) /
      86_400_000,
  );
  if (days <= 0) return 'today';
  if (days === 1) return 'by tomorrow';
  if (days < 7) return `by ${DAYS[due.getUTCDay()] ?? 'then'}`;
  return `by ${due.getUTCDate()} ${MONTHS[due.getUTCMonth()] ?? ''}`.trim();
}
