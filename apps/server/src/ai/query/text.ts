/**
 * Bookkeeping shared by the extractors of one parse: which character ranges of the query have
 * been read, so a later extractor (names, free-text search) does not read them again.
 */
export interface Span {
  start: number;
  end: number;
}

export class Claims {
  private readonly spans: Span[] = [];

  claim(start: number, end: number): void {
    this.spans.push({ start, end });
  }

  isFree(start: number, end: number): boolean {
    return this.spans.every((s) => end <= s.start || start >= s.end);
  }

  /** The text with every claimed range blanked out, positions preserved. */
  mask(text: string): string {
    let out = text;
    for (const s of this.spans) {
      out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
    }
    return out;
  }
}

export interface RegexHit {
  start: number;
  end: number;
  groups: (string | undefined)[];
  text: string;
}

/** Every match of `re` (which must carry the `g` flag) whose range is still free. */
export function findFree(text: string, re: RegExp, claims: Claims): RegexHit[] {
  const hits: RegexHit[] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!claims.isFree(start, end)) continue;
    hits.push({ start, end, groups: m.slice(1), text: m[0] });
  }
  return hits;
}

/** Small cardinal words people type instead of digits ("last two weeks"). */
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};

export const NUMBER_WORD = `\\d+|${Object.keys(WORD_NUMBERS).join('|')}`;

export function readCount(word: string): number {
  return WORD_NUMBERS[word] ?? Number.parseInt(word, 10);
}
