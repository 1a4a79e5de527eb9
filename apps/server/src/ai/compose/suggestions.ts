/**
 * Reply suggestions from the conversation's state: answer the contact's last message (reusing
 * the message analysis' suggested reply), nudge when we are the ones waiting, and propose the
 * next step that fits the deal stage. Each suggestion is a complete message in the chosen tone.
 */
import type { Tone, Urgency } from '@flow/contracts';
import type { MessageAnalysisResult } from '../message-analysis';
import { firstNameOf, theTopic } from '../message-analysis/text';
import type { Voice } from './rewrite';
import { rewriteInTone } from './rewrite';

export interface SuggestionContext {
  /** Analysis of the contact's last message when it still awaits our reply. */
  lastContactAnalysis?: MessageAnalysisResult;
  /** Our last message when the contact has not replied to it. */
  awaitingThem: boolean;
  /** Main topic of the latest message, whoever sent it. */
  topic?: string;
  contact: { name: string; company?: string; title?: string };
  deal?: { title: string; stage: string; value: number; expectedCloseDate?: string };
  user: { name: string };
  tone: Tone;
  hasMessages: boolean;
}

const WHEN: Record<Urgency, string> = {
  critical: 'within the hour',
  high: 'later today',
  medium: 'by tomorrow',
  low: 'later this week',
};

export function buildSuggestions(ctx: SuggestionContext): string[] {
  const voice: Voice = { recipient: ctx.contact.name, sender: ctx.user.name };
  const bodies: string[] = [];
  const analysis = ctx.lastContactAnalysis;
  const about = ctx.topic ? ` about ${theTopic(ctx.topic)}` : '';

  if (analysis) {
    bodies.push(analysis.suggestedResponse);
    const firstRequest = analysis.actionItems.find(
      (a) => a.kind === 'request' && !a.text.startsWith('Answer their question'),
    );
    const doing = firstRequest
      ? lowerFirst(firstRequest.text)
          .replace(/\bthem\b/g, 'you')
          .replace(/\btheir\b/g, 'your')
      : 'look into this';
    bodies.push(
      `Thanks for your message${about} — I'm on it. I'll ${doing} and get back to you ${WHEN[analysis.urgencyLevel]}.`,
    );
  } else if (ctx.awaitingThem) {
    bodies.push(
      `I wanted to follow up on my last message${about}. Is there anything I can clarify or help with on your side?`,
    );
  } else if (!ctx.hasMessages) {
    const team = ctx.contact.company ? `the team at ${ctx.contact.company}` : 'your team';
    bodies.push(
      `I'm ${firstNameOf(ctx.user.name)}, and I'd like to learn more about how ${team} manages its sales pipeline today. Would you be open to a short introductory call next week?`,
    );
  }

  const next = nextStep(ctx);
  if (next) bodies.push(next);

  const seen = new Set<string>();
  const out: string[] = [];
  for (const body of bodies) {
    const message = rewriteInTone(body, ctx.tone, voice);
    if (seen.has(message)) continue;
    seen.add(message);
    out.push(message);
  }
  return out.slice(0, 3);
}

/** The step that moves the deal forward from its current stage. */
function nextStep(ctx: SuggestionContext): string | undefined {
  const deal = ctx.deal;
  const company = ctx.contact.company ?? 'your team';
  if (!deal) {
    return ctx.hasMessages
      ? 'Would a short call this week be useful to agree on next steps?'
      : undefined;
  }
  const close = deal.expectedCloseDate ? formatDay(deal.expectedCloseDate) : undefined;
  switch (deal.stage) {
    case 'prospect':
      return `Would you be open to a 30-minute discovery call next week to talk through ${company}'s goals for ${deal.title}?`;
    case 'qualified':
      return `As a next step for ${deal.title}, I'd suggest a tailored demo for your team. Would Tuesday or Wednesday next week work?`;
    case 'proposal':
      return `Have you had a chance to review the proposal for ${deal.title}? I'm happy to walk your team through it on a short call and answer any questions.`;
    case 'negotiation':
      return `To keep ${deal.title} on track${close ? ` for ${close}` : ''}, shall I send over the final agreement? Let me know if any terms still need adjusting.`;
    case 'closed-won':
      return `Welcome aboard! Let's schedule the onboarding kickoff for ${deal.title}. Which days work for your team next week?`;
    case 'closed-lost':
      return `Thank you again for considering us for ${deal.title}. If priorities change, I'd be glad to reconnect. Would it be all right if I checked in next quarter?`;
    default:
      return undefined;
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "14 March" from an ISO date or timestamp (UTC); the raw text when it does not parse. */
function formatDay(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''}`.trim();
}

function lowerFirst(text: string): string {
  return /^[A-Z]{2,}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
