import type { Language } from '../../src/core/domain.js';
import { findIntroducedNames } from '../../src/core/privacy/introduced-names.js';
import { pseudonymizeText } from '../../src/core/privacy/pseudonymize.js';

/** The presentation, then a later answer, each pseudonymised with the names the presentation introduced. */
export function presentedThenLater(presentation: string, later: string, key: string, lang: Language): string {
  const names = findIntroducedNames(presentation);
  return [presentation, later].map((text) => pseudonymizeText(text, names, key, lang).text).join('\n');
}
