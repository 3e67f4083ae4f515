import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { FR_ANSWERS, runChat, storedInterview, tempDataDir } from './chat-helpers.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'bin.js');

/** Resolves once the child has printed something and then stayed quiet for `quietMs`. */
function nextReplies(
  child: ChildProcess,
  seen: { out: string },
  quietMs = 400,
  limitMs = 15_000,
): Promise<void> {
  const start = seen.out.length;
  return new Promise((resolve, reject) => {
    const began = Date.now();
    const timer = setInterval(() => {
      if (seen.out.length > start && Date.now() - lastChange >= quietMs) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - began > limitMs) {
        clearInterval(timer);
        reject(new Error(`no reply within ${limitMs} ms; output so far:\n${seen.out}`));
      }
    }, 50);
    let lastChange = Date.now();
    child.stdout?.on('data', () => {
      lastChange = Date.now();
    });
  });
}

/**
 * A French manager interview in a child process, fed `lines` one reply at a time; resolves once the last
 * one is answered, with the child's output so far and its exit (code and signal).
 */
async function chatFedWith(dataDir: string, lines: readonly string[]) {
  const child = spawn(process.execPath, [BIN, 'chat', '--lang', 'fr', '--profile', 'manager'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const seen = { out: '', err: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    seen.out += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    seen.err += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await nextReplies(child, seen);
  for (const line of lines) {
    const replies = nextReplies(child, seen);
    child.stdin.write(`${line}\n`);
    await replies;
  }
  return { child, seen, exited };
}

describe('crash and resume of the terminal chat', () => {
  it.skipIf(!existsSync(BIN))(
    'Ctrl-C pauses the interview and says how to resume it, as the end of input does',
    async () => {
      const dataDir = tempDataDir();
      const { child, seen, exited } = await chatFedWith(dataDir, FR_ANSWERS.slice(0, 2));
      child.kill('SIGINT');
      expect((await exited).code).toBe(0);
      const { meta } = await storedInterview(dataDir);
      expect(meta.status).toBe('paused');
      expect(seen.err).toContain(`sme-interview chat --resume ${meta.id}`);
    },
  );

  it.skipIf(!existsSync(BIN))(
    'SIGKILL mid-interview loses no answer and re-asks nothing already answered',
    async () => {
      const dataDir = tempDataDir();
      const fed = FR_ANSWERS.slice(0, 4);
      const { child, exited } = await chatFedWith(dataDir, fed);
      child.kill('SIGKILL');
      expect((await exited).signal).toBe('SIGKILL');

      const before = await storedInterview(dataDir);
      // Killed, not paused: the log still says in progress, and every line fed is stored as an answer.
      expect(before.meta.status).toBe('in_progress');
      const storedAnswers = before.turns.filter((t) => t.kind === 'answer').map((t) => t.text);
      expect(storedAnswers).toEqual(fed);
      const pending = before.turns.filter((t) => t.kind === 'question').at(-1);

      const resumed = await runChat(
        ['chat', '--resume', before.meta.id],
        ['Nous avons un ERP et un site internet.'],
        dataDir,
      );
      expect(resumed.code).toBe(0);
      expect(resumed.stdout.split('\n')).toContain(pending?.text);
      const after = await storedInterview(dataDir);
      expect(after.turns.filter((t) => t.kind === 'answer').map((t) => t.text)).toEqual([
        ...fed,
        'Nous avons un ERP et un site internet.',
      ]);
      expect(after.turns.find((t) => t.text === 'Nous avons un ERP et un site internet.')?.questionId).toBe(
        pending?.questionId,
      );
      const asked = after.turns.filter((t) => t.kind === 'question').map((t) => t.questionId);
      expect(new Set(asked).size).toBe(asked.length);
    },
  );
});
