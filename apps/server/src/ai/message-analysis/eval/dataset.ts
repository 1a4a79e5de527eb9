/** The whole labelled set used by the accuracy test and the bench. */
import type { LabelledMessage } from './format';
import { HOLDOUT } from './holdout';
import { OUTBOUND } from './outbound';
import { REVIEW } from './review';
import { SALES } from './sales';
import { SUPPORT } from './support';
import { THREADS } from './threads';

export type { LabelledMessage } from './format';
export { EVAL_NOW } from './format';

/** The sets the rules were tuned on. */
export const TUNING_MESSAGES: readonly LabelledMessage[] = [
  ...SALES,
  ...SUPPORT,
  ...OUTBOUND,
  ...THREADS,
  ...REVIEW,
];

/** Written after tuning and never tuned on. */
export const HOLDOUT_MESSAGES: readonly LabelledMessage[] = HOLDOUT;

export const LABELLED_MESSAGES: readonly LabelledMessage[] = [
  ...TUNING_MESSAGES,
  ...HOLDOUT_MESSAGES,
];
