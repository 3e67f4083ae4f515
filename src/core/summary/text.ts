/** What ends a sentence, for the quotes and for crediting what an answer says to the tools it names. */
export const SENTENCE_END = /[.!?…\n]/;

/** The sentence of `text` holding [start, end), trimmed; evidence quotes read better as whole sentences. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = Math.max(0, Math.min(start, text.length));
  while (from > 0 && !SENTENCE_END.test(text.charAt(from - 1))) from -= 1;
  let to = Math.max(from, Math.min(end, text.length));
  while (to < text.length && !SENTENCE_END.test(text.charAt(to))) to += 1;
  if (to < text.length) to += 1;
  return text.slice(from, to).trim();
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
