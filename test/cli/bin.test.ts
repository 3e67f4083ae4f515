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
});
