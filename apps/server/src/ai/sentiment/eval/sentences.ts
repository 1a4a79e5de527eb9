import { BUSINESS_LINES } from './business';
import { REVIEW_LINES } from './reviews';
import type { Domain, EvalSentence, Label, LabelCode, LabelledLine } from './types';

const LABELS: Record<LabelCode, Label> = { pos: 'positive', neg: 'negative', neu: 'neutral' };

/** Every fifth line (by position in the combined list) is held out from tuning. */
const HELD_OUT_EVERY = 5;

function expand(lines: readonly LabelledLine[], domain: Domain, offset: number): EvalSentence[] {
  return lines.map(([text, code], i) => ({
    text,
    label: LABELS[code],
    domain,
    heldOut: (offset + i) % HELD_OUT_EVERY === HELD_OUT_EVERY - 1,
  }));
}

/** The hand-written evaluation set: business message lines, then review lines. */
export const EVAL_SENTENCES: readonly EvalSentence[] = [
  ...expand(BUSINESS_LINES, 'business', 0),
  ...expand(REVIEW_LINES, 'review', BUSINESS_LINES.length),
];

export type { Domain, EvalSentence, Label } from './types';
