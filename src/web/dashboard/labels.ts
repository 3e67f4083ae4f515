import type { Language } from '../../core/domain.js';
import { summaryPrompts } from '../../core/summary/labels.js';

/**
 * Every word the dashboard shows, in one language, from prompts/summary.<lang>.json: its page, the names of
 * value forms, levers, actors and tools the charts and answers show, the words of the interview list and the
 * downloads (statuses, languages, profiles, guide parts, export names), the headings of an interview's answers
 * as the exports word them, and its actions' words (invitations, erasure, the CSV separator). Wording
 * only, no interview data.
 */
export function dashboardLabels(lang: Language) {
  const prompts = summaryPrompts(lang);
  const { headings, ...dashboard } = prompts.dashboard;
  return {
    ...dashboard,
    values: prompts.values,
    levers: prompts.levers,
    actors: prompts.actors,
    tools: prompts.tools,
    facets: prompts.facets,
    headings: {
      ...headings,
      corrections: prompts.headings.corrections,
      perInterview: prompts.headings.perInterview,
      themes: prompts.headings.themes,
      nextQuestions: prompts.headings.nextQuestions,
      nextSteps: prompts.headings.nextSteps,
      headcount: prompts.headings.headcount,
      facets: prompts.headings.facets,
      declined: prompts.headings.declined,
    },
    approximateHeadcount: prompts.approximateHeadcount,
    // The kinds of tags an answer carries, named as the exports name them.
    tagKinds: {
      tools: prompts.headings.tools,
      values: prompts.headings.values,
      levers: prompts.headings.levers,
      facets: prompts.headings.facets,
      initiators: prompts.headings.initiators,
      beneficiaries: prompts.headings.beneficiaries,
    },
    amended: prompts.headings.amended,
    labelled: prompts.typography.labelled,
    statuses: prompts.statuses,
    statusConsentWithdrawn: prompts.statusConsentWithdrawn,
    languages: prompts.languages,
    parts: { ...prompts.sections, ...prompts.themes },
  };
}
export type DashboardLabels = ReturnType<typeof dashboardLabels>;
