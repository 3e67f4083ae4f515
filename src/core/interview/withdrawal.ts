import type { Guide } from '../guide/schema.js';
import { matchesPhrase, normalize, phraseReader } from './text.js';

/** Sentences are read one by one: a refusal and what it refuses are said in one sentence. */
const SENTENCE_END = /[.!?;\n]+/u;

/**
 * Each phrase's words of three letters or more, as `normalize` writes them and without apostrophes: a message
 * that lacks one of them cannot say the phrase (its words are read whole, or the last as a word's beginning,
 * with or without elisions), so an answer is only read against the phrases it may say.
 */
const anchorLists = new WeakMap<readonly string[], readonly (readonly string[])[]>();

function anchors(phrases: readonly string[]): readonly (readonly string[])[] {
  let found = anchorLists.get(phrases);
  if (!found) {
    found = phrases.map((phrase) =>
      normalize(phrase)
        .split(/[\s'…]+/u)
        .filter((word) => word.length >= 3),
    );
    anchorLists.set(phrases, found);
  }
  return found;
}

/** Whether the message holds every long word of one of the phrases. */
function mayHold(folded: string, phrases: readonly string[]): boolean {
  return anchors(phrases).some((words) => words.every((word) => folded.includes(word)));
}

const edgeLists = new WeakMap<Guide, readonly string[]>();

/** The words a withdrawal said alone may come with: polite, filler and edge words. */
function edgesOf(guide: Guide): readonly string[] {
  let edges = edgeLists.get(guide);
  if (!edges) {
    edges = [
      ...guide.opening.withdrawal.edges,
      ...guide.words.courtesy,
      ...guide.opening.consentWords.filler,
      ...guide.clarification.lead,
    ];
    edgeLists.set(guide, edges);
  }
  return edges;
}

/**
 * Whether a message takes consent back ("je retire mon consentement", "Finalement je ne suis plus d'accord
 * pour que mes réponses soient enregistrées", "I don't agree anymore to be recorded"), in either language,
 * with or without accents: a withdrawal phrase, a withdrawal said alone ("je ne suis plus d'accord", polite,
 * filler and edge words around it), or a refusal and its object (the answers, their recording or use) in one
 * sentence. A refusal of anything else ("nos clients ne sont pas d'accord pour payer en ligne") is no
 * withdrawal. The guide's `opening.withdrawal` holds the phrases.
 */
export function readsAsWithdrawal(guides: readonly Guide[], text: string): boolean {
  const folded = normalize(text).replaceAll("'", '');
  const edges = guides.flatMap(edgesOf);
  const alone = (guide: Guide) =>
    mayHold(folded, guide.opening.withdrawal.alone) &&
    matchesPhrase(text, guide.opening.withdrawal.alone, edges);
  if (guides.some(alone)) return true;
  const phrases = guides.filter((guide) => mayHold(folded, guide.opening.withdrawal.phrases));
  const objects = guides.filter((guide) => mayHold(folded, guide.opening.withdrawal.objects));
  if (phrases.length === 0 && objects.length === 0) return false;
  for (const sentence of text.split(SENTENCE_END)) {
    const says = phraseReader(sentence);
    if (phrases.some((guide) => guide.opening.withdrawal.phrases.some(says))) return true;
    if (
      objects.some((guide) => guide.opening.withdrawal.objects.some(says)) &&
      guides.some((guide) => guide.opening.withdrawal.refusals.some(says))
    )
      return true;
  }
  return false;
}
