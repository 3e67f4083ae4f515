import type { Guide } from '../guide/schema.js';
import { matchesPhrase, phraseReader } from './text.js';

/** Sentences are read one by one: a refusal and what it refuses are said in one sentence. */
const SENTENCE_END = /[.!?;\n]+/u;

/**
 * Whether a message takes consent back ("je retire mon consentement", "Finalement je ne suis plus d'accord
 * pour que mes réponses soient enregistrées", "I don't agree anymore to be recorded"), in either language,
 * with or without accents: a withdrawal phrase, a withdrawal said alone ("je ne suis plus d'accord", polite,
 * filler and edge words around it), or a refusal and its object (the answers, their recording or use) in one
 * sentence. A refusal of anything else ("nos clients ne sont pas d'accord pour payer en ligne") is no
 * withdrawal. The guide's `opening.withdrawal` holds the phrases.
 */
export function readsAsWithdrawal(guides: readonly Guide[], text: string): boolean {
  const edges = guides.flatMap((guide) => [
    ...guide.opening.withdrawal.edges,
    ...guide.words.courtesy,
    ...guide.opening.consentWords.filler,
    ...guide.clarification.lead,
  ]);
  if (guides.some((guide) => matchesPhrase(text, guide.opening.withdrawal.alone, edges))) return true;
  for (const sentence of text.split(SENTENCE_END)) {
    const says = phraseReader(sentence);
    if (guides.some((guide) => guide.opening.withdrawal.phrases.some(says))) return true;
    if (
      guides.some((guide) => guide.opening.withdrawal.refusals.some(says)) &&
      guides.some((guide) => guide.opening.withdrawal.objects.some(says))
    )
      return true;
  }
  return false;
}
