import type { Guide } from '../guide/schema.js';
import { elidedWords, oncePer, oncePerList, pastAny, pastOne, type Readings, readingsOf } from './text.js';

/** A request said alone may be one clause of a message: "Bonjour, je veux effacer mes données." */
const CLAUSE_END = /[.!?;:,\n]+/u;

interface ErasureReadings {
  /** Leads and polite words: what may open or end the clause ("je veux", "please", "merci"). */
  edges: Readings;
  verbs: Readings;
  links: Readings;
  objects: Readings;
  aloneObjects: Readings;
}

const erasureReadings = oncePer(
  (guide: Guide): ErasureReadings => ({
    edges: readingsOf([...guide.erasure.leads, ...guide.words.courtesy]),
    verbs: readingsOf(guide.erasure.verbs),
    links: readingsOf(guide.erasure.links),
    objects: readingsOf(guide.erasure.objects),
    aloneObjects: readingsOf(guide.erasure.aloneObjects),
  }),
);

/**
 * Whether the clause is made of edge words, one verb, link words, one object, and edge words, in that order;
 * `objects`: the objects it may name.
 */
function asksErasure(said: readonly string[], readings: ErasureReadings, objects: Readings): boolean {
  if (said.length === 0) return false;
  const beforeVerb = pastAny(said, [0], readings.edges);
  const beforeObject = pastAny(said, pastOne(said, beforeVerb, readings.verbs), readings.links);
  const end = pastAny(said, pastOne(said, beforeObject, objects), readings.edges);
  return end.has(said.length);
}

const joinedErasureReadings = oncePerList((guides: readonly Guide[]): ErasureReadings => {
  const all = guides.map(erasureReadings);
  return {
    edges: all.flatMap((r) => r.edges),
    verbs: all.flatMap((r) => r.verbs),
    links: all.flatMap((r) => r.links),
    objects: all.flatMap((r) => r.objects),
    aloneObjects: all.flatMap((r) => r.aloneObjects),
  };
});

/**
 * Whether a message asks to have the respondent's data erased in a sentence ("je veux effacer mes données",
 * "Pouvez-vous supprimer mes données ?", "can you erase everything about me?"), in either language: one of its
 * clauses reads as the guide's `erasure` request whole. A statement ("the ERP deletes old data
 * automatically") and data that is not the respondent's ("on a supprimé les données papier") are answers.
 * "Tout" alone names their data only in a message of one clause: "supprimez tout svp".
 */
export function readsAsErasureRequest(guides: readonly Guide[], text: string): boolean {
  const readings = joinedErasureReadings(guides);
  const clauses = text
    .split(CLAUSE_END)
    .map(elidedWords)
    .filter((said) => said.length > 0);
  const objects = clauses.length === 1 ? [...readings.objects, ...readings.aloneObjects] : readings.objects;
  return clauses.some((said) => asksErasure(said, readings, objects));
}
