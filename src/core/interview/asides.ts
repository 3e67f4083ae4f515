import type { Guide } from '../guide/schema.js';
import {
  elidedWords,
  oncePer,
  oncePerList,
  pastAny,
  pastOne,
  phraseReader,
  type Readings,
  readingsOf,
} from './text.js';

/** Why the respondent asks to wait is said in a few words ("j'ai une cliente", "a customer just came in"). */
const MAX_REASON_WORDS = 8;

interface WaitReadings {
  /** Polite, filler and lead words a request to wait may come with ("oh", "pardon", "sorry", "svp"). */
  edges: Readings;
  phrases: Readings;
}

const waitReadings = oncePer(
  (guide: Guide): WaitReadings => ({
    edges: readingsOf([
      ...guide.words.courtesy,
      ...guide.opening.consentWords.filler,
      ...guide.clarification.lead,
    ]),
    phrases: readingsOf(guide.waitRequest.phrases),
  }),
);

const joinedWaitReadings = oncePerList((guides: readonly Guide[]): WaitReadings => {
  const all = guides.map(waitReadings);
  return { edges: all.flatMap((r) => r.edges), phrases: all.flatMap((r) => r.phrases) };
});

/**
 * Whether a message only asks the interview to wait ("attendez", "deux secondes", "hold on", "brb"): it opens
 * with one of the guide's `waitRequest.phrases` (polite and filler words around it), and what follows is
 * nothing, or a few words saying why, one of `waitRequest.reasons` among them ("attendez j'ai une cliente",
 * "wait, a customer just came in"). A statement that merely uses the verb ("on attend le devis", "I wait for
 * the supplier's invoices") is an answer.
 */
export function readsAsWaitRequest(guides: readonly Guide[], text: string): boolean {
  const said = elidedWords(text);
  if (said.length === 0) return false;
  const { edges, phrases } = joinedWaitReadings(guides);
  const opened = pastOne(said, pastAny(said, [0], edges), phrases);
  // "attendez deux secondes", "hang on, one sec": more of the request after it.
  const afterPhrase = pastAny(said, opened, [...edges, ...phrases]);
  if (afterPhrase.has(said.length)) return true;
  const reasons = guides.flatMap((guide) => guide.waitRequest.reasons);
  return [...afterPhrase].some((at) => {
    const rest = said.slice(at);
    return rest.length <= MAX_REASON_WORDS && reasons.some(phraseReader(rest.join(' ')));
  });
}

const joinedReturnReadings = oncePerList((guides: readonly Guide[]): WaitReadings => {
  const edges = guides.flatMap((guide) => waitReadings(guide).edges);
  return { edges, phrases: readingsOf(guides.flatMap((guide) => guide.waitRequest.returns)) };
});

/**
 * Whether a message only says the respondent is back after a wait ("je suis là", "ok I'm back", "sorry about
 * that"): one of the guide's `waitRequest.returns`, polite and filler words around it, and nothing else. Like a
 * request to wait, it is no answer.
 */
export function readsAsReturn(guides: readonly Guide[], text: string): boolean {
  const said = elidedWords(text);
  if (said.length === 0) return false;
  const { edges, phrases } = joinedReturnReadings(guides);
  return pastAny(said, pastOne(said, pastAny(said, [0], edges), phrases), edges).has(said.length);
}

/** What a respondent back after a wait says of why they left is said in a few words. */
const MAX_ASIDE_WORDS = 12;

/** Where a clause ends: "ok I'm back" must be a clause of its own ("je suis la gérante" is no return). */
const CLAUSE_END = /[,;.!?…]+/u;

/**
 * Whether a message opens with a clause saying the respondent is back and goes on for a few words only ("ok
 * I'm back, sorry about that, Mrs. Thibodeaux has roaches again"): what follows may be an aside or an answer,
 * which the caller tells by what it says of the question.
 */
export function opensWithReturn(guides: readonly Guide[], text: string): boolean {
  const end = CLAUSE_END.exec(text);
  if (!end) return false;
  const rest = elidedWords(text.slice(end.index));
  return rest.length <= MAX_ASIDE_WORDS && readsAsReturn(guides, text.slice(0, end.index));
}

/**
 * Whether the respondent says they already answered ("je viens de le dire", "jviens de le dire", "I just said
 * that", "already told you"): one of the guide's `words.alreadySaid` anywhere in the message, read as the
 * `coveredBy` phrases are.
 */
export function saysAlreadyAnswered(guides: readonly Guide[], text: string): boolean {
  const says = phraseReader(text);
  return guides.some((guide) => guide.words.alreadySaid.some(says));
}
