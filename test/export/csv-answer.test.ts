import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../src/core/summary/index.js';
import { CSV_COLUMNS, renderCsv } from '../../src/export/csv.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { frenchInterview, metaFor, TurnLog } from '../summary/helpers.js';
import { parseCsv } from './helpers.js';

const OLD_COLUMNS = ['interview', 'theme', 'question', 'quote', 'code_type', 'code', 'start', 'end'];

describe.each([
  {
    lang: 'fr' as const,
    question: 'Quels outils utilisez-vous ?',
    first: 'On a un ERP.',
    second: 'Et aussi un ERP de production, un ERP.',
    review: "ajoute l'outil CRM",
    unread: 'la deuxième ligne est fausse',
  },
  {
    lang: 'en' as const,
    question: 'Which tools do you use?',
    first: 'We have an ERP.',
    second: 'And a production ERP too, an ERP.',
    review: 'add tool CRM',
    unread: 'the second line is wrong',
  },
])('each CSV row says which answer it codes ($lang)', (c) => {
  function twoAnswers() {
    const log = new TurnLog(`itv-csv-answer-${c.lang}`, c.lang);
    const first = log.qa('tools', 'tools.acquired', c.question, c.first, { tools: [['erp', 'ERP']] });
    const second = log.answer('tools', 'tools.acquired', c.second, { tools: [['erp', 'ERP']] });
    return { log, first, second };
  }

  it('adds the answer column at the end, the earlier columns where they were', () => {
    const { log } = twoAnswers();
    const [head] = parseCsv(renderCsv([buildSummary(metaFor(log.interviewId, c.lang), log.turns)]));
    expect(head?.slice(0, OLD_COLUMNS.length)).toEqual(OLD_COLUMNS);
    expect(head).toEqual([...OLD_COLUMNS, 'answer']);
    expect(head).toEqual([...CSV_COLUMNS]);
  });

  it("tells apart two answers to one question by the answer's seq, as the summary JSON has it", () => {
    const { log, first, second } = twoAnswers();
    const summary = buildSummary(metaFor(log.interviewId, c.lang), log.turns);
    const answers = summary.themes.flatMap((t) => t.answers);
    expect(answers.map((a) => a.seq)).toEqual([first, second]);
    const rows = parseCsv(renderCsv([summary])).slice(1);
    const answerColumn = CSV_COLUMNS.indexOf('answer');
    const erpRows = rows.filter((row) => row[4] === 'tool' && row[5] === 'erp');
    expect(erpRows.map((row) => [row[2], row[3], row[answerColumn]])).toEqual([
      [c.question, 'ERP', String(first)],
      [c.question, 'ERP', String(second)],
    ]);
    // Every row's quote is at its start and end in the answer its `answer` names.
    for (const row of rows) {
      const answer = answers.find((a) => String(a.seq) === row[answerColumn]);
      expect(answer, row.join(',')).toBeDefined();
      expect(
        Array.from(answer?.text ?? '')
          .slice(Number(row[6]), Number(row[7]))
          .join(''),
      ).toBe(row[3]);
    }
  });

  it("gives each closing review reply's row that reply's seq", () => {
    const { log } = twoAnswers();
    log.correct({ action: 'add', target: 'tool', id: 'crm', said: 'CRM' }, c.review);
    const summary = buildSummary(metaFor(log.interviewId, c.lang), log.turns);
    const rows = parseCsv(renderCsv([summary])).slice(1);
    const reviewRows = rows.filter((row) => row[4] === 'correction');
    expect(reviewRows.map((row) => [row[3], row[5], row[8]])).toEqual([
      [c.review, 'add:tool:crm', String(summary.corrections[0]?.seq)],
    ]);
  });
});

describe('the answer column of a whole interview', () => {
  it('holds the seq of an amended answer as the summary JSON does, and of unread review replies', () => {
    const { meta, turns } = frenchInterview();
    const unreadSeq = turns.length + 1;
    turns.push({
      interviewId: meta.id,
      seq: unreadSeq,
      at: '2025-03-04T10:59:00.000Z',
      kind: 'answer',
      section: 'closing',
      questionId: 'closing.review',
      text: 'la deuxième ligne est fausse',
      tags: null,
      refSeq: null,
      data: { review: 'unread' },
    });
    const summary = buildSummary(meta, turns);
    const rows = parseCsv(renderCsv([summary])).slice(1);
    const amended = summary.themes.flatMap((t) => t.answers).find((a) => a.amended);
    expect(amended).toBeDefined();
    const site = rows.find((row) => row[5] === 'ecommerce_website');
    expect(site?.[8]).toBe(String(amended?.seq));
    expect(summary.unreadCorrections.map((u) => u.seq)).toEqual([unreadSeq]);
    const unread = rows.find((row) => row[4] === 'unread_correction');
    expect(unread?.[8]).toBe(String(unreadSeq));
    for (const row of rows) expect(row[8]).toMatch(/^[1-9]\d*$/);
  });
});

describe('README', () => {
  it('documents every CSV column', () => {
    const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| CSV column |'));
    expect(table.length).toBeLessThan(readme.length);
    const documented = [...(table.split('\n\n')[0] ?? '').matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual([...CSV_COLUMNS]);
  });
});
