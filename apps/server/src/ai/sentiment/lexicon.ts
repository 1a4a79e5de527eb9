import { BASE_EMOJI, BASE_EMOTICONS, BASE_WORDS } from './lexicon-base';
import { DOMAIN_WORDS, PREDICATE_ONLY } from './lexicon-domain';
import { DAMPENERS, INTENSIFIERS, isNegator } from './modifiers';
import { mergeRatings, ratings } from './ratings';

/**
 * Word, emoji and emoticon ratings on one scale (−4…4): our domain ratings first, then the
 * published lexicons, then a light suffix-stripping fallback so inflections of a rated word
 * ("disappointments", "frustratingly") are not missed.
 */

/** Emoji the emotion list lacks or under-rates for business chat. */
const EXTRA_EMOJI = ratings(`
  👍:2.0 👎:-2.0 🙌:2.5 🎉:2.5 🥳:2.5 🔥:1.5 🚀:2.0 ✅:1.0 ❌:-1.0 💯:2.5 🤝:1.5 🙏:1.5 ❤:3.0 💪:1.8 ⭐:1.5
  🌟:2.0 😡:-3.2 🤬:-3.5 😤:-2.0 🙄:-1.6 😒:-1.8 😞:-2.0 😔:-1.6 😕:-1.4 😩:-2.0 😫:-2.0 🤦:-2.0 😬:-1.2 😀:2.0
  🙂:1.2 😊:2.0 😉:1.0 😂:1.5 🤣:1.5 😅:0.5 😭:-2.0 🤔:-0.3 😍:3.0 🥰:3.0 👏:2.0
`);

/** Emoticons beyond VADER's list (or rated differently). */
const EXTRA_EMOTICONS = ratings(`
  :):2.0 :-):2.0 :(:-2.0 :-(:-2.0 :d:2.3 xd:2.0 <3:2.5 </3:-2.5 :/:-1.2 :-/:-1.2 ^^:1.5 ^_^:1.8
  -_-:-1.2 t_t:-1.8 :'(:-2.2 (::1.8 )::-1.8 :p:1.0 ;):1.2 :|:-0.5
`);

const EMOJI = mergeRatings(BASE_EMOJI, EXTRA_EMOJI);
const EMOTICONS = mergeRatings(BASE_EMOTICONS, EXTRA_EMOTICONS);

function exact(word: string): number | undefined {
  return DOMAIN_WORDS.get(word) ?? BASE_WORDS.get(word);
}

// Suffixes tried in order when a word is unknown: [suffix, replacement].
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['ingly', 'ing'],
  ['edly', 'ed'],
  ['fully', 'ful'],
  ['ily', 'y'],
  ['ly', ''],
  ['nesses', ''],
  ['ness', ''],
  ['ments', 'ment'],
  ['ies', 'y'],
  ['es', ''],
  ['s', ''],
  ['ied', 'y'],
  ['ed', ''],
  ['ed', 'e'],
  ['ing', ''],
  ['ing', 'e'],
];

/** Rating of a word (after spelling normalization), or undefined when it carries none. */
export function wordValence(word: string): number | undefined {
  const direct = exact(word);
  if (direct !== undefined) return direct;
  if (word.length < 5) return undefined;
  for (const [suffix, replacement] of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length) + replacement;
    if (stem.length < 3) continue;
    const value = exact(stem);
    // Only inherit a clear rating: stems of routine words ("helps" → "help") stay unrated.
    if (value !== undefined && Math.abs(value) >= 0.5) return value;
  }
  return undefined;
}

/** Rating of an adjective that only counts predicatively ("was cold"). */
export function predicateValence(word: string): number | undefined {
  return PREDICATE_ONLY.get(word);
}

// Variation selector and skin-tone modifiers, as alternatives (a character class would glue them
// to the previous code point).
const EMOJI_MODIFIERS = /\uFE0F|\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}/gu;

/** Rating of an emoji, ignoring skin tone; a ZWJ sequence falls back to its first emoji. */
export function emojiValence(emoji: string): number | undefined {
  const bare = emoji.replace(EMOJI_MODIFIERS, '');
  return EMOJI.get(bare) ?? EMOJI.get(emoji) ?? EMOJI.get([...bare][0] ?? '');
}

export function emoticonValence(emoticon: string): number | undefined {
  return EMOTICONS.get(emoticon.toLowerCase());
}

/** Whether the tokenizer should keep a squeezed elongation as a word ("good", not "god"). */
export function isKnownWord(word: string): boolean {
  return (
    exact(word) !== undefined ||
    PREDICATE_ONLY.has(word) ||
    INTENSIFIERS.has(word) ||
    DAMPENERS.has(word) ||
    isNegator(word)
  );
}
