import { afterEach, describe, expect, it } from 'vitest';
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
});
