/**
 * Rewrites a message in a target tone. The message is split into greeting, body and sign-off; the
 * body's wording is changed (contractions, slang, hedges, requests, urgency phrases) and a
 * greeting, opener, closing line and sign-off that fit the tone are put around it.
 */
import type { Tone } from '@flow/contracts';
import { capitalize, firstNameOf, normalize } from '../message-analysis/text';

export interface Voice {
  /** Whom the message greets: the contact's first name. */
  recipient: string;
  /** Who signs it. */
  sender: string;
}

type Swap = readonly [RegExp, string | ((match: string, ...groups: string[]) => string)];

const HAS_TIME = /\b(?:today|tonight|tomorrow|eod|end of|by \w+|before|within|asap|as soon as)\b/i;

const EXPAND: readonly Swap[] = [
  [/\bcan't\b/gi, 'cannot'],
  [/\bwon't\b/gi, 'will not'],
  [/\blet's\b/gi, 'let us'],
  [/\b(\w+)n't\b/gi, '$1 not'],
  [/\bi'm\b/gi, 'I am'],
  [/\b(\w+)'re\b/gi, '$1 are'],
  [/\b(\w+)'ve\b/gi, '$1 have'],
  [/\b(\w+)'ll\b/gi, '$1 will'],
  [/\b(i|we|you|they|he|she)'d\b/gi, '$1 would'],
  [/\b(it|that|there|here|what)'s\b/gi, '$1 is'],
];

const CONTRACT: readonly Swap[] = [
  [/\bI am\b/g, "I'm"],
  [/\b(we|you|they) are\b/gi, "$1're"],
  [
    /\b(I|we|you|they) have (?=been|had|got|sent|seen|made|done|attached|reviewed|shared|added|updated)/gi,
    "$1've ",
  ],
  [/\b(I|we|you|they|it|that) will\b/gi, "$1'll"],
  [/\b(I|we|you|they) would\b/gi, "$1'd"],
  [/\b(it|that|there|here|what) is\b/gi, "$1's"],
  [/\bdo not\b/gi, "don't"],
  [/\bdoes not\b/gi, "doesn't"],
  [/\bdid not\b/gi, "didn't"],
  [/\bcannot\b/gi, "can't"],
  [/\bwill not\b/gi, "won't"],
  [/\b(is|are|was|were|has|have|had|could|should|would) not\b/gi, "$1n't"],
  [/\blet us\b/gi, "let's"],
];

const FORMAL_WORDS: readonly Swap[] = [
  [/\b(?:gonna)\b/gi, 'going to'],
  [/\bwanna\b/gi, 'would like to'],
  [/\bgotta\b/gi, 'need to'],
  [/\b(?:yeah|yep)\b/gi, 'yes'],
  [/\bnope\b/gi, 'no'],
  [/\bno worries\b/gi, 'not a problem'],
  [/\b(?:thx|thanks a lot|thanks)\b/gi, 'thank you'],
  [/\b(?:awesome|super|cool)\b/gi, 'excellent'],
  [/\bbtw\b/gi, 'additionally'],
  [/\bstuff\b/gi, 'materials'],
  [/\bget back to you\b/gi, 'respond to you'],
  [/\bcheck out\b/gi, 'review'],
  [/\bping me\b/gi, 'contact me'],
  [/\bheads[- ]up\b/gi, 'notice'],
  [/\bASAP\b/gi, 'as soon as possible'],
  [/(^|[.!?]\s+)(?:so |very |really )?sorry\b/gi, '$1I am very sorry'],
  [/\bso sorry\b/gi, 'very sorry'],
  [/\bkinda\b/gi, 'somewhat'],
  [/\b(?:a bunch of|lots of)\b/gi, 'many'],
  [/\bCan you\b/g, 'Could you please'],
];

const CASUAL_WORDS: readonly Swap[] = [
  [/\bI hope this (?:message|email|note) finds you well\.?\s*/gi, ''],
  [/\bplease find attached\b/gi, "I've attached"],
  [/\bat your earliest convenience\b/gi, 'when you get a sec'],
  [/\b(?:regarding|with respect to|in regard to)\b/gi, 'about'],
  [/\b(?:furthermore|moreover|additionally)\b/gi, 'also'],
  [/\bthank you\b/gi, 'thanks'],
  [/\bassist(?:ance)?\b/gi, 'help'],
  [/\brequire\b/gi, 'need'],
  [/\binform\b/gi, 'let know'],
  [/\bI would like to\b/gi, 'I want to'],
  [/\bdo not hesitate to\b/gi, 'just'],
  [/\bCould you please\b/g, 'Can you'],
  [/\bkindly\s+/gi, ''],
];

const FRIENDLY_WORDS: readonly Swap[] = [
  [/\bgonna\b/gi, 'going to'],
  [/\bwanna\b/gi, 'want to'],
  [/\basap\b/gi, 'as soon as possible'],
  [/\bthank you\b(?! so much)/gi, 'thank you so much'],
  [/\bthanks\b(?! so much)/gi, 'thanks so much'],
  [/\bI would like to\b/gi, "I'd love to"],
  [/\bat your earliest convenience\b/gi, 'whenever suits you'],
  [/\bplease find attached\b/gi, "I've attached"],
  [/\b(?:regarding)\b/gi, 'about'],
  [/(^|[.!?]\s+)Please (?!do not|don't|note|find|see|feel)([^.!?]+)\./g, '$1Could you $2?'],
];

/** Hedges and calm phrasing that blunt an urgent message. */
const URGENT_WORDS: readonly Swap[] = [
  [
    /\b(?:no rush|no hurry|whenever you (?:can|get a chance)|when you (?:get|have) a (?:chance|moment|sec))[,.]?\s*/gi,
    '',
  ],
  [/\bat your earliest convenience\b/gi, 'as soon as possible'],
  [/\bI was (?:just )?wondering if you could\b/gi, 'please'],
  [
    /\b(?:Could|Can|Would) you (?:please )?([^?]+)\?/gi,
    (_m, ask: string) => `Please ${ask}${HAS_TIME.test(ask) ? '' : ' as soon as possible'}.`,
  ],
  [/\b(?:just|maybe|perhaps|possibly)\s+/gi, ''],
  [/,?\s*if (?:possible|you can)\b/gi, ''],
  [/\bI hope this (?:message|email|note) finds you well\.?\s*/gi, ''],
  [/(^|[.!?]\s+)(?:but|and|so),?\s+/gi, '$1'],
];

const GREETING_LINE =
  /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hiya|greetings)\b(?:\s+((?:(?:mr|mrs|ms|dr)\.?\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}|there|all|team|everyone|folks))?\s*(?:[,!:.]|\n|$)\s*/i;
/** A sign-off written at the end of the last line ("… talk soon. Cheers"). */
const INLINE_SIGN_OFF =
  /(^|[.!?]\s+|\n)(?:best(?: regards)?|kind regards|regards|cheers|thanks(?: again| so much)?|thank you|many thanks|talk soon)[,.!]?\s*$/i;
const SIGN_OFF_LINE =
  /^\s*(?:best(?: regards| wishes)?|kind regards|warm regards|regards|cheers|thanks(?: again| so much)?|thank you|many thanks|sincerely|talk soon|all the best|speak soon|yours(?: truly| sincerely)?)[,.!]?\s*$/i;
/** Closing lines (ours or the writer's) that the target tone replaces with its own. */
const CLOSINGS =
  /(?:\n|^|(?<=[.!?])\s+)(?:looking forward to (?:hearing from you|your reply)|please do not hesitate to contact me[^.!?\n]*|don't hesitate to reach out[^.!?\n]*|thank you for the quick turnaround|could you get back to me by end of day today\?|i'll keep you posted as things move|talk soon)[.!]?\s*$/i;
const OPENERS =
  /^(?:I hope this (?:message|email|note) finds you well|Hope you(?:'re| are) (?:doing )?well|Hope all is well)[.!]?\s*/i;

export interface Parsed {
  name?: string;
  body: string;
}

/** Splits off the greeting (keeping the name it used) and the sign-off block. */
export function parseMessage(text: string): Parsed {
  let rest = normalize(text).replace(/\r\n?/g, '\n').trim();
  let name: string | undefined;
  const greeting = GREETING_LINE.exec(rest);
  if (greeting) {
    const candidate = (greeting[1] ?? '').trim();
    if (
      candidate &&
      candidate.split(/\s+/).length <= 3 &&
      !/^(?:there|all|team|everyone)$/i.test(candidate)
    )
      name = candidate;
    rest = rest.slice(greeting[0].length).trim();
  }
  const lines = rest.split('\n');
  for (let i = Math.max(0, lines.length - 4); i < lines.length; i++) {
    if (SIGN_OFF_LINE.test(lines[i] ?? '')) {
      lines.length = i;
      break;
    }
  }
  let body = lines.join('\n').trim().replace(INLINE_SIGN_OFF, '$1').trim();
  for (let i = 0; i < 3 && CLOSINGS.test(body); i++) body = body.replace(CLOSINGS, '').trim();
  body = body.replace(OPENERS, '');
  return name ? { name, body } : { body };
}

const apply = (text: string, swaps: readonly Swap[]) =>
  swaps.reduce(
    (acc, [re, to]) =>
      typeof to === 'string'
        ? acc.replace(re, to)
        : acc.replace(re, (m, ...g: string[]) => to(m, ...g)),
    text,
  );

/** The body rewritten for `tone`, framed by that tone's greeting, opener, closing and sign-off. */
export function rewriteInTone(text: string, tone: Tone, voice: Voice): string {
  const parsed = parseMessage(text);
  const name = parsed.name ?? firstNameOf(voice.recipient);
  let body = parsed.body;
  const hasDeadline =
    /\b(?:today|tonight|tomorrow|eod|end of (?:the )?day|by \w+day|asap|as soon as possible|immediately|within)\b/i.test(
      body,
    );
  // No cheerful or hurried opener in front of an apology.
  const apology =
    /^(?:i'?m |we'?re |i am |we are )?(?:(?:so|very|really|truly) )?(?:sorry|apologi)/i.test(body);

  switch (tone) {
    case 'formal':
      body = apply(apply(body, EXPAND), FORMAL_WORDS)
        .replace(/!+/g, '.')
        .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]\s*/gu, '')
        .replace(/:\)\s*/g, '');
      return frame(
        `Dear ${name},`,
        apology ? '' : 'I hope this message finds you well.',
        body,
        'Please do not hesitate to contact me should you have any questions.',
        `Kind regards,\n${voice.sender}`,
      );
    case 'casual':
      body = apply(apply(body, CASUAL_WORDS), CONTRACT);
      return frame(`Hey ${name},`, '', body, '', `Cheers,\n${firstNameOf(voice.sender)}`);
    case 'friendly':
      body = apply(apply(body, FRIENDLY_WORDS), CONTRACT);
      return frame(
        `Hi ${name},`,
        apology ? '' : "Hope you're doing well!",
        body,
        'Looking forward to hearing from you!',
        `Best,\n${voice.sender}`,
      );
    case 'urgent':
      body = apply(body, URGENT_WORDS).replace(
        /\s+as soon as possible as soon as possible/g,
        ' as soon as possible',
      );
      return frame(
        `Hi ${name},`,
        apology ? '' : 'A quick, time-sensitive note:',
        body,
        urgentClosing(body, hasDeadline),
        `Thanks,\n${voice.sender}`,
      );
  }
}

/** Asks for a same-day answer when the message asks something without a time; else keeps us on the hook. */
function urgentClosing(body: string, hasDeadline: boolean): string {
  const asks = /\?|\bplease\b/i.test(body);
  if (!asks) return "I'll keep you posted as things move.";
  return hasDeadline || /as soon as possible/i.test(body)
    ? 'Thank you for the quick turnaround.'
    : 'Could you get back to me by end of day today?';
}

function frame(
  greeting: string,
  opener: string,
  body: string,
  closing: string,
  signOff: string,
): string {
  const tidy = tidyBody(body);
  const lines = [greeting, ''];
  lines.push(opener && tidy ? `${opener} ${tidy}` : opener || tidy);
  if (closing && !tidy.toLowerCase().includes(closing.slice(0, 20).toLowerCase()))
    lines.push('', closing);
  lines.push('', signOff);
  return lines.join('\n');
}

/** Re-capitalises sentence starts and collapses the spaces replacements leave behind. */
function tidyBody(body: string): string {
  return body
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \t]{2,}/g, ' ')
        .replace(/\s+([,.!?])/g, '$1')
        .replace(/(^|[.!?]\s+)([a-z])/g, (_m, lead: string, ch: string) => lead + ch.toUpperCase())
        .replace(/\bi\b/g, 'I')
        .trim(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(/([A-Za-z0-9)])$/, '$1.')
    .replace(/^./, (c) => capitalize(c));
}
