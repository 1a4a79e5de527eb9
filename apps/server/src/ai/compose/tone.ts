/**
 * Tone of a draft: formal, casual, friendly or urgent, from weighted cues (greetings, sign-offs,
 * contractions, slang, warmth, urgency phrases). Urgency wins when clearly present, because it
 * changes what the reader must do; otherwise the highest score wins.
 */
import type { Tone } from '@flow/contracts';
import { normalize } from '../message-analysis/text';

interface Cue {
  re: RegExp;
  weight: number;
}

const CUES: Record<Tone, readonly Cue[]> = {
  formal: [
    { re: /^\s*dear\b/gim, weight: 2 },
    {
      re: /\b(?:kind regards|best regards|warm regards|sincerely|respectfully|yours (?:truly|faithfully))\b/gi,
      weight: 2,
    },
    { re: /\bi hope this (?:message|email|note) finds you well\b/gi, weight: 2 },
    {
      re: /\b(?:please find attached|furthermore|moreover|therefore|accordingly|regarding|pursuant|hereby|kindly|at your earliest convenience|i (?:would|should) like to|we would like to|i am writing|do not hesitate|should you (?:have|require)|please advise|i trust|further to|with respect to|in accordance)\b/gi,
      weight: 1.5,
    },
  ],
  casual: [
    { re: /^\s*(?:hey|yo|hiya|sup)\b/gim, weight: 2 },
    {
      re: /\b(?:gonna|wanna|gotta|yeah|yep|nope|cool|lol|btw|np|thx|ty|cheers|no worries|ping me|quick q|heads[- ]up|catch you|ttyl|sounds good|grab (?:a|some)|super|stuff|kinda|sorta|ok|okay|lemme|y'all|folks|hang on)\b/gi,
      weight: 1.5,
    },
    { re: /[\u{1F600}-\u{1F64F}\u{1F44D}\u{1F64C}\u{1F389}]/gu, weight: 1 },
  ],
  friendly: [
    {
      re: /\b(?:hope you(?:'re| are)? (?:doing )?(?:well|great|good)|hope you had|great to (?:hear|meet|see|chat|connect)|lovely|happy to|glad|thanks so much|thank you so much|really appreciate|looking forward|excited|love to|would love|wonderful|have a (?:great|lovely|nice)|enjoy|pleasure|fantastic|delighted)\b/gi,
      weight: 1.5,
    },
    { re: /^\s*(?:hi|hello)\b/gim, weight: 1 },
    { re: /[\u{1F642}\u{1F60A}\u{1F603}\u{1F600}]|:\)/gu, weight: 1 },
  ],
  urgent: [
    {
      re: /\b(?:asap|urgent(?:ly)?|immediately|right away|as soon as possible|time[- ]sensitive|critical|deadline|no later than|at the latest|top priority|high priority|right now|end of (?:the )?day|eod|cob|within the hour|by (?:today|tonight|tomorrow(?: morning)?))\b/gi,
      weight: 2.5,
    },
    { re: /!!|\bby (?:noon|\d{1,2} ?(?:am|pm))\b/gi, weight: 1 },
  ],
};

const CONTRACTION = /\b\w+'(?:s|re|ve|ll|d|m|t)\b/gi;
const ORDER: readonly Tone[] = ['urgent', 'formal', 'friendly', 'casual'];

export interface ToneScores {
  tone: Tone;
  scores: Record<Tone, number>;
}

export function detectTone(text: string): ToneScores {
  const clean = normalize(text);
  const scores: Record<Tone, number> = { formal: 0, casual: 0, friendly: 0, urgent: 0 };
  for (const tone of ORDER) {
    for (const cue of CUES[tone]) scores[tone] += (clean.match(cue.re)?.length ?? 0) * cue.weight;
  }
  const contractions = clean.match(CONTRACTION)?.length ?? 0;
  const wordCount = clean.split(/\s+/).filter(Boolean).length;
  if (contractions === 0 && wordCount >= 12) scores.formal += 1;
  scores.formal -= Math.min(2, contractions * 0.5);
  scores.casual += Math.min(1.5, contractions * 0.3);
  if (/^[a-z]/.test(clean.trim())) scores.casual += 1;
  const exclamations = clean.match(/!/g)?.length ?? 0;
  scores.friendly += Math.min(2, exclamations * 0.5);
  if (/[.]$/.test(clean.trim()) && exclamations === 0) scores.formal += 0.5;

  if (scores.urgent >= 2.5) return { tone: 'urgent', scores };
  const tone = ORDER.filter((t) => t !== 'urgent').reduce((best, t) =>
    scores[t] > scores[best] ? t : best,
  );
  return { tone: scores[tone] <= 0.5 ? 'formal' : tone, scores };
}
