import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGuideFile, loadGuides, parseGuide } from '../../src/core/guide/index.js';
import { PROMPTS_DIR } from '../../src/paths.js';

function rawGuide(): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(join(PROMPTS_DIR, 'guide.fr.json'), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error('guide.fr.json is not an object');
  return { ...parsed };
}

describe('interview guide', () => {
  it('loads the French and English guides, each with both profiles and three themes', () => {
    const guides = loadGuides();
    for (const guide of [guides.fr, guides.en]) {
      expect(guide.themes.map((t) => t.id)).toEqual(['meaning', 'tools', 'value']);
      for (const profile of ['manager', 'expert'] as const) {
        expect(guide.presentation.questions.some((q) => q.profiles?.includes(profile))).toBe(true);
        expect(guide.opening.intro[profile]).toMatch(/20/);
      }
      expect(guide.version).toMatch(/\d+\.\d+\.\d+/);
    }
    expect(guides.fr.opening.consentQuestion).not.toBe(guides.en.opening.consentQuestion);
  });

  it('names the file and the field path of a broken guide', () => {
    const raw = rawGuide();
    const themes = JSON.parse(JSON.stringify(raw.themes));
    themes[1].questions[0].text = 42;
    const dir = mkdtempSync(join(tmpdir(), 'guide-'));
    const file = join(dir, 'guide.fr.json');
    writeFileSync(file, JSON.stringify({ ...raw, themes }));
    expect(() => loadGuideFile(file)).toThrow(`${file}: themes[1].questions[0].text: expected string`);
    expect(() => parseGuide({ ...raw, themes }, 'prompts/guide.fr.json')).toThrow(
      /^prompts\/guide\.fr\.json: themes\[1\]\.questions\[0\]\.text: expected string/,
    );
  });

  it('gives probes profiles, and refuses two probes with one id for one profile or an unknown profile', () => {
    const raw = rawGuide();
    const themes = JSON.parse(JSON.stringify(raw.themes));
    const value = themes[2].probes;
    const social = value.findIndex((p: { id: string; profiles?: string[] }) => p.id === 'social');
    value.push({ ...value[social], profiles: undefined });
    expect(() => parseGuide({ ...raw, themes }, 'prompts/guide.fr.json')).toThrow(
      `prompts/guide.fr.json: themes[2].probes[${value.length - 1}].id: duplicate probe id "social" for the manager profile`,
    );
    value.pop();
    value[social].profiles = ['boss'];
    expect(() => parseGuide({ ...raw, themes }, 'prompts/guide.fr.json')).toThrow(
      `prompts/guide.fr.json: themes[2].probes[${social}].profiles[0]`,
    );
  });

  it('rejects a missing message, themes out of order, duplicate ids and invalid JSON', () => {
    const raw = rawGuide();
    const messages = { ...(raw.messages as Record<string, unknown>) };
    delete messages.progress;
    expect(() => parseGuide({ ...raw, messages }, 'g.json')).toThrow(
      /^g\.json: messages\.progress: expected string/,
    );

    const themes = JSON.parse(JSON.stringify(raw.themes));
    [themes[0], themes[1]] = [themes[1], themes[0]];
    expect(() => parseGuide({ ...raw, themes }, 'g.json')).toThrow(/themes\[0\]\.id: expected "meaning"/);

    const dup = JSON.parse(JSON.stringify(raw.themes));
    dup[2].questions[0].id = 'meaning.main';
    expect(() => parseGuide({ ...raw, themes: dup }, 'g.json')).toThrow(
      /themes\[2\]\.questions\[0\]\.id: duplicate question id/,
    );

    const dir = mkdtempSync(join(tmpdir(), 'guide-'));
    const file = join(dir, 'guide.en.json');
    writeFileSync(file, '{"version": ');
    expect(() => loadGuideFile(file)).toThrow(/guide\.en\.json: not valid JSON/);
  });
});
