import type { Profile } from '../domain.js';
import type { Guide, GuideProbe, GuideSection, SectionQuestion } from '../guide/schema.js';
import { fill } from '../guide/template.js';
import { parseYesNo } from './commands.js';
import { type Coverage, computeCoverage, hasAnyTag } from './coverage.js';
import { CLOSING_SECTION, CONSENT_QUESTION_ID, OPENING_SECTION, type QuestionKind } from './events.js';
import { meaningfulSpan, opensWithYes } from './facet-answer.js';
import {
  type AskedQuestion,
  derivePosition,
  type EffectiveAnswer,
  type LogTurn,
  type Position,
} from './log.js';
import type { AskedRole } from './question-subject.js';
import type { InterviewMeta } from './record.js';
import { elidedWords, oncePer, phraseReader, phraseReadings, words } from './text.js';
import { ownToolName, ownWordsFor, type SpokenName } from './tool-name.js';

export interface Progress {
  n: number;
  total: number;
  title: string;
}

export interface PlannedQuestion {
  id: string;
  section: string;
  kind: QuestionKind;
  text: string;
  /** Set on the first question of a theme: the "Theme 2 of 3" line shown before it. */
  progress: Progress | null;
  /** The tool a probe asks about (who initiated it, who benefits). */
  tool?: string;
  /** What that probe asks of the tool. */
  asks?: AskedRole;
}

/** A main question passed over because an earlier answer of its section already says what it asks. */
export interface CoveredQuestion {
  id: string;
  section: string;
  text: string;
  /** Seq of the answer that said it. */
  answerSeq: number;
  /** The guide's phrase that answer said. */
  phrase: string;
}

/**
 * - `ask`: nothing is pending; this question comes next.
 * - `await`: the question recorded last is still waiting for its answer.
 * - `complete`: every question is done.
 * `covered`: the questions passed over on the way, not yet recorded as such.
 */
export type NextStep =
  | { type: 'ask'; question: PlannedQuestion; covered: readonly CoveredQuestion[] }
  | { type: 'await'; question: PlannedQuestion }
  | { type: 'complete'; covered: readonly CoveredQuestion[] };

export function sectionsOf(guide: Guide): GuideSection[] {
  return [guide.presentation, ...guide.themes];
}

/** Main questions and probes without `profiles` are asked of everyone. */
export function askedOf(item: { profiles?: readonly Profile[] | undefined }, profile: Profile): boolean {
  return item.profiles === undefined || item.profiles.includes(profile);
}

export function mainQuestions<Question extends { profiles?: readonly Profile[] | undefined }>(
  section: { questions: readonly Question[] },
  profile: Profile,
): Question[] {
  return section.questions.filter((q) => askedOf(q, profile));
}

export function probeBudget(guide: Guide, section: GuideSection): number {
  return section.maxProbes ?? guide.limits.maxProbesPerTheme;
}

/** A probe's question id; a probe on one tool adds the tool's id to it. */
export function probeQuestionId(section: GuideSection, probe: GuideProbe, tool?: string): string {
  const id = `${section.id}.probe.${probe.id}`;
  return tool === undefined ? id : `${id}.${tool}`;
}

export function exampleProbeId(questionId: string): string {
  return `${questionId}.example`;
}

/** The follow-up of a facet probe answered by a bare yes (its `ifYes`). */
export function whichOnesId(probeId: string): string {
  return `${probeId}.which`;
}

/**
 * "Voyez-vous des opportunités ? Si oui, lesquelles ?" answered "Oui." and nothing else: which ones, asked once,
 * while no answer evidences the facet.
 */
function whichOnesAfterYes(
  guide: Guide,
  section: GuideSection,
  coverage: Coverage,
  position: Position,
  profile: Profile,
): Omit<PlannedQuestion, 'section' | 'progress'> | null {
  for (const probe of section.probes) {
    if (probe.when !== 'facet_missing' || !probe.ifYes || !askedOf(probe, profile)) continue;
    const id = probeQuestionId(section, probe);
    if (!position.asked.has(id) || position.asked.has(whichOnesId(id)) || coverage.facets.has(probe.facet))
      continue;
    const answer = position.answers.find((a) => a.questionId === id);
    // "Oui.", and a yes hedged with nothing more ("bof, oui sûrement, pour certaines").
    if (
      answer &&
      (parseYesNo([guide], answer.text) === 'yes' ||
        (opensWithYes([guide], answer.text) && meaningfulSpan([guide], answer.text) === null))
    )
      return { id: whichOnesId(id), kind: 'probe', text: probe.ifYes };
  }
  return null;
}

function themeProgress(guide: Guide, sectionId: string): Progress | null {
  const index = guide.themes.findIndex((theme) => theme.id === sectionId);
  const theme = guide.themes[index];
  return theme ? { n: index + 1, total: guide.themes.length, title: theme.title } : null;
}

/**
 * Short (unless a word answers the question), or (for `vague` probes) short-ish and carrying no tag at all. A
 * `vague` probe asks for something concrete: an answer naming a tool ("Un ERP, Sage.") gave it.
 */
function needsExample(
  guide: Guide,
  section: GuideSection,
  question: SectionQuestion,
  answer: EffectiveAnswer,
): boolean {
  const probe = section.exampleProbe;
  if (!probe || answer.data?.alreadySaid === true) return false;
  if (probe.when === 'vague' && (answer.tags?.tools.length ?? 0) > 0) return false;
  const count = words(answer.text).length;
  if (count < guide.limits.shortAnswerWords) return !question.shortAnswerEnough;
  return probe.when === 'vague' && count < guide.limits.vagueAnswerWords && !hasAnyTag(answer.tags);
}

/** The section's targeted probes for this profile still worth asking, most informative (guide order) first. */
export function probeCandidates(
  guide: Guide,
  section: GuideSection,
  coverage: Coverage,
  profile: Profile,
): Omit<PlannedQuestion, 'section' | 'progress'>[] {
  const out: Omit<PlannedQuestion, 'section' | 'progress'>[] = [];
  for (const probe of section.probes) {
    if (!askedOf(probe, profile)) continue;
    const id = probeQuestionId(section, probe);
    switch (probe.when) {
      case 'facet_missing':
        // Said anywhere before, in the presentation too, it is not asked again, even as "anything to add?".
        if (!coverage.facets.has(probe.facet)) out.push({ id, kind: 'probe', text: probe.text });
        break;
      case 'lever_missing':
        if (!coverage.levers.has(probe.lever)) out.push({ id, kind: 'probe', text: probe.text });
        break;
      case 'value_missing':
        if (!coverage.values.has(probe.value)) out.push({ id, kind: 'probe', text: probe.text });
        break;
      case 'tool_actors_missing':
        for (const tool of coverage.tools) {
          // Only tools the respondent named in this theme: a platform cited as a threat in theme 1
          // ("dépendre d'Amazon") is not a tool they adopted.
          const names = tool.sections.get(section.id);
          if (!names) continue;
          if (tool.hasInitiator && tool.hasBeneficiary) continue;
          const asks: AskedRole = tool.hasInitiator
            ? 'beneficiary'
            : tool.hasBeneficiary
              ? 'initiator'
              : 'both';
          out.push({
            id: probeQuestionId(section, probe, tool.id),
            kind: 'probe',
            text: toolProbeText(
              guide,
              profile,
              probe,
              asks,
              tool.id,
              names,
              tool.spoken.get(section.id) ?? [],
            ),
            tool: tool.id,
            asks,
          });
        }
        break;
    }
  }
  return out;
}

type ToolActorsProbe = Extract<GuideProbe, { when: 'tool_actors_missing' }>;

/**
 * A probe on one tool, naming it as the respondent did: by the name they gave it (`names`), else by their own
 * words for it (`spoken`, "votre caisse connectée"), else by its label.
 */
function toolProbeText(
  guide: Guide,
  profile: Profile,
  probe: ToolActorsProbe,
  asks: AskedRole,
  tool: string,
  names: ReadonlySet<string>,
  spoken: readonly SpokenName[],
): string {
  return fill(probe[asks], { tool: toolName(guide, profile, tool, names, spoken) });
}

function toolName(
  guide: Guide,
  profile: Profile,
  tool: string,
  names: ReadonlySet<string>,
  spoken: readonly SpokenName[],
): string {
  const label = guide.toolLabels[tool] ?? tool.replace(/_/g, ' ');
  const { ownTool } = guide.words;
  // An expert speaks of the firms they support: "leur caisse connectée", not "votre".
  const own =
    profile === 'expert'
      ? {
          ...ownTool,
          singular: { ...ownTool.singular, to: ownTool.expert.singular },
          plural: { ...ownTool.plural, to: ownTool.expert.plural },
        }
      : ownTool;
  const named =
    ownToolName(names, label) ?? (names.size === 0 ? ownWordsFor(spoken, guide.language, own, label) : null);
  return named ?? label;
}

/** A tool as the probes of a section name it, from the answers so far. */
export function probedToolName(
  guide: Guide,
  profile: Profile,
  position: Position,
  section: string,
  tool: string,
): string {
  const coverage = computeCoverage(position.answers, position.dropped).tools.find((t) => t.id === tool);
  return toolName(
    guide,
    profile,
    tool,
    coverage?.sections.get(section) ?? new Set(),
    coverage?.spoken.get(section) ?? [],
  );
}

/** A main question as it is asked now: worded without "these tools" while none has been named. */
export function mainWording(question: SectionQuestion, coverage: Coverage): string {
  return question.withoutTools && coverage.tools.length === 0 ? question.withoutTools.text : question.text;
}

/**
 * How `guide` words a question already asked, found by its id (to ask it again in another language): consent, a
 * closing or main question, an example probe, or a probe (one on a tool naming it as the plan does); null for an
 * id the guide has no question for (one asked under an older version of the guide).
 */
export function wordingIn(
  guide: Guide,
  profile: Profile,
  position: Position,
  asked: Pick<AskedQuestion, 'questionId' | 'section' | 'subject'>,
): string | null {
  const id = asked.questionId;
  if (id === CONSENT_QUESTION_ID) return guide.opening.consentQuestion;
  const closing = guide.closing.questions.find((q) => q.id === id);
  if (closing) return closing.text;
  const section = sectionsOf(guide).find((s) => s.id === asked.section);
  if (!section) return null;
  for (const question of mainQuestions(section, profile)) {
    if (question.id === id) return mainWording(question, computeCoverage(position.answers, position.dropped));
    if (exampleProbeId(question.id) === id) return section.exampleProbe?.text ?? null;
  }
  const subject = asked.subject;
  for (const probe of section.probes) {
    if (!askedOf(probe, profile)) continue;
    if (probe.when !== 'tool_actors_missing') {
      if (probeQuestionId(section, probe) === id) return probe.text;
      if (probe.when === 'facet_missing' && whichOnesId(probeQuestionId(section, probe)) === id)
        return probe.ifYes ?? null;
    } else if (subject && probeQuestionId(section, probe, subject.tool) === id) {
      const tool = computeCoverage(position.answers, position.dropped).tools.find(
        (t) => t.id === subject.tool,
      );
      return toolProbeText(
        guide,
        profile,
        probe,
        subject.asks,
        subject.tool,
        tool?.sections.get(section.id) ?? new Set(),
        tool?.spoken.get(section.id) ?? [],
      );
    }
  }
  return null;
}

/** The phrases that cover a question: its `coveredBy`, and each of its role leads a few words before a role. */
const coveringPhrases = oncePer((question: SectionQuestion): readonly string[] => {
  const role = question.coveredByRole;
  if (!role) return question.coveredBy;
  return [
    ...question.coveredBy,
    ...role.leads.flatMap((lead) => role.roles.map((name) => `${lead} … ${name}`)),
  ];
});

/** A role said alone may open any sentence or clause: "12 salariés. Gérante depuis 2015." */
const CLAUSE_END = /[.!?;:,\n]+/u;

/**
 * The role a sentence or clause of the text opens with ("Gérant depuis 2015", "Owner of a bakery"), or is with
 * its article alone (", le propriétaire"), its last word read as a word's beginning ("gérant" in "gérante"), as
 * `saysPhrase` reads it.
 */
function openingRole(roles: readonly string[], text: string): string | undefined {
  const clauses = text.split(CLAUSE_END).map(elidedWords);
  const opens = (said: readonly string[], reading: readonly string[], from: number) =>
    reading.every((word, i) =>
      i === reading.length - 1 ? (said[from + i] ?? '').startsWith(word) : said[from + i] === word,
    );
  return roles.find((role) =>
    phraseReadings(role).some((reading) =>
      clauses.some(
        (said) =>
          opens(said, reading, 0) ||
          // "Moi c'est Réjean Tremblay, le propriétaire": a clause of the role alone, after its article.
          (said.length === reading.length + 1 && ROLE_ARTICLES.has(said[0] ?? '') && opens(said, reading, 1)),
      ),
    ),
  );
}

const ROLE_ARTICLES = new Set(['le', 'la', "l'", 'the']);

/**
 * The earlier answer of the section that says one of the question's covering phrases, or opens a sentence
 * with one of its roles, if any; `phrase` is what it said.
 */
export function coveringAnswer(
  question: SectionQuestion,
  section: GuideSection,
  position: Position,
): Omit<CoveredQuestion, 'text'> | null {
  const phrases = coveringPhrases(question);
  if (phrases.length === 0) return null;
  for (const answer of position.answers) {
    if (answer.section !== section.id) continue;
    const phrase =
      phrases.find(phraseReader(answer.text)) ??
      openingRole(question.coveredByRole?.roles ?? [], answer.text);
    if (phrase !== undefined) return { id: question.id, section: section.id, answerSeq: answer.seq, phrase };
  }
  return null;
}

/** `covered` receives the main questions passed over because already answered. */
function nextInSection(
  guide: Guide,
  profile: Profile,
  section: GuideSection,
  position: Position,
  coverage: Coverage,
  covered: CoveredQuestion[],
): PlannedQuestion | null {
  const mains = mainQuestions(section, profile);
  const mainIds = new Set(mains.map((q) => q.id));
  const sectionAsked = [...position.asked.values()].filter((q) => q.section === section.id);
  const probesLeft =
    probeBudget(guide, section) - sectionAsked.filter((q) => !mainIds.has(q.questionId)).length;
  const progress = sectionAsked.length === 0 ? themeProgress(guide, section.id) : null;
  const answersById = new Map(position.answers.map((a) => [a.questionId, a]));
  // Two main questions of a theme share its example probe, and two tools may go by one name: no wording twice.
  const askedTexts = new Set([...position.asked.values()].map((q) => q.text));
  // By id too: asked before the respondent changed language, it was worded in the other.
  const exampleAsked = mains.some((q) => position.asked.has(exampleProbeId(q.id)));

  for (const question of mains) {
    if (position.covered.has(question.id)) continue;
    if (!position.asked.has(question.id)) {
      const answered = coveringAnswer(question, section, position);
      if (answered) {
        covered.push({ ...answered, text: question.text });
        continue;
      }
      return {
        id: question.id,
        section: section.id,
        kind: 'main',
        text: mainWording(question, coverage),
        progress,
      };
    }
    const answer = answersById.get(question.id);
    const exampleId = exampleProbeId(question.id);
    if (
      section.exampleProbe &&
      answer &&
      !exampleAsked &&
      !askedTexts.has(section.exampleProbe.text) &&
      probesLeft > 0 &&
      needsExample(guide, section, question, answer)
    ) {
      return {
        id: exampleId,
        section: section.id,
        kind: 'example',
        text: section.exampleProbe.text,
        progress,
      };
    }
  }
  if (probesLeft <= 0) return null;
  const which = whichOnesAfterYes(guide, section, coverage, position, profile);
  if (which) return { ...which, section: section.id, progress };
  const candidate = probeCandidates(guide, section, coverage, profile).find(
    (c) => !position.asked.has(c.id) && !askedTexts.has(c.text),
  );
  return candidate ? { ...candidate, section: section.id, progress } : null;
}

function describePending(guide: Guide, meta: InterviewMeta, position: Position): PlannedQuestion | null {
  const pending = position.pending;
  if (!pending) return null;
  if (pending.questionId === CONSENT_QUESTION_ID) {
    return {
      id: pending.questionId,
      section: OPENING_SECTION,
      kind: 'consent',
      text: pending.text,
      progress: null,
    };
  }
  const closing = guide.closing.questions.find((q) => q.id === pending.questionId);
  if (closing) {
    const kind: QuestionKind = closing.expects === 'yes_no' ? 'review' : 'main';
    return { id: pending.questionId, section: CLOSING_SECTION, kind, text: pending.text, progress: null };
  }
  const section = sectionsOf(guide).find((s) => s.id === pending.section);
  const isMain = section
    ? mainQuestions(section, meta.profile).some((q) => q.id === pending.questionId)
    : false;
  return {
    id: pending.questionId,
    section: pending.section,
    kind: isMain ? 'main' : 'probe',
    text: pending.text,
    // The theme's heading was said when its first question was; said again, it reads as a theme starting.
    progress: null,
  };
}

/** What comes next, from the guide and the turn log alone. */
export function decideNext(guide: Guide, meta: InterviewMeta, turns: readonly LogTurn[]): NextStep {
  return decideFromPosition(guide, meta, derivePosition(turns));
}

export function decideFromPosition(guide: Guide, meta: InterviewMeta, position: Position): NextStep {
  const pending = describePending(guide, meta, position);
  if (pending) return { type: 'await', question: pending };
  if (!position.consentGiven) {
    return {
      type: 'ask',
      question: {
        id: CONSENT_QUESTION_ID,
        section: OPENING_SECTION,
        kind: 'consent',
        text: guide.opening.consentQuestion,
        progress: null,
      },
      covered: [],
    };
  }
  const coverage = computeCoverage(position.answers, position.dropped);
  const covered: CoveredQuestion[] = [];
  for (const section of sectionsOf(guide)) {
    const next = nextInSection(guide, meta.profile, section, position, coverage, covered);
    if (next) return { type: 'ask', question: next, covered };
  }
  for (const question of mainQuestions(guide.closing, meta.profile)) {
    if (!position.asked.has(question.id)) {
      const kind: QuestionKind = question.expects === 'yes_no' ? 'review' : 'main';
      return {
        type: 'ask',
        question: { id: question.id, section: CLOSING_SECTION, kind, text: question.text, progress: null },
        covered,
      };
    }
  }
  return { type: 'complete', covered };
}
