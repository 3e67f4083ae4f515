import { linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Summary } from '../../src/core/summary/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { parseCsv, unescapeXml, unzip } from '../export/helpers.js';
import { cli } from './summary-helpers.js';

const FR = join(PACKAGE_ROOT, 'test', 'fixtures', 'transcripts', 'atelier-fr.txt');
const work = mkdtempSync(join(tmpdir(), 'sme-analyze-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `analyze` from `work`, so relative paths are the researcher's. */
async function analyzeIn(args: string[]) {
  const before = process.cwd();
  process.chdir(work);
  try {
    return await cli(['analyze', ...args], {});
  } finally {
    process.chdir(before);
  }
}

const TRANSCRIPT = readFileSync(FR, 'utf8');

describe('sme-interview analyze and the files it is given', () => {
  it('refuses an --out that is one of the transcripts, in one line with exit code 2, leaving it whole', async () => {
    writeFileSync(join(work, 'victim.txt'), TRANSCRIPT);
    writeFileSync(join(work, 'other.txt'), TRANSCRIPT.replace('28 salariés', '12 salariés'));
    symlinkSync(join(work, 'victim.txt'), join(work, 'alias.txt'));
    linkSync(join(work, 'other.txt'), join(work, 'hard.txt'));
    const cases: string[][] = [
      ['victim.txt', '--out', 'victim.txt'],
      ['victim.txt', '--out', join(work, 'victim.txt')],
      ['victim.txt', '--out', './victim.txt', '--format', 'json'],
      ['victim.txt', 'other.txt', '--format', 'csv', '--out', 'other.txt'],
      ['victim.txt', '--out', 'alias.txt'],
      ['other.txt', '--format', 'qdpx', '--out', 'hard.txt'],
    ];
    for (const args of cases) {
      const result = await analyzeIn(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(
        /^sme-interview analyze: --out '.*' is the input file '.*'.*give --out another file/,
      );
    }
    expect(readFileSync(join(work, 'victim.txt'), 'utf8')).toBe(TRANSCRIPT);
    expect(readFileSync(join(work, 'other.txt'), 'utf8')).toContain('12 salariés');
    expect((await analyzeIn(['victim.txt', '--out', 'victim.txt'])).stderr).toBe(
      "sme-interview analyze: --out 'victim.txt' is the input file 'victim.txt': writing there would destroy it; give --out another file, e.g. --out 'victim.md'\n",
    );
    // Another file is written as before.
    const fine = await analyzeIn(['victim.txt', '--out', 'victim.md']);
    expect(fine.code).toBe(0);
    expect(readFileSync(join(work, 'victim.md'), 'utf8')).toMatch(/^# Synthèse/);
  });

  it('keeps an answer written on the line right under its question', async () => {
    const path = join(work, 'tight.txt');
    writeFileSync(
      path,
      'Q: Could you introduce your company?\nA: I run a small bakery in Leeds, there are six of us.\n\n' +
        'Q: Which tools have you adopted?\nA: We use an ERP and Facebook; our customers benefit.\n',
    );
    const result = await cli(['analyze', path, '--format', 'json'], {});
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const summary = Summary.parse(JSON.parse(result.stdout));
    expect(summary.themes.map((t) => [t.id, t.answers.map((a) => a.text)])).toEqual([
      ['presentation', ['I run a small bakery in Leeds, there are six of us.']],
      ['meaning', []],
      ['tools', ['We use an ERP and Facebook; our customers benefit.']],
      ['value', []],
    ]);
    expect(summary.tools.map((t) => t.id)).toContain('erp');
  });

  it('reads --interviewer-prefix I as the label "I:", so answers starting with "In…" or "It…" stay answers', async () => {
    const path = join(work, 'prefix-i.txt');
    writeFileSync(
      path,
      'I: Which tools do you use?\n\nIn our shop we use an ERP for the orders.\n\nIt saves time.\n\n' +
        'I : What have these tools done for your business?\n\nIt brought us new customers.\n',
    );
    const result = await cli(['analyze', path, '--interviewer-prefix', 'I', '--format', 'json'], {});
    expect(result.code).toBe(0);
    const summary = Summary.parse(JSON.parse(result.stdout));
    expect(summary.themes.map((t) => [t.id, t.answers.map((a) => a.text)])).toEqual([
      ['presentation', []],
      ['meaning', []],
      ['tools', ['In our shop we use an ERP for the orders.', 'It saves time.']],
      ['value', ['It brought us new customers.']],
    ]);
    expect(summary.tools.map((t) => t.id)).toContain('erp');
    const noLabel = await cli(['analyze', path, '--interviewer-prefix', ':'], {});
    expect(noLabel.code).toBe(2);
    expect(noLabel.stderr).toMatch(/^sme-interview analyze: --interviewer-prefix takes the label .*\n$/);
  });

  it('reads time-stamped and numbered labels, leaving them out of the quotes and the coded positions', async () => {
    const path = join(work, 'horodate.txt');
    writeFileSync(
      path,
      [
        '[00:00:05] Intervieweur : Pouvez-vous vous présenter ?',
        '[00:00:09] Enquêtée : Je dirige une imprimerie de 28 salariés en Loire-Atlantique.',
        '',
        "00:12:03 Q1 : Quels outils numériques utilisez-vous aujourd'hui dans l'entreprise ?",
        '00:12:10 R1 : Nous avons un ERP, à la demande de notre expert-comptable.',
        '',
        "Question 3 : Concrètement, qu'est-ce que ces outils ont apporté à votre entreprise ?",
        'Réponse : Moins d’erreurs et des clients satisfaits.',
      ].join('\n'),
    );
    const json = Summary.parse(JSON.parse((await cli(['analyze', path, '--format', 'json'], {})).stdout));
    expect(json.themes.map((t) => t.answers.map((a) => [a.question, a.text]))).toEqual([
      [['Pouvez-vous vous présenter ?', 'Je dirige une imprimerie de 28 salariés en Loire-Atlantique.']],
      [],
      [
        [
          "Quels outils numériques utilisez-vous aujourd'hui dans l'entreprise ?",
          'Nous avons un ERP, à la demande de notre expert-comptable.',
        ],
      ],
      [
        [
          "Concrètement, qu'est-ce que ces outils ont apporté à votre entreprise ?",
          'Moins d’erreurs et des clients satisfaits.',
        ],
      ],
    ]);
    const rows = parseCsv((await cli(['analyze', path, '--format', 'csv'], {})).stdout).slice(1);
    expect(rows.find((r) => r[5] === 'erp')?.slice(3, 8)).toEqual(['ERP', 'tool', 'erp', '14', '17']);
    const answers = json.themes.flatMap((t) => t.answers.map((a) => a.text));
    for (const row of rows)
      expect(
        answers.some((text) => Array.from(text).slice(Number(row[6]), Number(row[7])).join('') === row[3]),
        row.join(' | '),
      ).toBe(true);
  });

  it('warns on stderr when no interviewer turn is found, and still analyses the answers', async () => {
    const path = join(work, 'sans-questions.txt');
    writeFileSync(path, 'Nous avons un ERP depuis 2020.\n\nEt un site internet pour les commandes.\n');
    const result = await cli(['analyze', path, '--format', 'json'], {});
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^sme-interview analyze: warning: no interviewer turn found in '.*sans-questions\.txt'.*--interviewer-prefix/,
    );
    expect(Summary.parse(JSON.parse(result.stdout)).tools.map((t) => t.id)).toContain('erp');
    const labelled = await cli(['analyze', FR, '--format', 'json'], {});
    expect(labelled.stderr).toBe('');
  });

  it('pseudonymises the names of the file name the transcript introduces, in every export', async () => {
    const name = 'Entretien Jean Dupont - Kerguelen';
    const path = join(work, `${name}.txt`);
    writeFileSync(
      path,
      'Intervieweur : Pouvez-vous vous présenter ?\n\n' +
        "Je m'appelle Jean Dupont, je dirige la menuiserie Kerguelen à Brest, nous sommes douze.\n\n" +
        "Q : Quels outils numériques utilisez-vous aujourd'hui dans l'entreprise, même simples ?\n\n" +
        'Un ERP et un site internet ; Kerguelen a aussi une page Facebook.\n',
    );
    const outputs: string[] = [];
    for (const format of ['md', 'json', 'csv']) {
      const result = await cli(['analyze', path, '--format', format], {});
      expect(result.code).toBe(0);
      outputs.push(result.stdout);
    }
    const [md = '', json = '', csv = ''] = outputs;
    const id = Summary.parse(JSON.parse(json)).interview.id;
    expect(id).toMatch(/^Entretien \[PERSONNE-[0-9A-F]{6}\] - \[ENTREPRISE-[0-9A-F]{6}\]$/);
    expect(md).toMatch(/Entretien\s*:\s*Entretien \\\[PERSONNE-[0-9A-F]{6}\\\] - \\\[ENTREPRISE-/);
    expect(parseCsv(csv)[1]?.[0]).toBe(id);
    const qdpx = await analyzeIn([path, '--format', 'qdpx']);
    expect(qdpx.code).toBe(0);
    const written = /^wrote (.*)$/m.exec(qdpx.stderr)?.[1] ?? '';
    expect(written).toMatch(/Entretien_PERSONNE-[0-9A-F]{6}_-_ENTREPRISE-[0-9A-F]{6}_\.qdpx$/);
    const xml = unzip(readFileSync(written)).get('project.qde') ?? '';
    const sourceNames = [...xml.matchAll(/<TextSource [^>]*name="([^"]*)"/g)].map((m) =>
      unescapeXml(m[1] ?? ''),
    );
    expect(sourceNames).toEqual([id]);
    for (const output of [md, json, csv, xml, written]) {
      expect(output).not.toMatch(/Dupont|Kerguelen/);
      expect(output).not.toContain('Jean');
    }
    // A file name without names keeps its words.
    const plain = await cli(['analyze', FR, '--format', 'json'], {});
    expect(Summary.parse(JSON.parse(plain.stdout)).interview.id).toBe('atelier-fr');
  });

  it('reads a UTF-16 transcript (Windows Notepad "Unicode"), with or without a byte order mark', async () => {
    const text = TRANSCRIPT.replaceAll('\n', '\r\n');
    const expected = Summary.parse(JSON.parse((await cli(['analyze', FR, '--format', 'json'], {})).stdout));
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const files: [string, Buffer][] = [
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ['utf16-sans-bom.txt', le],
      ['utf16-be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
      ['utf16-be-sans-bom.txt', be],
    ];
    for (const [file, bytes] of files) {
      writeFileSync(join(work, file), bytes);
      const result = await cli(['analyze', join(work, file), '--format', 'json'], {});
      expect(result.stderr, file).toBe('');
      expect(result.code).toBe(0);
      const summary = Summary.parse(JSON.parse(result.stdout));
      expect(summary.themes.map((t) => t.answers.map((a) => a.text.replaceAll('\r\n', '\n')))).toEqual(
        expected.themes.map((t) => t.answers.map((a) => a.text)),
      );
      expect(summary.tools.map((t) => t.id)).toEqual(expected.tools.map((t) => t.id));
    }
    // Binary with NUL bytes stays refused.
    writeFileSync(join(work, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    const binary = await cli(['analyze', join(work, 'binary.txt')], {});
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain('is not a text file');
  });
});
