import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Summary } from '../../src/core/summary/index.js';
import { unzip } from '../export/helpers.js';
import { englishInterview, frenchInterview } from '../summary/helpers.js';
import { cli, storeWith } from './summary-helpers.js';

describe('sme-interview summary', () => {
  let ctx: Awaited<ReturnType<typeof storeWith>>;
  beforeAll(async () => {
    ctx = await storeWith([frenchInterview(), englishInterview()]);
  });
  afterAll(() => ctx.cleanup());

  it('prints the Markdown summary of a stored interview by default', async () => {
    const result = await cli(['summary', ctx.ids[0] ?? ''], ctx.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Synthèse de l'entretien/);
    expect(result.stdout).toContain('Retiré (valeur)\u00a0: Sécurité');
  });

  it('prints schema-valid JSON, an HTML page and a card', async () => {
    const json = await cli(['summary', ctx.ids[1] ?? '', '--format', 'json'], ctx.env);
    const summary = Summary.parse(JSON.parse(json.stdout));
    expect(summary.leverBalance).toEqual(['product_market']);
    expect((await cli(['summary', ctx.ids[1] ?? '', '--format', 'html'], ctx.env)).stdout).toMatch(
      /^<!DOCTYPE html>/,
    );
    const card = JSON.parse((await cli(['summary', ctx.ids[1] ?? '', '--format', 'card'], ctx.env)).stdout);
    expect(card.type).toBe('AdaptiveCard');
  });

  it('writes qdpx to the --out file and says where, never to the terminal', async () => {
    const out = join(ctx.dir, 'one.qdpx');
    const result = await cli(['summary', ctx.ids[0] ?? '', '--format', 'qdpx', '--out', out], ctx.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(out);
    expect(unzip(readFileSync(out)).has('project.qde')).toBe(true);
  });

  it('is written in the interview’s own language, or in the one --lang asks for', async () => {
    const [french = '', english = ''] = ctx.ids;
    expect((await cli(['summary', english], ctx.env)).stdout).toMatch(/^# Interview summary/);
    const asked = await cli(['summary', english, '--lang', 'fr'], ctx.env);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/^# Synthèse de l'entretien/);
    expect(asked.stdout).toContain('Langue\u00a0: anglais');
    const json = Summary.parse(
      JSON.parse((await cli(['summary', french, '--format', 'json', '--lang=en'], ctx.env)).stdout),
    );
    expect(json.interview.language).toBe('fr');
    expect(json.tools.map((tool) => tool.label)).toContain('Network meetings and clubs');
  });

  it('refuses --lang other than fr or en with one line and exit code 2', async () => {
    const result = await cli(['summary', ctx.ids[0] ?? '', '--lang', 'es'], ctx.env);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      "sme-interview summary: --lang takes fr or en, got 'es'",
    ]);
  });

  it('fails clearly on an unknown interview and on bad usage', async () => {
    const missing = await cli(['summary', 'no-such-id'], ctx.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no interview 'no-such-id'");
    expect((await cli(['summary'], ctx.env)).code).toBe(2);
    const badFormat = await cli(['summary', ctx.ids[0] ?? '', '--format', 'pdf'], ctx.env);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format takes json|md|html|card|csv|qdpx');
  });
});
