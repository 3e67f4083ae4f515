import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LANGUAGES, PROFILES } from '../../src/core/domain.js';
import { STUDY_FORMATS, SUMMARY_FORMATS } from '../../src/export/index.js';
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
});
