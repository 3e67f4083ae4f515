import { LANGUAGES } from '../domain.js';
import { PSEUDONYM } from '../privacy/pseudonymize.js';
import { summaryPrompts } from './labels.js';

/**
 * The firm's headcount as a manager states it when presenting the firm: "35 salariés", "on est 9",
 * "nous sommes une quinzaine", "une petite équipe de six", "there are six of us", "about 40 staff".
 * A number is taken only where it counts the firm's own people: not years, clients or shops, not the
 * staff of other firms ("des PME de 10 à 250 salariés"), nor people hired or trained.
 *
 * When no such count is said, people counted by their jobs are added up: "on est trois coiffeuses et moi"
 * (4), "j'ai deux commerciaux, un apprenti et une secrétaire" (4), "two engineers, a designer and me" (4).
 * The nouns for the firm's people and jobs are data: `staff` in prompts/summary.<lang>.json.
 */
export interface Headcount {
  count: number;
  /** Said as a round figure: "une quinzaine", "environ 40", "about 40", "a dozen". */
  approximate: boolean;
}

/** A comma or colon said before a space, kept among the words (see `sentences`). */
const COMMA = ',';
const COLON = ':';

const FR_UNITS = [
  '',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix sept',
  'dix huit',
  'dix neuf',
];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];
const EN_UNITS = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** French spellings of 1 to 99, hyphens read as spaces ("vingt et un", "quatre vingt dix"). */
function frenchBelowHundred(n: number): string[] {
  if (n < 20) return [FR_UNITS[n] ?? ''];
  if (n < 70 || (n >= 80 && n < 100)) {
    const tens = n < 70 ? (FR_TENS[Math.floor(n / 10)] ?? '') : 'quatre vingt';
    const unit = n < 70 ? n % 10 : n - 80;
    if (unit === 0) return n === 80 ? ['quatre vingts', 'quatre vingt'] : [tens];
    return unit === 1 && n < 70 ? [`${tens} et un`, `${tens} un`] : [`${tens} ${FR_UNITS[unit]}`];
  }
  return n === 71 ? ['soixante et onze', 'soixante onze'] : [`soixante ${FR_UNITS[n - 60]}`];
}

function englishBelowHundred(n: number): string {
  if (n < 20) return EN_UNITS[n] ?? '';
  const unit = n % 10;
  return `${EN_TENS[Math.floor(n / 10)]}${unit === 0 ? '' : ` ${EN_UNITS[unit]}`}`;
}

/**
 * Numbers from 2 to 999 in words, French and English, keyed by their words joined by single spaces. One
 * alone ("une", "a", "one") is left out: it is far more often an article than a headcount.
 */
const NUMBER_WORDS: ReadonlyMap<string, number> = (() => {
  const words = new Map<string, number>();
  for (let n = 2; n < 1000; n++) {
    const hundreds = Math.floor(n / 100);
    const rest = n % 100;
    const frenchRests = rest === 0 ? [''] : frenchBelowHundred(rest).map((r) => ` ${r}`);
    const frenchHundreds =
      hundreds === 0
        ? ['']
        : hundreds === 1
          ? ['cent']
          : [`${FR_UNITS[hundreds]} cent`, `${FR_UNITS[hundreds]} cents`];
    for (const h of frenchHundreds) for (const r of frenchRests) words.set(`${h}${r}`.trim(), n);
    const englishRest = rest === 0 ? '' : englishBelowHundred(rest);
    if (hundreds === 0) words.set(englishRest, n);
    else {
      const heads = hundreds === 1 ? ['hundred', 'one hundred'] : [`${EN_UNITS[hundreds]} hundred`];
      for (const head of heads) {
        words.set(rest === 0 ? head : `${head} ${englishRest}`, n);
        if (rest !== 0) words.set(`${head} and ${englishRest}`, n);
      }
    }
  }
  return words;
})();
const LONGEST_NUMBER_WORDS = Math.max(...[...NUMBER_WORDS.keys()].map((key) => key.split(' ').length));

/** Nouns of round figures: "une quinzaine", "a dozen". */
const ROUND_FIGURES: ReadonlyMap<string, number> = new Map([
  ['dizaine', 10],
  ['douzaine', 12],
  ['quinzaine', 15],
  ['vingtaine', 20],
  ['trentaine', 30],
  ['quarantaine', 40],
  ['cinquantaine', 50],
  ['soixantaine', 60],
  ['centaine', 100],
  ['dozen', 12],
]);
/** Words between the article and a round figure: "une bonne quinzaine", "une petite vingtaine". */
const ROUND_FIGURE_ADJECTIVES = new Set(['bonne', 'petite', 'grosse', 'good']);

/** Words that may stand between the number and the people: "une vingtaine de personnes", "40 full-time staff". */
const BEFORE_PEOPLE = new Set([
  'de',
  'd',
  'of',
  'full',
  'part',
  'time',
  'permanent',
  'permanents',
  'odd',
  'ish',
]);

/** Words saying the number is not exact, said before it ("environ 40", "about 40", "plus de 50"). */
const ROUGHLY_BEFORE: readonly string[][] = [
  ['environ'],
  ['a', 'peu', 'pres'],
  ['pres', 'de'],
  ['pres', 'd'],
  ['presque'],
  ['quasiment'],
  ['autour', 'de'],
  ['plus', 'de'],
  ['moins', 'de'],
  ['pas', 'loin', 'de'],
  ['about'],
  ['around'],
  ['roughly'],
  ['approximately'],
  ['nearly'],
  ['almost'],
  ['some'],
  ['over'],
  ['under'],
  ['more', 'than'],
  ['less', 'than'],
  ['fewer', 'than'],
  ['close', 'to'],
  ['up', 'to'],
];
/** Said right after the number ("40-odd staff", "40ish") or after the people ("12 salariés à peu près"). */
const ROUGHLY_AFTER_NUMBER = new Set(['odd', 'ish', 'environ']);
const ROUGHLY_AFTER: readonly string[][] = [
  ['environ'],
  ['a', 'peu', 'pres'],
  ['plus', 'ou', 'moins'],
  ['grosso', 'modo'],
  ['or', 'so'],
  ['more', 'or', 'less'],
  ['give', 'or', 'take'],
];
/**
 * Words just before the number that make it the count of the firm's people even with no noun after it:
 * "on est 9", "nous sommes une quinzaine", "there are six of us", "notre effectif est de 35".
 */
const COUNTING_US: readonly string[][] = [
  ['on', 'est'],
  ['on', 'n', 'est', 'que'],
  ['nous', 'sommes'],
  ['nous', 'ne', 'sommes', 'que'],
  ['we', 'are'],
  ['we', 're'],
  ['there', 'are'],
  ['there', 're'],
  ['there', 's'],
  ['on', 'emploie'],
  ['nous', 'employons'],
  ['we', 'employ'],
  ['effectif'],
  ['effectif', 'de'],
  ['effectif', 'd'],
  ['effectif', 'est', 'de'],
  ['effectif', 'est', 'd'],
  ['effectif', COLON],
  ['headcount'],
  ['headcount', COLON],
  ['headcount', 'of'],
  ['headcount', 'is'],
];
const NOW: readonly string[][] = [
  ['maintenant'],
  ['aujourd', 'hui'],
  ['actuellement'],
  ['desormais'],
  ['now'],
  ['currently'],
  ['today'],
];
/** "on est une petite équipe de six", "we're a team of twelve": a subject, a team, then the number. */
const TEAM_SUBJECTS: readonly string[][] = [
  ['on', 'est'],
  ['on', 'forme'],
  ['nous', 'sommes'],
  ['nous', 'formons'],
  ['c', 'est'],
  ['we', 'are'],
  ['we', 're'],
  ['it', 's'],
];
const TEAM_ADJECTIVES = new Set([
  'petite',
  'jeune',
  'bonne',
  'small',
  'little',
  'young',
  'tight',
  'close',
  'knit',
]);
const TEAMS = [
  ['une', 'equipe', 'de'],
  ['une', 'equipe', 'd'],
  ['a', 'team', 'of'],
] as const;
/**
 * Words that may follow a number counting "us" with no noun: "on est 9 à l'atelier", "we're 12 in Leeds".
 * Any other word ("on est 3 magasins") says the number counts something else.
 */
const AFTER_COUNTING_US = new Set([
  COLON,
  'a',
  'au',
  'aux',
  'dans',
  'en',
  'sur',
  'ici',
  'aujourd',
  'maintenant',
  'actuellement',
  'depuis',
  // "on est une douzaine l'hiver": a season's count.
  'l',
  'avec',
  'et',
  'dont',
  'plus',
  'y',
  'pour',
  'in',
  'at',
  'here',
  'now',
  'today',
  'currently',
  'including',
  'incl',
  'inc',
  'with',
  'and',
  'altogether',
  'on',
]);

/** Plural firms before "de"/"of" + number: the number is their staff ("des PME de 50 salariés"), not ours. */
const OTHER_FIRMS_FR = new Set([
  'pme',
  'tpe',
  'eti',
  'entreprises',
  'societes',
  'structures',
  'boites',
  'firmes',
  'clients',
  'commerces',
  'adherents',
]);
const PLURAL_DETERMINERS_FR = new Set([
  'des',
  'les',
  'nos',
  'vos',
  'ces',
  'leurs',
  'aux',
  'plusieurs',
  'certaines',
]);
const OTHER_FIRMS_EN = new Set([
  'firms',
  'companies',
  'businesses',
  'smes',
  'clients',
  'customers',
  'members',
  'organisations',
  'organizations',
]);
/** Another party's people ("les 30 salariés de notre client", "40 staff at our main customer"). */
const OF_ANOTHER_PARTY = new Set(['de', 'du', 'des', 'chez', 'of', 'at', 'from']);
const OTHER_PARTIES = new Set([
  'client',
  'clients',
  'fournisseur',
  'fournisseurs',
  'partenaire',
  'partenaires',
  'customer',
  'customers',
  'supplier',
  'suppliers',
  'partner',
  'partners',
]);
/** People counted as hired, recruited or laid off: a change, not the headcount ("on a embauché 3 personnes"). */
const HIRING = ['embauch', 'recrut', 'licenci', 'hire', 'hiring', 'recruit'];
/** A rate after the people ("200 people a year", "10 personnes par jour"): people served, not staff. */
const RATE_WORDS = new Set(['par', 'per', 'a', 'an', 'each', 'every', 'chaque']);
const PERIODS = new Set(['jour', 'semaine', 'mois', 'an', 'annee', 'day', 'week', 'month', 'year']);

interface Count {
  value: number;
  approximate: boolean;
  /** Token span of the number and its round-figure article, end exclusive. */
  start: number;
  end: number;
}

/** A noun as tokens ("chef d'équipe": chef, d, equipe), and whether it names one person, several, or either. */
interface Noun {
  words: readonly string[];
  singular: boolean;
  plural: boolean;
}
/** Nouns by their first word, longest first, so "chef d'équipe" is tried before "chef". */
type Nouns = ReadonlyMap<string, readonly Noun[]>;

let staffCache: { people: Nouns; jobs: Nouns } | null = null;

/**
 * The nouns of both languages (prompts/summary.<lang>.json, validated as the rest of the file is): an
 * answer is read whatever the interview's language, as every word list here is.
 */
function staffNouns(): { people: Nouns; jobs: Nouns } {
  if (staffCache) return staffCache;
  const index = (pick: 'people' | 'jobs'): Nouns => {
    const byWords = new Map<string, Noun>();
    const add = (spelling: string, number: 'singular' | 'plural') => {
      const words = plain(spelling).match(/\p{L}+/gu) ?? [];
      const key = words.join(' ');
      byWords.set(key, {
        ...(byWords.get(key) ?? { words, singular: false, plural: false }),
        [number]: true,
      });
    };
    for (const lang of LANGUAGES) {
      const { singular, plural } = summaryPrompts(lang).staff[pick];
      for (const spelling of singular) add(spelling, 'singular');
      for (const spelling of plural) add(spelling, 'plural');
    }
    const nouns = new Map<string, Noun[]>();
    for (const noun of byWords.values()) {
      const first = noun.words[0] ?? '';
      nouns.set(first, [...(nouns.get(first) ?? []), noun]);
    }
    for (const list of nouns.values()) list.sort((a, b) => b.words.length - a.words.length);
    return nouns;
  };
  staffCache = { people: index('people'), jobs: index('jobs') };
  return staffCache;
}

/** The noun starting at token `at`, with where it ends; null if none does. */
function nounAt(tokens: readonly string[], at: number, nouns: Nouns): (Noun & { end: number }) | null {
  const noun = nouns.get(tokens[at] ?? '')?.find((candidate) => startsWith(tokens, at, candidate.words));
  return noun ? { ...noun, end: at + noun.words.length } : null;
}

/** Lower case, without accents. */
const plain = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Sentences cut into word and number tokens. A comma or colon before a space stays as a token: a clause
 * ends at a comma, and a list of staff ("deux commerciaux, un apprenti et moi") runs across commas.
 */
function sentences(text: string): string[][] {
  return plain(text)
    .split(/[.;!?…()[\]\n]+|\s[-–—]\s/u)
    .map((sentence) =>
      [...sentence.matchAll(/\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+|\p{L}+|[,:](?=\s|$)/gu)].map((m) =>
        m[0].replace(/\s/gu, ''),
      ),
    );
}

function clausesOf(sentence: readonly string[]): string[][] {
  const clauses: string[][] = [[]];
  for (const token of sentence) {
    if (token === COMMA) clauses.push([]);
    else clauses.at(-1)?.push(token);
  }
  return clauses;
}

function endsWith(tokens: readonly string[], end: number, phrase: readonly string[]): boolean {
  return end >= phrase.length && phrase.every((word, k) => tokens[end - phrase.length + k] === word);
}

function startsWith(tokens: readonly string[], start: number, phrase: readonly string[]): boolean {
  return phrase.every((word, k) => tokens[start + k] === word);
}

const isNumber = (token: string | undefined): boolean =>
  token !== undefined && (/^\d+$/.test(token) || NUMBER_WORDS.has(token));

/**
 * A longer run of digits counts no firm's people (a reference, an amount, keys held down), and the longest
 * are no safe integer, which the summary's schema refuses.
 */
const MAX_HEADCOUNT_DIGITS = 6;

/** The number starting at token `start`, in digits, in words or as a round figure; null if none starts there. */
function countAt(tokens: readonly string[], start: number): Count | null {
  const token = tokens[start] ?? '';
  if (/^\d+$/.test(token)) {
    if (token.length > MAX_HEADCOUNT_DIGITS) return null;
    return { value: Number.parseInt(token, 10), approximate: false, start, end: start + 1 };
  }
  for (let length = Math.min(LONGEST_NUMBER_WORDS, tokens.length - start); length > 0; length--) {
    const value = NUMBER_WORDS.get(tokens.slice(start, start + length).join(' '));
    if (value !== undefined) return { value, approximate: false, start, end: start + length };
  }
  if (token === 'une' || token === 'a') {
    const adjective = ROUND_FIGURE_ADJECTIVES.has(tokens[start + 1] ?? '') ? 1 : 0;
    const value = ROUND_FIGURES.get(tokens[start + 1 + adjective] ?? '');
    if (value !== undefined) return { value, approximate: true, start, end: start + 2 + adjective };
  }
  return null;
}

/** Where a "roughly" said before the number begins, or -1. */
function roughlyBefore(tokens: readonly string[], start: number): number {
  const phrase = ROUGHLY_BEFORE.find((words) => endsWith(tokens, start, words));
  return phrase ? start - phrase.length : -1;
}

/** Part of a range or an alternative ("de 10 à 250", "10 to 250", "10-15", "2 ou 3"). */
function inRange(tokens: readonly string[], count: Count): boolean {
  const joiners = new Set(['a', 'to', 'et', 'and', 'ou', 'or']);
  const before = tokens[count.start - 1];
  const after = tokens[count.end];
  return (
    isNumber(before) ||
    (joiners.has(before ?? '') && isNumber(tokens[count.start - 2])) ||
    isNumber(after) ||
    (joiners.has(after ?? '') && isNumber(tokens[count.end + 1]))
  );
}

function countsOtherFirms(tokens: readonly string[], lead: number): boolean {
  const link = tokens[lead - 1];
  const firm = tokens[lead - 2] ?? '';
  if (link === 'de' || link === 'd')
    return OTHER_FIRMS_FR.has(firm) && PLURAL_DETERMINERS_FR.has(tokens[lead - 3] ?? '');
  return (link === 'of' || link === 'with' || link === 'employing') && OTHER_FIRMS_EN.has(firm);
}

function countsHires(tokens: readonly string[], lead: number): boolean {
  return tokens
    .slice(Math.max(0, lead - 3), lead)
    .some((word) => HIRING.some((stem) => word.startsWith(stem)));
}

/** Where the people noun the number counts ends, allowing "de"/"of" and the like in between; -1 if none. */
function peopleAfter(tokens: readonly string[], end: number): number {
  let at = end;
  while (BEFORE_PEOPLE.has(tokens[at] ?? '') && at < end + 3) at++;
  return nounAt(tokens, at, staffNouns().people)?.end ?? -1;
}

/** A rate after the people ("200 people a year", "10 personnes par jour"): people served, not staff. */
function atARate(tokens: readonly string[], afterPeople: number): boolean {
  return RATE_WORDS.has(tokens[afterPeople] ?? '') && PERIODS.has(tokens[afterPeople + 1] ?? '');
}

/** Another party's people ("les 30 salariés de notre client", "two engineers at our main customer"). */
function ofAnotherParty(tokens: readonly string[], afterPeople: number): boolean {
  return (
    OF_ANOTHER_PARTY.has(tokens[afterPeople] ?? '') &&
    tokens.slice(afterPeople + 1, afterPeople + 4).some((word) => OTHER_PARTIES.has(word))
  );
}

/** The words after a number counting "us" say it counts people: nothing, "à l'atelier", "in Leeds", "environ". */
function endsCountingUs(tokens: readonly string[], at: number): boolean {
  const next = tokens[at];
  return (
    next === undefined ||
    AFTER_COUNTING_US.has(next) ||
    ROUGHLY_AFTER_NUMBER.has(next) ||
    ROUGHLY_AFTER.some((phrase) => startsWith(tokens, at, phrase))
  );
}

/** Said just before the number: "on est", "there are", "notre effectif est de", "on est une équipe de". */
function introducesUs(tokens: readonly string[], number: number): boolean {
  // "on est aujourd'hui 12", "we're now 12": the time said between is no matter.
  const now = NOW.find((phrase) => endsWith(tokens, number, phrase));
  const lead = now ? number - now.length : number;
  if (COUNTING_US.some((phrase) => endsWith(tokens, lead, phrase))) return true;
  return TEAMS.some(([article, noun, link]) => {
    if (tokens[lead - 1] !== link || tokens[lead - 2] !== noun) return false;
    let at = lead - 3;
    while (at >= 0 && TEAM_ADJECTIVES.has(tokens[at] ?? '')) at--;
    return tokens[at] === article && TEAM_SUBJECTS.some((subject) => endsWith(tokens, at, subject));
  });
}

/**
 * A number with no people noun counts the firm's people when said as "us": "on est 9", "there are six of us
 * working here", or "twelve of us" alone ("two of us handle the IT" counts a few of them, not all).
 */
function countsUs(tokens: readonly string[], number: number, end: number): boolean {
  const ofUs = tokens[end] === 'of' && tokens[end + 1] === 'us';
  if (ofUs) return introducesUs(tokens, number) || endsCountingUs(tokens, end + 2);
  return endsCountingUs(tokens, end) && introducesUs(tokens, number);
}

function headcountIn(tokens: readonly string[]): Headcount | null {
  let start = 0;
  while (start < tokens.length) {
    const count = countAt(tokens, start);
    // Past the whole number, so "vingt cinq" is not read again as "cinq".
    start = count ? count.end : start + 1;
    if (!count || count.value <= 0 || inRange(tokens, count)) continue;
    const roughStart = roughlyBefore(tokens, count.start);
    const lead = roughStart < 0 ? count.start : roughStart;
    if (countsOtherFirms(tokens, lead) || countsHires(tokens, lead)) continue;
    const people = peopleAfter(tokens, count.end);
    if (people >= 0 && (atARate(tokens, people) || ofAnotherParty(tokens, people))) continue;
    if (people < 0 && !countsUs(tokens, lead, count.end)) continue;
    const afterPeople = people < 0 ? count.end : people;
    const approximate =
      count.approximate ||
      roughStart >= 0 ||
      ROUGHLY_AFTER_NUMBER.has(tokens[count.end] ?? '') ||
      ROUGHLY_AFTER.some((phrase) => startsWith(tokens, afterPeople, phrase));
    return { count: count.value, approximate };
  }
  return null;
}

/*
 * People counted by their jobs: "on est trois coiffeuses et moi", "j'ai deux commerciaux, un apprenti et une
 * secrétaire", "deux techniciens plus moi", "I employ three drivers and an accountant". A list of counted
 * jobs is read after words saying they are the firm's people now ("on est", "j'ai", "il y a", "we have", "I
 * employ"), or on its own when the speaker counts themself in it ("deux techniciens plus moi"); its counts
 * are added up, with one more for the speaker said beside them ("et moi", "and me").
 */

/** Words before a list of jobs saying it is all the firm's people now: "on est trois coiffeuses", "I employ…". */
const ALL_OF_US: readonly string[][] = [
  ['on', 'est'],
  ['on', 'n', 'est', 'que'],
  ['on', 'n', 'est', 'qu'],
  ['nous', 'sommes'],
  ['nous', 'ne', 'sommes', 'que'],
  ['nous', 'ne', 'sommes', 'qu'],
  ['emploie'],
  ['employons'],
  ['compte'],
  ['comptons'],
  ['we', 'are'],
  ['we', 're'],
  ['employ'],
  ['employs'],
  ['team', 'is'],
];
/**
 * Words before a list of jobs saying the firm has them, all or some: "j'ai deux commerciaux, un apprenti et une
 * secrétaire" is its staff, "j'ai deux techniciens qui ont trente ans de maison" only some of it.
 */
const WE_HAVE: readonly string[][] = [
  ['j', 'ai'],
  ['je', 'n', 'ai', 'que'],
  ['je', 'n', 'ai', 'qu'],
  ['on', 'a'],
  ['on', 'n', 'a', 'que'],
  ['on', 'n', 'a', 'qu'],
  ['nous', 'avons'],
  ['nous', 'n', 'avons', 'que'],
  ['nous', 'n', 'avons', 'qu'],
  ['y', 'a'],
  ['y', 'a', 'que'],
  ['y', 'a', 'qu'],
  ['c', 'est'],
  ['there', 'are'],
  ['there', 're'],
  ['there', 'is'],
  ['there', 's'],
  ['it', 'is'],
  ['it', 's'],
  // "its me and my partner", typed without its apostrophe
  ['its'],
  ['theres'],
  ['i', 'have'],
  ['i', 've'],
  ['we', 'have'],
  ['we', 've'],
  ['have', 'got'],
  ['ve', 'got'],
];
/**
 * Said right after the one job a firm "has", these single out some of its people ("deux techniciens qui ont
 * trente ans de maison", "two engineers who…", "deux compagnons de plus de 55 ans"): no headcount.
 */
const SOME_OF_THEM = new Set(['qui', 'dont', 'de', 'd', 'who', 'whom', 'that', 'which', 'of']);
/** Words that may stand between those and the list: "on est aujourd'hui trois…", "we've only got two…". */
const BEFORE_LIST: readonly string[][] = [
  ...NOW,
  ['en', 'tout'],
  ['au', 'total'],
  ['seulement'],
  ['juste'],
  ['in', 'total'],
  ['altogether'],
  ['only'],
  ['just'],
];
/** The speaker said beside the people counted, adding one: "… et moi", "… plus moi", "… and me". */
const AND_ME: readonly string[][] = [
  ['et', 'moi', 'meme'],
  ['et', 'moi'],
  ['plus', 'moi', 'meme'],
  ['plus', 'moi'],
  ['en', 'plus', 'de', 'moi'],
  ['sans', 'me', 'compter'],
  ['sans', 'compter', 'moi'],
  ['and', 'myself'],
  ['and', 'me'],
  ['and', 'i'],
  ['plus', 'myself'],
  ['plus', 'me'],
  ['besides', 'me'],
  ['as', 'well', 'as', 'me'],
  ['not', 'counting', 'me'],
  ['not', 'including', 'me'],
];
/** "moi et deux techniciens", "me and two engineers": the speaker first, then the people counted. */
const ME_AND: readonly string[][] = [
  ['moi', 'meme', 'et'],
  ['moi', 'et'],
  ['moi', 'plus'],
  ['moi', 'avec'],
  ['me', 'and'],
  ['myself', 'and'],
  ['me', 'plus'],
  ['me', 'with'],
];
/** Between two parts of the list. */
const LIST_JOINERS: readonly string[][] = [
  [COMMA, 'ainsi', 'que'],
  [COMMA, 'et'],
  [COMMA, 'plus'],
  [COMMA, 'and'],
  [COMMA, 'as', 'well', 'as'],
  [COMMA],
  ['ainsi', 'que'],
  ['et'],
  ['plus'],
  ['as', 'well', 'as'],
  ['and'],
];
/** One person: "un apprenti", "une seule secrétaire", "an accountant", "one designer". */
const ONE = new Set(['un', 'une', 'a', 'an', 'one']);
/** "mon associé" is one person, "mes commerciaux" several. */
const POSSESSIVES = new Set(['mon', 'ma', 'notre', 'my', 'our']);
/** Several people, uncounted: "des apprentis", "quelques vendeuses", "a few drivers", "a couple of cooks". */
const SEVERAL: readonly string[][] = [
  ['des'],
  ['quelques'],
  ['plusieurs'],
  ['mes'],
  ['nos'],
  ['some'],
  ['several'],
  ['a', 'few'],
  ['a', 'couple', 'of'],
];
/** The least "several" can be: each uncounted part adds two, and makes the headcount approximate. */
const SEVERAL_AT_LEAST = 2;
/** Words that may stand between the count and the job: "un seul technicien", "two full-time engineers". */
const BEFORE_JOB = new Set([
  'seul',
  'seule',
  'bons',
  'bonnes',
  'jeunes',
  'nouveau',
  'nouvel',
  'nouvelle',
  'nouveaux',
  'nouvelles',
  'single',
  'full',
  'part',
  'time',
  'permanent',
  'good',
  'young',
  'new',
  'experienced',
  'senior',
  'junior',
  // "me and four other instructors", "moi et deux autres moniteurs"
  'other',
  'autres',
  'seasonal',
  'saisonniers',
]);
/** Words a job may be followed by before the next part of the list ("deux techniciens à mi-temps, …"). */
const MAX_WORDS_AFTER_JOB = 3;
/**
 * Said before or just after the list, these make it no count of the firm's people now: the future, the past,
 * a wish or a need ("on va être trois techniciens et moi", "we were two engineers and me", "deux techniciens à
 * recruter"), and hires (HIRING, by their stems).
 */
const NOT_NOW = new Set([
  'va',
  'vais',
  'vas',
  'allons',
  'vont',
  'sera',
  'serons',
  'seront',
  'serait',
  'serions',
  'seraient',
  'aura',
  'aurons',
  'auront',
  'aurait',
  'aurions',
  'auraient',
  'etait',
  'etions',
  'etaient',
  'etais',
  'avait',
  'avions',
  'avaient',
  'avais',
  'avant',
  'autrefois',
  'prochain',
  'prochaine',
  'prochainement',
  'bientot',
  'faut',
  'faudrait',
  'besoin',
  'manque',
  'manquent',
  'cherche',
  'cherchons',
  'voudrait',
  'voudrais',
  'aimerait',
  'aimerais',
  'souhaite',
  'souhaitons',
  'prevoit',
  'prevoyons',
  'prevu',
  'will',
  'll',
  'would',
  'could',
  'going',
  'gonna',
  'next',
  'soon',
  'was',
  'were',
  'had',
  'used',
  'before',
  'previously',
  'need',
  'needs',
  'want',
  'wants',
  'looking',
  'plan',
  'plans',
  'planning',
  'hope',
  'hoping',
]);
/** Said before the list, these make it another party's people ("notre client a trois commerciaux"). */
const OTHERS = new Set([
  ...OTHER_PARTIES,
  'concurrent',
  'concurrents',
  'concurrente',
  'concurrentes',
  'competitor',
  'competitors',
  'ils',
  'elles',
  'eux',
  'leur',
  'leurs',
  'they',
  'them',
  'their',
]);

const notNow = (words: readonly string[]): boolean =>
  words.some((word) => NOT_NOW.has(word) || HIRING.some((stem) => word.startsWith(stem)));

/**
 * A condition said anywhere before the list makes it no count either: "si on gagne ce marché, on aura…",
 * "if…". How many words from `at` say one, or 0.
 */
const conditionAt = (words: readonly string[], at: number): number => {
  const word = words[at];
  if (word === 'si' || word === 'if' || word === 'unless') return 1;
  // "s'il y a…", "s'ils ont…": "si" elided ("s" alone is also English: "there's", "it's").
  return word === 's' && ['il', 'ils'].includes(words[at + 1] ?? '') ? 2 : 0;
};

/** One part of the list: counted people, the uncounted ("des apprentis") or no one ("trois camions"). */
interface Part {
  people: number;
  approximate: boolean;
  /** Said with no count ("des apprentis", "my drivers"): `people` is the least it can be. */
  uncounted: boolean;
  /** Whether the part names the firm's people at all. */
  staff: boolean;
  end: number;
}

/**
 * The part whose job (or other noun) starts at `at`, after words like "seul" or "full-time": counted, said
 * as several ("des apprentis"), or after a possessive, one or several as the noun says ("mon associé", "my
 * drivers").
 */
function partWithNoun(
  tokens: readonly string[],
  at: number,
  count: { value: number; approximate: boolean } | 'several' | 'one or several',
): Part | null {
  let noun = at;
  while (BEFORE_JOB.has(tokens[noun] ?? '') && noun < at + 2) noun++;
  const { people: generic, jobs } = staffNouns();
  const found = nounAt(tokens, noun, jobs) ?? nounAt(tokens, noun, generic);
  if (!found) {
    if (tokens[noun] === undefined) return null;
    return { people: 0, approximate: false, uncounted: false, staff: false, end: noun + 1 };
  }
  const uncounted = count === 'several' || (count === 'one or several' && !found.singular);
  const people = typeof count === 'object' ? count.value : uncounted ? SEVERAL_AT_LEAST : 1;
  const approximate =
    uncounted ||
    (typeof count === 'object' && count.approximate) ||
    ROUGHLY_AFTER.some((phrase) => startsWith(tokens, found.end, phrase));
  return { people, approximate, uncounted, staff: true, end: found.end };
}

/** The part of a list starting at `at`; null where none starts, or where it is a range ("deux ou trois"). */
function partAt(tokens: readonly string[], at: number): Part | null {
  const roughly = ROUGHLY_BEFORE.find((phrase) => startsWith(tokens, at, phrase));
  const count = countAt(tokens, at + (roughly?.length ?? 0));
  if (count) {
    if (count.value <= 0 || inRange(tokens, count)) return null;
    // "une dizaine de techniciens"
    const link = count.approximate && ['de', 'd', 'of'].includes(tokens[count.end] ?? '') ? 1 : 0;
    return partWithNoun(tokens, count.end + link, {
      value: count.value,
      approximate: count.approximate || roughly !== undefined,
    });
  }
  const several = SEVERAL.find((phrase) => startsWith(tokens, at, phrase));
  if (several) return partWithNoun(tokens, at + several.length, 'several');
  const word = tokens[at] ?? '';
  if (ONE.has(word)) return partWithNoun(tokens, at + 1, { value: 1, approximate: false });
  if (POSSESSIVES.has(word)) return partWithNoun(tokens, at + 1, 'one or several');
  return null;
}

interface StaffList {
  people: number;
  approximate: boolean;
  /** How many parts name the firm's people, and whether one of them is counted ("deux", "un", "mon"). */
  parts: number;
  counted: boolean;
  /** The speaker is counted in, beside the people of the list. */
  withSpeaker: boolean;
  end: number;
}

/** Where the speaker said last in a list may stand: its end, or words like "à l'atelier", "here". */
const endsWithSpeaker = (tokens: readonly string[], at: number): boolean =>
  tokens[at] === undefined || tokens[at] === COMMA || AFTER_COUNTING_US.has(tokens[at] ?? '');

/**
 * The list of people starting at `start`: it opens on counted people (or the speaker then counted people),
 * then runs through its parts joined by commas, "et", "plus", "and"; null if none starts there or if a part
 * is another party's people, people served at a rate, or people to come.
 */
function staffListAt(tokens: readonly string[], start: number): StaffList | null {
  const meFirst = ME_AND.find((phrase) => startsWith(tokens, start, phrase));
  let withSpeaker = meFirst !== undefined;
  let part = partAt(tokens, start + (meFirst?.length ?? 0));
  if (!part?.staff) return null;
  let people = 0;
  let approximate = false;
  let parts = 0;
  let counted = false;
  let end = part.end;
  while (part) {
    if (part.staff) {
      const after = part.end;
      if (atARate(tokens, after) || ofAnotherParty(tokens, after)) return null;
      if (notNow(tokens.slice(after, after + MAX_WORDS_AFTER_JOB))) return null;
      people += part.people;
      approximate ||= part.approximate;
      parts++;
      counted ||= !part.uncounted;
    }
    end = part.end;
    // "deux techniciens à mi-temps, …": a few words may qualify the job before the list goes on.
    let next = end;
    while (
      next < end + MAX_WORDS_AFTER_JOB &&
      /^\p{L}+$/u.test(tokens[next] ?? '') &&
      !LIST_JOINERS.some((joiner) => startsWith(tokens, next, joiner)) &&
      !AND_ME.some((phrase) => startsWith(tokens, next, phrase))
    )
      next++;
    const comma = tokens[next] === COMMA ? 1 : 0;
    const andMe = AND_ME.find((phrase) => startsWith(tokens, next + comma, phrase));
    if (andMe && !withSpeaker && endsWithSpeaker(tokens, next + comma + andMe.length)) {
      // "mon associée et moi, plus une alternante": the list may go on past the speaker.
      withSpeaker = true;
      next += comma + andMe.length;
      end = next;
    }
    const joiner = LIST_JOINERS.find((phrase) => startsWith(tokens, next, phrase));
    part = joiner ? partAt(tokens, next + joiner.length) : null;
  }
  return { people: people + (withSpeaker ? 1 : 0), approximate, parts, counted, withSpeaker, end };
}

/** How a list is introduced: as all the firm's people ("on est"), as people the firm has ("j'ai"), or at a clause's start. */
type Lead = 'all of us' | 'we have' | 'clause';

/** How the list starting at `start` is introduced, or null when it is not. */
function listLead(tokens: readonly string[], start: number): Lead | null {
  let at = start;
  let skip = BEFORE_LIST.find((phrase) => endsWith(tokens, at, phrase));
  while (skip) {
    at -= skip.length;
    skip = BEFORE_LIST.find((phrase) => endsWith(tokens, at, phrase));
  }
  if (ALL_OF_US.some((phrase) => endsWith(tokens, at, phrase))) return 'all of us';
  if (WE_HAVE.some((phrase) => endsWith(tokens, at, phrase))) return 'we have';
  return at === 0 || tokens[at - 1] === COMMA || tokens[at - 1] === COLON ? 'clause' : null;
}

/**
 * What may make a list no count of the firm's people, read from the words said before it: those of its
 * clause, and for a list opening its clause those of the clause before ("l'an prochain, deux techniciens et
 * moi"), and a condition anywhere before it. Read in one pass over the sentence, so a long transcript with a
 * list at every few words is not read again from its clause's start for each one.
 */
function wordsBeforeReader(tokens: readonly string[]) {
  // clauseStart[i]: where the clause holding token i starts; notNowBefore[i], othersBefore[i]: how many
  // of the words before token i say people to come or gone, or another party's people.
  const clauseStart: number[] = [];
  const notNowBefore: number[] = [0];
  const othersBefore: number[] = [0];
  let from = 0;
  // The least `start` whose words before it hold a condition: "s'il" needs its "il" before the list too.
  let conditionBy = Number.POSITIVE_INFINITY;
  for (let at = 0; at <= tokens.length; at++) {
    if (at > 0 && (tokens[at - 1] === COMMA || tokens[at - 1] === COLON)) from = at;
    clauseStart.push(from);
    const word = tokens[at];
    if (word === undefined) break;
    notNowBefore.push((notNowBefore[at] ?? 0) + (notNow([word]) ? 1 : 0));
    othersBefore.push((othersBefore[at] ?? 0) + (OTHERS.has(word) ? 1 : 0));
    const condition = conditionAt(tokens, at);
    if (condition > 0) conditionBy = Math.min(conditionBy, at + condition);
  }
  return (start: number, lead: Lead): { notNow: boolean; others: boolean; onCondition: boolean } => {
    const clause = clauseStart[start] ?? 0;
    const first = lead === 'clause' && clause > 0 ? (clauseStart[clause - 1] ?? 0) : clause;
    const said = (before: readonly number[]) => (before[start] ?? 0) - (before[first] ?? 0) > 0;
    return { notNow: said(notNowBefore), others: said(othersBefore), onCondition: conditionBy <= start };
  };
}

/** People counted by their jobs in one sentence, or null. */
function staffIn(tokens: readonly string[]): Headcount | null {
  const wordsBefore = wordsBeforeReader(tokens);
  for (let start = 0; start < tokens.length; start++) {
    const lead = listLead(tokens, start);
    if (!lead) continue;
    const list = staffListAt(tokens, start);
    if (!list) continue;
    const before = wordsBefore(start, lead);
    const refused =
      // Alone at a clause's start, a list is the firm's people only with the speaker in it.
      (lead === 'clause' && !list.withSpeaker) ||
      (lead === 'we have' &&
        list.parts === 1 &&
        !list.withSpeaker &&
        SOME_OF_THEM.has(tokens[list.end] ?? '')) ||
      // "des préparateurs", "my drivers" alone say there are some, not how many.
      !list.counted ||
      list.people < 2 ||
      before.notNow ||
      before.onCondition ||
      before.others;
    if (!refused) return { count: list.people, approximate: list.approximate };
    start = list.end - 1;
  }
  return null;
}

/**
 * The first headcount stated in these texts (a manager's presentation), or null. A count of the firm's people
 * ("on est 12", "35 salariés") said anywhere in them comes first: people counted by their jobs are added up
 * only when none is said.
 */
export function readHeadcount(texts: readonly string[]): Headcount | null {
  // A pseudonym stands where a name was said ("my partner [PERSON-1A2B3C] plus a helper"): read as a name word.
  const read = texts.map((text) => text.replace(PSEUDONYM, 'name')).flatMap(sentences);
  for (const sentence of read) {
    for (const clause of clausesOf(sentence)) {
      const found = headcountIn(clause);
      if (found) return found;
    }
  }
  for (const sentence of read) {
    const found = staffIn(sentence);
    if (found) return found;
  }
  return null;
}
