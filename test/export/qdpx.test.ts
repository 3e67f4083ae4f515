import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { buildSummary, type Summary } from '../../src/core/summary/index.js';
import { renderQdpx, stableGuid } from '../../src/export/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { englishInterview, frenchInterview, HOSTILE, hostileInterview } from '../summary/helpers.js';
import { unescapeXml, unzip } from './helpers.js';

const XSD = readFileSync(join(PACKAGE_ROOT, 'schemas', 'refi-qda-project-1.0.xsd'), 'utf8');

async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: 'project.qde', contents: xml }],
    schema: [{ fileName: 'project.xsd', contents: XSD }],
  });
}

interface Selection {
  start: number;
  end: number;
  name: string;
  codeGuid: string;
}

function selectionsOf(xml: string): Map<string, Selection[]> {
  const bySource = new Map<string, Selection[]>();
  for (const source of xml.matchAll(
    /<TextSource guid="([^"]+)"[^>]*plainTextPath="internal:\/\/([^"]+)"[^>]*>(.*?)<\/TextSource>/gs,
  )) {
    const file = source[2] ?? '';
    const selections = [
      ...(source[3] ?? '').matchAll(
        /<PlainTextSelection guid="[^"]+" name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"[^>]*><Coding guid="[^"]+"[^>]*><CodeRef targetGUID="([^"]+)"\/>/g,
      ),
    ].map((m) => ({
      name: unescapeXml(m[1] ?? ''),
      start: Number(m[2]),
      end: Number(m[3]),
      codeGuid: m[4] ?? '',
    }));
    bySource.set(file, selections);
  }
  return bySource;
}

function evidenceCount(summary: Summary): number {
  return [...summary.themes.flatMap((t) => t.answers), ...summary.otherAnswers].reduce(
    (n, a) =>
      n +
      [a.tags.values, a.tags.tools, a.tags.levers, a.tags.actors, a.tags.facets]
        .flat()
        .reduce((m, t) => m + t.evidence.length, 0),
    0,
  );
}

describe('REFI-QDA export', () => {
  const fr = frenchInterview();
  const en = englishInterview();
  const summaries = [buildSummary(fr.meta, fr.turns), buildSummary(en.meta, en.turns)];
  const files = unzip(renderQdpx(summaries, 'fr', '2025-03-05T09:00:00.000Z'));
  const xml = files.get('project.qde') ?? '';

  it('is a ZIP of project.qde and one source text per interview, valid against the QDA-XML 1.0 schema', async () => {
    expect([...files.keys()].filter((f) => f.startsWith('sources/'))).toHaveLength(2);
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect((await validate(xml.replace(/ isCodable="true"/, ''))).valid).toBe(false);
  });

  it('codes every piece of evidence, at character positions that slice the source text to the quote (emoji included)', () => {
    const sources = selectionsOf(xml);
    expect(sources.size).toBe(2);
    let total = 0;
    for (const [file, selections] of sources) {
      const characters = Array.from(files.get(`sources/${file}`) ?? '');
      for (const s of selections) expect(characters.slice(s.start, s.end).join('')).toBe(s.name);
      total += selections.length;
    }
    expect(total).toBe(summaries.reduce((n, s) => n + evidenceCount(s), 0));
    const frenchSource = files.get(`sources/${stableGuid(`source:${fr.meta.id}`)}.txt`) ?? '';
    expect(frenchSource).toContain('🎉 les erreurs de commande ont disparu');
    const afterEmoji = sources
      .get(`${stableGuid(`source:${fr.meta.id}`)}.txt`)
      ?.find((s) => s.name === 'les erreurs de commande ont disparu');
    // Code points, not UTF-16 units: the two emoji before the quote count once each.
    expect(afterEmoji?.start).toBe(
      Array.from(frenchSource.slice(0, frenchSource.indexOf('les erreurs de commande'))).length,
    );
    expect(afterEmoji?.start).toBeLessThan(frenchSource.indexOf('les erreurs de commande'));
  });

  it("labels each transcript in its interview's language, whatever the project's language", () => {
    for (const projectLang of ['fr', 'en'] as const) {
      const project = unzip(renderQdpx(summaries, projectLang, '2025-03-05T09:00:00.000Z'));
      const source = (id: string) => project.get(`sources/${stableGuid(`source:${id}`)}.txt`) ?? '';
      const english = source(en.meta.id);
      expect(english, projectLang).toMatch(/^Question: .+\nAnswer: /);
      expect(english, projectLang).not.toMatch(/Réponse|\u00a0:/);
      const french = source(fr.meta.id);
      expect(french, projectLang).toMatch(/^Question\u00a0: .+\nRéponse\u00a0: /);
      expect(french, projectLang).not.toContain('Answer:');
    }
  });

  it('has a codebook of values, tools, levers, actors and facets with stable GUIDs that codings point at', () => {
    for (const name of ['Fonctionnelle', 'Socialisation', 'ERP', 'Chaîne de valeur', 'Opportunités']) {
      expect(xml).toContain(`name="${name}"`);
    }
    const codeGuids = new Set([...xml.matchAll(/<Code guid="([^"]+)"/g)].map((m) => m[1]));
    for (const selections of selectionsOf(xml).values())
      for (const s of selections) expect(codeGuids.has(s.codeGuid)).toBe(true);
    const again = unzip(renderQdpx(summaries, 'fr', '2025-03-05T09:00:00.000Z')).get('project.qde');
    expect(again).toBe(xml);
  });

  it('names no code group as one of its own groups: a QDA tool would show two codes of one name, one inside the other', () => {
    const book = /<CodeBook>(.*)<\/CodeBook>/s.exec(xml)?.[1] ?? '';
    const path: string[] = [];
    for (const tag of book.matchAll(/<Code [^>]*name="([^"]*)"[^>]*?(\/?)>|<\/Code>/g)) {
      if (tag[0] === '</Code>') path.pop();
      else {
        const name = tag[1] ?? '';
        expect(path, name).not.toContain(name);
        if (tag[2] !== '/') path.push(name);
      }
    }
    expect(book).toContain('name="Acteurs"');
  });

  it('keeps hostile text as escaped XML that still validates and still slices right', async () => {
    const hostile = hostileInterview();
    const out = unzip(
      renderQdpx(
        [buildSummary(hostile.meta, hostile.turns, { raw: true })],
        'en',
        '2025-03-05T09:00:00.000Z',
      ),
    );
    const project = out.get('project.qde') ?? '';
    expect(project).not.toContain('<script>');
    expect((await validate(project)).valid).toBe(true);
    const [file, selections] = [...selectionsOf(project)][0] ?? ['', []];
    expect(out.get(`sources/${file}`)).toContain(HOSTILE);
    for (const s of selections)
      expect(
        Array.from(out.get(`sources/${file}`) ?? '')
          .slice(s.start, s.end)
          .join(''),
      ).toBe(s.name);
    expect(selections.map((s) => s.name)).toContain('<script>alert(1)</script>');
  });
});
