import type { Language } from '../core/domain.js';
import { AppError } from '../errors.js';

/** Words keyed by name, nested as the page's `data-label` paths name them ("columns.status"). */
export interface Words {
  readonly [key: string]: string | Words;
}

/**
 * The page's language before its script runs, as the script picks it from the browser's first language:
 * French for `fr…`, English for any other; French when the request names none (the product's default).
 */
export function pageLanguage(acceptLanguage: string | undefined): Language {
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (first === '' || first === '*') return 'fr';
  return first.startsWith('fr') ? 'fr' : 'en';
}

function wordAt(words: Words, path: string): string | undefined {
  let node: string | Words | undefined = words;
  for (const key of path.split('.')) node = typeof node === 'object' ? node[key] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An element whose whole content is one word: `<h1 data-label="title">…</h1>` in the template. */
const LABELLED = /(<([a-z][a-z0-9]*)\b[^>]*\bdata-label="([\w.]+)"[^>]*>)[^<]*(<\/\2>)/g;
const WORDS_SLOT = '<script type="application/json" id="labels"></script>';

/**
 * A page template worded in `lang`, so it reads right before its script runs, and still does if the script
 * cannot fetch anything: each element marked `data-label` gets the word at that path, `<html>` the
 * language, and the words travel in the page (a JSON data block, which the CSP does not run) for its script.
 */
export function wordPage(template: string, words: Words, lang: Language): string {
  if (!template.includes(WORDS_SLOT)) throw new AppError('internal', `the page has no ${WORDS_SLOT}`);
  // `<` escaped: no word can close the data block.
  const json = JSON.stringify({ lang, words }).replace(/</g, '\\u003c');
  return template
    .replace(/<html lang="[^"]*">/, () => `<html lang="${lang}">`)
    .replace(LABELLED, (_match, open: string, _tag: string, path: string, close: string) => {
      const word = wordAt(words, path);
      if (word === undefined) throw new AppError('internal', `no word for data-label="${path}"`);
      return `${open}${escapeText(word)}${close}`;
    })
    .replace(WORDS_SLOT, () => WORDS_SLOT.replace('><', () => `>${json}<`));
}
