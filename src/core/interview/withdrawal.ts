import type { Guide } from '../guide/schema.js';
import { elidedWords, matchesPhrase, normalize, oncePer, pastAny, phraseReader, readingsOf } from './text.js';

/** Sentences are read one by one: a refusal and what it refuses are said in one sentence. */
const SENTENCE_END = /[.!?;\n]+/u;

/**
 * A withdrawal said alone may be one clause of a message: "stop, I don't want to take part", "je ne veux plus
 * participer, effacez tout".
 */
const CLAUSE_END = /[.!?;:,\n]+/u;

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

/** The words a withdrawal said alone may come with: polite, filler and edge words. */
const edgesOf = oncePer((guide: Guide): readonly string[] => [
  ...guide.opening.withdrawal.edges,
  ...guide.words.courtesy,
  ...guide.opening.consentWords.filler,
  ...guide.clarification.lead,
]);

/** The edge words, read as what may come between a refusal and what it refuses ("to", "d'", "anymore"). */
const linkReadings = oncePer((guide: Guide) => readingsOf(edgesOf(guide)));
const refusalReadings = oncePer((guide: Guide) => readingsOf(guide.opening.withdrawal.refusals));
const objectReadings = oncePer((guide: Guide) => readingsOf(guide.opening.withdrawal.objects));

/** Whether `said` holds `run` from `at`: its words whole, but the last, which may begin a longer word. */
function holdsAt(said: readonly string[], run: readonly string[], at: number): boolean {
  if (run.length === 0 || at + run.length > said.length) return false;
  return run.every((word, i) => {
    const token = said[at + i] ?? '';
    return i === run.length - 1 ? token.startsWith(word) : token === word;
  });
}

/**
 * Whether a sentence refuses what withdraws consent: one of `refusals` followed, with nothing but edge words
 * in between, by one of `objects` ("je ne veux plus être enregistré", "I don't agree anymore to be recorded",
 * "pas d'accord pour que mes réponses…"). Read word for word, so someone else named between them makes the
 * sentence about that person: "I don't want the customers to be recorded" is an answer.
 */
function refusesObject(guides: readonly Guide[], objectGuides: readonly Guide[], sentence: string): boolean {
  const said = elidedWords(sentence);
  const links = guides.flatMap(linkReadings);
  const objects = objectGuides.flatMap(objectReadings);
  for (const refusal of guides.flatMap(refusalReadings)) {
    for (let at = 0; at + refusal.length <= said.length; at += 1) {
      if (!holdsAt(said, refusal, at)) continue;
      for (const start of pastAny(said, [at + refusal.length], links))
        if (objects.some((object) => holdsAt(said, object, start))) return true;
    }
  }
  return false;
}

/**
 * Whether a message takes consent back ("je retire mon consentement", "Finalement je ne suis plus d'accord
 * pour que mes réponses soient enregistrées", "I don't agree anymore to be recorded"), in either language,
 * with or without accents: a withdrawal phrase, a withdrawal said alone in a clause ("je ne suis plus
 * d'accord", "stop, I don't want to take part"; polite, filler and edge words around it), or a refusal and its
 * object (the respondent, their answers, their recording or use, this interview) one after the other in a
 * sentence. A refusal of anything else ("nos clients ne sont pas d'accord pour payer en ligne", "I don't want
 * the customers to be recorded") is no withdrawal. The guide's `opening.withdrawal` holds the phrases.
 */
export function readsAsWithdrawal(guides: readonly Guide[], text: string): boolean {
  const folded = normalize(text).replaceAll("'", '');
  const alone = guides.filter((guide) => mayHold(folded, guide.opening.withdrawal.alone));
  if (alone.length > 0) {
    const edges = guides.flatMap(edgesOf);
    const saidAlone = (clause: string) =>
      alone.some((guide) => matchesPhrase(clause, guide.opening.withdrawal.alone, edges));
    if (text.split(CLAUSE_END).some(saidAlone)) return true;
  }
  const phrases = guides.filter((guide) => mayHold(folded, guide.opening.withdrawal.phrases));
  const objects = guides.filter((guide) => mayHold(folded, guide.opening.withdrawal.objects));
  if (phrases.length === 0 && objects.length === 0) return false;
  for (const sentence of text.split(SENTENCE_END)) {
    const says = phraseReader(sentence);
    if (phrases.some((guide) => guide.opening.withdrawal.phrases.some(says))) return true;
    if (objects.length > 0 && refusesObject(guides, objects, sentence)) return true;
  }
  return false;
}
