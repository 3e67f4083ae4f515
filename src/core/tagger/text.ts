import type { Language } from '../domain.js';

/** One word of the original text, with its UTF-16 offsets and the forms the lexicon is matched on. */
export interface Token {
  start: number;
  end: number;
  /** The original spelling (brands and acronyms are matched on it, case-sensitive). */
  surface: string;
  /** Lower-cased, accent-folded, hyphens removed ("E-Commerce" → "ecommerce"). */
  norm: string;
  stem: string;
  /** Index keys, built once per word rather than once per lexicon scan. */
  stemKey: string;
  exactKey: string;
  /** The answer is written all in lower case (or all in capitals): brands are matched whatever their case. */
  caseBlind: boolean;
  /** Clauses end at punctuation and at contrast words; negation and patterns stay inside one. */
  clause: number;
  sentence: number;
  /** A contrast word ("mais", "but") opens a new clause and ends a hypothetical's reach. */
  contrast: boolean;
  /** The word ends a sentence closed by a question mark. */
  endsQuestion: boolean;
}

/** Combining marks belong to their letter: "é" pasted as "e" and an accent (macOS, PDFs) is one word's letter. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
/**
 * Markup and code pasted into an answer: a script or style element with its content, a tag, a comment, a span
 * in backquotes, a call with no words in its brackets ("alert(1)", "x()"; "site(s)" is prose).
 */
const MARKUP =
  /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<\/?[a-z][^<>]*>|`[^`\n]*`|\b[a-z_$][\w$.]*\((?:[^()\p{L}]*|(['"])[^'"]*\2)\)/giu;
const MAY_HOLD_MARKUP = /[<`(]/;

/**
 * The text with its markup and code blanked out, character for character, so that none of it is read as a cue
 * and every offset still points into the answer as written; line breaks stay, as sentence breaks.
 */
export function withoutMarkup(text: string): string {
  if (!MAY_HOLD_MARKUP.test(text)) return text;
  return text.replace(MARKUP, (span) => span.replace(/[^\n]/g, ' '));
}
const SENTENCE_BREAK = /[.!?;…\n]/;
const CLAUSE_BREAK = /[,:()"«»–—/]/;

/** French elided forms (l', d', qu'…) read as their full word so cues and patterns see one form. */
const FR_ELISIONS: ReadonlyMap<string, string> = new Map([
  ['l', 'le'],
  ['d', 'de'],
  ['j', 'je'],
  ['n', 'ne'],
  ['s', 'se'],
  ['c', 'ce'],
  ['m', 'me'],
  ['t', 'te'],
  ['qu', 'que'],
  ['jusqu', 'jusque'],
  ['lorsqu', 'lorsque'],
  ['puisqu', 'puisque'],
]);

/** Longest first, so "qu" is tried before a one-letter elision. */
const FR_ELIDING = [...FR_ELISIONS.keys()].sort((a, b) => b.length - a.length);
/** What an elided word is followed by: a vowel or a mute h. */
const ELIDED_ONTO = /^[aeiouyh]/;
const STARTS_ELIDED_ONTO = /^\s+[aeiouyhàâäéèêëîïôöûüù]/iu;
/** A word after a space: what a one-letter "c" standing for "c'est" is followed by. */
const STARTS_WORD = /^\s+\p{L}/u;
/** "c est", "c était": "c'est" typed with a space for the apostrophe, its verb written out. */
const BEFORE_ITS_VERB = /^\s+(?:est|etait|était|étaient|etaient)(?![\p{L}\p{N}])/iu;
/**
 * Common French words that read as an elision glued to a word ("dont", "sont", "mont", "test"): never
 * split, even where the lexicon knows the rest ("ont") and not the word itself.
 */
const FR_NOT_ELIDED = new Set([
  ...['la', 'las', 'lai', 'les', 'lest', 'lune', 'lors', 'lui', 'da', 'des', 'don', 'dont', 'dune', 'ja'],
  ...['non', 'nil', 'nos', 'sa', 'sas', 'ses', 'son', 'sont', 'sel', 'selle', 'sil', 'ca', 'cas', 'ces'],
  ...['cela', 'ceux', 'ci', 'ma', 'mai', 'mais', 'mes', 'mil', 'mon', 'mont', 'ta', 'tas', 'tes', 'test'],
  ...['tel', 'telle', 'ton', 'tu', 'quai', 'quel', 'quelle', 'quels', 'quelles', 'quoi', 'cet', 'celle'],
  ...['celles', 'savoir', 'savais', 'savait', 'savons', 'savez', 'savaient', 'sage', 'net', 'nette', 'metre'],
  ...['metres', 'couvre', 'couvrir', 'couvert', 'couverture', 'coffre', 'taxe', 'tete', 'tetes'],
]);

const CONTRAST: Record<Language, ReadonlySet<string>> = {
  fr: new Set(['mais', 'cependant', 'pourtant', 'sauf', 'alors', 'tandis']),
  en: new Set(['but', 'however', 'although', 'though', 'whereas', 'except', 'yet']),
};

/**
 * Speech typed or dictated without punctuation runs clauses together, so a negation, an "if" or talk of
 * others would reach words that are not theirs. In a stretch of at least this many words with no mark
 * at all, a clause also begins at a subject pronoun (with the conjunctions just before it).
 */
const UNPUNCTUATED_RUN = 20;
/** Fewer words than this before a pronoun do not make a clause of their own ("et puis on"). */
const MIN_VIRTUAL_CLAUSE = 3;
const SUBJECTS: Record<Language, ReadonlySet<string>> = {
  fr: new Set(['je', 'on', 'nous', 'il', 'ils', 'elle', 'elles', 'ca']),
  en: new Set(['i', 'we', 'they', 'he', 'she']),
};
/** Words that lead a clause in with its subject: "parce que on", "mais si je", "and when we". */
const LEADERS: Record<Language, ReadonlySet<string>> = {
  fr: new Set([
    'et',
    'mais',
    'donc',
    'puis',
    'alors',
    'si',
    'quand',
    'lorsque',
    'puisque',
    'car',
    'parce',
    'que',
    'ou',
    'comme',
  ]),
  en: new Set(['and', 'but', 'so', 'if', 'when', 'because', 'since', 'as', 'or', 'then', 'cause']),
};

/** Lower case, accents removed, ligatures opened, hyphens dropped: one spelling for "sécurité"/"securite". */
export function fold(word: string): string {
  let folded = FOLDED.get(word);
  if (folded === undefined) {
    folded = foldUncached(word);
    if (FOLDED.size > 50_000) FOLDED.clear();
    FOLDED.set(word, folded);
  }
  return folded;
}

const FOLDED = new Map<string, string>();

/** `fold` without its cache, for word lists read once. */
export function foldUncached(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[-‐]/g, '');
}

/** The folded words of a text, without tokens' offsets or stems (a cheap vocabulary of phrases). */
export function foldedWords(text: string): string[] {
  return Array.from(text.matchAll(WORD), (match) => fold(match[0]));
}

export type Stem = (norm: string) => string;

/**
 * Where an elided French word has lost its apostrophe, typed in a hurry ("jai", "on na pas", "lERP"), the
 * length of the elision that starts `norm`: the word is not one `words` knows and the rest is.
 */
function gluedElision(norm: string, words: ReadonlySet<string>): number {
  if (words.has(norm) || FR_NOT_ELIDED.has(norm)) return 0;
  for (const elision of FR_ELIDING) {
    if (!norm.startsWith(elision)) continue;
    const rest = norm.slice(elision.length);
    if (ELIDED_ONTO.test(rest) && words.has(rest)) return elision.length;
  }
  return 0;
}

/**
 * Splits text into words. `words`, the folded words the lexicon knows in French, lets an elision typed
 * without its apostrophe be read off the word it is glued to; without it, words are taken as written.
 */
export function tokenize(
  written: string,
  lang: Language,
  stem: Stem,
  words?: ReadonlySet<string>,
  correct?: (norm: string) => string | undefined,
): Token[] {
  const text = withoutMarkup(written);
  const tokens: Token[] = [];
  // Someone who writes "on fait les factures sur ebp" gives case no meaning: "=EBP" then matches "ebp".
  const caseBlind = !/\p{Lu}/u.test(text) || !/\p{Ll}/u.test(text);
  let clause = 0;
  let sentence = 0;
  let previousEnd = 0;
  // Only an answer typed without a single apostrophe has its elisions glued on ("cest", "jai", "lERP").
  const glueable = lang === 'fr' && !/['’]/.test(text) ? words : undefined;
  const push = (start: number, surface: string, written: string) => {
    const corrected = correct?.(written);
    const norm = corrected !== undefined && mayBeTypo(surface) ? corrected : written;
    const contrast = CONTRAST[lang].has(norm);
    if (contrast && tokens.length > 0) clause += 1;
    const stemmed = stem(norm);
    tokens.push({
      start,
      end: start + surface.length,
      surface,
      norm,
      stem: stemmed,
      stemKey: `~${stemmed}`,
      exactKey: caseBlind ? `=~${norm}` : `=${surface}`,
      caseBlind,
      clause,
      sentence,
      contrast,
      endsQuestion: false,
    });
  };
  /**
   * A capital inside a sentence written in both cases is a name (Angers, Vendée), and a hyphenated compound
   * ("same-day") folds to a word no dictionary lists: neither is a typo.
   */
  const mayBeTypo = (surface: string): boolean => {
    const opensSentence = tokens.length === 0 || tokens[tokens.length - 1]?.sentence !== sentence;
    const named = !caseBlind && !opensSentence && /^\p{Lu}/u.test(surface);
    return !named && !/[-‐]/.test(surface);
  };
  for (const match of text.matchAll(WORD)) {
    let start = match.index;
    let surface = match[0];
    const gap = text.slice(previousEnd, start);
    if (tokens.length > 0) {
      if (SENTENCE_BREAK.test(gap)) {
        const last = tokens[tokens.length - 1];
        if (last && gap.includes('?')) last.endsQuestion = true;
        sentence += 1;
        clause += 1;
      } else if (CLAUSE_BREAK.test(gap)) {
        clause += 1;
      }
    }
    previousEnd = start + surface.length;
    let norm = fold(surface);
    if (lang === 'fr') {
      const after = text.slice(previousEnd, previousEnd + 3);
      const apostrophe = after[0] === "'" || after[0] === '’';
      // "c mon comptable qui…": "c'est" as typed in a text message, a lone "c" before a word ("c'est" or
      // "c'était" typed with a space keep their own verb).
      const opensSentence = tokens.length === 0 || tokens[tokens.length - 1]?.sentence !== sentence;
      if (
        norm === 'c' &&
        !apostrophe &&
        (surface === 'c' || opensSentence) &&
        STARTS_WORD.test(after) &&
        !BEFORE_ITS_VERB.test(text.slice(previousEnd, previousEnd + 10))
      ) {
        push(start, surface, 'ce');
        push(start, surface, 'est');
        continue;
      }
      const elided = FR_ELISIONS.get(norm);
      // "l'ERP", and "l ERP" typed with a space for the apostrophe.
      if (elided && (apostrophe || STARTS_ELIDED_ONTO.test(after))) {
        push(start, surface, elided);
        continue;
      }
      const glued = glueable && norm.length === surface.length ? gluedElision(norm, glueable) : 0;
      if (glued > 0) {
        push(start, surface.slice(0, glued), FR_ELISIONS.get(norm.slice(0, glued)) ?? norm);
        start += glued;
        surface = surface.slice(glued);
        norm = norm.slice(glued);
      }
    }
    push(start, surface, norm);
  }
  splitUnpunctuatedRuns(tokens, lang);
  return tokens;
}

/** Where a long stretch has no punctuation, starts a clause at each subject pronoun (see UNPUNCTUATED_RUN). */
function splitUnpunctuatedRuns(tokens: Token[], lang: Language): void {
  const subjects = SUBJECTS[lang];
  const leaders = LEADERS[lang];
  const opensAt = new Uint8Array(tokens.length);
  let any = false;
  for (let first = 0; first < tokens.length; ) {
    let end = first;
    while (end + 1 < tokens.length && tokens[end + 1]?.clause === tokens[first]?.clause) end += 1;
    if (end - first + 1 >= UNPUNCTUATED_RUN) {
      let clauseStart = first;
      for (let j = first + 1; j <= end; j += 1) {
        if (!subjects.has(tokens[j]?.norm ?? '')) continue;
        let opening = j;
        while (opening - 1 > clauseStart && leaders.has(tokens[opening - 1]?.norm ?? '')) opening -= 1;
        if (opening - clauseStart < MIN_VIRTUAL_CLAUSE) continue;
        opensAt[opening] = 1;
        clauseStart = opening;
        any = true;
      }
    }
    first = end + 1;
  }
  if (!any) return;
  let clause = 0;
  let punctuated = tokens[0]?.clause;
  tokens.forEach((token, index) => {
    if (index > 0 && (token.clause !== punctuated || opensAt[index])) clause += 1;
    punctuated = token.clause;
    token.clause = clause;
  });
}
