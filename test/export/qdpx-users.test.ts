import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { buildSummary, type Summary } from '../../src/core/summary/index.js';
import { renderQdpx, stableGuid } from '../../src/export/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { englishInterview, frenchInterview, metaFor, TurnLog } from '../summary/helpers.js';
import { unescapeXml, unzip } from './helpers.js';

const XSD = readFileSync(join(PACKAGE_ROOT, 'schemas', 'refi-qda-project-1.0.xsd'), 'utf8');
const EXPORTED_AT = '2025-06-30T15:00:00.000Z';

function projectOf(summaries: readonly Summary[], lang: 'fr' | 'en' = 'fr'): string {
  return unzip(renderQdpx(summaries, lang, EXPORTED_AT)).get('project.qde') ?? '';
}

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries(
    [...tag.matchAll(/ ([A-Za-z]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', unescapeXml(m[2] ?? '')]),
  );
}

const elements = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name} [^>]*>`, 'g'))].map((m) => attributes(m[0]));

/** Each selection with its coding: the quote, and both elements' attributes. */
function codings(xml: string) {
  return [...xml.matchAll(/(<PlainTextSelection [^>]*>)(<Coding [^>]*>)/g)].map((m) => ({
    selection: attributes(m[1] ?? ''),
    coding: attributes(m[2] ?? ''),
  }));
}

describe('REFI-QDA users and coding dates', () => {
  const fr = frenchInterview();
  const en = englishInterview();
  const frSummary = buildSummary(fr.meta, fr.turns);
  const enSummary = buildSummary(en.meta, en.turns);
  const xml = projectOf([frSummary, enSummary]);

  it('declares one user, the automatic coding, with the same GUID in every export', () => {
    const users = elements(xml, 'User');
    expect(users).toHaveLength(1);
    expect(users[0]?.name).toBe('sme-interview (automatic coding)');
    expect(users[0]?.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(users[0]?.guid).toBe(stableGuid('user:automatic-coding'));
    const alone = elements(projectOf([enSummary], 'en'), 'User');
    expect(alone).toEqual(users);
    expect(xml).toMatch(/<Project [^>]*><Users><User [^>]*\/><\/Users><CodeBook>/);
  });

  it("names that user as the creator of every source, selection, coding and note, and dates the source at the interview's start", () => {
    const user = elements(xml, 'User')[0]?.guid;
    const sources = elements(xml, 'TextSource');
    expect(sources.map((s) => [s.name, s.creatingUser, s.creationDateTime])).toEqual([
      [fr.meta.id, user, fr.meta.startedAt],
      [en.meta.id, user, en.meta.startedAt],
    ]);
    expect(sources.map((s) => s.creationDateTime)).not.toContain(EXPORTED_AT);
    const coded = codings(xml);
    expect(coded.length).toBeGreaterThan(10);
    for (const { selection, coding } of coded) {
      expect(selection.creatingUser).toBe(user);
      expect(coding.creatingUser).toBe(user);
    }
    const notes = elements(xml, 'Note');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.creatingUser).toBe(user);
    // The note holds the review's replies: written when the last one was given.
    expect(notes[0]?.creationDateTime).toBe(frSummary.corrections.at(-1)?.at);
    // The project itself was made at the export.
    expect(attributes(/<Project [^>]*>/.exec(xml)?.[0] ?? '')).toMatchObject({
      creatingUserGUID: user,
      creationDateTime: EXPORTED_AT,
    });
  });

  it('dates each coding when its answer was given (an amended answer when it was amended)', () => {
    const answers = [...frSummary.themes.flatMap((t) => t.answers), ...frSummary.otherAnswers];
    const byQuote = new Map(codings(xml).map((c) => [c.selection.name, c]));
    const erpAnswer = answers.find((a) => a.text.includes('installé un ERP'));
    const amended = answers.find((a) => a.amended);
    expect(erpAnswer?.at).toMatch(/^2025-03-04T10:\d\d:00\.000Z$/);
    expect(amended?.at).toBe(fr.turns.find((t) => t.kind === 'amend')?.at);
    const erp = byQuote.get('partager les devis avec nos fournisseurs');
    expect(erp?.selection.creationDateTime).toBe(erpAnswer?.at);
    expect(erp?.coding.creationDateTime).toBe(erpAnswer?.at);
    const site = byQuote.get('site e-commerce');
    expect(site?.coding.creationDateTime).toBe(amended?.at);
    expect(site?.coding.creationDateTime).not.toBe(fr.turns.find((t) => t.seq === amended?.seq)?.at);
    for (const { coding } of codings(xml)) expect(coding.creationDateTime).not.toBe(EXPORTED_AT);
  });

  it("falls back on the interview's start for a summary that does not carry the answers' times", () => {
    const log = new TurnLog('itv-no-at', 'en');
    log.qa('tools', 'tools.acquired', 'Which tools?', 'We have an ERP.', { tools: [['erp', 'ERP']] });
    const summary = buildSummary(metaFor('itv-no-at', 'en'), log.turns);
    const older: Summary = {
      ...summary,
      themes: summary.themes.map((t) => ({ ...t, answers: t.answers.map(({ at: _at, ...a }) => a) })),
    };
    const coded = codings(projectOf([older], 'en'));
    expect(coded).toHaveLength(1);
    expect(coded[0]?.coding.creationDateTime).toBe(summary.interview.startedAt);
    expect(coded[0]?.selection.creationDateTime).toBe(summary.interview.startedAt);
  });

  it('stays valid against the REFI-QDA 1.0 schema', async () => {
    const result = await validateXML({
      xml: [{ fileName: 'project.qde', contents: xml }],
      schema: [{ fileName: 'project.xsd', contents: XSD }],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
