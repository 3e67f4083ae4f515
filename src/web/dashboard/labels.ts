import type { Language } from '../../core/domain.js';
import { summaryPrompts } from '../../core/summary/labels.js';

/**
 * Every word the dashboard shows, in one language, from prompts/summary.<lang>.json: its page, the names of
 * value forms, levers and actors the charts show, and the words of the interview list and the downloads
 * (statuses, languages, profiles, guide parts, export names). Wording only, no interview data.
 */
export function dashboardLabels(lang: Language) {
  const prompts = summaryPrompts(lang);
  const { headings, ...dashboard } = prompts.dashboard;
  return {
    ...dashboard,
    values: prompts.values,
    levers: prompts.levers,
    actors: prompts.actors,
    headings: { ...headings, perInterview: prompts.headings.perInterview },
    statuses: prompts.statuses,
    languages: prompts.languages,
    parts: { ...prompts.sections, ...prompts.themes },
  };
}
export type DashboardLabels = ReturnType<typeof dashboardLabels>;
