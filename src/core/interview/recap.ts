import type { ActorId, Profile } from '../domain.js';
import type { Guide } from '../guide/schema.js';
import { fill } from '../guide/template.js';
import { type SummaryPrompts, summaryPrompts, toolLabel } from '../summary/labels.js';
import type { Summary } from '../summary/schema.js';
import type { Tags } from '../tags.js';
import { CONSENT_QUESTION_ID } from './events.js';
import { derivePosition, type LogTurn, type Position } from './log.js';
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
 * The tags of an answer as the exports word them, in the interview's language, grouped under the summary's
 * headings ("Outils et dispositifs : CRM · Formes de valeur : Personnalisation · Bénéficiaires : salariés");
 * '' when the answer has none. Actors are named as in a summary of the interview's profile.
 */
export function tagLabels(tags: Tags | null, labels: SummaryPrompts, profile?: Profile): string {
  if (!tags) return '';
  const actor = (id: ActorId) =>
    (profile ? labels.profileWording[profile].actors[id] : undefined) ?? labels.actors[id];
  const actorsAs = (role: 'initiator' | 'beneficiary') =>
    tags.actors.filter((a) => a.role === role).map((a) => actor(a.id));
  const groups: [string, string[]][] = [
    [labels.headings.tools, tags.tools.map((t) => toolLabel(labels, t.id))],
    [labels.headings.values, tags.values.map((t) => labels.values[t.id])],
    [labels.headings.levers, tags.levers.map((t) => labels.levers[t.id])],
    [labels.headings.facets, tags.facets.map((t) => labels.facets[t.id])],
    [labels.headings.initiators, actorsAs('initiator')],
    [labels.headings.beneficiaries, actorsAs('beneficiary')],
  ];
  return groups
    .filter(([, names]) => names.length > 0)
    .map(([label, names]) =>
      fill(labels.typography.labelled, { label, value: [...new Set(names)].join(', ') }),
    )
    .join(' · ');
}

/**
 * A short text recap of the answers so far (amends applied), each with its tags worded as the exports word
 * them in the interview's language (`labels`: the summary's prompts of that language); skipped questions are
 * marked. `quote`: how the answers are quoted (by default inert Markdown, as Teams and the web chat render it).
 * It ends with the question the interview waits on (the one a `back` reopened, when one waits for its text), so
 * the respondent knows what their next message answers.
 */
export function recapLines(
  guide: Guide,
  turns: readonly LogTurn[],
  quote: Quote = escapeMarkdown,
  options: { labels?: SummaryPrompts; profile?: Profile; corrected?: Summary } = {},
): string[] {
  const labels = options.labels ?? summaryPrompts(guide.language);
  const position = derivePosition(turns);
  const lines: string[] = [];
  const answers = new Map(position.answers.map((a) => [a.questionId, a]));
  // The tags as the summary now has them: a tool removed at the review, or said dropped, is no longer shown.
  const correctedTags = new Map(
    options.corrected
      ? [
          ...options.corrected.themes.flatMap((theme) => theme.answers),
          ...options.corrected.otherAnswers,
        ].map((answer) => [answer.seq, answer.tags])
      : [],
  );
  const asked = [...position.asked.values()];
  const corrections = options.corrected?.corrections ?? [];
  asked.forEach((question, index) => {
    if (question.questionId === CONSENT_QUESTION_ID) return;
    // The corrections made in reply to it (the closing review's), each as it was read, before the last reply;
    // while it still waits, those made so far.
    const next = asked[index + 1]?.seq ?? Number.POSITIVE_INFINITY;
    const made = corrections
      .filter((c) => c.seq > question.seq && c.seq < next)
      .map((c) => quote(c.description));
    if (question.status === 'pending' && made.length === 0) return;
    const answer = question.status === 'pending' ? undefined : answers.get(question.questionId);
    const tags = answer ? (correctedTags.get(answer.seq) ?? answer.tags) : null;
    const worded = tagLabels(tags, labels, options.profile);
    const said =
      question.status === 'pending' ? [] : [answer ? quote(answer.text) : guide.bot.summarySkipped];
    lines.push(
      fill(guide.bot.summaryLine, {
        question: question.text,
        answer: [...made, ...said].join(guide.bot.summaryAnswersJoin),
        tags: worded !== '' ? fill(guide.bot.summaryTags, { ids: worded }) : '',
      }),
    );
  });
  const waiting = waitingQuestion(position);
  if (waiting !== null) lines.push(fill(guide.bot.summaryPending, { question: waiting }));
  return lines;
}

/** The question the next message answers, but consent (there is no answer to recap before it). */
function waitingQuestion(position: Position): string | null {
  const target = position.amendTarget;
  if (target) return target.kind === 'answer' ? target.answer.questionText : target.question.text;
  const pending = position.pending;
  return pending && pending.questionId !== CONSENT_QUESTION_ID ? pending.text : null;
}
