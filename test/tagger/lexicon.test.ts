import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';
import { LEXICON_DIR } from '../../src/paths.js';

const dirs: string[] = [];
function lexiconCopy(extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  dirs.push(dir);
  for (const name of readdirSync(LEXICON_DIR))
    writeFileSync(join(dir, name), readFileSync(join(LEXICON_DIR, name)));
  for (const [name, body] of Object.entries(extra)) writeFileSync(join(dir, name), body);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('lexicon', () => {
  it('names the file and the field of a broken entry', () => {
    const dir = lexiconCopy({
      'zz-extra.json': JSON.stringify({ values: [{ id: 'joy', patterns: { fr: ['joie'] } }] }),
    });
    expect(() => createTagger(dir)).toThrow(/zz-extra\.json.*values\.0\.id/);
  });

  it('names a file that is not JSON', () => {
    const dir = lexiconCopy({ 'broken.json': '{ "tools": [' });
    expect(() => createTagger(dir)).toThrow(/broken\.json.*not valid JSON/);
  });

  it('is extended by a data file: a new brand is tagged without code change', () => {
    const extra = { tools: [{ id: 'crm', patterns: { any: ['Axelor CRM Pro', 'Krestel'] } }] };
    const dir = lexiconCopy({ 'zz-brands.json': JSON.stringify(extra) });
    expect(
      createTagger(dir)
        .tag('On utilise Krestel pour les prospects.')
        .tools.map((t) => t.id),
    ).toContain('crm');
    expect(createTagger().tag('On utilise Krestel pour les prospects.').tools).toEqual([]);
  });
});
