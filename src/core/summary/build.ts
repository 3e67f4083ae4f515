import { createHash } from 'node:crypto';
import { z } from 'zod';
import { attributeToTools, creditLevers, type ToolLevers } from '../attribution.js';
import {
  type ActorId,
  type Language,
  LEVER_IDS,
  type LeverId,
  type Profile,
  SERVICE_VALUES,
  THEME_IDS,
  type ThemeId,
  USER_VALUES,
  VALUE_IDS,
  type ValueId,
} from '../domain.js';
import { loadGuides } from '../guide/load.js';
import { fill } from '../guide/template.js';
import { rewordedQuestion } from '../interview/events.js';
import { consentStandsWithdrawn, stillCovers } from '../interview/log.js';
import { probeQuestionId } from '../interview/plan.js';
import { toolOfQuestion } from '../interview/question-subject.js';
import type { InterviewMeta, TurnRecord } from '../interview/record.js';
import { createPseudonymizer } from '../privacy/tagged-text.js';
import { ASSERTED_FACET_CONFIDENCE, type Evidence, emptyTags, type Tags } from '../tags.js';
import { describeCorrection, namesEvidence } from './corrections.js';
import { type Headcount, readHeadcount } from './headcount.js';
import { summaryPrompts, toolLabel } from './labels.js';
import {
  CLEAR_LEVER_CONFIDENCE,
  INFERRED_LEVER_CONFIDENCE,
  type LeverTally,
  leversOf,
  readLevers,
} from './lever-reading.js';
import { Correction, FACET_KEYS, type Summary, type SummaryAnswer, type SummaryTool } from './schema.js';
import { sentenceAround } from './text.js';
import { DEFAULT_TOOL_LEVERS } from './tool-levers.js';
import { toolQuotes } from './tool-quotes.js';

export interface BuildSummaryOptions {
  /** Language of labels and suggested questions; defaults to the interview's language. */
  lang?: Language;
  /**
   * The study's secret key (src/store/study-key.ts): names introduced at presentation, e-mails, phone
   * numbers and URLs become pseudonyms that are the same across the study. Without it the pseudonyms
   * are derived from the interview id: still no identifier is shown, but they differ between interviews.
   */
  pseudonymKey?: string;
  /** Keeps every answer as typed, identifiers included; for an explicit raw export only. */
  raw?: boolean;
}

const PRESENTATION = 'presentation';

/** The key used when no study key is given: stable for one interview, shared with nothing else. */
export function interviewPseudonymKey(interviewId: string): string {
  return createHash('sha256').update(`sme-interview:pseudonym-key:${interviewId}`).digest('hex');
}

/** How many unanswered value forms turn into suggested questions (the rest stay listed as gaps). */
const MAX_VALUE_QUESTIONS = 3;
const MAX_QUOTES_PER_TOOL = 5;
/** Enough of the words a tool was read from for the respondent to know it again at the review. */
const MAX_SAID_PER_TOOL = 3;

type AnswerWithSection = SummaryAnswer & { section: string };

function isTheme(section: string): section is ThemeId {
  return (THEME_IDS as readonly string[]).includes(section);
}

/** An interview event saying a main question was not asked: an earlier answer had answered it. */
const CoveredEvent = z.object({ event: z.literal('covered'), question: z.string(), phrase: z.unknown() });
/** The closing review question, and a reply to it that could not be read: asked again, then ending it. */
const ReviewQuestion = z.object({ kind: z.literal('review') });
const ReviewReask = z.object({ event: z.literal('reask'), text: z.string().min(1) });
const UnreadReview = z.object({ review: z.literal('unread') });
/** A question the interview asked, whatever the answer (or none: declined). */
interface AskedQuestion {
  questionId: string;
  section: string;
}

/** What a probe of the shipped guides asks about, by its question id ("value.probe.social": the social value). */
let guideProbes: Map<string, { value?: ValueId; lever?: LeverId }> | undefined;

function probeSubjects(): Map<string, { value?: ValueId; lever?: LeverId }> {
  if (guideProbes) return guideProbes;
  const found = new Map<string, { value?: ValueId; lever?: LeverId }>();
  try {
    const guides = loadGuides();
    for (const guide of [guides.fr, guides.en]) {
      for (const section of [guide.presentation, ...guide.themes]) {
        for (const probe of section.probes) {
          const id = probeQuestionId(section, probe);
          if (probe.when === 'value_missing') found.set(id, { value: probe.value });
          else if (probe.when === 'lever_missing') found.set(id, { lever: probe.lever });
        }
      }
    }
  } catch {
    // A guide that does not load (the bot would not start with it): probes are known by their id alone (below).
    return found;
  }
  guideProbes = found;
  return found;
}

/**
 * The value forms and levers the interview's probes asked about, and whether it asked about the tools (a
 * question of the tools theme): the summary does not suggest asking them again, whatever the answer was. A
 * probe the shipped guides do not know is read by its id, which names the value or lever it asks about
 * (`value.probe.social`).
 */
function askedAbout(asked: readonly AskedQuestion[]) {
  const known = probeSubjects();
  const values = new Set<ValueId>();
  const levers = new Set<LeverId>();
  let tools = false;
  for (const question of asked) {
    if (question.section === 'tools') tools = true;
    const probe = known.get(question.questionId);
    const id = probe ? undefined : /\.probe\.([a-z_]+)$/.exec(question.questionId)?.[1];
    const value = probe?.value ?? VALUE_IDS.find((v) => v === id);
    const lever = probe?.lever ?? LEVER_IDS.find((l) => l === id);
    if (value) values.add(value);
    if (lever) levers.add(lever);
  }
  return { values, levers, tools };
}

/**
 * Replays the turn log: answers (amends applied), declined and covered questions, corrections and the review
 * replies that could not be read as one, in order.
 */
function replay(meta: InterviewMeta, turns: readonly TurnRecord[]) {
  const ordered = [...turns].sort((a, b) => a.seq - b.seq);
  const questions = new Map<string, string>();
  const questionTools = new Map<string, string>();
  const subjectTools = new Map<number, string>();
  const answers = new Map<number, AnswerWithSection>();
  const declined: Summary['declined'] = [];
  const coveredBy = new Map<string, Summary['covered'][number] & { phrase: unknown }>();
  let corrections: {
    seq: number;
    at: string;
    correction: Correction;
    text: string;
    /** An answer's removal: the seq of the question that answer answered (an amend of it takes it back). */
    answeredAt?: number;
  }[] = [];
  /** Answer seq → the seq of the question it answered. */
  const questionOfAnswer = new Map<number, number>();
  /** By seq, the id of each review question asked. */
  const reviewQuestions = new Map<number, string | null>();
  /** Review questions the respondent replied to with a correction, or with words kept as one not read. */
  const repliedReviews = new Set<string>();
  const unreadCorrections: { seq: number; at: string; text: string }[] = [];
  const asked: AskedQuestion[] = [];
  const questionAt = new Map<number, string>();
  for (const turn of ordered) {
    if (turn.kind === 'question') {
      if (ReviewQuestion.safeParse(turn.data).success) reviewQuestions.set(turn.seq, turn.questionId);
      if (turn.questionId !== null) {
        asked.push({ questionId: turn.questionId, section: turn.section });
        questions.set(turn.questionId, turn.text);
        questionAt.set(turn.seq, turn.questionId);
        const tool = toolOfQuestion(turn.data);
        if (tool) questionTools.set(turn.questionId, tool);
      }
    } else if (turn.kind === 'answer') {
      if (turn.refSeq !== null) questionOfAnswer.set(turn.seq, turn.refSeq);
      if (UnreadReview.safeParse(turn.data).success)
        unreadCorrections.push({ seq: turn.seq, at: turn.at, text: turn.text });
      const subject = turn.questionId === null ? undefined : questionTools.get(turn.questionId);
      // "We don't have that": the answer does not speak of the tool asked about.
      if (subject && turn.data?.deniesSubject !== true) subjectTools.set(turn.seq, subject);
      // A question skipped, then answered after `back`, is declined no more.
      const skippedAt = declined.findLastIndex(
        (d) => d.questionId !== null && d.questionId === turn.questionId,
      );
      if (skippedAt >= 0) declined.splice(skippedAt, 1);
      answers.set(turn.seq, {
        seq: turn.seq,
        at: turn.at,
        section: turn.section,
        questionId: turn.questionId,
        question: turn.questionId === null ? '' : (questions.get(turn.questionId) ?? ''),
        text: turn.text,
        tags: turn.tags ?? emptyTags(meta.language),
        amended: false,
      });
    } else if (turn.kind === 'amend') {
      const target = turn.refSeq === null ? undefined : answers.get(turn.refSeq);
      if (target) {
        target.text = turn.text;
        target.tags = turn.tags ?? emptyTags(target.tags.lang);
        target.amended = true;
        target.at = turn.at;
        // "We don't have that" said, or taken back, in the new words.
        const subject = turn.questionId === null ? undefined : questionTools.get(turn.questionId);
        if (subject && turn.data?.deniesSubject === true) subjectTools.delete(target.seq);
        else if (subject) subjectTools.set(target.seq, subject);
        // What the answer's first words removed ("on n'a pas de site") goes with them.
        const answeredAt = questionOfAnswer.get(target.seq);
        if (answeredAt !== undefined) corrections = corrections.filter((c) => c.answeredAt !== answeredAt);
      }
    } else if (turn.kind === 'skip') {
      // A review ended by a skip after corrections (or after a reply kept as written) was answered, not declined.
      if (turn.questionId !== null && repliedReviews.has(turn.questionId)) continue;
      declined.push({
        questionId: turn.questionId,
        question: turn.questionId === null ? '' : (questions.get(turn.questionId) ?? ''),
        section: turn.section,
      });
    } else if (turn.kind === 'event') {
      // Asked again in another language: the answer that follows answers that wording.
      const reworded = rewordedQuestion(turn.data);
      const rewordedId = turn.refSeq === null ? undefined : questionAt.get(turn.refSeq);
      if (reworded !== null && rewordedId !== undefined) questions.set(rewordedId, reworded);
      const reask = ReviewReask.safeParse(turn.data);
      if (reask.success && turn.refSeq !== null && reviewQuestions.has(turn.refSeq)) {
        unreadCorrections.push({ seq: turn.seq, at: turn.at, text: reask.data.text });
        const review = reviewQuestions.get(turn.refSeq);
        if (review) repliedReviews.add(review);
      }
      const event = CoveredEvent.safeParse(turn.data);
      if (event.success && turn.questionId !== null)
        coveredBy.set(turn.questionId, {
          questionId: turn.questionId,
          question: event.data.question,
          section: turn.section,
          answerSeq: turn.refSeq,
          phrase: event.data.phrase,
        });
    } else if (turn.kind === 'correction') {
      const parsed = Correction.safeParse(turn.data);
      if (parsed.success) {
        const fromAnswer = parsed.data.target === 'tool' && parsed.data.from !== undefined;
        corrections.push({
          seq: turn.seq,
          at: turn.at,
          correction: parsed.data,
          text: turn.text,
          ...(fromAnswer && turn.refSeq !== null ? { answeredAt: turn.refSeq } : {}),
        });
        if (turn.questionId !== null) repliedReviews.add(turn.questionId);
      }
    }
  }
  // As in the interview: an answer amended so it no longer says the phrase no longer covers the question.
  const covered: Summary['covered'] = [];
  for (const { phrase, ...entry } of coveredBy.values()) {
    const answer = entry.answerSeq === null ? undefined : answers.get(entry.answerSeq);
    if (!answer || stillCovers(answer, phrase)) covered.push(entry);
  }
  return {
    answers: [...answers.values()],
    declined,
    covered,
    corrections,
    unreadCorrections,
    subjectTools,
    asked,
  };
}

type Replayed = ReturnType<typeof replay>;

/** Replaces identifiers in every text the summary and its exports carry (quotes are taken from these). */
function pseudonymize(
  replayed: Replayed,
  meta: InterviewMeta,
  turns: readonly TurnRecord[],
  options: BuildSummaryOptions,
): Replayed {
  if (options.raw) return replayed;
  const presentation = turns
    .filter((t) => t.section === PRESENTATION && (t.kind === 'answer' || t.kind === 'amend'))
    .map((t) => t.text);
  // The interview's own language, not the export's: the pseudonyms stand in the respondent's words.
  const p = createPseudonymizer(
    options.pseudonymKey ?? interviewPseudonymKey(meta.id),
    presentation,
    meta.language,
    turns.filter((t) => t.kind === 'answer' || t.kind === 'amend').map((t) => t.text),
  );
  return {
    answers: replayed.answers.map((answer) => ({
      ...answer,
      ...p.tagged(answer.text, answer.tags),
      question: p.text(answer.question),
    })),
    declined: replayed.declined.map((d) => ({ ...d, question: p.text(d.question) })),
    covered: replayed.covered.map((c) => ({ ...c, question: p.text(c.question) })),
    corrections: replayed.corrections.map((c) => ({
      ...c,
      text: p.text(c.text),
      correction:
        c.correction.said === undefined ? c.correction : { ...c.correction, said: p.text(c.correction.said) },
    })),
    unreadCorrections: replayed.unreadCorrections.map((u) => ({ ...u, text: p.text(u.text) })),
    subjectTools: replayed.subjectTools,
    asked: replayed.asked,
  };
}

interface CorrectionState {
  removed: { value: Set<string>; tool: Set<string>; lever: Set<string> };
  added: { value: Set<string>; tool: Set<string>; lever: Set<string> };
  /** By tool id, the names of what was removed of it, the rest staying ("Instagram" beside "Facebook"). */
  removedNames: Map<string, string[]>;
}

/**
 * A tool added after some of its names were removed ("put Xero back" after "remove Xero") gets back the names its
 * own name names, or all of them when it names none of them ("add tool paperless processes": the whole tool).
 */
function putBackNames(state: CorrectionState, added: Correction): void {
  const removed = state.removedNames.get(added.id);
  if (!removed) return;
  const { said } = added;
  const kept = said === undefined ? [] : removed.filter((name) => !namesEvidence(said, name));
  if (kept.length === removed.length || kept.length === 0) state.removedNames.delete(added.id);
  else state.removedNames.set(added.id, kept);
}

function correctionState(corrections: readonly { correction: Correction }[]): CorrectionState {
  const state: CorrectionState = {
    removed: { value: new Set(), tool: new Set(), lever: new Set() },
    added: { value: new Set(), tool: new Set(), lever: new Set() },
    removedNames: new Map(),
  };
  for (const { correction } of corrections) {
    if (correction.target === 'tool' && correction.scope === 'named' && correction.said !== undefined) {
      state.removedNames.set(correction.id, [
        ...(state.removedNames.get(correction.id) ?? []),
        correction.said,
      ]);
      continue;
    }
    if (correction.action === 'add' && correction.target === 'tool') putBackNames(state, correction);
    const [into, from] =
      correction.action === 'add' ? [state.added, state.removed] : [state.removed, state.added];
    into[correction.target].add(correction.id);
    from[correction.target].delete(correction.id);
  }
  return state;
}

/**
 * A removed value, tool or lever disappears from the answer's tags, hence from every count and export; of a tool
 * removed by a name only, the words that name goes, and the tag with them when no other word is left. A value
 * or lever read only from the words of a removed tool ("sauvegarde" read as security, "Facebook" as products and
 * markets) goes with them; read on other words too, it stays with those. `removedWords`: the words tools were
 * read from that went.
 */
function withoutRemoved(tags: Tags, state: CorrectionState): { tags: Tags; removedWords: Evidence[] } {
  const removedWords: Evidence[] = [];
  const tools = tags.tools.flatMap((t) => {
    if (state.removed.tool.has(t.id)) {
      removedWords.push(...t.evidence);
      return [];
    }
    const names = state.removedNames.get(t.id);
    if (!names || t.evidence.length === 0) return [t];
    const evidence = t.evidence.filter((e) => !names.some((name) => namesEvidence(name, e.text)));
    removedWords.push(...t.evidence.filter((e) => !evidence.includes(e)));
    return evidence.length === 0 ? [] : [{ ...t, evidence }];
  });
  const keptWords = tools.flatMap((t) => t.evidence);
  const within = (e: Evidence, words: readonly Evidence[]) =>
    words.some((w) => w.start <= e.start && e.end <= w.end);
  // Evidence that is nothing but a removed tool's words, unless a tool still read there says them too.
  const restsOnRemoved = (e: Evidence) => within(e, removedWords) && !within(e, keptWords);
  const kept = <T extends { id: string; evidence: Evidence[] }>(
    read: readonly T[],
    removed: ReadonlySet<string>,
  ) =>
    read.flatMap((t) => {
      if (removed.has(t.id)) return [];
      if (removedWords.length === 0 || t.evidence.length === 0) return [t];
      const evidence = t.evidence.filter((e) => !restsOnRemoved(e));
      if (evidence.length === t.evidence.length) return [t];
      return evidence.length === 0 ? [] : [{ ...t, evidence }];
    });
  return {
    tags: {
      ...tags,
      values: kept(tags.values, state.removed.value),
      tools,
      levers: kept(tags.levers, state.removed.lever),
    },
    removedWords,
  };
}

function uniqueValues(tags: Tags): ValueId[] {
  return [...new Set(tags.values.map((v) => v.id))];
}

/**
 * Levers an answer evidences, each with the confidence it is read with there: its lever tags, and the catalogue
 * lever of each tool it names that none of its lever tags was credited to, so an ERP listed beside a site read
 * as products and markets still evidences the value chain. A lever inferred from a tool's kind is never read
 * clearly: naming a staff WhatsApp group says nothing of networks, so it alone never makes a lever well evidenced.
 */
function answerLevers(
  tags: Tags,
  credited: ReadonlyMap<string, ToolLevers>,
  state: CorrectionState,
): Map<LeverId, number> {
  const readings: { id: LeverId; confidence: number }[] = [
    ...tags.levers,
    ...tags.tools.flatMap((tool) => {
      const lever = DEFAULT_TOOL_LEVERS[tool.id];
      return lever && (credited.get(tool.id)?.levers.size ?? 0) === 0
        ? [{ id: lever, confidence: Math.min(tool.confidence, INFERRED_LEVER_CONFIDENCE) }]
        : [];
    }),
  ];
  const levers = new Map<LeverId, number>();
  for (const { id, confidence } of readings) {
    if (!state.removed.lever.has(id)) levers.set(id, Math.max(confidence, levers.get(id) ?? 0));
  }
  return levers;
}

function balanceOf(missing: readonly LeverId[]): Summary['leverBalance'] {
  const [first, ...rest] = missing;
  return first === undefined ? 'balanced' : [first, ...rest];
}

function zeroRow(): Record<ValueId, number> {
  return Object.fromEntries(VALUE_IDS.map((id) => [id, 0])) as Record<ValueId, number>;
}

interface ToolAccumulator {
  leverVotes: Map<LeverId, number>;
  values: Set<ValueId>;
  initiators: Set<ActorId>;
  beneficiaries: Set<ActorId>;
  quotes: string[];
  said: string[];
}

/** "Le site", "the website" said with no more: the site the answers speak of, whatever it does. */
const PLAIN_SITE =
  /^(?:(?:le|notre|mon|un|the|our|my|a)\s+)?(?:site|site web|site internet|website|web site)$/iu;

/**
 * One site read twice: where the answers name an online shop or booking site, a showcase site read only from
 * "le site" said in passing ("le site, c'est mon fils qui l'a fait") is that same site, and what was said of it
 * goes to the shop. A site called a showcase ("site vitrine") stays apart.
 */
function foldPlainSiteIntoShop(tools: Map<string, ToolAccumulator>): void {
  const site = tools.get('showcase_website');
  const shop = tools.get('ecommerce_website');
  if (!site || !shop || site.said.length === 0 || !site.said.every((said) => PLAIN_SITE.test(said.trim())))
    return;
  for (const [lever, votes] of site.leverVotes)
    shop.leverVotes.set(lever, (shop.leverVotes.get(lever) ?? 0) + votes);
  for (const value of site.values) shop.values.add(value);
  for (const actor of site.initiators) shop.initiators.add(actor);
  for (const actor of site.beneficiaries) shop.beneficiaries.add(actor);
  for (const quote of site.quotes) keepQuote(shop, quote);
  for (const said of site.said) keepSaid(shop, said);
  tools.delete('showcase_website');
}

/** A quote of what was said of a tool, once, up to MAX_QUOTES_PER_TOOL. */
function keepQuote(tool: ToolAccumulator, quote: string): void {
  if (!tool.quotes.includes(quote) && tool.quotes.length < MAX_QUOTES_PER_TOOL) tool.quotes.push(quote);
}

/** Words a tool was read from, once whatever their case, up to MAX_SAID_PER_TOOL. */
function keepSaid(tool: ToolAccumulator, said: string): void {
  const folded = said.toLowerCase();
  if (tool.said.length < MAX_SAID_PER_TOOL && !tool.said.some((w) => w.toLowerCase() === folded))
    tool.said.push(said);
}

function pseudonym(id: string): string {
  return `R-${createHash('sha256').update(id).digest('hex').slice(0, 8)}`;
}

/**
 * The firm's headcount from the presentation. An expert's presentation speaks of the SMEs they support
 * ("des PME de 10 à 250 salariés"), not of a firm of their own: no headcount is read there.
 */
function headcount(answers: readonly AnswerWithSection[], profile: Profile): Headcount | null {
  if (profile === 'expert') return null;
  return readHeadcount(
    answers.filter((answer) => answer.section === PRESENTATION).map((answer) => answer.text),
  );
}

/**
 * Builds the structured summary of one interview from its header and turn log.
 * - Counts are numbers of answers: a value (or lever) evidenced twice in one answer counts once.
 * - Two values co-occur when both are evidenced in the same answer (the unit a respondent speaks in);
 *   the matrix is symmetric and its diagonal repeats each value's own count.
 * - Corrections apply to everything: a removed item leaves the tags, counts and codings; an added item
 *   counts as evidenced once (it has no quoted evidence) and added tools are flagged as such.
 * - Each lever is read as well evidenced, weak or missing (lever-reading.ts); the missing levers, then the
 *   weak ones, pick the next questions and steps, worded for the respondent's profile.
 */
export function buildSummary(
  meta: InterviewMeta,
  turns: readonly TurnRecord[],
  options: BuildSummaryOptions = {},
): Summary {
  const lang = options.lang ?? meta.language;
  const prompts = summaryPrompts(lang);
  const replayed = pseudonymize(replay(meta, turns), meta, turns, options);
  const state = correctionState(replayed.corrections);
  // By answer seq: what was said of a removed tool goes to none of the tools that stay.
  const removedWords = new Map<number, Evidence[]>();
  const answers = replayed.answers.map((a) => {
    const reviewed = withoutRemoved(a.tags, state);
    removedWords.set(a.seq, reviewed.removedWords);
    return { ...a, tags: reviewed.tags };
  });

  const values = Object.fromEntries(VALUE_IDS.map((id) => [id, { count: 0 }])) as Summary['values'];
  const valueMatrix = Object.fromEntries(VALUE_IDS.map((id) => [id, zeroRow()])) as Summary['valueMatrix'];
  const leverTallies = Object.fromEntries(
    LEVER_IDS.map((id) => [id, { answers: 0, confidentAnswers: 0 }]),
  ) as Record<LeverId, LeverTally>;
  const facets: Summary['facets'] = { opportunities: [], threats: [], resources: [] };
  const tools = new Map<string, ToolAccumulator>();
  const actorsMentioned = new Set<ActorId>();

  for (const answer of answers) {
    const { tags } = answer;
    const answerValues = uniqueValues(tags);
    for (const a of answerValues) {
      values[a].count += 1;
      for (const b of answerValues) valueMatrix[a][b] += 1;
    }
    for (const facet of tags.facets) {
      if (facet.confidence < ASSERTED_FACET_CONFIDENCE) continue;
      const list = facets[FACET_KEYS[facet.id]];
      for (const evidence of facet.evidence) {
        const quote = sentenceAround(answer.text, evidence.start, evidence.end);
        if (quote && !list.includes(quote)) list.push(quote);
      }
    }
    for (const actor of tags.actors) actorsMentioned.add(actor.id);
    // An answer to a probe on one tool speaks of that tool even when it does not name it.
    const subject = replayed.subjectTools.get(answer.seq);
    const subjectRemoved = subject !== undefined && state.removed.tool.has(subject);
    const subjectTool = subject && !subjectRemoved ? subject : null;
    const named = new Set(tags.tools.map((t) => t.id));
    const answerTools =
      subjectTool && !named.has(subjectTool)
        ? [...tags.tools, { id: subjectTool, confidence: 1, evidence: [] }]
        : tags.tools;
    const removed = { words: removedWords.get(answer.seq) ?? [], subject: subjectRemoved };
    const attribution = attributeToTools(answer.text, tags, subjectTool, removed);
    const leversOfTools = creditLevers(answer.text, tags, subjectTool, removed);
    const toolWords = [...tags.tools.flatMap((t) => t.evidence), ...removed.words];
    for (const [lever, confidence] of answerLevers(tags, leversOfTools, state)) {
      leverTallies[lever].answers += 1;
      if (confidence >= CLEAR_LEVER_CONFIDENCE) leverTallies[lever].confidentAnswers += 1;
    }
    for (const tool of answerTools) {
      const acc: ToolAccumulator = tools.get(tool.id) ?? {
        leverVotes: new Map(),
        values: new Set(),
        initiators: new Set(),
        beneficiaries: new Set(),
        quotes: [],
        said: [],
      };
      tools.set(tool.id, acc);
      for (const { text } of tool.evidence) keepSaid(acc, text);
      // The levers its own words or its clause carry; none: its catalogue lever (below).
      const levers = leversOfTools.get(tool.id);
      for (const lever of levers?.levers ?? [])
        acc.leverVotes.set(lever, (acc.leverVotes.get(lever) ?? 0) + 1);
      const credited = attribution.get(tool.id);
      for (const v of credited?.values ?? []) acc.values.add(v);
      for (const actor of credited?.initiators ?? []) acc.initiators.add(actor);
      for (const actor of credited?.beneficiaries ?? []) acc.beneficiaries.add(actor);
      const creditedWords = [...(credited?.evidence ?? []), ...(levers?.evidence ?? [])];
      const asked = tool.id === subjectTool;
      for (const quote of toolQuotes(answer.text, creditedWords, tool.evidence, toolWords, asked))
        keepQuote(acc, quote);
    }
  }

  foldPlainSiteIntoShop(tools);
  for (const id of state.added.value) {
    const parsed = VALUE_IDS.find((v) => v === id);
    if (parsed && values[parsed].count === 0) {
      values[parsed].count = 1;
      valueMatrix[parsed][parsed] = 1;
    }
  }
  for (const id of state.added.tool) {
    if (tools.has(id)) continue;
    tools.set(id, {
      leverVotes: new Map(),
      values: new Set(),
      initiators: new Set(),
      beneficiaries: new Set(),
      quotes: [],
      said: [],
    });
  }
  const addedTools = new Set(
    [...state.added.tool].filter((id) => !answers.some((a) => a.tags.tools.some((t) => t.id === id))),
  );

  const summaryTools: SummaryTool[] = [...tools.entries()].map(([id, acc]) => {
    const voted = [...acc.leverVotes.entries()]
      .filter(([l]) => !state.removed.lever.has(l))
      .sort((a, b) => b[1] - a[1]);
    const fallback = DEFAULT_TOOL_LEVERS[id];
    const lever = voted[0]?.[0] ?? (fallback && !state.removed.lever.has(fallback) ? fallback : null);
    return {
      id,
      label: toolLabel(prompts, id),
      lever,
      values: VALUE_IDS.filter((v) => acc.values.has(v)),
      initiators: [...acc.initiators],
      beneficiaries: [...acc.beneficiaries],
      quotes: acc.quotes,
      said: acc.said,
      addedByRespondent: addedTools.has(id),
    };
  });
  // A lever the respondent adds is one more clear answer, also to one the recap called barely mentioned;
  // the lever of a tool they add makes a lever never evidenced present.
  for (const id of state.added.lever) {
    const lever = LEVER_IDS.find((l) => l === id);
    if (!lever) continue;
    const tally = leverTallies[lever];
    leverTallies[lever] = { answers: tally.answers + 1, confidentAnswers: tally.confidentAnswers + 1 };
  }
  for (const tool of summaryTools) {
    if (tool.addedByRespondent && tool.lever && leverTallies[tool.lever].answers === 0)
      leverTallies[tool.lever] = { answers: 1, confidentAnswers: 1 };
  }

  const levers = Object.fromEntries(
    LEVER_IDS.map((id) => [id, { count: leverTallies[id].answers }]),
  ) as Summary['levers'];
  const leverReading = readLevers(leverTallies);
  const missingLevers = leversOf(leverReading, 'missing');
  const weakLevers = leversOf(leverReading, 'weak');
  const valueGaps = VALUE_IDS.filter((id) => values[id].count === 0);
  const questions = prompts.nextQuestions[meta.profile];
  const steps = prompts.nextSteps[meta.profile];
  // Never a question the interview already asked ("Have these tools changed your company's image?" answered "No").
  const asked = askedAbout(replayed.asked);
  const nextQuestions = [
    ...(summaryTools.length === 0 && !asked.tools ? [questions.noTools] : []),
    ...missingLevers.filter((id) => !asked.levers.has(id)).map((id) => questions.levers[id]),
    ...weakLevers.filter((id) => !asked.levers.has(id)).map((id) => questions.weakLevers[id]),
    ...valueGaps
      .filter((id) => !asked.values.has(id))
      .slice(0, MAX_VALUE_QUESTIONS)
      .map((id) => questions.values[id]),
  ];
  const nextSteps =
    leverReading.verdict === 'balanced'
      ? [steps.balanced]
      : [...missingLevers.map((id) => steps.levers[id]), ...weakLevers.map((id) => steps.weakLevers[id])];

  const firmHeadcount = headcount(answers, meta.profile);
  const sum = (ids: readonly ValueId[]) => ids.reduce((total, id) => total + values[id].count, 0);
  const themes = THEME_IDS.map((id) => ({
    id,
    answers: answers.filter((a) => a.section === id).map(({ section: _section, ...answer }) => answer),
  }));

  return {
    interview: {
      id: meta.id,
      language: meta.language,
      profile: meta.profile,
      status: meta.status,
      consentWithdrawn: consentStandsWithdrawn(meta, turns),
      startedAt: meta.startedAt,
      completedAt: meta.completedAt,
    },
    respondent: {
      pseudonym: pseudonym(meta.id),
      profile: meta.profile,
      language: meta.language,
      headcount: firmHeadcount?.count ?? null,
      headcountApproximate: firmHeadcount?.approximate ?? false,
      actorsMentioned: [...actorsMentioned],
    },
    themes,
    otherAnswers: answers.filter((a) => !isTheme(a.section)),
    declined: replayed.declined,
    covered: replayed.covered,
    tools: summaryTools,
    values,
    valueGroups: { service: sum(SERVICE_VALUES), user: sum(USER_VALUES) },
    valueMatrix,
    levers,
    leverBalance: balanceOf(missingLevers),
    leverReading,
    facets,
    gaps: { values: valueGaps, levers: missingLevers },
    nextQuestions,
    nextSteps,
    corrections: replayed.corrections.map(({ text, answeredAt: _answeredAt, ...c }, index, all) => {
      const earlier = all.slice(0, index).map((before) => before.correction);
      const description = describeCorrection(c.correction, lang, earlier);
      // Corrections stored without the reply's words are described as they were.
      if (text.trim() === '') return { ...c, description };
      const quoted = fill(prompts.typography.quoted, { text });
      return {
        ...c,
        text,
        description: fill(prompts.corrections.asWritten, { correction: description, text: quoted }),
      };
    }),
    unreadCorrections: replayed.unreadCorrections.map((u) => ({
      ...u,
      description: fill(prompts.corrections.unread, {
        text: fill(prompts.typography.quoted, { text: u.text }),
      }),
    })),
  };
}
