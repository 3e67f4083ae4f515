import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LANGUAGES, PROFILES } from '../../src/core/domain.js';
import { INTERVIEW_STATUSES } from '../../src/core/interview/record.js';
import { loadSummaryPrompts } from '../../src/core/summary/labels.js';
import { STUDY_FORMATS, SUMMARY_FORMATS } from '../../src/export/index.js';
import { PROMPTS_DIR } from '../../src/paths.js';
import { wordPage } from '../../src/web/worded-page.js';
import { probeBot, startWebServer, type WebTestServer } from './helpers.js';

let server: WebTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('dashboard chart labels', () => {
  it('names value forms, levers and headings in the language asked, and refuses an unknown language', async () => {
    server = await startWebServer({ bot: probeBot });
    const fr: unknown = await (await fetch(`${server.url}/api/labels?lang=fr`)).json();
    const en: unknown = await (await fetch(`${server.url}/api/labels?lang=en`)).json();
    expect(fr).toMatchObject({
      values: { security: 'Sécurité' },
      levers: { value_chain: 'Chaîne de valeur' },
    });
    expect(en).toMatchObject({ values: { security: 'Security' }, levers: { value_chain: 'Value chain' } });
    // The heading of the study's levers per interview, as the study exports word it.
    expect(fr).toMatchObject({ headings: { perInterview: 'Équilibre des leviers par entretien' } });
    expect(en).toMatchObject({ headings: { perInterview: 'Lever balance per interview' } });
    expect((await fetch(`${server.url}/api/labels?lang=de`)).status).toBe(400);
  });

  it('words the interview list and the downloads: profiles, languages, guide parts, export names, progress', async () => {
    server = await startWebServer({ bot: probeBot });
    const fr: unknown = await (await fetch(`${server.url}/api/labels?lang=fr`)).json();
    const en: unknown = await (await fetch(`${server.url}/api/labels?lang=en`)).json();
    expect(fr).toMatchObject({
      profiles: { manager: 'dirigeant(e)', expert: 'expert(e)' },
      languages: { fr: 'français', en: 'anglais' },
      parts: { opening: 'Ouverture', tools: 'Les outils', closing: 'Clôture' },
      formats: { md: 'Markdown', card: 'carte Teams', qdpx: 'REFI-QDA (.qdpx)' },
      download: 'Télécharger\u00a0:',
      answers: { one: '{count} réponse', other: '{count} réponses' },
      progressAt: '{answers} · étape\u00a0: {part}',
    });
    expect(en).toMatchObject({
      profiles: { manager: 'manager', expert: 'expert' },
      languages: { fr: 'French', en: 'English' },
      parts: { opening: 'Opening', tools: 'The tools' },
      formats: { card: 'Teams card' },
      answers: { one: '{count} answer', other: '{count} answers' },
    });
    // Every profile, language and export the dashboard can show has its name, in each language.
    for (const labels of [fr, en]) {
      const named = z
        .object({
          profiles: z.record(z.string(), z.string()),
          languages: z.record(z.string(), z.string()),
          formats: z.record(z.string(), z.string()),
        })
        .parse(labels);
      expect(Object.keys(named.profiles).sort()).toEqual([...PROFILES].sort());
      expect(Object.keys(named.languages).sort()).toEqual([...LANGUAGES].sort());
      expect(Object.keys(named.formats)).toEqual(
        expect.arrayContaining([...SUMMARY_FORMATS, ...STUDY_FORMATS]),
      );
    }
  });

  it("words the dashboard's own page: title, views, list columns, headings, sign-in, messages, every status", async () => {
    server = await startWebServer({ bot: probeBot });
    const fr: unknown = await (await fetch(`${server.url}/api/labels?lang=fr`)).json();
    const en: unknown = await (await fetch(`${server.url}/api/labels?lang=en`)).json();
    expect(fr).toMatchObject({
      title: 'Tableau de bord',
      views: { interviews: 'Entretiens', study: 'Étude' },
      columns: { interview: 'Entretien', status: 'Statut', startedAt: 'Début' },
      headings: { matrix: 'Matrice des formes de valeur', levers: 'Équilibre des leviers', tools: 'Outils' },
      signIn: { submit: 'Ouvrir' },
      statuses: { in_progress: 'en cours', paused: 'en pause', completed: 'terminé' },
      messages: {
        empty: 'Aucun entretien pour le moment.',
        failed: "Le serveur n'a pas pu répondre (erreur {status})\u00a0: réessayez dans un instant.",
      },
      matrixCell: '{row} × {column}\u00a0: {count}',
    });
    expect(en).toMatchObject({
      title: 'Dashboard',
      views: { interviews: 'Interviews', study: 'Study' },
      columns: { interview: 'Interview', status: 'Status', startedAt: 'Started' },
      headings: { matrix: 'Value form matrix', levers: 'Lever balance', tools: 'Tools' },
      signIn: { prompt: 'Dashboard token (printed when the server starts)', submit: 'Open' },
      statuses: { in_progress: 'in progress', paused: 'paused', completed: 'completed' },
      messages: { empty: 'No interviews yet.' },
    });
    // Every status an interview can have is worded, in each language.
    for (const labels of [fr, en]) {
      const { statuses } = z.object({ statuses: z.record(z.string(), z.string().min(1)) }).parse(labels);
      expect(Object.keys(statuses).sort()).toEqual([...INTERVIEW_STATUSES].sort());
    }
  });

  it("serves the dashboard page already worded in the browser's language, with the words its script reads", async () => {
    server = await startWebServer({ bot: probeBot });
    const Page = z.object({ lang: z.enum(LANGUAGES), words: z.unknown() });
    for (const [acceptLanguage, lang, title, status] of [
      ['en-GB,en;q=0.9,fr;q=0.8', 'en', 'Dashboard', 'Status'],
      ['fr-FR,fr;q=0.9,en;q=0.8', 'fr', 'Tableau de bord', 'Statut'],
      [undefined, 'fr', 'Tableau de bord', 'Statut'],
    ] as const) {
      const reply = await fetch(`${server.url}/dashboard`, {
        headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
      });
      expect(reply.headers.get('vary')).toBe('accept-language');
      const html = await reply.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<title data-label="title">${title}</title>`);
      expect(html).toContain(`<th data-label="columns.status">${status}</th>`);
      expect(html).not.toContain('…');
      const data = /<script type="application\/json" id="labels">([^<]*)<\/script>/.exec(html)?.[1];
      const page = Page.parse(JSON.parse(data ?? 'null'));
      expect(page.lang).toBe(lang);
      expect(page.words).toEqual(await (await fetch(`${server.url}/api/labels?lang=${lang}`)).json());
    }
  });
});

describe('the dashboard page template', () => {
  const template =
    '<html lang="fr"><h1 data-label="a.b">…</h1><script type="application/json" id="labels"></script></html>';

  it('puts words in as text, never as markup, and refuses an element it has no word for', () => {
    const html = wordPage(template, { a: { b: 'R&D <b>x</b> </script>' } }, 'en');
    expect(html).toContain(
      '<html lang="en"><h1 data-label="a.b">R&amp;D &lt;b&gt;x&lt;/b&gt; &lt;/script&gt;</h1>',
    );
    // The words' JSON cannot close its data block.
    expect(html).toContain('{"lang":"en","words":{"a":{"b":"R&D \\u003cb>x\\u003c/b> \\u003c/script>"}}}');
    expect(() => wordPage(template, { a: {} }, 'fr')).toThrow('no word for data-label="a.b"');
  });
});

describe('the dashboard words in prompts/summary.<lang>.json', () => {
  const Dashboard = z
    .object({ columns: z.record(z.string(), z.unknown()), messages: z.record(z.string(), z.unknown()) })
    .loose();

  /** A copy of the shipped file with its dashboard words changed. */
  function brokenCopy(lang: 'fr' | 'en', change: (dashboard: z.infer<typeof Dashboard>) => void) {
    const raw = z
      .object({ dashboard: Dashboard })
      .loose()
      .parse(JSON.parse(readFileSync(join(PROMPTS_DIR, `summary.${lang}.json`), 'utf8')));
    change(raw.dashboard);
    const file = join(mkdtempSync(join(tmpdir(), 'summary-prompts-')), `summary.${lang}.json`);
    writeFileSync(file, JSON.stringify(raw));
    return file;
  }

  it('refuses a file missing a dashboard word, or with a misspelt one, naming the file and the field', () => {
    expect(loadSummaryPrompts(join(PROMPTS_DIR, 'summary.en.json')).dashboard.title).toBe('Dashboard');
    const missing = brokenCopy('en', (dashboard) => {
      delete dashboard.messages.unreachable;
    });
    expect(() => loadSummaryPrompts(missing)).toThrow(
      `${missing}: dashboard.messages.unreachable: Invalid input: expected string, received undefined`,
    );
    const misspelt = brokenCopy('fr', (dashboard) => {
      dashboard.columns.stauts = 'Statut';
    });
    expect(() => loadSummaryPrompts(misspelt)).toThrow(
      `${misspelt}: dashboard.columns: Unrecognized key: "stauts"`,
    );
    const noStatus = brokenCopy('fr', (dashboard) => {
      dashboard.messages.failed = 'Le serveur a échoué.';
    });
    expect(() => loadSummaryPrompts(noStatus)).toThrow(
      `${noStatus}: dashboard.messages.failed: must contain {status}`,
    );
  });
});
