import type { Token } from '../text/tokenize';
import { ratings } from './ratings';
import { predicateValence, wordValence } from './lexicon';
import {
  COPULAS,
  INTENSIFIERS,
  LIKE_SUBJECTS,
  NEUTRAL_COMPARATIVES,
  TOO_EXCEPTIONS,
  WELL_VERBS,
  isNegator,
} from './modifiers';

/**
 * Pattern rules that need a little arithmetic or context, beyond fixed phrases: durations
 * ("took three weeks", "setup took five minutes"), "X than expected", "keeps crashing",
 * "stopped syncing", "too small", and the context-dependent words "like", "well" and
 * predicative adjectives.
 */

export interface RuleHit {
  name: string;
  value: number;
  /** Index after the last token the rule consumed. */
  end: number;
  description: string;
}

const word = (t: Token | undefined) => (t !== undefined && t.kind === 'word' ? t.norm : undefined);

const NUMBER_VALUES = ratings(`
  a:1 an:1 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 eleven:11
  twelve:12 fifteen:15 twenty:20 thirty:30 forty:40 fifty:50 sixty:60 ninety:90 couple:2 few:3
  several:3 half:0.5
`);

function numberAt(t: Token | undefined): number | undefined {
  if (t === undefined) return undefined;
  if (t.kind === 'number') {
    const n = Number.parseFloat(t.norm);
    return Number.isFinite(n) ? n : undefined;
  }
  return t.kind === 'word' ? NUMBER_VALUES.get(t.norm) : undefined;
}

const TOOK = new Set(['took', 'takes', 'take', 'taking']);
const WAITED = new Set(['waited', 'waiting', 'wait']);
const HEDGES = new Set(['about', 'around', 'approximately', 'roughly', 'maybe', 'probably']);
const OVER = new Set(['over', 'almost', 'nearly', 'more', 'than', 'at', 'least', 'another']);
const SHORT_UNITS = new Set(['second', 'seconds', 'minute', 'minutes', 'min', 'mins']);
const SLOW_VERBS = new Set(
  'load open respond start boot sync export connect refresh save print run finish download upload render'.split(
    ' ',
  ),
);
const LONG_UNITS = new Set(['hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months']);

/**
 * "took three weeks" / "waited 45 minutes" are complaints; "setup took five minutes" is praise;
 * "took about a week" is a hedged estimate and stays neutral.
 */
export function durationRule(tokens: readonly Token[], i: number): RuleHit | undefined {
  const verb = word(tokens[i]);
  if (verb === undefined || (!TOOK.has(verb) && !WAITED.has(verb))) return undefined;
  const only = word(tokens[i - 1]) === 'only' || word(tokens[i + 1]) === 'only';
  let j = i + 1;
  if (word(tokens[j]) === 'only') j++;
  if (word(tokens[j]) === 'forever' || word(tokens[j]) === 'ages') {
    return { name: 'rule:duration', value: -2.2, end: j + 1, description: `"${verb} forever"` };
  }
  if (word(tokens[j]) === 'a' && word(tokens[j + 1]) === 'while') {
    return { name: 'rule:duration', value: -1.0, end: j + 2, description: `"${verb} a while"` };
  }
  let hedged = false;
  let over = false;
  while (j < tokens.length && j < i + 5) {
    const w = word(tokens[j]);
    if (w !== undefined && HEDGES.has(w)) hedged = true;
    else if (w !== undefined && OVER.has(w)) over = true;
    else break;
    j++;
  }
  const n = numberAt(tokens[j]);
  if (n === undefined) {
    return WAITED.has(verb) && verb === 'waited'
      ? { name: 'rule:duration', value: -0.8, end: i + 1, description: '"waited"' }
      : undefined;
  }
  if (word(tokens[j + 1]) === 'of') j++;
  const unit = word(tokens[j + 1]);
  if (unit === undefined || (!SHORT_UNITS.has(unit) && !LONG_UNITS.has(unit))) return undefined;
  const end = j + 2;
  const text = `"${verb} ${tokens[j]!.norm} ${unit}"`;
  if (only) return { name: 'rule:duration', value: 1.2, end, description: `${text} (only)` };
  const short = SHORT_UNITS.has(unit) || (unit.startsWith('hour') && n < 1);
  // "takes several minutes to load" is slowness; "took five minutes to set up" is ease.
  const slow = word(tokens[end]) === 'to' && SLOW_VERBS.has(word(tokens[end + 1]) ?? '');
  let value: number;
  if (WAITED.has(verb)) value = short && n <= 10 ? -0.6 : -1.8;
  else if (short && slow) value = -1.2;
  else if (short) value = n <= 10 ? 1.0 : n >= 30 ? -1.2 : 0;
  else value = -1.2;
  if (hedged && !over) value = 0;
  if (over && value < 0) value -= 0.4;
  return { name: 'rule:duration', value, end, description: text };
}

const THAN_TARGETS = new Set(
  `expected advertised described pictured shown promised listed anticipated stated claimed it they
  i we the last before previous usual normal quoted budgeted`.split(/\s+/),
);

/** "smaller than expected", "longer than promised": a neutral comparative used as a complaint. */
export function comparisonRule(tokens: readonly Token[], i: number): RuleHit | undefined {
  const w = word(tokens[i]);
  if (w === undefined || !NEUTRAL_COMPARATIVES.has(w) || word(tokens[i + 1]) !== 'than')
    return undefined;
  const target = word(tokens[i + 2]);
  if (target === undefined || !THAN_TARGETS.has(target)) return undefined;
  return {
    name: 'rule:than-expected',
    value: -1.4,
    end: i + 3,
    description: `"${w} than ${target}" reads as unmet expectations`,
  };
}

const NOT_A_COMPLAINT = new Set(
  `getting coming improving working running growing smiling using making playing delivering going
  giving surprising impressing performing helping learning adding winning reaching wanting
  wearing recommending buying ordering thinking smiling laughing`.split(/\s+/),
);

/** "keeps crashing", "kept asking": repetition that is a complaint; "stopped syncing". */
export function repetitionRule(tokens: readonly Token[], i: number): RuleHit | undefined {
  const w = word(tokens[i]);
  const next = word(tokens[i + 1]);
  if (w === undefined || next === undefined || !next.endsWith('ing') || next.length < 5)
    return undefined;
  if (w === 'keeps' || w === 'kept' || w === 'keep') {
    if (NOT_A_COMPLAINT.has(next)) return undefined;
    const own = wordValence(next) ?? 0;
    if (own > 0) return undefined;
    const value = own < 0 ? own * 1.3 : -1.0;
    return {
      name: 'rule:keeps',
      value,
      end: i + 2,
      description: `"${w} ${next}" (repeated failure)`,
    };
  }
  if (w === 'stopped' || w === 'stops' || w === 'quit' || w === 'quits') {
    return { name: 'rule:stopped', value: -2.0, end: i + 2, description: `"${w} ${next}"` };
  }
  return undefined;
}

/**
 * "too" + word: excess is a complaint even for words without a rating ("too small"), and it
 * turns most positive words negative ("scratches too easily"). Returns the replacement value for
 * the word after "too", or undefined to let normal scoring run.
 */
export function tooValue(next: string, ownValue: number | undefined): number | undefined {
  if (TOO_EXCEPTIONS.has(next)) return undefined;
  if (ownValue !== undefined && ownValue < 0) return undefined;
  if (next === 'much' || next === 'many') return -0.8;
  if (ownValue !== undefined && ownValue > 0) return -0.8;
  return -1.2;
}

/** Words that never take a "too" complaint (function words, pronouns). */
const TOO_SKIP = new Set('me you us them it this that and or but to the a an as well'.split(' '));

export function tooTarget(tokens: readonly Token[], i: number): number | undefined {
  let j = i + 1;
  while (word(tokens[j]) !== undefined && INTENSIFIERS.has(word(tokens[j])!)) j++;
  const next = word(tokens[j]);
  if (next === undefined || TOO_SKIP.has(next)) return undefined;
  return j;
}

/** "like" is sentiment only as a verb ("I like it", "didn't like"), not "looks like"/"would like to". */
export function likeValue(tokens: readonly Token[], i: number): number {
  const prev = word(tokens[i - 1]);
  const next = word(tokens[i + 1]);
  if (next === 'to' && prev !== 'really') return 0;
  if (prev === undefined) return 0;
  if (LIKE_SUBJECTS.has(prev) || isNegator(prev)) return 1.6;
  return 0;
}

/** "well" is praise after a verb ("works well"); a discourse marker or "as well" otherwise. */
export function wellValue(tokens: readonly Token[], i: number): number {
  const prev = word(tokens[i - 1]);
  return prev !== undefined && WELL_VERBS.has(prev) ? 1.3 : 0;
}

/** Predicative adjectives count after a linking verb ("was cold", "it's cold"), not as attributes. */
export function predicateValue(tokens: readonly Token[], i: number, w: string): number | undefined {
  const value = predicateValence(w);
  if (value === undefined) return undefined;
  // Look back over adverbs ("was literally ice cold", "is way too small") to the linking verb.
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const prev = word(tokens[j]);
    if (prev === undefined) return 0;
    if (COPULAS.has(prev) || /'(s|re|m)$/.test(prev)) return value;
    if (!prev.endsWith('ly') && !ADVERB_LIKE.has(prev)) return 0;
  }
  return 0;
}

const ADVERB_LIKE = new Set([
  'ice',
  'stone',
  'bone',
  'way',
  'far',
  'much',
  'bit',
  'a',
  'kind',
  'of',
  'even',
  'also',
  'already',
  'now',
  'always',
  'kinda',
]);

/** "10 out of 10", "2 out of 5 stars": a rating; high is praise, low a complaint. */
export function ratingRule(tokens: readonly Token[], i: number): RuleHit | undefined {
  if (word(tokens[i + 1]) !== 'out' || word(tokens[i + 2]) !== 'of') return undefined;
  const got = numberAt(tokens[i]);
  const of = numberAt(tokens[i + 3]);
  if (got === undefined || of === undefined || of < 3 || of > 100 || got > of) return undefined;
  const ratio = got / of;
  const value = ratio >= 0.8 ? 2.5 : ratio >= 0.7 ? 1.2 : ratio <= 0.4 ? -2.2 : -0.6;
  const end = word(tokens[i + 4]) === 'stars' || word(tokens[i + 4]) === 'star' ? i + 5 : i + 4;
  return { name: 'rule:rating', value, end, description: `rating ${got} out of ${of}` };
}

const REQUEST_VERBS = new Set(
  `asked called emailed requested reminded chased followed tried contacted reached messaged pinged
  complained reported begged`.split(/\s+/),
);

/** "asked for the check three times", "emailed twice": having to repeat a request. */
export function repeatedRequestRule(tokens: readonly Token[], i: number): RuleHit | undefined {
  const w = word(tokens[i]);
  const twice = w === 'twice';
  const times = numberAt(tokens[i]) !== undefined && word(tokens[i + 1]) === 'times';
  if (!twice && !times) return undefined;
  const count = twice ? 2 : numberAt(tokens[i])!;
  if (count < 2) return undefined;
  for (let j = i - 1; j >= 0 && j >= i - 7; j--) {
    const prev = word(tokens[j]);
    if (prev !== undefined && REQUEST_VERBS.has(prev)) {
      const end = twice ? i + 1 : i + 2;
      return {
        name: 'rule:repeated-request',
        value: -1.3,
        end,
        description: `"${prev} … ${count} times"`,
      };
    }
  }
  return undefined;
}
