import englishPorter from 'natural/lib/natural/stemmers/porter_stemmer.js';
import frenchPorter from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import type { Language } from '../domain.js';
import type { Stem } from './text.js';

/** Porter stemmers of natural, memoised: interview speech repeats a small vocabulary. */
function memoise(stem: (word: string) => string): Stem {
  const cache = new Map<string, string>();
  return (norm) => {
    let stemmed = cache.get(norm);
    if (stemmed === undefined) {
      stemmed = /^\p{N}/u.test(norm) ? norm : stem(norm);
      if (cache.size > 50_000) cache.clear();
      cache.set(norm, stemmed);
    }
    return stemmed;
  };
}

/**
 * Words arrive without accents ("connectee"), where the French stemmer reads the feminine of a participle
 * ("-ée", "-ées") as an "e" of the stem: one "e" goes first, so "connectée", "connectées" and "connecté" share a stem.
 */
const FEMININE_PARTICIPLE = /ee(s?)$/;

const STEMMERS: Record<Language, Stem> = {
  fr: memoise((word) => frenchPorter.stem(word.replace(FEMININE_PARTICIPLE, 'e$1'))),
  en: memoise((word) => englishPorter.stem(word)),
};

export function stemmerFor(lang: Language): Stem {
  return STEMMERS[lang];
}
