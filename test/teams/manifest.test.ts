import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestUtil, type TeamsAppManifest } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { MANIFEST_DIR, MANIFEST_TEMPLATE, renderManifest } from '../../src/teams/package-app.js';

const SCHEMA = JSON.parse(
  readFileSync(join(PACKAGE_ROOT, 'schemas', 'teams-manifest-1.29.schema.json'), 'utf8'),
);
const TEMPLATE: unknown = JSON.parse(readFileSync(join(MANIFEST_DIR, MANIFEST_TEMPLATE), 'utf8'));
const DEPLOYMENT = {
  TEAMS_APP_ID: '0b6d2c1e-7f3a-4c55-9e21-5a8d3f0c9b47',
  BOT_ID: 'e4f1a9c2-3b7d-4e8f-a1c6-9d2b5f7e3a10',
  BOT_DOMAIN: 'entretiens.example.org',
};

const ManifestShape = z.record(z.string(), z.unknown());
const EN = ManifestShape.parse(JSON.parse(readFileSync(join(MANIFEST_DIR, 'en.json'), 'utf8')));

/** The validator's typed entry point; the JSON round trip hands it the manifest as parsed JSON. */
function validate(manifest: unknown): Promise<string[]> {
  const parsed: TeamsAppManifest = JSON.parse(JSON.stringify(manifest));
  return ManifestUtil.validateManifestAgainstSchema(parsed, SCHEMA);
}

function rendered(): Record<string, unknown> {
  return ManifestShape.parse(renderManifest(TEMPLATE, DEPLOYMENT));
}

/** Follows a localisation key such as `bots[0].commandLists[0].commands[3].title` into the manifest. */
function lookup(root: unknown, key: string): unknown {
  let node: unknown = root;
  for (const part of key.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Reflect.get(node, part);
  }
  return node;
}

describe('Teams manifest', () => {
  it('validates against the 1.29 schema once the deployment values are filled in', async () => {
    const errors = await validate(rendered());
    expect(errors).toEqual([]);
  });

  it('is rejected by the schema when a deployment value is not a GUID (the validator does catch mistakes)', async () => {
    const broken = ManifestShape.parse(renderManifest(TEMPLATE, { ...DEPLOYMENT, BOT_ID: 'not-a-guid' }));
    const errors = await validate(broken);
    expect(errors.some((error) => error.includes('/bots/0/botId'))).toBe(true);
  });

  it('declares the bot in personal, team and group chat scopes, with the commands that work in each', () => {
    const manifest = rendered();
    expect(manifest).toMatchObject({ manifestVersion: '1.29', id: DEPLOYMENT.TEAMS_APP_ID });
    const bot = lookup(manifest, 'bots[0]');
    expect(bot).toMatchObject({ botId: DEPLOYMENT.BOT_ID });
    expect(lookup(bot, 'scopes')).toEqual(expect.arrayContaining(['personal', 'team', 'groupChat']));
    expect(lookup(bot, 'commandLists[0].scopes')).toEqual(['personal']);
    const titles = [0, 1, 2, 3, 4, 5].map((index) => lookup(bot, `commandLists[0].commands[${index}].title`));
    expect(titles).toEqual([
      'démarrer',
      'inviter',
      'reprendre',
      'récapitulatif',
      'effacer mes données',
      'aide',
    ]);
    // In a channel or group chat interviews do not run (they are personal): only the invitation and help.
    expect(lookup(bot, 'commandLists[1].scopes')).toEqual(['team', 'groupChat']);
    const groupTitles = [0, 1].map((index) => lookup(bot, `commandLists[1].commands[${index}].title`));
    expect(groupTitles).toEqual(['inviter', 'aide']);
  });

  it('pins the dashboard as a static tab on the bot domain, which is a valid domain', () => {
    const manifest = rendered();
    expect(lookup(manifest, 'staticTabs[0].contentUrl')).toBe('https://entretiens.example.org/dashboard');
    expect(lookup(manifest, 'validDomains')).toEqual(['entretiens.example.org']);
    expect(lookup(manifest, 'webApplicationInfo.resource')).toBe(
      `api://entretiens.example.org/${DEPLOYMENT.BOT_ID}`,
    );
  });

  it('is French by default with an English language file translating every command', () => {
    const manifest = rendered();
    expect(lookup(manifest, 'localizationInfo.defaultLanguageTag')).toBe('fr-fr');
    expect(lookup(manifest, 'localizationInfo.additionalLanguages')).toEqual([
      { languageTag: 'en-us', file: 'en.json' },
    ]);
    for (const [key, value] of Object.entries(EN)) {
      if (key === '$schema') continue;
      // Every translated key must name an existing string of the manifest, else Teams rejects the package.
      expect(typeof lookup(manifest, key), key).toBe('string');
      expect(typeof value).toBe('string');
    }
    const englishTitles = [0, 1, 2, 3, 4, 5].map(
      (index) => EN[`bots[0].commandLists[0].commands[${index}].title`],
    );
    expect(englishTitles).toEqual(['start', 'invite', 'resume', 'summary', 'delete my data', 'help']);
    const englishGroupTitles = [0, 1].map((index) => EN[`bots[0].commandLists[1].commands[${index}].title`]);
    expect(englishGroupTitles).toEqual(['invite', 'help']);
  });

  it('holds no secret and no deployment value of its own: only placeholders', () => {
    const text = readFileSync(join(MANIFEST_DIR, MANIFEST_TEMPLATE), 'utf8');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(text).not.toMatch(/password|secret/i);
    expect(text).toContain('{{BOT_ID}}');
  });
});
