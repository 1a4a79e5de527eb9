import { type Sentence, type Token, tokenizeSentences } from '../text/tokenize';
import { clauseWeights } from './clauses';
import { emojiValence, emoticonValence, isKnownWord } from './lexicon';
import { SARCASM_OPENERS } from './modifiers';
import { scanToken } from './scan';
import { type Scanner, newScanner } from './scanner';
import { type Cues, emptyCues } from './tone';
import type { Contribution, TextScore } from './types';

/**
 * Turns text into signed contributions (VADER units, roughly −4…4 each): sentence by sentence,
 * token by token, then sentence-level effects (sarcasm, questions, exclamation marks, shouting,
 * a sentence opening with "But").
 */

const QUESTION_POSITIVE = 0.25;
const QUESTION_NEGATIVE = 0.6;
const EXCLAMATION_STEP = 0.12;
const SHOUTING = 0.25;
const BUT_SENTENCE = 1.3;
const BEFORE_BUT_SENTENCE = 0.6;

const sum = (items: readonly Contribution[]) => items.reduce((a, c) => a + c.value, 0);

function isShouting(tokens: readonly Token[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.raw.length < 2) continue;
    letters++;
    if (t.caps) caps++;
  }
  return letters >= 2 && caps === letters;
}

/** A sentence-initial "Great," followed by a complaint: drop the praise, stress the complaint. */
function applySarcasm(tokens: readonly Token[], sc: Scanner): void {
  const first = tokens[0];
  const opener = first?.kind === 'word' && first.norm === 'oh' ? tokens[1] : first;
  if (opener?.kind !== 'word' || !SARCASM_OPENERS.has(opener.norm)) return;
  const after = tokens[tokens.indexOf(opener) + 1];
  if (after === undefined || after.kind !== 'punct') return;
  const openerName = `word:${opener.norm}`;
  const rest = sc.items.filter((c) => c.name !== openerName);
  const negative = rest.reduce((a, c) => a + Math.min(0, c.value), 0);
  if (sum(rest) >= 0 || negative === 0) return;
  sc.items = [
    ...rest,
    {
      name: 'rule:sarcasm',
      value: negative * 0.2,
      description: `"${opener.raw}," before a complaint reads as sarcasm`,
    },
  ];
}

function scoreSentence(
  sentence: Sentence,
  cues: Cues,
): { items: Contribution[]; startsWithBut: boolean } {
  const { tokens } = sentence;
  const { weights, startsWithBut } = clauseWeights(tokens);
  const shouting = isShouting(tokens);
  const sc = newScanner(tokens, weights, shouting, cues);
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    if (t.kind === 'emoji' || t.kind === 'emoticon') {
      const v = t.kind === 'emoji' ? emojiValence(t.norm) : emoticonValence(t.norm);
      if (v !== undefined && v !== 0) {
        const kind = t.kind;
        sc.items.push({
          name: `${kind}:${t.raw}`,
          value: v * weights[i]!,
          description: `${kind} ${t.raw}`,
        });
        if (v >= 2.5) cues.excitement++;
        if (v <= -3) cues.anger++;
      }
      i++;
      continue;
    }
    i = scanToken(sc, i);
  }
  applySarcasm(tokens, sc);
  let items = sc.items;
  if (sentence.question) {
    items = items.map((c) => ({
      ...c,
      value: c.value * (c.value > 0 ? QUESTION_POSITIVE : QUESTION_NEGATIVE),
      description: `${c.description}, in a question`,
    }));
  }
  if (sc.againSeen) {
    const negative = items.reduce((a, c) => a + Math.min(0, c.value), 0);
    if (negative < 0) {
      items.push({
        name: 'rule:again',
        value: negative * 0.15,
        description: '"again": a repeated problem',
      });
      cues.frustration++;
    }
  }
  const total = sum(items);
  if (total !== 0 && sentence.exclamations > 0) {
    const n = Math.min(sentence.exclamations, 4);
    cues.exclamations += n;
    items.push({
      name: 'rule:exclamation',
      value: total * EXCLAMATION_STEP * n,
      description: `${n} exclamation mark${n > 1 ? 's' : ''} strengthen the sentence`,
    });
  }
  if (total !== 0 && shouting) {
    cues.capsWords += 2;
    items.push({
      name: 'rule:all-caps',
      value: total * SHOUTING,
      description: 'sentence written in capitals',
    });
  }
  return { items, startsWithBut };
}

/** Merges repeated factors ("word:great" twice) so the explanation stays short. */
function mergeByName(items: readonly Contribution[]): Contribution[] {
  const merged = new Map<string, Contribution>();
  for (const c of items) {
    const known = merged.get(c.name);
    if (known === undefined) merged.set(c.name, { ...c });
    else known.value += c.value;
  }
  return [...merged.values()].filter((c) => c.value !== 0);
}

export function scoreText(text: string): TextScore {
  const cues = emptyCues();
  const sentences = tokenizeSentences(text, isKnownWord);
  const perSentence: Contribution[][] = [];
  let wordCount = 0;
  for (const sentence of sentences) {
    wordCount += sentence.tokens.filter((t) => t.kind === 'word').length;
    const { items, startsWithBut } = scoreSentence(sentence, cues);
    if (startsWithBut && perSentence.length > 0) {
      const previous = perSentence[perSentence.length - 1]!;
      perSentence[perSentence.length - 1] = previous.map((c) => ({
        ...c,
        value: c.value * BEFORE_BUT_SENTENCE,
      }));
      perSentence.push(items.map((c) => ({ ...c, value: c.value * BUT_SENTENCE })));
    } else {
      perSentence.push(items);
    }
  }
  const contributions = mergeByName(perSentence.flat());
  let positive = 0;
  let negative = 0;
  for (const c of contributions) {
    if (c.value > 0) positive += c.value;
    else negative -= c.value;
  }
  return { contributions, total: positive - negative, positive, negative, cues, wordCount };
}
