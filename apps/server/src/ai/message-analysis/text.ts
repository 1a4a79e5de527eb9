/**
 * Small text helpers shared by the message-analysis, signals and compose engines. Everything is a
 * pure function over strings; regexes are module constants but stateless (no `g` flag reuse).
 */

/** Abbreviations whose trailing dot does not end a sentence. */
const ABBREVIATIONS =
  /\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|approx|inc|ltd|corp|no|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/i;

/** Drops quoted reply history ("> …" lines and everything after "On … wrote:"). */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (/^\s*On .{4,120} wrote:\s*$/.test(line) || /^-{2,}\s*Original Message/i.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

const GREETING =
  /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|hiya)\b[^,\n!.?]{0,40}(?:[,!.]|(?=\n)|$)[ \t]*\n?/i;
const SIGN_OFF =
  /^\s*(?:best(?: regards| wishes)?|kind regards|warm regards|regards|cheers|thanks(?: again| so much)?|thank you|many thanks|sincerely|yours(?: truly| sincerely)?|talk soon|all the best|speak soon|br)[,.!]?\s*$/i;

/** The message without its greeting ("Hi Sam,") and sign-off block ("Best,\nAda"). */
export function bodyOf(text: string): string {
  const lines = stripQuoted(text).split('\n');
  let end = lines.length;
  // A sign-off is only looked for near the end, so "Thanks" on line 1 stays content.
  for (let i = lines.length - 1; i >= Math.max(1, lines.length - 5); i--) {
    if (SIGN_OFF.test(lines[i] ?? '')) end = i;
  }
  return lines.slice(0, end).join('\n').replace(GREETING, '').trim();
}

/**
 * Splits text into sentences on terminal punctuation and line breaks. Greetings on their own line
 * ("Hi Sam,") become their own sentence, which keeps them out of topic phrases.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of stripQuoted(text).split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch !== '.' && ch !== '!' && ch !== '?') continue;
      // Swallow runs like "?!" or "...".
      let end = i;
      while (end + 1 < line.length && /[.!?]/.test(line[end + 1] ?? '')) end++;
      const next = line[end + 1];
      if (next !== undefined && next !== ' ' && next !== '"' && next !== ')') {
        i = end;
        continue;
      }
      const candidate = line.slice(start, end + 1).trim();
      if (ch === '.' && ABBREVIATIONS.test(candidate)) {
        i = end;
        continue;
      }
      if (candidate) out.push(candidate);
      start = end + 1;
      i = end;
    }
    const rest = line.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

/** Lower-cased word tokens (letters, digits, apostrophes, inner hyphens and dots like "monday.com"). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9][a-z0-9'’.-]*[a-z0-9]|[a-z0-9]/g) ?? [];
}

/** Normalises curly apostrophes so patterns only need to handle "'". */
export function normalize(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

const NEGATORS = new Set([
  'no',
  'not',
  'never',
  'without',
  'nothing',
  'none',
  'neither',
  'nor',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "won't",
  "can't",
  'cannot',
  "haven't",
  "hasn't",
  "hadn't",
  "shouldn't",
  "wouldn't",
  'dont',
  'doesnt',
  'isnt',
  'arent',
  'wont',
  'cant',
  'zero',
]);

/** Words and punctuation that end the scope of a negation ("no rush, but …", a new sentence). */
const SCOPE_BREAKERS = /[,;:.!?]|\b(?:but|however|although|though|yet|except)\b/i;

/**
 * True when the match starting at `index` in `sentence` sits inside a negation: a negator among
 * the few words before it in the same clause ("no budget concerns", "isn't a problem"), or a
 * resolving phrase right after it ("budget concerns were resolved").
 */
export function isNegated(sentence: string, index: number, matchLength = 0, window = 4): boolean {
  const before = normalize(sentence.slice(0, index));
  const clauseStart = lastBreak(before);
  const clause = before.slice(clauseStart);
  const prior = words(clause).slice(-window);
  if (prior.some((w) => NEGATORS.has(w)) || /\bno longer\s+\S*\s*$/i.test(clause)) return true;
  const after = normalize(sentence.slice(index + matchLength, index + matchLength + 60));
  return /^\W{0,3}(?:\w+\s+){0,3}?(?:(?:was|were|are|is|have been|has been|got|now)\s+)?(?:resolved|addressed|cleared|sorted(?: out)?|no longer an issue|behind us|off the table|ruled out|not an issue|not a concern|not a problem)\b/i.test(
    after,
  );
}

function lastBreak(text: string): number {
  let best = 0;
  const re = new RegExp(SCOPE_BREAKERS.source, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) best = m.index + m[0].length;
  return best;
}

/** First name of a full name ("Dr. Ada Lovelace" → "Ada"). */
export function firstNameOf(name: string): string {
  const parts = name
    .trim()
    .split(/\s+/)
    .filter((p) => !/^(?:mr|mrs|ms|dr|prof)\.?$/i.test(p));
  return parts[0] ?? name.trim();
}

/**
 * A topic as it reads inside a sentence: "the pricing sheet", "the Gmail sync", but "SSO" or
 * "Okta" bare (a lone name or acronym takes no article).
 */
export function theTopic(topic: string): string {
  if (!topic.includes(' ') && /^[A-Z]/.test(topic)) return topic;
  return `the ${topic}`;
}

/** Upper-cases the first character. */
export function capitalize(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** Trims trailing punctuation and spaces. */
export function trimPunctuation(text: string): string {
  return text.replace(/^[\s,;:–—-]+|[\s,;:.!?–—-]+$/g, '');
}
