import type { Language } from '../domain.js';
import { PSEUDONYM } from '../privacy/pseudonymize.js';
import { createPseudonymizer } from '../privacy/tagged-text.js';

/** Longest firm line, in characters: a list cell, not the answer. */
const MAX_FIRM_LINE = 90;

/** Words that greet or give a name: a sentence of nothing else ("Bonjour, Sylvie Gagnon.") tells no firm. */
const GREETING_WORDS = new Set(
  "bonjour bonsoir salut allo allô hello hi hey good morning afternoon evening moi c est je suis m appelle me voici my name is i am i'm im name's s this here ici oui yes".split(
    ' ',
  ),
);

/**
 * What tells an interview apart in a list when the firm's name is pseudonymised: the first sentence of the
 * first presentation answer that says more than a greeting and a name ("Miellerie familiale en Dordogne, 2
 * personnes"), its names replaced by their pseudonyms, cut at MAX_FIRM_LINE with "…". Null when nothing was
 * said yet.
 */
export function firmLine(presentation: readonly string[], key: string, lang: Language): string | null {
  const [first] = presentation;
  if (first === undefined || first.trim() === '') return null;
  const pseudonymizer = createPseudonymizer(key, presentation, lang);
  const sentences = (first.trim().match(/[^.!?\n]+[.!?]*/gu) ?? [first.trim()]).map((s) =>
    pseudonymizer.text(s.replace(/[.!?]+$/u, '').trim()).replace(/\s+/gu, ' '),
  );
  const hidden = sentences.find(saysMoreThanHello) ?? sentences[0] ?? '';
  if (hidden.length <= MAX_FIRM_LINE) return hidden;
  const cut = hidden.slice(0, MAX_FIRM_LINE - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_FIRM_LINE / 2)).trimEnd()}…`;
}

function saysMoreThanHello(sentence: string): boolean {
  const words =
    sentence
      .replace(PSEUDONYM, ' ')
      .toLowerCase()
      .match(/[\p{L}']+/gu) ?? [];
  return words.filter((word) => !GREETING_WORDS.has(word)).length >= 2;
}
