import { describe, expect, it } from 'vitest';
import { FR_ANSWERS, openChat, runChat, storedInterview, tempDataDir, until } from './chat-helpers.js';

describe('two terminals on one interview', () => {
  it('refuses a second --resume while the first chat has the interview open, and loses nothing', async () => {
    const dataDir = tempDataDir();
    await runChat(['chat', '--lang', 'fr', '--profile', 'manager'], FR_ANSWERS.slice(0, 3), dataDir);
    const before = await storedInterview(dataDir);
    const pending = before.turns.filter((t) => t.kind === 'question').at(-1);

    const first = openChat(['chat', '--resume', before.meta.id], dataDir);
    await until(() => first.output.stdout.includes(pending?.text ?? '?'), 'the first chat to ask');

    const second = await runChat(
      ['chat', '--resume', before.meta.id],
      ["Pour nous, c'est surtout la facturation en ligne."],
      dataDir,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`interview ${before.meta.id} is open in another terminal`);
    expect(second.stdout).toBe('');

    first.say(FR_ANSWERS[3] ?? '');
    first.stdin.end();
    expect(await first.exited).toBe(0);
    const after = await storedInterview(dataDir);
    const answers = after.turns.filter((t) => t.kind === 'answer');
    expect(answers.map((t) => t.text)).toEqual(FR_ANSWERS.slice(0, 4));
    expect(answers.at(-1)?.questionId).toBe(pending?.questionId);

    // Once the first chat has ended, the interview can be taken up again.
    const third = await runChat(['chat', '--resume', before.meta.id], [], dataDir);
    expect(third.code).toBe(0);
  });

  it('keeps an interview begun in one terminal from being resumed in another while it runs', async () => {
    const dataDir = tempDataDir();
    const first = openChat(['chat', '--lang', 'en', '--profile', 'expert'], dataDir);
    first.say('yes');
    await until(() => first.output.stdout.split('\n').length > 3, 'the first chat to go on after consent');
    const { meta } = await storedInterview(dataDir);

    const second = await runChat(
      ['chat', '--resume', meta.id],
      ['We advise small firms in Brittany.'],
      dataDir,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('is open in another terminal');

    first.stdin.end();
    expect(await first.exited).toBe(0);
    const { turns } = await storedInterview(dataDir);
    expect(turns.some((t) => t.text === 'We advise small firms in Brittany.')).toBe(false);
  });
});
