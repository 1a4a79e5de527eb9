/**
 * Business intent from weighted cue patterns. Each intent sums the weights of the cues it finds;
 * the best total wins, with ties broken by a fixed priority (complaint before support, and so on).
 */
import type { BusinessIntent } from '@flow/contracts';
import { isNegated, normalize } from './text';

interface Cue {
  re: RegExp;
  weight: number;
  /** Ignore the cue when a negation precedes it ("no complaints"). */
  negatable?: boolean;
}

const CUES: Record<Exclude<BusinessIntent, 'other'>, readonly Cue[]> = {
  complaint: [
    {
      re: /\b(?:unacceptable|not acceptable|disappointed|disappointing|frustrat\w+|terrible|awful|horrible|ridiculous|outrageous|appalling|worst|fed up|unhappy|not happy|poor (?:service|support|experience|quality)|waste of|rip[- ]?off|overcharg\w+|double[- ]charged|misleading|misled|lied|angry|upset|furious|worse than|unprofessional|useless|unreliable|(?:expect|demand|want) (?:a|an) (?:call|credit|refund|explanation|apology))\b/i,
      weight: 3,
      negatable: true,
    },
    {
      re: /\b(?:complain\w*|refund|chargeback|escalat\w+|(?:speak|talk) (?:to|with) (?:your|a) (?:manager|supervisor)|cancel(?:ling|ing)? (?:our|my|the) (?:contract|subscription|account)|not (?:going to )?renew|legal action|still (?:not fixed|broken|there)|(?:third|second|3rd|2nd) time|again and again|keeps? happening|yet again|every release|we were (?:told|promised)|never (?:got|received|delivered)|your (?:manager|supervisor)|(?:a |account )credit|compensation|without (?:asking|notice|warning)|get (?:this|it) right|wrong \w+(?: \w+)? again|came and went|sorry (?:to hear|for the|about the)|apologi[sz]e for)\b/i,
      weight: 2.5,
    },
    {
      re: /\b(?:nobody|no one) (?:has )?(?:responded|replied|got back|called|helped|told|warned|informed)\b/i,
      weight: 2,
    },
    {
      re: /\b(?:embarrassing|not a (?:great|good) experience|(?:why|how come) (?:did|does|do|is|are|has|have|was|were) (?:nobody|no one|it|this|you|we)|keep (?:getting|being) (?:charged|billed)|charged (?:us )?for|(?:didn't|did not|doesn't|does not) (?:understand|listen)|surprises? (?:on|in) (?:our|the|my) (?:invoice|bill))\b/i,
      weight: 2,
    },
    {
      re: /\b(?:(?:a bit|too|very|quite|really) (?:repetitive|confusing|clunky|buggy|slow|expensive|outdated)|outdated|clunky|buggy|painfully|(?:some |my )?feedback)\b/i,
      weight: 1.5,
      negatable: true,
    },
  ],
  support: [
    {
      re: /\b(?:error|bug|issue|problem|glitch|crash\w*|broken|not working|doesn't work|isn't working|stopped working|did(?:n't| not) (?:help|work)|fails?|failing|failed|times? out|timing out|skip(?:s|ping)?|greyed out|logged out|locked out|unfilled|overlaps?|misaligned|(?:is|are|shows?) (?:empty|blank)|(?:isn't|aren't|doesn't|don't|won't|can't|cannot|not) (?:sync\w*|load\w*|show\w*|sav\w*|find|appear\w*|updat\w*|send\w*|display\w*|log ?in|access|connect|export|import|open|see|reset|figure out|get)|outage|down for|missing data|disappeared|undo|wrong|none of (?:the|our|my)|los(?:e|es|ing) (?:the |their |its |my )?formatting|(?:doesn't|does not|won't|isn't) (?:remember|keep|persist|stick))\b/i,
      weight: 2.5,
      negatable: true,
    },
    {
      re: /\b(?:how (?:do|can|would|should) (?:i|we)|is there a way to|help (?:me|us) (?:with|to|set|configure)|(?:please|can (?:someone|you)) help|reset (?:my|the|our) password|troubleshoot\w*|support ticket|ticket #?\d*|configure|configuration|walk me through|documentation|docs|step[- ]by[- ]step|workaround|existing account|(?:my|our) (?:account|workspace|deals|contacts|calendar|inbox|dashboard|threads|settings)|suggestion|feature request|would be nice|would be great if|try (?:disconnecting|reconnecting|clearing|logging)|under settings|change the default|change (?:my|our) \w+)\b/i,
      weight: 1.5,
    },
  ],
  purchase: [
    {
      re: /\b(?:ready to (?:move forward|sign|proceed|buy|purchase|go)|move forward with|go ahead with|proceed with (?:the )?(?:purchase|order|contract|proposal|annual|enterprise|plan)|(?:we|you)(?:'d| would) like to (?:buy|purchase|order|sign|proceed|upgrade|add|renew)|(?:decided|chosen|chose) to go with|decided on (?:you|flow|your)|place an order|sign(?:ed)? the (?:contract|agreement|order form|proposal|quote)|signed order form|send (?:over )?the (?:contract|order form|agreement|docusign)|buy (?:\d+|more|additional)|purchase (?:\d+|more|additional)|add (?:\d+|more|another|additional) (?:seats|licenses|users)|(?:want|like) to upgrade|upgrade to|renew (?:for|our|the)|we(?:'re| are) in\b|count us in|approved the (?:budget|purchase|quote|proposal)|budget (?:is|was|has been) approved|let's do (?:it|this)|ready for signature|lock in|(?:like|want|ready) to pay|(?:moving|move|going) ahead with|sign(?:ed)? off on the (?:spend|budget|purchase))\b/i,
      weight: 3,
      negatable: true,
    },
    {
      re: /\b(?:purchase order|\bpo\b|order form|docusign|contract in place|quote for \d+|invoice (?:us|me)|payment details|billing details|credit card|wire transfer|annual (?:plan|contract|billing)|(?:\d+|extra|additional) (?:seats|licenses)|paperwork|countersign\w*|add-on|(?:our|the) subscription|multi-year|(?:two|three)-year|add (?:the|our|another) \w+ (?:team|department|module))\b/i,
      weight: 1.5,
    },
  ],
  'follow-up': [
    {
      re: /\b(?:follow(?:ing)?[- ]up|followup|circling back|circle back|checking in|check in on|touching base|touch base|just a (?:quick )?(?:reminder|nudge)|(?:quick|gentle|friendly) (?:reminder|nudge)|any (?:update|news|progress|luck)|(?:an|any) update on|did you (?:get|have) a chance|had a chance to|bumping this|bump(?:ing)? this|as (?:discussed|promised|mentioned)|per our (?:call|conversation|meeting|discussion)|following our|after our (?:call|meeting|demo|chat)|haven't heard back|where (?:are|do) we stand|wanted to check|still waiting|still (?:coming|on track)|still haven't (?:received|got|heard))\b/i,
      weight: 3,
    },
    {
      re: /\b(?:my (?:last|previous) (?:email|message|note)|you (?:promised|mentioned|offered))\b/i,
      weight: 1,
    },
    { re: /(?:^|\s)(?:hello|hi|anyone)\?/i, weight: 1.5 },
    {
      re: /\b(?:second (?:email|message|reminder)|clos(?:e|ing) the loop|per my (?:voicemail|email|message|last))\b/i,
      weight: 2.5,
    },
  ],
  inquiry: [
    {
      re: /\b(?:pricing|price|cost|how much|how many|quote|plans?|tiers?|discount|free trial|trial|demo|features?|integrat\w+|support (?:for|sso|saml)|do you (?:support|offer|have|integrate|provide|work)|does (?:it|your \w+|the \w+) (?:support|offer|have|integrate|work|include)|is it possible|can (?:it|your \w+)|what (?:is|are|does|would|kind)|curious|interested in|learn more|tell me (?:more|a bit)|more (?:info|information|details)|wondering|would like to know|compare|comparison|roadmap|case stud\w+|security|compliance|soc ?2|gdpr|(?:one more|quick|a) question|sla|documentation on|(?:i'd|i would|we'd|we would) (?:love|like) to see)\b/i,
      weight: 1.5,
    },
  ],
};

/** Tie-break and default order: the more actionable intent wins a draw. */
const PRIORITY: readonly Exclude<BusinessIntent, 'other'>[] = [
  'complaint',
  'purchase',
  'support',
  'follow-up',
  'inquiry',
];

const THANKS_OR_LOGISTICS =
  /\b(?:thanks?|thank you|appreciate|works for me|sounds good|see you|out of (?:the )?office|ooo|on vacation|confirmed|calendar invite|talk (?:then|soon)|congrat\w+|welcome aboard)\b/i;

export interface IntentResult {
  intent: BusinessIntent;
  /** 0–100: how clearly the winner beat the runner-up. */
  confidence: number;
  scores: Record<BusinessIntent, number>;
}

export interface IntentInput {
  text: string;
  /** Number of questions ("?") in the message. */
  questions: number;
  /** Requests found in the message ("can you send …"). */
  requests: number;
  sentimentScore: number;
  /** Contact messages already waiting for our reply before this one. */
  unanswered: number;
}

export function classifyIntent(input: IntentInput): IntentResult {
  const text = normalize(input.text);
  const scores: Record<BusinessIntent, number> = {
    complaint: 0,
    support: 0,
    purchase: 0,
    'follow-up': 0,
    inquiry: 0,
    other: 0.9,
  };
  for (const intent of PRIORITY) {
    for (const cue of CUES[intent]) {
      const re = new RegExp(cue.re.source, 'gi');
      let hits = 0;
      for (let m = re.exec(text); m && hits < 2; m = re.exec(text)) {
        if (cue.negatable && isNegated(text, m.index, m[0].length, 3)) continue;
        hits++;
      }
      scores[intent] += cue.weight * (hits === 0 ? 0 : hits === 1 ? 1 : 1.4);
    }
  }
  // A question or request with no other cue is most likely an inquiry; next to another intent's
  // cues it is just how that intent is phrased ("any update?", "can you fix it?").
  const otherCues = PRIORITY.some((i) => i !== 'inquiry' && scores[i] > 0);
  if (input.questions > 0) scores.inquiry += otherCues ? 0.5 : 1.2;
  if (input.requests > 0) scores.inquiry += otherCues ? 0.3 : 0.8;
  // "Other" is the fallback for messages that ask nothing; a question or request is business.
  const asks = input.questions > 0 || input.requests > 0;
  if (asks) scores.other -= 0.6;
  // Problems reported angrily lean to complaints (bug reports score negative too, so only a lean).
  if (input.sentimentScore <= -40 && scores.support > 0)
    scores.complaint += 1 + scores.support * 0.5;
  // A clearly negative message with no cue of its own is most likely a complaint.
  if (input.sentimentScore <= -40 && !otherCues)
    scores.complaint += 1 + (-input.sentimentScore - 40) / 40;
  if (input.unanswered >= 1) scores['follow-up'] += 1;
  if (THANKS_OR_LOGISTICS.test(text) && !asks) scores.other += 0.8;

  const ranked = (Object.keys(scores) as BusinessIntent[]).sort(
    (a, b) => scores[b] - scores[a] || rank(a) - rank(b),
  );
  const best = ranked[0] ?? 'other';
  const second = ranked[1] ?? 'other';
  const margin = scores[best] - scores[second];
  const confidence = Math.round(Math.min(95, 45 + margin * 15 + Math.min(scores[best], 6) * 3));
  return { intent: best, confidence, scores };
}

function rank(intent: BusinessIntent): number {
  const i = PRIORITY.indexOf(intent as Exclude<BusinessIntent, 'other'>);
  return i === -1 ? PRIORITY.length : i;
}
