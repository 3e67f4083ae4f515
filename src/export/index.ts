import type { Language } from '../core/domain.js';
import type { Summary } from '../core/summary/schema.js';
import type { Study } from '../core/summary/study.js';
import { type CardOptions, renderCard } from './card.js';
import { type CsvSeparator, renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderMarkdown, renderStudyMarkdown } from './markdown.js';
import { renderQdpx } from './qdpx.js';

export { CARD_BYTE_BUDGET, type CardOptions, renderCard } from './card.js';
export { CSV_COLUMNS, CSV_SEPARATORS, type CsvSeparator, renderCsv } from './csv.js';
export { escapeHtml, escapeMarkdown, escapeXml } from './escape.js';
export { renderHtml } from './html.js';
export { renderMarkdown, renderStudyMarkdown } from './markdown.js';
export { buildQdpxProject, buildSourceText, renderQdpx, stableGuid } from './qdpx.js';

export const SUMMARY_FORMATS = ['json', 'md', 'html', 'card', 'csv', 'qdpx'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];
export const STUDY_FORMATS = ['md', 'json', 'csv', 'qdpx'] as const;
export type StudyFormat = (typeof STUDY_FORMATS)[number];

export interface Rendered {
  contentType: string;
  /** File extension without the dot, for downloads and default file names. */
  extension: string;
  body: string | Uint8Array;
}

export interface RenderOptions extends CardOptions {
  /** Timestamp written into the REFI-QDA project (defaults to now). */
  createdAt?: string;
  /** Field separator of the CSV export (`,` unless given). */
  csvSeparator?: CsvSeparator;
}

/** One interview's summary in any of the formats the dashboard and the CLI offer. */
export function renderSummary(
  summary: Summary,
  format: SummaryFormat,
  lang: Language = summary.interview.language,
  options: RenderOptions = {},
): Rendered {
  switch (format) {
    case 'json':
      return {
        contentType: 'application/json; charset=utf-8',
        extension: 'json',
        body: `${JSON.stringify(summary, null, 2)}\n`,
      };
    case 'md':
      return {
        contentType: 'text/markdown; charset=utf-8',
        extension: 'md',
        body: renderMarkdown(summary, lang),
      };
    case 'html':
      return { contentType: 'text/html; charset=utf-8', extension: 'html', body: renderHtml(summary, lang) };
    case 'card':
      return {
        contentType: 'application/vnd.microsoft.card.adaptive+json; charset=utf-8',
        extension: 'card.json',
        body: `${JSON.stringify(renderCard(summary, lang, options), null, 2)}\n`,
      };
    case 'csv':
      return {
        contentType: 'text/csv; charset=utf-8',
        extension: 'csv',
        body: renderCsv([summary], options.csvSeparator),
      };
    case 'qdpx':
      return {
        contentType: 'application/zip',
        extension: 'qdpx',
        body: renderQdpx([summary], lang, options.createdAt),
      };
  }
}

/** Several interviews together (study view, multi-transcript analysis). */
export function renderStudy(
  study: Study,
  format: StudyFormat,
  lang: Language,
  options: RenderOptions = {},
): Rendered {
  switch (format) {
    case 'json': {
      const { summaries: _summaries, ...table } = study;
      return {
        contentType: 'application/json; charset=utf-8',
        extension: 'json',
        body: `${JSON.stringify(table, null, 2)}\n`,
      };
    }
    case 'md':
      return {
        contentType: 'text/markdown; charset=utf-8',
        extension: 'md',
        body: renderStudyMarkdown(study, lang),
      };
    case 'csv':
      return {
        contentType: 'text/csv; charset=utf-8',
        extension: 'csv',
        body: renderCsv(study.summaries, options.csvSeparator),
      };
    case 'qdpx':
      return {
        contentType: 'application/zip',
        extension: 'qdpx',
        body: renderQdpx(study.summaries, lang, options.createdAt),
      };
  }
}
