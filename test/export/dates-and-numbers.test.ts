import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStudy, buildSummary } from '../../src/core/summary/index.js';
import { renderHtml, renderMarkdown, renderStudy, renderSummary } from '../../src/export/index.js';
import { englishInterview, frenchInterview } from '../summary/helpers.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

// Started 10:00 and completed 11:00 UTC: 11:00 and noon in Paris, where these exports are read.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('dates and numbers in the exports people read', () => {
  const french = frenchInterview();
  const english = englishInterview();

  it('writes when a French interview started and ended as French readers write a date and time', () => {
    const summary = buildSummary(french.meta, french.turns);
    const md = renderMarkdown(summary);
    expect(md).toContain(`- Début${NBSP}: 4 mars 2025 à 11:00 UTC+1`);
    expect(md).toContain(`- Fin${NBSP}: 4 mars 2025 à 12:00 UTC+1`);
    const html = renderHtml(summary);
    expect(html).toContain('<dd>4 mars 2025 à 11:00 UTC+1</dd>');
    for (const text of [md, html]) expect(text).not.toContain('2025-03-04T');
  });

  it('writes them the English way in English, also for a French interview read in English', () => {
    const md = renderMarkdown(buildSummary(english.meta, english.turns));
    expect(md).toContain('- Started: 4 March 2025 at 11:00 CET');
    expect(md).toContain('- Completed: 4 March 2025 at 12:00 CET');
    const asked = renderMarkdown(buildSummary(french.meta, french.turns, { lang: 'en' }), 'en');
    expect(asked).toContain('- Started: 4 March 2025 at 11:00 CET');
    expect(asked).not.toContain('2025-03-04T');
  });

  it('writes the study’s dates and counts with the language’s separators', () => {
    const one = buildSummary(french.meta, french.turns);
    // Five hundred times the same interview: counts of a thousand and more in the study's tables.
    const study = buildStudy(
      Array.from({ length: 500 }, () => one),
      'fr',
    );
    const fr = renderStudy(study, 'md', 'fr').body as string;
    expect(fr).toContain('| 4 mars 2025 à 12:00 UTC+1 |');
    expect(fr).toMatch(new RegExp(`\\| Fonctionnelle \\| 1${NNBSP}000 \\|`));
    expect(fr).not.toContain('| 1000 |');
    const en = renderStudy(
      buildStudy(
        Array.from({ length: 500 }, () => one),
        'en',
      ),
      'md',
      'en',
    ).body as string;
    expect(en).toContain('| 4 March 2025 at 12:00 CET |');
    expect(en).toMatch(/\| Functional \| 1,000 \|/);
  });

  it('keeps machine formats as machines read them: ISO timestamps and plain digits', () => {
    const summary = buildSummary(french.meta, french.turns);
    const json = renderSummary(summary, 'json').body as string;
    expect(json).toContain('"startedAt": "2025-03-04T10:00:00.000Z"');
    const study = buildStudy(
      Array.from({ length: 500 }, () => summary),
      'fr',
    );
    const studyJson = JSON.parse(renderStudy(study, 'json', 'fr').body as string);
    expect(studyJson.values.functional.count).toBe(1000);
    expect(studyJson.interviews[0].completedAt).toBe('2025-03-04T11:00:00.000Z');
  });
});
