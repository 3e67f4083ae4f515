import { type Language, LEVER_IDS, VALUE_IDS } from '../domain.js';
import { fill, summaryPrompts, toolLabel } from './labels.js';
import type { Summary } from './schema.js';

const MAIN_VALUES = 3;

/** The few lines the respondent reads at the end of the interview, before confirming or correcting. */
export function buildShortSummary(summary: Summary, lang: Language): string {
  const p = summaryPrompts(lang);
  const list = (items: readonly string[]) => (items.length === 0 ? p.short.none : items.join(', '));
  const mainValues = VALUE_IDS.filter((id) => summary.values[id].count > 0)
    .sort((a, b) => summary.values[b].count - summary.values[a].count)
    .slice(0, MAIN_VALUES);
  const present = LEVER_IDS.filter((id) => summary.levers[id].count > 0);
  return [
    p.short.intro,
    fill(p.short.tools, { list: list(summary.tools.map((t) => toolLabel(p, t.id))) }),
    fill(p.short.values, { list: list(mainValues.map((id) => p.values[id])) }),
    fill(p.short.levers, { list: list(present.map((id) => p.levers[id])) }),
    summary.leverBalance === 'balanced'
      ? p.short.balanced
      : fill(p.short.missingLevers, { list: list(summary.leverBalance.map((id) => p.levers[id])) }),
    p.short.invite,
  ].join('\n');
}
