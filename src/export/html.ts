import { type Language, LEVER_IDS } from '../core/domain.js';
import type { Summary } from '../core/summary/schema.js';
import { escapeHtml as e } from './escape.js';
import { answersInOrder } from './segments.js';
import { correctionLines, type Labels, labels, matrixValues, VALUE_GROUPS } from './view.js';

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;border-bottom:2px solid #2b5797;padding-bottom:.3rem}h2{font-size:1.2rem;color:#2b5797;margin-top:2rem}
h3{font-size:1rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f8}td.n{text-align:right}.heat td{text-align:center;min-width:2.5rem}blockquote{margin:.3rem 0 1rem 1rem;padding-left:.8rem;border-left:3px solid #c8c8c8}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}.meta dt{font-weight:600}.meta dd{margin:0}
.q{font-weight:600;margin-bottom:.2rem}.quote{font-style:italic}.tag{color:#555;font-size:.9em}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h2{break-after:avoid}table,blockquote,svg{break-inside:avoid}
th,.heat td{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

function heatColour(count: number, max: number): string {
  // White to the heading blue; text stays dark enough to read at every level.
  const alpha = max === 0 ? 0 : count / max;
  const channel = (from: number, to: number) => Math.round(from + (to - from) * alpha * 0.75);
  return `rgb(${channel(255, 43)},${channel(255, 87)},${channel(255, 151)})`;
}

function heatmap(l: Labels, values: Summary['values'], matrix: Summary['valueMatrix']): string {
  const ids = matrixValues(values);
  if (ids.length === 0) return `<p>${e(l.p.none.valueMatrix)}</p>`;
  const max = Math.max(...ids.flatMap((a) => ids.map((b) => matrix[a][b])));
  const head = ids.map((id) => `<th scope="col">${e(l.value(id))}</th>`).join('');
  const rows = ids
    .map((a) => {
      const cells = ids
        .map((b) => {
          const n = matrix[a][b];
          const colour = n / (max || 1) > 0.55 ? '#fff' : '#1b1b1b';
          return `<td style="background:${heatColour(n, max)};color:${colour}">${e(l.number(n))}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${e(l.value(a))}</th>${cells}</tr>`;
    })
    .join('');
  return `<table class="heat"><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** Bar colour by strength: well evidenced in the heading blue, weak in amber, missing in red. */
const STRENGTH_COLOURS = { strong: '#2b5797', weak: '#b9770e', missing: '#c0392b' } as const;

/** One bar per lever, as long as its number of answers, coloured and labelled by how well it is evidenced. */
function leverChart(l: Labels, levers: Summary['levers'], reading: Summary['leverReading']): string {
  const max = Math.max(1, ...LEVER_IDS.map((id) => levers[id].count));
  const rowHeight = 28;
  const labelWidth = 190;
  const barWidth = 320;
  const strengthWidth = 300;
  const bars = LEVER_IDS.map((id, index) => {
    const evidence = reading.levers[id];
    const width = Math.max(Math.round((levers[id].count / max) * barWidth), 2);
    const y = index * rowHeight;
    return (
      `<text x="0" y="${y + 18}" font-size="13">${e(l.p.levers[id])}</text>` +
      `<rect x="${labelWidth}" y="${y + 5}" width="${width}" height="18" fill="${STRENGTH_COLOURS[evidence.strength]}"/>` +
      `<text x="${labelWidth + width + 6}" y="${y + 18}" font-size="13">${e(l.leverStrength(evidence))}</text>`
    );
  }).join('');
  const height = LEVER_IDS.length * rowHeight;
  const totalWidth = labelWidth + barWidth + strengthWidth;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${e(l.h.levers)}" width="${totalWidth}" height="${height}" viewBox="0 0 ${totalWidth} ${height}" font-family="system-ui,sans-serif">${bars}</svg>`;
}

function list(items: readonly string[]): string {
  return `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
}

/** A list that may be empty says so, in its own section's words. */
function listOrNone(items: readonly string[], none: string): string {
  return items.length === 0 ? `<p>${e(none)}</p>` : list(items);
}

/** A standalone HTML page: inline CSS, no script, no external resource; prints cleanly. */
export function renderHtml(summary: Summary, lang: Language = summary.interview.language): string {
  const l = labels(lang, summary.interview.profile);
  const { h } = l;
  const i = summary.interview;
  const { respondent } = summary;
  const corrections = correctionLines(summary);
  // An expert's summary reads no headcount (build.ts): the line would only say "unknown".
  const headcountRow: [string, string][] =
    respondent.profile === 'expert' ? [] : [[h.headcount, l.headcount(respondent)]];
  const meta: [string, string][] = [
    [h.interview, i.id],
    [h.language, l.p.languages[i.language]],
    [h.profile, l.p.profiles[i.profile]],
    [h.status, l.status(i)],
    [h.startedAt, l.dateTime(i.startedAt)],
    [h.completedAt, l.dateTime(i.completedAt)],
    [h.respondent, respondent.pseudonym],
    ...headcountRow,
    [h.actorsMentioned, l.actors(respondent.actorsMentioned)],
  ];
  const tools =
    summary.tools.length === 0
      ? `<p>${e(l.p.none.tools)}</p>`
      : `<table><thead><tr>${[h.tool, h.lever, h.values, h.initiators, h.beneficiaries, h.quotes]
          .map((c) => `<th>${e(c)}</th>`)
          .join('')}</tr></thead><tbody>${summary.tools
          .map(
            (t) =>
              `<tr><td>${e(t.label)}</td><td>${e(l.lever(t.lever))}</td><td>${e(l.values(t.values))}</td><td>${e(
                l.actors(t.initiators),
              )}</td><td>${e(l.actors(t.beneficiaries))}</td><td>${t.quotes
                .map((q) => `<div class="quote">${e(l.quoted(q))}</div>`)
                .join('')}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const values = VALUE_GROUPS.map(
    (g) =>
      `<h3>${e(h[g.key])}</h3><table><tbody>${g.ids
        .map(
          (id) =>
            `<tr><th scope="row">${e(l.value(id))}</th><td class="n">${e(l.number(summary.values[id].count))}</td></tr>`,
        )
        .join('')}</tbody></table>`,
  ).join('');
  const facets = (['opportunity', 'threat', 'resource'] as const)
    .map((f) => {
      const key = f === 'opportunity' ? 'opportunities' : f === 'threat' ? 'threats' : 'resources';
      return `<h3>${e(l.p.facets[f])}</h3>${listOrNone(summary.facets[key], l.p.none[f])}`;
    })
    .join('');
  let answers = '';
  let section = '';
  for (const a of answersInOrder(summary)) {
    if (a.section !== section) {
      section = a.section;
      answers += `<h3>${e(l.theme(section))}</h3>`;
    }
    answers += `<p class="q">${e(a.question || h.question)}${a.amended ? ` <span class="tag">(${e(h.amended)})</span>` : ''}</p><blockquote>${e(a.text)}</blockquote>`;
  }
  const body = [
    `<h1>${e(h.title)}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`,
    `<h2>${e(h.tools)}</h2>${tools}`,
    `<h2>${e(h.values)}</h2>${values}`,
    `<h2>${e(h.matrix)}</h2>${heatmap(l, summary.values, summary.valueMatrix)}`,
    `<h2>${e(h.levers)}</h2>${leverChart(l, summary.levers, summary.leverReading)}<p>${l.labelled(`<strong>${e(h.leverBalance)}</strong>`, e(l.balance(summary.leverReading)))}</p>`,
    `<h2>${e(h.facets)}</h2>${facets}`,
    `<h2>${e(h.gaps)}</h2><ul><li>${l.labelled(e(h.valueGaps), e(l.values(summary.gaps.values)))}</li><li>${l.labelled(
      e(h.leverGaps),
      e(summary.gaps.levers.map((id) => l.p.levers[id]).join(', ') || '—'),
    )}</li></ul>`,
    `<h2>${e(h.nextQuestions)}</h2>${listOrNone(summary.nextQuestions, l.p.none.nextQuestions)}`,
    `<h2>${e(h.nextSteps)}</h2>${listOrNone(summary.nextSteps, l.p.none.nextSteps)}`,
    corrections.length > 0 ? `<h2>${e(h.corrections)}</h2>${list(corrections)}` : '',
    `<h2>${e(h.themes)}</h2>${answers || `<p>${e(l.p.none.answers)}</p>`}`,
    summary.declined.length > 0
      ? `<h2>${e(h.declined)}</h2>${list(summary.declined.map((d) => d.question || d.questionId || ''))}`
      : '',
    summary.covered.length > 0
      ? `<h2>${e(h.covered)}</h2>${list(summary.covered.map((c) => c.question || c.questionId))}`
      : '',
  ].join('\n');
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${e(h.title)} — ${e(i.id)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
