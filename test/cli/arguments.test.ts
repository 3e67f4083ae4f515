import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Summary } from '../../src/core/summary/index.js';
import { englishInterview, frenchInterview } from '../summary/helpers.js';
import { cli, storeWith } from './summary-helpers.js';

let ctx: Awaited<ReturnType<typeof storeWith>>;
beforeAll(async () => {
  ctx = await storeWith([frenchInterview('itv-args-fr'), englishInterview('itv-args-en')]);
});
afterAll(() => ctx.cleanup());

describe('options written --name=value', () => {
  it('are read as --name value by summary and study', async () => {
    const json = await cli(['summary', ctx.ids[0] ?? '', '--format=json'], ctx.env);
    expect(json.code).toBe(0);
    expect(Summary.parse(JSON.parse(json.stdout)).interview.language).toBe('fr');
    const csv = await cli(['study', '--format=csv', '--csv-semicolon'], ctx.env);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      '\uFEFFinterview;theme;question;quote;code_type;code;start;end;answer',
    );
  });

  it('reach the chat command, whose own checks then answer', async () => {
    const language = await cli(['chat', '--lang=de'], ctx.env);
    expect(language.code).toBe(2);
    expect(language.stderr).toBe("sme-interview chat: --lang takes fr or en, got 'de'\n");
    const both = await cli(['chat', '--resume=itv-1', '--lang=en'], ctx.env);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--resume continues an interview as it was started');
  });

  it('keep an empty value empty, and refuse a value given to an option that takes none', async () => {
    const empty = await cli(['summary', ctx.ids[0] ?? '', '--out='], ctx.env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--out needs a value');
    const list = await cli(['list', '--json=true'], ctx.env);
    expect(list.code).toBe(2);
    expect(list.stderr).toBe(
      "sme-interview list: --json takes no value; write it alone (run 'sme-interview list --help')\n",
    );
  });
});

describe('--csv-semicolon', () => {
  it('is refused with another format than csv, saying how to mend', async () => {
    const result = await cli(['summary', ctx.ids[0] ?? '', '--csv-semicolon'], ctx.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'sme-interview summary: --csv-semicolon shapes the CSV export; add --format csv or drop it\n',
    );
  });
});
