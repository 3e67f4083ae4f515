import type { Guide } from '../guide/schema.js';
import { fill } from '../guide/template.js';
import { derivePosition, type LogTurn } from './log.js';
import type { TurnKind } from './record.js';

/** One message of an interview shown again, said by the bot or by the respondent. */
export interface ReplayedMessage {
  from: 'bot' | 'respondent';
  text: string;
}

/** At most this many messages are shown again: a very long interview still reloads as a light page. */
export const MAX_REPLAYED_MESSAGES = 40;

/** Turns holding the respondent's own words: answers, answers rewritten after `back`, review corrections. */
const RESPONDENT_KINDS: ReadonlySet<TurnKind> = new Set(['answer', 'amend', 'correction']);

/**
 * The exchange so far, rebuilt from the stored turns for a front door that lost what it had shown: the
 * questions as asked and the respondent's words as stored, in order, up to the question now waiting for an
 * answer (whoever shows where the respondent is asks that one again). Only the latest `max` messages are
 * kept, after a line saying how many earlier ones are left out.
 */
export function earlierExchange(
  guide: Guide,
  turns: readonly LogTurn[],
  max: number = MAX_REPLAYED_MESSAGES,
): ReplayedMessage[] {
  const pendingSeq = derivePosition(turns).pending?.seq ?? Number.POSITIVE_INFINITY;
  const said: ReplayedMessage[] = [];
  for (const turn of turns) {
    if (turn.seq >= pendingSeq) break;
    if (turn.kind === 'question' && turn.questionId !== null) said.push({ from: 'bot', text: turn.text });
    else if (RESPONDENT_KINDS.has(turn.kind) && turn.text !== '')
      said.push({ from: 'respondent', text: turn.text });
  }
  const omitted = said.length - max;
  if (omitted <= 0) return said;
  return [
    { from: 'bot', text: fill(guide.messages.earlierOmitted, { count: omitted }) },
    ...said.slice(omitted),
  ];
}
