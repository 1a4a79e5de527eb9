/** Compact label codes keep the hand-written data files one sentence per line. */
export type LabelCode = 'pos' | 'neg' | 'neu';
export type Label = 'positive' | 'negative' | 'neutral';
export type Domain = 'business' | 'review';

/** One hand-written evaluation line: text and its human label. */
export type LabelledLine = readonly [text: string, label: LabelCode];

export interface EvalSentence {
  text: string;
  label: Label;
  domain: Domain;
  /** Held-out lines are only looked at for the final figure, never for tuning. */
  heldOut: boolean;
}
