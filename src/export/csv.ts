import type { Summary } from '../core/summary/schema.js';
import { codedSegments, codePointOffset } from './segments.js';
import { labels } from './view.js';

/**
 * The columns, documented in the README (Summary and exports). New columns go at the end, so scripts reading
 * them by position keep working: `answer` is the seq of the answer a row codes (the summary JSON's `seq` of that
 * answer), or of the closing review's reply.
 */
export const CSV_COLUMNS = [
  'interview',
  'theme',
  'question',
  'quote',
  'code_type',
  'code',
  'start',
  'end',
  'answer',
] as const;

/**
 * `,` by default, as R, pandas and QualCoder read CSV; `;` for Excel set to French (and the other
 * languages whose list separator it is), which opens a file on double-click split on `;` only.
 */
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/**
 * Excel reads a CSV file as UTF-8 only when it starts with a byte order mark (else "salariés" shows as
 * "salariÃ©s"); readr, pandas, data.table and base R in a UTF-8 locale drop it.
 */
const UTF8_BOM = '\uFEFF';

/** Cells a spreadsheet would run as a formula get a leading apostrophe. */
function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: fields holding the separator, a quote or a line break are quoted, quotes doubled. */
function field(cell: string, separator: CsvSeparator): string {
  const safe = neutralise(cell);
  const mustQuote = safe.includes(separator) || /["\r\n]/.test(safe);
  return mustQuote ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The respondent's replies to the closing review, after the coded segments: a researcher coding from the CSV
 * sees which codes the respondent rejected or added, and the replies the bot could not apply. The quote is
 * the reply as written; `code` is `action:target:id` (`:named` when only the brand named was removed), or
 * `unread`.
 */
function reviewRows(summary: Summary): string[][] {
  const question = labels(summary.interview.language).h.corrections;
  const row = (seq: number, text: string, codeType: string, code: string) => [
    summary.interview.id,
    'closing',
    question,
    text,
    codeType,
    code,
    '0',
    String(codePointOffset(text, text.length)),
    String(seq),
  ];
  const applied = summary.corrections.map(({ seq, correction: c, text = '' }) => ({
    seq,
    cells: row(
      seq,
      text,
      'correction',
      `${c.action}:${c.target}:${c.id}${c.target === 'tool' && c.scope ? `:${c.scope}` : ''}`,
    ),
  }));
  const unread = summary.unreadCorrections.map(({ seq, text }) => ({
    seq,
    cells: row(seq, text, 'unread_correction', 'unread'),
  }));
  return [...applied, ...unread].sort((a, b) => a.seq - b.seq).map((r) => r.cells);
}

/**
 * One coded segment per row, then the review's replies, CRLF line ends, UTF-8 with a byte order mark.
 * `start`/`end` count characters (Unicode code points, end exclusive) into the answer text (into the reply,
 * for the review's rows), the same unit as the REFI-QDA export; `answer` is that answer's (or reply's) seq.
 */
export function renderCsv(summaries: readonly Summary[], separator: CsvSeparator = ','): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const summary of summaries) {
    for (const segment of codedSegments(summary)) {
      const text = segment.answer.text;
      rows.push([
        summary.interview.id,
        segment.answer.section,
        segment.answer.question,
        segment.evidence.text,
        segment.codeType,
        segment.code,
        String(codePointOffset(text, segment.evidence.start)),
        String(codePointOffset(text, segment.evidence.end)),
        String(segment.answer.seq),
      ]);
    }
    rows.push(...reviewRows(summary));
  }
  const lines = rows.map((row) => row.map((cell) => field(cell, separator)).join(separator));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
