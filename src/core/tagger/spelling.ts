/**
 * Typos in the words the lexicon matches on ("facturaton", "dématérialsation"): a word that is neither a
 * lexicon word nor a real word one typo away from one is read as the one lexicon word it is a typo of.
 * Real words are never corrected ("factures" is not a typo of "facture", "remote" not one of "remonte"):
 * the real words near the lexicon's come from French and English spelling dictionaries, listed offline
 * by `npm run real-words` into the lexicon (`realWords`), so the runtime never loads a dictionary.
 */
/** Shorter words have too many real neighbours to be read as typos. */
export const MIN_CORRECTED_LENGTH = 6;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** One edit apart: a letter added, dropped, replaced, or two neighbours swapped. */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A word and each of its one-letter deletions: two words one typo apart share one of these keys. */
function keysOf(word: string): string[] {
  return [word, ...deletions(word)];
}

function indexable(word: string): boolean {
  return word.length >= MIN_CORRECTED_LENGTH - 1 && /^\p{L}+$/u.test(word);
}

/**
 * The words of `dictionary` (folded) that a typo reading could take for a lexicon word: long enough to be
 * corrected and one typo away from one. Lexicon words are kept too: one language's may be read in the
 * other's answers ("remote" is not a typo of "remonte"). Sorted.
 */
export function realWordsNear(lexiconWords: ReadonlySet<string>, dictionary: Iterable<string>): string[] {
  const speller = new Speller(lexiconWords, new Set());
  const near = new Set<string>();
  for (const word of dictionary)
    if (word.length >= MIN_CORRECTED_LENGTH && speller.candidates(word).length > 0) near.add(word);
  return [...near].sort();
}

export class Speller {
  /** Symmetric-delete index: a word and each of its one-letter deletions → the lexicon words having it. */
  private readonly index = new Map<string, string[]>();

  constructor(
    private readonly lexiconWords: ReadonlySet<string>,
    private readonly realWords: ReadonlySet<string>,
  ) {
    for (const word of lexiconWords) {
      if (!indexable(word)) continue;
      for (const key of keysOf(word)) {
        const list = this.index.get(key);
        if (!list) this.index.set(key, [word]);
        else if (!list.includes(word)) list.push(word);
      }
    }
  }

  /** Answers repeat their words: each is looked up once (null: not a typo). */
  private readonly seen = new Map<string, string | null>();

  /** The lexicon word `norm` is a typo of, if it is one and only one. */
  correct(norm: string): string | undefined {
    if (norm.length < MIN_CORRECTED_LENGTH || this.lexiconWords.has(norm) || this.realWords.has(norm))
      return undefined;
    let corrected = this.seen.get(norm);
    if (corrected === undefined) {
      const candidates = this.candidates(norm);
      corrected = candidates.length === 1 ? (candidates[0] ?? null) : null;
      if (this.seen.size > 50_000) this.seen.clear();
      this.seen.set(norm, corrected);
    }
    return corrected ?? undefined;
  }

  /** The other lexicon words one typo away from `norm`. */
  candidates(norm: string): string[] {
    const found: string[] = [];
    for (const key of keysOf(norm)) {
      for (const word of this.index.get(key) ?? [])
        if (!found.includes(word) && oneTypoApart(norm, word)) found.push(word);
    }
    return found;
  }
}
