import { SPELLING_FIXES, collapseDoubles, normalizeQuotes, squeezeElongation } from './normalize';

export type TokenKind = 'word' | 'number' | 'emoji' | 'emoticon' | 'punct';

export interface Token {
  kind: TokenKind;
  /** As written (for expanded chat-speak, the whole original word). */
  raw: string;
  /** Lower-case canonical form: spelling fixed, elongation removed. */
  norm: string;
  /** ALL-CAPS word of two letters or more ("NEVER"). */
  caps: boolean;
  /** Written with a stretched letter ("sooo"). */
  elongated: boolean;
}

export interface Sentence {
  /** Words, numbers, emoji, emoticons and clause punctuation (",", ";", ":", dashes, brackets). */
  tokens: Token[];
  /** "!" characters that close the sentence. */
  exclamations: number;
  question: boolean;
}

// One pass, first alternative wins (groups are numbered, see the loop): links and addresses are dropped so their "://" and dots do
// not read as emoticons or sentence ends; numbers come before words so "3pm" and "10/10" stay whole.
const TOKEN_RE = new RegExp(
  [
    String.raw`(https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+)`,
    String.raw`((?<![\p{N}:])[:;=][-'^]?[)(\]\[dDpP/\\|*oO@$]+(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:[xX][dD]|<\/?3|\^_*\^|-_+-|[tT]_[tT]|[)(][-']?[:;=])(?![\p{L}\p{N}]))`,
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*)*)`,
    String.raw`(\d+(?:[.,:/]\d+)*(?:%|st|nd|rd|th|am|pm|k|x|s)?(?![\p{L}\p{N}]))`,
    String.raw`([\p{L}\p{N}]+(?:'[\p{L}]+)*)`,
    String.raw`([.!?\u2026]+|\n)`,
    String.raw`([,;:()"\u2014\u2013]|\s-+\s)`,
  ].join('|'),
  'gu',
);

const LETTERS = /\p{L}/gu;
const NEEDS_REWRITE = /[\u2018\u2019\u201B\u2032`\u00B4\u201C\u201D\u201E&]|w\/o/i;

function isAllCaps(raw: string): boolean {
  if (raw.length < 2 || raw === raw.toLowerCase() || raw !== raw.toUpperCase()) return false;
  return (raw.match(LETTERS)?.length ?? 0) >= 2;
}

/**
 * Canonical form of one word. `isKnown` (the caller's lexicon) decides whether a squeezed
 * elongation keeps its double letter ("good") or collapses further ("loove" → "love").
 */
function canonicalWord(lower: string, isKnown: (w: string) => boolean) {
  const { word, elongated } = squeezeElongation(lower);
  const fixed = SPELLING_FIXES.get(word);
  if (fixed) return { norm: fixed, elongated };
  if (elongated && !isKnown(word)) {
    const single = collapseDoubles(word);
    const fixedSingle = SPELLING_FIXES.get(single) ?? single;
    if (isKnown(fixedSingle)) return { norm: fixedSingle, elongated };
  }
  return { norm: word, elongated };
}

const never = () => false;

/**
 * Splits text into sentences of tokens. Sentence ends: . ! ? … and line breaks; clause punctuation
 * stays in the token list so callers can bound negation and contrast scopes.
 */
export function tokenizeSentences(
  text: string,
  isKnown: (w: string) => boolean = never,
): Sentence[] {
  // Most texts need none of the rewrites; one test keeps the common path cheap.
  const prepared = NEEDS_REWRITE.test(text)
    ? normalizeQuotes(text)
        .replace(/\bw\/o\b/gi, 'without')
        .replace(/&/g, ' and ')
    : text;
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const close = (punct: string) => {
    if (current.length > 0) {
      const exclamations = punct.split('!').length - 1;
      sentences.push({ tokens: current, exclamations, question: punct.includes('?') });
    }
    current = [];
  };
  for (const m of prepared.matchAll(TOKEN_RE)) {
    // Groups, in TOKEN_RE order: 1 skip, 2 emoticon, 3 emoji, 4 number, 5 word, 6 end, 7 clause.
    const raw = m[0];
    if (m[1] !== undefined) continue;
    if (m[6] !== undefined) {
      close(raw);
      continue;
    }
    if (m[5] !== undefined) {
      const { norm, elongated } = canonicalWord(raw.toLowerCase(), isKnown);
      const caps = isAllCaps(raw);
      for (const part of norm.split(' ')) {
        current.push({ kind: 'word', raw, norm: part, caps, elongated });
      }
      continue;
    }
    const kind: TokenKind =
      m[2] !== undefined
        ? 'emoticon'
        : m[3] !== undefined
          ? 'emoji'
          : m[4] !== undefined
            ? 'number'
            : 'punct';
    const norm = kind === 'emoticon' ? raw.toLowerCase() : kind === 'punct' ? raw.trim() : raw;
    current.push({ kind, raw, norm, caps: false, elongated: false });
  }
  close('');
  return sentences;
}

/** Convenience for callers that only need the words of a text, in order. */
export function words(text: string): string[] {
  return tokenizeSentences(text)
    .flatMap((s) => s.tokens)
    .filter((t) => t.kind === 'word')
    .map((t) => t.norm);
}
