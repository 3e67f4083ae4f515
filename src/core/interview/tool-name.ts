import { shippedKnownNames } from '../privacy/known-names.js';
import { fold } from '../privacy/name-words.js';
import type { Evidence } from '../tags.js';
import { words } from './text.js';

/** A longer run of capitalised words is a phrase typed in capitals, not a name. */
const MAX_NAME_WORDS = 3;
const MAX_NAME_CHARS = 30;
const NAME_WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
/** What may stand between the end of a sentence (or a line) and its first word. */
const BEFORE_FIRST_WORD = /[ \t\u00a0«"“(]+$/u;

/**
 * The names a respondent gave a tool in the evidence the tagger found for it, as written: capitalised words
 * (the capital opening a sentence only on a brand the lexicon knows, "Shopify pour la boutique") or words
 * with capitals inside, with the numbers that follow them ("Shopify", "Google Drive", "Sage 100", "EBP"; in
 * "notre boutique Shopify", "Shopify"). A name is respondent input quoted back in a question: it is made of
 * letters, digits, inner hyphens and single spaces only, and capped in length; anything else is no name.
 */
export function namesInEvidence(
  answer: string,
  evidence: readonly Evidence[],
  brands: ReadonlySet<string> = shippedKnownNames(),
): string[] {
  // Written all in one case, capitals say nothing of names.
  if (!/\p{Ll}/u.test(answer) || !/\p{Lu}/u.test(answer)) return [];
  const names: string[] = [];
  for (const span of evidence) {
    if (answer.slice(span.start, span.end) !== span.text) continue;
    let run: string[] = [];
    let runEnd = -1;
    const close = () => {
      const name = run.join(' ');
      if (run.length > 0 && run.length <= MAX_NAME_WORDS && name.length <= MAX_NAME_CHARS) names.push(name);
      run = [];
    };
    for (const match of span.text.matchAll(NAME_WORD)) {
      const word = match[0];
      const at = span.start + match.index;
      const follows = run.length > 0 && answer.slice(runEnd, at) === ' ';
      const capitalised =
        /\p{Lu}/u.test(word.slice(1)) ||
        (/^\p{Lu}/u.test(word) && (!opensSentence(answer, at) || opensBrand(answer, at, word, brands)));
      if (!follows) close();
      if (capitalised || (follows && /^\p{N}+$/u.test(word))) {
        run.push(word);
        runEnd = at + word.length;
      } else {
        close();
      }
    }
    close();
  }
  return names;
}

/** A sentence opening on a brand, alone or with the next word ("Google Drive, on s'en sert"). */
function opensBrand(text: string, at: number, word: string, brands: ReadonlySet<string>): boolean {
  const next = /^ ([\p{L}\p{N}]+)/u.exec(text.slice(at + word.length))?.[1];
  return brands.has(fold(word)) || (next !== undefined && brands.has(fold(`${word} ${next}`)));
}

function opensSentence(text: string, at: number): boolean {
  const before = text.slice(0, at).replace(BEFORE_FIRST_WORD, '');
  return before === '' || /[.!?…\n]$/u.test(before);
}

/**
 * The one name the respondent used for a tool that says more than the tool's label: "Shopify" for the online
 * shop, "HubSpot" for "le CRM" even when "CRM" was said too, but never "ERP" for "l'ERP". Null when they gave
 * none, or several (the label then speaks of all of them).
 */
export function ownToolName(names: Iterable<string>, label: string): string | null {
  const labelWords = ` ${words(label)
    .flatMap((word) => word.split("'"))
    .join(' ')} `;
  const distinct = new Map<string, string>();
  for (const name of names) {
    const key = words(name).join(' ');
    if (!labelWords.includes(` ${key} `)) distinct.set(key, name);
  }
  const [only] = distinct.values();
  return distinct.size === 1 && only !== undefined ? only : null;
}
