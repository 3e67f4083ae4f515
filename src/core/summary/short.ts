import { type Language, LEVER_IDS, type LeverId, VALUE_IDS } from '../domain.js';
import { fill } from '../guide/template.js';
import { foldText } from './corrections.js';
import { type SummaryPrompts, summaryPrompts, toolLabel } from './labels.js';
import { leversOf } from './lever-reading.js';
import type { LeverEvidence, Summary } from './schema.js';

/**
 * A tool as the recap lists it: its label, and the respondent's own words it was read from when they are not
 * the label itself ("ERP (« Batappli »)"), so a reply correcting it knows what it corrects.
 */
function toolLine(tool: Summary['tools'][number], p: SummaryPrompts): string {
  const label = toolLabel(p, tool.id);
  const words = tool.said.filter((said) => foldText(said) !== foldText(label));
  if (words.length === 0) return label;
  const quoted = words.map((text) => fill(p.typography.quoted, { text })).join(', ');
  return fill(p.short.toolSaid, { tool: label, words: quoted });
}

/**
 * The few lines the respondent reads at the end of the interview, before confirming or correcting (`review`),
 * or once their corrections are kept, as they now stand (`corrected`).
 */
export function buildShortSummary(
  summary: Summary,
  lang: Language,
  stage: 'review' | 'corrected' = 'review',
): string {
  const p = summaryPrompts(lang);
  const list = (items: readonly string[], none: string) => (items.length === 0 ? none : items.join(', '));
  // Every value read, most evidenced first: the respondent can only correct what they are shown.
  const values = VALUE_IDS.filter((id) => summary.values[id].count > 0).sort(
    (a, b) => summary.values[b].count - summary.values[a].count,
  );
  const reading = summary.leverReading;
  const names = (ids: readonly LeverId[]) => ids.map((id) => p.levers[id]);
  const present = LEVER_IDS.filter((id) => reading.levers[id].strength !== 'missing');
  const of = (strength: LeverEvidence['strength']) => names(leversOf(reading, strength));
  const missing = of('missing');
  const weak = of('weak');
  return [
    stage === 'review' ? p.short.intro : p.short.introCorrected,
    fill(p.short.tools, {
      list: list(
        summary.tools.map((t) => toolLine(t, p)),
        p.short.none.tools,
      ),
    }),
    fill(p.short.values, {
      list: list(
        values.map((id) => p.values[id]),
        p.short.none.values,
      ),
    }),
    fill(p.short.levers, { list: list(names(present), p.short.none.levers) }),
    ...(reading.verdict === 'balanced' ? [p.short.balanced] : []),
    ...(missing.length > 0 ? [fill(p.short.missingLevers, { list: missing.join(', ') })] : []),
    ...(weak.length > 0 ? [fill(p.short.weakLevers, { list: weak.join(', ') })] : []),
    ...(stage === 'review' ? [p.short.invite] : []),
  ].join('\n');
}
