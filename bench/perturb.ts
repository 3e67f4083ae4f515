/**
 * Ways real answers arrive less tidy than the corpus: typed in a hurry, dictated, pasted from a transcript.
 * Each turns a clean answer into one such answer, deterministically (the typos come from a fixed seed), so
 * `npm run eval` can show how much each costs the tagger on the same answers.
 */
export type Perturbation = (text: string) => string;

/** One typo (swapped, dropped or doubled letter) in about 1 word of 4 letters or more out of 17. */
function typos(seed: number): Perturbation {
  return (text) => {
    let state = seed;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
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
  'typos (6 % of words)': typos(42),
};
