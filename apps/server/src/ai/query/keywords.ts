import type { DealStage, NlQueryIntent, Priority } from '@flow/contracts';
import { normalize, similarity } from './fuzzy';
import type { Claims } from './text';
import { findFree } from './text';

/** The CRM's own words: stages and their synonyms, list filters, record nouns, aggregates. */

export interface StageFound {
  stage: DealStage;
  text: string;
  start: number;
}

const STAGES: [DealStage, RegExp][] = [
  ['closed-won', /\b(closed[- ]won|won|wins?|signed|booked)\b/g],
  ['closed-lost', /\b(closed[- ]lost|lost|lose|losses|dead)\b/g],
  ['negotiation', /\b(negotiat\w*|in contract|contracting)\b/g],
  ['proposal', /\b(proposals?|quoted|quotes?)\b/g],
  ['qualified', /\b(qualified|qualification|sqls?)\b/g],
  ['prospect', /\b(prospects?|prospecting|leads?)\b/g],
];
/** Stage words long enough that a typo is still recognisable ("negociation"). */
const FUZZY_STAGES: [string, DealStage][] = [
  ['negotiation', 'negotiation'],
  ['negotiating', 'negotiation'],
  ['proposal', 'proposal'],
  ['qualified', 'qualified'],
  ['prospect', 'prospect'],
  ['prospects', 'prospect'],
];
/** "might lose" and "could win" talk about risk and likelihood, not about closed deals. */
const HEDGED = /\b(might|could|may|likely to|about to|going to|at risk of|risk)\s+(lose|win)\b/g;

export function detectStage(s: string, claims: Claims): StageFound | undefined {
  const hedged = findFree(s, HEDGED, claims);
  for (const [stage, re] of STAGES) {
    const hit = findFree(s, re, claims).find(
      (h) => !hedged.some((x) => h.start >= x.start && h.end <= x.end),
    );
    if (hit) {
      claims.claim(hit.start, hit.end);
      return { stage, text: hit.text, start: hit.start };
    }
  }
  for (const tok of findFree(s, /\b[a-z]{6,}\b/g, claims)) {
    const match = FUZZY_STAGES.find(([word]) => similarity(tok.text, word) > 0);
    if (match) {
      claims.claim(tok.start, tok.end);
      return { stage: match[1], text: tok.text, start: tok.start };
    }
  }
  return undefined;
}

export interface Flags {
  hot: boolean;
  atRisk: boolean;
  closingSoon: boolean;
  /** "closing", "close", "expected to close": the sentence is about deals still open. */
  closingVerb: boolean;
  highValue: boolean;
  recent: boolean;
  unread: boolean;
  archived: boolean;
  followUp: boolean;
  priority?: Priority;
}

const FLAG_PATTERNS: Record<Exclude<keyof Flags, 'priority'>, RegExp> = {
  hot: /\b(hot(test)?|warm|high[- ]probability|likely to close|(could|might|likely to|going to) win)\b/g,
  atRisk:
    /\b(at[- ]?risk|risky|in danger|churn(ing|ed)?|slipping|stalled|stuck|(might|could|may|likely to|about to) lose)\b/g,
  closingSoon: /\b(closing soon|close soon|about to close|closing shortly)\b/g,
  closingVerb: /\b(closing|closes|close|due to close|expected to close|close date)\b/g,
  highValue:
    /\b(high[- ]value|big(gest)?|large(st)?|key accounts?|vips?|top (accounts|customers|clients))\b/g,
  recent: /\b(recent(ly)?|lately|newest)\b/g,
  unread: /\b(unread|unanswered|not (yet )?read|unopened)\b/g,
  archived: /\b(archived?)\b/g,
  followUp: /\b(follow[- ]?ups?|needs? (a )?follow[- ]?up|to follow up)\b/g,
};

export function detectFlags(s: string, claims: Claims): Flags {
  const seen = (re: RegExp) => {
    const hits = findFree(s, re, claims);
    for (const h of hits) claims.claim(h.start, h.end);
    return hits.length > 0;
  };
  const flags: Flags = {
    closingSoon: seen(FLAG_PATTERNS.closingSoon),
    hot: seen(FLAG_PATTERNS.hot),
    atRisk: seen(FLAG_PATTERNS.atRisk),
    closingVerb: false,
    highValue: seen(FLAG_PATTERNS.highValue),
    recent: seen(FLAG_PATTERNS.recent),
    unread: seen(FLAG_PATTERNS.unread),
    archived: seen(FLAG_PATTERNS.archived),
    followUp: seen(FLAG_PATTERNS.followUp),
  };
  flags.closingVerb = flags.closingSoon || seen(FLAG_PATTERNS.closingVerb);
  const priority = findFree(
    s,
    /\b(high|top|low|medium)[- ]priority\b|\b(urgent|important)\b/g,
    claims,
  )[0];
  if (priority) {
    claims.claim(priority.start, priority.end);
    const level = priority.groups[0];
    flags.priority = level === 'low' ? 'low' : level === 'medium' ? 'medium' : 'high';
  }
  return flags;
}

const NOUNS: [Exclude<NlQueryIntent, 'unknown'>, RegExp][] = [
  ['find-deals', /\b(deals?|opportunit(y|ies)|opps?|pipeline)\b/g],
  [
    'find-contacts',
    /\b(contacts?|people|persons?|customers?|clients?|accounts?|stakeholders?|buyers?|champions?|who)\b/g,
  ],
  [
    'find-messages',
    /\b(messages?|e-?mails?|mails?|conversations?|inbox|chats?|sms|texts?|threads?|replies)\b/g,
  ],
  ['find-events', /\b(meetings?|events?|calls?|demos?|appointments?|calendar|schedule|agenda)\b/g],
];

/** The record type named first in the sentence ("emails about the Acme deal" → messages). */
export function detectNoun(
  s: string,
  claims: Claims,
): Exclude<NlQueryIntent, 'unknown'> | undefined {
  let best: { intent: Exclude<NlQueryIntent, 'unknown'>; start: number } | undefined;
  for (const [intent, re] of NOUNS) {
    for (const h of findFree(s, re, claims)) {
      claims.claim(h.start, h.end);
      if (!best || h.start < best.start) best = { intent, start: h.start };
    }
  }
  return best?.intent;
}

export type Aggregate = 'count' | 'sum' | 'average';

export function detectAggregate(s: string): Aggregate | undefined {
  if (/\b(how many|count|number of)\b/.test(s)) return 'count';
  if (/\b(average|avg|mean)\b/.test(s)) return 'average';
  if (/\b(total|sum|how much|revenue)\b/.test(s)) return 'sum';
  return undefined;
}

/** Words of the query language itself: never read as a person's or a company's name. */
export const VOCABULARY = new Set(
  normalize(`
    a an the and or of in on at to by for from with without about into over under than more less
    show find list get give me my our we us i you they them their his her its what which who whom
    whose how many much total sum count number average all any some every each is are was were be
    been being have has had do does did done will would should could can may might must not no yes
    this that these those next last past previous coming current upcoming soon today tomorrow
    yesterday week weeks month months quarter quarters year years day days ago since before after
    until till between within during end start open closed closing close won lost win lose deal
    deals contact contacts meeting meetings message messages email emails call calls demo demos
    event events conversation conversations unread hot risk risky value high low medium priority
    urgent important recent recently new follow up followup archived stage stages pipeline where
    when there here out just only also please need needs needing talk talked spoke met sent
    received worth around roughly approximately least most up down via per then than expected
    due monday tuesday wednesday thursday friday saturday sunday weekend january february march
    april june july august september october november december people customer customers client
    clients account accounts signed booked scheduled planned big biggest large largest top key
    `).split(' '),
);
