import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { Tags } from '../../src/core/tags.js';

async function run(args: string[], input: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await runCli(args, { stdin: Readable.from([input]), stdout, stderr, env: {} });
  return { code, out, err };
}

describe('sme-interview tag', () => {
  it('prints one Tags object for the text on stdin', async () => {
    const { code, out } = await run(['tag'], "On a mis en place l'ERP à la demande de nos clients.");
    expect(code).toBe(0);
    const tags = Tags.parse(JSON.parse(out));
    expect(tags.lang).toBe('fr');
    expect(tags.tools.map((t) => t.id)).toContain('erp');
  });

  it('honours --lang', async () => {
    const { out } = await run(['tag', '--lang', 'en'], 'Teams');
    expect(Tags.parse(JSON.parse(out)).lang).toBe('en');
  });

  it('tags JSON lines in order, echoing ids, and reports a bad line by number without losing the others', async () => {
    const input = [
      JSON.stringify({ id: 'a1', text: 'We moved to Odoo.' }),
      'not json',
      JSON.stringify({ id: 'a3' }),
      '',
      JSON.stringify({ id: 'a5', text: 'On utilise Dropbox.', lang: 'fr' }),
    ].join('\n');
    const { code, out, err } = await run(['tag', '--jsonl'], input);
    expect(code).toBe(1);
    // One output line per input line, in order: a bad line, a blank one too, answers with its error.
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toEqual({ line: 2, error: 'not a JSON object' });
    expect(lines[2]).toMatchObject({ id: 'a3', line: 3, error: expect.stringContaining("field 'text'") });
    expect(lines[3]).toEqual({
      line: 4,
      error: 'blank line: each line must be one object such as {"id": "a1", "text": "…"}',
    });
    const tagged = [lines[0], lines[4]].map((l) => Tags.parse(l));
    expect(tagged.map((l) => l.id)).toEqual(['a1', 'a5']);
    expect(tagged[0]?.tools.map((t) => t.id)).toEqual(['erp']);
    expect(err).toMatch(/line 2:/);
    expect(err).toMatch(/line 3: field 'text'/);
  });

  it('echoes each id as given: a number as a number, a string as a string', async () => {
    const input = [
      JSON.stringify({ id: 5, text: 'On a un ERP.' }),
      JSON.stringify({ id: '5', text: 'We use Zoom.' }),
      JSON.stringify({ id: 7 }),
    ].join('\n');
    const { out } = await run(['tag', '--jsonl'], input);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([5, '5', 7]);
    expect(lines[2]).toMatchObject({ line: 3, error: expect.stringContaining("field 'text'") });
  });

  it('says a JSON line that is not an object is not one, and what a line must be', async () => {
    const { code, out, err } = await run(['tag', '--jsonl'], '[1,2]\n42\nnull\n"Bonjour"\n');
    expect(code).toBe(1);
    const errors = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).error);
    expect(errors).toEqual(
      ['an array', 'a number', 'null', 'a string'].map(
        (kind) =>
          `not a JSON object but ${kind}: each line must be one object such as {"id": "a1", "text": "…"}`,
      ),
    );
    expect(err).not.toContain("field 'line'");
  });

  it('takes --lang=en as --lang en, and refuses a value given to --jsonl', async () => {
    const { code, out } = await run(['tag', '--lang=en'], 'Teams');
    expect(code).toBe(0);
    expect(Tags.parse(JSON.parse(out)).lang).toBe('en');
    const refused = await run(['tag', '--jsonl=yes'], 'x');
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      "sme-interview tag: --jsonl takes no value; write it alone (run 'sme-interview tag --help')\n",
    );
  });

  it('tags a JSON line without an id, which its output line then has none of', async () => {
    const { code, out } = await run(['tag', '--jsonl'], `${JSON.stringify({ text: 'On a un ERP.' })}\n`);
    expect(code).toBe(0);
    const line = Tags.parse(JSON.parse(out));
    expect(line.id).toBeUndefined();
    expect(line.tools.map((t) => t.id)).toEqual(['erp']);
  });

  it('exits 0 when every JSON line is good', async () => {
    const { code, out } = await run(['tag', '--jsonl'], `${JSON.stringify({ id: 'x', text: 'Zoom' })}\n`);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
  });

  it('refuses empty input with a clear message and exit 1', async () => {
    const { code, err } = await run(['tag'], '   \n');
    expect(code).toBe(1);
    expect(err).toMatch(/no text on standard input/);
  });

  it('exits 2 on a bad option or language', async () => {
    expect((await run(['tag', '--lang', 'de'], 'x')).code).toBe(2);
    expect((await run(['tag', '--frobnicate'], 'x')).code).toBe(2);
  });
});
