import type { Guide } from '../guide/schema.js';
import { fill } from '../guide/template.js';
import { derivePosition, type LogTurn } from './log.js';

/** One message of an interview shown again, said by the bot or by the respondent. */
export interface ReplayedMessage {
  from: 'bot' | 'respondent';
  text: string;
  /** When it was said (ISO 8601), when the turns say. */
  at?: string;
}

/** At most this many messages are shown again: a very long interview still reloads as a light page. */
export const MAX_REPLAYED_MESSAGES = 40;

/**
 * The exchange so far, rebuilt from the stored turns for a front door that lost what it had shown, up to the
 * question now waiting for an answer (whoever shows where the respondent is asks that one again): each theme's
 * heading where its first question was asked, the questions as asked, and under each its answer as it now
 * stands (rewritten after `back`: the text that replaced it; given after `back` to a question first skipped:
 * under that question; skipped and not answered since: the bot's word that it was skipped), then the review's
 * corrections in the order they were made. Only the latest `max` messages or so are kept, opening on something
 * the bot said, after a line saying how many earlier ones are left out.
 */
export function earlierExchange(
  guide: Guide,
  turns: readonly (LogTurn & { at?: string })[],
  max: number = MAX_REPLAYED_MESSAGES,
): ReplayedMessage[] {
  const position = derivePosition(turns);
  const pendingSeq = position.pending?.seq ?? Number.POSITIVE_INFINITY;
  const skippedFirst = new Set(turns.filter((turn) => turn.kind === 'skip').map((turn) => turn.questionId));
  // Where each answer is shown: at its own turn, or, given after `back` to a skipped question, at the skip.
  const answerShownAt = new Map(
    position.answers.map((answer) => {
      const skip = skippedFirst.has(answer.questionId)
        ? turns.find((turn) => turn.kind === 'skip' && turn.questionId === answer.questionId)
        : undefined;
      return [skip?.seq ?? answer.seq, answer.text];
    }),
  );
  const themesBegun = new Set<string>();
  const said: ReplayedMessage[] = [];
  for (const turn of turns) {
    if (turn.seq >= pendingSeq) break;
    const answer = answerShownAt.get(turn.seq);
    const at = turn.at === undefined ? {} : { at: turn.at };
    if (turn.kind === 'question' && turn.questionId !== null) {
      const heading = themeHeading(guide, turn.section);
      if (heading !== null && !themesBegun.has(turn.section))
        said.push({ from: 'bot', text: heading, ...at });
      themesBegun.add(turn.section);
      said.push({ from: 'bot', text: turn.text, ...at });
    } else if (answer) said.push({ from: 'respondent', text: answer, ...at });
    // A question skipped and never answered since: what the bot said when it was.
    else if (turn.kind === 'skip') said.push({ from: 'bot', text: guide.messages.skipped, ...at });
    // A review's correction; a tool an answer said was dropped (no question of its own) was that answer.
    else if (turn.kind === 'correction' && turn.questionId !== null && turn.text !== '')
      said.push({ from: 'respondent', text: turn.text, ...at });
  }
  let omitted = Math.max(0, said.length - max);
  if (omitted === 0) return said;
  // What is shown opens on something the bot said, never on an answer whose question is left out.
  while (said[omitted]?.from === 'respondent') omitted += 1;
  const kept = said.slice(omitted);
  // Dated as the first message kept, so that a client ordering by time shows it first.
  const at = kept[0]?.at === undefined ? {} : { at: kept[0].at };
  return [{ from: 'bot', text: fill(guide.messages.earlierOmitted, { count: omitted }), ...at }, ...kept];
}

/** The heading said with a theme's first question ("Thème 1 sur 3 : …"); null for a part outside the themes. */
function themeHeading(guide: Guide, section: string): string | null {
  const index = guide.themes.findIndex((theme) => theme.id === section);
  const theme = guide.themes[index];
  return theme
    ? fill(guide.messages.progress, { n: index + 1, total: guide.themes.length, title: theme.title })
    : null;
}
