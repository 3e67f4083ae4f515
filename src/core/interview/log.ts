import { Correction } from '../summary/schema.js';
import type { Tags } from '../tags.js';
import { CONSENT_QUESTION_ID, eventOf, type InterviewEvent, rewordedQuestion } from './events.js';
import { type QuestionSubject, subjectOfQuestion } from './question-subject.js';
import type { InterviewMeta, NewTurn } from './record.js';
import { saysPhrase } from './text.js';

/** A turn as the core needs it: a stored `TurnRecord`, or one about to be appended (seq already known). */
export type LogTurn = NewTurn & { seq: number };

export interface AskedQuestion {
  seq: number;
  questionId: string;
  section: string;
  text: string;
  status: 'pending' | 'answered' | 'skipped';
  /** The tool the question asks about and the role asked for, when it is a probe on one tool. */
  subject: QuestionSubject | null;
}

/**
 * A tool an answer said was dropped, or the firm does not have (asked about it): a removal of the words it was
 * read from, as the closing review records one.
 */
export type DroppedTool = Extract<Correction, { target: 'tool' }>;

/** An answer as it stands now: the text and tags of its latest amend, if any. */
export interface EffectiveAnswer {
  seq: number;
  questionId: string;
  section: string;
  questionText: string;
  text: string;
  tags: Tags | null;
  data: Record<string, unknown> | null;
  amended: boolean;
  /** The tool the question asked about and the role asked for, when it was a probe on one tool. */
  subject: QuestionSubject | null;
}

/** A question the respondent skipped, and the seq of its `skip` turn. */
export interface SkippedQuestion {
  question: AskedQuestion;
  skipSeq: number;
}

/** What `back` goes to: the latest answer, or a question skipped since, which the next message then answers. */
export type AmendTarget =
  | { kind: 'answer'; answer: EffectiveAnswer }
  | ({ kind: 'skipped' } & SkippedQuestion);

/** Where an interview stands, derived from its turn log alone (so a restart resumes exactly). */
export interface Position {
  pending: AskedQuestion | null;
  asked: ReadonlyMap<string, AskedQuestion>;
  /** In the order they were first given. */
  answers: readonly EffectiveAnswer[];
  /** Re-asks already spent on the pending question. */
  reasks: number;
  /** Requests for clarification already answered for the pending question. */
  clarifications: number;
  /**
   * Set after `back`: the next message replaces this answer, or answers this skipped question (a pause on the
   * way does not cancel it).
   */
  amendTarget: AmendTarget | null;
  /** Questions skipped and not answered since, by the seq of their `skip` turn. */
  skipped: readonly SkippedQuestion[];
  /** Main questions not asked because an earlier answer already answered them. */
  covered: ReadonlySet<string>;
  consentGiven: boolean;
  /** Consent was taken back (a `stop` saying so) and not given again since. */
  consentWithdrawn: boolean;
  /** Tools an answer said were dropped or not had, by the words an earlier answer gave them (dropped-tools.ts, denied-tool.ts). */
  dropped: readonly DroppedTool[];
  lastSeq: number;
}

/**
 * Whether a `covered` mark still holds: the answer that said the phrase, as amended since, must still say it
 * ("je suis la gérante" rewritten without it no longer answers the role question). A mark without its phrase
 * holds only while the answer stands as first given.
 */
export function stillCovers(answer: { text: string; amended: boolean }, phrase: unknown): boolean {
  // An answer as first given said the phrase when the mark was made: only an amended one is read again.
  if (!answer.amended) return true;
  return typeof phrase === 'string' && saysPhrase(answer.text, phrase);
}

/**
 * Events that leave a pending `back` waiting: a re-ask, a pause with its resume, and a change of language come in
 * between.
 */
const KEEP_AMENDMENT: ReadonlySet<InterviewEvent> = new Set(['reask', 'pause', 'resume', 'stop', 'language']);

export function derivePosition(turns: readonly LogTurn[]): Position {
  const asked = new Map<string, AskedQuestion>();
  const answers: EffectiveAnswer[] = [];
  const bySeq = new Map<number, EffectiveAnswer>();
  let pending: AskedQuestion | null = null;
  let reasks = 0;
  let clarifications = 0;
  let amendTarget: AmendTarget | null = null;
  const skipped = new Map<number, SkippedQuestion>();
  let consentGiven = false;
  let consentWithdrawn = false;
  // With the seq of the question whose answer removed the tool (null: the closing review's removal).
  let dropped: { removal: DroppedTool; questionSeq: number | null }[] = [];
  /** Answer seq → the seq of the question it answered. */
  const questionOfAnswer = new Map<number, number | null>();
  let lastSeq = 0;
  // Question id → the covering answer's seq and the phrase it said; judged once every amend is applied.
  const coveredBy = new Map<string, { answerSeq: number | null; phrase: unknown }>();

  for (const turn of turns) {
    lastSeq = Math.max(lastSeq, turn.seq);
    switch (turn.kind) {
      case 'question': {
        if (turn.questionId === null) break;
        pending = {
          seq: turn.seq,
          questionId: turn.questionId,
          section: turn.section,
          text: turn.text,
          status: 'pending',
          subject: subjectOfQuestion(turn.data),
        };
        asked.set(turn.questionId, pending);
        reasks = 0;
        clarifications = 0;
        amendTarget = null;
        break;
      }
      case 'answer':
      case 'skip': {
        if (turn.kind === 'answer') questionOfAnswer.set(turn.seq, turn.refSeq);
        const late = turn.kind === 'answer' ? lateAnswered(skipped, turn.questionId) : undefined;
        if (late) {
          // A skipped question answered after `back`: it counts as answered from now on.
          skipped.delete(late.skipSeq);
          late.question.status = 'answered';
          const answer = effectiveAnswer(turn, late.question);
          answers.push(answer);
          bySeq.set(turn.seq, answer);
        } else if (pending && turn.questionId === pending.questionId) {
          pending.status = turn.kind === 'answer' ? 'answered' : 'skipped';
          if (turn.kind === 'answer') {
            const answer = effectiveAnswer(turn, pending);
            answers.push(answer);
            bySeq.set(turn.seq, answer);
          } else {
            skipped.set(turn.seq, { question: pending, skipSeq: turn.seq });
          }
          pending = null;
        }
        amendTarget = null;
        break;
      }
      case 'amend': {
        const target = turn.refSeq === null ? undefined : bySeq.get(turn.refSeq);
        if (target) {
          target.text = turn.text;
          target.tags = turn.tags;
          target.data = turn.data;
          target.amended = true;
          // What the answer's first words removed goes with them.
          const questionSeq = questionOfAnswer.get(target.seq);
          if (questionSeq != null) dropped = dropped.filter((d) => d.questionSeq !== questionSeq);
        }
        amendTarget = null;
        break;
      }
      case 'event': {
        const event = eventOf(turn.data);
        if (event === 'reask') reasks += 1;
        else if (event === 'clarify') clarifications += 1;
        else if (event === 'consent') {
          consentGiven = true;
          consentWithdrawn = false;
        } else if (event === 'stop' && turn.data?.consent === 'withdrawn') consentWithdrawn = true;
        else if (event === 'language' && pending !== null && turn.refSeq === pending.seq) {
          // Asked again in the new language: answers and re-asks from now on are to that wording.
          pending.text = rewordedQuestion(turn.data) ?? pending.text;
        } else if (event === 'covered' && turn.questionId !== null) {
          coveredBy.set(turn.questionId, { answerSeq: turn.refSeq, phrase: turn.data?.phrase });
          // An amend made the question waiting already answered: it waits no more, and counts as never asked,
          // so an amend taking the phrase back out has it asked again.
          if (pending?.questionId === turn.questionId) {
            asked.delete(turn.questionId);
            pending = null;
          }
        }
        if (event === 'amend_request') {
          amendTarget = amendTargetAt(bySeq, skipped, turn.refSeq);
        } else if (event === null || !KEEP_AMENDMENT.has(event)) {
          amendTarget = null;
        }
        break;
      }
      case 'correction': {
        const correction = Correction.safeParse(turn.data);
        if (correction.success && correction.data.target === 'tool' && correction.data.from !== undefined)
          dropped.push({ removal: correction.data, questionSeq: turn.refSeq });
        break;
      }
    }
  }
  const covered = new Set<string>();
  for (const [questionId, { answerSeq, phrase }] of coveredBy) {
    const answer = answerSeq === null ? undefined : bySeq.get(answerSeq);
    if (!answer || stillCovers(answer, phrase)) covered.add(questionId);
  }
  return {
    pending,
    asked,
    answers,
    reasks,
    clarifications,
    amendTarget,
    skipped: [...skipped.values()],
    covered,
    consentGiven,
    consentWithdrawn,
    dropped: dropped.map((d) => d.removal),
    lastSeq,
  };
}

/** The respondent of an interview not completed took their consent back and has not given it again. */
export function consentStandsWithdrawn(
  meta: Pick<InterviewMeta, 'status'>,
  turns: readonly LogTurn[],
): boolean {
  return meta.status !== 'completed' && derivePosition(turns).consentWithdrawn;
}

function effectiveAnswer(turn: LogTurn, question: AskedQuestion): EffectiveAnswer {
  return {
    seq: turn.seq,
    questionId: question.questionId,
    section: question.section,
    questionText: question.text,
    text: turn.text,
    tags: turn.tags,
    data: turn.data,
    amended: false,
    // Said not to be had, the tool asked about is no subject of the answer.
    subject: turn.data?.deniesSubject === true ? null : question.subject,
  };
}

function lateAnswered(
  skipped: ReadonlyMap<number, SkippedQuestion>,
  questionId: string | null,
): SkippedQuestion | undefined {
  return [...skipped.values()].find((skip) => skip.question.questionId === questionId);
}

/** What an `amend_request` naming `refSeq` goes to: an answer's turn, or a skip's. */
function amendTargetAt(
  bySeq: ReadonlyMap<number, EffectiveAnswer>,
  skipped: ReadonlyMap<number, SkippedQuestion>,
  refSeq: number | null,
): AmendTarget | null {
  if (refSeq === null) return null;
  const answer = bySeq.get(refSeq);
  if (answer) return { kind: 'answer', answer };
  const skip = skipped.get(refSeq);
  return skip ? { kind: 'skipped', ...skip } : null;
}

/**
 * What `back` goes to: the latest answer the respondent wrote (not the consent), or the question they skipped
 * after it, which they mean to answer after all.
 */
export function lastAmendable(position: Position): AmendTarget | null {
  const answer = position.answers.findLast((a) => a.questionId !== CONSENT_QUESTION_ID);
  const skip = position.skipped.at(-1);
  if (skip && (!answer || skip.skipSeq > answer.seq)) return { kind: 'skipped', ...skip };
  return answer ? { kind: 'answer', answer } : null;
}
