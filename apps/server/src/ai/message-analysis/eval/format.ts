/**
 * The labelled set is kept as one line per message ("intent | urgency | text") so that 170
 * messages stay readable and diffable; `\n` inside a text stands for a line break.
 */
import type { BusinessIntent, Urgency } from '@flow/contracts';
import type { HistoryMessage } from '../urgency';

export interface LabelledMessage {
  content: string;
  intent: BusinessIntent;
  urgency: Urgency;
  history?: HistoryMessage[];
  /** Which set it came from, for the confusion summary. */
  set: string;
}

const INTENTS = new Set<string>([
  'inquiry',
  'complaint',
  'support',
  'purchase',
  'follow-up',
  'other',
]);
const URGENCIES = new Set<string>(['low', 'medium', 'high', 'critical']);

/** Parses "intent | urgency | text" lines; blank lines and lines starting with "#" are skipped. */
export function parseLines(set: string, block: string): LabelledMessage[] {
  const out: LabelledMessage[] = [];
  for (const raw of block.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [intent, urgency, ...rest] = line.split(' | ');
    const content = rest.join(' | ').replace(/\\n/g, '\n');
    if (!intent || !INTENTS.has(intent) || !urgency || !URGENCIES.has(urgency) || !content) {
      throw new Error(`Bad labelled line in ${set}: ${line}`);
    }
    out.push({ set, intent: intent as BusinessIntent, urgency: urgency as Urgency, content });
  }
  return out;
}

/** The fixed "now" every labelled message is analysed at: Wednesday 5 March 2025, 15:00 UTC. */
export const EVAL_NOW = new Date('2025-03-05T15:00:00Z');

/** An ISO timestamp `hours` before EVAL_NOW. */
export const hoursAgo = (hours: number) =>
  new Date(EVAL_NOW.getTime() - hours * 3_600_000).toISOString();
