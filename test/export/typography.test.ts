import { describe, expect, it } from 'vitest';
import { buildSummary, renderSummary } from '../../src/core/summary/index.js';
import {
  buildSourceText,
  escapeMarkdown,
  renderCard,
  renderHtml,
  renderMarkdown,
} from '../../src/export/index.js';
import {
  englishExpertInterview,
  englishUnevenLeversInterview,
  frenchUnevenLeversInterview,
  metaFor,
  TurnLog,
} from '../summary/helpers.js';
import { unzip } from './helpers.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Every string of a parsed JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** The text a reader sees in every export of one summary (the HTML without its style sheet). */
function exportTexts(summary: ReturnType<typeof buildSummary>): Record<string, string> {
  const qdpx = unzip(renderSummary(summary, 'qdpx').body as Uint8Array);
  return {
    md: renderMarkdown(summary),
    html: renderHtml(summary).replace(/<style>.*<\/style>/s, ''),
    card: strings(renderCard(summary)).join('\n'),
    qdpxSource: [...qdpx.entries()]
      .filter(([name]) => name.startsWith('sources/'))
      .map(([, t]) => t)
      .join('\n'),
  };
}

describe('English exports use English typography', () => {
  for (const [name, interview] of [
    ['a manager', englishUnevenLeversInterview],
    ['an expert', englishExpertInterview],
  ] as const) {
    const { meta, turns } = interview();
    const summary = buildSummary(meta, turns);
    it.each(Object.entries(exportTexts(summary)))(
      `${name}: %s has no French quotes or spacing`,
      (_, text) => {
        expect(text).not.toMatch(/[«»]/);
        expect(text).not.toMatch(/[\u00a0\u202f]/);
        expect(text).not.toMatch(/ [:;!?](?=\s|$)/m);
      },
    );
  }

  it('quotes in English quotation marks and puts no space before a colon', () => {
    const { meta, turns } = englishUnevenLeversInterview();
    const md = renderMarkdown(buildSummary(meta, turns));
    expect(md).toContain('“Our ERP links the workshop with the timber suppliers.”');
    expect(md).toContain(`- Language: English`);
  });
});

describe('French exports keep French typography', () => {
  const { meta, turns } = frenchUnevenLeversInterview();
  const summary = buildSummary(meta, turns);

  it('puts a no-break space before a colon and inside « » in Markdown, HTML, the card and the QDA source', () => {
    const texts = exportTexts(summary);
    expect(texts.md).toContain(`- Langue${NBSP}: français`);
    expect(texts.md).toContain(
      `«${NBSP}Notre ERP relie les commandes des clients à l'atelier et aux fournisseurs de papier.${NBSP}»`,
    );
    expect(texts.html).toContain(`<strong>Équilibre des leviers</strong>${NBSP}: fragile`);
    expect(texts.html).toContain(`«${NBSP}Notre ERP relie`);
    expect(texts.card).toContain(`Entretien${NBSP}: ${meta.id}`);
    expect(texts.qdpxSource).toContain(`Réponse${NBSP}: Nous sommes une imprimerie`);
    for (const [format, text] of Object.entries(texts)) {
      expect(text, format).not.toMatch(/ [:;!?»]/);
      expect(text, format).not.toMatch(/« /);
    }
  });

  it('keeps the no-break spaces a French answer was typed with', () => {
    const log = new TurnLog('itv-fr-typo', 'fr');
    const answer = `Notre devise${NBSP}: «${NBSP}le client d'abord${NBSP}»${NNBSP}!`;
    log.qa('value', 'value.company', `Et la valeur${NNBSP}?`, answer);
    const md = renderMarkdown(buildSummary(metaFor('itv-fr-typo', 'fr'), log.turns));
    expect(md).toContain(`> Notre devise${NBSP}: «${NBSP}le client d'abord${NBSP}»${NNBSP}\\!`);
    expect(md).toContain(`**Et la valeur${NNBSP}?**`);
  });

  it('builds the QDA transcript with French labels and no-break spaces, offsets unchanged', () => {
    const { text, answerStarts } = buildSourceText(summary);
    const first = summary.themes[0]?.answers[0];
    expect(text.startsWith(`Question${NBSP}: `)).toBe(true);
    const start = answerStarts.get(first?.seq ?? 0) ?? -1;
    expect(text.slice(start, start + (first?.text.length ?? 0))).toBe(first?.text);
  });
});

describe('escapeMarkdown', () => {
  it('keeps the no-break spaces of French typography', () => {
    expect(escapeMarkdown(`Sécurité${NBSP}: oui${NNBSP}; «${NBSP}merci${NBSP}»`)).toBe(
      `Sécurité${NBSP}: oui${NNBSP}; «${NBSP}merci${NBSP}»`,
    );
  });

  it('still folds every line break and run of spaces, so no block can start', () => {
    expect(escapeMarkdown(`un\n${NBSP}${NBSP}${NBSP}${NBSP}# titre\r\n\t- puce`)).toBe(
      `un ${NBSP}${NBSP}${NBSP}${NBSP}\\# titre - puce`,
    );
    expect(escapeMarkdown(`${NBSP}# Titre`)).toBe('\\# Titre');
    expect(escapeMarkdown(`${NNBSP}- puce`)).toBe('\\- puce');
    expect(escapeMarkdown(`${NBSP}${NBSP}1. liste`)).toBe('1\\. liste');
    expect(escapeMarkdown(`a\u2028b\u2029c${NBSP}\nd`)).toBe(`a b c${NBSP} d`);
    expect(escapeMarkdown(`[lien](javascript:alert(1))${NBSP}<b>x</b>`)).toBe(
      `\\[lien\\](javascript:alert(1))${NBSP}&lt;b&gt;x&lt;/b&gt;`,
    );
  });
});
