import { type Language, LEVER_IDS } from '../core/domain.js';
import type { Summary } from '../core/summary/schema.js';
import type { Study } from '../core/summary/study.js';
import { escapeMarkdown as md } from './escape.js';
import { answersInOrder } from './segments.js';
import { correctionLines, type Labels, labels, matrixValues, VALUE_GROUPS } from './view.js';

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function matrixTable(l: Labels, values: Summary['values'], matrix: Summary['valueMatrix']): string[] {
  const ids = matrixValues(values);
  if (ids.length === 0) return [md(l.p.none.valueMatrix)];
  return table(
    ['', ...ids.map((id) => md(l.value(id)))],
    ids.map((a) => [`**${md(l.value(a))}**`, ...ids.map((b) => l.number(matrix[a][b]))]),
  );
}

function valueTable(l: Labels, values: Summary['values']): string[] {
  return VALUE_GROUPS.flatMap((group) => [
    `### ${md(l.h[group.key])}`,
    '',
    ...table(
      [md(l.h.values), md(l.h.count)],
      group.ids.map((id) => [md(l.value(id)), l.number(values[id].count)]),
    ),
    '',
  ]);
}

function leverCountLines(l: Labels, levers: Summary['levers']): string[] {
  return LEVER_IDS.map((id) => `- ${l.labelled(md(l.p.levers[id]), l.number(levers[id].count))}`);
}

function leverReadingLines(l: Labels, reading: Summary['leverReading']): string[] {
  return LEVER_IDS.map(
    (id) => `- ${l.labelled(md(l.p.levers[id]), md(l.leverStrength(reading.levers[id])))}`,
  );
}

function bullets(items: readonly string[]): string[] {
  return items.map((item) => `- ${md(item)}`);
}

/** A list that may be empty says so, in its own section's words. */
function bulletsOrNone(items: readonly string[], none: string): string[] {
  return items.length === 0 ? [`- ${md(none)}`] : bullets(items);
}

/** The summary as Markdown; every piece of respondent text is escaped so it renders as plain text. */
export function renderMarkdown(summary: Summary, lang: Language = summary.interview.language): string {
  const l = labels(lang, summary.interview.profile);
  const { h } = l;
  const i = summary.interview;
  const item = (label: string, value: string) => `- ${l.labelled(md(label), md(value))}`;
  const { respondent } = summary;
  const out: string[] = [
    `# ${md(h.title)}`,
    '',
    item(h.interview, i.id),
    item(h.language, l.p.languages[i.language]),
    item(h.profile, l.p.profiles[i.profile]),
    item(h.status, l.status(i)),
    item(h.startedAt, l.dateTime(i.startedAt)),
    item(h.completedAt, l.dateTime(i.completedAt)),
    '',
    `## ${md(h.respondent)}`,
    '',
    `- ${md(respondent.pseudonym)} (${md(l.p.profiles[respondent.profile])})`,
    // An expert's summary reads no headcount (build.ts): the line would only say "unknown".
    ...(respondent.profile === 'expert' ? [] : [item(h.headcount, l.headcount(respondent))]),
    item(h.actorsMentioned, l.actors(respondent.actorsMentioned)),
    '',
    `## ${md(h.tools)}`,
    '',
    ...(summary.tools.length === 0
      ? [md(l.p.none.tools)]
      : table(
          [h.tool, h.lever, h.values, h.initiators, h.beneficiaries, h.quotes].map(md),
          summary.tools.map((t) => [
            md(t.label),
            md(l.lever(t.lever)),
            md(l.values(t.values)),
            md(l.actors(t.initiators)),
            md(l.actors(t.beneficiaries)),
            t.quotes.map((q) => l.quoted(md(q))).join('<br>') || '—',
          ]),
        )),
    '',
    `## ${md(h.values)}`,
    '',
    ...valueTable(l, summary.values),
    `## ${md(h.matrix)}`,
    '',
    ...matrixTable(l, summary.values, summary.valueMatrix),
    '',
    `## ${md(h.levers)}`,
    '',
    ...leverReadingLines(l, summary.leverReading),
    '',
    l.labelled(`**${md(h.leverBalance)}**`, md(l.balance(summary.leverReading))),
    '',
    `## ${md(h.facets)}`,
    '',
    ...(['opportunity', 'threat', 'resource'] as const).flatMap((facet) => {
      const key = facet === 'opportunity' ? 'opportunities' : facet === 'threat' ? 'threats' : 'resources';
      return [`### ${md(l.p.facets[facet])}`, '', ...bulletsOrNone(summary.facets[key], l.p.none[facet]), ''];
    }),
    `## ${md(h.gaps)}`,
    '',
    item(h.valueGaps, l.values(summary.gaps.values)),
    item(h.leverGaps, summary.gaps.levers.map((id) => l.p.levers[id]).join(', ') || '—'),
    '',
    `## ${md(h.nextQuestions)}`,
    '',
    ...bulletsOrNone(summary.nextQuestions, l.p.none.nextQuestions),
    '',
    `## ${md(h.nextSteps)}`,
    '',
    ...bulletsOrNone(summary.nextSteps, l.p.none.nextSteps),
    '',
  ];
  const corrections = correctionLines(summary);
  if (corrections.length > 0) out.push(`## ${md(h.corrections)}`, '', ...bullets(corrections), '');
  out.push(`## ${md(h.themes)}`, '');
  const answers = answersInOrder(summary);
  if (answers.length === 0) out.push(md(l.p.none.answers), '');
  let section = '';
  for (const answer of answers) {
    if (answer.section !== section) {
      section = answer.section;
      out.push(`### ${md(l.theme(section))}`, '');
    }
    const amended = answer.amended ? ` _(${md(h.amended)})_` : '';
    out.push(`**${md(answer.question || h.question)}**${amended}`, '', ...quotedParagraphs(answer.text), '');
  }
  if (summary.declined.length > 0) {
    out.push(
      `## ${md(h.declined)}`,
      '',
      ...bullets(summary.declined.map((d) => d.question || d.questionId || '')),
      '',
    );
  }
  if (summary.covered.length > 0)
    out.push(
      `## ${md(h.covered)}`,
      '',
      ...bullets(summary.covered.map((c) => c.question || c.questionId)),
      '',
    );
  return `${out.join('\n')}\n`;
}

/** Several interviews: tools table with interview references, value counts, matrix, lever balance per interview. */
export function renderStudyMarkdown(study: Study, lang: Language): string {
  const l = labels(lang);
  const { h } = l;
  const out: string[] = [
    `# ${md(h.studyTitle)}`,
    '',
    `## ${md(h.interviews)}`,
    '',
    ...table(
      ['', h.interview, h.profile, h.language, h.completedAt].map(md),
      study.interviews.map((i) => [
        md(i.ref),
        md(i.id),
        md(l.p.profiles[i.profile]),
        md(l.p.languages[i.language]),
        md(l.dateTime(i.completedAt)),
      ]),
    ),
    '',
    `## ${md(h.tools)}`,
    '',
    ...(study.tools.length === 0
      ? [md(l.p.none.tools)]
      : table(
          [h.tool, h.lever, h.values, h.initiators, h.beneficiaries, h.interviewRefs, h.quotes].map(md),
          study.tools.map((t) => [
            md(t.label),
            md(l.lever(t.lever)),
            md(l.values(t.values)),
            md(l.actors(t.initiators)),
            md(l.actors(t.beneficiaries)),
            md(t.interviews.join(', ')),
            t.quotes.map((q) => l.labelled(md(q.interview), l.quoted(md(q.text)))).join('<br>') || '—',
          ]),
        )),
    '',
    `## ${md(h.values)}`,
    '',
    ...valueTable(l, study.values),
    `## ${md(h.matrix)}`,
    '',
    ...matrixTable(l, study.values, study.valueMatrix),
    '',
    `## ${md(h.levers)}`,
    '',
    ...leverCountLines(l, study.levers),
    '',
    `## ${md(h.perInterview)}`,
    '',
    ...table(
      ['', ...LEVER_IDS.map((id) => l.p.levers[id]), h.leverBalance].map(md),
      study.interviews.map((i) => [
        md(i.ref),
        ...LEVER_IDS.map((id) => l.number(i.levers[id].count)),
        md(l.balance(i.leverReading)),
      ]),
    ),
  ];
  return `${out.join('\n')}\n`;
}

/** An answer as a block quote, its paragraphs kept apart (an answer pasted in two paragraphs reads as two). */
function quotedParagraphs(text: string): string[] {
  const paragraphs = text
    .split(/\n\s*\n/u)
    .map((paragraph) => md(paragraph))
    .filter((paragraph) => paragraph !== '');
  return (paragraphs.length > 0 ? paragraphs : ['']).flatMap((paragraph, i) =>
    i === 0 ? [`> ${paragraph}`] : ['>', `> ${paragraph}`],
  );
}
