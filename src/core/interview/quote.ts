/**
 * How a reply quotes what the respondent typed (an answer recalled for `back`, an item the review did not
 * know, the answers of the recap). Teams and the web chat render the bot's messages as Markdown, so there
 * the quoted words are made inert; a front door that prints text as it is (the terminal) shows them as typed.
 */
export type Quote = (typed: string) => string;

/** The respondent's words as typed: for front doors that print text and render no markup. */
export const quoteAsTyped: Quote = (typed) => typed;

const MARKUP_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Whitespace that is not a no-break space. The no-break spaces of French typography (U+00A0 before
 * « : » and inside « », U+202F before « ; ! ? ») are kept: Markdown reads neither as a line break nor
 * as indentation, so they cannot start a block.
 */
const BREAKING_WHITESPACE = /[^\S\u00a0\u202f]+/g;

/**
 * One line of inert Markdown: breaking whitespace collapsed (so no block structure can start), HTML made
 * entities, and every character that can open inline syntax backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(BREAKING_WHITESPACE, ' ')
    .trim()
    .replace(/[&<>]/g, (c) => MARKUP_ENTITIES[c] ?? c)
    .replace(/[\\`*_[\]{}#|~!$]/g, '\\$&')
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
