import type { Language } from '../domain.js';
import type { Pattern, Phrases } from './lexicon.js';
import { type Stem, type Token, tokenize } from './text.js';

/** One word of a compiled pattern: matched on stem or folded form, or exactly on the surface. */
export interface Item {
  norm: string;
  stem: string;
  /** Surface form to match exactly (`=Teams`). */
  exact?: string;
  /** Never read in an answer written all in one case, where it may be the common word (`==MES`: "mes"). */
  strictCase?: boolean;
  /** Folded form to match without stemming (`!customs` must not match "customers"). */
  unstemmed?: boolean;
  /**
   * Written with a capital (`AWS`, `Italians`, `Google`): a name, matched on its own spelling and its
   * inflections only, never on a common word sharing its stem ("awful" stems to "aw", as "AWS" does).
   */
  name?: 'acronym' | 'word';
}

/** An acronym in capitals (`AWS`, `CRM`, `3D`): its plural is its only other form ("CRMs"). */
const ACRONYM = /^[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*$/u;
/** A plural or feminine ending ("Italians", "Américaine"): what a name may add beside its stem. */
const INFLECTION = /(?:es|e|s)$/;

/** A name's inflections share its stem and its spelling but for an inflection ending. */
function sameName(item: Item, token: Token): boolean {
  if (token.norm === item.norm) return true;
  if (item.name === 'acronym') return token.norm === `${item.norm}s`;
  return token.stem === item.stem && token.norm.replace(INFLECTION, '') === item.norm.replace(INFLECTION, '');
}

export interface Compiled<T> {
  items: Item[];
  weight: number;
  payload: T;
  /** The phrase carries its own negation ("plus besoin de", "no more"): an outer one does not cancel it. */
  selfNegating: boolean;
  /** The phrase holds a brand or an acronym ("Shopify", "page Facebook", "CRM"), not only common words. */
  named: boolean;
}

export interface PhraseMatch<T> {
  payload: T;
  weight: number;
  /** Token indices, inclusive. */
  first: number;
  last: number;
  selfNegating: boolean;
  named: boolean;
}

/** How many words may stand between two words of a pattern ("gagner beaucoup de temps"). */
export const MAX_GAP = 2;

export const ACTOR_SLOT = '{A}';

export function patternsFor(phrases: Phrases, lang: Language): Pattern[] {
  return [...(phrases[lang] ?? []), ...(phrases.any ?? [])];
}

/** Compiles one chunk of a pattern (several words when it holds an apostrophe or a slash). */
export function compileWords(text: string, lang: Language, stem: Stem): Item[] {
  const items: Item[] = [];
  for (const chunk of text.split(/\s+/).filter(Boolean)) {
    const strictCase = chunk.startsWith('==');
    const exact = chunk.startsWith('=');
    const unstemmed = chunk.startsWith('!');
    const word = chunk.slice(strictCase ? 2 : exact || unstemmed ? 1 : 0);
    for (const token of tokenize(word, lang, stem)) {
      if (strictCase) items.push({ norm: token.norm, stem: token.stem, exact: token.surface, strictCase });
      else if (exact) items.push({ norm: token.norm, stem: token.stem, exact: token.surface });
      else if (unstemmed) items.push({ norm: token.norm, stem: token.stem, unstemmed: true });
      else if (/\p{Lu}/u.test(token.surface))
        items.push({
          norm: token.norm,
          stem: token.stem,
          name: token.surface.length > 1 && ACRONYM.test(token.surface) ? 'acronym' : 'word',
        });
      else items.push({ norm: token.norm, stem: token.stem });
    }
  }
  return items;
}

export function itemMatches(item: Item, token: Token): boolean {
  if (item.exact !== undefined)
    return token.caseBlind && !item.strictCase ? token.norm === item.norm : token.surface === item.exact;
  if (item.unstemmed) return token.norm === item.norm;
  if (item.name) return sameName(item, token);
  return token.norm === item.norm || token.stem === item.stem;
}

/** Matches `items` forward from token `from` (the first item already matched there); returns the last index. */
export function matchRest(
  items: readonly Item[],
  tokens: readonly Token[],
  from: number,
  startItem = 1,
  gapStops?: ReadonlySet<string>,
  maxGap = MAX_GAP,
): number {
  let at = from;
  const clause = tokens[from]?.clause;
  for (let k = startItem; k < items.length; k += 1) {
    const item = items[k];
    if (item === undefined) return -1;
    let found = -1;
    for (let j = at + 1; j <= at + 1 + maxGap && j < tokens.length; j += 1) {
      const token = tokens[j];
      if (token === undefined || token.clause !== clause) break;
      if (itemMatches(item, token)) {
        found = j;
        break;
      }
      // "we don't get" is not "we get": a negation in the gap breaks the phrase.
      if (gapStops?.has(token.norm)) break;
    }
    if (found < 0) return -1;
    at = found;
  }
  return at;
}

/** Matches `items` backward so that the last item ends at most MAX_GAP words before `before`. */
export function matchBackward(items: readonly Item[], tokens: readonly Token[], before: number): number {
  let at = before;
  const sentence = tokens[before]?.sentence;
  for (let k = items.length - 1; k >= 0; k -= 1) {
    const item = items[k];
    if (item === undefined) return -1;
    let found = -1;
    for (let j = at - 1; j >= at - 1 - MAX_GAP && j >= 0; j -= 1) {
      const token = tokens[j];
      if (token === undefined || token.sentence !== sentence) break;
      if (itemMatches(item, token)) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    at = found;
  }
  return at;
}

/**
 * Every first-word key of every index, numbered: a text's words are looked up in this one map once, and each
 * index then reads its patterns by number, not by hashing the same words again (a dozen indexes read a text).
 */
const KEY_NUMBERS = new Map<string, number>();

function keyNumber(key: string): number {
  let number = KEY_NUMBERS.get(key);
  if (number === undefined) {
    number = KEY_NUMBERS.size;
    KEY_NUMBERS.set(key, number);
  }
  return number;
}

interface TokenKeys {
  /** Per token, the numbers of its folded form, stem and exact keys (-1: no index files a pattern under it). */
  numbers: Int32Array;
  /** Keys known when read: a pattern added since may be filed under a word read as unknown. */
  known: number;
}

const tokenKeys = new WeakMap<readonly Token[], TokenKeys>();

function keysOf(tokens: readonly Token[]): Int32Array {
  const cached = tokenKeys.get(tokens);
  if (cached && cached.known === KEY_NUMBERS.size && cached.numbers.length === tokens.length * 3)
    return cached.numbers;
  const numbers = new Int32Array(tokens.length * 3);
  tokens.forEach((token, i) => {
    numbers[3 * i] = KEY_NUMBERS.get(token.norm) ?? -1;
    numbers[3 * i + 1] = KEY_NUMBERS.get(token.stemKey) ?? -1;
    numbers[3 * i + 2] = KEY_NUMBERS.get(token.exactKey) ?? -1;
  });
  tokenKeys.set(tokens, { numbers, known: KEY_NUMBERS.size });
  return numbers;
}

/**
 * The keys a word of a pattern is found under, as `keysOf` numbers a text's words; null when it cannot be
 * told from them (a `==` word reads the surface of a text written in one case).
 */
function itemKeys(item: Item): readonly string[] | null {
  if (item.strictCase) return null;
  if (item.exact !== undefined) return [`=${item.exact}`, `=~${item.norm}`];
  if (item.unstemmed) return [item.norm];
  if (item.name === 'acronym') return [item.norm, `${item.norm}s`];
  return [item.norm, `~${item.stem}`];
}

/** Above this many patterns under one first word ("on", "the"), they are also filed by their second word. */
const FILED_BY_SECOND_WORD = 8;

/**
 * The patterns filed under one first word, in the order they were added. When they are many, only those whose
 * second word stands among the next words of the text are tried: the others cannot match there.
 */
class FirstWordPatterns<T> {
  readonly all: Compiled<T>[] = [];
  /** Second word's key number → positions in `all`; null until first needed after an addition. */
  private bySecond: Map<number, number[]> | null = null;
  /** Positions of patterns of one word, or whose second word has no key: always tried. */
  private always: number[] = [];
  /** Those patterns themselves, in order. */
  private alwaysTried: Compiled<T>[] = [];

  add(compiled: Compiled<T>): void {
    this.all.push(compiled);
    this.bySecond = null;
  }

  candidates(keys: Int32Array, at: number, reach: number): readonly Compiled<T>[] {
    if (this.all.length <= FILED_BY_SECOND_WORD) return this.all;
    const bySecond = this.filed();
    let positions: number[] | null = null;
    const last = Math.min(at + 1 + reach, keys.length / 3 - 1);
    for (let j = at + 1; j <= last; j += 1)
      for (let k = 3 * j; k < 3 * j + 3; k += 1) {
        const found = bySecond.get(keys[k] ?? -1);
        if (!found) continue;
        if (positions === null) positions = [...this.always];
        for (const position of found) positions.push(position);
      }
    if (positions === null) return this.alwaysTried;
    positions.sort((a, b) => a - b);
    const picked: Compiled<T>[] = [];
    let previous = -1;
    for (const position of positions) {
      const compiled = this.all[position];
      if (position !== previous && compiled) picked.push(compiled);
      previous = position;
    }
    return picked;
  }

  private filed(): Map<number, number[]> {
    if (this.bySecond) return this.bySecond;
    const bySecond = new Map<number, number[]>();
    const always: number[] = [];
    this.all.forEach((compiled, position) => {
      const second = compiled.items[1];
      const keys = second === undefined ? null : itemKeys(second);
      if (keys === null) {
        always.push(position);
        return;
      }
      for (const number of new Set(keys.map(keyNumber))) {
        const list = bySecond.get(number);
        if (list) list.push(position);
        else bySecond.set(number, [position]);
      }
    });
    this.bySecond = bySecond;
    this.always = always;
    this.alwaysTried = always.flatMap((position) => this.all[position] ?? []);
    return bySecond;
  }
}

/** Patterns indexed by their first word, so a text is scanned once whatever the lexicon's size. */
export class PhraseIndex<T> {
  private readonly byKey = new Map<number, FirstWordPatterns<T>>();
  private readonly lang: Language;
  private readonly stem: Stem;
  private readonly negationWords: ReadonlySet<string>;

  /** Negation words that may not stand in a pattern's gap. */
  private readonly gapStops: ReadonlySet<string> | undefined;
  /** Words allowed between two words of a pattern (0: read word for word). */
  private readonly maxGap: number;

  constructor(
    lang: Language,
    stem: Stem,
    negationWords: ReadonlySet<string> = new Set(),
    gapStops?: ReadonlySet<string>,
    maxGap = MAX_GAP,
  ) {
    this.lang = lang;
    this.stem = stem;
    this.negationWords = negationWords;
    this.gapStops = gapStops;
    this.maxGap = maxGap;
  }

  add(pattern: Pattern, payload: T): void {
    const text = typeof pattern === 'string' ? pattern : pattern.p;
    const weight = typeof pattern === 'string' ? 1 : pattern.w;
    const items = compileWords(text, this.lang, this.stem);
    const first = items[0];
    if (first === undefined) return;
    const selfNegating = items.some((item) => this.negationWords.has(item.norm));
    const named = items.some((item) => item.name !== undefined || item.exact !== undefined);
    const compiled: Compiled<T> = { items, weight, payload, selfNegating, named };
    const keys =
      first.exact !== undefined
        ? first.strictCase
          ? [`=${first.exact}`]
          : [`=${first.exact}`, `=~${first.norm}`]
        : first.unstemmed
          ? [first.norm]
          : [...new Set([first.norm, `~${first.stem}`])];
    // Numbered now, so that a text read before its patterns are filed by second word knows its keys.
    for (const key of (items[1] && itemKeys(items[1])) ?? []) keyNumber(key);
    for (const key of keys) {
      const number = keyNumber(key);
      let filed = this.byKey.get(number);
      if (!filed) {
        filed = new FirstWordPatterns<T>();
        this.byKey.set(number, filed);
      }
      filed.add(compiled);
    }
  }

  addAll(phrases: Phrases, payload: T): void {
    for (const pattern of patternsFor(phrases, this.lang)) this.add(pattern, payload);
  }

  find(tokens: readonly Token[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    const keys = keysOf(tokens);
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i];
      if (token === undefined) continue;
      this.tryAll(this.patternsAt(keys, 3 * i, i), tokens, i, matches, null);
      // A pattern is filed under its first word's folded form and its stem: when both equal this word's,
      // it was tried with the folded form already.
      this.tryAll(this.patternsAt(keys, 3 * i + 1, i), tokens, i, matches, token.norm);
      this.tryAll(this.patternsAt(keys, 3 * i + 2, i), tokens, i, matches, null);
    }
    return matches;
  }

  private patternsAt(keys: Int32Array, slot: number, at: number): readonly Compiled<T>[] | undefined {
    const key = keys[slot];
    if (key === undefined || key < 0) return undefined;
    return this.byKey.get(key)?.candidates(keys, at, this.maxGap);
  }

  private tryAll(
    candidates: readonly Compiled<T>[] | undefined,
    tokens: readonly Token[],
    at: number,
    matches: PhraseMatch<T>[],
    triedNorm: string | null,
  ): void {
    if (candidates === undefined) return;
    const token = tokens[at];
    for (const compiled of candidates) {
      const first = compiled.items[0];
      if (first === undefined || token === undefined) continue;
      if (triedNorm !== null && first.norm === triedNorm) continue;
      // Filed under its stem, a name is not found by every word sharing it ("awful" for "AWS").
      if (first.name && !itemMatches(first, token)) continue;
      const last = matchRest(compiled.items, tokens, at, 1, this.gapStops, this.maxGap);
      if (last >= 0)
        matches.push({
          payload: compiled.payload,
          weight: compiled.weight,
          first: at,
          last,
          selfNegating: compiled.selfNegating,
          named: compiled.named,
        });
    }
  }
}
