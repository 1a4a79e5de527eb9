/**
 * Small string helpers for name matching: typed names are short, so an edit distance with a
 * length-dependent tolerance is enough (no index, no phonetics).
 */

/** Lower case, accents removed, punctuation turned into spaces, possessive "'s" dropped. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("Mraia"). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Typos tolerated for a target of this length: none for short words, where one edit is a new word. */
export function tolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/** 1 for an exact match, 0.8 for a tolerated typo, 0 otherwise. */
export function similarity(typed: string, target: string): number {
  if (typed === target) return 1;
  // The first letter is rarely mistyped; requiring it avoids "Mario" matching "Dario".
  if (typed[0] !== target[0]) return 0;
  return editDistance(typed, target) <= tolerance(target.length) ? 0.8 : 0;
}
