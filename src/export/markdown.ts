import { type Language, LEVER_IDS } from '../core/domain.js';
import type { Summary } from '../core/summary/schema.js';
import type { Study } from '../core/summary/study.js';
import { escapeMarkdown as md } from './escape.js';
import { answersInOrder } from './segments.js';
import { type Labels, labels, matrixValues, VALUE_GROUPS } from './view.js';

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function matrixTable(l: Labels, values: Summary['values'], matrix: Summary['valueMatrix']): string[] {
  const ids = matrixValues(values);
  if (ids.length === 0) return [md(l.p.headings.none)];
  return table(
    ['', ...ids.map((id) => md(l.value(id)))],
    ids.map((a) => [`**${md(l.value(a))}**`, ...ids.map((b) => String(matrix[a][b]))]),
  );
}

function valueTable(l: Labels, values: Summary['values']): string[] {
  return VALUE_GROUPS.flatMap((group) => [
    `### ${md(l.p.headings[group.key])}`,
    '',
    ...table(
      [md(l.p.headings.values), md(l.p.headings.count)],
      group.ids.map((id) => [md(l.value(id)), String(values[id].count)]),
    ),
    '',
  ]);
}

function leverLines(l: Labels, levers: Summary['levers']): string[] {
  return LEVER_IDS.map((id) => `- ${md(l.p.levers[id])} : ${levers[id].count}`);
}

function bullets(items: readonly string[], none: string): string[] {
  return items.length === 0 ? [`- ${md(none)}`] : items.map((item) => `- ${md(item)}`);
}

/** The summary as Markdown; every piece of respondent text is escaped so it renders as plain text. */
export function renderMarkdown(summary: Summary, lang: Language = summary.interview.language): string {
  const l = labels(lang);
  const h = l.p.headings;
  const i = summary.interview;
  const out: string[] = [
    `# ${md(h.title)}`,
    '',
    `- ${md(h.interview)} : ${md(i.id)}`,
    `- ${md(h.language)} : ${md(l.p.languages[i.language])}`,
    `- ${md(h.profile)} : ${md(l.p.profiles[i.profile])}`,
    `- ${md(h.status)} : ${md(l.p.statuses[i.status])}`,
    `- ${md(h.startedAt)} : ${md(i.startedAt)}`,
    `- ${md(h.completedAt)} : ${md(i.completedAt ?? '—')}`,
    '',
    `## ${md(h.respondent)}`,
    '',
    `- ${md(summary.respondent.pseudonym)} (${md(l.p.profiles[summary.respondent.profile])})`,
    `- ${md(h.headcount)} : ${summary.respondent.headcount ?? '—'}`,
    `- ${md(h.actorsMentioned)} : ${md(l.actors(summary.respondent.actorsMentioned))}`,
    '',
    `## ${md(h.tools)}`,
    '',
    ...(summary.tools.length === 0
      ? [md(h.none)]
      : table(
          [h.tool, h.lever, h.values, h.initiators, h.beneficiaries, h.quotes].map(md),
          summary.tools.map((t) => [
            md(t.label),
            md(l.lever(t.lever)),
            md(l.values(t.values)),
            md(l.actors(t.initiators)),
            md(l.actors(t.beneficiaries)),
            t.quotes.map((q) => `« ${md(q)} »`).join('<br>') || '—',
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
    ...leverLines(l, summary.levers),
    '',
    `**${md(h.leverBalance)}** : ${md(l.balance(summary.leverBalance))}`,
    '',
    `## ${md(h.facets)}`,
    '',
    ...(['opportunity', 'threat', 'resource'] as const).flatMap((facet) => {
      const key = facet === 'opportunity' ? 'opportunities' : facet === 'threat' ? 'threats' : 'resources';
      return [`### ${md(l.p.facets[facet])}`, '', ...bullets(summary.facets[key], h.none), ''];
    }),
    `## ${md(h.gaps)}`,
    '',
    `- ${md(h.valueGaps)} : ${md(l.values(summary.gaps.values))}`,
    `- ${md(h.leverGaps)} : ${md(summary.gaps.levers.map((id) => l.p.levers[id]).join(', ') || '—')}`,
    '',
    `## ${md(h.nextQuestions)}`,
    '',
    ...bullets(summary.nextQuestions, h.none),
    '',
    `## ${md(h.nextSteps)}`,
    '',
    ...bullets(summary.nextSteps, h.none),
    '',
  ];
  if (summary.corrections.length > 0) {
    out.push(
      `## ${md(h.corrections)}`,
      '',
      ...bullets(
        summary.corrections.map((c) => c.description),
        h.none,
      ),
      '',
    );
  }
  out.push(`## ${md(h.themes)}`, '');
  let section = '';
  for (const answer of answersInOrder(summary)) {
    if (answer.section !== section) {
      section = answer.section;
      out.push(`### ${md(l.theme(section))}`, '');
    }
    const amended = answer.amended ? ` _(${md(h.amended)})_` : '';
    out.push(`**${md(answer.question || h.question)}**${amended}`, '', `> ${md(answer.text)}`, '');
  }
  if (summary.declined.length > 0) {
    out.push(
      `## ${md(h.declined)}`,
      '',
      ...bullets(
        summary.declined.map((d) => d.question || d.questionId || ''),
        h.none,
      ),
      '',
    );
  }
  return `${out.join('\n')}\n`;
}

/** Several interviews: tools table with interview references, value counts, matrix, lever balance per company. */
export function renderStudyMarkdown(study: Study, lang: Language): string {
  const l = labels(lang);
  const h = l.p.headings;
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
        md(i.completedAt ?? '—'),
      ]),
    ),
    '',
    `## ${md(h.tools)}`,
    '',
    ...(study.tools.length === 0
      ? [md(h.none)]
      : table(
          [h.tool, h.lever, h.values, h.initiators, h.beneficiaries, h.interviewRefs, h.quotes].map(md),
          study.tools.map((t) => [
            md(t.label),
            md(l.lever(t.lever)),
            md(l.values(t.values)),
            md(l.actors(t.initiators)),
            md(l.actors(t.beneficiaries)),
            md(t.interviews.join(', ')),
            t.quotes.map((q) => `${md(q.interview)} : « ${md(q.text)} »`).join('<br>') || '—',
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
    ...leverLines(l, study.levers),
    '',
    `## ${md(h.perCompany)}`,
    '',
    ...table(
      ['', ...LEVER_IDS.map((id) => l.p.levers[id]), h.leverBalance].map(md),
      study.interviews.map((i) => [
        md(i.ref),
        ...LEVER_IDS.map((id) => String(i.levers[id].count)),
        md(l.balance(i.leverBalance)),
      ]),
    ),
  ];
  return `${out.join('\n')}\n`;
}
