import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { EN_ANSWERS, EN_MORE, storedInterview, tempDataDir } from './chat-helpers.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'bin.js');

describe('the terminal chat fed by a pipe its writer keeps open', () => {
  it('exits once the interview is over, without waiting for the pipe to close', async () => {
    const dataDir = tempDataDir();
    const child = spawn(process.execPath, [BIN, 'chat', '--lang', 'en', '--profile', 'manager'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // More than the interview needs: what follows its end is not read.
    const lines = [
      ...EN_ANSWERS,
      ...Array<string>(40).fill(EN_MORE),
      'no',
      'Nothing more.',
      ...Array<string>(10).fill('ok'),
    ];
    child.stdin.write(`${lines.join('\n')}\n`);
    const outcome = await Promise.race([
      exited,
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20_000)),
    ]);
    if (outcome === 'still running') child.kill();
    child.stdin.destroy();
    expect(outcome).toBe(0);
    expect((await storedInterview(dataDir)).meta.status).toBe('completed');
  }, 40_000);
});
