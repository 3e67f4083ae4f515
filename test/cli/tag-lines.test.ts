import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'bin.js');

async function run(args: string[], input: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await runCli(args, { stdin: Readable.from([input]), stdout, stderr, env: {} });
  return {
    code,
    lines: out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)),
    err,
  };
}

describe('sme-interview tag --jsonl, line for line', () => {
  it('prints three lines for three, the installed program too (printf … | sme-interview tag --jsonl)', () => {
    const input = ['{"id":1,"text":"On a un ERP"}', '', '{"text":"x","lang":"EN"}', ''].join('\n');
    const result = spawnSync(process.execPath, [BIN, 'tag', '--jsonl'], {
      input,
      encoding: 'utf8',
      timeout: 20_000,
    });
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? l.line)).toEqual([1, 2, undefined]);
    expect(lines[1].error).toMatch(/^blank line: /);
    expect(lines[2].lang).toBe('en');
    expect(result.status).toBe(1);
  });

  it('answers a blank line with an error line, so output line N still answers input line N', async () => {
    const input = [
      JSON.stringify({ id: 1, text: 'On a un ERP' }),
      '',
      '   ',
      JSON.stringify({ text: 'x' }),
    ].join('\n');
    const { code, lines, err } = await run(['tag', '--jsonl'], `${input}\n`);
    expect(code).toBe(1);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 1, lang: 'fr' });
    const blank = 'blank line: each line must be one object such as {"id": "a1", "text": "…"}';
    expect(lines[1]).toEqual({ line: 2, error: blank });
    expect(lines[2]).toEqual({ line: 3, error: blank });
    expect(lines[3]).toHaveProperty('tools');
    expect(err).toBe(`sme-interview tag: line 2: ${blank}\nsme-interview tag: line 3: ${blank}\n`);
  });

  it('reads lang in any case, on a line and in --lang', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Teams', lang: 'EN' }),
      JSON.stringify({ id: 'b', text: 'Teams', lang: 'Fr' }),
    ].join('\n');
    const { code, lines } = await run(['tag', '--jsonl'], input);
    expect(code).toBe(0);
    expect(lines.map((l) => [l.id, l.lang])).toEqual([
      ['a', 'en'],
      ['b', 'fr'],
    ]);
    const forced = await run(['tag', '--lang', 'EN'], 'Teams');
    expect(forced.code).toBe(0);
    expect(forced.lines[0].lang).toBe('en');
  });

  it('names the field and what it accepts when lang is no language', async () => {
    const { code, lines, err } = await run(
      ['tag', '--jsonl'],
      JSON.stringify({ id: 'c', text: 'x', lang: 'de' }),
    );
    expect(code).toBe(1);
    expect(lines).toEqual([{ id: 'c', line: 1, error: "field 'lang': expected fr or en (any case)" }]);
    expect(err).toBe("sme-interview tag: line 1: field 'lang': expected fr or en (any case)\n");
  });
});
