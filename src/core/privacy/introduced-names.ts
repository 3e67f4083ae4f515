import { stemmerFor } from '../tagger/stemmers.js';
import { fold as foldAsTagger } from '../tagger/text.js';
import { shippedKnownNames, shippedVocabulary } from './known-names.js';
import {
  ARTICLES,
  baseForms,
  CONNECTORS,
  DESCRIPTIVE_WORDS,
  DETERMINERS,
  FAMILY_ENDINGS,
  FILLERS,
  FIRM_NOUNS,
  fold,
  GREETINGS,
  hasCommonEnding,
  isContraction,
  isFirmWord,
  isLegalForm,
  JOB_WORDS,
  lower,
  NAMING_VERBS,
  NOT_NAMES,
  PARTICLES,
  publicBodyWords,
  STOP_WORDS,
  SURNAMES,
  TIME_WORDS,
  TITLES,
} from './name-words.js';
import type { Identifier } from './pseudonymize.js';

/**
 * Names of the respondent and of firms in presentation answers. A firm is found
 * - after a cue ("je dirige", "chez", "gérante de", "mon entreprise", "nous sommes", "I run", "we're"),
 *   or where an expert works ("je travaille pour", "I work at", "a consultant with"), over what the firm
 *   is ("je dirige la menuiserie Kerguelen", "we're a family firm, Hollis & Sons");
 * - after a determiner and a trade ("la boulangerie Pichon", "l'entreprise familiale Durand"), also in lower
 *   case when the word is no common one ("la menuiserie kerguelen": names are typed so on phones);
 * - by its shape: capitalised words with a legal form, a trade or a family ending ("SARL Kerguelen",
 *   "Brightwater Joinery Ltd", "Le Goff Thermique", "Martin Frères").
 * Every way one firm is said ("SARL Kerguelen", "la menuiserie Kerguelen", "Kerguelen") takes the
 * pseudonym of its distinctive name, so a reader sees one pseudonym for one firm.
 */

interface Token {
  text: string;
  /** Lower case: how small words are compared ("à" is not "a"). */
  lower: string;
  /** Lower case without accents: how names and trades are compared ("pâtisserie", "patisserie"). */
  folded: string;
  start: number;
  end: number;
  /** May be a word of a name: capitalised where case tells, else no word known to be common. */
  name: boolean;
  /** A word known to be no name: in lower case where case tells, else a listed common word. */
  common: boolean;
}

/** An elided article glued to its word ("l'", "d'"), a word (inner hyphens and apostrophes, no "'s"), a number, a sign. */
const TOKEN =
  /[dDlL]['’](?=\p{L})|\p{L}[\p{L}\p{N}]*(?:(?:-|['’](?!s(?![\p{L}\p{N}])))[\p{L}\p{N}]+)*|\p{N}+|&|\S/gu;

const startsUpper = (text: string): boolean => /^\p{Lu}/u.test(text);
const startsLower = (text: string): boolean => /^\p{Ll}/u.test(text);

/** Pronouns after which a word is a verb ("JE DIRIGE", "WE USE"), not a name, in one-case text. */
const SUBJECTS = new Set("je j' tu il elle on nous vous ils elles i we you he she they".split(' '));

/** Emphasis and code marks typed around words ("la menuiserie **Dupuis**"): no part of what is said. */
const MARKUP = /^[*_`~]$/u;

function tokenize(text: string): Token[] {
  const found = [...text.matchAll(TOKEN)]
    .filter((m) => !MARKUP.test(m[0]))
    .map((m) => ({
      text: m[0],
      lower: lower(m[0]),
      folded: fold(m[0]),
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    }));
  // Typed in capitals or with every word capitalised, case tells no name from a common word: only
  // the word lists do, or every word would join one name running to the end of the answer.
  const oneCase = !found.some((t) => startsLower(t.text));
  return found.map((token, i) => {
    const letters = /^\p{L}/u.test(token.text);
    const listed =
      STOP_WORDS.has(token.lower) ||
      DETERMINERS.has(token.lower) ||
      NAMING_VERBS.has(token.lower) ||
      NOT_NAMES.has(token.folded) ||
      DESCRIPTIVE_WORDS.has(token.folded) ||
      SUBJECTS.has(found[i - 1]?.lower ?? '');
    const common = oneCase ? letters && (listed || isContraction(token.text)) : startsLower(token.text);
    const name = (oneCase ? letters && !common : startsUpper(token.text)) && !isContraction(token.text);
    return { ...token, name, common };
  });
}

const isCapitalised = (token: Token | undefined): boolean => token?.name === true;
const isLower = (token: Token | undefined): boolean => token?.common === true;

/** Punctuation that ends a clause, and with it a name read after a determiner alone. */
const CLAUSE_END = /^[.,;:!?…()]$/;

/** Words after which a lower-case word after a trade is still describing the firm, not naming it. */
const DESCRIPTION_GOES_ON = new Set(['de', 'd', "d'", 'd’', 'du', 'des', 'et', 'ou', 'of', 'and', 'or', '&']);

/** Tokens a name may run to: a firm's name is rarely longer, and a longer run is no name but shouting. */
const MAX_NAME_TOKENS = 8;
/** Tokens between a lead and the name ("une petite entreprise familiale de plomberie, …"). */
const MAX_LEAD_TOKENS = 12;

function cues(phrases: readonly string[]): RegExp {
  // An elided cue ("gérant d'") runs straight into the name; the others end at a word's end.
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?:(?<=['’])|(?![\\p{L}\\p{N}]))`, 'giu');
}

/** Cues after which a capitalised name is the respondent's. */
const PERSON_CUES = cues([
  "je m['’]appelle",
  'mon nom est',
  "moi c(?:['’]est|est)?",
  'my name is',
  'i am',
  "i['’]m",
  'je suis',
]);
/** The respondent's role at the head of a firm, as said next to their name ("le gérant, Pierre Morvan"). */
const HEAD_ROLES_FR =
  "(?:co-?)?g[ée]rante?|patron(?:ne)?|dirigeante?|directeur|directrice|(?:co-?)?fondat(?:eur|rice)|pr[ée]sidente?|pdg|dg|propri[ée]taire|chef(?:fe)? d['’]entreprise";
const HEAD_ROLES_EN =
  '(?:co-?)?(?:owner|founder)|owner-manager|(?:managing |general )?director|md|ceo|boss|(?:general )?manager|proprietor|chair(?:man|woman|person)?|president';
const HEAD_ROLE = `(?:${HEAD_ROLES_FR}|${HEAD_ROLES_EN})(?: (?:g[ée]n[ée]rale?|d[ée]l[ée]gu[ée]e?|associ[ée]e?))?`;
const HEAD_ROLES = `${HEAD_ROLE}(?: (?:et|and|&) ${HEAD_ROLE})?`;
/** How far before a name its role may start ("directrice générale et fondatrice, "). */
const MAX_ROLE_CHARS = 48;
/**
 * A role then a comma, a stop or a colon, right before a name: "I'm the owner, John Hartley", "la gérante, Anne
 * Le Floch", "Le patron. Jean-Marc Lambotte."
 */
const ROLE_BEFORE_NAME = new RegExp(`(?<![\\p{L}\\p{N}])(?:${HEAD_ROLES})\\s*[,.:]\\s*$`, 'iu');
/**
 * What says the capitalised words before it are a person's name: a comma and their role ("Jean Dupont,
 * gérant de…", "Sarah Lee, the MD") or "here" ("John Hartley here").
 */
const AFTER_NAME = new RegExp(
  `\\s*,\\s*(?:(?:le|la|l['’]|the|a|an|notre|our) ?)?(?:${HEAD_ROLES})(?![\\p{L}\\p{N}])|\\s+(?:here|speaking|ici|à l['’]appareil)(?![\\p{L}\\p{N}])`,
  'iuy',
);
/**
 * People the respondent introduces by who they are to them ("mon associé, Marc Le Bihan", "notre comptable
 * s'appelle Sophie Garnier", "my business partner, John Hartley", "our accountant is called Susan Pickford",
 * "my sister Karen"):
 * a person, even after "called", which otherwise introduces a firm.
 */
const RELATIONS_FR =
  "associ[ée]e?|femme|mari|[ée]pou(?:se|x)|compagnon|compagne|conjointe?|fils|fille|fr[èe]re|s[œo]e?ur|p[èe]re|m[èe]re|cousine?|oncle|tante|neveu|ni[èe]ce|petit-fils|petite-fille|beau-fr[èe]re|belle-s[œo]e?ur|(?:expert-)?comptable|adjointe?|salari[ée]e?|employ[ée]e?|commerciale?|apprentie?|coll[èe]gue|stagiaire|banqui(?:er|[èe]re)|secr[ée]taire|assistante?|informaticien(?:ne)?|graphiste|d[ée]veloppeu(?:r|se)|chef d['’]atelier|bras droit";
const RELATIONS_EN =
  '(?:business )?partner|wife|husband|spouse|son|daughter|brother|sister|father|mother|dad|mum|mom|cousin|uncle|aunt|auntie|nephew|niece|grandson|granddaughter|brother-in-law|sister-in-law|accountant|bookkeeper|assistant|colleague|apprentice|employee|secretary|developer|designer|foreman|right-hand man|right-hand woman|bank manager';
/** Jobs in a firm a person is named after, once set off by a comma ("c'est une vendeuse, Julie Marec, qui…"). */
const STAFF_FR =
  "vendeu(?:r|se)|serveu(?:r|se)|cuisini(?:er|[èe]re)|technicien(?:ne)?|ouvri(?:er|[èe]re)|livreu(?:r|se)|chef d['’][ée]quipe|responsable|g[ée]rante?|manag(?:er|euse)|r[ée]ceptionniste|caissi(?:er|[èe]re)|coiffeu(?:r|se)|libraire|couturi(?:er|[èe]re)|m[ée]canicien(?:ne)?|plombi(?:er|[èe]re)|[ée]lectricien(?:ne)?|menuisi(?:er|[èe]re)|ma[çc]on|charpenti(?:er|[èe]re)|peintre|jardini(?:er|[èe]re)|boulang(?:er|[èe]re)|bouch(?:er|[èe]re)|pr[ée]parat(?:eur|rice)|op[ée]rat(?:eur|rice)|chauffeur|moniteur|monitrice|infirmi(?:er|[èe]re)|esth[ée]ticienne|fleuriste|agente?";
const STAFF_EN =
  'salesgirl|salesman|saleswoman|(?:shop |sales )?assistant|manager|supervisor|technician|tech|driver|waiter|waitress|cook|chef|receptionist|cashier|team leader|bookseller|hairdresser|mechanic|plumber|electrician|carpenter|joiner|painter|gardener|baker|butcher|cleaner|labourer|laborer|nurse|instructor|operator|engineer|stylist|florist|seamstress|tailor|cutter';
const RELATION_CUES = cues([
  // The respondent's own name, wherever it is given ("Owner. Name's Dave Kerr.").
  "je m['’]appelle|mon nom est|my name is|my name['’]s|name['’]s",
  `(?:mon|ma|notre) (?:${RELATIONS_FR})(?:,| (?:s['’]appelle|qui s['’]appelle|c['’]est|est))?`,
  // One word may describe them first: "our freelance designer, Priya Nair".
  `(?:my|our)(?: [\\p{L}-]+)? (?:${RELATIONS_EN})(?:,| (?:is called|called|named|is))?`,
  // One of the staff, then their name: "une vendeuse, Julie Marec", "one of the booksellers, Anna".
  `(?:une?|l['’]une? de (?:mes|nos)) (?:${RELATIONS_FR}|${STAFF_FR}),`,
  `(?:a|an|one of (?:my|our|the)) (?:${RELATIONS_EN}|${STAFF_EN})s?,`,
  `(?:mon|ma|notre) (?:${STAFF_FR})(?:,| (?:s['’]appelle|qui s['’]appelle))`,
  `(?:my|our) (?:${STAFF_EN})(?:,| (?:is called|called|named))`,
  // Several of them, then their names: "two apprentices, Conor and Jack", "mes deux salariés, Paul et Léa".
  `(?:mes|nos|deux|trois|quatre|\\d+) (?:${RELATIONS_FR}|${STAFF_FR})s?,(?: dont| notamment)?`,
  `(?:my|our|two|three|four|\\d+) (?:${RELATIONS_EN}|${STAFF_EN})(?:s|es)?,(?: including| like)?`,
]);
/** Joining words between the names of a list of people. */
const LIST_JOINERS = new Set(['et', 'and', '&', ',']);
/** Names read in one list of people, at most. */
const MAX_LISTED_PEOPLE = 6;
/** Cues so explicit that the name after them is taken even in lower case ("je m'appelle paul le gall"). */
const STRONG_PERSON_CUES = cues(["je m['’]appelle", 'mon nom est', 'my name is']);
const OF = "(?:de|d['’]|du|des)";
/** What a firm or an expert's institution is, after "notre", "our" ("notre agence, Kerlann…", "our hub, X, supports…"). */
const FIRMS_FR = 'entreprise|soci[ée]t[ée]|bo[iî]te';
const INSTITUTIONS_FR =
  'agence|structure|association|r[ée]seau|p[ôo]le|cabinet|incubateur|p[ée]pini[èe]re|technopole|organisme';
const INSTITUTIONS_EN =
  'hub|agency|organi[sz]ation|network|incubator|accelerator|consultancy|practice|charity|chamber|cent(?:re|er)';
/**
 * An expert's role, before where they hold it ("consultante pour Armor Conseil", "a consultant with X
 * Partners"). "à" and "in" are not cues: what follows them is mostly a place ("à Rennes", "in Leeds").
 */
const ROLES_FR =
  "(?:consultante?|conseill(?:er|[èe]re)|charg[ée]e? (?:de mission|d['’]affaires)|chef(?:fe)? de projet|coach|format(?:eur|rice)|animat(?:eur|rice))";
const ROLES_EN =
  '(?:consultant|adviser|advisor|coach|officer|manager|lead|director|coordinator|specialist|mentor|trainer|analyst|partner)';
/** Up to five words of one clause between a verb and "at" ("I lead the digital programme at"). */
const CLAUSE_WORDS = '(?: [^\\s.,;:!?]+){1,5}?';
/** Cues after which the name is the respondent's firm (or one they speak of as a firm). */
const COMPANY_CUES = cues([
  "l['’]entreprise",
  'la soci[ée]t[ée]',
  'la bo[iî]te',
  'le cabinet',
  'le groupe',
  `(?:notre|mon|ma) (?:${FIRMS_FR}|${INSTITUTIONS_FR})`,
  'chez',
  'nous sommes',
  'on est',
  "nous,? c['’]est",
  "on s['’]appelle",
  'appel[ée]e?s?',
  'nomm[ée]e?s?',
  'je dirige',
  'je g[èe]re',
  'je tiens',
  `je m['’]occupe ${OF}`,
  `[àa] la t[êe]te ${OF}`,
  "j['’]ai (?:cr[ée]{2}|fond[ée]|repris|rachet[ée])",
  '(?:on a|nous avons) (?:cr[ée]{2}|fond[ée]|repris|rachet[ée])',
  `(?:co-?)?g[ée]rante? ${OF}`,
  `(?:dirigeante?|directeur|directrice|fondat(?:eur|rice)|patronn?e?|pr[ée]sidente?|propri[ée]taire|associ[ée]e?) ${OF}`,
  `(?:the|our|my) (?:company|firm|business|${INSTITUTIONS_EN})`,
  "(?:company|firm|business)(?:['’]s)? name is",
  'at the head of',
  'we are',
  "we['’]re",
  'called',
  'i (?:run|own|manage|founded|set up|started|took over)',
  'we (?:run|own)',
  '(?:co-?)?(?:owner|founder) of',
  '(?:managing )?director of',
  'manager of',
  // Where an expert works: their institution, named as a firm is ("I lead the digital programme at X").
  `je travaille (?:pour|au sein ${OF}|aupr[èe]s ${OF})`,
  `${ROLES_FR} (?:pour|au sein ${OF})`,
  "i(?: am|['’]m)? work(?:ing)? (?:for|at)",
  `i (?:lead|head|run|manage|coordinate|direct|oversee)${CLAUSE_WORDS} at`,
  `${ROLES_EN} (?:at|with)`,
]);

interface Run {
  from: number;
  to: number;
  /**
   * Only a determiner stood between the lead and the name ("on est a Concarneau", "we're an MSP"): the
   * name must show it is a firm ("nous sommes la Kerguelen Conserverie").
   */
  bare?: boolean;
  /** Lower-case words after a trade that are no common word ("la menuiserie kerguelen"). */
  plain?: boolean;
}

/**
 * Whether a lower-case word is a common word: one the lexicon or the word lists know or, when `guess`,
 * a form of one its ending or stem shows. A listed surname ("martin") is none.
 */
type Ordinary = (token: Token, guess: boolean) => boolean;

const STEMMERS = [stemmerFor('fr'), stemmerFor('en')] as const;
/** Shorter stems are shared by unrelated words ("web" and "Weber", "merci" and "Mercier"). */
const MIN_STEM = 5;

/** The stems of a vocabulary's words, one set per language, computed once and only when a word asks. */
const vocabularyStems = new WeakMap<ReadonlySet<string>, ReadonlySet<string>[]>();

function stemsOf(vocabulary: ReadonlySet<string>): ReadonlySet<string>[] {
  let stems = vocabularyStems.get(vocabulary);
  if (!stems) {
    stems = STEMMERS.map((stem) => new Set(Array.from(vocabulary, (word) => stem(word))));
    vocabularyStems.set(vocabulary, stems);
  }
  return stems;
}

function ordinaryWords(vocabulary: ReadonlySet<string>, known: ReadonlySet<string>): Ordinary {
  const listed = (folded: string): boolean =>
    NOT_NAMES.has(folded) ||
    DESCRIPTIVE_WORDS.has(folded) ||
    FILLERS.has(folded) ||
    JOB_WORDS.has(folded) ||
    known.has(folded) ||
    TIME_WORDS.has(folded) ||
    isFirmWord(folded);
  const ordinaryPart = (part: string, guess: boolean): boolean => {
    const folded = fold(part);
    // Too short to tell a name from a word ("ty", "le").
    if (folded.length < 3 || listed(folded)) return true;
    const word = foldAsTagger(part);
    if (!guess) return vocabulary.has(word);
    if (hasCommonEnding(folded)) return true;
    if (baseForms(word).some((form) => vocabulary.has(form) || listed(form))) return true;
    // Another form of a word the vocabulary knows ("associative", "operates").
    const stems = stemsOf(vocabulary);
    return STEMMERS.some((stem, i) => {
      const stemmed = stem(word);
      return stemmed.length >= MIN_STEM && stems[i]?.has(stemmed) === true;
    });
  };
  return (token, guess) => {
    if (SURNAMES.has(token.folded)) return false;
    // A compound is common when each of its words is ("haut-de-gamme"), a name when one is not ("ty-breizh").
    const parts = token.text.split(/[-'’]/);
    return (
      ordinaryPart(token.text, guess) ||
      (parts.length > 1 && parts.every((part) => ordinaryPart(part, guess)))
    );
  };
}

/** Where the particles from `i` end ("DE LA", "le", "van der"), if a name word follows them, else -1. */
function afterParticles(tokens: readonly Token[], i: number): number {
  let at = i;
  while (tokens[at] && PARTICLES.has(tokens[at]?.lower ?? '')) at += 1;
  return at > i && isCapitalised(tokens[at]) ? at : -1;
}

/**
 * Where the particles at `to` end before a surname or a trade's name, else -1. They join a person's first
 * name to the surname ("YANN LE GOFF", "Marie de la Tour") or a trade to the name it bears ("BOULANGERIE LE
 * GOFF"), never a full name to what follows it ("Claire Martin de la CCI", "JEAN DUPONT DE LA MAIRIE", "SARL
 * DUPONT DE LA ROCHELLE"), nor a name to a firm word ("Paul de la Boulangerie Martin").
 */
function surnameParticles(tokens: readonly Token[], i: number, to: number, person: boolean): number {
  const afterFirstName = person && to === i + 1;
  const afterTrade = isFirmWord(tokens[to - 1]?.text ?? '');
  if (!afterFirstName && !afterTrade) return -1;
  const named = afterParticles(tokens, to);
  const surname = tokens[named];
  if (named < 0 || !surname || isFirmWord(surname.text) || NOT_NAMES.has(surname.folded)) return -1;
  return named;
}

/**
 * Capitalised words from `i`, joined by "de", "du", "d'", "&" ("Conserverie d'Armor", "Hartley & Finch"),
 * by particles before a name word ("YANN LE GOFF", "Marie de la Tour": in capitals the particle is read
 * as a common word) and by "et"/"and" before a family ending ("Martin et Fils"). `person`: the run follows
 * a person cue ("je suis").
 */
function readRun(tokens: readonly Token[], i: number, person = false): Run | null {
  if (!isCapitalised(tokens[i])) return null;
  let to = i + 1;
  while (to - i < MAX_NAME_TOKENS) {
    const token = tokens[to];
    const next = tokens[to + 1];
    const named = surnameParticles(tokens, i, to, person);
    if (isCapitalised(token)) to += 1;
    else if (named > 0 && named - i < MAX_NAME_TOKENS) to = named + 1;
    else if (
      token &&
      CONNECTORS.has(token.lower) &&
      next &&
      isCapitalised(next) &&
      ((token.lower !== 'et' && token.lower !== 'and') || FAMILY_ENDINGS.has(next.folded))
    )
      to += 2;
    else break;
  }
  return { from: i, to };
}

/** What joins a family ending to a name ("et fils", "& Co", "and sons"). */
const FAMILY_JOINS = new Set(['et', '&', 'and']);
/** Family endings said of a firm, at most ("père et fils"). */
const MAX_FAMILY_TOKENS = 4;

/**
 * Where the family endings from `at` end ("et fils", "& co", "frères", "père et fils"), or `at`. French
 * "son" is the determiner, not the English ending, unless "&" or "and" joins it ("et son fils").
 */
function afterFamilyEnding(tokens: readonly Token[], at: number): number {
  let to = at;
  while (to - at < MAX_FAMILY_TOKENS) {
    const join = FAMILY_JOINS.has(tokens[to]?.lower ?? '') ? tokens[to] : undefined;
    const ending = tokens[join ? to + 1 : to];
    if (!ending || !FAMILY_ENDINGS.has(ending.folded)) break;
    if (DETERMINERS.has(ending.lower) && (!join || join.lower === 'et')) break;
    to += join ? 2 : 1;
  }
  return to;
}

/** Articles that open a surname ("Le Floch", "Le Gall", "L'Hostis"). */
const SURNAME_ARTICLES = new Set(['le', 'la', "l'"]);

/** A word that may describe a firm before its name ("petite", "boulangerie", "familiale", "PME"). */
function describes(token: Token | undefined): boolean {
  if (!token) return false;
  if (FIRM_NOUNS.has(token.folded) && token.text === token.text.toUpperCase()) return true;
  return isLower(token) && !STOP_WORDS.has(token.lower) && !DETERMINERS.has(token.lower);
}

/**
 * The name after a lead (a cue, or a determiner), over what the firm is: a determiner, up to four words
 * describing it ("une petite boulangerie", "entreprise de plomberie"), a naming verb ("s'appelle") and,
 * after a cue, a comma ("we're a family firm, Hollis & Sons"). After a cue any description will do ("je
 * dirige la verrerie Kerguelen": no list holds every trade, and a missed name is worse than a replaced
 * one); after a determiner alone, or before a comma, it must say it is a firm (a trade or a firm noun).
 * A determiner after a description ("une fromagerie du Jura") introduces a place, not the name.
 */
function nameAfterLead(
  tokens: readonly Token[],
  start: number,
  lead: { cue: boolean; firm: boolean },
  ordinary: Ordinary,
): Run | null {
  let firm = lead.firm;
  let determined = false;
  let described = false;
  let describing = false;
  let words = 0;
  // Lower-case words right after a trade that are no common word: the name, typed in lower case.
  let afterTrade = false;
  let plainFrom = -1;
  let plainTo = -1;
  let i = start;
  for (; ; i += 1) {
    const token = tokens[i];
    if (!token || i - start >= MAX_LEAD_TOKENS) return null;
    if (token.text === ',' || token.text === ':') {
      // Only a cue reads on over a comma ("we're a family firm, Hollis & Sons"); a name in lower case may
      // end before it ("la crêperie kerhuel, sur le port").
      if (!lead.cue || !(firm || i === start)) break;
      describing = false;
      afterTrade = false;
    } else if (isLower(token) && NAMING_VERBS.has(token.lower) && firm) describing = false;
    else if (isLower(token) && DETERMINERS.has(token.lower) && !describing) determined = true;
    else if (describes(token) && words < 4) {
      described = true;
      describing = true;
      words += 1;
      const firmWord = isFirmWord(token.text);
      firm ||= firmWord;
      if (firmWord) afterTrade = plainFrom < 0;
      // Before a family ending ("pickering brothers") only a word the lists or the vocabulary hold is common.
      else if (afterTrade && !ordinary(token, afterFamilyEnding(tokens, i + 1) === i + 1)) {
        if (plainFrom < 0) plainFrom = i;
        plainTo = i + 1;
      } else afterTrade = false;
    } else if (lead.cue && describing && ['de', 'du', 'des'].includes(token.lower)) {
      // "c'est la brasserie du Vieux Moulin", "la boulangerie des Quatre Vents": two capitalised words or more
      // after a trade a cue introduces are its name; one ("la boulangerie de Brest") is rather a place.
      const named = readRun(tokens, i + 1);
      if (named && named.to - named.from >= 2) return { ...named, bare: false };
      if (!describes(tokens[i + 1])) break;
      afterTrade = false;
    } else if (['de', "d'", 'du'].includes(token.lower) && describing && describes(tokens[i + 1])) {
      // "entreprise de plomberie", "bureau d'études"; what follows "de" after a trade is rather a place
      // ("la boulangerie de brest") than the name.
      afterTrade = false;
    } else break;
  }
  if (!lead.cue && !firm) return null;
  const run = readRun(tokens, i);
  if (run) return { ...run, bare: determined && !described };
  const trade = i > start && isFirmWord(tokens[i - 1]?.text ?? '');
  if (plainFrom < 0 && trade && SURNAME_ARTICLES.has(tokens[i]?.lower ?? '')) {
    // Right after a trade, "le"/"la" open a surname ("la menuiserie le floch"), or say when ("le matin"),
    // how much ("la plus ancienne") or, the trade being the subject, stand for an object before a verb
    // ("la boulangerie le propose"): the word after them must be no common word, and without a cue the
    // trade must not open its clause.
    const named = readRun(tokens, i + 1);
    if (named) return { from: i, to: named.to };
    const word = tokens[i + 1];
    if (!word || !isLower(word) || ordinary(word, afterFamilyEnding(tokens, i + 2) === i + 2)) return null;
    const before = tokens[start - 2];
    if (!lead.cue && (!before || CLAUSE_END.test(before.text))) return null;
    plainFrom = i;
    plainTo = i + 2;
  }
  if (plainFrom < 0) return null;
  const surname = SURNAMES.has(tokens[plainTo - 1]?.folded ?? '');
  const family = afterFamilyEnding(tokens, plainTo);
  // After a determiner alone the word after a trade is as often a verb ("la boulangerie existe depuis
  // 1990"): there only a word that ends the clause is read as the name, unless a listed surname or a
  // family ending shows it is one ("ma sœur tient la boulangerie martin à Quimper").
  const verbLike = !lead.cue && !surname && family === plainTo;
  plainTo = family;
  const next = tokens[plainTo];
  if (verbLike && next && !CLAUSE_END.test(next.text)) return null;
  // A description that goes on ("le bar tabac du village", "haut de gamme", "aluminium et PVC") is made of
  // common words the vocabulary does not hold: every later "tabac" would be hidden as a firm.
  if (next && DESCRIPTION_GOES_ON.has(next.lower)) return null;
  return { from: plainFrom, to: plainTo, plain: true };
}

/** A word of a name that identifies: capitalised, no common word, trade, legal form or known brand. */
function distinctive(token: Token | undefined, known: ReadonlySet<string>): token is Token {
  return (
    token !== undefined &&
    isCapitalised(token) &&
    token.folded.length >= 2 &&
    !NOT_NAMES.has(token.folded) &&
    !CONNECTORS.has(token.lower) &&
    !isFirmWord(token.text) &&
    !known.has(token.folded)
  );
}

interface Name {
  kind: 'company' | 'person';
  /** The name as said. */
  text: string;
  /** Its distinctive words, joined as said ("Kerguelen" in "SARL Kerguelen", "Le Goff" in "Le Goff Thermique"). */
  core: string;
  /** Its distinctive words, for telling one firm from another. */
  words: string[];
  /**
   * What may be said alone later: each distinctive word, with the capitalised article it takes ("Le
   * Floch"), and a firm's name without its legal form.
   */
  parts: string[];
  /** Found in lower case as no common word: its parts are matched in any case later ("chez kerguelen"). */
  anyCase?: boolean;
  /**
   * Its words may be common ones ("Au Bon Pain"): the name and its core are matched only where they start
   * with a capital, as a word of a name is, or "du bon pain" would be hidden.
   */
  capitalisedOnly?: boolean;
}

const isParticle = (word: string): boolean => PARTICLES.has(word) || ARTICLES.has(word);

/** The distinctive words of a name and the parts said alone later ("Goff" and "Le Goff", "De La Tour"). */
function wordsAndParts(text: string, words: readonly Token[], known: ReadonlySet<string>) {
  const found = { words: [] as string[], parts: [] as string[] };
  words.forEach((word, i) => {
    if (!distinctive(word, known)) return;
    found.words.push(word.text);
    let from = i;
    while (from > 0 && startsUpper(words[from - 1]?.text ?? '') && isParticle(words[from - 1]?.lower ?? ''))
      from -= 1;
    const particle = words[from];
    if (from < i && particle) found.parts.push(text.slice(particle.start, word.end));
    if (word.folded.length >= 3) found.parts.push(word.text);
  });
  return found;
}

/**
 * The firm a run of capitalised words names, or null. Sentence-start words ("Depuis", "Chez") are not the
 * name; a capitalised article is when a distinctive word follows ("Le Goff Thermique"). `shape`: the run
 * was found by its shape alone, so it needs a legal form, a trade or a family ending to be a firm.
 */
function firmOf(
  text: string,
  tokens: readonly Token[],
  run: Run,
  known: ReadonlySet<string>,
  shape: boolean,
): Name | null {
  let words = tokens.slice(run.from, run.to);
  if (holdsKnownName(text, words, known) || publicBody(tokens, run)) return null;
  while (words[0] && (NOT_NAMES.has(words[0].folded) || CONNECTORS.has(words[0].lower))) {
    if (ARTICLES.has(words[0].lower) && distinctive(words[1], known)) break;
    words = words.slice(1);
  }
  const first = words.findIndex((w) => distinctive(w, known));
  const last = words.findLastIndex((w) => distinctive(w, known));
  const opening = words[first - 1];
  if (first < 0) return null;
  if (shape && !words.some((w) => isFirmWord(w.text) && !FIRM_NOUNS.has(w.folded))) return null;
  const coreFrom = opening && ARTICLES.has(opening.lower) ? first - 1 : first;
  const slice = (a: number, b: number) => text.slice(words[a]?.start ?? 0, words[b]?.end ?? 0);
  const { words: named, parts } = wordsAndParts(text, words, known);
  // Said again without its legal form: "Brightwater Joinery" after "Brightwater Joinery Ltd".
  const legal = words.map((w) => isLegalForm(w.text));
  const plainFrom = legal.indexOf(false);
  const plainTo = legal.lastIndexOf(false);
  const name: Name = {
    kind: 'company',
    text: slice(0, words.length - 1),
    core: slice(coreFrom, last),
    words: named,
    parts: plainFrom > 0 || plainTo < words.length - 1 ? [slice(plainFrom, plainTo), ...parts] : parts,
  };
  if (known.has(fold(name.text)) || known.has(fold(name.core))) return null;
  return name;
}

/**
 * A firm named in lower case after its trade ("la menuiserie kerguelen"): its words are no common word,
 * so each is matched later in any case.
 */
function plainFirm(
  text: string,
  tokens: readonly Token[],
  run: Run,
  known: ReadonlySet<string>,
): Name | null {
  const words = tokens.slice(run.from, run.to);
  const said = text.slice(words[0]?.start ?? 0, words.at(-1)?.end ?? 0);
  if (holdsKnownName(text, words, known) || known.has(fold(said))) return null;
  // Its article, joins and family ending tell no firm from another ("le floch", "martin et fils").
  const named = words.filter(
    (w) => !ARTICLES.has(w.lower) && !CONNECTORS.has(w.lower) && !isFirmWord(w.text),
  );
  const first = named[0];
  const last = named.at(-1);
  if (!first || !last) return null;
  const opening = words[words.indexOf(first) - 1];
  const from = opening && ARTICLES.has(opening.lower) ? opening : first;
  return {
    kind: 'company',
    text: said,
    core: text.slice(from.start, last.end),
    words: named.map((word) => word.text),
    parts: named.filter((w) => w.folded.length >= 3).map((w) => w.text),
    anyCase: true,
  };
}

/**
 * Words after a run that may end a public body's name: in capitals its words may read as common ones ("LEEDS
 * CITY COUNCIL", "GALWAY LOCAL ENTERPRISE OFFICE"); in lower case, only those no name has ("Leeds city council").
 */
const MAX_BODY_TAIL = 3;

const inBodyTail = (token: Token | undefined): boolean =>
  token !== undefined && isLetters(token) && (NOT_NAMES.has(token.folded) || !startsLower(token.text));

/**
 * Whether a run names a public body by its place ("Leeds City Council", "West Yorkshire Growth Hub", "la CCI
 * de Rennes"): what the body is in it or right after it (PUBLIC_BODY), and the place next to that, before it
 * or after it and its joining words ("Galway Chamber", "Conseil Départemental du Finistère"). A legal form or
 * a trade makes it a firm ("Rennes Conseil Numérique SARL", "Growth Hub Consulting"), and joining words before
 * what the body is, someone of it ("Claire Martin de la CCI").
 */
function publicBody(tokens: readonly Token[], run: Run): boolean {
  let to = run.to;
  while (to < run.to + MAX_BODY_TAIL && inBodyTail(tokens[to])) to += 1;
  for (; to >= run.to; to -= 1) if (namesBodyByPlace(tokens.slice(run.from, to))) return true;
  return false;
}

function namesBodyByPlace(words: readonly Token[]): boolean {
  const inBody = publicBodyWords(words.map((w) => w.folded));
  const first = inBody.indexOf(true);
  if (first < 0) return false;
  return words.every((word, i) => {
    if (inBody[i]) return true;
    if (isFirmWord(word.text)) return false;
    const joins = CONNECTORS.has(word.lower) || ARTICLES.has(word.lower);
    // Before what the body is, only the place, opened by an article ("La Mairie de Quimper").
    if (i < first) return word.name || (i === 0 && ARTICLES.has(word.lower));
    return word.name || joins;
  });
}

const longestKnown = new WeakMap<ReadonlySet<string>, number>();

/** How many tokens the longest known name has: no longer stretch of a run can be one. */
function knownLength(known: ReadonlySet<string>): number {
  let longest = longestKnown.get(known);
  if (longest === undefined) {
    longest = 0;
    for (const name of known) longest = Math.max(longest, name.match(TOKEN)?.length ?? 0);
    longestKnown.set(known, longest);
  }
  return longest;
}

/** Whether some words of a run are a brand or an institution ("La French Tech de Montpellier"). */
function holdsKnownName(text: string, words: readonly Token[], known: ReadonlySet<string>): boolean {
  const longest = knownLength(known);
  for (let from = 0; from < words.length; from += 1) {
    // Each token is folded once; a stretch grows by the gap and the next word.
    let said = words[from]?.folded ?? '';
    for (let to = from + 1; to < words.length && to - from < longest; to += 1) {
      const previous = words[to - 1];
      const word = words[to];
      if (!previous || !word) break;
      said += fold(text.slice(previous.end, word.start)) + word.folded;
      if (known.has(said)) return true;
    }
  }
  return false;
}

/**
 * The person a run after a person cue names, or null ("je suis Directeur", "I'm Brightwater Joinery"). A
 * title before it ("Mme Garnier") is not the name; after one, an article opens the surname ("Madame Le Goff").
 */
function personOf(text: string, tokens: readonly Token[], run: Run, known: ReadonlySet<string>): Name | null {
  let from = run.from;
  while (from < run.to && TITLES.has(tokens[from]?.folded ?? '')) from += 1;
  const words = tokens.slice(from, run.to);
  const first = words[0];
  if (!first || words.some((w) => isFirmWord(w.text))) return null;
  const surnameOpens = from > run.from && words.length > 1 && isParticle(first.lower);
  if (NOT_NAMES.has(first.folded) && !surnameOpens) return null;
  const name = text.slice(words[0]?.start ?? 0, words.at(-1)?.end ?? 0);
  if (known.has(fold(name))) return null;
  return { kind: 'person', text: name, core: name, ...wordsAndParts(text, words, known) };
}

/** Quotes around a name, each with the quote that closes it. */
const QUOTES = new Map([
  ['«', '»'],
  ['"', '"'],
  ['“', '”'],
  ["'", "'"],
  ['‘', '’'],
]);
/** Punctuation no quoted name holds: the quotes hold a saying, not a name. */
const NOT_IN_NAME = /^[,;:!?…()«»"“”]$/;
/** How far back from a quoted name its firm word may stand ("our firm is called "…"": three tokens). */
const MAX_NAMING_TOKENS = 3;

const isLetters = (token: Token): boolean => /^\p{L}/u.test(token.text);

/**
 * Quoted spans of at most a name's length, as token ranges inside the quotes. A straight apostrophe opens
 * only after a space and closes only before one, so "l'atelier", "Hartley's" stay words.
 */
function quotedSpans(text: string, tokens: readonly Token[]): Run[] {
  const spans: Run[] = [];
  const apart = (offset: number) => !/[\p{L}\p{N}]/u.test(text[offset] ?? ' ');
  for (let i = 0; i < tokens.length; i += 1) {
    const open = tokens[i];
    const closing = open && QUOTES.get(open.text);
    if (!open || !closing || (open.text === "'" && !apart(open.start - 1))) continue;
    let close = i + 1;
    while (
      close - i <= MAX_NAME_TOKENS &&
      tokens[close] &&
      (tokens[close]?.text !== closing || (closing === "'" && !apart(tokens[close]?.end ?? 0))) &&
      !NOT_IN_NAME.test(tokens[close]?.text ?? '')
    )
      close += 1;
    if (tokens[close]?.text !== closing || close === i + 1) continue;
    spans.push({ from: i + 1, to: close });
    i = close;
  }
  return spans;
}

/**
 * Whether the words before a quote say it names a firm: a firm word, maybe followed by a naming verb or,
 * when `comma`, a comma ("Boulangerie « … »", "la société '…'", "a café, '…'", "notre entreprise s'appelle
 * "…"").
 */
function firmWordBefore(tokens: readonly Token[], quote: number, comma: boolean): boolean {
  for (let i = quote - 1; i >= 0 && quote - i <= MAX_NAMING_TOKENS; i -= 1) {
    const token = tokens[i];
    if (!token) return false;
    if (isFirmWord(token.text)) return true;
    if (!(comma && token.text === ',') && !(isLower(token) && NAMING_VERBS.has(token.lower))) return false;
  }
  return false;
}

/**
 * A firm named in quotes after a cue or a firm word: the quotes show where its name ends, so common words
 * may be all of it ("Au Bon Pain", "The Copper Kettle"). It needs a capitalised word or a word that is no
 * common word ("« bio »" is none). In lower case it must follow the cue or the firm word without a comma
 * and hold no function word, or it is rather a saying ("notre entreprise, "c'est du solide"").
 * Said again later: the name whole, its core without the opening article ("Fournil de Marie"), both only
 * where capitalised when it was, and alone only its words that are no common word ("Fournil", not "Bon").
 */
function quotedFirm(
  text: string,
  tokens: readonly Token[],
  span: Run,
  cued: boolean,
  known: ReadonlySet<string>,
  ordinary: Ordinary,
): Name | null {
  const words = tokens.slice(span.from, span.to);
  const saying = words.some((w) => STOP_WORDS.has(w.lower) && !CONNECTORS.has(w.lower));
  const rightAfter = cued || firmWordBefore(tokens, span.from - 1, false);
  if (!words.some(isCapitalised) && (saying || !rightAfter)) return null;
  const said = text.slice(words[0]?.start ?? 0, words.at(-1)?.end ?? 0);
  if (holdsKnownName(text, words, known) || known.has(fold(said))) return null;
  const capitalised = words.filter((w) => distinctive(w, known) && !DESCRIPTIVE_WORDS.has(w.folded));
  // In a name typed in lower case any word may be a common one; a capitalised word is checked against the
  // vocabulary alone, as a name's ending may look like a common word's ("Fabienne").
  const identifying = words.filter(
    (w) =>
      isLetters(w) &&
      !ARTICLES.has(w.lower) &&
      !CONNECTORS.has(w.lower) &&
      !NOT_NAMES.has(w.folded) &&
      !isFirmWord(w.text) &&
      !known.has(w.folded) &&
      !ordinary(w, !isCapitalised(w)),
  );
  if (capitalised.length === 0 && identifying.length === 0) return null;
  let coreFrom = 0;
  while (coreFrom < words.length - 1 && NOT_NAMES.has(words[coreFrom]?.folded ?? '')) coreFrom += 1;
  const distinct = new Set([...capitalised, ...identifying]);
  return {
    kind: 'company',
    text: said,
    core: text.slice(words[coreFrom]?.start ?? 0, words.at(-1)?.end ?? 0),
    words: words.filter((w) => distinct.has(w)).map((w) => w.text),
    parts: identifying.filter((w) => w.folded.length >= 3).map((w) => w.text),
    anyCase: capitalised.length === 0,
    capitalisedOnly: capitalised.length > 0,
  };
}

/**
 * A person named next to their role or after a greeting, with no cue before the name: "le gérant, Pierre
 * Morvan", "Jean Dupont, gérant de…", "John Hartley here", "Bonjour, Jean Dupont." The run must start after
 * punctuation or a greeting ("à Quimper, gérant…" names a place) and hold a word that is no common word
 * ("Hi, Good question.", "Personnellement, gérante…").
 */
function appositionPerson(
  text: string,
  tokens: readonly Token[],
  run: Run,
  known: ReadonlySet<string>,
  ordinary: Ordinary,
): Name | null {
  const before = tokens[run.from - 1];
  const greeted = (token: Token | undefined) => token !== undefined && GREETINGS.has(token.folded);
  if (before && isLetters(before) && !greeted(before)) return null;
  const start = tokens[run.from]?.start ?? 0;
  const end = tokens[run.to - 1]?.end ?? 0;
  AFTER_NAME.lastIndex = end;
  const next = tokens[run.to];
  const endsClause = !next || CLAUSE_END.test(next.text);
  const greeting = greeted(before) || (before?.text === ',' && greeted(tokens[run.from - 2]));
  if (
    !AFTER_NAME.test(text) &&
    !ROLE_BEFORE_NAME.test(text.slice(Math.max(0, start - MAX_ROLE_CHARS), start)) &&
    !(greeting && endsClause)
  )
    return null;
  const words = tokens.slice(run.from, run.to);
  // One capitalised word may be any sentence's first ("Actuellement, gérant…"): its form is checked too.
  if (words.every((w) => ordinary(w, words.length === 1)) || publicBody(tokens, run)) return null;
  return personOf(text, tokens, run, known);
}

/** Every match of a global pattern, overlapping ones included ("je dirige la société X": both cues). */
function overlappingMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const scan = new RegExp(pattern.source, pattern.flags);
  for (let match = scan.exec(text); match !== null; match = scan.exec(text)) {
    found.push(match);
    scan.lastIndex = match.index + 1;
  }
  return found;
}

/** The index of the first token at or after `offset`, or -1: a binary search, tokens being in order. */
function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((tokens[middle]?.start ?? offset) < offset) low = middle + 1;
    else high = middle;
  }
  return low < tokens.length ? low : -1;
}

function namesIn(text: string, known: ReadonlySet<string>, ordinary: Ordinary): Name[] {
  const tokens = tokenize(text);
  const names: Name[] = [];
  const add = (name: Name | null) => {
    if (name) names.push(name);
  };
  const firmAfterLead = (run: Run, shape: boolean) =>
    run.plain ? plainFirm(text, tokens, run, known) : firmOf(text, tokens, run, known, shape);
  // Where company cues end: a quote there opens the firm's name ("chez « … »", "we're called "…"").
  const cueEnds = new Set<number>();
  for (const cue of overlappingMatches(COMPANY_CUES, text)) {
    const start = firstTokenFrom(tokens, cue.index + cue[0].length);
    cueEnds.add(start);
    const firm = cue[0].split(/[\s'’]+/).some((word) => isFirmWord(word));
    const run = start < 0 ? null : nameAfterLead(tokens, start, { cue: true, firm }, ordinary);
    if (run) add(firmAfterLead(run, run.bare === true));
  }
  for (const span of quotedSpans(text, tokens)) {
    const cued = cueEnds.has(span.from - 1);
    if (cued || firmWordBefore(tokens, span.from - 1, true))
      add(quotedFirm(text, tokens, span, cued, known, ordinary));
  }
  tokens.forEach((token, i) => {
    if (!DETERMINERS.has(token.lower)) return;
    const run = nameAfterLead(tokens, i + 1, { cue: false, firm: false }, ordinary);
    if (run) add(firmAfterLead(run, false));
  });
  for (let i = 0; i < tokens.length; ) {
    const run = readRun(tokens, i);
    if (!run) {
      i += 1;
      continue;
    }
    add(firmOf(text, tokens, run, known, true));
    i = run.to;
  }
  const personRun = (from: number): Run | null => {
    const start = firstTokenFrom(tokens, from);
    return start < 0 ? null : readRun(tokens, tokens[start]?.text === ',' ? start + 1 : start, true);
  };
  for (const cue of overlappingMatches(PERSON_CUES, text)) {
    const run = personRun(cue.index + cue[0].length);
    if (run) add(personOf(text, tokens, run, known));
  }
  for (let i = 0; i < tokens.length; ) {
    const run = GREETINGS.has(tokens[i]?.folded ?? '') ? null : readRun(tokens, i, true);
    if (!run) {
      i += 1;
      continue;
    }
    add(appositionPerson(text, tokens, run, known, ordinary));
    i = run.to;
  }
  // A relation says the name is a person's, whatever a firm cue before it read ("is called …").
  const relations = new Set<string>();
  for (const person of relationPeople(text, tokens, known)) {
    relations.add(person.text);
    add(person);
  }
  if (relations.size > 0) {
    const firms = names.filter((name) => name.kind === 'company' && relations.has(name.text));
    for (const firm of firms) names.splice(names.indexOf(firm), 1);
  }
  for (const cue of text.matchAll(STRONG_PERSON_CUES)) {
    const person = lowerCasePerson(text, cue.index + cue[0].length, known);
    // A name read whole with its case ("MARIE DE LA TOUR") is not read again in part ("MARIE"), or the
    // part would take a pseudonym of its own.
    const run = personRun(cue.index + cue[0].length);
    const read = run ? text.slice(tokens[run.from]?.start ?? 0, tokens[run.to - 1]?.end ?? 0) : '';
    if (person && person.text.length > read.length) add(person);
  }
  return names;
}

/**
 * The people a text names by who they are to the speaker ("ma fille Léa", "two apprentices, Conor and Jack"),
 * or with a title ("Mrs. Thibodeaux", "Mr Goh", "Madame Le Goff").
 */
function relationPeople(text: string, tokens: readonly Token[], known: ReadonlySet<string>): Name[] {
  const people: Name[] = [];
  tokens.forEach((token, i) => {
    if (!TITLES.has(token.folded) || !startsUpper(token.text)) return;
    // A title's stop ("Mrs.") stands between it and the name; without one the title opens the run.
    const run = tokens[i + 1]?.text === '.' ? readRun(tokens, i + 2, true) : readRun(tokens, i, true);
    const person = run && personOf(text, tokens, run, known);
    if (person) people.push(person);
  });
  for (const cue of overlappingMatches(RELATION_CUES, text)) {
    const start = firstTokenFrom(tokens, cue.index + cue[0].length);
    let run = start < 0 ? null : readRun(tokens, tokens[start]?.text === ',' ? start + 1 : start, true);
    // "two apprentices, Conor and Jack": each name of the list.
    for (let listed = 0; run && listed < MAX_LISTED_PEOPLE; listed += 1) {
      const person = personOf(text, tokens, run, known);
      if (!person) break;
      people.push(person);
      // ", and Kwame": a comma and a joining word in a row.
      let next = run.to;
      while (next < run.to + 2 && LIST_JOINERS.has(tokens[next]?.lower ?? '')) next += 1;
      run = next > run.to ? readRun(tokens, next, true) : null;
    }
  }
  return people;
}

/**
 * People named by who they are to the speaker or with a title in any answer, not only the presentation ("c'est
 * ma fille Léa qui gère Instagram", "Mrs. Thibodeaux"), and firms named with their legal form or family ending
 * ("Goh & Partners"): identifiers for them, as `findIntroducedNames` gives.
 */
export function findRelationNames(
  texts: readonly string[],
  known: ReadonlySet<string> = shippedKnownNames(),
): Identifier[] {
  const identifiers: Identifier[] = [];
  const firms: Name[] = [];
  for (const text of texts) {
    const tokens = tokenize(text);
    for (const person of relationPeople(text, tokens, known)) {
      identifiers.push({ kind: 'person', text: person.text, canonical: person.text, caseSensitive: true });
      for (const part of person.parts.filter((p) => p !== person.text))
        identifiers.push({ kind: 'person', text: part, canonical: person.text, caseSensitive: true });
    }
    firms.push(...firmsByShape(text, tokens, known));
  }
  const canonical = canonicalNames(firms);
  for (const firm of firms) {
    const of = canonical.get(firm) ?? firm.text;
    for (const said of new Set([firm.text, firm.core]))
      identifiers.push({ kind: 'company', text: said, canonical: of, caseSensitive: true });
  }
  return identifiers;
}

/**
 * Firms a text names with a legal form or a family ending ("Hollis Digital Ltd", "Goh & Partners", "Martin
 * Frères"): wherever they are said, they name a firm. A trade in a capitalised name is no sign here: outside
 * the presentation such names are mostly programmes, software and events ("Team France Export", "Cabinet
 * Vision", "Maison&Objet"); nor is "PLC", which in the workshop is a controller ("a Siemens PLC").
 */
function firmsByShape(text: string, tokens: readonly Token[], known: ReadonlySet<string>): Name[] {
  const firms: Name[] = [];
  for (let i = 0; i < tokens.length; ) {
    const run = readRun(tokens, i);
    if (!run) {
      i += 1;
      continue;
    }
    const words = tokens.slice(run.from, run.to);
    const last = words.at(-1);
    const marked =
      words.some((word) => isLegalForm(word.text) && word.folded !== 'plc') ||
      (words.length > 1 && last !== undefined && FAMILY_ENDINGS.has(last.folded));
    const firm = marked ? firmOf(text, tokens, run, known, true) : null;
    if (firm) firms.push(firm);
    i = run.to;
  }
  return firms;
}

/** Sticky: read where the cue ends, not from a copy of the rest of the text. */
const LOWER_NAME = /\s*([\p{L}'’-]{2,}(?:\s+[\p{L}'’-]{2,}){0,2})/uy;

/**
 * A word that ends a lower-case name ("je m'appelle paul et je dirige…", "my name is david basically…") or
 * shows there is none ("comme mon père"): a function word, a filler, a word known to be no name.
 */
function endsLowerName(word: string): boolean {
  const said = lower(word);
  if (ARTICLES.has(said)) return false;
  const folded = fold(word);
  return (
    STOP_WORDS.has(said) ||
    DETERMINERS.has(said) ||
    NOT_NAMES.has(folded) ||
    FILLERS.has(folded) ||
    isContraction(word)
  );
}

/**
 * A word of a lower-case name that may be said alone later: no article, trade ("julien boulanger": he may
 * be a baker) or brand. Its part would replace that word wherever the later answer is in lower case.
 */
function standsAlone(word: string, known: ReadonlySet<string>): boolean {
  const folded = fold(word);
  return !ARTICLES.has(lower(word)) && !JOB_WORDS.has(folded) && !isFirmWord(word) && !known.has(folded);
}

/** A name written in lower case after a strong cue ("je m'appelle paul le gall et…"). */
function lowerCasePerson(text: string, from: number, known: ReadonlySet<string>): Name | null {
  LOWER_NAME.lastIndex = from;
  const words = (LOWER_NAME.exec(text)?.[1] ?? '').split(/\s+/).filter(Boolean);
  const end = words.findIndex(endsLowerName);
  const kept = words.slice(0, end < 0 ? words.length : end);
  while (kept.length > 0 && ARTICLES.has(lower(kept.at(-1) ?? ''))) kept.pop();
  // Its words are said alone later, capitalised ("Paul", "Le Gall"); in lower case they are matched only
  // in an answer typed all in lower case, as the parts of a capitalised name are.
  const parts: string[] = [];
  kept.forEach((word, i) => {
    if (!standsAlone(word, known)) return;
    const article = kept[i - 1];
    if (article && ARTICLES.has(lower(article))) parts.push(`${article} ${word}`);
    if (fold(word).length >= 3) parts.push(word);
  });
  if (!kept.some((word) => standsAlone(word, known))) return null;
  const name = kept.join(' ');
  return { kind: 'person', text: name, core: name, words: kept, parts };
}

/**
 * Firms that share a distinctive word are one firm ("menuiserie Kerguelen", "SARL Kerguelen",
 * "Kerguelen Bois"): all take the pseudonym of the shortest way of naming it, which is also how other
 * interviews of the study are likeliest to name it.
 */
function canonicalNames(firms: readonly Name[]): Map<Name, string> {
  // Groups are joined through an index of their words, not by comparing every pair: a long transcript
  // names its firm hundreds of times.
  const parent = firms.map((_, i) => i);
  const root = (i: number): number => {
    let at = i;
    while ((parent[at] ?? at) !== at) at = parent[at] ?? at;
    parent[i] = at;
    return at;
  };
  const byWord = new Map<string, number>();
  firms.forEach((firm, i) => {
    for (const word of firm.words) {
      const key = fold(word);
      const other = byWord.get(key);
      if (other === undefined) byWord.set(key, i);
      else parent[root(other)] = root(i);
    }
  });
  const shortest = new Map<number, Name>();
  firms.forEach((firm, i) => {
    const group = root(i);
    const best = shortest.get(group);
    if (!best || (firm.words.length - best.words.length || firm.core.length - best.core.length) < 0)
      shortest.set(group, firm);
  });
  const canonical = new Map<Name, string>();
  firms.forEach((firm, i) => {
    canonical.set(firm, shortest.get(root(i))?.core ?? firm.core);
  });
  return canonical;
}

/**
 * Names introduced in presentation answers, each with the name whose pseudonym it takes: the name as
 * said (any case), its distinctive core, and each distinctive word said alone later ("chez Kerguelen",
 * "c'est Martine qui…", as written: "Rose" may be a common word in lower case). Firms come first, so a
 * word that is both a surname and the firm's name ("Kerguelen") reads as the firm.
 * `known`: brands and institutions that are nobody's name (lexicon). `vocabulary`: the words the tagger
 * knows (`Tagger.knownWords`), folded: a lower-case word after a trade that is none of them is a name.
 */
export function findIntroducedNames(
  presentation: string | readonly string[],
  known: ReadonlySet<string> = shippedKnownNames(),
  vocabulary: ReadonlySet<string> = shippedVocabulary(),
): Identifier[] {
  const ordinary = ordinaryWords(vocabulary, known);
  const names = (typeof presentation === 'string' ? [presentation] : presentation).flatMap((text) =>
    namesIn(text, known, ordinary),
  );
  const firms = names.filter((name) => name.kind === 'company');
  const canonical = canonicalNames(firms);
  const identifiers: Identifier[] = [];
  for (const name of [...firms, ...names.filter((n) => n.kind === 'person')]) {
    const of = canonical.get(name) ?? name.text;
    const capitalisedOnly = name.capitalisedOnly === true;
    identifiers.push({ kind: name.kind, text: name.text, canonical: of, caseSensitive: capitalisedOnly });
    if (name.core !== name.text)
      identifiers.push({
        kind: name.kind,
        text: name.core,
        canonical: of,
        caseSensitive: capitalisedOnly || !/\s/.test(name.core),
      });
    for (const part of name.parts.filter((p) => p !== name.text))
      identifiers.push({
        kind: name.kind,
        text: part,
        canonical: of,
        caseSensitive: !name.anyCase && !/\s/.test(part),
      });
  }
  return dedupe(identifiers);
}

/** One identifier per text; of two, the one matched in any case stays (it covers the other). */
function dedupe(identifiers: readonly Identifier[]): Identifier[] {
  const kept = new Map<string, Identifier>();
  for (const identifier of identifiers) {
    const key = fold(identifier.text.trim()).replace(/\s+/g, ' ');
    const seen = kept.get(key);
    if (!seen || (seen.caseSensitive && !identifier.caseSensitive && seen.kind === identifier.kind))
      kept.set(key, identifier);
  }
  return [...kept.values()];
}
