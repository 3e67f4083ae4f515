import { shippedLexicon } from '../tagger/index.js';
import { vocabulary } from '../tagger/tagger.js';
import { fold } from '../tagger/text.js';

/**
 * Keyboard mash and noise ("asdfgh qsdkj", "zzzzzz", "123456789", "!!!") told from short genuine answers
 * ("oui", "CRM et EDI", "Loire-Atlantique", "45 salariés", "bof", "Yes, mostly"). An answer is gibberish when
 * most of its letters are in words that read like no French or English word: not a word the lexicon or its
 * list of real words knows, not an acronym or a name, and made of letter sequences real words do not have.
 */
export function isGibberish(text: string, knownWords: ReadonlySet<string> = shippedWords()): boolean {
  let reader = readers.get(knownWords);
  if (!reader) {
    reader = new GibberishReader(knownWords);
    readers.set(knownWords, reader);
  }
  return reader.isGibberish(text);
}

/**
 * Bytes that are not text (a file piped in, a binary paste): decoded, they come out as replacement characters
 * (U+FFFD) and control characters, which no keyboard types, with a few letters between them ("\uFFFDPNG").
 * Text is unreadable when there is one of those for every `LETTERS_PER_UNTYPED` letters and digits or fewer; a
 * genuine answer with a few accents lost to a wrong encoding ("Notre r\uFFFDseau a chang\uFFFD") is not.
 */
export function isUnreadable(text: string): boolean {
  const untyped = text.match(UNTYPED)?.length ?? 0;
  return untyped > 0 && untyped * LETTERS_PER_UNTYPED >= (text.match(LETTER_OR_DIGIT)?.length ?? 0);
}

/** A word with one accent lost ("r\uFFFDseau": five letters) still reads as text; "\uFFFDPNG" does not. */
const LETTERS_PER_UNTYPED = 4;

/** Replacement, control (but tab and line breaks), unassigned, private-use and lone surrogate code points. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this counts
const UNTYPED = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cn}\p{Co}\p{Cs}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** One reader per vocabulary: a tagger's words are read into letter statistics once. */
const readers = new WeakMap<ReadonlySet<string>, GibberishReader>();

/** The shipped lexicon's words, for callers that have no tagger at hand. */
export function shippedWords(): ReadonlySet<string> {
  return vocabulary(shippedLexicon());
}

const WORD = /[\p{L}\p{N}]+/gu;
const PLAIN_LETTERS = /^[a-z]+$/;
const VOWEL = /[aeiouy]/;
const SAME_LETTER_REPEATED = /^([a-z])\1{2,}$/;
/** Rows of AZERTY and QWERTY keyboards: fingers running along one ("qsdfgh", "poiuy") type no word. */
const KEYBOARD_ROWS = ['azertyuiop', 'qsdfghjklm', 'wxcvbn', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Longer than this, a word in capitals is not read as an acronym. */
const MAX_ACRONYM = 6;
/**
 * Below this likeness a word reads like no real one. Of the words of the French and English spelling dictionaries
 * taken alone, 1 in 7,000 falls below it (obscure loan words: "bhikkhuni", "kolkhoznik"); of keyboard mash and
 * random letters in words of four letters or more, most do.
 */
const UNLIKE_ANY_WORD = -16;
/** A digit group this long is no headcount, year, postcode or amount an interview asks for. */
const MAX_DIGITS = 7;
const DIGITS_IN_ORDER = '01234567890';
const DIGITS_BACKWARDS = '09876543210';

class GibberishReader {
  private readonly known: ReadonlySet<string>;
  private readonly letters: LetterModel;

  constructor(knownWords: ReadonlySet<string>) {
    this.known = knownWords;
    this.letters = new LetterModel([...this.known].filter((word) => PLAIN_LETTERS.test(word)));
  }

  isGibberish(text: string): boolean {
    const tokens = [...text.matchAll(WORD)];
    if (tokens.length === 0) return /\S/u.test(text);
    if (!/\p{L}/u.test(text)) return tokens.some((token) => randomDigits(token[0]));
    // An answer written in both cases gives capitals a meaning: a capital past its start marks a name.
    const namesMarked = /\p{Ll}/u.test(text);
    let noise = 0;
    let other = 0;
    let anyKnown = false;
    let judged = 0;
    let together = 0;
    for (const [index, token] of tokens.entries()) {
      const surface = token[0];
      const reading = this.read(surface, namesMarked && index > 0 && /^\p{Lu}/u.test(surface));
      if (reading === 'known') anyKnown = true;
      else if (reading !== 'unjudged') {
        judged += 1;
        together += reading;
      }
      if (typeof reading === 'number' && reading < UNLIKE_ANY_WORD) noise += surface.length;
      else other += surface.length;
    }
    // Several words, none known, each unlikely and together like no word at all: "wwcb gdsf gdsfsa".
    if (!anyKnown && judged >= 2 && together < UNLIKE_ANY_WORD) return true;
    return noise > other;
  }

  /** A word known to the vocabulary, one too short or too special to judge, or its likeness to real words. */
  private read(surface: string, named: boolean): WordReading {
    const word = fold(surface);
    if (this.known.has(word)) return 'known';
    // Numbers, and words of other scripts, are not judged.
    if (!PLAIN_LETTERS.test(word)) return 'unjudged';
    if (SAME_LETTER_REPEATED.test(word) || alongKeyboardRow(word)) return Number.NEGATIVE_INFINITY;
    // Too short to tell ("ok", "RH", "pdg"); acronyms ("DGCCRF") and names ("Kerguelen") are anyone's.
    if (word.length <= 3 || named) return 'unjudged';
    if (surface.length <= MAX_ACRONYM && !/\p{Ll}/u.test(surface)) return 'unjudged';
    return this.letters.likeness(word);
  }
}

/** Above: a likeness, `-Infinity` for a word typed as no word is (along a keyboard row, one letter repeated). */
type WordReading = 'known' | 'unjudged' | number;

/** "qsdf", "poiuy", "lkj": the whole word typed along one keyboard row (three letters only without a vowel). */
function alongKeyboardRow(word: string): boolean {
  if (word.length < 3 || (word.length === 3 && VOWEL.test(word))) return false;
  const backwards = [...word].reverse().join('');
  return KEYBOARD_ROWS.some((row) => row.includes(word) || row.includes(backwards));
}

/** "123456789", "1111", "4321": digits typed for the sake of typing; "45", "1998", "06 12 34 56 78" are not. */
function randomDigits(group: string): boolean {
  if (group.length >= MAX_DIGITS) return true;
  if (group.length < 4) return false;
  return /^(\d)\1+$/.test(group) || DIGITS_IN_ORDER.includes(group) || DIGITS_BACKWARDS.includes(group);
}

/** Weight of the letter-trigram estimate against the bigram one, which covers sequences too rare to count. */
const TRIGRAM_WEIGHT = 0.7;
const SMOOTHING = 0.1;
/** Letters and the two word boundaries. */
const SYMBOLS = 28;
/** What a letter drawn at random is drawn from: the letters and the word's end. */
const RANDOM_SYMBOLS = 27;

/** How much a word's letter sequences look like those of real words: letter trigrams of a vocabulary. */
class LetterModel {
  private readonly counts = new Map<string, number>();

  constructor(words: readonly string[]) {
    for (const word of words) {
      const padded = `^${word}$`;
      for (let i = 0; i < padded.length; i += 1) {
        for (let n = 1; n <= 3 && i + n <= padded.length; n += 1) {
          const gram = padded.slice(i, i + n);
          this.counts.set(gram, (this.counts.get(gram) ?? 0) + 1);
        }
      }
    }
  }

  private count(gram: string): number {
    return this.counts.get(gram) ?? 0;
  }

  /** Log-likelihood of the word's letters against letters drawn at random: above 0, it reads like a word. */
  likeness(word: string): number {
    const padded = `^${word}$`;
    let total = 0;
    for (let i = 2; i < padded.length; i += 1) {
      const trigram = this.count(padded.slice(i - 2, i + 1)) / (this.count(padded.slice(i - 2, i)) || 1);
      const previous = padded.charAt(i - 1);
      const bigram =
        (this.count(padded.slice(i - 1, i + 1)) + SMOOTHING) / (this.count(previous) + SMOOTHING * SYMBOLS);
      total += Math.log(TRIGRAM_WEIGHT * trigram + (1 - TRIGRAM_WEIGHT) * bigram) + Math.log(RANDOM_SYMBOLS);
    }
    return total;
  }
}
