/** Runs the analysis over the labelled set: accuracy and confusion counts for intent and urgency. */
import { analyzeMessage } from '../index';
import type { LabelledMessage } from './format';
import { EVAL_NOW } from './format';

export interface Confusion {
  /** expected → predicted → count */
  matrix: Record<string, Record<string, number>>;
  correct: number;
  total: number;
  accuracy: number;
}

export interface EvalReport {
  intent: Confusion;
  urgency: Confusion;
  /** Urgency within one level of the label (low↔medium counts as near). */
  urgencyWithinOne: number;
  misses: { content: string; field: 'intent' | 'urgency'; expected: string; got: string }[];
}

const LEVELS = ['low', 'medium', 'high', 'critical'];

export function evaluate(set: readonly LabelledMessage[]): EvalReport {
  const intent = emptyConfusion();
  const urgency = emptyConfusion();
  const misses: EvalReport['misses'] = [];
  let near = 0;
  for (const item of set) {
    const result = analyzeMessage({
      content: item.content,
      conversationHistory: item.history,
      now: EVAL_NOW,
    });
    count(intent, item.intent, result.businessIntent);
    count(urgency, item.urgency, result.urgencyLevel);
    if (Math.abs(LEVELS.indexOf(item.urgency) - LEVELS.indexOf(result.urgencyLevel)) <= 1) near++;
    if (result.businessIntent !== item.intent) {
      misses.push({
        content: item.content,
        field: 'intent',
        expected: item.intent,
        got: result.businessIntent,
      });
    }
    if (result.urgencyLevel !== item.urgency) {
      misses.push({
        content: item.content,
        field: 'urgency',
        expected: item.urgency,
        got: result.urgencyLevel,
      });
    }
  }
  for (const c of [intent, urgency]) c.accuracy = c.total === 0 ? 0 : c.correct / c.total;
  return { intent, urgency, urgencyWithinOne: set.length === 0 ? 0 : near / set.length, misses };
}

function emptyConfusion(): Confusion {
  return { matrix: {}, correct: 0, total: 0, accuracy: 0 };
}

function count(c: Confusion, expected: string, got: string): void {
  const row = (c.matrix[expected] ??= {});
  row[got] = (row[got] ?? 0) + 1;
  c.total++;
  if (expected === got) c.correct++;
}
