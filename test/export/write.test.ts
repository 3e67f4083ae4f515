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

describe('deliver to a path it cannot write', () => {
  const { meta, turns } = frenchInterview('itv-out');
  const markdown = renderSummary(buildSummary(meta, turns), 'md');
  const target = (out: string) => ({
    out,
    defaultName: meta.id,
    cwd: dir,
    stdout: new PassThrough(),
    stderr: new PassThrough(),
  });

  it('names the missing folder and how to mend it', async () => {
    const out = join(dir, 'absent', 'synthese.md');
    await expect(deliver(markdown, target(out))).rejects.toThrow(
      `cannot write '${out}': the folder '${join(dir, 'absent')}' does not exist; create it or give --out a path in an existing folder`,
    );
  });

  it('says a folder is a folder and offers a file in it', async () => {
    await expect(deliver(markdown, target(dir))).rejects.toThrow(
      `cannot write '${dir}': it is a folder; give --out a file path, e.g. --out '${join(dir, 'itv-out.md')}'`,
    );
  });
});
