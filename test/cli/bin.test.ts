import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'bin.js');

describe('the sme-interview program', () => {
  // `npx sme-interview` runs the built file itself: on a fresh clone the build must leave it executable.
  it('runs as a program, not only through node', () => {
    const result = spawnSync(BIN, ['--help'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('tag');
  });

  it('called bare, says in one line on stderr that a command is missing and which there are, exit 2', () => {
    const result = spawnSync(BIN, [], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "sme-interview: no command given; give one of chat, list, tag, analyze, summary, study, erase (run 'sme-interview --help' for what each does)\n",
    );
  });

  it('stops quietly when the reader of its output goes away (| head -1)', () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ id: i, text: 'On a un ERP et un CRM.' }),
    );
    const result = spawnSync('sh', ['-c', `"${BIN}" tag --jsonl | head -1`], {
      input: lines.join('\n'),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toBe('');
  });
});
