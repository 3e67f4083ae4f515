import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { Summary } from '../../src/core/summary/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { parseCsv, unescapeXml, unzip } from '../export/helpers.js';
import { cli } from './summary-helpers.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'transcripts');
const FR = join(FIXTURES, 'atelier-fr.txt');
const EN = join(FIXTURES, 'workshop-en.txt');
const work = mkdtempSync(join(tmpdir(), 'sme-analyze-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('sme-interview analyze', () => {
  it('summarises a French transcript with the real tagger, themes inferred from the questions', async () => {
    const result = await cli(['analyze', FR, '--format', 'json'], {});
    expect(result.code).toBe(0);
    const summary = Summary.parse(JSON.parse(result.stdout));
    expect(summary.interview).toMatchObject({ id: 'atelier-fr', language: 'fr', status: 'completed' });
    expect(summary.themes.map((t) => [t.id, t.answers.length])).toEqual([
      ['presentation', 1],
      ['meaning', 1],
      ['tools', 2],
      ['value', 1],
    ]);
    expect(summary.themes[2]?.answers[0]?.question).toBe('Quels outils avez-vous mis en place ?');
    expect(summary.tools.map((t) => t.id)).toContain('erp');
    expect(summary.respondent.headcount).toBe(28);
  });

  it('summarises an English transcript as Markdown', async () => {
    const result = await cli(['analyze', EN], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Interview summary/);
    expect(result.stdout).toContain('| EDI |');
  });

  it('puts several transcripts in one study, and one valid REFI-QDA project whose codings slice their sources', async () => {
    const md = await cli(['analyze', FR, EN], {});
    expect(md.stdout).toMatch(/\| I1 \| atelier-fr \|/);
    expect(md.stdout).toMatch(/\| I2 \| workshop-en \|/);
    const out = join(work, 'both.qdpx');
    const result = await cli(['analyze', FR, EN, '--format', 'qdpx', '--out', out], {});
    expect(result.code).toBe(0);
    const files = unzip(readFileSync(out));
    const xml = files.get('project.qde') ?? '';
    const xsd = readFileSync(join(PACKAGE_ROOT, 'schemas', 'refi-qda-project-1.0.xsd'), 'utf8');
    const validation = await validateXML({
      xml: [{ fileName: 'p.qde', contents: xml }],
      schema: [{ fileName: 'p.xsd', contents: xsd }],
    });
    expect(validation.errors).toEqual([]);
    let codings = 0;
    for (const source of xml.matchAll(/plainTextPath="internal:\/\/([^"]+)"[^>]*>(.*?)<\/TextSource>/gs)) {
      const characters = Array.from(files.get(`sources/${source[1]}`) ?? '');
      for (const s of (source[2] ?? '').matchAll(
        /name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/g,
      )) {
        expect(characters.slice(Number(s[2]), Number(s[3])).join('')).toBe(unescapeXml(s[1] ?? ''));
        codings += 1;
      }
    }
    expect(codings).toBeGreaterThan(10);
  });

  it('gives a person the same pseudonym whatever the order the transcripts are named in', async () => {
    // The name is in the file's name too, which every export shows pseudonymised.
    const named = join(work, 'Entretien Maëlle Quéméner.txt');
    writeFileSync(
      named,
      "Q: Pouvez-vous vous présenter ?\n\nJe m'appelle Maëlle Quéméner, je suis la gérante de la boulangerie Ty Bara, à Brest.\n",
    );
    const codes = async (files: string[]) =>
      new Set((await cli(['analyze', ...files], {})).stdout.match(/PERSONNE-[0-9A-F]{6}/g));
    const [first, second] = [await codes([named, EN]), await codes([EN, named])];
    expect(first.size).toBe(1);
    expect(second).toEqual(first);
  });

  it('keeps two transcripts of the same file name apart, each with its own source and codings', async () => {
    const [a, b] = [join(work, 'a'), join(work, 'b')];
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(a, 'entretien.txt'), readFileSync(FR));
    writeFileSync(join(b, 'entretien.txt'), readFileSync(EN));
    const out = join(work, 'same-name.qdpx');
    const result = await cli(
      ['analyze', join(a, 'entretien.txt'), join(b, 'entretien.txt'), '--format', 'qdpx', '--out', out],
      {},
    );
    expect(result.code).toBe(0);
    const files = unzip(readFileSync(out));
    const xml = files.get('project.qde') ?? '';
    const guids = [...xml.matchAll(/<TextSource guid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(guids).size).toBe(2);
    expect([...files.keys()].filter((name) => name.startsWith('sources/'))).toHaveLength(2);
    const json = await cli(
      ['analyze', join(a, 'entretien.txt'), join(b, 'entretien.txt'), '--format', 'json'],
      {},
    );
    expect(JSON.parse(json.stdout).interviews.map((i: { id: string }) => i.id)).toEqual([
      'entretien',
      'entretien-2',
    ]);
    const twice = await cli(['analyze', join(a, 'entretien.txt'), join(a, 'entretien.txt')], {});
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('given twice');
  });

  it('refuses a file that is not UTF-8 text', async () => {
    const binary = join(work, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const latin1 = join(work, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Nous avons un ERP, c\u00e9tait utile.', 'latin1'));
    for (const [path, message] of [
      [binary, 'not a text file'],
      [latin1, 'not UTF-8'],
    ] as const) {
      const result = await cli(['analyze', path], {});
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
    }
  });

  it('honours a custom interviewer prefix and writes CSV', async () => {
    const path = join(work, 'custom.txt');
    writeFileSync(path, 'ENQ. Quels outils utilisez-vous ?\n\nNous utilisons un ERP depuis 2020.\n');
    const result = await cli(['analyze', path, '--interviewer-prefix', 'ENQ.', '--format', 'csv'], {});
    expect(result.code).toBe(0);
    const rows = parseCsv(result.stdout);
    expect(rows.find((r) => r[5] === 'erp')?.slice(1, 3)).toEqual(['tools', 'Quels outils utilisez-vous ?']);
  });

  it('leaves the respondent labels out of the answers, their quotes and their coded positions', async () => {
    const path = join(work, 'labelled.txt');
    writeFileSync(
      path,
      [
        'Q: Quels outils avez-vous mis en place ?',
        'R : Nous avons un ERP depuis 2020, pour les commandes.',
        'Intervieweur : Et vos clients, comment les suivez-vous ?',
        'Répondant\u00a0: Avec un CRM.',
        'Interviewer: Which tools do your partners use?',
        'Respondent: They use EDI with us.',
        'Q: Anything else?',
        'A: A shared calendar, nothing more.',
      ].join('\n\n'),
    );
    const json = Summary.parse(JSON.parse((await cli(['analyze', path, '--format', 'json'], {})).stdout));
    const answers = json.themes.flatMap((t) => t.answers.map((a) => a.text));
    expect(answers).toEqual([
      'Nous avons un ERP depuis 2020, pour les commandes.',
      'Avec un CRM.',
      'They use EDI with us.',
      'A shared calendar, nothing more.',
    ]);
    const md = await cli(['analyze', path], {});
    expect(md.stdout).toContain('> Nous avons un ERP depuis 2020, pour les commandes.');
    expect(md.stdout).not.toMatch(/^> (R|Répondant|Respondent|A)\s*:/m);
    const rows = parseCsv((await cli(['analyze', path, '--format', 'csv'], {})).stdout).slice(1);
    const erp = rows.find((r) => r[5] === 'erp');
    expect(erp?.slice(3, 8)).toEqual(['ERP', 'tool', 'erp', '14', '17']);
    for (const row of rows) {
      const answer = answers.find(
        (text) => Array.from(text).slice(Number(row[6]), Number(row[7])).join('') === row[3],
      );
      expect(answer, row.join(' | ')).toBeDefined();
    }
  });

  it('says a folder given as a transcript is a folder, and how to give its files', async () => {
    const result = await cli(['analyze', work], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `sme-interview analyze: '${work}' is a folder; give the transcript files in it, e.g. sme-interview analyze ${join(work, '*.txt')}\n`,
    );
  });

  it('says why --out cannot be written and how to mend it, in one line', async () => {
    const missing = join(work, 'absent', 'synthese.md');
    const intoMissing = await cli(['analyze', FR, '--out', missing], {});
    expect(intoMissing.code).toBe(1);
    expect(intoMissing.stderr).toBe(
      `sme-interview analyze: cannot write '${missing}': the folder '${join(work, 'absent')}' does not exist; create it or give --out a path in an existing folder\n`,
    );
    const intoFolder = await cli(['analyze', FR, '--out', work], {});
    expect(intoFolder.code).toBe(1);
    expect(intoFolder.stderr).toBe(
      `sme-interview analyze: cannot write '${work}': it is a folder; give --out a file path, e.g. --out '${join(work, 'atelier-fr.md')}'\n`,
    );
  });

  it('reads an expert from the presentation, and takes --profile when given', async () => {
    const en = join(work, 'adviser-en.txt');
    writeFileSync(
      en,
      "Q: Can you introduce yourself?\n\nI'm a business adviser with Ashdown Partners; I help about forty small firms a year.\n\n" +
        'Q: What tools have they adopted?\n\nMost of them moved their accounts to Xero and sell through a webshop.\n',
    );
    const fr = join(work, 'conseillere-fr.txt');
    writeFileSync(
      fr,
      'Q: Pouvez-vous vous présenter ?\n\nJe suis conseillère numérique à la CCI de Rennes, j’accompagne une trentaine de PME.\n\n' +
        'Q: Quels outils ont-elles adoptés ?\n\nSurtout des logiciels de facturation et des sites vitrines.\n',
    );
    for (const path of [en, fr]) {
      const result = await cli(['analyze', path, '--format', 'json'], {});
      expect(result.code).toBe(0);
      const summary = Summary.parse(JSON.parse(result.stdout));
      expect(summary.interview.profile).toBe('expert');
      expect(summary.respondent.headcount).toBeNull();
    }
    const markdown = await cli(['analyze', en], {});
    expect(markdown.stdout).toContain('digital transition expert');
    expect(markdown.stdout).not.toContain('SME manager');

    const manager = await cli(['analyze', FR, '--format', 'json'], {});
    expect(Summary.parse(JSON.parse(manager.stdout)).interview.profile).toBe('manager');
    const given = await cli(['analyze', FR, '--format', 'json', '--profile', 'expert'], {});
    expect(given.code).toBe(0);
    expect(Summary.parse(JSON.parse(given.stdout)).interview.profile).toBe('expert');
    const asManager = await cli(['analyze', en, '--format=json', '--profile=manager'], {});
    expect(Summary.parse(JSON.parse(asManager.stdout)).interview.profile).toBe('manager');
  });

  it('refuses a --profile that is neither manager nor expert, in one line', async () => {
    for (const args of [['--profile', 'boss'], ['--profile']]) {
      const result = await cli(['analyze', FR, ...args], {});
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/--profile/);
    }
    expect((await cli(['analyze', FR, '--profile', 'boss'], {})).stderr).toContain(
      "--profile takes manager or expert, got 'boss'",
    );
  });

  it('refuses a missing or empty transcript with a clear message', async () => {
    const missing = await cli(['analyze', join(work, 'nope.txt')], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '\n\nQ: Bonjour ?\n\n');
    const result = await cli(['analyze', empty], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no respondent paragraph');
    expect((await cli(['analyze'], {})).code).toBe(2);
  });
});
