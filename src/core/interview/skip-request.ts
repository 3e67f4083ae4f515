import type { Guide } from '../guide/schema.js';
import { elidedWords, oncePer, oncePerList, pastAny, pastOne, type Readings, readingsOf } from './text.js';

/** Clauses of a message: "I'd rather not answer that one. Next question?" is two, both asking to skip. */
const CLAUSE_END = /[.!?;:,\n]+/u;

/** A refusal is said in a few words; a longer message says something and is kept as an answer. */
const MAX_WORDS = 16;

/** "I'd rather not get into money": the topic after a refusal is a few words, never a statement. */
const MAX_TOPIC_WORDS = 3;

interface SkipReadings {
  /** Leads and polite words: what may open or end the clause ("honestly", "can we", "please", "merci"). */
  edges: Readings;
  /** Refusals complete in themselves ("skip", "no comment", "je préfère ne pas répondre"). */
  verbs: Readings;
  /** Refusals that name what is not talked about ("I'd rather not go into", "je préfère ne pas parler de"). */
  topicVerbs: Readings;
  links: Readings;
  objects: Readings;
  /** Words opening what follows a refusal as an answer after all ("…, but we use Sage"). */
  goesOn: Readings;
}

const skipReadings = oncePer(
  (guide: Guide): SkipReadings => ({
    edges: readingsOf([...guide.skipRequest.leads, ...guide.words.courtesy]),
    verbs: readingsOf(guide.skipRequest.verbs),
    topicVerbs: readingsOf(guide.skipRequest.topicVerbs),
    links: readingsOf(guide.skipRequest.links),
    objects: readingsOf(guide.skipRequest.objects),
    goesOn: readingsOf(guide.skipRequest.goesOn),
  }),
);

/** Ends of the clause reached past a topic of one to `MAX_TOPIC_WORDS` words of any kind. */
function pastTopic(said: readonly string[], starts: ReadonlySet<number>): Set<number> {
  const reached = new Set<number>();
  for (const at of starts)
    for (let end = at + 1; end <= Math.min(said.length, at + MAX_TOPIC_WORDS); end += 1) reached.add(end);
  return reached;
}

type ClauseReading = 'refusal' | 'edges' | 'other';

/**
 * A clause made of edge words, a refusal, link words, maybe an object (or, after a refusal that names its topic,
 * a few words), and edge words, in that order; or of edge words alone ("please", "sorry").
 */
function readClause(said: readonly string[], readings: SkipReadings): ClauseReading {
  if (said.length === 0) return 'edges';
  const beforeVerb = pastAny(said, [0], readings.edges);
  if (beforeVerb.has(said.length)) return 'edges';
  const afterVerb = pastAny(said, pastOne(said, beforeVerb, readings.verbs), readings.links);
  const afterTopicVerb = pastAny(said, pastOne(said, beforeVerb, readings.topicVerbs), readings.links);
  const beforeEdges = new Set([
    ...afterVerb,
    ...pastOne(said, afterVerb, readings.objects),
    ...pastTopic(said, afterTopicVerb),
  ]);
  return pastAny(said, beforeEdges, readings.edges).has(said.length) ? 'refusal' : 'other';
}

const joinedSkipReadings = oncePerList((guides: readonly Guide[]): SkipReadings => {
  const all = guides.map(skipReadings);
  return {
    edges: all.flatMap((r) => r.edges),
    verbs: all.flatMap((r) => r.verbs),
    topicVerbs: all.flatMap((r) => r.topicVerbs),
    links: all.flatMap((r) => r.links),
    objects: all.flatMap((r) => r.objects),
    goesOn: all.flatMap((r) => r.goesOn),
  };
});

/**
 * Whether a message asks to skip the question in a sentence rather than with the command word ("can we skip
 * this one please", "I'd rather not answer that one.", "Honestly I'd rather not get into money.", "je préfère
 * ne pas en parler", "sans commentaire"), in either language: every clause reads as a refusal or as polite
 * words, and one as a refusal. A refusal followed by something said ("I'd rather not talk about it, but we use
 * Sage") is an answer.
 */
export function readsAsSkipRequest(guides: readonly Guide[], text: string): boolean {
  if (text.length > MAX_WORDS * 20) return false;
  const readings = joinedSkipReadings(guides);
  const clauses = text.split(CLAUSE_END).map(elidedWords);
  if (clauses.reduce((count, said) => count + said.length, 0) > MAX_WORDS) return false;
  const read = clauses.map((said) => readClause(said, readings));
  return read.includes('refusal') && !read.includes('other');
}

/** Whether words that follow a refusal open as an answer after all: "…, but we use Sage", "…, mais on a un ERP". */
export function goesOnAfterRefusal(guides: readonly Guide[], text: string): boolean {
  return pastOne(elidedWords(text), [0], joinedSkipReadings(guides).goesOn).size > 0;
}
