import type { Language } from '../domain.js';
import { createPseudonymizer } from '../privacy/tagged-text.js';

/** Longest firm line, in characters: a list cell, not the answer. */
const MAX_FIRM_LINE = 90;

/**
 * What tells an interview apart in a list when the firm's name is pseudonymised: the first sentence of the
 * first presentation answer ("Miellerie familiale en Dordogne, 2 personnes"), its names replaced by their
 * pseudonyms, cut at MAX_FIRM_LINE with "…". Null when nothing was said yet.
 */
export function firmLine(presentation: readonly string[], key: string, lang: Language): string | null {
  const [first] = presentation;
  if (first === undefined || first.trim() === '') return null;
  const sentence = /^[^.!?\n]*/u.exec(first.trim())?.[0]?.trim() || first.trim();
  const hidden = createPseudonymizer(key, presentation, lang).text(sentence).replace(/\s+/gu, ' ');
  if (hidden.length <= MAX_FIRM_LINE) return hidden;
  const cut = hidden.slice(0, MAX_FIRM_LINE - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_FIRM_LINE / 2)).trimEnd()}…`;
}
