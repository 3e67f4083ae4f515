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
    set = new Set(phrases.map((phrase) => stripEdgePunctuation(normalize(phrase))));
    phraseSets.set(phrases, set);
  }
  return set;
}

/** A command word or answer phrase compared to a message: the whole message, not a substring of it. */
export function matchesPhrase(message: string, phrases: readonly string[]): boolean {
  const normalized = messageKey(message);
  if (normalized === '') return false;
  return phraseSet(phrases).has(normalized);
}

/** One message is compared with many word lists in a row (every command of both languages): normalised once. */
let lastMessage: string | null = null;
let lastKey = '';

function messageKey(message: string): string {
  if (message !== lastMessage) {
    lastKey = stripEdgePunctuation(normalize(message));
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
