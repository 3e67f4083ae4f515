import { describe, expect, it } from 'vitest';
import { loadTerminalPrompts } from '../../src/cli/terminal-prompts.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { fill } from '../../src/core/guide/template.js';
import { summaryPrompts } from '../../src/core/summary/labels.js';
import { FR_ANSWERS, runChat, storedInterview, tempDataDir } from './chat-helpers.js';
import { cli } from './summary-helpers.js';

describe('a respondent who takes their consent back in the terminal', () => {
  it('is told how to erase the answers, not only how to resume; list and summary say consent is withdrawn', async () => {
    const dataDir = tempDataDir();
    const hints = loadTerminalPrompts().fr;
    const chat = await runChat(
      ['chat', '--lang', 'fr', '--profile', 'manager'],
      [...FR_ANSWERS.slice(0, 3), 'je retire mon consentement'],
      dataDir,
    );
    expect(chat.code).toBe(0);
    const { meta } = await storedInterview(dataDir);
    expect(meta.status).toBe('paused');
    const printed = chat.stdout.trimEnd().split('\n');
    const withdrawn = loadGuides().fr.opening.consentWithdrawn;
    const hint = fill(hints.consentWithdrawnAfterLeaving, {
      erase: `sme-interview erase ${meta.id}`,
      command: `sme-interview chat --resume ${meta.id}`,
    });
    expect(printed.slice(printed.indexOf(withdrawn), printed.indexOf(withdrawn) + 2)).toEqual([
      withdrawn,
      hint,
    ]);
    // Said once, and the exit does not fall back on "your answers are saved, resume with".
    expect(printed.filter((line) => line === hint)).toHaveLength(1);
    expect(chat.stdout).not.toContain(
      fill(hints.pausedOnExit, { command: `sme-interview chat --resume ${meta.id}` }),
    );
    expect(chat.stderr).toContain(
      `interview ${meta.id} paused, consent withdrawn; erase with: sme-interview erase ${meta.id}`,
    );

    const env = { DATA_DIR: dataDir };
    const table = await cli(['list'], env);
    expect(table.stdout).toMatch(new RegExp(`${meta.id}\\s+paused \\(consent withdrawn\\)`));
    // The JSON keeps the three statuses other tools read.
    const json = await cli(['list', '--json'], env);
    expect(JSON.parse(json.stdout)[0].status).toBe('paused');

    const summary = await cli(['summary', meta.id, '--format', 'json'], env);
    expect(JSON.parse(summary.stdout).interview).toMatchObject({ status: 'paused', consentWithdrawn: true });
    const markdown = await cli(['summary', meta.id], env);
    expect(markdown.stdout).toContain(summaryPrompts('fr').statusConsentWithdrawn);
  });

  it('a plain stop still reads as paused everywhere', async () => {
    const dataDir = tempDataDir();
    await runChat(
      ['chat', '--lang', 'fr', '--profile', 'manager'],
      [...FR_ANSWERS.slice(0, 3), 'arrêter'],
      dataDir,
    );
    const { meta } = await storedInterview(dataDir);
    const env = { DATA_DIR: dataDir };
    expect((await cli(['list'], env)).stdout).not.toContain('consent withdrawn');
    const summary = await cli(['summary', meta.id, '--format', 'json'], env);
    expect(JSON.parse(summary.stdout).interview).toMatchObject({ status: 'paused', consentWithdrawn: false });
  });
});
