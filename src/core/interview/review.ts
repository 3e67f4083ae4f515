import type { Language } from '../domain.js';
import type { Guide } from '../guide/schema.js';
import { buildSummary } from '../summary/build.js';
import { parseCorrection } from '../summary/corrections.js';
import type { Correction, Summary } from '../summary/schema.js';
import { buildShortSummary } from '../summary/short.js';
import { parseYesNo } from './commands.js';
import { eventOf } from './events.js';
import type { LogTurn } from './log.js';
import type { Quote } from './quote.js';
import type { InterviewMeta } from './record.js';
import { afterOpeningPhrase, matchesPhrase } from './text.js';

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
  | { kind: 'correction'; correction: Correction }
  | { kind: 'unclear'; message: string };

/** `quote`: how the message of an unclear reply quotes the item the respondent named. */
export function readReviewReply(
  guides: readonly Guide[],
  text: string,
  language: Language,
  quote: Quote,
): ReviewReply {
  const courtesy = guides.flatMap((guide) => guide.words.courtesy);
  const done = (said: string) => guides.some((guide) => matchesPhrase(said, guide.words.done, courtesy));
  // Done words first: "ok" is also a yes word, and here it means "fine as it is".
  if (done(text)) return { kind: 'done' };
  const yesNo = parseYesNo(guides, text);
  if (yesNo === 'no') return { kind: 'done' };
  if (yesNo === 'yes') return { kind: 'wants' };
  // "Non, rien à corriger", "yes: remove value security": what follows an opening yes or no says it all.
  const rest = afterOpeningPhrase(
    text,
    guides.flatMap((guide) => [...guide.words.no, ...guide.words.yes]),
  );
  if (rest !== null && done(rest)) return { kind: 'done' };
  const parsed = parseCorrection(rest ?? text, language, quote);
  return parsed.ok
    ? { kind: 'correction', correction: parsed.correction }
    : { kind: 'unclear', message: parsed.message };
}

/** Whether the summary, as corrected so far, holds what a correction names: what a removal needs. */
export function summaryHolds(summary: Summary, correction: Correction): boolean {
  switch (correction.target) {
    case 'value':
      return summary.values[correction.id].count > 0;
    case 'tool':
      return summary.tools.some((tool) => tool.id === correction.id);
    case 'lever':
      return summary.leverReading.levers[correction.id].strength !== 'missing';
  }
}

/** The interview's summary as the log stands (corrections applied, raw): what the respondent reviews. */
export function reviewedSummary(meta: InterviewMeta, turns: readonly LogTurn[], now: Date): Summary {
  const at = now.toISOString();
  const records = turns.map((turn) => ({ ...turn, interviewId: meta.id, at }));
  // Raw: the short version names tools, values and levers only, never the respondent's words.
  return buildSummary(meta, records, { raw: true });
}

/** The short summary of the interview as the log stands (corrections applied): what the respondent reviews. */
export function shortReview(meta: InterviewMeta, turns: readonly LogTurn[], now: Date): string {
  return buildShortSummary(reviewedSummary(meta, turns, now), meta.language);
}

/** Corrections recorded since the review question was asked (seq `since`). */
export function correctionsSince(turns: readonly LogTurn[], since: number): number {
  return turns.filter((turn) => turn.kind === 'correction' && turn.seq > since).length;
}

/** Replies not understood since the review question (seq `since`) was asked or a correction last read. */
export function unclearRepliesInARow(turns: readonly LogTurn[], since: number): number {
  let count = 0;
  for (const turn of turns) {
    if (turn.seq <= since) continue;
    if (turn.kind === 'correction') count = 0;
    else if (turn.kind === 'event' && eventOf(turn.data) === 'reask') count += 1;
  }
  return count;
}
