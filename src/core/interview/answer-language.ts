import type { Language } from '../domain.js';
import { languageWeights } from '../language.js';

/**
 * By how much an answer must read more as the other language than as the interview's before it is read in the
 * other: more than any one word weighs (a word, its accents and an elision), so one stray word never switches
 * ("Oui, we sell online", "Déjà.").
 */
const MARGIN = 3;

/**
 * The language an answer is tagged in: the interview's, unless the answer reads clearly as the other ("Oui
 * bien sûr, trouver de nouveaux clients grâce à internet" in an English interview); short or mixed answers
 * ("Plus de clients.", "CRM") stay in the interview's language.
 */
export function answerLanguage(text: string, interview: Language): Language {
  const other: Language = interview === 'fr' ? 'en' : 'fr';
  const weights = languageWeights(text);
  return weights[other] - weights[interview] > MARGIN ? other : interview;
}
