/**
 * Key topics: noun-phrase-like chunks ranked by salience. A light chunker (runs of content words
 * between stopwords, verbs and punctuation) instead of `compromise`, which measured ~2 ms per
 * message on its own — twice the budget of the whole analysis.
 */
import { bodyOf, normalize, splitSentences } from './text';

/** Function words, pronouns, greetings, fillers and time words: never part of a topic. */
const STOPWORDS = new Set(
  `a an the and or but if then so than that this these those there here of to in on at by for from
  with without about into over under after before between through during per via as up down out off
  again further once i me my mine myself we us our ours you your yours he him his she her it its they
  them their what which who whom whose when where why how all any both each few more most other some
  such no nor not only own same too very s t just don't now also still even already ever yet maybe
  perhaps really quite rather pretty much many lot lots bit kind sort thing things stuff way
  hi hello hey dear thanks thank thx cheers regards best sincerely kind warm please pls ok okay yes
  yeah sure great good nice awesome fine happy glad sorry excited quick quickly soon asap urgent
  urgently today tomorrow tonight yesterday morning afternoon evening week weeks month months day days
  year years time times hour hours minute minutes monday tuesday wednesday thursday friday saturday
  sunday eod cob eow end beginning next last first second third new old able unable sure certain
  everyone anyone someone something anything everything nothing one two three couple few several
  else whether while because since though although however therefore meanwhile hope regarding re fyi
  btw fw fwd lol haha wow oh well hmm let's let`.split(/\s+/),
);

/** Common verbs and auxiliaries (and their forms) that end a noun phrase. */
const VERBS = new Set(
  `is are was were be been being am do does did doing done have has had having can could would should
  will shall may might must need needs needed want wants wanted like likes liked love loved get gets got
  getting go goes going went come comes coming came make makes made making take takes took taking send
  sends sent sending give gives gave giving know knows knew think thinks thought see sees saw seen look
  looks looked looking looking tell told ask asks asked asking let lets put keep kept try tries tried
  trying use uses used using work works worked working help helps helped call called calling reach
  reached reaching follow following followed check checked checking wait waiting waited hear heard
  share shared sharing schedule scheduled set move moving moved sign signed review reviewed confirm
  confirmed provide provided discuss discussed mention mentioned seem seems seemed feel felt find found
  found believe understand understood appreciate appreciated wonder wondering wondered hoping hoped
  expect expected expecting start started starting stop stopped keeps says said say talk talked
  talking speak spoke meet met attach attached attaching include included forward forwarded update
  updated receive received respond responded reply replied fix fixed resolve resolved escalate
  escalated cancel cancelled canceled loop looped jump circle circling touch touching run running ran
  happen happened happens planning planned prefer decide decided agree agreed add added change
  changed become became show shows showed shown leave left lose lost buy bought pay paid charge charged
  ship shipped deliver delivered'll 're 've 'd isn't aren't wasn't weren't can't won't didn't doesn't
  haven't hasn't couldn't wouldn't shouldn't i'm i've i'll i'd we're we've we'll we'd you're you've
  you'll it's that's there's what's let's he's she's they're they've`.split(/\s+/),
);

/** Words that are verbs after a pronoun, modal or "to" ("we support SSO") and nouns otherwise. */
const AMBIGUOUS = new Set(
  `support supports offer offers plan plans call calls update updates review reviews schedule work
  help change order orders fix charge sign start quote price email emails export import report reports
  access demo test set run reply forward need needs use check follow track manage handle include
  integrate sync cover allow require requires enable build create login log train upgrade renew`.split(
    /\s+/,
  ),
);
const VERB_CONTEXT = new Set(
  `i we you they he she it to can could would will should shall do does did don't doesn't didn't
  please must might may also just i'll we'll you'll they'll let's cannot can't won't not never`.split(
    /\s+/,
  ),
);

/** Business vocabulary that makes a phrase more salient than generic nouns. */
const DOMAIN = new Set(
  `pricing price prices quote proposal contract contracts invoice invoices billing payment renewal
  license licenses licensing seats seat plan plans tier subscription discount budget demo trial pilot
  onboarding implementation integration integrations api sso saml security compliance gdpr soc
  migration import export data dashboard report reports reporting pipeline forecast crm workflow
  automation feature features bug error outage downtime login password account access sync roadmap
  training support ticket refund cancellation order purchase procurement legal msa dpa nda sla
  deadline timeline launch rollout deployment upgrade enterprise team users permissions mobile app
  calendar email emails template templates webhook performance`.split(/\s+/),
);

const MAX_PHRASE_WORDS = 3;
const MAX_TOPICS = 5;

interface Candidate {
  display: string;
  score: number;
  first: number;
}

/** Top topics of `text`, most salient first (at most five). */
export function extractTopics(text: string): string[] {
  const found = new Map<string, Candidate>();
  let order = 0;
  const sentences = splitSentences(normalize(bodyOf(text)));
  sentences.forEach((sentence, sIndex) => {
    for (const chunk of chunkSentence(sentence)) {
      const key = chunk.map((t) => t.toLowerCase()).join(' ');
      const positionBonus = sIndex === 0 ? 0.3 : sIndex === 1 ? 0.15 : 0;
      const domainHits = chunk.filter((t) => DOMAIN.has(singular(t.toLowerCase()))).length;
      const score = 1 + 0.35 * (chunk.length - 1) + 0.8 * domainHits + positionBonus;
      const prior = found.get(key);
      if (prior) prior.score += score * 0.8;
      else found.set(key, { display: chunk.join(' '), score, first: order++ });
    }
  });
  const ranked = mergeContained([...found.values()]);
  ranked.sort((a, b) => b.score - a.score || a.first - b.first);
  return ranked.slice(0, MAX_TOPICS).map((c) => c.display);
}

/** Splits one sentence into candidate phrases (arrays of display tokens). */
function chunkSentence(sentence: string): string[][] {
  const tokens = sentence.match(
    /[A-Za-z0-9][A-Za-z0-9'.&-]*[A-Za-z0-9]|[A-Za-z0-9]|[^\sA-Za-z0-9]/g,
  );
  if (!tokens) return [];
  const chunks: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) chunks.push(current.slice(-MAX_PHRASE_WORDS));
    current = [];
  };
  tokens.forEach((raw, i) => {
    const lower = raw.toLowerCase();
    const acronym = /^[A-Z]{2,}$/.test(raw) && raw !== 'OK';
    const prev = (tokens[i - 1] ?? '').toLowerCase();
    const verbHere = AMBIGUOUS.has(lower) && (i === 0 || VERB_CONTEXT.has(prev));
    const skip = acronym
      ? false
      : !/^[a-z0-9]/i.test(raw) ||
        STOPWORDS.has(lower) ||
        VERBS.has(lower) ||
        verbHere ||
        !isContentWord(lower);
    if (skip) {
      flush();
      return;
    }
    current.push(displayForm(raw, i === 0));
  });
  flush();
  return chunks.filter((c) => c.some((t) => t.length > 2)).map(trimModifiers);
}

/** Adverbs, bare numbers and contractions carry no topic. */
function isContentWord(lower: string): boolean {
  if (/^\d+(?:[.,]\d+)?$/.test(lower)) return false;
  if (lower.endsWith('ly') && !['supply', 'apply', 'reply', 'family', 'assembly'].includes(lower))
    return false;
  if (lower.includes("'")) return false;
  return lower.length > 1;
}

/** Drops leading adjectives such as "quick" or "full" that sneak past the stop lists. */
function trimModifiers(chunk: string[]): string[] {
  const weak =
    /^(?:full|whole|entire|latest|current|updated|specific|additional|further|main|final|overall|exact|same|different|general|small|big|large|little|real|free|short|long|high|low|possible)$/i;
  let start = 0;
  while (start < chunk.length - 1 && weak.test(chunk[start] ?? '')) start++;
  return chunk.slice(start);
}

/** Keeps acronyms and mid-sentence capitals (product and company names); lower-cases the rest. */
function displayForm(raw: string, sentenceStart: boolean): string {
  if (/^[A-Z0-9]{2,}s?$/.test(raw)) return raw;
  if (!sentenceStart && /^[A-Z]/.test(raw)) return raw;
  return raw.toLowerCase();
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Folds a one-word topic into a longer phrase that contains it ("pricing" into "pricing sheet"). */
function mergeContained(cands: Candidate[]): Candidate[] {
  const multi = cands.filter((c) => c.display.includes(' '));
  const kept: Candidate[] = [];
  for (const c of cands) {
    if (c.display.includes(' ')) {
      kept.push(c);
      continue;
    }
    const lower = c.display.toLowerCase();
    const host = multi.find((m) => m.display.toLowerCase().split(' ').includes(lower));
    if (host) host.score += c.score * 0.5;
    else kept.push(c);
  }
  return kept;
}
