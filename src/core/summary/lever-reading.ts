import { LEVER_IDS, type LeverId } from '../domain.js';
import type { LeverEvidence, LeverReading } from './schema.js';

/**
 * A lever read in an answer with at least this confidence is read clearly there. The tagger scores one
 * cue phrase of weight 1 at 0.6, more cues or a sure model higher; on the held-out answers over a third
 * of its lever readings below 0.7 are wrong, under a quarter of those above.
 */
export const CLEAR_LEVER_CONFIDENCE = 0.7;
/** A lever read from the kind of tool an answer names, not from its words: below a clear reading. */
export const INFERRED_LEVER_CONFIDENCE = 0.6;
/** A lever is well evidenced when at least this many answers evidence it, one of them clearly. */
export const WELL_EVIDENCED_ANSWERS = 2;

export interface LeverTally {
  /** Answers evidencing the lever. */
  answers: number;
  /** Of those, answers where it is read clearly (or that the respondent stated in a correction). */
  confidentAnswers: number;
}

/**
 * How well each lever is evidenced, and what that says of their balance: an SME should develop the three
 * levers together, so one missing lever unbalances it and one only glimpsed leaves the balance fragile.
 */
export function readLevers(tallies: Record<LeverId, LeverTally>): LeverReading {
  const levers = Object.fromEntries(LEVER_IDS.map((id) => [id, readLever(tallies[id])])) as Record<
    LeverId,
    LeverEvidence
  >;
  const strengths = LEVER_IDS.map((id) => levers[id].strength);
  const verdict = strengths.includes('missing')
    ? 'unbalanced'
    : strengths.includes('weak')
      ? 'fragile'
      : 'balanced';
  return { verdict, levers };
}

function readLever({ answers, confidentAnswers }: LeverTally): LeverEvidence {
  if (answers === 0) return { strength: 'missing', answers, confidentAnswers };
  if (answers >= WELL_EVIDENCED_ANSWERS && confidentAnswers > 0)
    return { strength: 'strong', answers, confidentAnswers };
  const weakBecause = answers === 1 ? 'single_answer' : 'uncertain';
  return { strength: 'weak', weakBecause, answers, confidentAnswers };
}

/** The levers of one strength, in the canonical order. */
export function leversOf(reading: LeverReading, strength: LeverEvidence['strength']): LeverId[] {
  return LEVER_IDS.filter((id) => reading.levers[id].strength === strength);
}
