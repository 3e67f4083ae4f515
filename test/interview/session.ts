import type { Language, Profile } from '../../src/core/domain.js';
import type { Guide, GuideSet } from '../../src/core/guide/index.js';
import { handleInput, promptNext, type TurnResult } from '../../src/core/interview/index.js';
import type { InterviewMeta, TurnRecord } from '../../src/core/interview/record.js';
import type { Tagger } from '../../src/core/tagger/types.js';

/** Drives the pure core the way the bot does (append turns + patch, then reply), with an in-memory log. */
export class CoreSession {
  meta: InterviewMeta;
  turns: TurnRecord[] = [];
  last: TurnResult | null = null;

  constructor(
    readonly guides: GuideSet,
    readonly tagger: Tagger,
    language: Language,
    profile: Profile,
    readonly guideOverride?: Guide,
  ) {
    const at = '2026-01-05T09:00:00.000Z';
    this.meta = {
      id: 'int-1',
      status: 'in_progress',
      language,
      profile,
      guideVersion: guides[language].version,
      interviewerId: null,
      conversationKey: null,
      consentVersion: null,
      consentAt: null,
      startedAt: at,
      updatedAt: at,
      completedAt: null,
    };
  }

  get guide(): Guide {
    return this.guideOverride ?? this.guides[this.meta.language];
  }

  private apply(result: TurnResult): string[] {
    for (const turn of result.newTurns) {
      this.turns.push({
        ...turn,
        interviewId: this.meta.id,
        seq: this.turns.length + 1,
        at: this.meta.updatedAt,
      });
    }
    if (result.patch) this.meta = { ...this.meta, ...result.patch };
    this.last = result;
    return result.replies;
  }

  start(): string[] {
    return this.apply(promptNext(this.guide, this.meta, this.turns, { now: new Date() }));
  }

  say(text: string): string[] {
    return this.apply(
      handleInput(this.guide, this.meta, this.turns, text, this.tagger, {
        now: new Date(),
        guides: this.guides,
      }),
    );
  }

  /** The question waiting for an answer, as the log records it. */
  pendingId(): string | null {
    const lastQuestion = [...this.turns].reverse().find((t) => t.kind === 'question');
    if (!lastQuestion) return null;
    const answered = this.turns.some(
      (t) =>
        t.seq > lastQuestion.seq &&
        (t.kind === 'answer' || t.kind === 'skip') &&
        t.questionId === lastQuestion.questionId,
    );
    return answered ? null : lastQuestion.questionId;
  }

  askedIds(): string[] {
    return this.turns.filter((t) => t.kind === 'question').map((t) => t.questionId ?? '');
  }
}

/** A manager's opening answers (our own wording): consent, the firm, the role, what going digital means. */
export const MANAGER_OPENING = {
  fr: {
    consent: 'oui',
    company: 'Nous fabriquons des meubles en bois, 25 salariés, en Haute-Savoie.',
    role: 'Je suis la gérante et la fondatrice de la société.',
    meaning: "Pour nous, c'est passer les devis et les factures sur un logiciel, et vendre aussi en ligne.",
  },
  en: {
    consent: 'yes',
    company: 'We make wooden furniture, 25 people, in Savoie, since 1998.',
    role: 'I am the managing director and the founder of the firm.',
    meaning: 'For us it means moving quotes and invoices to software, and selling online as well.',
  },
} as const;

/** A manager's interview past its presentation (consent, firm and role answered): theme 1's question waits. */
export function pastPresentation(
  guides: GuideSet,
  tagger: Tagger,
  lang: Language,
  guideOverride?: Guide,
): CoreSession {
  const session = new CoreSession(guides, tagger, lang, 'manager', guideOverride);
  session.start();
  const opening = MANAGER_OPENING[lang];
  for (const text of [opening.consent, opening.company, opening.role]) session.say(text);
  return session;
}

export const REVIEW_ID = 'closing.review';

/**
 * Answers every question, with `answer` or what it gives for the question waiting, until the closing review
 * waits; the replies to the last answer.
 */
export function answerUntilReview(
  session: CoreSession,
  answer: string | ((pending: string | null) => string),
): string[] {
  let replies: string[] = [];
  for (let guard = 0; session.pendingId() !== REVIEW_ID; guard += 1) {
    if (guard > 60) throw new Error('the closing review was never reached');
    replies = session.say(typeof answer === 'string' ? answer : answer(session.pendingId()));
  }
  return replies;
}

/**
 * A manager's interview with consent given and every question answered with `answers[lang]`, waiting at the
 * closing review: where review corrections are tried.
 */
export function atReviewWith(
  guides: GuideSet,
  tagger: Tagger,
  answers: Readonly<Record<Language, string>>,
  lang: Language,
): CoreSession {
  const session = new CoreSession(guides, tagger, lang, 'manager');
  session.start();
  session.say(lang === 'fr' ? 'oui' : 'yes');
  answerUntilReview(session, answers[lang]);
  return session;
}
