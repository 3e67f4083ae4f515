import type { Profile } from '../domain.js';
import type { Guide, GuideQuestion, GuideSection } from '../guide/schema.js';
import { fill } from '../guide/template.js';
import { type Coverage, computeCoverage, hasAnyTag } from './coverage.js';
import { CLOSING_SECTION, CONSENT_QUESTION_ID, OPENING_SECTION, type QuestionKind } from './events.js';
import { derivePosition, type EffectiveAnswer, type LogTurn, type Position } from './log.js';
import type { AskedRole } from './question-subject.js';
import type { InterviewMeta } from './record.js';
import { words } from './text.js';
import { ownToolName } from './tool-name.js';

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

/**
 * - `ask`: nothing is pending; this question comes next.
 * - `await`: the question recorded last is still waiting for its answer.
 * - `complete`: every question is done.
 */
export type NextStep =
  | { type: 'ask'; question: PlannedQuestion }
  | { type: 'await'; question: PlannedQuestion }
  | { type: 'complete' };

export function sectionsOf(guide: Guide): GuideSection[] {
  return [guide.presentation, ...guide.themes];
}

/** Main questions and probes without `profiles` are asked of everyone. */
function askedOf(item: { profiles?: readonly Profile[] | undefined }, profile: Profile): boolean {
  return item.profiles === undefined || item.profiles.includes(profile);
}

export function mainQuestions(
  section: { questions: readonly GuideQuestion[] },
  profile: Profile,
): GuideQuestion[] {
  return section.questions.filter((q) => askedOf(q, profile));
}

export function probeBudget(guide: Guide, section: GuideSection): number {
  return section.maxProbes ?? guide.limits.maxProbesPerTheme;
}

export function exampleProbeId(questionId: string): string {
  return `${questionId}.example`;
}

function themeProgress(guide: Guide, sectionId: string): Progress | null {
  const index = guide.themes.findIndex((theme) => theme.id === sectionId);
  const theme = guide.themes[index];
  return theme ? { n: index + 1, total: guide.themes.length, title: theme.title } : null;
}

/** Short, or (for `vague` probes) short-ish and carrying no tag at all. */
export function needsExample(guide: Guide, section: GuideSection, answer: EffectiveAnswer): boolean {
  const probe = section.exampleProbe;
  if (!probe) return false;
  const count = words(answer.text).length;
  if (count < guide.limits.shortAnswerWords) return true;
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
  const inSection = coverage.facetsBySection.get(section.id);
  for (const probe of section.probes) {
    if (!askedOf(probe, profile)) continue;
    const id = `${section.id}.probe.${probe.id}`;
    switch (probe.when) {
      case 'facet_missing':
        if (inSection?.has(probe.facet)) break;
        out.push(
          coverage.facets.has(probe.facet)
            ? { id, kind: 'confirm', text: probe.confirm }
            : { id, kind: 'probe', text: probe.text },
        );
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
          const template = probe[asks];
          const label = guide.toolLabels[tool.id] ?? tool.id.replace(/_/g, ' ');
          out.push({
            id: `${id}.${tool.id}`,
            kind: 'probe',
            text: fill(template, { tool: ownToolName(names, label) ?? label }),
            tool: tool.id,
            asks,
          });
        }
        break;
    }
  }
  return out;
}

function nextInSection(
  guide: Guide,
  profile: Profile,
  section: GuideSection,
  position: Position,
  coverage: Coverage,
): PlannedQuestion | null {
  const mains = mainQuestions(section, profile);
  const mainIds = new Set(mains.map((q) => q.id));
  const sectionAsked = [...position.asked.values()].filter((q) => q.section === section.id);
  const probesLeft =
    probeBudget(guide, section) - sectionAsked.filter((q) => !mainIds.has(q.questionId)).length;
  const progress = sectionAsked.length === 0 ? themeProgress(guide, section.id) : null;
  const answersById = new Map(position.answers.map((a) => [a.questionId, a]));

  for (const question of mains) {
    if (!position.asked.has(question.id)) {
      return { id: question.id, section: section.id, kind: 'main', text: question.text, progress };
    }
    const answer = answersById.get(question.id);
    const exampleId = exampleProbeId(question.id);
    if (
      section.exampleProbe &&
      answer &&
      !position.asked.has(exampleId) &&
      probesLeft > 0 &&
      needsExample(guide, section, answer)
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
  const candidate = probeCandidates(guide, section, coverage, profile).find((c) => !position.asked.has(c.id));
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
    progress: themeProgress(guide, pending.section),
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
    };
  }
  const coverage = computeCoverage(position.answers);
  for (const section of sectionsOf(guide)) {
    const next = nextInSection(guide, meta.profile, section, position, coverage);
    if (next) return { type: 'ask', question: next };
  }
  for (const question of mainQuestions(guide.closing, meta.profile)) {
    if (!position.asked.has(question.id)) {
      const kind: QuestionKind = question.expects === 'yes_no' ? 'review' : 'main';
      return {
        type: 'ask',
        question: { id: question.id, section: CLOSING_SECTION, kind, text: question.text, progress: null },
      };
    }
  }
  return { type: 'complete' };
}
