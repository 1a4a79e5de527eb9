import type { AiSentimentResult } from '@flow/contracts';
import type { Cues } from './tone';

/** What the local engine returns: the API result without `source`, which the route adds. */
export type SentimentAnalysis = Omit<AiSentimentResult, 'source'>;

/** One signed piece of evidence, in lexicon units (roughly −4…4), before scaling to the score. */
export interface Contribution {
  name: string;
  value: number;
  description: string;
}

export interface TextScore {
  contributions: Contribution[];
  /** Signed sum of the contributions. */
  total: number;
  /** Sum of positive contributions. */
  positive: number;
  /** Sum of |negative contributions|. */
  negative: number;
  cues: Cues;
  wordCount: number;
}
