const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/** Text for XML content and attributes; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return stripXmlInvalid(text).replace(/[&<>"']/g, (c) => (c === "'" ? '&apos;' : (HTML_ENTITIES[c] ?? c)));
}

// Control characters other than tab, LF and CR, lone surrogates and U+FFFE/U+FFFF cannot appear in XML 1.0.
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, '');
}

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
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c] ?? c)
    .replace(/[\\`*_[\]{}#|~!$]/g, '\\$&')
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
