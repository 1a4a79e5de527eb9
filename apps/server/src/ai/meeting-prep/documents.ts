import type { DealStage } from '@flow/contracts';
import { findCommitments, formatDay, type Snippet } from './extract';
import type { PrepareMeetingInput } from './types';

/** Documents to have at hand, each caused by the stage, the event type or a topic in the history. */

const BY_STAGE: Record<DealStage, string[]> = {
  prospect: ['Company overview', 'Case study from a similar customer'],
  qualified: ['Product overview deck', 'ROI calculator'],
  proposal: ['Proposal document', 'Pricing sheet'],
  negotiation: ['Contract draft', 'Order form with the pricing options'],
  'closed-won': ['Onboarding plan', 'Kickoff agenda'],
  'closed-lost': [],
};

const BY_TOPIC: [RegExp, string][] = [
  [
    /\b(security|gdpr|soc ?2|iso ?27001|compliance|dpa|data protection)\b/i,
    'Security and compliance pack',
  ],
  [/\b(integrat\w*|api|sync|import)\b/i, 'Integration guide'],
  [/\b(roi|return on investment|business case)\b/i, 'ROI calculator'],
  [/\b(price|pricing|cost|budget|discount|quote)\b/i, 'Pricing sheet'],
  [/\b(references?|case stud(y|ies)|other customers)\b/i, 'Customer references'],
  [/\b(onboarding|training|rollout|implementation)\b/i, 'Implementation plan'],
];

/** "will send the security questionnaire" → "security questionnaire". */
const PROMISED_THING =
  /\b(?:send|share)\s+(?:you\s+|them\s+|him\s+|her\s+|over\s+)*(?:the|a|an|our)\s+([a-z][\w -]{2,40}?)(?=\s+(?:by|before|on|next|this|to|after)\b|[.,;!?]|$)/i;

export function documentsToShare(
  input: PrepareMeetingInput,
  all: Snippet[],
  competitor?: string,
): string[] {
  const docs: string[] = [];
  if (input.deal) docs.push(...BY_STAGE[input.deal.stage]);
  if (input.event.type === 'demo')
    docs.push('Demo slides and recording, to send after the session');
  if (input.event.type === 'follow-up' && all.some((s) => s.date))
    docs.push('Written recap of the last meeting');
  for (const c of findCommitments(all, 6)) {
    const thing = PROMISED_THING.exec(c.text)?.[1];
    if (thing)
      docs.push(
        `${thing.charAt(0).toUpperCase()}${thing.slice(1)} (promised${c.date ? ` ${formatDay(c.date)}` : ''})`,
      );
  }
  for (const [re, doc] of BY_TOPIC) {
    if (all.some((s) => re.test(s.text)) || input.deal?.riskFactors.some((r) => re.test(r)))
      docs.push(doc);
  }
  if (competitor) docs.push(`Comparison sheet: Flow CRM vs ${competitor}`);
  const seen = new Set<string>();
  return docs
    .filter((d) => {
      const key = d.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 6);
}
