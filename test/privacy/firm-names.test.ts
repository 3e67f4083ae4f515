import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Summary } from '../../src/core/summary/index.js';
import { STUDY_FORMATS, SUMMARY_FORMATS } from '../../src/export/index.js';
import { runChat, storedInterview, tempDataDir } from '../cli/chat-helpers.js';
import { cli, storeWith } from '../cli/summary-helpers.js';
import { unescapeXml, unzip } from '../export/helpers.js';
import { metaFor, TurnLog } from '../summary/helpers.js';

const work = mkdtempSync(join(tmpdir(), 'sme-firm-names-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every text a format carries, archives opened and XML read back, so a name can be looked for in it. */
function readable(path: string): string {
  const bytes = readFileSync(path);
  const text =
    bytes[0] === 0x50 && bytes[1] === 0x4b ? [...unzip(bytes).values()].join('\n') : bytes.toString();
  return unescapeXml(text);
}

/** The firm pseudonyms of a summary's answers, in the order they stand, in either language. */
function firmPseudonyms(summary: Summary): string[] {
  const texts = summary.themes.flatMap((theme) => theme.answers.map((answer) => answer.text));
  return texts.flatMap((text) =>
    [...text.matchAll(/\[(?:ENTREPRISE|COMPANY)-[0-9A-F]{6}\]/g)].map((m) => m[0]),
  );
}

const FRENCH_TRANSCRIPT = `Q: Pouvez-vous vous présenter, vous et votre entreprise ?

Je m'appelle Anne Le Floch, je dirige la menuiserie Kerguelen à Quimper, 14 salariés. Sur le papier c'est la SARL Kerguelen depuis 2009. Pour le chauffage de l'atelier on travaille avec la gérante de Le Goff Thermique.

Q: Quels outils numériques avez-vous mis en place ?

Chez Kerguelen on a un ERP et Sage pour la comptabilité, plus une page Facebook. Le Goff Thermique nous envoie ses devis par courriel, et la banque nous a poussés vers le paiement en ligne.

Q: Quelle valeur votre entreprise en retire-t-elle ?

Kerguelen gagne du temps sur les devis, et Anne suit les commandes depuis Quimper ; la CCI nous a aidés au début.
`;

const ENGLISH_TRANSCRIPT = `Q: Could you introduce yourself and your business?

I'm Tom Baxter. I run Brightwater Joinery Ltd in Leeds, twelve people; our timber comes from a family firm, Hollis & Sons.

Q: Which digital tools have you adopted?

At Brightwater we use Xero and Shopify, and Brightwater Joinery has a Facebook page. Hollis sends us its invoices by EDI.
`;

describe('analyze: a firm introduced with its trade, its legal form or its article', () => {
  const fr = join(work, 'menuiserie.txt');
  const en = join(work, 'joinery.txt');
  writeFileSync(fr, FRENCH_TRANSCRIPT);
  writeFileSync(en, ENGLISH_TRANSCRIPT);

  it.each(['md', 'json', 'csv', 'qdpx'])(
    'leaves no name in the %s output of one transcript or of both, and keeps brands and places',
    async (format) => {
      for (const [run, files] of [[fr], [en], [fr, en]].entries()) {
        const out = join(work, `analysis-${run}.${format}`);
        const result = await cli(['analyze', ...files, '--format', format, '--out', out], {});
        expect(result.code).toBe(0);
        const text = readable(out);
        for (const name of [
          'Kerguelen',
          'KERGUELEN',
          'Goff',
          'Floch',
          'Anne',
          'Brightwater',
          'Hollis',
          'Baxter',
        ])
          expect(text).not.toContain(name);
        expect(text).not.toMatch(/\bLe \\?\[ENTREPRISE/);
      }
      // The CSV carries coded quotes only; the other formats carry whole answers.
      if (format === 'csv') return;
      const both =
        readable(join(work, `analysis-0.${format}`)) + readable(join(work, `analysis-1.${format}`));
      for (const kept of ['Sage', 'Facebook', 'Quimper', 'la banque', 'la CCI']) expect(both).toContain(kept);
    },
  );

  it('gives one firm one pseudonym however it is named (trade, legal form, name alone)', async () => {
    const frenchSummary = Summary.parse(
      JSON.parse((await cli(['analyze', fr, '--format', 'json'], {})).stdout),
    );
    const answer = (theme: string) =>
      frenchSummary.themes.find((t) => t.id === theme)?.answers[0]?.text ?? '';
    const [presentation, tools, value] = [answer('presentation'), answer('tools'), answer('value')];
    const kerguelen = /la menuiserie (\[ENTREPRISE-[0-9A-F]{6}\])/.exec(presentation ?? '')?.[1] ?? 'missing';
    const leGoff = /gérante de (\[ENTREPRISE-[0-9A-F]{6}\])/.exec(presentation ?? '')?.[1] ?? 'missing';
    expect(presentation).toContain(`c'est la ${kerguelen} depuis 2009`);
    expect(tools).toContain(`Chez ${kerguelen} on a un ERP`);
    expect(tools).toMatch(new RegExp(`\\. ${leGoff.replace(/[[\]]/g, '\\$&')} nous envoie`));
    expect(value).toMatch(new RegExp(`^${kerguelen.replace(/[[\]]/g, '\\$&')} gagne du temps`));
    expect(new Set(firmPseudonyms(frenchSummary))).toEqual(new Set([kerguelen, leGoff]));

    const englishSummary = Summary.parse(
      JSON.parse((await cli(['analyze', en, '--format', 'json'], {})).stdout),
    );
    const english = englishSummary.themes.flatMap((t) => t.answers.map((a) => a.text)).join('\n');
    const brightwater = /I run (\[COMPANY-[0-9A-F]{6}\])/.exec(english)?.[1] ?? 'missing';
    expect(english).toContain(`At ${brightwater} we use Xero`);
    expect(english).toContain(`and ${brightwater} has a Facebook page`);
    expect(new Set(firmPseudonyms(englishSummary)).size).toBe(2);
  });
});

describe('a stored interview: "nous sommes la boulangerie Pichon"', () => {
  function bakery(id: string) {
    const log = new TurnLog(id, 'fr');
    log.qa(
      'presentation',
      'presentation.company',
      'Pouvez-vous présenter votre entreprise ?',
      'On est une petite boulangerie, la boulangerie Pichon, huit salariés à Brest.',
    );
    log.qa(
      'presentation',
      'presentation.role',
      'Quel est votre rôle ?',
      'Nous sommes la boulangerie Pichon depuis 1998 et je la dirige.',
    );
    log.qa(
      'tools',
      'tools.acquired',
      'Quels outils utilisez-vous ?',
      'Chez Pichon les commandes arrivent sur Shopify, et Pichon Boulangerie SAS facture avec Sage.',
      { tools: [['ecommerce_website', 'Shopify']] },
    );
    return { meta: metaFor(id, 'fr'), turns: log.turns };
  }

  it('keeps the firm out of every summary and study format, with one pseudonym', async () => {
    const ctx = await storeWith([bakery('itv-pichon-1'), bakery('itv-pichon-2')]);
    try {
      for (const format of SUMMARY_FORMATS) {
        const out = join(ctx.dir, `summary.${format}`);
        expect(
          (await cli(['summary', ctx.ids[0] ?? '', '--format', format, '--out', out], ctx.env)).code,
        ).toBe(0);
        const text = readable(out);
        expect(text, format).not.toMatch(/pichon/i);
        expect(text, format).toContain('Shopify');
      }
      for (const format of STUDY_FORMATS) {
        const out = join(ctx.dir, `study.${format}`);
        expect((await cli(['study', '--format', format, '--out', out], ctx.env)).code).toBe(0);
        expect(readable(out), format).not.toMatch(/pichon/i);
      }
      const json = await cli(['summary', ctx.ids[0] ?? '', '--format', 'json'], ctx.env);
      const pseudonyms = firmPseudonyms(Summary.parse(JSON.parse(json.stdout)));
      expect(pseudonyms.length).toBe(4);
      expect(new Set(pseudonyms).size).toBe(1);
    } finally {
      ctx.cleanup();
    }
  });
});

describe('a terminal interview naming its firm "la menuiserie Kerguelen"', () => {
  it('stores the answers as said, and its summary in every format names the firm by one pseudonym', async () => {
    const dataDir = tempDataDir();
    try {
      const more =
        "C'est moi qui l'ai décidé, et ce sont nos clients et nos salariés qui en profitent : moins d'erreurs.";
      const lines = [
        'oui',
        'Je dirige la menuiserie Kerguelen à Quimper, nous sommes 14 salariés et nous fabriquons des escaliers.',
        "Je suis la gérante de la SARL Kerguelen depuis 2009, c'est moi qui décide des investissements.",
        "C'est une opportunité de gagner du temps, mais aussi un risque ; il faut des compétences et un budget.",
        'Chez Kerguelen on a installé un ERP, et Sage pour la comptabilité.',
        "L'ERP de Kerguelen est relié à nos fournisseurs par EDI, et nos clients commandent sur le site.",
        ...Array.from({ length: 24 }, () => more),
        'non',
        'non',
      ];
      const chat = await runChat(['chat', '--lang', 'fr', '--profile', 'manager'], lines, dataDir);
      expect(chat.code).toBe(0);
      const { meta, turns } = await storedInterview(dataDir);
      expect(turns.some((t) => t.kind === 'answer' && t.text.includes('la menuiserie Kerguelen'))).toBe(true);
      const env = { DATA_DIR: dataDir };
      for (const format of SUMMARY_FORMATS) {
        const out = join(dataDir, `summary.${format}`);
        expect((await cli(['summary', meta.id, '--format', format, '--out', out], env)).code).toBe(0);
        const text = readable(out);
        expect(text, format).not.toMatch(/kerguelen/i);
        expect(text, format).toContain('Sage');
      }
      const json = await cli(['summary', meta.id, '--format', 'json'], env);
      const pseudonyms = firmPseudonyms(Summary.parse(JSON.parse(json.stdout)));
      expect(pseudonyms.length).toBeGreaterThanOrEqual(4);
      expect(new Set(pseudonyms).size).toBe(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
