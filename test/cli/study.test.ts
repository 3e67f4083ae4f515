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
