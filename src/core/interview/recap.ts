import type { Guide } from '../guide/schema.js';
import { fill } from '../guide/template.js';
import type { Tags } from '../tags.js';
import { CONSENT_QUESTION_ID } from './events.js';
import { derivePosition, type LogTurn } from './log.js';
import { escapeMarkdown, type Quote } from './quote.js';

/** The ids a tag set asserts, for a one-line reminder: tools, values, levers, facets, actors with their role. */
export function tagIds(tags: Tags | null): string[] {
  if (!tags) return [];
  return [
    ...tags.tools.map((t) => t.id),
    ...tags.values.map((t) => t.id),
    ...tags.levers.map((t) => t.id),
    ...tags.facets.map((t) => t.id),
    ...tags.actors.filter((a) => a.role !== 'mentioned').map((a) => `${a.id}:${a.role}`),
  ];
}

/**
 * A short text recap of the answers so far (amends applied) with their tags' ids; skipped questions are
 * marked. `quote`: how the answers are quoted (by default inert Markdown, as Teams and the web chat render it).
 */
export function recapLines(guide: Guide, turns: readonly LogTurn[], quote: Quote = escapeMarkdown): string[] {
  const position = derivePosition(turns);
  const lines: string[] = [];
  const answers = new Map(position.answers.map((a) => [a.questionId, a]));
  for (const question of position.asked.values()) {
    if (question.questionId === CONSENT_QUESTION_ID || question.status === 'pending') continue;
    const answer = answers.get(question.questionId);
    const ids = tagIds(answer?.tags ?? null);
    lines.push(
      fill(guide.bot.summaryLine, {
        question: question.text,
        answer: answer ? quote(answer.text) : guide.bot.summarySkipped,
        tags: ids.length > 0 ? fill(guide.bot.summaryTags, { ids: ids.join(', ') }) : '',
      }),
    );
  }
  return lines;
}
