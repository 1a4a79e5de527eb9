import type { Token } from '../text/tokenize';
import { wordValence } from './lexicon';
import { EXPECTED_NOUNS, EXPECTED_VERBS, WIDE_NEGATORS, isNegator, wordSet } from './modifiers';
import { matchPhrase, mayStartPhrase } from './phrases';
import { SCOPE_BREAKERS, type Scanner, record, wordAt } from './scanner';

/**
 * Negators: opening a negation scope, and the complaints a negator makes on its own — absence
 * ("no response"), inability ("couldn't figure out"), "not even", "heard nothing".
 */

/** Determiners do not use up the scope: "have not had a single issue". */
const SCOPE_FILLERS = wordSet(
  'a an the any single this that my your our their its of be been at all',
);
const ABSENCE = wordSet('no without zero lack lacks lacking lacked');
const ABSENCE_FILLERS = wordSet('any a an real proper further single clear timely of hot working');
const OWN_VALUE_NEGATORS = wordSet('lack lacks lacking lacked');
/** "I don't think it was helpful": negation raised over a verb of opinion reaches the clause. */
const RAISING_VERBS = wordSet('think believe feel find expect say guess suppose');
const AFTER_NOTHING = new Set([
  ...EXPECTED_VERBS,
  'did',
  'does',
  'do',
  'done',
  'said',
  'offered',
  'gave',
]);
const INABILITY = wordSet("can't cannot couldn't won't not");
const INABILITY_SKIP = wordSet('even really quite seem seems to be able ever always');

/** Index after the scope of a negator at `i`: three content words, or the clause when wide. */
function scopeEnd(tokens: readonly Token[], i: number, wide: boolean): number {
  let words = 0;
  let j = i + 1;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (t.kind === 'punct' || (t.kind === 'word' && SCOPE_BREAKERS.has(t.norm))) break;
    if (t.kind === 'word' && !SCOPE_FILLERS.has(t.norm)) words++;
    j++;
    if (words >= (wide ? 8 : 3)) break;
  }
  return j;
}

/**
 * "couldn't figure out", "can't access", "won't be able to": inability is a complaint even when
 * the verb carries no sentiment. Rated verbs and expected verbs are scored on their own instead.
 */
function inability(sc: Scanner, i: number, w: string): void {
  const { tokens } = sc;
  if (!INABILITY.has(w)) return;
  const before = wordAt(tokens, i - 1);
  if (w === 'not' && before !== 'could' && before !== 'can') return;
  if (w === "won't" && !(wordAt(tokens, i + 1) === 'be' && wordAt(tokens, i + 2) === 'able'))
    return;
  let j = i + 1;
  while (INABILITY_SKIP.has(wordAt(tokens, j) ?? '') && j < i + 5) j++;
  const verb = wordAt(tokens, j);
  if (verb === undefined || EXPECTED_VERBS.has(verb) || (wordValence(verb) ?? 0) !== 0) return;
  if (mayStartPhrase(verb) && matchPhrase(tokens, j) !== undefined) return;
  record(sc, i, 'rule:inability', `inability "${w} ${verb}"`, -1.0, false);
}

/**
 * Handles a negator (or "far from", "nothing" after a verb, "not even") at `i`; returns the index
 * to continue from, or undefined when the word is not a negator.
 */
export function scanNegator(sc: Scanner, i: number, w: string): number | undefined {
  const { tokens } = sc;
  const prev = wordAt(tokens, i - 1);
  if (w === 'nothing' && AFTER_NOTHING.has(prev ?? '')) {
    record(sc, i, 'rule:nothing', `"${prev} nothing": nothing was done`, -1.5, false);
    return i + 1;
  }
  if (w === 'even' && isNegator(prev ?? '')) {
    record(sc, i, 'rule:not-even', `"${prev} even"`, -0.8, false);
    return i + 1;
  }
  // "far from the best": a negator in disguise.
  if (!isNegator(w) && !(w === 'from' && prev === 'far')) return undefined;
  if (ABSENCE.has(w)) {
    let j = i + 1;
    while (ABSENCE_FILLERS.has(wordAt(tokens, j) ?? '')) j++;
    const noun = wordAt(tokens, j);
    if (noun !== undefined && EXPECTED_NOUNS.has(noun)) {
      record(sc, i, `rule:no-${noun}`, `absence "${w} ${noun}"`, -1.5, false);
      return j + 1;
    }
  }
  if (OWN_VALUE_NEGATORS.has(w))
    record(sc, i, `word:${w}`, `word "${w}"`, wordValence(w) ?? -1, false);
  inability(sc, i, w);
  const raised = RAISING_VERBS.has(wordAt(tokens, i + 1) ?? '');
  sc.negUntil = scopeEnd(tokens, i, WIDE_NEGATORS.has(w) || raised);
  // Keep the modal for "could not be better": it decides whether a comparative stays praise.
  sc.negBy = w === 'not' && (prev === 'could' || prev === 'can') ? `${prev} not` : w;
  return i + 1;
}
