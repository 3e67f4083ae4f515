import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSummary, renderSummary } from '../../src/core/summary/index.js';
import { deliver } from '../../src/export/write.js';
import { frenchInterview } from '../summary/helpers.js';
import { unzip } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sme-deliver-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deliver', () => {
  it('never sends qdpx to the terminal: without --out it is written beside, named after the interview', async () => {
    const { meta, turns } = frenchInterview('../evil/id');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const printed: Buffer[] = [];
    stdout.on('data', (c: Buffer) => printed.push(c));
    let said = '';
    stderr.on('data', (c: Buffer) => {
      said += c.toString();
    });
    await deliver(renderSummary(buildSummary(meta, turns), 'qdpx'), {
      defaultName: meta.id,
      cwd: dir,
      stdout,
      stderr,
    });
    expect(Buffer.concat(printed).length).toBe(0);
    const path = join(dir, 'evil_id.qdpx');
    expect(said).toBe(`wrote ${path}\n`);
    expect(unzip(readFileSync(path)).has('project.qde')).toBe(true);
  });
});
