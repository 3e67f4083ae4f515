import type { Summary } from '../core/summary/schema.js';
import { codedSegments, codePointOffset } from './segments.js';

export const CSV_COLUMNS = [
  'interview',
  'theme',
  'question',
  'quote',
  'code_type',
  'code',
  'start',
  'end',
] as const;

/** Cells a spreadsheet would run as a formula get a leading apostrophe. */
function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: fields holding a comma, quote or line break are quoted, quotes doubled. */
function field(cell: string): string {
  const safe = neutralise(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * One coded segment per row, CRLF line ends. `start`/`end` count characters (Unicode code points,
 * end exclusive) into the answer text, the same unit as the REFI-QDA export.
 */
export function renderCsv(summaries: readonly Summary[]): string {
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
      ]);
    }
  }
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
