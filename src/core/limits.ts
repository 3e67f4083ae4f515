/** The longest answer kept, in characters (code points): a long answer is a page, not a book. */
export const MAX_ANSWER_CHARS = 8000;

export interface CappedAnswer {
  /** The answer up to the cap, never splitting a character (surrogate pair). */
  text: string;
  /** True when something was cut: the bot tells the respondent politely what was kept. */
  truncated: boolean;
  /** Characters (code points) of the answer as received. */
  receivedChars: number;
}

/**
 * Caps an answer at `max` code points. Control characters other than tab and line breaks are dropped
 * first (they carry nothing a respondent meant to say and break exports), then the text is cut.
 */
export function capAnswer(text: string, max: number = MAX_ANSWER_CHARS): CappedAnswer {
  const clean = stripControlCharacters(text);
  // Cheap path: a string of at most `max` UTF-16 units has at most `max` code points.
  if (clean.length <= max) return { text: clean, truncated: false, receivedChars: countChars(clean) };
  const chars = Array.from(clean);
  if (chars.length <= max) return { text: clean, truncated: false, receivedChars: chars.length };
  return { text: chars.slice(0, Math.max(0, max)).join(''), truncated: true, receivedChars: chars.length };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

function countChars(text: string): number {
  let count = 0;
  for (const _char of text) count += 1;
  return count;
}
