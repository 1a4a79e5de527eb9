import { ratings } from './ratings';

/**
 * Closed word classes that change how nearby sentiment words count: negators, intensifiers and
 * dampeners, contrast and conditional markers, and the verbs and nouns whose negation is itself a
 * complaint ("never arrived", "no response").
 */

/** A set from a whitespace-separated word list. */
export const wordSet = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));
const set = wordSet;

/** Flip the polarity of what follows within their scope. */
export const NEGATORS = set(`
  not no never nothing nobody none neither nor without cannot hardly barely scarcely seldom rarely
  lack lacks lacking lacked nowhere noone
`);

/** Negators whose scope runs to the end of the clause ("nothing about this has been easy"). */
export const WIDE_NEGATORS = set('never nothing nobody none noone neither nowhere without');

/** Words whose negative reading flips what follows: "lost confidence", "losing trust". */
export const LOSS_WORDS = set('lost lose loses losing');

/** Contractions ending in n't are negators too ("doesn't", "won't"). */
export function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.endsWith("n't");
}

/** Multipliers on the next sentiment word (VADER's boosters, extended). */
export const INTENSIFIERS = ratings(`
  very:1.3 really:1.3 so:1.3 extremely:1.5 super:1.4 incredibly:1.5 absolutely:1.4 totally:1.3
  completely:1.3 highly:1.4 truly:1.3 quite:1.1 most:1.2 especially:1.2 exceptionally:1.5
  remarkably:1.4 awfully:1.3 insanely:1.5 ridiculously:1.4 way:1.3 much:1.2 far:1.2 even:1.1
  such:1.2 deeply:1.4 seriously:1.3 hugely:1.4 massively:1.4 utterly:1.5 thoroughly:1.3
  genuinely:1.2 definitely:1.2 certainly:1.1 real:1.2 damn:1.3 freaking:1.4 bloody:1.3
  overwhelmingly:1.4 amazingly:1.4 terribly:1.4 horribly:1.4 painfully:1.4 constantly:1.3
  always:1.1 consistently:1.2 still:1.1 too:1.2 more:1.1 huge:1.3 massive:1.3 big:1.2 total:1.3
  complete:1.3 major:1.2 pretty:1.1 clearly:1.2 sharp:1.3 sharply:1.3
`);

/** Multipliers below 1 ("slightly", "kind of"). Two-word dampeners are listed by their head. */
export const DAMPENERS = ratings(`
  slightly:0.5 somewhat:0.7 fairly:0.8 rather:0.9 mildly:0.6 moderately:0.7 marginally:0.5
  partly:0.6 partially:0.6 almost:0.7 nearly:0.8 relatively:0.8 reasonably:0.9 kinda:0.6 sorta:0.6
  occasionally:0.7 sometimes:0.8
`);

/** "kind of", "a bit", "a little": dampen when followed by a sentiment word. */
export const TWO_WORD_DAMPENERS: ReadonlyMap<string, number> = new Map(
  Object.entries({ 'kind of': 0.6, 'sort of': 0.6, 'a bit': 0.6, 'a little': 0.6, 'a tad': 0.6 }),
);

/** The clause after these outweighs the one before ("good, but slow"). */
export const BUT_MARKERS = set('but however yet nevertheless nonetheless');

/** The clause these introduce weighs less ("although it is slow, ..."). */
export const CONCESSIVE_MARKERS = set('although though despite whereas albeit');

/** Hypothetical clauses carry little polarity ("if you run into any issues"). */
export const CONDITIONAL_MARKERS = set('if unless whether');

/** Linking verbs after which predicate-only adjectives count ("the soup was cold"). */
export const COPULAS = set(`
  is was were are be been being am seems seemed seem looks looked look feels felt feel got gets get
  came arrived turned tasted tastes smelled smells ran runs stayed remained went goes gone too way very
  so really quite pretty extremely super bit little rather incredibly completely totally and but
  yet or literally just always still kind
`);

/**
 * Verbs and nouns that name something expected to happen or be there. Negated, they are a
 * complaint even though they carry no sentiment themselves: "never arrived", "didn't fit",
 * "no response", "can't log in".
 */
export const EXPECTED_VERBS = set(`
  work works worked working fit fits fitted last lasts lasted charge charges charged charging arrive
  arrives arrived arriving come came show showed shown respond responds responded reply replies
  replied answer answers answered call called return returned returns hold holds held turn turns
  connect connects connected load loads loaded open opens opened close closes closed stay stays
  stayed stick sticks function functions functioned deliver delivers delivered solve solved fix
  fixed fixes help helps helped helping care cares cared bother bothered honor honored refund
  refunded buy order purchase match matches matched meet meets met get got gotten receive received
  hear heard apologize apologized apologise justify log login access install installed sync synced
  print afford renew resolve logged resolved address addressed follow followed keep kept mention mentioned tell told notify notified inform informed reach reached contact contacted last
  send sent ship shipped update updated explain explained compensate honour recommend trust
  bring brought sleep slept pair paired boot boots booted power powers returning
`);

/** After "no" / "without", the absence of these is a complaint ("no response", "no help"). */
export const EXPECTED_NOUNS = set(`
  response responses reply replies answer answers help support callback follow-up followup update
  updates progress improvement improvements luck value signal power sound reception instructions
  warranty explanation apology refund communication contact feedback acknowledgement resolution
  flavor flavour taste seasoning plot chemistry effort service budget sense way word water heat
  wifi internet towels
`);

/** Comparatives that, in "X than expected", are usually a complaint ("smaller than expected"). */
export const NEUTRAL_COMPARATIVES = set(`
  smaller bigger larger thinner thicker heavier longer shorter louder harder softer darker weaker
  flimsier cheaper narrower wider slower higher pricier costlier
`);

/** "better", "happier": after "could not be" they are praise ("couldn't be happier"). */
export const POSITIVE_COMPARATIVES = set(`
  better happier easier smoother nicer faster more pleased
`);

/** Markers of excess after "too": "too small", "too long" complain without a sentiment word. */
export const TOO_EXCEPTIONS = set('good great cute funny beautiful kind nice');

/** A sentence-initial positive interjection followed by a complaint reads as sarcasm. */
export const SARCASM_OPENERS = set(`
  great wonderful perfect fantastic awesome lovely brilliant nice terrific super fabulous
  excellent amazing
`);

/** Words that attribute praise to a rival: their good news is a risk for us. */
export const RIVALS = set('competitor competitors competition rival rivals');

/** Decrease verbs: "churn dropped", "fewer bugs" flip the polarity of the thing decreasing. */
export const DECREASE_WORDS = set(`
  dropped drop drops decreased decrease decreases fell reduced reduce reduces reducing lower lowered
  declined shrank cut cuts halved fewer less eliminated eliminate
`);

/** Subject pronouns and auxiliaries before which "like" is the verb ("I like", "didn't like"). */
export const LIKE_SUBJECTS = set(`
  i we they you he she really also definitely totally still do did does don't didn't doesn't just
  genuinely actually truly absolutely both kids wife husband everyone everybody people customers
`);

/** Verbs after which "well" is an adverb of quality ("works well", "made well"). */
export const WELL_VERBS = set(`
  works worked work working made built done did does do performs performed performs fits fitted
  holds held written acted packaged organized run runs ran cooked seasoned designed priced cleans
  cleaned went goes played handled treated trained behaved engineered thought sounds sound very
  really so pretty quite extremely equally
`);
