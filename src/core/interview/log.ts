import type { Tags } from '../tags.js';
import { CONSENT_QUESTION_ID, eventOf, type InterviewEvent } from './events.js';
import { type QuestionSubject, subjectOfQuestion } from './question-subject.js';
import type { NewTurn } from './record.js';
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
  /** Set after `back`: the next message replaces this answer (a pause on the way does not cancel it). */
  amendTarget: EffectiveAnswer | null;
  /** Main questions not asked because an earlier answer already answered them. */
  covered: ReadonlySet<string>;
  consentGiven: boolean;
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

/** Events that leave a pending `back` waiting: a re-ask, and a pause with its resume, come in between. */
const KEEP_AMENDMENT: ReadonlySet<InterviewEvent> = new Set(['reask', 'pause', 'resume', 'stop']);

export function derivePosition(turns: readonly LogTurn[]): Position {
  const asked = new Map<string, AskedQuestion>();
  const answers: EffectiveAnswer[] = [];
  const bySeq = new Map<number, EffectiveAnswer>();
  let pending: AskedQuestion | null = null;
  let reasks = 0;
  let clarifications = 0;
  let amendTarget: EffectiveAnswer | null = null;
  let consentGiven = false;
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
        if (pending && turn.questionId === pending.questionId) {
          pending.status = turn.kind === 'answer' ? 'answered' : 'skipped';
          if (turn.kind === 'answer') {
            const answer: EffectiveAnswer = {
              seq: turn.seq,
              questionId: pending.questionId,
              section: pending.section,
              questionText: pending.text,
              text: turn.text,
              tags: turn.tags,
              data: turn.data,
              amended: false,
              subject: pending.subject,
            };
            answers.push(answer);
            bySeq.set(turn.seq, answer);
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
          target.amended = true;
        }
        amendTarget = null;
        break;
      }
      case 'event': {
        const event = eventOf(turn.data);
        if (event === 'reask') reasks += 1;
        else if (event === 'clarify') clarifications += 1;
        else if (event === 'consent') consentGiven = true;
        else if (event === 'covered' && turn.questionId !== null)
          coveredBy.set(turn.questionId, { answerSeq: turn.refSeq, phrase: turn.data?.phrase });
        if (event === 'amend_request') {
          amendTarget = (turn.refSeq === null ? undefined : bySeq.get(turn.refSeq)) ?? null;
        } else if (event === null || !KEEP_AMENDMENT.has(event)) {
          amendTarget = null;
        }
        break;
      }
      case 'correction':
        break;
    }
  }
  const covered = new Set<string>();
  for (const [questionId, { answerSeq, phrase }] of coveredBy) {
    const answer = answerSeq === null ? undefined : bySeq.get(answerSeq);
    if (!answer || stillCovers(answer, phrase)) covered.add(questionId);
  }
  return { pending, asked, answers, reasks, clarifications, amendTarget, covered, consentGiven, lastSeq };
}

/** The answer `back` amends: the latest one the respondent wrote (not the consent). */
export function lastAmendableAnswer(position: Position): EffectiveAnswer | null {
  for (let i = position.answers.length - 1; i >= 0; i -= 1) {
    const answer = position.answers[i];
    if (answer && answer.questionId !== CONSENT_QUESTION_ID) return answer;
  }
  return null;
}
