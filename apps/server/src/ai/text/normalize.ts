/**
 * Text normalization shared by the local NLP engines: chat-speak, common misspellings and
 * contraction typos mapped to dictionary forms, and elongations ("sooo") squeezed, so lexicon
 * lookups see canonical words.
 */

/**
 * Chat-speak and frequent misspellings → canonical form. A value with a space expands to several
 * tokens ("kinda" → "kind of"). Keys are lower-case, apostrophes already normalized to '.
 */
export const SPELLING_FIXES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // chat-speak
    thx: 'thanks',
    thnx: 'thanks',
    thanx: 'thanks',
    tnx: 'thanks',
    tx: 'thanks',
    ty: 'thanks',
    tysm: 'thanks',
    tyvm: 'thanks',
    gr8: 'great',
    gr8t: 'great',
    grt: 'great',
    luv: 'love',
    luvs: 'loves',
    gud: 'good',
    gd: 'good',
    b4: 'before',
    u: 'you',
    ur: 'your',
    r: 'are',
    pls: 'please',
    plz: 'please',
    pleez: 'please',
    rly: 'really',
    rlly: 'really',
    realy: 'really',
    srsly: 'seriously',
    kinda: 'kind of',
    sorta: 'sort of',
    tho: 'though',
    altho: 'although',
    cuz: 'because',
    coz: 'because',
    bc: 'because',
    fav: 'favorite',
    fave: 'favorite',
    favourite: 'favorite',
    idk: "i don't know",
    dunno: "don't know",
    k: 'ok',
    kk: 'ok',
    okey: 'okay',
    nvm: 'never mind',
    imo: 'in my opinion',
    w8: 'wait',
    l8: 'late',
    l8r: 'later',
    str8: 'straight',
    // missing apostrophes
    dont: "don't",
    doesnt: "doesn't",
    didnt: "didn't",
    cant: "can't",
    wont: "won't",
    isnt: "isn't",
    wasnt: "wasn't",
    werent: "weren't",
    arent: "aren't",
    wouldnt: "wouldn't",
    couldnt: "couldn't",
    shouldnt: "shouldn't",
    havent: "haven't",
    hasnt: "hasn't",
    hadnt: "hadn't",
    aint: "ain't",
    im: "i'm",
    ive: "i've",
    youre: "you're",
    theyre: "they're",
    thats: "that's",
    // misspellings of sentiment-bearing words
    dissapointed: 'disappointed',
    disapointed: 'disappointed',
    dissappointed: 'disappointed',
    disappointd: 'disappointed',
    dissapointing: 'disappointing',
    disapointing: 'disappointing',
    dissappointing: 'disappointing',
    dissapoint: 'disappoint',
    disapoint: 'disappoint',
    dissapointment: 'disappointment',
    disapointment: 'disappointment',
    terible: 'terrible',
    terrable: 'terrible',
    horible: 'horrible',
    horrable: 'horrible',
    aweful: 'awful',
    awfull: 'awful',
    awsome: 'awesome',
    awesom: 'awesome',
    awsum: 'awesome',
    awesum: 'awesome',
    amazin: 'amazing',
    amazng: 'amazing',
    excelent: 'excellent',
    excellant: 'excellent',
    exellent: 'excellent',
    beautifull: 'beautiful',
    beatiful: 'beautiful',
    wonderfull: 'wonderful',
    helpfull: 'helpful',
    usefull: 'useful',
    succesful: 'successful',
    sucessful: 'successful',
    frustating: 'frustrating',
    frustated: 'frustrated',
    annoyd: 'annoyed',
    recieved: 'received',
    recieve: 'receive',
    definately: 'definitely',
    definatly: 'definitely',
    defintely: 'definitely',
    wierd: 'weird',
    unprofesional: 'unprofessional',
    unaceptable: 'unacceptable',
    unacceptible: 'unacceptable',
    reccomend: 'recommend',
    recomend: 'recommend',
    reccommend: 'recommend',
    recommand: 'recommend',
    greatful: 'grateful',
    apprecaite: 'appreciate',
    appriciate: 'appreciate',
    perfekt: 'perfect',
    brillant: 'brilliant',
    happpy: 'happy',
  }),
);

/** Curly quotes and the like → ASCII, so "don’t" and "don't" look the same. */
export function normalizeQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u201B\u2032`´]/g, "'").replace(/[\u201C\u201D\u201E]/g, '"');
}

const HAS_ELONGATION = /(\p{L})\1{2,}/u;
const ELONGATED = /(\p{L})\1{2,}/gu;

/**
 * Squeezes runs of 3+ identical letters to two ("gooood" → "good", "sooo" → "soo"); the caller
 * retries with a single letter when the double form is not a known word.
 */
export function squeezeElongation(word: string): { word: string; elongated: boolean } {
  // The test regex is non-global so it carries no lastIndex state between calls.
  if (!HAS_ELONGATION.test(word)) return { word, elongated: false };
  return { word: word.replace(ELONGATED, '$1$1'), elongated: true };
}

/** "soo" → "so", "loove" → "love": collapse every doubled letter to one. */
export function collapseDoubles(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}
