/**
 * The firm's headcount as a manager states it when presenting the firm: "35 salariés", "on est 9",
 * "nous sommes une quinzaine", "une petite équipe de six", "there are six of us", "about 40 staff".
 * A number is taken only where it counts the firm's own people: not years, clients or shops, not the
 * staff of other firms ("des PME de 10 à 250 salariés"), nor people hired or trained.
 */
export interface Headcount {
  count: number;
  /** Said as a round figure: "une quinzaine", "environ 40", "about 40", "a dozen". */
  approximate: boolean;
}

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

/** Words for the firm's people, after the number ("35 salariés", "40 staff"). */
const PEOPLE = new Set([
  'salarie',
  'salaries',
  'employe',
  'employes',
  'personne',
  'personnes',
  'collaborateur',
  'collaborateurs',
  'collaboratrice',
  'collaboratrices',
  'etp',
  'equivalents',
  'employee',
  'employees',
  'people',
  'staff',
  'person',
  'persons',
  'worker',
  'workers',
  'fte',
  'ftes',
]);
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
  ['headcount'],
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
const OF_ANOTHER_PARTY = new Set(['de', 'du', 'des', 'chez', 'of', 'at']);
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

/** Lower case, without accents, cut into clauses of word and number tokens. */
function clauses(text: string): string[][] {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return plain
    .split(/[.;!?…()[\]\n]+|,\s|\s[-–—]\s/u)
    .map((clause) =>
      [...clause.matchAll(/\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+|\p{L}+/gu)].map((m) =>
        m[0].replace(/\s/gu, ''),
      ),
    );
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

/** The index of the people noun the number counts, allowing "de"/"of" and the like in between; -1 if none. */
function peopleAfter(tokens: readonly string[], end: number): number {
  let at = end;
  while (BEFORE_PEOPLE.has(tokens[at] ?? '') && at < end + 3) at++;
  return PEOPLE.has(tokens[at] ?? '') ? at : -1;
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
    const isRate =
      people >= 0 && RATE_WORDS.has(tokens[people + 1] ?? '') && PERIODS.has(tokens[people + 2] ?? '');
    const ofAnotherParty =
      people >= 0 &&
      OF_ANOTHER_PARTY.has(tokens[people + 1] ?? '') &&
      tokens.slice(people + 2, people + 5).some((word) => OTHER_PARTIES.has(word));
    if (isRate || ofAnotherParty) continue;
    if (people < 0 && !countsUs(tokens, lead, count.end)) continue;
    const afterPeople = people < 0 ? count.end : people + 1;
    const approximate =
      count.approximate ||
      roughStart >= 0 ||
      ROUGHLY_AFTER_NUMBER.has(tokens[count.end] ?? '') ||
      ROUGHLY_AFTER.some((phrase) => startsWith(tokens, afterPeople, phrase));
    return { count: count.value, approximate };
  }
  return null;
}

/** The first headcount stated in this text, or null. */
export function readHeadcount(text: string): Headcount | null {
  for (const tokens of clauses(text)) {
    const found = headcountIn(tokens);
    if (found) return found;
  }
  return null;
}
