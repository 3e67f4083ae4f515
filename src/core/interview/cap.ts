import { capAnswer, stripControlCharacters } from '../limits.js';

/** How far back (in UTF-16 units) a cut may move to end on a whole word rather than split one. */
const WORD_BOUNDARY_REACH = 40;

export interface KeptAnswer {
  text: string;
  truncated: boolean;
  receivedChars: number;
}

/**
 * An answer kept up to `max` characters: control characters dropped, and a cut that would split a word
 * moved back to the last space when one is close, so the kept text does not end mid-word.
 */
export function keepUpTo(text: string, max: number): KeptAnswer {
  const capped = capAnswer(text, max);
  if (!capped.truncated) return capped;
  const cut = capped.text;
  const next = stripControlCharacters(text).charAt(cut.length);
  if (/\s/u.test(next)) return { ...capped, text: cut.trimEnd() };
  const floor = Math.max(0, cut.length - WORD_BOUNDARY_REACH);
  for (let i = cut.length - 1; i > floor; i -= 1) {
    if (/\s/u.test(cut.charAt(i))) return { ...capped, text: cut.slice(0, i).trimEnd() };
  }
  return capped;
}
