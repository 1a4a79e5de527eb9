import type { Token } from '../text/tokenize';
import { BUT_MARKERS, CONCESSIVE_MARKERS, CONDITIONAL_MARKERS } from './modifiers';

/**
 * Per-token clause weights for one sentence:
 *  - "A but B": A × 0.5, B × 1.5 (the last "but"/"however" decides, as in VADER);
 *  - "although A, B" / "B although A": the concessive clause A × 0.5, a following main clause × 1.3;
 *  - "if A" / "unless A" / "whether A": hypothetical, × 0.15.
 */

export const CONTRAST_BEFORE = 0.5;
export const CONTRAST_AFTER = 1.5;
const CONCESSIVE = 0.5;
const AFTER_CONCESSIVE = 1.3;
const CONDITIONAL = 0.15;
const CONDITIONAL_SPAN = 7;

export interface ClauseWeights {
  weights: number[];
  /** The sentence opens with "But"/"However": it outweighs the sentence before it. */
  startsWithBut: boolean;
}

const wordAt = (tokens: readonly Token[], i: number) => {
  const t = tokens[i];
  return t !== undefined && t.kind === 'word' ? t.norm : undefined;
};

const isPunct = (tokens: readonly Token[], i: number) => tokens[i]?.kind === 'punct';

/** Index of the next clause punctuation at or after `from`, or the sentence length. */
export function clauseEnd(tokens: readonly Token[], from: number): number {
  let j = from;
  while (j < tokens.length && tokens[j]!.kind !== 'punct') j++;
  return j;
}

export function clauseWeights(tokens: readonly Token[]): ClauseWeights {
  const n = tokens.length;
  const weights = new Array<number>(n).fill(1);
  let startsWithBut = false;
  let butAt = -1;
  for (let i = 0; i < n; i++) {
    const w = wordAt(tokens, i);
    if (w === undefined || !BUT_MARKERS.has(w)) continue;
    // "yet" is a conjunction only after a comma or "and" ("not yet" is an adverb).
    if (w === 'yet' && !(isPunct(tokens, i - 1) || wordAt(tokens, i - 1) === 'and')) continue;
    if (w === 'yet' && clauseEnd(tokens, i + 1) === i + 1) continue;
    if (i === 0) startsWithBut = true;
    else butAt = i;
  }
  if (butAt > 0) {
    for (let i = 0; i < n; i++) {
      if (i < butAt) weights[i]! *= CONTRAST_BEFORE;
      else if (i > butAt) weights[i]! *= CONTRAST_AFTER;
    }
  }
  for (let i = 0; i < n; i++) {
    const w = wordAt(tokens, i);
    if (w === undefined) continue;
    const concessive =
      CONCESSIVE_MARKERS.has(w) || (w === 'even' && wordAt(tokens, i + 1) === 'though');
    if (concessive) {
      const end = clauseEnd(tokens, i + 1);
      // A trailing "though" ("pricey, though.") has no clause of its own.
      if (end <= i + 1) continue;
      for (let k = i; k < end; k++) weights[k]! *= CONCESSIVE;
      const opensSentence = tokens.slice(0, i).every((t) => t.kind === 'punct');
      if (opensSentence) for (let k = end; k < n; k++) weights[k]! *= AFTER_CONCESSIVE;
      i = end;
      continue;
    }
    if (CONDITIONAL_MARKERS.has(w) && wordAt(tokens, i - 1) !== 'as') {
      // Without a comma the hypothetical part is unknown; assume a short one (≤ 7 tokens).
      const end = Math.min(clauseEnd(tokens, i + 1), i + 1 + CONDITIONAL_SPAN);
      for (let k = i; k < end; k++) weights[k]! *= CONDITIONAL;
      i = end;
    }
  }
  return { weights, startsWithBut };
}
