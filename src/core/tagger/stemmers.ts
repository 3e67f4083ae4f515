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

const STEMMERS: Record<Language, Stem> = {
  fr: memoise((word) => frenchPorter.stem(word)),
  en: memoise((word) => englishPorter.stem(word)),
};

export function stemmerFor(lang: Language): Stem {
  return STEMMERS[lang];
}
