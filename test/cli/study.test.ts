import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../export/helpers.js';
import { englishInterview, frenchInterview } from '../summary/helpers.js';
import { cli, storeWith } from './summary-helpers.js';

describe('sme-interview study', () => {
  let ctx: Awaited<ReturnType<typeof storeWith>>;
  beforeAll(async () => {
    const inProgress = englishInterview('ongoing');
    inProgress.meta.status = 'in_progress';
    inProgress.meta.completedAt = null;
    ctx = await storeWith([frenchInterview(), englishInterview(), inProgress]);
  });
  afterAll(() => ctx.cleanup());

  it('puts every completed interview in the tools table, the matrix and the lever balance per interview', async () => {
    const result = await cli(['study'], ctx.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("# Synthèse de l'étude");
    expect(result.stdout).toMatch(/\| ERP \| Chaîne de valeur \| .* \| I1 \|/);
    expect(result.stdout).toMatch(/\| Visioconférence \| Clusters et réseaux \| .* \| I2 \|/);
    expect(result.stdout).toContain("## Matrice d'interaction des valeurs");
    expect(result.stdout).not.toContain('| I3 |');
  });

  it('exports the coded segments of all completed interviews as CSV', async () => {
    const result = await cli(['study', '--format', 'csv'], ctx.env);
    const interviews = new Set(
      parseCsv(result.stdout)
        .slice(1)
        .map((r) => r[0]),
    );
    expect(interviews).toEqual(new Set(ctx.ids.slice(0, 2)));
  });
});

describe('sme-interview study, the language it is written in', () => {
  let mixed: Awaited<ReturnType<typeof storeWith>>;
  let mostlyFrench: Awaited<ReturnType<typeof storeWith>>;
  beforeAll(async () => {
    // The English interview is the oldest in both stores.
    mixed = await storeWith([englishInterview('en-first'), frenchInterview('fr-second')]);
    mostlyFrench = await storeWith([
      englishInterview('en-first'),
      frenchInterview('fr-second'),
      frenchInterview('fr-third'),
    ]);
  });
  afterAll(() => {
    mixed.cleanup();
    mostlyFrench.cleanup();
  });

  it('is written in the language --lang asks for, English and French interviews alike', async () => {
    const french = await cli(['study', '--lang', 'fr'], mixed.env);
    expect(french.code).toBe(0);
    expect(french.stdout).toContain("# Synthèse de l'étude");
    expect(french.stdout).toMatch(/\| Visioconférence \| Clusters et réseaux \| .* \| I1 \|/);
    expect(french.stdout).not.toContain('Study summary');
    const english = await cli(['study', '--lang=en'], mixed.env);
    expect(english.code).toBe(0);
    expect(english.stdout).toContain('# Study summary');
    expect(english.stdout).not.toContain('Synthèse');
  });

  it('is written by default in the language most interviews were held in, the oldest one’s on a tie', async () => {
    expect((await cli(['study'], mostlyFrench.env)).stdout).toContain("# Synthèse de l'étude");
    expect((await cli(['study'], mixed.env)).stdout).toContain('# Study summary');
  });

  it('refuses a language it cannot write with one line and exit code 2', async () => {
    for (const args of [
      ['study', '--lang', 'de'],
      ['study', '--lang'],
    ]) {
      const result = await cli(args, mixed.env);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toContain('--lang');
    }
    expect((await cli(['study', '--lang', 'de'], mixed.env)).stderr).toContain(
      "--lang takes fr or en, got 'de'",
    );
  });
});
