import type { Token } from '../text/tokenize';
import { POSITIVE_COMPARATIVES, wordSet } from './modifiers';
import type { Cues } from './tone';
import type { Contribution } from './types';

/**
 * State of the token pass over one sentence, and `record`, which applies a token's context to a
 * raw rating: pending intensifier, capitals, elongation, negation scope, flips ("lost trust"),
 * a rival's strength, counterfactuals and the clause weight.
 */

export interface Scanner {
  tokens: readonly Token[];
  weights: readonly number[];
  shouting: boolean;
  cues: Cues;
  items: Contribution[];
  negUntil: number;
  negBy: string;
  /** "lost confidence", "fewer bugs", "less reliable": flips what follows, like a negator. */
  flipFrom: number;
  flipUntil: number;
  flipBy: string;
  counterfactualUntil: number;
  rivalSeen: boolean;
  boost: number;
  boostBy: string[];
  boostUntil: number;
  tooAt: number;
  againSeen: boolean;
  /** Token index of the last recorded contribution. */
  lastAt: number;
}

export function newScanner(
  tokens: readonly Token[],
  weights: readonly number[],
  shouting: boolean,
  cues: Cues,
): Scanner {
  // One literal with every field keeps the object's shape fixed (fast property access).
  return {
    tokens,
    weights,
    shouting,
    cues,
    items: [],
    negUntil: -1,
    negBy: '',
    flipFrom: -1,
    flipUntil: -1,
    flipBy: '',
    counterfactualUntil: -1,
    rivalSeen: false,
    boost: 1,
    boostBy: [],
    boostUntil: -1,
    tooAt: -1,
    againSeen: false,
    lastAt: -1,
  };
}

/** Clause punctuation ends every scope. */
export function resetClause(sc: Scanner): void {
  sc.negUntil = -1;
  sc.flipFrom = -1;
  sc.flipUntil = -1;
  sc.counterfactualUntil = -1;
  sc.rivalSeen = false;
  sc.boost = 1;
  sc.boostBy = [];
  sc.boostUntil = -1;
  sc.tooAt = -1;
}

export const wordAt = (tokens: readonly Token[], i: number): string | undefined => {
  const t = tokens[i];
  return t !== undefined && t.kind === 'word' ? t.norm : undefined;
};

const NEGATED_POSITIVE = -0.9;
// "not bad" is milder praise than "good" is praise.
const NEGATED_NEGATIVE = -0.7;
const FLIPPED = -0.85;
const RIVAL = -0.8;
const COUNTERFACTUAL = -0.7;
const CAPS = 1.4;
const ELONGATED = 1.2;
/** Negators after which "better"/"happier" stay praise ("couldn't be happier"). */
const COMPARATIVE_NEGATORS = new Set([
  "couldn't",
  'could not',
  "can't",
  'can not',
  'cannot',
  'never',
]);

/** Applies the context of token `i` to a raw rating and records the contribution. */
export function record(
  sc: Scanner,
  i: number,
  name: string,
  label: string,
  raw: number,
  negatable: boolean,
): void {
  const t = sc.tokens[i]!;
  let value = raw;
  const notes: string[] = [];
  if (sc.boost !== 1 && i <= sc.boostUntil) {
    value *= sc.boost;
    notes.push(`×${sc.boost.toFixed(2)} by "${sc.boostBy.join(' ')}"`);
    sc.boost = 1;
    sc.boostBy = [];
  }
  if (t.caps && !sc.shouting) {
    value *= CAPS;
    sc.cues.capsWords++;
    notes.push('capitals');
  }
  if (t.elongated) {
    value *= ELONGATED;
    notes.push('elongated');
  }
  let negated = false;
  if (negatable && i < sc.negUntil) {
    const praise = POSITIVE_COMPARATIVES.has(t.norm) && COMPARATIVE_NEGATORS.has(sc.negBy);
    if (praise && value > 0) notes.push(`"${sc.negBy} … ${t.norm}" is praise`);
    else {
      value *= value > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
      negated = true;
    }
  }
  if (negatable && i >= sc.flipFrom && i < sc.flipUntil) {
    value *= FLIPPED;
    notes.push(`flipped by "${sc.flipBy}"`);
  }
  if (sc.rivalSeen && value > 0) {
    value *= RIVAL;
    notes.push("a competitor's strength");
  }
  if (i < sc.counterfactualUntil && value > 0) {
    value *= COUNTERFACTUAL;
    notes.push('counterfactual ("could have been")');
  }
  const weight = sc.weights[i]!;
  if (weight !== 1) notes.push(`clause weight ${weight}`);
  value *= weight;
  if (value === 0) return;
  const polarity = raw > 0 ? 'positive' : 'negative';
  const extra = notes.length > 0 ? `, ${notes.join(', ')}` : '';
  sc.lastAt = i;
  sc.items.push({
    name,
    value,
    description: `${polarity} ${label} (negated: ${negated ? 'yes' : 'no'}${extra})`,
  });
}

/** Words that end a negation scope early. */
export const SCOPE_BREAKERS = wordSet(
  'and or but however yet nevertheless nonetheless although though despite whereas albeit if unless whether',
);
