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

/** A host name as link finders read one: labels of up to 63 letters and digits, hyphens only inside. */
const HOST_LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
/** What a web address's path may hold as typed: characters a link finder keeps wherever they stand in it. */
const PATH_CHARACTER = String.raw`[\p{L}\p{N}/#=&%+@:_~]`;
/**
 * A web address typed in an answer, from its scheme to the last character a link finder keeps in it
 * (punctuation that ends a sentence is left out). It starts where a word starts, as Web Chat's finder
 * requires: a link it does not find could not make an address inert.
 */
const WEB_ADDRESS = String.raw`(?<![\p{L}\p{N}.+\-])https?://${HOST_LABEL}(?:\.${HOST_LABEL})*(?:[/?#](?:${PATH_CHARACTER}|[.,;!?\-](?=${PATH_CHARACTER}))*)?`;

/**
 * What a quote must not leave as typed, in order of the alternatives: a web address (kept whole), HTML's
 * characters, a run of underscores, any other character that can open inline syntax (\x60: the backtick).
 */
const INLINE_MARKUP = new RegExp(
  String.raw`(?<address>${WEB_ADDRESS})|(?<html>[&<>])|(?<underscores>_+)|[\\\x60*[\]{}#|~!$]`,
  'giu',
);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * One line of inert Markdown: breaking whitespace collapsed (so no block structure can start), HTML made
 * entities, and every character that can open inline syntax backslash-escaped, except where it cannot:
 * - a web address is kept as typed, so it stays a working link: Web Chat's Markdown reads an address from the
 *   text as written (a backslash in it would end up in the link), and what a link holds is never markup;
 * - underscores inside a word ("facebook_campaign_2024") open no emphasis in CommonMark.
 */
export function escapeMarkdown(text: string): string {
  const line = text.replace(BREAKING_WHITESPACE, ' ').trim();
  let escaped = '';
  let from = 0;
  for (const match of line.matchAll(INLINE_MARKUP)) {
    escaped += line.slice(from, match.index) + inert(match, line);
    from = match.index + match[0].length;
  }
  escaped += line.slice(from);
  return escaped.replace(/^[-+=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** One piece of `line` that INLINE_MARKUP found, as it is written to be shown as typed. */
function inert(match: RegExpExecArray, line: string): string {
  const [found] = match;
  if (match.groups?.address !== undefined) return found;
  if (match.groups?.html !== undefined) return MARKUP_ENTITIES[found] ?? found;
  if (match.groups?.underscores !== undefined && insideWord(line, match.index, found.length)) return found;
  return found.replace(/./gu, '\\$&');
}

/** Whether the characters at `offset` (`length` of them) have a letter or digit on both sides. */
function insideWord(line: string, offset: number, length: number): boolean {
  return LETTER_OR_DIGIT.test(line.charAt(offset - 1)) && LETTER_OR_DIGIT.test(line.charAt(offset + length));
}
