/**
 * Ways real answers arrive less tidy than the corpus: typed in a hurry, dictated, pasted from a transcript.
 * Each turns a clean answer into one such answer, deterministically (the typos come from a fixed seed), so
 * `npm run eval` can show how much each costs the tagger on the same answers.
 */
import { seededRandom } from '../src/core/tagger/learn.js';

export type Perturbation = (text: string) => string;

/** FNV-1a over the UTF-16 code units. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** One typo (swapped, dropped or doubled letter) in about 1 word of 4 letters or more out of 17. */
function typos(seed: number): Perturbation {
  return (text) => {
    // Seeded by the text too, so each answer gets its own typos, the same on every run.
    const random = seededRandom(seed ^ textHash(text));
    return text
      .split(/(\s+)/)
      .map((word) => {
        if (word.length < 4 || random() > 0.06) return word;
        const at = 1 + Math.floor(random() * (word.length - 2));
        const kind = random();
        if (kind < 0.33) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
        if (kind < 0.66) return word.slice(0, at) + word.slice(at + 1);
        return word.slice(0, at) + word[at] + word.slice(at);
      })
      .join('');
  };
}

export const PERTURBATIONS: Record<string, Perturbation> = {
  'no punctuation': (text) => text.replace(/[.,;:!?()"«»…–—]/g, ' '),
  'all lower case': (text) => text.toLowerCase(),
  'all capitals': (text) => text.toUpperCase(),
  'no accents': (text) => text.normalize('NFD').replace(/\p{M}/gu, ''),
  'no apostrophes': (text) => text.replace(/['’]/g, ''),
  'typos (6 % of words)': typos(42),
};
