import type { Language } from '../domain.js';
import type { Guide } from '../guide/schema.js';
import { buildSummary } from '../summary/build.js';
import {
  foldText,
  type NameReader,
  namesEvidence,
  type ParsedCorrection,
  parseCorrection,
  putsBack,
} from '../summary/corrections.js';
import type { Correction, Summary } from '../summary/schema.js';
import { buildShortSummary } from '../summary/short.js';
import { eventOf } from './events.js';
import type { LogTurn } from './log.js';
import type { Quote } from './quote.js';
import type { InterviewMeta } from './record.js';
import {
  elidedWords,
  fewestPhraseCuts,
  matchesPhrase,
  oncePer,
  oncePerList,
  restsAfterOpenings,
  sayingPhrases,
  words,
} from './text.js';

/**
 * What a message means while the closing review is pending:
 * - `done`: nothing (more) to correct ("c'est bon", "non", "that's all"; "cest bon merci", "no, all good");
 * - `wants`: a bare "yes", the respondent means to correct something;
 * - `correction`: one correction, stored as a `correction` turn whose `data` is the correction itself;
 * - `unclear`: the parser's message says why.
 */
export type ReviewReply =
  | { kind: 'done' }
  | { kind: 'wants' }
  | { kind: 'correction'; correction: Correction; byName: boolean }
  | { kind: 'unclear'; message: string };

/** The yes, no, done, filler and hedging phrases a correction may open with ("non, enlève Facebook"). */
const openingsOf = oncePer((guide: Guide): readonly string[] => [
  ...guide.words.no,
  ...guide.words.yes,
  ...guide.words.done,
  ...guide.opening.consentWords.yes,
  ...guide.opening.consentWords.no,
  ...guide.opening.consentWords.filler,
  ...guide.closing.hedges,
]);

const courtesyOf = oncePerList((guides: readonly Guide[]) => guides.flatMap((guide) => guide.words.courtesy));

/** Skin tones and the emoji presentation selector change no symbol's meaning: "👍🏽" approves as "👍" does. */
const SYMBOL_VARIANTS = /[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu;

/** A reply made only of approving symbols ("👍", "👌 👌"), spaces and punctuation between them. */
function approvesAsItStands(guides: readonly Guide[], text: string): boolean {
  const symbols = text
    .replace(SYMBOL_VARIANTS, '')
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
  if (symbols === '') return false;
  const approvals = new Set(guides.flatMap((guide) => guide.closing.approvals));
  return symbols.split(' ').every((run) => [...run].every((symbol) => approvals.has(symbol)));
}

/**
 * `quote`: how the message of an unclear reply quotes the item the respondent named; `reader`: how a name the
 * summary's words do not hold is read (the tagger: "remove tool Xero").
 */
export function readReviewReply(
  guides: readonly Guide[],
  text: string,
  language: Language,
  quote: Quote,
  reader?: NameReader,
): ReviewReply {
  const courtesy = courtesyOf(guides);
  const done = (said: string) => guides.some((guide) => matchesPhrase(said, guide.words.done, courtesy));
  // Done words first: "ok" is also a yes word, and here it means "fine as it is".
  if (done(text) || approvesAsItStands(guides, text)) return { kind: 'done' };
  const whole = readWholeReply(guides, text);
  if (whole) return { kind: whole };
  // "Non, rien à corriger", "yes: remove value security", "yeah remove Xero": what follows opening yes, no,
  // done, filler or hedging words says it all. Every opening is tried ("non rien, …" opens with "non" and "non
  // rien"), and openings may follow one another ("c'est tout bon pour moi mais retire le CRM").
  const rests = new Set<string>();
  for (let said = [text]; said.length > 0; ) {
    const next: string[] = [];
    for (const reply of said)
      for (const guide of guides)
        for (const rest of restsAfterOpenings(reply, openingsOf(guide)))
          if (!rests.has(rest)) {
            rests.add(rest);
            next.push(rest);
          }
    said = next;
  }
  if ([...rests].some(done)) return { kind: 'done' };
  // The shortest rest first: after the longest opening, the name is least likely to hold a stray word.
  const [first = text, ...others] = [...rests]
    .sort((a, b) => a.length - b.length)
    .map((rest) => typedTail(text, rest));
  const parsed = parseCorrection(first, language, quote, reader);
  if (parsed.ok) return read(parsed);
  for (const said of others) {
    const other = parseCorrection(said, language, quote, reader);
    if (other.ok) return read(other);
  }
  const afterWhy = correctionAfterReason(text, language, quote, reader);
  if (afterWhy) return read(afterWhy);
  // What is not understood is said of the first reading, the one the name is most likely in.
  return { kind: 'unclear', message: parsed.message };
}

/** Where a clause of a reply ends: what follows may be the correction, what comes before why. */
const CLAUSE_BREAK = /[,;.!?…]+\s+/gu;

/**
 * A correction said after why ("yeah nah the club is just a bike club, remove network meetings", "Canva we
 * still use for the menus lah, put Canva back"): the clauses that end the reply, when what comes before them
 * is no correction of its own (two corrections in one reply are not read).
 */
function correctionAfterReason(
  text: string,
  language: Language,
  quote: Quote,
  reader: NameReader | undefined,
): Extract<ReturnType<typeof parseCorrection>, { ok: true }> | null {
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    const from = (match.index ?? 0) + match[0].length;
    const rest = text.slice(from).trim();
    if (rest === '') continue;
    const parsed = parseCorrection(rest, language, quote, reader);
    if (!parsed.ok) continue;
    const before = text.slice(0, match.index ?? 0);
    return parseCorrection(before, language, quote, reader).ok ? null : parsed;
  }
  return null;
}

const SAYS_NOTHING = 0;
const SAYS_YES = 1;
const SAYS_CLOSING = 2;

/** The phrases a reply read whole may be made of, with what each says. */
const wholeReplyPhrases = oncePer((guide: Guide) =>
  sayingPhrases([
    [guide.words.yes, SAYS_YES],
    [guide.opening.consentWords.yes, SAYS_YES],
    [guide.words.no, SAYS_CLOSING],
    [guide.opening.consentWords.no, SAYS_CLOSING],
    [guide.words.done, SAYS_CLOSING],
    [guide.words.courtesy, SAYS_NOTHING],
    [guide.opening.consentWords.filler, SAYS_NOTHING],
    [guide.closing.hedges, SAYS_NOTHING],
  ]),
);

/**
 * A reply made only of yes, no, done, polite, filler and hedging phrases, so with no correction verb and no
 * item in it: `done` when a no or done phrase is among them ("ouais c'est bon", "non non c'est bon", "je pense
 * que c'est bon", "yeah that's about it"), `wants` when they are yes phrases alone ("ouais", "yep"); null when
 * any other word is in it. Where the words can be cut into phrases in several ways, the fewest phrases tell:
 * "ouais merci" is a yes and a polite word, not a yes and a done word.
 */
function readWholeReply(guides: readonly Guide[], text: string): 'done' | 'wants' | null {
  const said = elidedWords(text);
  if (said.length === 0) return null;
  const cuts = fewestPhraseCuts(said, guides.flatMap(wholeReplyPhrases));
  if (cuts.length === 0) return null;
  return cuts.some((mask) => (mask & SAYS_CLOSING) !== 0) ? 'done' : 'wants';
}

/** A correction read, with the respondent's name for the item kept. */
function read(parsed: Extract<ParsedCorrection, { ok: true }>): ReviewReply {
  return {
    kind: 'correction',
    correction: { ...parsed.correction, said: parsed.said },
    byName: parsed.byName,
  };
}

/**
 * How much of a tool a removal by a brand or everyday name ("remove Instagram") takes, given the words the
 * answers were read from: all of it (`whole`) when every one of them is that name, or none are known; only
 * what was named (`named`) when others are left ("Facebook"); nothing (`not_said`) when the name is none of
 * them, since the respondent never said it. `others`: the words left, as typed in the answers.
 */
export function removalScope(
  summary: Summary,
  id: string,
  name: string,
): { scope: 'whole' } | { scope: 'named' | 'not_said'; others: string[] } {
  const read = new Map<string, string>();
  for (const answer of [...summary.themes.flatMap((theme) => theme.answers), ...summary.otherAnswers])
    for (const tool of answer.tags.tools)
      if (tool.id === id)
        for (const evidence of tool.evidence) read.set(foldText(evidence.text), evidence.text.trim());
  const others = [...read.values()].filter((words) => !namesEvidence(name, words));
  if (read.size === 0 || others.length === 0) return { scope: 'whole' };
  return { scope: others.length < read.size ? 'named' : 'not_said', others };
}

/** The message as typed from where `rest`, its normalised end, begins: a name is quoted as it was typed. */
function typedTail(message: string, rest: string): string {
  const wanted = words(rest).join(' ');
  for (let at = 1; at < message.length; at += 1) {
    if (/[\p{L}\p{N}]/u.test(message.charAt(at - 1))) continue;
    if (words(message.slice(at)).join(' ') === wanted) return message.slice(at);
  }
  return rest;
}

/** Whether the summary, as corrected so far, holds what a correction names: what a removal needs. */
function summaryHolds(summary: Summary, correction: Correction): boolean {
  switch (correction.target) {
    case 'value':
      return summary.values[correction.id].count > 0;
    case 'tool':
      return summary.tools.some((tool) => tool.id === correction.id);
    case 'lever':
      return summary.leverReading.levers[correction.id].strength !== 'missing';
  }
}

/**
 * Why a correction would change nothing, if it would not: a removal of what the summary does not hold, an
 * addition of what it already holds. A lever read as weak is not held yet: adding it makes it well evidenced.
 */
export function unchangedBy(
  summary: Summary,
  correction: Correction,
): 'not_present' | 'already_present' | null {
  const holds = summaryHolds(summary, correction);
  if (correction.action === 'remove') return holds ? null : 'not_present';
  if (putsBackNamed(summary, correction)) return null;
  if (correction.target !== 'lever') return holds ? 'already_present' : null;
  const added = summary.corrections.findLast(
    (c) => c.correction.target === 'lever' && c.correction.id === correction.id,
  );
  const strong = summary.leverReading.levers[correction.id].strength === 'strong';
  return strong || added?.correction.action === 'add' ? 'already_present' : null;
}

/**
 * "Put Xero back" after "remove Xero" took only that name: the tool stayed (named otherwise too), so it is
 * there, yet the name comes back, which is a change.
 */
function putsBackNamed(summary: Summary, correction: Correction): boolean {
  const namedRemovals = summary.corrections
    .map((c) => c.correction)
    .filter((c) => c.target === 'tool' && c.scope === 'named');
  return putsBack(namedRemovals, correction);
}

/** The interview's summary as the log stands (corrections applied, raw): what the respondent reviews. */
export function reviewedSummary(meta: InterviewMeta, turns: readonly LogTurn[], now: Date): Summary {
  const at = now.toISOString();
  const records = turns.map((turn) => ({ ...turn, interviewId: meta.id, at }));
  // Raw: the respondent reads back their own words as typed (the words a tool was read from).
  return buildSummary(meta, records, { raw: true });
}

/**
 * The short summary of the interview as the log stands (corrections applied): what the respondent reviews, or,
 * once the corrections are kept, what now stands.
 */
export function shortReview(
  meta: InterviewMeta,
  turns: readonly LogTurn[],
  now: Date,
  stage: 'review' | 'corrected' = 'review',
): string {
  return buildShortSummary(reviewedSummary(meta, turns, now), meta.language, stage);
}

/** Corrections recorded since the review question was asked (seq `since`). */
export function correctionsSince(turns: readonly LogTurn[], since: number): number {
  return turns.filter((turn) => turn.kind === 'correction' && turn.seq > since).length;
}

/** Replies not understood since the review question (seq `since`) was asked or a reply was last read. */
export function unclearRepliesInARow(turns: readonly LogTurn[], since: number): number {
  let count = 0;
  for (const turn of turns) {
    if (turn.seq <= since) continue;
    const event = turn.kind === 'event' ? eventOf(turn.data) : null;
    if (turn.kind === 'correction' || event === 'review_noted') count = 0;
    else if (event === 'reask') count += 1;
  }
  return count;
}
