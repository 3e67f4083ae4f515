import { z } from 'zod';
import { Language } from '../domain.js';

/**
 * The `data.event` of `event` turns: state changes the position is derived from. `covered`: a main question
 * not asked because an earlier answer (`refSeq`) already answered it; `questionId` names it, `data` says the
 * question and the guide's phrase the answer said. `clarify`: the respondent asked what the pending question
 * (`refSeq`) means or why it is asked; `data` says which (`request`) and what they wrote. It is no answer.
 * `review_noted`: a reply to the closing review read but changing nothing (`reply`: `wants` for a bare yes,
 * `not_present` or `already_present` for a correction, in `correction`, the summary already agrees with).
 * `stop`: the interview stopped; `data.consent` is `withdrawn` when the respondent took their consent back.
 * `amend_cancelled`: a second `back` while the first waited for its text; the answer (`refSeq`) stays as it was.
 * `language`: the respondent asked to go on in another language; `data` says which (`language`, `from`) and, when a
 * question waited (`refSeq`), how it was asked again in it (`question`): the question's text from then on.
 * `near_command_reply`: a yes or a no to "did you mean…?" (`accepted`); the question is settled, and after a no
 * the word is read as any message, never asked about again.
 * `consent_asked`: `resume` after consent was taken back asked for it again; the interview stays paused until a
 * yes (then `consent` and `resume`).
 */
export const INTERVIEW_EVENTS = [
  'consent',
  'declined',
  'reask',
  'amend_request',
  'pause',
  'resume',
  'stop',
  'completed',
  'covered',
  'clarify',
  'review_noted',
  'amend_cancelled',
  'language',
  'near_command_reply',
  'consent_asked',
] as const;
export const InterviewEvent = z.enum(INTERVIEW_EVENTS);
export type InterviewEvent = z.infer<typeof InterviewEvent>;

/**
 * `unreadable`: mostly bytes no keyboard types (binary data); never kept as an answer, nor its text stored.
 * `near_command`: one word a letter off a command ("hlep"); `data.command` says which, asked "did you mean…?".
 */
export const REASK_REASONS = [
  'empty',
  'gibberish',
  'unreadable',
  'off_topic',
  'unclear',
  'near_command',
] as const;
export type ReaskReason = (typeof REASK_REASONS)[number];

const EventData = z.object({ event: InterviewEvent });

/** The event an `event` turn records, or null for data that is not one (read defensively: it comes from storage). */
export function eventOf(data: Record<string, unknown> | null): InterviewEvent | null {
  // Most turns carry no event: answering them without a failed parse keeps the per-turn replay cheap.
  if (data === null || !('event' in data)) return null;
  const parsed = EventData.safeParse(data);
  return parsed.success ? parsed.data.event : null;
}

const LanguageSwitched = z.object({ event: z.literal('language'), language: Language, question: z.string() });

/** How a `language` event asked the question waiting at its `refSeq` again, or null when none waited. */
export function rewordedQuestion(data: Record<string, unknown> | null): string | null {
  const parsed = LanguageSwitched.safeParse(data);
  return parsed.success ? parsed.data.question : null;
}

/** `data` of `question` turns: what kind of question it was, for analysis and for the position. */
export const QUESTION_KINDS = ['consent', 'main', 'example', 'probe', 'review'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const CONSENT_QUESTION_ID = 'opening.consent';
export const OPENING_SECTION = 'opening';
export const CLOSING_SECTION = 'closing';
