import type { Token } from '../text/tokenize';
import { clauseEnd } from './clauses';
import { wordValence } from './lexicon';
import {
  DAMPENERS,
  DECREASE_WORDS,
  EXPECTED_VERBS,
  INTENSIFIERS,
  LOSS_WORDS,
  RIVALS,
  TWO_WORD_DAMPENERS,
  wordSet,
} from './modifiers';
import { scanNegator } from './negation';
import { matchPhrase, matchedText, mayStartPhrase } from './phrases';
import {
  type RuleHit,
  comparisonRule,
  durationRule,
  likeValue,
  predicateValue,
  ratingRule,
  repeatedRequestRule,
  repetitionRule,
  tooTarget,
  tooValue,
  wellValue,
} from './rules';
import { type Scanner, record, resetClause, wordAt } from './scanner';
import { cueOf } from './tone';

/**
 * The token-level pass over one sentence: phrases and rules first (longest match), then negators,
 * intensifiers and dampeners, then single words in their context.
 */

// Attributive participles are descriptions, not events: "the signed order form".
const DETERMINERS = wordSet('the a an our your their this that my his her');
// "the original" is the first film or model, not praise.
const PARTICIPLES = wordSet('signed approved renewed fixed resolved completed original');
const SIGN_OFFS = wordSet('best cheers');

function bestMatch(
  tokens: readonly Token[],
  i: number,
): (RuleHit & { fixed: boolean }) | undefined {
  const phrase = matchPhrase(tokens, i);
  const rule =
    durationRule(tokens, i) ??
    comparisonRule(tokens, i) ??
    repetitionRule(tokens, i) ??
    ratingRule(tokens, i) ??
    repeatedRequestRule(tokens, i);
  if (rule !== undefined && (phrase === undefined || rule.end > phrase.end)) {
    return { ...rule, fixed: true };
  }
  if (phrase === undefined) return undefined;
  const text = matchedText(tokens, i, phrase.end);
  const { value, fixed } = phrase.phrase;
  return { name: `phrase:${text}`, value, end: phrase.end, description: `phrase "${text}"`, fixed };
}

/** Whether a rated word or phrase starts within the next two tokens (for modifiers). */
function hasValenceAhead(tokens: readonly Token[], from: number): boolean {
  for (let j = from; j < from + 2 && j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct') return false;
    if (t.kind !== 'word') continue;
    const w = t.norm;
    if ((wordValence(w) ?? 0) !== 0 || EXPECTED_VERBS.has(w) || w === 'like' || w === 'well') {
      return true;
    }
    if (predicateValue(tokens, j, w) !== undefined) return true;
    if (mayStartPhrase(w) && matchPhrase(tokens, j) !== undefined) return true;
  }
  return false;
}

function boost(sc: Scanner, multiplier: number, by: string, until: number): void {
  sc.boost *= multiplier;
  sc.boostBy.push(by);
  sc.boostUntil = until;
}

/** "lost trust", "fewer bugs"; "churn dropped" flips the complaint just before. */
function scanLossOrDecrease(sc: Scanner, i: number, w: string): number | undefined {
  const { tokens } = sc;
  const decrease = DECREASE_WORDS.has(w);
  if (!decrease && !LOSS_WORDS.has(w)) return undefined;
  const before = sc.items[sc.items.length - 1];
  if (
    decrease &&
    before !== undefined &&
    before.value < 0 &&
    before.name.startsWith('word:') &&
    i - sc.lastAt <= 2
  ) {
    before.value *= -0.85;
    before.description += `, decreasing ("${w}")`;
    return i + 1;
  }
  if (!hasValenceAhead(tokens, i + 1)) return undefined;
  sc.flipFrom = i + 1;
  sc.flipUntil = Math.min(i + 4, clauseEnd(tokens, i));
  sc.flipBy = w;
  // A decrease word only flips; a loss word ("lost") is also a complaint itself.
  return decrease ? i + 1 : undefined;
}

/** Intensifiers, dampeners and "too": they modify the next rated word instead of scoring. */
function scanModifier(sc: Scanner, i: number, w: string): number | undefined {
  const { tokens } = sc;
  const next = wordAt(tokens, i + 1);
  const pair = TWO_WORD_DAMPENERS.get(`${w} ${next ?? ''}`);
  if (pair !== undefined && hasValenceAhead(tokens, i + 2)) {
    boost(sc, pair, `${w} ${next}`, i + 3);
    return i + 2;
  }
  if (w === 'too') {
    const j = tooTarget(tokens, i);
    if (j !== undefined) sc.tooAt = j;
  }
  const multiplier = INTENSIFIERS.get(w) ?? DAMPENERS.get(w);
  if (multiplier !== undefined && (hasValenceAhead(tokens, i + 1) || w === 'too')) {
    boost(sc, multiplier, w, i + 3);
    return i + 1;
  }
  return undefined;
}

/** A single word's rating in context ("like", "well", predicative adjectives, sign-offs). */
function contextualValue(tokens: readonly Token[], i: number, w: string): number | undefined {
  if (w === 'like') return likeValue(tokens, i);
  if (w === 'well') return wellValue(tokens, i);
  if (SIGN_OFFS.has(w) && i === 0 && (tokens.length <= 3 || tokens[1]?.kind === 'punct')) return 0;
  if (PARTICIPLES.has(w) && DETERMINERS.has(wordAt(tokens, i - 1) ?? '')) return 0;
  return predicateValue(tokens, i, w) ?? wordValence(w);
}

function scoreWord(sc: Scanner, i: number, w: string): void {
  if (i < sc.negUntil && EXPECTED_VERBS.has(w) && sc.negBy !== 'without') {
    const value = sc.negBy === 'never' || sc.negBy === 'nobody' ? -2.0 : -1.8;
    record(
      sc,
      i,
      `rule:not-${w}`,
      `"${sc.negBy} … ${w}": something expected did not happen`,
      value,
      false,
    );
    return;
  }
  const value = contextualValue(sc.tokens, i, w);
  if (i === sc.tooAt) {
    const replaced = tooValue(w, value);
    if (replaced !== undefined) {
      record(sc, i, `rule:too-${w}`, `"too ${w}" (excess)`, replaced, true);
      return;
    }
  }
  if (value === undefined || value === 0) return;
  record(sc, i, `word:${w}`, `word "${w}"`, value, true);
}

/** Handles token `i` (not an emoji) and returns the index to continue from. */
export function scanToken(sc: Scanner, i: number): number {
  const { tokens } = sc;
  const t = tokens[i]!;
  if (t.kind === 'punct') {
    resetClause(sc);
    return i + 1;
  }
  const hit = bestMatch(tokens, i);
  if (hit !== undefined) {
    for (let k = i; k < hit.end; k++) {
      const cue = cueOf(tokens[k]!.norm);
      if (cue !== undefined) sc.cues[cue]++;
    }
    if (hit.value !== 0) record(sc, i, hit.name, hit.description, hit.value, !hit.fixed);
    return hit.end;
  }
  if (t.kind !== 'word') return i + 1;
  const w = t.norm;
  const cue = cueOf(w);
  if (cue !== undefined) sc.cues[cue]++;
  if (w === 'again') sc.againSeen = true;
  if (RIVALS.has(w)) sc.rivalSeen = true;
  if (
    (w === 'could' || w === 'should') &&
    wordAt(tokens, i + 1) === 'have' &&
    wordAt(tokens, i + 2) === 'been'
  ) {
    sc.counterfactualUntil = clauseEnd(tokens, i);
  } else if ((w === "could've" || w === "should've") && wordAt(tokens, i + 1) === 'been') {
    sc.counterfactualUntil = clauseEnd(tokens, i);
  }
  const next = scanNegator(sc, i, w) ?? scanModifier(sc, i, w) ?? scanLossOrDecrease(sc, i, w);
  if (next !== undefined) return next;
  scoreWord(sc, i, w);
  return i + 1;
}
