/**
 * Action items: requests made of the reader ("Can you send the pricing sheet?" → "Send the pricing
 * sheet") and commitments made by the sender ("I'll review it with legal by Thursday" → "Review it
 * with legal", due Thursday), rewritten as short imperative lines.
 */
import type { ActionItemFound } from '@flow/contracts';
import { findTimeRefs, pickDeadline } from './deadlines';
import { capitalize, normalize, trimPunctuation } from './text';

const MAX_ITEMS = 6;
const MAX_LENGTH = 90;

const LEAD = String.raw`^(?:(?:also|and|so|then|oh|btw|additionally|lastly|finally|one more thing|in the meantime|meanwhile),?\s+)?`;

/** Request openers; group 1 is the verb phrase that becomes the imperative. */
const REQUESTS: readonly { re: RegExp; rewrite?: (rest: string) => string }[] = [
  {
    re: new RegExp(
      LEAD +
        String.raw`(?:can|could|would|will)\s+(?:you|someone|your team|y'all)\s+(?:please\s+)?(?:also\s+)?(?:be able to\s+|kindly\s+)?(.+)$`,
      'i',
    ),
  },
  { re: new RegExp(LEAD + String.raw`(?:any chance you could|mind)\s+(.+)$`, 'i') },
  {
    re: new RegExp(
      LEAD +
        String.raw`(?:would|will) it be possible (?:for you )?to\s+(.+)$|^is it possible (?:for you )?to\s+(.+)$`,
      'i',
    ),
    rewrite: (rest) => rest.replace(/^(?:get|have|receive)\b/i, 'provide'),
  },
  {
    re: new RegExp(
      LEAD +
        String.raw`(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:get|have|see|receive)\s+(.+)$`,
      'i',
    ),
    rewrite: (rest) => `send ${rest}`,
  },
  {
    re: new RegExp(LEAD + String.raw`(?:can|could|shall)\s+we\s+(?:please\s+)?(.+)$`, 'i'),
  },
  { re: new RegExp(LEAD + String.raw`(?:please|kindly|pls)\s*,?\s+(.+)$`, 'i') },
  {
    // A bare imperative: "Send me the paperwork." (not a question, not "Thanks …").
    re: /^((?:send|share|forward|add|remove|update|confirm|call|email|schedule|book|sign|provide|cancel|check|fix|sort out|look into|set up|invoice|resend|upgrade|activate|reset)\b(?!-)[^?]*)$/i,
  },
  {
    re: /^(?:i|we)(?:'d| would)? (?:need|like|want|would like|'d like) (?:you|your team|someone) to\s+(.+)$/i,
  },
  {
    re: /^(?:i|we) (?:still )?need ((?:a|an|the|your|some|more|access|copies|a copy)\b.*)$/i,
    rewrite: (rest) => `provide ${rest.trim()}`,
  },
  {
    re: new RegExp(LEAD + String.raw`(?:let me know|let us know|tell me|tell us)\s+(.+)$`, 'i'),
    rewrite: (rest) =>
      /^(?:if|whether)\b/i.test(rest)
        ? `confirm ${rest.replace(/^if\b/i, 'whether')}`
        : `share ${rest.replace(/^about\s+/i, '')}`,
  },
];

const COMMITMENT = new RegExp(
  LEAD +
    String.raw`(?:i|we)(?:'ll| will| shall|'m going to| am going to|'re going to| are going to| plan to| intend to| promise to)\s+(?:also\s+|definitely\s+|make sure to\s+|try to\s+)*(.+)$|^let me\s+(.+)$`,
  'i',
);

/** Courtesy lines that look like requests or promises but ask for nothing. */
const BOILERPLATE =
  /^(?:let (?:me|us) know if (?:you have|there(?:'s| is)|you need|anything|i can|we can)|(?:please )?(?:feel free|don't hesitate)|please (?:note|be advised|find attached|see attached)|i(?:'ll| will) be (?:in touch|out|away|on|travel)|we(?:'ll| will) be in touch|i(?:'ll| will) keep you posted|let me know what you think\.?$|i(?:'ll| will) talk to you|can't wait|could you believe|would you be interested|would you like|would love)/i;

export function extractActionItems(sentences: readonly string[], now: Date): ActionItemFound[] {
  const items: ActionItemFound[] = [];
  const seen = new Set<string>();
  let questions = 0;
  for (const raw of sentences) {
    const sentence = normalize(raw).trim();
    if (sentence.length < 6 || BOILERPLATE.test(sentence)) continue;
    const found = matchRequest(sentence) ?? matchCommitment(sentence) ?? matchQuestion(sentence);
    if (!found) continue;
    if (found.question) {
      if (questions >= 2) continue; // more open questions add noise, not work
      questions++;
    }
    const item = finish(found.text, found.kind, sentence, now);
    if (!item) continue;
    const key = item.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
    if (items.length >= MAX_ITEMS) break;
  }
  return items;
}

interface Raw {
  text: string;
  kind: ActionItemFound['kind'];
  question?: boolean;
}

function matchRequest(sentence: string): Raw | undefined {
  for (const { re, rewrite } of REQUESTS) {
    const m = re.exec(sentence);
    const rest = m?.slice(1).find((g) => g !== undefined);
    if (!rest) continue;
    const text = flipPerspective(rewrite ? rewrite(rest) : rest);
    return { text, kind: 'request' };
  }
  return undefined;
}

function matchCommitment(sentence: string): Raw | undefined {
  const m = COMMITMENT.exec(sentence);
  const rest = m?.[1] ?? m?.[2];
  if (!rest || /^(?:be|have|need|see|know|think|hope|wait)\b/i.test(rest)) return undefined;
  const text = rest.replace(
    /^(send|give|email|forward|show|get back to|call|ping|text|update)\s+(?:you|y'all)\b\s*/i,
    (_all, verb: string) =>
      /^(?:get back to|call|ping|text|update)$/i.test(verb) ? `${verb} them ` : `${verb} `,
  );
  return { text, kind: 'commitment' };
}

function matchQuestion(sentence: string): Raw | undefined {
  if (!sentence.endsWith('?') || sentence.split(/\s+/).length < 3) return undefined;
  return { text: `Answer their question: ${sentence}`, kind: 'request', question: true };
}

/** Attaches the deadline, strips it from the wording, tidies and caps the line. */
function finish(
  text: string,
  kind: ActionItemFound['kind'],
  sentence: string,
  now: Date,
): ActionItemFound | undefined {
  const refs = findTimeRefs(sentence, now);
  const deadline = pickDeadline(refs);
  let line = text;
  const question = line.startsWith('Answer their question');
  if (deadline && !question) {
    const escaped = deadline.phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    // A casual time mention is only dropped when it trails the line ("schedule a call next
    // week"); inside it ("if Tuesday works") it is part of what is asked.
    const tail = deadline.strong ? '' : String.raw`(?=\s*[.!?]*\s*$)`;
    line = line.replace(
      new RegExp(
        String.raw`\s*(?:,\s*)?(?:by|before|until|till|no later than|on|due|at the latest|for)?\s*(?:the\s+|this\s+|end of\s+)?${escaped}(?:\s+at the latest)?${tail}`,
        'i',
      ),
      ' ',
    );
  }
  line = line
    .replace(
      /\b(?:for (?:me|us)|please|kindly|if possible|when you (?:get|have) a (?:chance|moment))\b/gi,
      '',
    )
    .replace(/\s{2,}/g, ' ');
  line = question ? line.trim() : capitalize(trimPunctuation(line));
  if (line.split(/\s+/).length < 2) return undefined;
  if (line.length > MAX_LENGTH) line = `${line.slice(0, MAX_LENGTH).replace(/\s+\S*$/, '')}…`;
  const item: ActionItemFound = { text: line, kind };
  if (deadline) item.dueDate = deadline.due.toISOString();
  return item;
}

/** Pronouns as seen by the reader: "send me your deck" → "send them our deck". */
function flipPerspective(text: string): string {
  return text.replace(
    /\b(?:i'm|i am|i've|i was|i|me|my|mine|myself|we're|we|us|our|ours|you're|your|yours|you)\b/gi,
    (word, offset: number, whole: string) => {
      const lower = word.toLowerCase();
      const swapped = SWAP[lower];
      if (lower === 'you')
        return /\b(?:to|with|for|from|at|of|send|give|tell|show|thank|call|email)\s+$/i.test(
          whole.slice(0, offset),
        )
          ? 'us'
          : 'we';
      return swapped ?? word;
    },
  );
}

const SWAP: Record<string, string> = {
  "i'm": "they're",
  'i am': 'they are',
  "i've": "they've",
  'i was': 'they were',
  i: 'they',
  me: 'them',
  my: 'their',
  mine: 'theirs',
  myself: 'themselves',
  "we're": "they're",
  we: 'they',
  us: 'them',
  our: 'their',
  ours: 'theirs',
  "you're": "we're",
  your: 'our',
  yours: 'ours',
};
