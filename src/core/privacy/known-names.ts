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

/** A name as a web address writes it: folded, without the spaces, hyphens and apostrophes between its words. */
export function asWebName(name: string): string {
  return fold(name).replace(/[\s'-]+/g, '');
}

/**
 * The brands and institutions the lexicon knows, as their web addresses name them ("booking.com", "amazon",
 * "leroymerlin"): the known names, and the brands a pattern is alone that do not start with a capital, as
 * written ("eBay") or as a web address ("monday.com").
 */
export function knownWebNames(lexicon: Lexicon): ReadonlySet<string> {
  const names = new Set(Array.from(knownNames(lexicon), asWebName));
  const phrases: Phrases[] = [
    ...lexicon.tools.map((tool) => tool.patterns),
    ...lexicon.actors.map((actor) => actor.patterns),
  ];
  for (const set of phrases)
    for (const pattern of [...(set.fr ?? []), ...(set.en ?? []), ...(set.any ?? [])]) {
      const brand = (typeof pattern === 'string' ? pattern : pattern.p).replace(/^[=!]+/, '');
      if (!/\s/.test(brand) && /\p{Lu}|\.\p{L}/u.test(brand)) names.add(asWebName(brand));
    }
  return names;
}

let shipped: ReadonlySet<string> | null = null;
let shippedWeb: ReadonlySet<string> | null = null;

/** The shipped lexicon's known names, read once. */
export function shippedKnownNames(): ReadonlySet<string> {
  shipped ??= knownNames(shippedLexicon());
  return shipped;
}

/** The shipped lexicon's brands and institutions as web addresses name them, read once. */
export function shippedKnownWebNames(): ReadonlySet<string> {
  shippedWeb ??= knownWebNames(shippedLexicon());
  return shippedWeb;
}

/** The words the shipped lexicon reads and the real words near them: the set `Tagger.knownWords` gives. */
export function shippedVocabulary(): ReadonlySet<string> {
  return vocabulary(shippedLexicon());
}
