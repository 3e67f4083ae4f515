import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { frenchInterview } from '../summary/helpers.js';
import { storeWith } from './summary-helpers.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'bin.js');
const FR = join(PACKAGE_ROOT, 'test', 'fixtures', 'transcripts', 'atelier-fr.txt');

/** Runs a command in-process with `input` on stdin; `stdout` may be given (one that fails, say). */
async function run(args: string[], input: string, stdout?: Writable) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = stdout ?? new PassThrough().on('data', (c: Buffer) => out.push(c));
  const stderr = new PassThrough().on('data', (c: Buffer) => err.push(c));
  const stdin = new PassThrough();
  stdin.end(input);
  const code = await runCli(args, { stdin, stdout: sink, stderr, env: {} });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('output that cannot be written', () => {
  let ctx: Awaited<ReturnType<typeof storeWith>>;
  beforeAll(async () => {
    ctx = await storeWith([frenchInterview()]);
  });
  afterAll(() => ctx.cleanup());

  it.skipIf(!existsSync('/dev/full'))(
    'says so in one line, exit code 1, no stack trace (> /dev/full)',
    () => {
      const commands = [
        `"${BIN}" summary ${ctx.ids[0]}`,
        `"${BIN}" analyze "${FR}"`,
        `echo "On a un ERP." | "${BIN}" tag`,
        `"${BIN}" list`,
        `"${BIN}" --help`,
      ];
      for (const command of commands) {
        const result = spawnSync('sh', ['-c', `${command} > /dev/full`], {
          encoding: 'utf8',
          timeout: 30_000,
          env: { ...process.env, DATA_DIR: ctx.dir },
        });
        expect(result.status, command).toBe(1);
        expect(result.stderr, command).toMatch(
          /^sme-interview[a-z ]*: cannot write to standard output: no space left on the device it goes to; .*\n$/,
        );
        expect(result.stderr).not.toMatch(/at |throw|ENOSPC/);
      }
    },
  );

  it('is one error line from an export command, exit code 1, when the stream refuses the write', async () => {
    const full = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      },
    });
    full.on('error', () => {});
    const result = await run(['analyze', FR], '', full);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'sme-interview analyze: cannot write to standard output: no space left on the device it goes to; free some space or send it elsewhere (--out PATH where the command takes it)\n',
    );
  });
});

describe('tag and a byte order mark (files saved on Windows)', () => {
  const text = "On n'a pas de CRM, mais l'ERP c'est notre expert-comptable qui nous l'a proposé";

  it('drops it before the text: offsets are the same as without it', async () => {
    const plain = await run(['tag'], text);
    const marked = await run(['tag'], `\uFEFF${text}`);
    expect(marked.code).toBe(0);
    expect(JSON.parse(marked.stdout)).toEqual(JSON.parse(plain.stdout));
    const erp = JSON.parse(marked.stdout).tools.find((t: { id: string }) => t.id === 'erp');
    expect(erp.evidence[0]).toEqual({ start: 26, end: 29, text: 'ERP' });
  });

  it('reads a JSONL first line starting with it as JSON', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'On a un ERP.' }),
      JSON.stringify({ id: 'b', text: 'We use a CRM.' }),
    ];
    const result = await run(['tag', '--jsonl'], `\uFEFF${lines.join('\r\n')}\r\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(out.map((o) => [o.id, o.tools.map((t: { id: string }) => t.id)])).toEqual([
      ['a', ['erp']],
      ['b', ['crm']],
    ]);
    expect(out[0].tools[0].evidence[0]).toEqual({ start: 8, end: 11, text: 'ERP' });
  });
});
