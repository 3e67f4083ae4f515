import { z } from 'zod';
import {
  ActorId,
  type FacetId,
  Language,
  LEVER_IDS,
  LeverId,
  Profile,
  ThemeId,
  ToolId,
  VALUE_IDS,
  ValueId,
} from '../domain.js';
import { InterviewStatus } from '../interview/record.js';
import { Tags } from '../tags.js';

/** A correction the respondent made to the end-of-interview summary (stored as a `correction` turn's `data`). */
export const CORRECTION_ACTIONS = ['add', 'remove'] as const;
export const CORRECTION_TARGETS = ['value', 'tool', 'lever'] as const;
/** The item as the respondent named it, as typed ("Instagram"); absent in corrections made before it was kept. */
const said = z.string().min(1).optional();
export const Correction = z.discriminatedUnion('target', [
  z.object({ action: z.enum(CORRECTION_ACTIONS), target: z.literal('value'), id: ValueId, said }),
  z.object({
    action: z.enum(CORRECTION_ACTIONS),
    target: z.literal('tool'),
    id: ToolId,
    said,
    /**
     * `named`: only the words `said` names were removed (a brand among others the tool was read from, "Instagram"
     * beside "Facebook"): the tool stays, read from the rest. Absent: the whole tool.
     */
    scope: z.enum(['named']).optional(),
    /**
     * `answer`: said while answering, not at the closing review ("en fait on a arrêté Instagram"): the tool named
     * so in an earlier answer was dropped. `probe`: asked about the tool, the respondent said the firm has no
     * such thing ("we dont program machines"): `said` is the words it was misread from. Absent: a correction of
     * the review.
     */
    from: z.enum(['answer', 'probe']).optional(),
  }),
  z.object({ action: z.enum(CORRECTION_ACTIONS), target: z.literal('lever'), id: LeverId, said }),
]);
export type Correction = z.infer<typeof Correction>;

export const SummaryAnswer = z.object({
  /** Seq of the answer turn (the original one when it was amended). */
  seq: z.number().int().positive(),
  /**
   * When the text was given (ISO 8601): the answer's time, or its amend's when it was amended. Absent in
   * summaries made before it was kept.
   */
  at: z.string().optional(),
  questionId: z.string().nullable(),
  question: z.string(),
  text: z.string(),
  tags: Tags,
  amended: z.boolean(),
});
export type SummaryAnswer = z.infer<typeof SummaryAnswer>;

export const SummaryTheme = z.object({ id: ThemeId, answers: z.array(SummaryAnswer) });
export type SummaryTheme = z.infer<typeof SummaryTheme>;

export const SummaryTool = z.object({
  id: ToolId,
  label: z.string(),
  /**
   * From the lever tags its own words or its clause carry (src/core/attribution.ts, creditLevers) when present,
   * else the tool's default lever; null when neither exists.
   */
  lever: LeverId.nullable(),
  values: z.array(ValueId),
  initiators: z.array(ActorId),
  beneficiaries: z.array(ActorId),
  quotes: z.array(z.string()),
  /** The respondent's words the tool was read from ("Batappli", "logiciel de devis"), as typed, pseudonymised. */
  said: z.array(z.string()),
  /** True when the tool is only in the summary because the respondent added it in a correction. */
  addedByRespondent: z.boolean(),
});
export type SummaryTool = z.infer<typeof SummaryTool>;

const Count = z.object({ count: z.number().int().nonnegative() });

const valueCounts = z.object(
  Object.fromEntries(VALUE_IDS.map((id) => [id, Count])) as Record<ValueId, typeof Count>,
);
const valueRow = z.object(
  Object.fromEntries(VALUE_IDS.map((id) => [id, z.number().int().nonnegative()])) as Record<
    ValueId,
    z.ZodNumber
  >,
);
const valueMatrix = z.object(
  Object.fromEntries(VALUE_IDS.map((id) => [id, valueRow])) as Record<ValueId, typeof valueRow>,
);
const leverCounts = z.object(
  Object.fromEntries(LEVER_IDS.map((id) => [id, Count])) as Record<LeverId, typeof Count>,
);

export const LeverBalance = z.union([z.literal('balanced'), z.array(LeverId).min(1)]);
export type LeverBalance = z.infer<typeof LeverBalance>;

export const WEAK_LEVER_REASONS = ['single_answer', 'uncertain'] as const;
export const LEVER_VERDICTS = ['balanced', 'fragile', 'unbalanced'] as const;

/** How well the answers evidence one lever (src/core/summary/lever-reading.ts has the rule). */
const leverTally = {
  answers: z.number().int().nonnegative(),
  /** Answers where the lever is read clearly, or stated by the respondent in a correction. */
  confidentAnswers: z.number().int().nonnegative(),
};
export const LeverEvidence = z.discriminatedUnion('strength', [
  z.object({ strength: z.literal('strong'), ...leverTally }),
  /** Weak because it is in a single answer, or never read clearly. */
  z.object({ strength: z.literal('weak'), weakBecause: z.enum(WEAK_LEVER_REASONS), ...leverTally }),
  z.object({ strength: z.literal('missing'), ...leverTally }),
]);
export type LeverEvidence = z.infer<typeof LeverEvidence>;

const leverEvidences = z.object(
  Object.fromEntries(LEVER_IDS.map((id) => [id, LeverEvidence])) as Record<LeverId, typeof LeverEvidence>,
);

/** balanced: the three levers well evidenced; fragile: none missing, some weak; unbalanced: some missing. */
export const LeverReading = z.object({ verdict: z.enum(LEVER_VERDICTS), levers: leverEvidences });
export type LeverReading = z.infer<typeof LeverReading>;

export const Summary = z.object({
  interview: z.object({
    id: z.string(),
    language: Language,
    profile: Profile,
    status: InterviewStatus,
    /** The respondent took their consent back and has not given it again: nothing is recorded since. */
    consentWithdrawn: z.boolean(),
    startedAt: z.string(),
    completedAt: z.string().nullable(),
  }),
  /** Pseudonymised: nothing here names the respondent, the company or the interviewer. */
  respondent: z.object({
    pseudonym: z.string(),
    profile: Profile,
    language: Language,
    /** The firm's headcount as the manager stated it at presentation; null for an expert or when unsaid. */
    headcount: z.number().int().positive().nullable(),
    /** The headcount was given as a round figure ("une quinzaine", "about 40"). */
    headcountApproximate: z.boolean(),
    actorsMentioned: z.array(ActorId),
  }),
  themes: z.array(SummaryTheme),
  /** Answers given outside the four themes (opening, closing), counted in every total. */
  otherAnswers: z.array(SummaryAnswer.extend({ section: z.string() })),
  declined: z.array(
    z.object({ questionId: z.string().nullable(), question: z.string(), section: z.string() }),
  ),
  /** Main questions not asked because an earlier answer had already answered them (`answerSeq`). */
  covered: z.array(
    z.object({
      questionId: z.string(),
      question: z.string(),
      section: z.string(),
      answerSeq: z.number().int().nullable(),
    }),
  ),
  tools: z.array(SummaryTool),
  /** Number of answers in which each value form is evidenced. */
  values: valueCounts,
  valueGroups: z.object({ service: z.number().int().nonnegative(), user: z.number().int().nonnegative() }),
  /** valueMatrix[a][b]: answers evidencing both a and b; the diagonal repeats values[a].count. */
  valueMatrix,
  levers: leverCounts,
  /** The levers never evidenced (presence only); `leverReading` grades how well each is evidenced. */
  leverBalance: LeverBalance,
  leverReading: LeverReading,
  facets: z.object({
    opportunities: z.array(z.string()),
    threats: z.array(z.string()),
    resources: z.array(z.string()),
  }),
  gaps: z.object({ values: z.array(ValueId), levers: z.array(LeverId) }),
  nextQuestions: z.array(z.string()),
  nextSteps: z.array(z.string()),
  corrections: z.array(
    z.object({
      seq: z.number().int().positive(),
      at: z.string(),
      correction: Correction,
      description: z.string(),
      /** The reply as the respondent wrote it (pseudonymised); absent in summaries made before it was kept. */
      text: z.string().optional(),
    }),
  ),
  /**
   * Replies to the closing review that could not be read as a correction, as the respondent wrote them
   * (pseudonymised): nothing in the summary was changed by them. `description` says so and quotes the text.
   */
  unreadCorrections: z.array(
    z.object({
      seq: z.number().int().positive(),
      at: z.string(),
      text: z.string(),
      description: z.string(),
    }),
  ),
});
export type Summary = z.infer<typeof Summary>;

export const FACET_KEYS = {
  opportunity: 'opportunities',
  threat: 'threats',
  resource: 'resources',
} as const satisfies Record<FacetId, keyof Summary['facets']>;
