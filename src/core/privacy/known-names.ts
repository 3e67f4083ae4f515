import { shippedLexicon } from '../tagger/index.js';
import type { Lexicon, Phrases } from '../tagger/lexicon.js';
import { vocabulary } from '../tagger/tagger.js';
import { fold } from './name-words.js';

/**
 * Names everybody shares: the brands of the tool catalogue ("Sage", "Shopify", "Facebook", "Leroy
 * Merlin") and the institutions the lexicon knows ("CCI", "Bpifrance", "France Num"), folded. A firm found
 * at presentation that is one of them ("la boutique Shopify", "chez Google") is not the respondent's
 * firm, and naming it identifies no one: it stays as said.
 */
export function knownNames(lexicon: Lexicon): ReadonlySet<string> {
  const names = new Set<string>();
  const phrases: Phrases[] = [
    ...lexicon.tools.map((tool) => tool.patterns),
    ...lexicon.actors.map((actor) => actor.patterns),
  ];
  for (const set of phrases) {
    for (const pattern of [...(set.fr ?? []), ...(set.en ?? []), ...(set.any ?? [])]) {
      const text = typeof pattern === 'string' ? pattern : pattern.p;
      // The capitalised stretches of a pattern are its names ("page Facebook" → "Facebook").
      const words = text.split(/\s+/).map((word) => word.replace(/^[=!]+/, ''));
      let run: string[] = [];
      for (const word of [...words, '']) {
        if (/^\p{Lu}/u.test(word)) run.push(word);
        else {
          // "Leroy Merlin Marketplace" is also said "Leroy Merlin"; one word alone may be anyone's ("Ouest").
          for (let length = Math.min(2, run.length); length <= run.length; length += 1)
            names.add(fold(run.slice(0, length).join(' ')));
          run = [];
        }
      }
    }
  }
  return names;
}

let shipped: ReadonlySet<string> | null = null;

/** The shipped lexicon's known names, read once. */
export function shippedKnownNames(): ReadonlySet<string> {
  shipped ??= knownNames(shippedLexicon());
  return shipped;
}

/** The words the shipped lexicon reads and the real words near them: the set `Tagger.knownWords` gives. */
export function shippedVocabulary(): ReadonlySet<string> {
  return vocabulary(shippedLexicon());
}
