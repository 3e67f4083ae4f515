import * as AC from 'adaptivecards/dist/adaptivecards.js';
import { describe, expect, it } from 'vitest';
import {
  buildStudy,
  buildSummary,
  renderSummary,
  Summary,
  summaryPrompts,
} from '../../src/core/summary/index.js';
import {
  CARD_BYTE_BUDGET,
  renderCard,
  renderCsv,
  renderHtml,
  renderMarkdown,
  renderStudyMarkdown,
} from '../../src/export/index.js';
import {
  englishInterview,
  frenchInterview,
  HOSTILE,
  hostileInterview,
  longInterview,
  metaFor,
  TurnLog,
} from '../summary/helpers.js';
import { parseCsv } from './helpers.js';

const fr = frenchInterview();
const en = englishInterview();
const frSummary = buildSummary(fr.meta, fr.turns);
const enSummary = buildSummary(en.meta, en.turns);
const hostile = hostileInterview();
// Escaping is checked on the text exactly as typed: pseudonymisation must not be what makes it inert.
const hostileSummary = buildSummary(hostile.meta, hostile.turns, { raw: true });

function parseCard(card: unknown) {
  const adaptive = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  adaptive.parse(card, context);
  return { adaptive, errors: context.eventCount };
}

function textRuns(card: unknown): string[] {
  const runs: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'TextRun' && typeof record.text === 'string') runs.push(record.text);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return runs;
}

describe('Markdown', () => {
  it('shows the tools table, matrix and lever balance in French and English', () => {
    const md = renderMarkdown(frSummary);
    expect(md).toMatch(/^# Synthèse de l'entretien/);
    expect(md).toContain('| Outil | Levier | Formes de valeur | Initiateurs | Bénéficiaires | Verbatims |');
    expect(md).toContain(
      '| ERP | Chaîne de valeur | Fonctionnelle, Socialisation | experts-comptables | fournisseurs |',
    );
    expect(md).toContain("## Matrice d'interaction des valeurs");
    expect(md).toContain('Retiré (valeur)\u00a0: Sécurité');
    const english = renderMarkdown(enSummary);
    expect(english).toContain(
      '**Lever balance**: unbalanced: Products and markets missing; Clusters and networks, Value chain only weakly evidenced',
    );
  });

  it('renders hostile answers as inert text', () => {
    const md = renderMarkdown(hostileSummary);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('**gras**');
    expect(md).not.toContain('[clic](');
    expect(md).toContain('\\# Titre \\*\\*gras\\*\\* &lt;script&gt;');
    expect(md.split('\n').filter((line) => line.startsWith('# '))).toHaveLength(1);
  });

  it('keeps the paragraphs of an answer pasted in several, each in the quote', () => {
    const log = new TurnLog('itv-paragraphs', 'en');
    log.qa(
      'meaning',
      'meaning.main',
      'What does it mean?',
      'We went online in 2020.\n\nSpeaking of which, # not a title.',
    );
    const md = renderMarkdown(buildSummary(metaFor(log.interviewId, 'en'), log.turns));
    expect(md).toContain('> We went online in 2020.\n>\n> Speaking of which, \\# not a title.');
  });
});

/** An interview whose one answer names no tool, value, lever or facet: every section of its summary is empty. */
function emptyInterview(lang: 'fr' | 'en') {
  const log = new TurnLog(`itv-empty-${lang}`, lang);
  log.qa(
    'presentation',
    'presentation.company',
    lang === 'fr' ? 'Présentez votre entreprise.' : 'Tell me about your company.',
    lang === 'fr' ? 'Une boulangerie de quartier.' : 'A small bakery.',
  );
  return buildSummary(metaFor(`itv-empty-${lang}`, lang), log.turns);
}

describe('empty sections', () => {
  const french = emptyInterview('fr');

  it('say none in French agreeing with each section, in Markdown', () => {
    const md = renderMarkdown(french);
    expect(md).toContain('## Outils et dispositifs\n\naucun outil relevé\n\n## ');
    expect(md).toContain("## Matrice d'interaction des valeurs\n\naucune forme de valeur relevée\n");
    expect(md).toContain('### Opportunités\n\n- aucune opportunité relevée\n');
    expect(md).toContain('### Menaces\n\n- aucune menace relevée\n');
    expect(md).toContain('### Ressources nécessaires\n\n- aucune ressource relevée\n');
    expect(md).not.toMatch(/\baucun\n/);
  });

  it('say none in French agreeing with each section, in HTML and the card', () => {
    const html = renderHtml(french);
    expect(html).toContain('<h2>Outils et dispositifs</h2><p>aucun outil relevé</p>');
    expect(html).toContain('<h3>Opportunités</h3><p>aucune opportunité relevée</p>');
    expect(html).toContain('<h3>Ressources nécessaires</h3><p>aucune ressource relevée</p>');
    expect(html).not.toMatch(/>aucun</);
    expect(JSON.stringify(renderCard(french))).toContain('"text":"aucun outil relevé"');
  });

  it('say none in English', () => {
    const md = renderMarkdown(emptyInterview('en'));
    expect(md).toContain('## Tools and schemes\n\nnone noted\n\n## ');
    expect(md).toContain('### Opportunities\n\n- none noted\n');
  });
});

describe('HTML', () => {
  const html = renderHtml(frSummary);
  it('is one standalone page: inline CSS, no script, no external resource, print styles', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('draws the matrix as a heatmap table and the levers as an SVG bar chart', () => {
    expect(html).toMatch(
      /<table class="heat">.*<th scope="row">Fonctionnelle<\/th><td style="background:rgb\(/s,
    );
    const svg = html.match(/<svg[^>]*>(.*?)<\/svg>/s)?.[1] ?? '';
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('Clusters et réseaux');
  });

  it('escapes hostile answers', () => {
    const page = renderHtml(hostileSummary);
    expect(page).not.toMatch(/<script|<img|<b>piégée/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });
});

describe('Adaptive Card', () => {
  it('parses with the Adaptive Cards library without errors, French and English labels', () => {
    for (const [summary, title] of [
      [frSummary, summaryPrompts('fr').headings.title],
      [enSummary, summaryPrompts('en').headings.title],
    ] as const) {
      const card = renderCard(summary);
      expect(card.version).toBe('1.5');
      const { adaptive, errors } = parseCard(card);
      expect(errors).toBe(0);
      expect(adaptive.getItemCount()).toBeGreaterThan(5);
      expect(JSON.stringify(card)).toContain(title);
    }
  });

  it('stays under the Teams size limit for a long interview, saying the full summary is on the dashboard', () => {
    const long = longInterview(60);
    const summary = buildSummary(long.meta, long.turns);
    const full = renderMarkdown(summary);
    expect(Buffer.byteLength(full)).toBeGreaterThan(28 * 1024);
    const card = renderCard(summary, 'en', { dashboardUrl: 'https://bot.example/dashboard' });
    const size = Buffer.byteLength(JSON.stringify(card));
    expect(size).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
    expect(size).toBeLessThan(28 * 1024);
    expect(JSON.stringify(card)).toContain(summaryPrompts('en').headings.fullOnDashboard);
    expect(textRuns(card).some((t) => t.endsWith('…'))).toBe(true);
    expect(parseCard(card).errors).toBe(0);
  });

  it('keeps hostile text inside TextRuns (never Markdown) and adds no action', () => {
    const card = renderCard(hostileSummary);
    expect(card.actions).toBeUndefined();
    expect(textRuns(card)).toContain(HOSTILE);
    const { adaptive, errors } = parseCard(card);
    expect(errors).toBe(0);
    expect(adaptive.getActionCount()).toBe(0);
    const blocks = JSON.stringify(card.body);
    expect(blocks).not.toMatch(/"type":"TextBlock","text":"[^"]*(script|HYPERLINK)/);
  });
});

describe('CSV', () => {
  it('has one coded segment per row with character offsets into the answer', () => {
    const csv = renderCsv([frSummary]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [head, ...rows] = parseCsv(csv);
    expect(head).toEqual([
      'interview',
      'theme',
      'question',
      'quote',
      'code_type',
      'code',
      'start',
      'end',
      'answer',
    ]);
    const erp = rows.find((r) => r[4] === 'tool' && r[5] === 'erp');
    expect(erp?.slice(0, 4)).toEqual([fr.meta.id, 'tools', 'Quels outils avez-vous mis en place ?', 'ERP']);
    const answers = frSummary.themes.flatMap((t) => t.answers);
    for (const row of rows) {
      const answer = answers.find((a) => a.question === row[2]);
      if (!answer) continue;
      expect(Array.from(answer.text).slice(Number(row[6]), Number(row[7])).join('')).toBe(row[3]);
    }
    expect(rows.filter((r) => r[4] === 'beneficiary').map((r) => r[5])).toEqual(['suppliers', 'clients']);
  });

  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    const csv = renderCsv([hostileSummary]);
    const [, ...rows] = parseCsv(csv);
    const formula = rows.find((r) => r[4] === 'value');
    expect(formula?.[3]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('starts with a UTF-8 byte order mark, so Excel shows accents as typed', () => {
    const bytes = Buffer.from(renderCsv([frSummary]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^interview,theme,question,quote,/);
    expect(new TextDecoder('utf-8').decode(bytes)).toContain('Quels outils avez-vous mis en place ?');
  });

  it('separates fields with semicolons for Excel set to French, quoting cells that hold one', () => {
    const log = new TurnLog('itv-csv-fr', 'fr');
    const answer = 'On a un ERP ; les salariés saisissent moins, et les clients sont contents.';
    log.qa('tools', 'tools.adopted', 'Quels outils ; pour qui ?', answer, {
      tools: [['erp', 'ERP']],
      actors: [['employees', 'beneficiary', 'les salariés saisissent moins, et']],
    });
    const summary = buildSummary(metaFor('itv-csv-fr', 'fr'), log.turns);
    const csv = renderCsv([summary], ';');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFinterview;theme;question;quote;code_type;code;start;end;answer');
    expect(csv).toContain('"Quels outils ; pour qui ?"');
    // A comma alone needs no quotes once the separator is the semicolon.
    expect(csv).toContain(';les salariés saisissent moins, et;beneficiary;employees;');
    const rows = parseCsv(csv, ';');
    expect(rows.slice(1).map((r) => [r[2], r[3], r[5]])).toContainEqual([
      'Quels outils ; pour qui ?',
      'ERP',
      'erp',
    ]);
    const hostile = parseCsv(renderCsv([hostileSummary], ';'), ';');
    for (const row of hostile) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('JSON', () => {
  it('is the summary itself, schema-valid, with hostile text kept as plain strings', () => {
    const body = renderSummary(hostileSummary, 'json').body;
    const parsed = Summary.parse(JSON.parse(String(body)));
    expect(parsed.themes.find((t) => t.id === 'tools')?.answers[0]?.text).toBe(HOSTILE);
  });
});

describe('study', () => {
  it('shows the tools table with interview references, the matrix and the lever balance per interview', () => {
    const study = buildStudy([frSummary, enSummary], 'en');
    expect(study.interviews.map((i) => i.ref)).toEqual(['I1', 'I2']);
    expect(study.values.localization.count).toBe(
      frSummary.values.localization.count + enSummary.values.localization.count,
    );
    expect(study.valueMatrix.functional.socialization).toBe(1);
    const md = renderStudyMarkdown(study, 'en');
    expect(md).toContain('| Tool | Lever | Value forms | Initiators | Beneficiaries | Interviews | Quotes |');
    expect(md).toMatch(/\| ERP \| Value chain \| .* \| I1 \|/);
    expect(md).toMatch(/\| Videoconference \| Clusters and networks \| .* \| I2 \|/);
    expect(md).toContain('## Value interaction matrix');
    expect(md).toContain(
      '| I2 | 1 | 0 | 1 | unbalanced: Products and markets missing; Clusters and networks, Value chain only weakly evidenced |',
    );
    expect(md).toContain(
      '| I1 | 1 | 1 | 1 | fragile: Clusters and networks, Products and markets, Value chain only weakly evidenced |',
    );
  });
});
