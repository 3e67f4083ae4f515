import type { Language } from '../domain.js';
import type { Guide } from '../guide/schema.js';
import { buildSummary } from '../summary/build.js';
import { parseCorrection } from '../summary/corrections.js';
import type { Correction } from '../summary/schema.js';
import { buildShortSummary } from '../summary/short.js';
import { parseYesNo } from './commands.js';
import type { LogTurn } from './log.js';
import type { InterviewMeta } from './record.js';
import { matchesPhrase } from './text.js';

/**
 * What a message means while the closing review is pending:
 * - `done`: nothing (more) to correct ("c'est bon", "non", "that's all");
 * - `wants`: a bare "yes", the respondent means to correct something;
 * - `correction`: one correction, stored as a `correction` turn whose `data` is the correction itself;
 * - `unclear`: the parser's message says why.
 */
export type ReviewReply =
  | { kind: 'done' }
  | { kind: 'wants' }
  | { kind: 'correction'; correction: Correction }
  | { kind: 'unclear'; message: string };

export function readReviewReply(guides: readonly Guide[], text: string, language: Language): ReviewReply {
  // Done words first: "ok" is also a yes word, and here it means "fine as it is".
  if (guides.some((guide) => matchesPhrase(text, guide.words.done))) return { kind: 'done' };
  const yesNo = parseYesNo(guides, text);
  if (yesNo === 'no') return { kind: 'done' };
  if (yesNo === 'yes') return { kind: 'wants' };
  const parsed = parseCorrection(text, language);
  return parsed.ok
    ? { kind: 'correction', correction: parsed.correction }
    : { kind: 'unclear', message: parsed.message };
}

/** The short summary of the interview as the log stands (corrections applied): what the respondent reviews. */
export function shortReview(meta: InterviewMeta, turns: readonly LogTurn[], now: Date): string {
  const at = now.toISOString();
  const records = turns.map((turn) => ({ ...turn, interviewId: meta.id, at }));
  // Raw: the short version names tools, values and levers only, never the respondent's words.
  return buildShortSummary(buildSummary(meta, records, { raw: true }), meta.language);
}

/** Corrections recorded since the review question was asked (seq `since`). */
export function correctionsSince(turns: readonly LogTurn[], since: number): number {
  return turns.filter((turn) => turn.kind === 'correction' && turn.seq > since).length;
}
