import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  MANIFEST_DIR,
  MANIFEST_TEMPLATE,
  parsePackageEnv,
  renderManifest,
} from '../../src/teams/package-app.js';
import { probeBot, startWebServer, type WebTestServer } from '../web/helpers.js';

const DEPLOYMENT = parsePackageEnv({
  TEAMS_APP_ID: '0b6d2c1e-7f3a-4c55-9e21-5a8d3f0c9b47',
  BOT_ID: 'e4f1a9c2-3b7d-4e8f-a1c6-9d2b5f7e3a10',
  BOT_DOMAIN: 'entretiens.example.org',
});
const Developer = z.object({
  developer: z.object({ websiteUrl: z.string(), privacyUrl: z.string(), termsOfUseUrl: z.string() }),
});
const { developer } = Developer.parse(
  renderManifest(JSON.parse(readFileSync(join(MANIFEST_DIR, MANIFEST_TEMPLATE), 'utf8')), DEPLOYMENT),
);

let server: WebTestServer;
beforeAll(async () => {
  server = await startWebServer({ bot: probeBot });
});
afterAll(() => server.close());

/** The page the manifest points Teams to, fetched from this server at the same path. */
async function served(url: string): Promise<{ status: number; type: string | null; text: string }> {
  const { pathname } = new URL(url);
  const response = await fetch(`${server.url}${pathname}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('the privacy statement and terms of use the Teams manifest links to', () => {
  it('are their own pages on the bot domain, not the web chat', () => {
    expect(developer.privacyUrl).toBe('https://entretiens.example.org/privacy');
    expect(developer.termsOfUseUrl).toBe('https://entretiens.example.org/terms');
  });

  it('serves the privacy statement in French and English: what is stored, who reads it, exports, retention, erasure', async () => {
    const page = await served(developer.privacyUrl);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.text).not.toContain('id="webchat"');
    for (const words of [
      'Déclaration de confidentialité',
      'Ce qui est enregistré',
      'Qui lit vos réponses',
      'pseudonymes',
      'Durée de conservation',
      'effacer mes données',
      'Privacy statement',
      'What is stored',
      'Who reads your answers',
      'pseudonyms',
      'Retention',
      'delete my data',
      'never contain the text of the answers',
    ])
      expect(page.text).toContain(words);
  });

  it('serves the terms of use in French and English, linking to the privacy statement', async () => {
    const page = await served(developer.termsOfUseUrl);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.text).toContain("Conditions d'utilisation");
    expect(page.text).toContain('Terms of use');
    expect(page.text).toContain('href="/privacy"');
  });
});
