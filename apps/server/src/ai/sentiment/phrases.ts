import type { Token } from '../text/tokenize';
import { isNegator } from './modifiers';
import { BUSINESS_PHRASES, type PhraseSpec } from './phrases-data';
import { REVIEW_PHRASES } from './phrases-reviews';

/**
 * Compiles the phrase patterns once at import and matches them against a sentence's tokens.
 * Patterns are indexed by their first word, so each token position only tries the few patterns
 * that can start there.
 */

type Matcher =
  | { kind: 'words'; words: ReadonlySet<string>; optional: boolean; orEnd: boolean }
  | { kind: 'num' | 'long' | 'any' | 'neg'; optional: boolean }
  | { kind: 'end' };

export interface Phrase {
  pattern: string;
  value: number;
  /** Not flipped by a preceding negator. */
  fixed: boolean;
  matchers: readonly Matcher[];
}

export interface PhraseMatch {
  phrase: Phrase;
  /** Index after the last consumed token. */
  end: number;
}

const NUMBER_WORDS = new Set(
  `a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
  forty fifty sixty ninety hundred several few couple`.split(/\s+/),
);
const LONG_UNITS = new Set('hour hours day days week weeks month months year years'.split(' '));

function compileToken(token: string): Matcher {
  if (token === '$') return { kind: 'end' };
  const optional = token.endsWith('?') && token.length > 1;
  const body = optional ? token.slice(0, -1) : token;
  if (body === 'NUM') return { kind: 'num', optional };
  if (body === 'LONG') return { kind: 'long', optional };
  if (body === 'NEG') return { kind: 'neg', optional };
  if (body === '*') return { kind: 'any', optional };
  const alternatives = body.split('|');
  const orEnd = alternatives.includes('$');
  return { kind: 'words', words: new Set(alternatives.filter((a) => a !== '$')), optional, orEnd };
}

function compile(spec: PhraseSpec): Phrase {
  const [pattern, value, fixed] = spec;
  return {
    pattern,
    value,
    fixed: fixed === 'fixed',
    matchers: pattern.split(' ').map(compileToken),
  };
}

function buildIndex(specs: readonly PhraseSpec[]) {
  const byWord = new Map<string, Phrase[]>();
  const byClass: Phrase[] = [];
  for (const spec of specs) {
    const phrase = compile(spec);
    const first = phrase.matchers[0]!;
    if (first.kind === 'words') {
      for (const word of first.words) {
        const list = byWord.get(word) ?? [];
        list.push(phrase);
        byWord.set(word, list);
      }
    } else {
      byClass.push(phrase);
    }
  }
  return { byWord, byClass };
}

const INDEX = buildIndex([...BUSINESS_PHRASES, ...REVIEW_PHRASES]);

const atClauseEnd = (tokens: readonly Token[], i: number) =>
  i >= tokens.length || tokens[i]!.kind === 'punct';

function accepts(m: Matcher, t: Token): boolean {
  if (t.kind === 'punct' || t.kind === 'emoji' || t.kind === 'emoticon') return false;
  switch (m.kind) {
    case 'words':
      return m.words.has(t.norm);
    case 'num':
      return t.kind === 'number' || NUMBER_WORDS.has(t.norm);
    case 'long':
      return LONG_UNITS.has(t.norm);
    case 'neg':
      return isNegator(t.norm);
    case 'any':
      return true;
    case 'end':
      return false;
  }
}

/** End index of a match of `ms[mi..]` at token `ti`, or −1 (greedy, with backtracking). */
function matchFrom(
  ms: readonly Matcher[],
  mi: number,
  tokens: readonly Token[],
  ti: number,
): number {
  if (mi === ms.length) return ti;
  const m = ms[mi]!;
  if (m.kind === 'end') return atClauseEnd(tokens, ti) ? matchFrom(ms, mi + 1, tokens, ti) : -1;
  const t = tokens[ti];
  if (t !== undefined && accepts(m, t)) {
    const end = matchFrom(ms, mi + 1, tokens, ti + 1);
    if (end >= 0) return end;
  }
  if (m.kind === 'words' && m.orEnd && atClauseEnd(tokens, ti)) {
    return matchFrom(ms, mi + 1, tokens, ti);
  }
  return m.optional ? matchFrom(ms, mi + 1, tokens, ti) : -1;
}

/** Cheap pre-check: whether any phrase can start with this word (numbers and classes aside). */
export function mayStartPhrase(word: string): boolean {
  return INDEX.byWord.has(word);
}

/** The longest phrase starting at token `i`, if any. */
export function matchPhrase(tokens: readonly Token[], i: number): PhraseMatch | undefined {
  const t = tokens[i];
  if (t === undefined || t.kind === 'punct') return undefined;
  let best: PhraseMatch | undefined;
  // Plain loops (no per-call closures): this runs for every token.
  for (const list of [INDEX.byWord.get(t.norm), INDEX.byClass]) {
    if (list === undefined) continue;
    for (const phrase of list) {
      const end = matchFrom(phrase.matchers, 0, tokens, i);
      if (end > i && (best === undefined || end > best.end)) best = { phrase, end };
    }
  }
  return best;
}

/** The words a match covered, for factor names ("phrase:stopped working"). */
export function matchedText(tokens: readonly Token[], start: number, end: number): string {
  return tokens
    .slice(start, end)
    .map((t) => t.norm)
    .join(' ');
}
