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
  /** Clauses end at punctuation and at contrast words; negation and patterns stay inside one. */
  clause: number;
  sentence: number;
  /** A contrast word ("mais", "but") opens a new clause and ends a hypothetical's reach. */
  contrast: boolean;
  /** The word ends a sentence closed by a question mark. */
  endsQuestion: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*/gu;
const SENTENCE_BREAK = /[.!?;…\n]/;
const CLAUSE_BREAK = /[,:()"«»–—/]/;

/** French elided forms (l', d', qu'…) read as their full word so cues and patterns see one form. */
const FR_ELISIONS: Record<string, string> = {
  l: 'le',
  d: 'de',
  j: 'je',
  n: 'ne',
  s: 'se',
  c: 'ce',
  m: 'me',
  t: 'te',
  qu: 'que',
  jusqu: 'jusque',
  lorsqu: 'lorsque',
  puisqu: 'puisque',
};

const CONTRAST: Record<Language, ReadonlySet<string>> = {
  fr: new Set(['mais', 'cependant', 'pourtant', 'sauf', 'alors', 'tandis']),
  en: new Set(['but', 'however', 'although', 'though', 'whereas', 'except', 'yet']),
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

function foldUncached(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[-‐]/g, '');
}

export type Stem = (norm: string) => string;

export function tokenize(text: string, lang: Language, stem: Stem): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let sentence = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const surface = match[0];
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
    let norm = fold(surface);
    const next = text[start + surface.length];
    if (lang === 'fr' && (next === "'" || next === '’')) norm = FR_ELISIONS[norm] ?? norm;
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
      exactKey: `=${surface}`,
      clause,
      sentence,
      contrast,
      endsQuestion: false,
    });
    previousEnd = start + surface.length;
  }
  return tokens;
}
