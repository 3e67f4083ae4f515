import { z } from 'zod';
import type { Language } from '../domain.js';
import type { Guide, GuideSet } from '../guide/schema.js';
import { fill } from '../guide/template.js';
import { formatNumber } from '../locale-format.js';
import { correctionItem, describeCorrection } from '../summary/corrections.js';
import { summaryPrompts } from '../summary/labels.js';
import type { AnswerAbout, Tagger } from '../tagger/types.js';
import type { Evidence, Tags } from '../tags.js';
import { answerLanguage } from './answer-language.js';
import { opensWithReturn, readsAsReturn, readsAsWaitRequest, saysAlreadyAnswered } from './asides.js';
import { keepUpTo } from './cap.js';
import { readConsent } from './choices.js';
import {
  afterQuestionAskedBack,
  asksAboutPrivacy,
  type Clarification,
  clarificationReplies,
  MAX_CLARIFICATIONS,
  readClarification,
} from './clarification.js';
import {
  commandWithReason,
  guidesFor,
  INTERVIEW_COMMANDS,
  type InterviewCommand,
  nearInterviewCommand,
  parseBotCommand,
  parseInterviewCommand,
  parseYesNo,
} from './commands.js';
import { hasAnyTag } from './coverage.js';
import { deniedTool } from './denied-tool.js';
import { droppedTools } from './dropped-tools.js';
import {
  CONSENT_QUESTION_ID,
  eventOf,
  type InterviewEvent,
  OPENING_SECTION,
  type ReaskReason,
} from './events.js';
import { answerAbout, askedFacet, givesNothing, opensWithYes, withAskedFacet } from './facet-answer.js';
import { isGibberish, isUnreadable, shippedWords } from './gibberish.js';
import { readLanguageRequest } from './language-switch.js';
import {
  type AmendTarget,
  type AskedQuestion,
  type DroppedTool,
  derivePosition,
  type LogTurn,
  lastAmendable,
  type Position,
} from './log.js';
import {
  type CoveredQuestion,
  coveringAnswer,
  decideFromPosition,
  exampleProbeId,
  mainQuestions,
  type PlannedQuestion,
  probedToolName,
  sectionsOf,
  wordingIn,
} from './plan.js';
import { readProbeAnswer } from './probe-answer.js';
import type { QuestionSubject } from './question-subject.js';
import { escapeMarkdown, type Quote } from './quote.js';
import type { InterviewMeta, InterviewPatch, NewTurn } from './record.js';
import {
  correctionsSince,
  readReviewReply,
  removalScope,
  reviewedSummary,
  shortReview,
  unchangedBy,
  unclearRepliesInARow,
} from './review.js';
import { isBlank, mentionsAny, words } from './text.js';
import { readsAsWithdrawal } from './withdrawal.js';

/**
 * What one respondent message does. The caller appends `newTurns` with `patch` in ONE store call (the
 * answer and the next question become durable together) and only then sends `replies`.
 */
export interface TurnResult {
  newTurns: NewTurn[];
  patch: InterviewPatch | null;
  replies: string[];
  /** `declined`: consent refused, the caller erases the interview. */
  outcome: 'continue' | 'paused' | 'completed' | 'declined';
}

export interface TurnOptions {
  now: Date;
  /** Every language's guide, so commands typed in the other language still work. */
  guides?: GuideSet;
  /**
   * How replies quote the respondent's words: by default made inert Markdown, since Teams and the web chat
   * render the bot's messages as Markdown (and HTML).
   */
  quote?: Quote;
}

function quoteOf(options: TurnOptions): Quote {
  return options.quote ?? escapeMarkdown;
}

/** A correction of the closing review, as typed, answering the review question asked at `refSeq`. */
function correctionTurn(
  question: { section: string; id: string },
  text: string,
  refSeq: number | null,
  data: Record<string, unknown>,
): NewTurn {
  return {
    kind: 'correction',
    section: question.section,
    questionId: question.id,
    text,
    tags: null,
    refSeq,
    data,
  };
}

function event(
  name: InterviewEvent,
  section: string,
  extra: Record<string, unknown> = {},
  refSeq: number | null = null,
): NewTurn {
  return {
    kind: 'event',
    section,
    questionId: null,
    text: '',
    tags: null,
    refSeq,
    data: { event: name, ...extra },
  };
}

/** The record of a main question passed over because an earlier answer already answered it. */
function coveredTurn(question: CoveredQuestion): NewTurn {
  return {
    kind: 'event',
    section: question.section,
    questionId: question.id,
    text: '',
    tags: null,
    refSeq: question.answerSeq,
    data: { event: 'covered', question: question.text, phrase: question.phrase },
  };
}

function amendPrompt(
  guide: Guide,
  meta: InterviewMeta,
  position: Position,
  target: AmendTarget,
  options: TurnOptions,
): string {
  if (target.kind === 'skipped')
    return fill(guide.messages.amendSkippedPrompt, {
      question: asWordedNow(guide, meta, position, target.question),
    });
  const { answer } = target;
  const asked = {
    questionId: answer.questionId,
    section: answer.section,
    subject: answer.subject,
    text: answer.questionText,
  };
  return fill(guide.messages.amendPrompt, {
    question: asWordedNow(guide, meta, position, asked),
    answer: quoteOf(options)(answer.text),
  });
}

/**
 * A question quoted back in the interview's language as it is now (asked in French, quoted in English after a
 * switch). A probe on one tool keeps the words it was asked with: worded again, it would name the tool's
 * mentions as they stand now, not as they stood then.
 */
function asWordedNow(
  guide: Guide,
  meta: InterviewMeta,
  position: Position,
  asked: Pick<AskedQuestion, 'questionId' | 'section' | 'subject' | 'text'>,
): string {
  if (asked.subject) return asked.text;
  return wordingIn(guide, meta.profile, position, asked) ?? asked.text;
}

/** `turns` with `added` appended after them, each numbered as the store will number it. */
function logWith(turns: readonly LogTurn[], added: readonly NewTurn[]): LogTurn[] {
  let seq = turns.reduce((max, t) => Math.max(max, t.seq), 0);
  return [...turns, ...added.map((t) => ({ ...t, seq: ++seq }))];
}

/** Whether the question the interview waits on is the closing review. */
function reviewPending(guide: Guide, position: Position): boolean {
  const id = position.pending?.questionId;
  return guide.closing.questions.some((q) => q.id === id && q.expects === 'yes_no');
}

/** `turns`: the log as of this question, for the closing review's short summary. */
function questionLines(
  guide: Guide,
  meta: InterviewMeta,
  question: PlannedQuestion,
  turns: readonly LogTurn[],
  now: Date,
): string[] {
  const lines: string[] = [];
  if (question.kind === 'consent') lines.push(guide.opening.intro[meta.profile]);
  if (question.kind === 'review') lines.push(shortReview(meta, turns, now));
  if (question.progress) lines.push(fill(guide.messages.progress, { ...question.progress }));
  lines.push(question.text);
  return lines;
}

/** Appends the question that comes next (or the completion) to `result`, as of the log `turns` + `result.newTurns`. */
function advance(
  guide: Guide,
  meta: InterviewMeta,
  turns: readonly LogTurn[],
  result: TurnResult,
  options: TurnOptions,
): TurnResult {
  const { now } = options;
  const all = logWith(turns, result.newTurns);
  const position = derivePosition(all);
  const step = decideFromPosition(guide, meta, position);
  if (step.type === 'await') {
    // A `back` left waiting (over a pause, say) is what the next message answers, not the question.
    const amending = position.amendTarget;
    result.replies.push(
      ...(amending
        ? [amendPrompt(guide, meta, position, amending, options)]
        : questionLines(guide, meta, step.question, all, now)),
    );
    return result;
  }
  result.newTurns.push(...step.covered.map(coveredTurn));
  if (step.type === 'ask') {
    const q = step.question;
    result.newTurns.push({
      kind: 'question',
      section: q.section,
      questionId: q.id,
      text: q.text,
      tags: null,
      refSeq: null,
      data: q.tool ? { kind: q.kind, tool: q.tool, asks: q.asks ?? 'both' } : { kind: q.kind },
    });
    result.replies.push(...questionLines(guide, meta, q, all, now));
    return result;
  }
  result.newTurns.push(event('completed', 'closing'));
  result.patch = { ...result.patch, status: 'completed', completedAt: now.toISOString() };
  result.replies.push(guide.closing.thanks);
  return { ...result, outcome: 'completed' };
}

/** Review replies read as no correction, in a row, before the review ends with the last kept as written. */
const MAX_UNCLEAR_REVIEW_REPLIES = 3;

function emptyResult(): TurnResult {
  return { newTurns: [], patch: null, replies: [], outcome: 'continue' };
}

/**
 * Asks the next question when none is pending, or repeats the pending one: what the bot does when an
 * interview starts or a conversation comes back to it after a restart.
 */
export function promptNext(
  guide: Guide,
  meta: InterviewMeta,
  turns: readonly LogTurn[],
  options: TurnOptions,
): TurnResult {
  if (meta.status === 'completed')
    return { ...emptyResult(), replies: [guide.messages.alreadyCompleted], outcome: 'completed' };
  return advance(guide, meta, turns, emptyResult(), options);
}

/**
 * Tags that say what an answer is about: a value, tool, lever or facet, or an actor with a role. An actor only
 * named ("Quelle équipe de bras cassés") says nothing of the question, but for a probe asking who (`asksWho`).
 */
function tagsOnTopic(tags: Tags | null, asksWho: boolean): boolean {
  if (!tags) return false;
  if (tags.values.length + tags.tools.length + tags.levers.length + tags.facets.length > 0) return true;
  return tags.actors.some((actor) => asksWho || actor.role !== 'mentioned');
}

/**
 * What marks an answer to `question` as on topic: its section's `topicWords` and the starts of the question's
 * own longer words (an example probe's, and its main question's), but for the words any question is asked with
 * (the clarification's `echo` words: "quelles", "votre", "which"); none for a section without topic words.
 */
function topicStems(
  guide: Guide,
  guides: readonly Guide[],
  meta: InterviewMeta,
  question: PlannedQuestion,
): string[] {
  const section = sectionsOf(guide).find((s) => s.id === question.section);
  if (!section || section.topicWords.length === 0) return [];
  const texts = [question.text];
  if (question.kind === 'example') {
    const main = mainQuestions(section, meta.profile).find((q) => exampleProbeId(q.id) === question.id);
    if (main) texts.push(main.text);
  }
  const asking = new Set(guides.flatMap((g) => g.clarification.echo.flatMap((echo) => words(echo))));
  const questionStems = texts
    .flatMap((text) => words(text))
    .flatMap((word) => word.split("'"))
    .filter((w) => w.length >= 5 && !asking.has(w))
    // A plural's ending is left out, so that "clubs" in the question finds "club" in the answer.
    .map((w) => w.replace(/[sx]$/, '').slice(0, 5));
  return [...section.topicWords, ...questionStems];
}

/** Why an answer is asked again; a word a letter off a command is asked about apart. */
type AnswerReaskReason = Exclude<ReaskReason, 'near_command'>;

/**
 * Why a message to a main question or a probe is asked again, if it is: nothing typed, binary data, nonsense
 * (unless the tagger read something in it), or off topic. Off topic is a real answer to something else: no
 * shorter than `limits.shortAnswerWords`, saying nothing the tags or the topic words tie to the question (nor,
 * asked who, a person: `words.people`, "ma nièce"), and
 * neither a no, a "je ne sais pas" nor opening with a yes (answers too). Shorter answers are taken at once
 * ("Moi.", "nos clients surtout"); a main question's get the example probe.
 */
function reaskReason(
  guide: Guide,
  guides: readonly Guide[],
  meta: InterviewMeta,
  question: PlannedQuestion,
  position: Position,
  text: string,
  unreadable: boolean,
  tags: Tags | null,
  tagger: Tagger,
): AnswerReaskReason | null {
  // Nothing typed at all; punctuation or symbols alone are gibberish.
  if (text.trim() === '') return 'empty';
  if (unreadable) return 'unreadable';
  // What the tagger read something in is an answer, however it is spelt.
  if (!hasAnyTag(tags) && isGibberish(text, tagger.knownWords?.())) return 'gibberish';
  if (words(text).length < guide.limits.shortAnswerWords) return null;
  const asksWho = position.pending?.subject != null;
  if (tagsOnTopic(tags, asksWho)) return null;
  if (
    asksWho &&
    mentionsAny(
      text,
      guides.flatMap((g) => g.words.people),
    )
  )
    return null;
  const stems = topicStems(guide, guides, meta, question);
  if (stems.length === 0 || mentionsAny(text, stems)) return null;
  // "Je viens de le dire": asking again would only ask for it a third time.
  if (saysAlreadyAnswered(guides, text)) return null;
  // "Quel ERP ? On n'en a pas.": what is asked back is the question's, and what follows answers it.
  if (afterQuestionAskedBack(guides, text, question.text) > 0) return null;
  // A no, a "je ne sais pas" or an opening yes answers the question, whatever words follow.
  return givesNothing(guides, text) || opensWithYes(guides, text) ? null : 'off_topic';
}

const REASK_MESSAGE: Record<AnswerReaskReason, (guide: Guide) => string> = {
  empty: (g) => g.messages.reaskEmpty,
  gibberish: (g) => g.messages.reaskGibberish,
  unreadable: (g) => g.messages.reaskGibberish,
  off_topic: (g) => g.messages.reaskOffTopic,
  unclear: (g) => g.messages.reaskGibberish,
};

/** A respondent command (help, skip, back, pause, resume, stop) applied to the interview. */
export function applyCommand(
  guide: Guide,
  meta: InterviewMeta,
  turns: readonly LogTurn[],
  command: InterviewCommand,
  options: TurnOptions,
): TurnResult {
  const position = derivePosition(turns);
  const result = emptyResult();
  const section = position.pending?.section ?? OPENING_SECTION;
  switch (command) {
    case 'help':
      // The review has its own help: how to correct what was understood, and how to end it.
      if (reviewPending(guide, position) && !position.amendTarget)
        return { ...result, replies: [guide.closing.help] };
      result.replies.push(guide.messages.help);
      // While a `back` waits, what follows is its prompt, not the question.
      if (!position.amendTarget) result.replies.push(guide.messages.repeatQuestion);
      return advance(guide, meta, turns, result, options);
    case 'pause':
      return {
        ...result,
        newTurns: [event('pause', section)],
        patch: { status: 'paused' },
        replies: [guide.messages.paused],
        outcome: 'paused',
      };
    case 'stop':
      return {
        ...result,
        newTurns: [event('stop', section)],
        patch: { status: 'paused' },
        replies: [guide.messages.stopped],
        outcome: 'paused',
      };
    case 'resume':
      if (meta.status !== 'paused') {
        result.replies.push(guide.messages.notPaused);
        return advance(guide, meta, turns, result, options);
      }
      if (position.consentWithdrawn) {
        // Nothing is recorded after consent was taken back until it is given again.
        result.newTurns.push(event('consent_asked', section));
        return { ...result, replies: [guide.opening.consentAgain], outcome: 'paused' };
      }
      result.newTurns.push(event('resume', section));
      result.patch = { status: 'in_progress' };
      result.replies.push(guide.messages.resumed);
      return advance(guide, { ...meta, status: 'in_progress' }, turns, result, options);
    case 'back': {
      const waiting = position.amendTarget;
      if (waiting) {
        // A second `back` takes the first back: the answer stays, and the question waiting is asked again.
        result.newTurns.push(event('amend_cancelled', section, {}, amendedSeq(waiting)));
        result.replies.push(guide.messages.amendCancelled);
        return advance(guide, meta, turns, result, options);
      }
      // The review is corrected by corrections, not by going back to the answer before it.
      if (reviewPending(guide, position)) return { ...result, replies: [guide.closing.backAtReview] };
      const target = lastAmendable(position);
      if (!target) {
        result.replies.push(guide.messages.amendNothing);
        return advance(guide, meta, turns, result, options);
      }
      const targetSection = target.kind === 'answer' ? target.answer.section : target.question.section;
      result.newTurns.push(event('amend_request', targetSection, {}, amendedSeq(target)));
      result.replies.push(amendPrompt(guide, meta, position, target, options));
      return result;
    }
    case 'skip': {
      const pending = position.pending;
      // Consent cannot be skipped: it is asked again in its short form, the introduction came with the question.
      if (pending?.questionId === CONSENT_QUESTION_ID)
        return { ...result, replies: [guide.opening.consentReask, guide.opening.consentQuestion] };
      if (!pending) return advance(guide, meta, turns, result, options);
      result.newTurns.push({
        kind: 'skip',
        section: pending.section,
        questionId: pending.questionId,
        text: '',
        tags: null,
        refSeq: pending.seq,
        data: null,
      });
      result.replies.push(guide.messages.skipped);
      return advance(guide, meta, turns, result, options);
    }
  }
}

/** The turn an amend names: the answer it replaces, or the skip of the question it answers. */
function amendedSeq(target: AmendTarget): number {
  return target.kind === 'answer' ? target.answer.seq : target.skipSeq;
}

/**
 * One respondent message: a command, an amend, a re-ask, a review correction, or an answer followed by
 * the next question. A message longer than the guide's cap is kept up to the cap, with a polite notice.
 */
export function handleInput(
  guide: Guide,
  meta: InterviewMeta,
  turns: readonly LogTurn[],
  text: string,
  tagger: Tagger,
  options: TurnOptions,
): TurnResult {
  if (meta.status === 'completed')
    return { ...emptyResult(), replies: [guide.messages.alreadyCompleted], outcome: 'completed' };
  const kept = keepUpTo(text, guide.limits.maxAnswerChars);
  // Judged before control characters are dropped: they are most of what binary data decodes to.
  const result = respond(guide, meta, turns, kept.text, isUnreadable(text), tagger, options);
  if (!kept.truncated) return result;
  const keptTurn = result.newTurns.findIndex(
    (turn) => (turn.kind === 'answer' || turn.kind === 'amend') && turn.text === kept.text,
  );
  if (keptTurn < 0) return result;
  return {
    ...result,
    newTurns: result.newTurns.map((turn, index) =>
      index === keptTurn ? { ...turn, data: { ...turn.data, receivedChars: kept.receivedChars } } : turn,
    ),
    replies: [
      fill(guide.messages.truncated, { max: formatNumber(guide.limits.maxAnswerChars, meta.language) }),
      ...result.replies,
    ],
  };
}

/** Whether a message names a word of the typology the summary is read in ("levier", "forme de valeur"). */
function namesTypologyWord(guides: readonly Guide[], text: string): boolean {
  return guides.some((guide) => mentionsAny(text, guide.closing.glossaryTerms));
}

/** The names the short summary gives its items (value forms, levers, tools), as a reply may ask about them. */
function summaryItemNames(language: Language): string[] {
  const labels = summaryPrompts(language);
  return [...Object.values(labels.values), ...Object.values(labels.levers), ...Object.values(labels.tools)];
}

/**
 * An answer's tags, read in the light of a probe on one tool ("Qui en a eu l'idée ?" "Moi."), and of a question
 * on what is needed or feared (`about`).
 */
function answerTags(
  tagger: Tagger,
  text: string,
  meta: InterviewMeta,
  subject: QuestionSubject | null,
  about: AnswerAbout | null = null,
): Tags {
  // An answer in the other language is read in its own: tagged in the interview's, it would lose every tag.
  const lang = answerLanguage(text, meta.language);
  const tags = tagger.tag(text, about ? { lang, about } : { lang });
  return subject ? readProbeAnswer(tags, text, subject.asks) : tags;
}

/**
 * Each tag's evidence moved by `move` (null: that piece is not in the text); a tag left with none of the evidence
 * it had goes.
 */
function movedEvidence(tags: Tags, move: (evidence: Evidence) => Evidence | null): Tags {
  const moved = <Tag extends { evidence: readonly Evidence[] }>(tag: Tag): Tag[] => {
    const evidence = tag.evidence.flatMap((e) => move(e) ?? []);
    return evidence.length === 0 && tag.evidence.length > 0 ? [] : [{ ...tag, evidence }];
  };
  return {
    ...tags,
    values: tags.values.flatMap(moved),
    tools: tags.tools.flatMap(moved),
    levers: tags.levers.flatMap(moved),
    actors: tags.actors.flatMap(moved),
    facets: tags.facets.flatMap(moved),
  };
}

/**
 * The tags of what an answer says past the sentences it opens with asking about the question `asked` ("Quel ERP ?
 * On n'a pas d'ERP.", "Which app? We don't have one."): the tool asked back about is not said to be in use.
 * Evidence still points into the whole answer.
 */
function statementTags(
  guides: readonly Guide[],
  tagger: Tagger,
  text: string,
  asked: string,
  meta: InterviewMeta,
  subject: QuestionSubject | null,
  about: AnswerAbout | null = null,
): Tags {
  const from = afterQuestionAskedBack(guides, text, asked);
  if (from === 0) return answerTags(tagger, text, meta, subject, about);
  const tags = answerTags(tagger, text.slice(from), meta, subject, about);
  return movedEvidence(tags, (e) => ({ ...e, start: e.start + from, end: e.end + from }));
}

/** The tags of an answer to `question`, with the facet it asks for when the answer gives something. */
function withFacetAsked(
  guide: Guide,
  guides: readonly Guide[],
  meta: InterviewMeta,
  question: { section: string; questionId: string },
  text: string,
  tags: Tags,
): Tags {
  const facet = askedFacet(guide, meta.profile, question);
  return facet ? withAskedFacet(guides, tags, text, facet) : tags;
}

/**
 * A request to go on in `language`, recorded as no answer. Another language than the interview's becomes the
 * interview's (a `language` event, with the question waiting worded in it); either way the respondent is told the
 * interview goes on in it, and what waits is said again in it.
 */
function switchLanguage(
  guides: GuideSet,
  meta: InterviewMeta,
  turns: readonly LogTurn[],
  language: Language,
  options: TurnOptions,
): TurnResult {
  const guide = guides[language];
  const switched: InterviewMeta = { ...meta, language };
  const result = emptyResult();
  if (language !== meta.language) {
    const position = derivePosition(turns);
    const pending = position.pending;
    const question = pending && wordingIn(guide, meta.profile, position, pending);
    result.newTurns.push(
      event(
        'language',
        pending?.section ?? OPENING_SECTION,
        { language, from: meta.language, ...(question ? { question } : {}) },
        pending?.seq ?? null,
      ),
    );
    result.patch = { language };
  }
  result.replies.push(guide.messages.languageSwitched);
  if (meta.status === 'paused')
    return { ...result, replies: [...result.replies, guide.messages.pausedReminder], outcome: 'paused' };
  return advance(guide, switched, turns, result, options);
}

/**
 * Consent taken back: refused before it was given (nothing is kept); after, the interview stops as `stop`
 * stops it, and the respondent is told how to have their answers erased. Nothing is recorded as an answer.
 */
function withdrawConsent(guide: Guide, position: Position): TurnResult {
  if (!position.consentGiven) {
    return {
      ...emptyResult(),
      newTurns: [event('declined', OPENING_SECTION)],
      replies: [guide.opening.consentDeclined],
      outcome: 'declined',
    };
  }
  return {
    ...emptyResult(),
    newTurns: [event('stop', position.pending?.section ?? OPENING_SECTION, { consent: 'withdrawn' })],
    patch: { status: 'paused' },
    replies: [guide.opening.consentWithdrawn],
    outcome: 'paused',
  };
}

/**
 * The `reask` asking "did you mean…?" of a word a letter off a command, when it is the last turn; `again`: it
 * was asked a second time, after a reply that was neither a yes nor a no.
 */
const NearCommandAsked = z.object({
  event: z.literal('reask'),
  reason: z.literal('near_command'),
  text: z.string(),
  command: z.enum(INTERVIEW_COMMANDS),
  again: z.literal(true).optional(),
});
type NearCommandAsked = z.infer<typeof NearCommandAsked>;

/** The data of the log's last turn when it is an event: the question a reply may be answering. */
function lastEventData(turns: readonly LogTurn[]): Record<string, unknown> | null {
  const last = turns.at(-1);
  return last?.kind === 'event' ? last.data : null;
}

function suggestedCommand(turns: readonly LogTurn[]): NearCommandAsked | null {
  const asked = NearCommandAsked.safeParse(lastEventData(turns));
  return asked.success ? asked.data : null;
}

/** The last turn asked for consent again, after it was taken back. */
function consentAskedAgain(turns: readonly LogTurn[]): boolean {
  return eventOf(lastEventData(turns)) === 'consent_asked';
}

const NearCommandDeclined = z.object({ event: z.literal('near_command_reply'), accepted: z.literal(false) });

/** The respondent just said no to "did you mean…?": the word they typed is theirs, not a command. */
function nearCommandDeclined(turns: readonly LogTurn[]): boolean {
  return NearCommandDeclined.safeParse(lastEventData(turns)).success;
}

/** The commands a paused interview takes: the others wait until it is resumed. */
const PAUSED_COMMANDS: readonly InterviewCommand[] = ['resume', 'help'];

/**
 * "Did you mean help?": asked of a one-word message a letter off one of `commands` that the tagger reads nothing
 * in. Once asked, a yes runs the command, a no keeps the word as the answer, and a reply that is neither gets
 * the question again, once; past that, the reply is read as any message is (null).
 */
function readNearCommand(
  guide: Guide,
  meta: InterviewMeta,
  turns: readonly LogTurn[],
  text: string,
  tagger: Tagger,
  options: TurnOptions,
  commands: readonly InterviewCommand[],
): TurnResult | null {
  const position = derivePosition(turns);
  const commandGuides = options.guides ? guidesFor(options.guides, meta.language) : [guide];
  const section = position.pending?.section ?? OPENING_SECTION;
  const pendingSeq = position.pending?.seq ?? null;
  const paused = meta.status === 'paused';
  const ask = (asked: Omit<NearCommandAsked, 'event' | 'reason'>, word: string): TurnResult => ({
    ...emptyResult(),
    newTurns: [event('reask', section, { reason: 'near_command', ...asked }, pendingSeq)],
    // Paused, nothing typed is kept as an answer: the question offers no such choice.
    replies: [fill(paused ? guide.messages.didYouMeanPaused : guide.messages.didYouMean, { command: word })],
    outcome: paused ? 'paused' : 'continue',
  });
  const suggested = suggestedCommand(turns);
  if (suggested) {
    const reply = parseYesNo(commandGuides, text);
    if (reply !== null) {
      // Settled in the log, so that what follows (a command that records nothing, such as `help`) is not read
      // as a reply to the question again.
      const settled = event('near_command_reply', section, { accepted: reply === 'yes' }, pendingSeq);
      const after = logWith(turns, [settled]);
      const result =
        reply === 'yes'
          ? applyCommand(guide, meta, after, suggested.command, options)
          : respond(guide, meta, after, suggested.text, false, tagger, options);
      return { ...result, newTurns: [settled, ...result.newTurns] };
    }
    if (suggested.again) return null;
    const near = nearInterviewCommand(commandGuides, suggested.text, new Set(), [suggested.command]);
    return ask(
      { text: suggested.text, command: suggested.command, again: true },
      near?.word ?? suggested.text,
    );
  }
  if (nearCommandDeclined(turns)) return null;
  const near = nearInterviewCommand(commandGuides, text, tagger.knownWords?.() ?? shippedWords(), commands);
  if (!near || hasAnyTag(answerTags(tagger, text, meta, position.pending?.subject ?? null))) return null;
  return ask({ text, command: near.command }, near.word);
}

/**
 * The turn a message typed after `back` records: an amend replacing the answer, or the answer to the question
 * that was skipped.
 */
function amendTurn(
  guide: Guide,
  guides: readonly Guide[],
  meta: InterviewMeta,
  target: AmendTarget,
  text: string,
  tagger: Tagger,
): NewTurn {
  const answered = target.kind === 'answer' ? target.answer : target.question;
  const tags = withFacetAsked(
    guide,
    guides,
    meta,
    answered,
    text,
    answerTags(tagger, text, meta, answered.subject, answerAbout(guide, meta.profile, answered)),
  );
  const { section, questionId } = answered;
  return target.kind === 'answer'
    ? { kind: 'amend', section, questionId, text, tags, refSeq: target.answer.seq, data: null }
    : { kind: 'answer', section, questionId, text, tags, refSeq: target.question.seq, data: null };
}

/**
 * The tools the new words of an amended (or late) answer say the firm does not have or dropped, as its first
 * words would have (the removals its first words made were taken back with them: log.ts), and the seq of the
 * question it answers.
 */
function amendRemovals(
  guide: Guide,
  after: readonly LogTurn[],
  amend: NewTurn,
): { denied: DroppedTool[]; dropped: DroppedTool[]; questionSeq: number | null } {
  const position = derivePosition(after);
  const answer = position.answers.find((a) => a.questionId === amend.questionId && a.text === amend.text);
  if (!answer) return { denied: [], dropped: [], questionSeq: null };
  const others = position.answers.filter((a) => a !== answer);
  const probed = answer.subject?.tool;
  return {
    denied: probed ? deniedTool(guide, probed, others, position.dropped, amend.text, amend.tags) : [],
    dropped: droppedTools(guide, others, position.dropped, amend.text, amend.tags),
    questionSeq: position.asked.get(answer.questionId)?.seq ?? null,
  };
}

/**
 * The main question waiting, recorded as covered when the log `after` an amend has an earlier answer of its
 * section say what it asks ("…I'm the owner" added to the presentation covers the role question).
 */
function coveredByAmend(guide: Guide, meta: InterviewMeta, after: readonly LogTurn[]): NewTurn[] {
  const position = derivePosition(after);
  const pending = position.pending;
  if (!pending) return [];
  const section = sectionsOf(guide).find((s) => s.id === pending.section);
  const question = section && mainQuestions(section, meta.profile).find((q) => q.id === pending.questionId);
  if (!section || !question) return [];
  const covering = coveringAnswer(question, section, position);
  return covering ? [coveredTurn({ ...covering, text: question.text })] : [];
}

/** The review ended after corrections: they are kept, and what now stands is shown. */
function correctionsKept(
  guide: Guide,
  meta: InterviewMeta,
  turns: readonly LogTurn[],
  options: TurnOptions,
): string[] {
  return [guide.closing.correctionsKept, shortReview(meta, turns, options.now, 'corrected')];
}

/**
 * A pause asked with why ("can we take a break? got a customer"), or a skip whose words of why name no tool or
 * value ("on peut passer celle-là ? j'ai pas le temps pour les clubs"; "skip, but we use Sage" answers).
 */
function reasonedCommand(
  guides: readonly Guide[],
  text: string,
  tagger: Tagger,
  meta: InterviewMeta,
): InterviewCommand | null {
  const reasoned = commandWithReason(guides, text);
  if (!reasoned) return null;
  if (reasoned.command === 'pause') return 'pause';
  const tags = answerTags(tagger, reasoned.reason, meta, null);
  return tags.tools.length + tags.values.length === 0 ? 'skip' : null;
}

function respond(
  guide: Guide,
  meta: InterviewMeta,
  turns: readonly LogTurn[],
  text: string,
  unreadable: boolean,
  tagger: Tagger,
  options: TurnOptions,
): TurnResult {
  const position = derivePosition(turns);
  const commandGuides = options.guides ? guidesFor(options.guides, meta.language) : [guide];
  const command =
    parseInterviewCommand(commandGuides, text) ?? reasonedCommand(commandGuides, text, tagger, meta);
  // Before anything else, a paused interview and a `back` waiting for its text included: it is no answer.
  if (!command && readsAsWithdrawal(commandGuides, text)) return withdrawConsent(guide, position);
  // Asked in any state, a `back` waiting included; going on in another language needs that language's guide.
  const language = readLanguageRequest(commandGuides, text, meta.language);
  if (language !== null && options.guides)
    return switchLanguage(options.guides, meta, turns, language, options);

  if (meta.status === 'paused' && !command && consentAskedAgain(turns)) {
    const choice = readConsent(commandGuides, text);
    if (choice === 'yes') {
      const resumed: InterviewMeta = { ...meta, status: 'in_progress' };
      const result: TurnResult = {
        ...emptyResult(),
        newTurns: [
          event('consent', OPENING_SECTION, { consentVersion: guide.opening.consentVersion }),
          event('resume', position.pending?.section ?? OPENING_SECTION),
        ],
        patch: {
          status: 'in_progress',
          consentVersion: guide.opening.consentVersion,
          consentAt: options.now.toISOString(),
        },
        replies: [guide.opening.consentThanks, guide.messages.resumed],
      };
      return advance(guide, resumed, turns, result, options);
    }
    if (choice === 'no') {
      // Recorded as the stop it confirms: a later message is not read as a reply to the question again.
      const stop = event('stop', position.pending?.section ?? OPENING_SECTION, { consent: 'withdrawn' });
      return {
        ...emptyResult(),
        newTurns: [stop],
        replies: [guide.opening.consentStillWithdrawn],
        outcome: 'paused',
      };
    }
    // Consent is never assumed: anything but a yes or a no is asked again.
    return { ...emptyResult(), replies: [guide.opening.consentAgain], outcome: 'paused' };
  }
  if (meta.status === 'paused' && command !== 'resume' && command !== 'help') {
    // What a paused interview takes, typed a letter off ("reprende"), is asked about as it is while it runs.
    const nearCommand = command
      ? null
      : readNearCommand(guide, meta, turns, text, tagger, options, PAUSED_COMMANDS);
    if (nearCommand) return nearCommand;
    // Asked to give it again only when the respondent still takes part: consent taken back keeps the plain reminder.
    const reply = position.consentWithdrawn
      ? guide.messages.pausedReminder
      : guide.messages.pausedNotRecorded;
    return { ...emptyResult(), replies: [reply], outcome: 'paused' };
  }
  if (command) return applyCommand(guide, meta, turns, command, options);

  const result = emptyResult();
  if (readsAsWaitRequest(commandGuides, text) && !tagsOnTopic(answerTags(tagger, text, meta, null), false)) {
    // Nothing recorded: the next message answers what waits, as if this one had not been sent.
    return { ...result, replies: [guide.messages.waiting] };
  }
  const slashed = unknownSlashCommand(commandGuides, text);
  if (slashed !== null) {
    // "/foo": a command typed as chat apps take them, none of ours; no answer.
    result.replies.push(fill(guide.messages.unknownCommand, { command: slashed }));
    if (!position.amendTarget) result.replies.push(guide.messages.repeatQuestion);
    return advance(guide, meta, turns, result, options);
  }
  if (
    readsAsReturn(commandGuides, text) ||
    (opensWithReturn(commandGuides, text) && !tagsOnTopic(answerTags(tagger, text, meta, null), false))
  ) {
    // Back after a wait, with an aside at most: nothing recorded, and what waits (a question, or a `back` for its
    // text) is said again.
    result.replies.push(guide.messages.welcomeBack);
    return advance(guide, meta, turns, result, options);
  }

  const atConsent = position.pending?.questionId === CONSENT_QUESTION_ID && !position.amendTarget;
  // At consent, any question back is about the conditions just read out: what becomes of the answers.
  if (
    atConsent &&
    readConsent(commandGuides, text) === null &&
    readClarification(commandGuides, text) !== null
  )
    return { ...result, replies: [guide.messages.privacy, guide.opening.consentQuestion] };
  if (asksAboutPrivacy(commandGuides, text)) {
    // Answered, and nothing recorded: what waits (a question, or a `back` for its text) is asked again.
    result.replies.push(guide.messages.privacy);
    if (!position.amendTarget) result.replies.push(guide.messages.repeatQuestion);
    return advance(guide, meta, turns, result, options);
  }

  const target = position.amendTarget;
  if (target) {
    if (isBlank(text) || unreadable)
      return { ...result, replies: [amendPrompt(guide, meta, position, target, options)] };
    const amend = amendTurn(guide, commandGuides, meta, target, text, tagger);
    const { denied, dropped, questionSeq } = amendRemovals(guide, logWith(turns, [amend]), amend);
    result.newTurns.push(
      { ...amend, data: answerData(saysAlreadyAnswered(commandGuides, text), denied.length > 0) },
      ...[...denied, ...dropped].map((removal) =>
        answerCorrection(amend.section, text, removal, questionSeq),
      ),
    );
    result.newTurns.push(...coveredByAmend(guide, meta, logWith(turns, result.newTurns)));
    result.replies.push(target.kind === 'skipped' ? guide.messages.answeredLate : guide.messages.amended);
    return advance(guide, meta, turns, result, options);
  }

  const step = decideFromPosition(guide, meta, position);
  if (step.type !== 'await') return advance(guide, meta, turns, result, options);
  const question = step.question;
  const pendingSeq = position.pending?.seq ?? null;

  if (question.kind === 'consent') {
    const choice = readConsent(commandGuides, text);
    if (choice === 'yes') {
      result.newTurns.push(
        {
          kind: 'answer',
          section: OPENING_SECTION,
          questionId: question.id,
          text,
          tags: null,
          refSeq: pendingSeq,
          data: { consent: 'yes' },
        },
        event('consent', OPENING_SECTION, { consentVersion: guide.opening.consentVersion }),
      );
      result.patch = { consentVersion: guide.opening.consentVersion, consentAt: options.now.toISOString() };
      result.replies.push(guide.opening.consentThanks);
      return advance(guide, meta, turns, result, options);
    }
    if (choice === 'no') {
      return {
        ...result,
        newTurns: [event('declined', OPENING_SECTION)],
        replies: [guide.opening.consentDeclined],
        outcome: 'declined',
      };
    }
    // Consent is never assumed: an unclear reply is asked again, however many times.
    return { ...result, replies: [guide.opening.consentReask, question.text] };
  }

  if (question.kind === 'review') {
    // "C'est quoi un levier ?": what the summary says is explained (the question kept as a `clarify` event), no
    // correction is read, and the review waits.
    const explainSummary = (request: Clarification): TurnResult => {
      result.newTurns.push(event('clarify', question.section, { request, text }, pendingSeq));
      result.replies.push(guide.closing.glossary);
      return result;
    };
    const asked = readClarification(commandGuides, text);
    if (asked !== null && asked !== 'privacy') return explainSummary(asked);
    const reply = readReviewReply(commandGuides, text, meta.language, quoteOf(options), tagger);
    const corrected = pendingSeq !== null && correctionsSince(turns, pendingSeq) > 0;
    switch (reply.kind) {
      case 'done':
        result.newTurns.push({
          kind: 'answer',
          section: question.section,
          questionId: question.id,
          text,
          tags: null,
          refSeq: pendingSeq,
          data: { review: 'done' },
        });
        if (corrected) result.replies.push(...correctionsKept(guide, meta, turns, options));
        return advance(guide, meta, turns, result, options);
      case 'wants':
        // Recorded, though it changes nothing: a reply read between two unread ones breaks their row.
        result.newTurns.push(event('review_noted', question.section, { reply: 'wants' }, pendingSeq));
        result.replies.push(guide.closing.correctionPrompt);
        return result;
      case 'correction': {
        const summary = reviewedSummary(meta, turns, options.now);
        const unchanged = unchangedBy(summary, reply.correction);
        const { correction } = reply;
        if (!unchanged && reply.byName && correction.action === 'remove' && correction.target === 'tool') {
          // A brand is one of the words a tool was read from: the others are not dropped without a word.
          const scope = removalScope(summary, correction.id, correction.said ?? text);
          if (scope.scope !== 'whole') {
            const item = correctionItem(correction, meta.language);
            const quoted = summaryPrompts(meta.language).typography.quoted;
            const others = scope.others
              .map((said) => fill(quoted, { text: quoteOf(options)(said) }))
              .join(', ');
            const filled = { ...item, name: quoteOf(options)(correction.said ?? text), others };
            if (scope.scope === 'not_said') {
              result.newTurns.push(
                event('review_noted', question.section, { reply: 'not_said', correction }, pendingSeq),
              );
              result.replies.push(fill(guide.closing.correctionNameNotSaid, filled));
              return result;
            }
            result.newTurns.push(
              correctionTurn(question, text, pendingSeq, { ...correction, scope: 'named' }),
            );
            result.replies.push(fill(guide.closing.correctionNamedOnly, filled));
            return result;
          }
        }
        if (unchanged) {
          // Nothing would change: said so, rather than confirmed as if it had been removed or added.
          result.newTurns.push(
            event(
              'review_noted',
              question.section,
              { reply: unchanged, correction: { ...reply.correction } },
              pendingSeq,
            ),
          );
          const message =
            unchanged === 'not_present'
              ? guide.closing.correctionNotPresent
              : guide.closing.correctionAlreadyPresent;
          result.replies.push(fill(message, correctionItem(reply.correction, meta.language)));
          return result;
        }
        result.newTurns.push(correctionTurn(question, text, pendingSeq, { ...reply.correction }));
        result.replies.push(
          fill(guide.closing.correctionSaved, {
            correction: describeCorrection(
              reply.correction,
              meta.language,
              summary.corrections.map((c) => c.correction),
            ),
          }),
        );
        return result;
      }
      case 'unclear': {
        // "non mais je demande ce que veut dire levier", "traditional??", "c quoi place de marché ?": a word of
        // the summary asked about, not a correction.
        if (
          namesTypologyWord(commandGuides, text) ||
          (text.includes('?') && mentionsAny(text, summaryItemNames(meta.language)))
        )
          return explainSummary('rephrase');
        const nothingToKeep = isBlank(text) || unreadable;
        const reason: ReaskReason = isBlank(text) ? 'empty' : unreadable ? 'unreadable' : 'unclear';
        const inARow = pendingSeq === null ? 0 : unclearRepliesInARow(turns, pendingSeq);
        if (inARow >= MAX_UNCLEAR_REVIEW_REPLIES - 1) {
          // The last allowed in a row ends the review, as the one before said: asking again could go on for ever.
          result.newTurns.push({
            kind: nothingToKeep ? 'skip' : 'answer',
            section: question.section,
            questionId: question.id,
            text: nothingToKeep ? '' : text,
            tags: null,
            refSeq: pendingSeq,
            data: nothingToKeep ? { reason } : { review: 'unread' },
          });
          result.replies.push(nothingToKeep ? guide.messages.skipped : guide.closing.correctionKeptAsWritten);
          if (corrected) result.replies.push(...correctionsKept(guide, meta, turns, options));
          return advance(guide, meta, turns, result, options);
        }
        // Kept, so a correction the parser could not read still reaches the researcher.
        result.newTurns.push(
          event('reask', question.section, nothingToKeep ? { reason } : { reason, text }, pendingSeq),
        );
        result.replies.push(
          reply.message,
          inARow === MAX_UNCLEAR_REVIEW_REPLIES - 2
            ? guide.closing.correctionLastTry
            : guide.closing.correctionHint,
        );
        return result;
      }
    }
  }

  const nearCommand = readNearCommand(guide, meta, turns, text, tagger, options, INTERVIEW_COMMANDS);
  if (nearCommand) return nearCommand;

  const asked = readClarification(commandGuides, text, question.text);
  // "C'est quoi un levier ?", "la différence entre levier et valeur ?": the typology's words are explained, each
  // time they are asked about, and the question stays pending.
  if (asked !== null && namesTypologyWord(commandGuides, text)) {
    result.newTurns.push(event('clarify', question.section, { request: 'rephrase', text }, pendingSeq));
    result.replies.push(guide.messages.termsExplained, guide.messages.repeatQuestion, question.text);
    return result;
  }
  // A question about the question is answered, and the question stays pending; past the rewording and the
  // question as it was, the message is read as an answer, so asking again never loops.
  const request = position.clarifications < MAX_CLARIFICATIONS ? asked : null;
  if (request) {
    result.newTurns.push(event('clarify', question.section, { request, text }, pendingSeq));
    result.replies.push(
      ...clarificationReplies(
        guide,
        meta.profile,
        question,
        position.pending?.subject ?? null,
        request,
        position.clarifications,
      ),
    );
    return result;
  }

  const tags =
    isBlank(text) || unreadable
      ? null
      : statementTags(
          commandGuides,
          tagger,
          text,
          question.text,
          meta,
          position.pending?.subject ?? null,
          answerAbout(guide, meta.profile, { section: question.section, questionId: question.id }),
        );
  const reason = reaskReason(guide, commandGuides, meta, question, position, text, unreadable, tags, tagger);
  if (reason && position.reasks === 0) {
    // Kept (not tagged) so nothing the respondent typed is lost; the question stays pending. Binary data
    // is no one's words: only the reason is kept.
    result.newTurns.push(
      event('reask', question.section, reason === 'unreadable' ? { reason } : { reason, text }, pendingSeq),
    );
    result.replies.push(REASK_MESSAGE[reason](guide), question.text);
    return result;
  }
  // Nothing but spaces, punctuation or symbols, or binary data, twice: the question is skipped, not answered.
  if (isBlank(text) || reason === 'unreadable') {
    result.newTurns.push({
      kind: 'skip',
      section: question.section,
      questionId: question.id,
      text: '',
      tags: null,
      refSeq: pendingSeq,
      data: { reason },
    });
    result.replies.push(guide.messages.skipped);
    return advance(guide, meta, turns, result, options);
  }
  // "We dont program machines", asked about machine programming: the words it was misread from are taken out.
  const probedTool = position.pending?.subject?.tool;
  const denied = probedTool
    ? deniedTool(guide, probedTool, position.answers, position.dropped, text, tags)
    : [];
  result.newTurns.push({
    kind: 'answer',
    section: question.section,
    questionId: question.id,
    text,
    // An answer taken on the second try though still off topic does not answer the facet asked for.
    tags:
      tags && reason === null
        ? withFacetAsked(
            guide,
            commandGuides,
            meta,
            { section: question.section, questionId: question.id },
            text,
            tags,
          )
        : tags,
    refSeq: pendingSeq,
    // Read by the plan: an answer saying it was already given is not asked for an example either. One saying
    // the firm has no such tool speaks of it no more.
    data: answerData(saysAlreadyAnswered(commandGuides, text), denied.length > 0),
  });
  for (const removal of denied)
    result.newTurns.push(answerCorrection(question.section, text, removal, pendingSeq));
  if (probedTool && denied.length > 0)
    result.replies.push(
      fill(guide.messages.toolDenied, {
        tool: probedToolName(guide, meta.profile, position, question.section, probedTool),
      }),
    );
  // "En fait on a arrêté Instagram": what an earlier answer named so is taken out, and not asked about.
  for (const dropped of droppedTools(guide, position.answers, position.dropped, text, tags))
    result.newTurns.push(answerCorrection(question.section, text, dropped, pendingSeq));
  return advance(guide, meta, turns, result, options);
}

function answerData(alreadySaid: boolean, deniesSubject: boolean): Record<string, true> | null {
  if (!alreadySaid && !deniesSubject) return null;
  return { ...(alreadySaid ? { alreadySaid: true } : {}), ...(deniesSubject ? { deniesSubject: true } : {}) };
}

/** A slash and one word ("/foo"), as chat apps take commands. */
const SLASH_COMMAND = /^\s*\/([\p{L}][\p{L}\p{N}_-]{0,30})\s*$/u;

/** The word of a "/word" message that is neither an interview command nor a bot command, else null. */
function unknownSlashCommand(guides: readonly Guide[], text: string): string | null {
  const word = SLASH_COMMAND.exec(text)?.[1];
  if (word === undefined || parseBotCommand(guides, text) !== null) return null;
  return `/${word}`;
}

/**
 * A tool taken out by what an answer said (dropped, or not had), recorded beside the answer as a correction. It
 * refers to the question the answer answered, as the answer does: an amend of that answer takes it back.
 */
function answerCorrection(
  section: string,
  text: string,
  removal: DroppedTool,
  questionSeq: number | null,
): NewTurn {
  return {
    kind: 'correction',
    section,
    questionId: null,
    text,
    tags: null,
    refSeq: questionSeq,
    data: { ...removal },
  };
}
