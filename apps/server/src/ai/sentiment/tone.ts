import type { EmotionalTone, Sentiment } from '@flow/contracts';

/**
 * Emotional tone and confidence. The tone comes from cue words (gratitude, excitement, anger,
 * frustration, worry, confusion) and emphasis (exclamations, capitals), read together with the
 * score; confidence from how much polarity evidence there is and how much of it agrees.
 */

export type CueKind = 'gratitude' | 'excitement' | 'anger' | 'frustration' | 'worry' | 'confusion';

export type Cues = Record<CueKind, number> & { exclamations: number; capsWords: number };

export const emptyCues = (): Cues => ({
  gratitude: 0,
  excitement: 0,
  anger: 0,
  frustration: 0,
  worry: 0,
  confusion: 0,
  exclamations: 0,
  capsWords: 0,
});

const cue = (kind: CueKind, words: string) =>
  words
    .trim()
    .split(/\s+/)
    .map((w) => [w, kind] as const);

const CUE_WORDS: ReadonlyMap<string, CueKind> = new Map([
  ...cue('gratitude', 'thanks thank appreciate appreciated grateful thankful 🙏 kudos'),
  ...cue(
    'excitement',
    `excited exciting thrilled love loved loving amazing awesome fantastic
    incredible woohoo yay ecstatic stoked delighted wow 🎉 🚀 🥳 😍 🙌 🤩 outstanding brilliant
    phenomenal wonderful superb perfect`,
  ),
  ...cue(
    'anger',
    `unacceptable ridiculous furious outrageous outraged angry livid worst disgusting
    pathetic absurd scam ripoff lawsuit 😡 🤬 😠 wtf infuriating appalling disgraceful insulting`,
  ),
  ...cue(
    'frustration',
    `frustrated frustrating frustration annoyed annoying irritated irritating
    again still disappointed disappointing disappointment tired fed keeps kept waiting waited
    nobody ignored ghosted useless hassle mess 😤 🙄 😒 🤦 😩 😫 stuck`,
  ),
  ...cue(
    'worry',
    `worried worry worrying concerned concern concerns risk risky afraid nervous
    hesitant unsure uncertain uncertainty doubt doubts anxious fear fears cautious skeptical
    reluctant freeze cuts threat 😬 😟 😰`,
  ),
  ...cue(
    'confusion',
    `confused confusing unclear puzzled lost understand clarify clarification
    clarity huh 🤔 😕 baffled`,
  ),
]);

export function cueOf(word: string): CueKind | undefined {
  return CUE_WORDS.get(word);
}

export function chooseTone(sentiment: Sentiment, score: number, cues: Cues): EmotionalTone {
  const emphasis = cues.exclamations + cues.capsWords;
  if (sentiment === 'neutral') {
    if (cues.confusion > 0) return 'confused';
    if (cues.worry > 0) return 'concerned';
    return 'neutral';
  }
  if (sentiment === 'positive') {
    if (cues.excitement > 0 && (score >= 45 || emphasis > 0)) return 'excited';
    if (cues.gratitude > 0) return 'grateful';
    if (score >= 70 && emphasis > 0) return 'excited';
    return 'happy';
  }
  if (cues.anger > 0 && (score <= -40 || emphasis > 0)) return 'angry';
  if (score <= -60 && emphasis >= 2) return 'angry';
  if (cues.confusion > 0 && cues.frustration === 0 && cues.anger === 0 && score > -70)
    return 'confused';
  if (cues.worry > 0 && cues.frustration === 0 && cues.anger === 0) return 'concerned';
  if (cues.frustration > 0 || cues.anger > 0 || score <= -35) return 'frustrated';
  return 'concerned';
}

/**
 * 0–100: rises with the amount of polarity evidence and with agreement between positive and
 * negative evidence; a neutral text with no evidence at all is a confident neutral.
 */
export function chooseConfidence(
  sentiment: Sentiment,
  total: number,
  positive: number,
  negative: number,
  wordCount: number,
): number {
  const mass = positive + negative;
  if (sentiment === 'neutral') {
    if (mass === 0) return wordCount >= 4 ? 75 : wordCount > 0 ? 60 : 40;
    // Evidence that cancels out: the more of it, the less sure we are it is really neutral.
    return clamp(Math.round(55 - 10 * mass), 20, 55);
  }
  const agreement = Math.abs(positive - negative) / mass;
  const strength = 1 - Math.exp(-Math.abs(total) / 2);
  return clamp(Math.round(35 + 40 * strength + 20 * agreement), 5, 98);
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
