/**
 * Urgency: a points total from explainable factors (keywords, deadlines, escalation language,
 * blocking problems, repeated follow-ups in the history), mapped to low/medium/high/critical.
 * Every factor that fires is returned with its signed impact so the level can be explained.
 */
import type { BusinessIntent, ScoreFactor, Urgency } from '@flow/contracts';
import type { TimeRef } from './deadlines';
import { isNegated, normalize } from './text';

export interface HistoryMessage {
  senderType: 'user' | 'contact';
  content: string;
  timestamp?: string;
}

interface KeywordRule {
  name: string;
  impact: number;
  re: RegExp;
  description: string;
  /** Skip matches preceded by a negation ("not urgent"). */
  negatable?: boolean;
}

const KEYWORD_RULES: readonly KeywordRule[] = [
  {
    name: 'Urgent wording',
    impact: 45,
    re: /\b(?:asap|a\.s\.a\.p|as soon as (?:possible|you can)|urgent(?:ly)?|immediately|right away|emergency|time[- ]sensitive|top priority|high priority|critical (?:issue|bug|problem)|business[- ]critical|right now|(?:look into|fix|check|handle|do) (?:it|this|that) now)\b/i,
    description: 'The message asks for speed ("asap", "urgent", "immediately").',
    negatable: true,
  },
  {
    name: 'Escalation language',
    impact: 35,
    re: /\b(?:escalat\w*|unacceptable|not acceptable|(?:speak|talk) (?:to|with) (?:your|a) (?:manager|supervisor|boss)|your (?:manager|supervisor)|someone (?:senior|in charge)|legal action|lawyer|attorney|file a (?:complaint|dispute)|disput\w+ (?:the|our|your) (?:\w+ )?(?:invoice|charge|payment)|chargeback|final (?:notice|warning)|last chance)\b/i,
    description: 'Escalation language ("escalate", "unacceptable", "your manager").',
  },
  {
    name: 'Strong dissatisfaction',
    impact: 25,
    re: /\b(?:frustrat\w+|disappoint\w+|terrible|awful|horrible|ridiculous|outrageous|fed up|unhappy|not happy|worst|worse than|furious|angry|misleading|painfully)\b/i,
    description: 'The sender is clearly unhappy.',
    negatable: true,
  },
  {
    name: 'Cancellation threat',
    impact: 30,
    re: /\b(?:cancel(?:ling|ing)? (?:our|my|the) (?:contract|subscription|account|plan|order)|terminat\w* (?:our|the) (?:contract|agreement|subscription)|(?:switch|move|moving|switching) to (?:a |another )?(?:competitor|different (?:vendor|provider)|another vendor)|not (?:going to )?renew|(?:full|want (?:a|my|our)) refund|money back|chargeback)/i,
    description: 'The sender threatens to cancel or leave, or asks for money back.',
  },
  {
    name: 'Blocking problem',
    impact: 35,
    re: /\b(?:(?:is|are|went|been|still) down|outage|stopped working|can(?:'t|not) (?:log ?in|access|sign in|send|use)|locked out|data loss|lost (?:all )?(?:our|my) data|(?:was|were|got) (?:deleted|wiped)|blocked|blocking|nothing (?:loads|works)|(?:completely )?unable to work|can(?:'t|not) work|none of (?:our|my|the) \w+ can)\b/i,
    description: 'Something is broken and blocking their work.',
  },
  {
    name: 'Widespread impact',
    impact: 25,
    re: /\b(?:outage|production|losing (?:deals|customers|money|sales)|all (?:of )?our (?:\d+ )?(?:users|customers|reps)|whole (?:team|company)|entire (?:team|company|sales \w+)|everyone|all users|every (?:user|rep|one of our)|none of our (?:reps|users|team)|our customers are)\b/i,
    description: 'The problem hits many people or their customers.',
  },
  {
    name: 'Repeated follow-up wording',
    impact: 20,
    re: /\b(?:still (?:waiting|haven't|have not|no)|following up again|(?:second|third|3rd|2nd|fourth|several|multiple) (?:time|email|message|request|follow)|(?:asked|emailed|written|reached out|called) (?:you )?(?:about (?:\w+ ){1,4})?(?:\w+ )?(?:times|twice|again|several|multiple)|haven't heard back|no (?:response|reply|answer) (?:yet|since)|yet to (?:hear|receive)|another reminder|chasing|once again|(?:been )?waiting (?:for )?(?:\w+ )?(?:days|weeks)|waited \w+ (?:days|weeks)|(?:nobody|no one) has (?:replied|responded|called|answered|got back)|(?:hasn't|has not|haven't|have not) (?:answered|replied to|responded to) (?:a single|any|one)|not a single (?:reply|response|answer))\b/i,
    description: 'They have asked before and are still waiting.',
  },
  {
    name: 'Recurring problem',
    impact: 15,
    re: /\b(?:every time|again and again|keeps? (?:happening|crashing|failing|breaking)|constant(?:ly)?|yet again|repeatedly|(?:every|each) release|came and went|(?:second|third|another) (?:surprise|incident|outage|mistake|error)|still (?:there|broken|not fixed|failing|not working))\b/i,
    description: 'The problem keeps coming back.',
  },
  {
    name: 'Pressing request',
    impact: 10,
    re: /\b(?:need (?:this|it|an answer|a response|to know)|please (?:advise|respond|reply|confirm|help)|waiting (?:on|for) (?:you|your)|as a priority|at your earliest convenience|promptly)\b/i,
    description: 'A direct request for a reply.',
  },
];

/** Escalation beyond words: to a manager, to legal, or a formal dispute. */
const THREAT =
  /\b(?:escalat\w*|manager|supervisor|boss|someone (?:senior|in charge)|legal (?:action|team)|lawyer|attorney|file a (?:complaint|dispute)|disput\w+|chargeback|final (?:notice|warning)|last chance)\b/i;

/** Hypothetical urgency ("anything urgent", "in case of emergency") asks for nothing now. */
const HYPOTHETICAL = /\b(?:anything|something|if(?: it(?:'s| is))?|in case of|for any)\s+$/i;

const AWAY =
  /\b(?:out of (?:the )?office|ooo|on (?:vacation|holiday|leave|pto)|limited access to (?:e-?mail|my inbox)|away (?:until|from)|auto(?:matic)?[- ]reply)\b/i;

const CALM =
  /\b(?:no rush|no hurry|no urgency|not urgent|whenever (?:you|it)|when(?:ever)? (?:you|i|we) (?:get|have) (?:a )?(?:chance|moment|time|minute)|at your convenience|no pressure|low priority|not time[- ]sensitive|take your time|fyi|for your information|just wanted to say|no action needed|no need to reply|not a big deal|minor thing|nothing else (?:for now|needed)|in case (?:it's|it is|you find it) (?:useful|helpful)|for later)\b/i;

const EXCLAIM_OR_CAPS =
  /!!|\b[A-Z]{4,}\b(?<!\b(?:ASAP|EOD|COB|SAML|GDPR|HTTP|JSON|HIPAA|SOC2|HTML|CSV|PDF|API|SSO|CRM|EOW|EOM|EOQ|USD|EUR|NOTE|FYI)\b)/;

export interface UrgencyResult {
  level: Urgency;
  points: number;
  factors: ScoreFactor[];
}

/** A time reference as urgency reads it. */
export interface DeadlineRef extends TimeRef {
  /** Its sentence asks for something to be delivered ("send", "confirm", "fix"…). */
  actionable: boolean;
}

export interface UrgencyInput {
  /** The message body (greeting and signature removed). */
  text: string;
  timeRefs: readonly DeadlineRef[];
  /** Whether the message contains a request or question (a reply is expected). */
  asksSomething: boolean;
  /** The message's business intent: any but 'other' needs an answer even without a question. */
  intent: BusinessIntent;
  /** Sentiment score −100…100, when known. */
  sentimentScore: number;
  history: readonly HistoryMessage[];
  now: Date;
}

export function scoreUrgency(input: UrgencyInput): UrgencyResult {
  const text = normalize(input.text);
  const factors: ScoreFactor[] = [];
  const add = (name: string, impact: number, description: string) =>
    factors.push({ name, impact, description });

  if (input.asksSomething) {
    add('Reply expected', 15, 'The message asks a question or makes a request.');
  } else if (input.intent !== 'other') {
    add('Reply expected', 15, 'Messages with this intent need an answer.');
  }

  for (const rule of KEYWORD_RULES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    if (rule.negatable && isNegated(text, m.index, m[0].length, 3)) continue;
    // "extremely disappointed" weighs more than "disappointed".
    const intensified =
      rule.name === 'Strong dissatisfaction' &&
      /\b(?:extremely|very|really|so|incredibly|deeply|absolutely|totally|beyond)\s+$/i.test(
        text.slice(0, m.index),
      );
    if (rule.name === 'Urgent wording' && HYPOTHETICAL.test(text.slice(0, m.index))) continue;
    // Scale alone is not urgency: "set up tracking for my whole team" is a how-to question.
    if (rule.name === 'Widespread impact' && !problem(factors, input.intent)) continue;
    add(rule.name, rule.impact + (intensified ? 10 : 0), `${rule.description} Found: "${m[0]}".`);
  }

  const deadline = nearestDeadline(input.timeRefs, input.asksSomething || input.intent !== 'other');
  if (deadline) {
    const { ref, impact } = deadline;
    add('Deadline', impact, `A deadline "${ref.phrase}" is ${describeHours(ref.hours)} away.`);
  }

  const unanswered = trailingContactMessages(input.history);
  if (unanswered >= 1) {
    add(
      'Unanswered messages',
      unanswered >= 2 ? 30 : 15,
      `This is message ${unanswered + 1} from the contact without a reply from us.`,
    );
    const oldest = oldestUnansweredAge(input.history, input.now);
    if (oldest !== undefined && oldest >= 48) {
      add(
        'Long wait',
        10,
        `Their first unanswered message is ${Math.round(oldest / 24)} days old.`,
      );
    }
  }

  if (EXCLAIM_OR_CAPS.test(input.text)) add('Emphasis', 10, 'Repeated "!!" or words in capitals.');
  const worded = factors.some(
    (f) => f.name === 'Strong dissatisfaction' || f.name === 'Escalation language',
  );
  if (input.sentimentScore <= -50 && !worded)
    add('Strong negative tone', 10, 'The message is very negative.');

  const calm = CALM.exec(text);
  if (calm) add('No time pressure', -30, `The sender says there is no rush ("${calm[0]}").`);
  const away = AWAY.exec(text);
  if (away) add('Away notice', -30, `An out-of-office style notice ("${away[0]}").`);

  const points = factors.reduce((sum, f) => sum + f.impact, 0);
  const threat = factors.some((f) => f.name === 'Escalation language') && THREAT.test(text);
  return { level: levelOf(points, factors, threat), points, factors };
}

function levelOf(points: number, factors: readonly ScoreFactor[], threat: boolean): Urgency {
  const has = (name: string) => factors.some((f) => f.name === name);
  // Critical needs a real threat (manager, legal, cancelling) or a problem hitting many people,
  // plus pressure — not just many small signals or the word "unacceptable".
  if (points >= 70 && (threat || has('Cancellation threat') || has('Widespread impact'))) {
    return 'critical';
  }
  if (points >= 45) return 'high';
  if (points >= 15) return 'medium';
  return 'low';
}

/** The most pressing deadline and its weight: the closer, the more points. */
function nearestDeadline(
  refs: readonly DeadlineRef[],
  asksSomething: boolean,
): { ref: DeadlineRef; impact: number } | undefined {
  let best: { ref: DeadlineRef; impact: number } | undefined;
  for (const ref of refs) {
    // A bare "tomorrow" in a statement ("tomorrow works") is scheduling, not pressure.
    if (!ref.strong && !asksSomething) continue;
    let impact = ref.hours <= 30 ? 35 : ref.hours <= 24 * 6 ? 30 : ref.hours <= 24 * 10 ? 15 : 5;
    // "Can you send it today?" is a deadline; "could we meet Thursday?" or "how do you track
    // deals today" only partly one.
    if (!ref.strong && !(ref.hours <= 30 && ref.actionable)) impact = Math.round((impact * 2) / 3);
    if (!best || impact > best.impact) best = { ref, impact };
  }
  return best;
}

function problem(factors: readonly ScoreFactor[], intent: BusinessIntent): boolean {
  return (
    intent === 'support' ||
    intent === 'complaint' ||
    factors.some((f) => f.name === 'Blocking problem')
  );
}

function describeHours(hours: number): string {
  if (hours < 1) return 'less than an hour';
  if (hours < 36) return `${Math.round(hours)} hours`;
  return `${Math.round(hours / 24)} days`;
}

const ASKS =
  /\?|\b(?:please|can you|could you|would you|let me know|any (?:update|news)|need|waiting)\b/i;

/**
 * How many contact messages that ask something close the history with no reply from us after
 * them. A closing "Thanks!" needs no answer and does not count.
 */
export function trailingContactMessages(history: readonly HistoryMessage[]): number {
  let n = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    const m = history[i];
    if (!m || m.senderType !== 'contact') break;
    if (ASKS.test(m.content)) n++;
  }
  return n;
}

function oldestUnansweredAge(history: readonly HistoryMessage[], now: Date): number | undefined {
  let firstIndex = history.length;
  for (let i = history.length - 1; i >= 0 && history[i]?.senderType === 'contact'; i--) {
    if (ASKS.test(history[i]?.content ?? '')) firstIndex = i;
  }
  const first = history[firstIndex];
  if (!first?.timestamp) return undefined;
  const t = Date.parse(first.timestamp);
  return Number.isNaN(t) ? undefined : (now.getTime() - t) / 3_600_000;
}
