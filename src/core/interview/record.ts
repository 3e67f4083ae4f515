import { z } from 'zod';
import { Language, Profile, ThemeId } from '../domain.js';
import { Tags } from '../tags.js';

export const INTERVIEW_STATUSES = ['in_progress', 'paused', 'completed'] as const;
export const InterviewStatus = z.enum(INTERVIEW_STATUSES);
export type InterviewStatus = z.infer<typeof InterviewStatus>;

/** One interview's header row. Timestamps are ISO-8601 strings (UTC). */
export const InterviewMeta = z.object({
  id: z.string().min(1),
  status: InterviewStatus,
  language: Language,
  profile: Profile,
  guideVersion: z.string(),
  /** Who the interview is for (an interviewer's id), null when a respondent runs it for themselves. */
  interviewerId: z.string().nullable(),
  /** The channel-side key of the respondent's conversation (e.g. `msteams:<conversation id>`). */
  conversationKey: z.string().nullable(),
  consentVersion: z.string().nullable(),
  consentAt: z.string().nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type InterviewMeta = z.infer<typeof InterviewMeta>;

/** An interview as listings show it (`list --json`, the dashboard's list): CONTRACTS' list shape. */
export function interviewListing(meta: InterviewMeta) {
  return {
    id: meta.id,
    status: meta.status,
    language: meta.language,
    profile: meta.profile,
    startedAt: meta.startedAt,
    updatedAt: meta.updatedAt,
  };
}

export const NewInterview = InterviewMeta.pick({
  language: true,
  profile: true,
  guideVersion: true,
  interviewerId: true,
  conversationKey: true,
}).extend({ id: z.string().min(1).optional() });
export type NewInterview = z.infer<typeof NewInterview>;

export const InterviewPatch = InterviewMeta.pick({
  status: true,
  language: true,
  profile: true,
  consentVersion: true,
  consentAt: true,
  completedAt: true,
  conversationKey: true,
}).partial();
export type InterviewPatch = z.infer<typeof InterviewPatch>;

/**
 * The interview is an append-only log of turns; the core derives where the interview stands from it,
 * so a crash between two turns can never leave the position and the answers out of step.
 * - `question`: the bot asked `questionId` (text as sent).
 * - `answer`: the respondent answered the pending question; `tags` from the tagger.
 * - `skip`: the respondent declined to answer the pending question.
 * - `amend`: replaces the text (and tags) of the answer turn `amends`.
 * - `correction`: the respondent corrected the end-of-interview summary (`data` says what).
 * - `event`: a state change worth keeping (consent given, pause, resume, stop), `data` says which.
 */
export const TURN_KINDS = ['question', 'answer', 'skip', 'amend', 'correction', 'event'] as const;
export const TurnKind = z.enum(TURN_KINDS);
export type TurnKind = z.infer<typeof TurnKind>;

export const NewTurn = z.object({
  kind: TurnKind,
  /** Guide phase or theme (`opening`, `presentation`, `meaning`, `tools`, `value`, `closing`). */
  section: z.string(),
  questionId: z.string().nullable(),
  text: z.string(),
  tags: Tags.nullable(),
  /** Seq of the turn this one refers to (the answer an `amend` replaces). */
  refSeq: z.number().int().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type NewTurn = z.infer<typeof NewTurn>;

export const TurnRecord = NewTurn.extend({
  interviewId: z.string(),
  /** 1-based, dense, per interview: the order turns happened in. */
  seq: z.number().int().positive(),
  at: z.string(),
});
export type TurnRecord = z.infer<typeof TurnRecord>;

export const SUMMARY_THEMES = ThemeId.options;
