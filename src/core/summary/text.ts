/** Punctuation that ends a sentence. */
const SENTENCE_PUNCTUATION = /[.!?…]/;
/**
 * What, after sentence punctuation, shows the sentence goes on: more of it (the dots of "...", "?!" end at the
 * last), or a comma, semicolon or colon ("Surtout le fournisseur…, ça lui évite de ressaisir").
 */
const SENTENCE_GOES_ON = /[.!?…,;:]/;
/** Punctuation or a line break: the characters that may end a sentence. */
const SENTENCE_END_CANDIDATES = /[.!?…\n]/g;
/** White space within a line (a carriage return too, before its line feed). */
const LINE_SPACE = /[^\S\n]/;
const LOWER_CASE = /^\p{Ll}/u;
/** A letter or digit: a dot between two is inside a web address or a number ("Amazon.fr", "2.5"), no stop. */
const INSIDE_WORD = /^[\p{L}\p{N}]$/u;

/**
 * Whether the character at `index` ends a sentence, for the quotes and for crediting what an answer says to
 * the tools it names: sentence punctuation not followed by more punctuation (SENTENCE_GOES_ON) nor, for a dot,
 * between two letters or digits (INSIDE_WORD), or a line break. A line break that only wraps a sentence
 * (hard-wrapped transcripts and pasted e-mails: the line before does not end on . ! ? …, the next line starts
 * in lower case) does not end it; a blank line, or a line break after sentence punctuation, does.
 */
export function isSentenceEnd(text: string, index: number): boolean {
  const c = text.charAt(index);
  let next = index + 1;
  if (c === '.' && INSIDE_WORD.test(text.charAt(index - 1)) && INSIDE_WORD.test(text.charAt(next)))
    return false;
  if (SENTENCE_PUNCTUATION.test(c)) {
    while (next < text.length && LINE_SPACE.test(text.charAt(next))) next += 1;
    return !SENTENCE_GOES_ON.test(text.charAt(next));
  }
  if (c !== '\n') return false;
  while (next < text.length && LINE_SPACE.test(text.charAt(next))) next += 1;
  if (!LOWER_CASE.test(text.slice(next, next + 2))) return true;
  let previous = index - 1;
  while (previous >= 0 && LINE_SPACE.test(text.charAt(previous))) previous -= 1;
  return previous < 0 || text.charAt(previous) === '\n' || SENTENCE_PUNCTUATION.test(text.charAt(previous));
}

/** The offsets of `text` that end a sentence (isSentenceEnd), in order. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(SENTENCE_END_CANDIDATES))
    if (isSentenceEnd(text, match.index)) ends.push(match.index);
  return ends;
}

/** Where the sentence of `text` holding [start, end) starts and ends (end exclusive), untrimmed. */
export function sentenceSpan(text: string, start: number, end: number): { start: number; end: number } {
  let from = Math.max(0, Math.min(start, text.length));
  while (from > 0 && !isSentenceEnd(text, from - 1)) from -= 1;
  let to = Math.max(from, Math.min(end, text.length));
  while (to < text.length && !isSentenceEnd(text, to)) to += 1;
  if (to < text.length) to += 1;
  return { start: from, end: to };
}

/** The sentence of `text` holding [start, end), trimmed; evidence quotes read better as whole sentences. */
export function sentenceAround(text: string, start: number, end: number): string {
  const span = sentenceSpan(text, start, end);
  return text.slice(span.start, span.end).trim();
}

/** Shortens to at most `max` code points, ending with "…"; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}
