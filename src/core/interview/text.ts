/**
 * Text normalisation shared by command parsing and answer checks: lower case, accents removed, typographic
 * apostrophes made plain, punctuation other than apostrophes turned to spaces, spaces collapsed.
 */
export function normalize(text: string): string {
  // Most messages and every command word are plain ASCII: no accents to strip, a cheaper character class.
  if (PRINTABLE_ASCII.test(text)) {
    return (
      text
        .toLowerCase()
        // The two ASCII characters the full path strips as diacritics.
        .replace(/[\^`]/g, '')
        .replace(/[^a-z0-9'?/()]+/g, ' ')
        .trim()
    );
  }
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^\p{L}\p{N}'?/()]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Guide word lists are fixed once loaded: each is normalised once, then looked up. */
const phraseSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function phraseSet(phrases: readonly string[]): ReadonlySet<string> {
  let set = phraseSets.get(phrases);
  if (!set) {
    set = new Set(phrases.map((phrase) => compact(spoken(stripEdgePunctuation(normalize(phrase))))));
    phraseSets.set(phrases, set);
  }
  return set;
}

/**
 * Apostrophes and spaces left out: "cest bon", "c est bon" and "c'est bon" are typed for one another, and
 * no two command or answer phrases differ by them alone.
 */
function compact(text: string): string {
  return text.replace(/[' ]/g, '');
}

/**
 * A command word or answer phrase compared to a message: the whole message, not a substring of it. With
 * `courtesy`, the polite words a message opens or ends with are left out first ("c'est bon, merci").
 */
export function matchesPhrase(
  message: string,
  phrases: readonly string[],
  courtesy: readonly string[] = [],
): boolean {
  const key = messageKey(message);
  if (key === '') return false;
  const set = phraseSet(phrases);
  if (set.has(key)) return true;
  if (courtesy.length === 0) return false;
  const bare = compact(spoken(withoutEdgePhrases(messageWords(message), courtesy).join(' ')));
  return bare !== '' && bare !== key && set.has(bare);
}

/**
 * What follows each of `phrases` that opens the message ("c'est bon, retire Facebook" after "c'est" and after
 * "c'est bon"), normalised; none when no phrase opens it or one is the whole message.
 */
export function restsAfterOpenings(message: string, phrases: readonly string[]): string[] {
  const said = messageWords(message);
  const rests: string[] = [];
  for (const opening of phraseWordLists(phrases))
    if (opening.length < said.length && startsWithWords(said, opening))
      rests.push(said.slice(opening.length).join(' '));
  return rests;
}

/** The words of each phrase of a fixed list, normalised once. */
const phraseWordLists = oncePer((phrases: readonly string[]): readonly (readonly string[])[] =>
  phrases.map(messageWords).filter((words) => words.length > 0),
);

function messageWords(message: string): string[] {
  const normalized = stripEdgePunctuation(normalize(message));
  return normalized === '' ? [] : normalized.split(' ');
}

/** Word lists compared as typed with or without apostrophes ("s'il vous plait", "sil vous plait"). */
function startsWithWords(said: readonly string[], opening: readonly string[], from = 0): boolean {
  return opening.every((word, i) => compact(said[from + i] ?? '') === compact(word));
}

/** `said` without the phrases it opens or ends with, however many follow one another. */
function withoutEdgePhrases(said: readonly string[], phrases: readonly string[]): readonly string[] {
  const edges = phraseWordLists(phrases);
  let start = 0;
  let end = said.length;
  for (let trimmed = true; trimmed && start < end; ) {
    trimmed = false;
    for (const edge of edges) {
      if (end - start >= edge.length && startsWithWords(said, edge, start)) {
        start += edge.length;
        trimmed = true;
      } else if (end - start >= edge.length && startsWithWords(said, edge, end - edge.length)) {
        end -= edge.length;
        trimmed = true;
      }
    }
  }
  return said.slice(start, end);
}

/** One message is compared with many word lists in a row (every command of both languages): normalised once. */
let lastMessage: string | null = null;
let lastKey = '';

function messageKey(message: string): string {
  if (message !== lastMessage) {
    lastKey = compact(spoken(stripEdgePunctuation(normalize(message))));
    lastMessage = message;
  }
  return lastKey;
}

function stripEdgePunctuation(text: string): string {
  // A lone "?" is a command word; elsewhere a trailing "?" or "!" does not change what was typed.
  return text === '?' ? text : text.replace(/[?\s]+$/u, '').replace(/^\/(?=\p{L})/u, '');
}

/**
 * The words of a text, normalised. The plan looks at every earlier answer of a section again on each turn:
 * a bounded memo spares normalising the same answer over and over.
 */
export function words(text: string): readonly string[] {
  let found = wordsMemo.get(text);
  if (found === undefined) {
    found = Object.freeze(
      normalize(text)
        .split(' ')
        .filter((word) => WORD_CHARACTER.test(word)),
    );
    if (wordsMemo.size >= WORDS_MEMO_LIMIT) wordsMemo.clear();
    wordsMemo.set(text, found);
  }
  return found;
}

const WORD_CHARACTER = /\p{L}|\p{N}/u;
const wordsMemo = new Map<string, readonly string[]>();
const WORDS_MEMO_LIMIT = 2048;

export function isBlank(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** True when a word of the text starts with one of `stems` (multi-word stems match across words). */
export function mentionsAny(text: string, stems: readonly string[]): boolean {
  // "l'avenir" must match the stem "avenir": elided articles are split off.
  const tokens = words(text).flatMap((word) => word.split("'"));
  const joined = ` ${tokens.join(' ')}`;
  return stems.some((stem) => {
    const normalizedStem = normalizedStemOf(stem);
    if (normalizedStem.includes(' ')) return joined.includes(` ${normalizedStem}`);
    return tokens.some((token) => token.startsWith(normalizedStem));
  });
}

/** Stems come from the guide and question texts: a bounded memo spares normalising them on every answer. */
const stemMemo = new Map<string, string>();
const STEM_MEMO_LIMIT = 4096;

function normalizedStemOf(stem: string): string {
  let normalized = stemMemo.get(stem);
  if (normalized === undefined) {
    normalized = normalize(stem);
    if (stemMemo.size >= STEM_MEMO_LIMIT) stemMemo.clear();
    stemMemo.set(stem, normalized);
  }
  return normalized;
}

/**
 * A message's words for reading phrases word by word: normalised, "?", "/" and brackets left out, elisions
 * split off ("j'accepte": "j", "accepte"), spoken elisions read out ("jveux": "je", "veux"; see `spokenWords`).
 */
export function elidedWords(text: string): readonly string[] {
  // A message is read by one reader after another (commands, erasure, withdrawal, …): the last few are kept.
  const known = elidedMemo.get(text);
  if (known) return known;
  const said = spokenWords(
    normalize(text)
      .replace(/[?/()]/g, ' ')
      .split(/[ ']+/)
      .filter((word) => word !== ''),
  );
  if (elidedMemo.size >= ELIDED_MEMO_LIMIT) elidedMemo.clear();
  elidedMemo.set(text, said);
  return said;
}

const ELIDED_MEMO_LIMIT = 256;
const elidedMemo = new Map<string, readonly string[]>();

/**
 * Elisions typed as they are spoken, read as the words they stand for: "j" before a consonant is "je", glued
 * to its verb or not ("jveux", "j'suis", "j comprends"), and "c" alone before a consonant is "c'est" ("c
 * quoi", "c moi le patron"). Before a vowel they are written elisions ("j'ai", "jai", "c'est"), read as typed.
 * Words split at apostrophes and spaces; a guide phrase goes through the same reading as a message.
 */
export function spokenWords(said: readonly string[]): string[] {
  return said.flatMap((word, at) => {
    const next = said[at + 1];
    if (word === 'j' && next !== undefined && SPOKEN_ELISION.test(next)) return ['je'];
    if (word === 'c' && next !== undefined && SPOKEN_ELISION.test(next)) return ['c', 'est'];
    if (word.length > 1 && word.startsWith('j') && SPOKEN_ELISION.test(word.slice(1)))
      return ['je', word.slice(1)];
    return [word];
  });
}

/** A word a spoken "j" or "c" may stand before: one opening with a consonant letter ("h" is as a vowel). */
const SPOKEN_ELISION = /^[b-df-gj-np-tv-xz]/;

/** `spokenWords` over a normalised text, its words joined again by spaces. */
function spoken(normalized: string): string {
  return spokenWords(normalized.split(/[ ']+/).filter((word) => word !== '')).join(' ');
}

/**
 * The ways a guide phrase may be typed, as `elidedWords` reads a message: its elisions split off, or glued to
 * the next word ("jaccepte", "cest bon").
 */
export function phraseReadings(phrase: string): readonly (readonly string[])[] {
  let found = readingsMemo.get(phrase);
  if (found === undefined) {
    const split = elidedWords(phrase);
    const glued = elidedWords(normalize(phrase).replaceAll("'", ''));
    found = glued.join(' ') === split.join(' ') ? [split] : [split, glued];
    if (readingsMemo.size >= STEM_MEMO_LIMIT) readingsMemo.clear();
    readingsMemo.set(phrase, found);
  }
  return found;
}

const readingsMemo = new Map<string, readonly (readonly string[])[]>();

/** In a guide phrase, "…" stands for a few words of any kind: "je suis … gérant" reads "je suis la co-gérante". */
const GAP = '…';
const GAP_WORDS = 2;

/**
 * Whether the text says the phrase: its words in this order, each whole except the last before a gap or the
 * end, which may begin a longer word ("gérant" in "gérante"); "…" stands for up to two words. Elisions are
 * read typed with or without their apostrophe ("j'ai fondé", "jai fondé").
 */
export function saysPhrase(text: string, phrase: string): boolean {
  return phraseReader(text)(phrase);
}

/** `saysPhrase` for one text and several phrases: the text is read once. */
export function phraseReader(text: string): (phrase: string) => boolean {
  const said = words(text);
  // Each side read both ways: "Jai repris l'entreprise" glues one elision and splits the next.
  const readings = ELISION_READINGS.map((readText) => readText(said));
  return (phrase) =>
    phraseRuns(phrase).some((runs) => readings.some((tokens) => runsFrom(tokens, runs, 0, 0, tokens.length)));
}

/**
 * A phrase's runs (its parts between gaps), each way `ELISION_READINGS` reads them, but for a reading with an
 * empty part: guide phrases are few and read against every message, so each is read once.
 */
function phraseRuns(phrase: string): readonly (readonly (readonly string[])[])[] {
  let found = phraseRunsMemo.get(phrase);
  if (found === undefined) {
    const parts = phrase.split(GAP).map((part) => words(part));
    found = ELISION_READINGS.map((readPhrase) => parts.map(readPhrase)).filter((runs) =>
      runs.every((run) => run.length > 0),
    );
    if (phraseRunsMemo.size >= STEM_MEMO_LIMIT) phraseRunsMemo.clear();
    phraseRunsMemo.set(phrase, found);
  }
  return found;
}

const phraseRunsMemo = new Map<string, readonly (readonly (readonly string[])[])[]>();

/**
 * Elided words split at the apostrophe ("j", "ai"), spoken elisions read out ("jsuis": "je", "suis"), or glued
 * ("jai"), as a respondent may type them.
 */
const ELISION_READINGS: ((said: readonly string[]) => string[])[] = [
  (said) => spokenWords(said.flatMap((word) => word.split("'")).filter((part) => part !== '')),
  (said) => said.map((word) => word.replaceAll("'", '')),
];

/** The runs of a phrase from `run` on, the first of them starting anywhere in `[from, to]`. */
function runsFrom(
  said: readonly string[],
  runs: readonly (readonly string[])[],
  run: number,
  from: number,
  to: number,
): boolean {
  const wanted = runs[run];
  if (wanted === undefined) return true;
  for (let at = from; at <= Math.min(to, said.length - wanted.length); at += 1) {
    const matches = wanted.every((word, i) => {
      const token = said[at + i] ?? '';
      return i === wanted.length - 1 ? token.startsWith(word) : token === word;
    });
    if (matches && runsFrom(said, runs, run + 1, at + wanted.length, at + wanted.length + GAP_WORDS))
      return true;
  }
  return false;
}

/** A word run of a message at `at`: the phrase's words, one for one. */
export function wordsAt(said: readonly string[], phrase: readonly string[], at = 0): boolean {
  return phrase.length > 0 && at + phrase.length <= said.length && phrase.every((w, i) => said[at + i] === w);
}

/** Word runs a message may hold, each as `elidedWords` reads it. */
export type Readings = readonly (readonly string[])[];

/** Every way each phrase of a list may be typed, as `elidedWords` reads a message. */
export function readingsOf(phrases: readonly string[]): Readings {
  return phrases.flatMap((phrase) => phraseReadings(phrase));
}

/**
 * `starts`, and every position `said` goes on to from them past a run of `readings` (link or edge words: "to",
 * "d'", "anymore"), in any number.
 */
export function pastAny(said: readonly string[], starts: Iterable<number>, readings: Readings): Set<number> {
  const reached = new Set(starts);
  for (const at of reached)
    for (const reading of readings) if (wordsAt(said, reading, at)) reached.add(at + reading.length);
  return reached;
}

/** Where `said` goes on to from each of `starts` past exactly one of `readings`. */
export function pastOne(said: readonly string[], starts: Iterable<number>, readings: Readings): Set<number> {
  const reached = new Set<number>();
  for (const at of starts)
    for (const reading of readings) if (wordsAt(said, reading, at)) reached.add(at + reading.length);
  return reached;
}

/**
 * `build` kept per list of keys by identity and order (the guides a message is read in: the interview's own
 * first): readings joined across guides are built once, not for every message.
 */
export function oncePerList<Key extends object, Built>(
  build: (keys: readonly Key[]) => Built,
): (keys: readonly Key[]) => Built {
  interface Node {
    next: WeakMap<Key, Node>;
    built?: { value: Built };
  }
  const root: Node = { next: new WeakMap() };
  return (keys) => {
    let node = root;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) {
        child = { next: new WeakMap() };
        node.next.set(key, child);
      }
      node = child;
    }
    node.built ??= { value: build(keys) };
    return node.built.value;
  };
}

/** A guide phrase's readings and what it says, as a bit (0: nothing either way, a polite or filler word). */
export interface SayingPhrase {
  readings: readonly (readonly string[])[];
  says: number;
}

/** The phrases of word lists, each list with what its phrases say, as `fewestPhraseCuts` reads them. */
export function sayingPhrases(lists: readonly (readonly [readonly string[], number])[]): SayingPhrase[] {
  return lists.flatMap(([list, says]) => list.map((phrase) => ({ readings: phraseReadings(phrase), says })));
}

/**
 * `build` run once per key, its result kept while the key is: guides are fixed once loaded, so what is built
 * from their word lists is built once per guide rather than for every reply.
 */
export function oncePer<Key extends object, Built>(build: (key: Key) => Built): (key: Key) => Built {
  const built = new WeakMap<Key, Built>();
  return (key) => {
    let found = built.get(key);
    if (found === undefined) {
      found = build(key);
      built.set(key, found);
    }
    return found;
  };
}

/**
 * What a message made only of the given phrases says: each way of cutting its words into them gives the
 * bits of what its phrases say; of the cuts that say something, those with the fewest phrases saying
 * something are kept ("I don't agree" is one no phrase, not "I don't" and "agree"). Empty when a word
 * belongs to no phrase, or when the phrases say nothing.
 */
export function fewestPhraseCuts(said: readonly string[], phrases: readonly SayingPhrase[]): number[] {
  // reach[i]: for the first i words, each mask of what a cut says, with the fewest phrases saying something.
  const reach: Map<number, number>[] = [new Map([[0, 0]])];
  for (let at = 1; at <= said.length; at += 1) reach.push(new Map());
  for (let at = 0; at < said.length; at += 1) {
    for (const [mask, count] of reach[at] ?? []) {
      for (const { readings, says } of phrases) {
        for (const reading of readings) {
          const next = reach[at + reading.length];
          if (!next || !wordsAt(said, reading, at)) continue;
          const total = count + (says === 0 ? 0 : 1);
          const known = next.get(mask | says);
          if (known === undefined || total < known) next.set(mask | says, total);
        }
      }
    }
  }
  const cuts = [...(reach[said.length] ?? [])].filter(([mask]) => mask !== 0);
  const fewest = Math.min(...cuts.map(([, count]) => count));
  return cuts.filter(([, count]) => count === fewest).map(([mask]) => mask);
}

/** Whether two different words are one edit apart: a letter replaced, added, left out, or two swapped. */
export function oneLetterOff(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const left = a.slice(start, endA);
  const right = b.slice(start, endB);
  if (left.length + right.length === 1) return true;
  if (left.length === 1 && right.length === 1) return true;
  return left.length === 2 && right.length === 2 && left[0] === right[1] && left[1] === right[0];
}
