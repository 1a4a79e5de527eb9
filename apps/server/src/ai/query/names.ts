import { normalize, similarity } from './fuzzy';
import { VOCABULARY } from './keywords';
import type { Claims } from './text';

/** Contact and company names from the caller's lists, tolerant to case and small typos. */

export interface KnownContact {
  id: string;
  name: string;
  company: string;
}

export interface NamesFound {
  contact?: { id: string; name: string; text: string; start: number };
  /** A first name shared by several contacts: searched for as typed, not resolved to an id. */
  ambiguous?: { text: string; start: number };
  company?: { name: string; text: string; start: number };
}

interface Tok {
  norm: string;
  start: number;
  end: number;
}

/** Legal-form words that people leave out when they name a company ("Acme" for "Acme Corp."). */
const COMPANY_SUFFIXES = new Set(
  'inc incorporated corp corporation co company ltd limited llc llp plc gmbh ag sa sas bv nv group holdings'.split(
    ' ',
  ),
);

function tokens(query: string, claims: Claims): Tok[] {
  const out: Tok[] = [];
  for (const m of query.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    const norm = normalize(m[0]).replace(/ /g, '');
    if (!norm || VOCABULARY.has(norm) || !claims.isFree(start, end)) continue;
    out.push({ norm, start, end });
  }
  return out;
}

/** Mean similarity of consecutive tokens against the target words, 0 when one misses. */
function windowScore(toks: Tok[], at: number, target: string[]): number {
  let total = 0;
  for (let k = 0; k < target.length; k++) {
    const tok = toks[at + k];
    const word = target[k];
    if (!tok || word === undefined) return 0;
    // Consecutive means adjacent in the text, with only spaces or punctuation between.
    const prev = toks[at + k - 1];
    if (k > 0 && prev && tok.start - prev.end > 2) return 0;
    const sim = similarity(tok.norm, word);
    if (sim === 0) return 0;
    total += sim;
  }
  return total / target.length;
}

interface Best<T> {
  item: T;
  score: number;
  at: number;
  length: number;
  ties: T[];
}

function bestWindow<T>(
  toks: Tok[],
  items: T[],
  targetsOf: (item: T) => string[][],
): Best<T> | undefined {
  let best: Best<T> | undefined;
  for (const item of items) {
    for (const target of targetsOf(item)) {
      for (let at = 0; at < toks.length; at++) {
        // Longer exact names beat shorter ones; a typo costs a little.
        const score = windowScore(toks, at, target) * (1 + 0.1 * target.length);
        if (score === 0) continue;
        if (!best || score > best.score + 1e-9)
          best = { item, score, at, length: target.length, ties: [item] };
        else if (Math.abs(score - best.score) < 1e-9 && !best.ties.includes(item))
          best.ties.push(item);
      }
    }
  }
  return best;
}

const words = (name: string) => normalize(name).split(' ').filter(Boolean);

function claimWindow(
  query: string,
  toks: Tok[],
  b: { at: number; length: number },
  claims: Claims,
) {
  const first = toks[b.at];
  const last = toks[b.at + b.length - 1];
  if (!first || !last) return { text: '', start: 0 };
  claims.claim(first.start, last.end);
  toks.splice(b.at, b.length);
  return { text: query.slice(first.start, last.end), start: first.start };
}

export function matchNames(
  query: string,
  claims: Claims,
  contacts: KnownContact[],
  companies: string[],
): NamesFound {
  const found: NamesFound = {};
  const toks = tokens(query, claims);
  const full = bestWindow(toks, contacts, (c) => [words(c.name)].filter((w) => w.length >= 2));
  if (full && full.ties.length === 1) {
    const span = claimWindow(query, toks, full, claims);
    found.contact = { id: full.item.id, name: full.item.name, ...span };
  }
  const companyNames = [
    ...new Set([...companies, ...contacts.map((c) => c.company)].filter(Boolean)),
  ];
  const company = bestWindow(toks, companyNames, (name) => {
    const all = words(name);
    const core = all.filter((w) => !COMPANY_SUFFIXES.has(w));
    const targets = core.length > 0 && core.length < all.length ? [all, core] : [all];
    // "Wayne" for "Wayne Enterprises": a distinctive first word names the company on its own.
    const first = core[0];
    if (core.length >= 2 && first && first.length >= 4) targets.push([first]);
    return targets;
  });
  if (company) found.company = { name: company.item, ...claimWindow(query, toks, company, claims) };
  if (!found.contact) {
    const part = bestWindow(toks, contacts, (c) => words(c.name).map((w) => [w]));
    if (part && part.ties.length === 1) {
      found.contact = {
        id: part.item.id,
        name: part.item.name,
        ...claimWindow(query, toks, part, claims),
      };
    } else if (part) {
      found.ambiguous = claimWindow(query, toks, part, claims);
    }
  }
  return found;
}
