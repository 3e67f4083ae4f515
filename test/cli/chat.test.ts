import { describe, expect, it } from 'vitest';
import { loadTerminalPrompts } from '../../src/cli/terminal-prompts.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { fill } from '../../src/core/guide/template.js';
import {
  EN_ANSWERS,
  EN_MORE,
  FR_ANSWERS,
  FR_MORE,
  openChat,
  runChat,
  storedInterviews,
  tempDataDir,
} from './chat-helpers.js';

const THEMES = ['meaning', 'tools', 'value'];

describe.each([
  ['fr', FR_ANSWERS, FR_MORE, 'Thème 1 sur 3', 'non'],
  ['en', EN_ANSWERS, EN_MORE, 'Theme 1 of 3', 'no'],
] as const)('sme-interview chat, a scripted interview piped in (%s)', (lang, answers, more, progress, no) => {
  it('reaches the closing and completes, with the three themes answered in order and tagged', async () => {
    const dataDir = tempDataDir();
    // More lines than questions: whatever the probes, the interview reaches its end (extra lines are answered politely).
    const lines = [...answers, ...Array.from({ length: 24 }, () => more), no, no];
    const { code, stdout, stderr } = await runChat(
      ['chat', '--lang', lang, '--profile', 'manager'],
      lines,
      dataDir,
    );
    expect(code).toBe(0);
    expect(stdout).toContain(progress);
    const [only, ...others] = await storedInterviews(dataDir);
    expect(others).toHaveLength(0);
    expect(only?.meta.status).toBe('completed');
    expect(stderr).toContain(`interview ${only?.meta.id} completed`);
    const answered = (only?.turns ?? []).filter((t) => t.kind === 'answer' && THEMES.includes(t.section));
    const sections = answered.map((t) => t.section);
    expect([...sections].sort((a, b) => THEMES.indexOf(a) - THEMES.indexOf(b))).toEqual(sections);
    for (const theme of THEMES) expect(sections).toContain(theme);
    expect(answered.every((t) => t.tags !== null)).toBe(true);
    expect(answered.some((t) => t.tags?.tools.some((tool) => tool.id === 'erp'))).toBe(true);
  });
});

describe('sme-interview chat, end of input and resume', () => {
  it('pauses at the end of input, prints the id, and --resume continues at the same question', async () => {
    const dataDir = tempDataDir();
    const first = await runChat(
      ['chat', '--lang', 'fr', '--profile', 'manager'],
      FR_ANSWERS.slice(0, 3),
      dataDir,
    );
    expect(first.code).toBe(0);
    const [stored] = await storedInterviews(dataDir);
    expect(stored?.meta.status).toBe('paused');
    const id = stored?.meta.id ?? '';
    expect(first.stderr).toContain(`sme-interview chat --resume ${id}`);
    const pending = stored?.turns.filter((t) => t.kind === 'question').at(-1);
    expect(pending?.questionId).toBe('meaning.main');

    const second = await runChat(['chat', '--resume', id], [FR_ANSWERS[3] ?? ''], dataDir);
    expect(second.code).toBe(0);
    expect(second.stdout.split('\n')).toContain(pending?.text);
    const [after] = await storedInterviews(dataDir);
    const answer = after?.turns.find((t) => t.kind === 'answer' && t.text === FR_ANSWERS[3]);
    expect(answer?.questionId).toBe('meaning.main');
    const asked = after?.turns.filter((t) => t.kind === 'question').map((t) => t.questionId) ?? [];
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('tells a respondent who stops the exact command that takes the interview up after leaving, and it works', async () => {
    const dataDir = tempDataDir();
    const said = loadGuides().fr.messages;
    const hints = loadTerminalPrompts().fr;
    const first = await runChat(
      ['chat', '--lang', 'fr', '--profile', 'manager'],
      [...FR_ANSWERS.slice(0, 3), 'arrêter'],
      dataDir,
    );
    const [stored] = await storedInterviews(dataDir);
    const command = `sme-interview chat --resume ${stored?.meta.id}`;
    const printed = first.stdout.trimEnd().split('\n');
    // Right after the bot's « reprendre » (true while the chat runs): what to type once it is over.
    expect(printed.slice(printed.indexOf(said.stopped), printed.indexOf(said.stopped) + 2)).toEqual([
      said.stopped,
      fill(hints.resumeAfterLeaving, { command }),
    ]);
    // Said once: leaving after a stop repeats nothing.
    expect(printed.filter((line) => line.includes(command))).toHaveLength(1);
    expect(printed.at(-1)).toBe(fill(hints.resumeAfterLeaving, { command }));
    expect(first.stderr).toContain(command);

    const [, ...args] = command.split(' ');
    const second = await runChat(args, [FR_ANSWERS[3] ?? ''], dataDir);
    expect(second.code).toBe(0);
    const [after] = await storedInterviews(dataDir);
    expect(after?.turns.some((t) => t.kind === 'answer' && t.text === FR_ANSWERS[3])).toBe(true);
  });

  it('ends on a piped end of input with the resume command in English, not with « type resume »', async () => {
    const dataDir = tempDataDir();
    const { stdout } = await runChat(
      ['chat', '--lang', 'en', '--profile', 'expert'],
      EN_ANSWERS.slice(0, 2),
      dataDir,
    );
    const [stored] = await storedInterviews(dataDir);
    expect(stored?.meta.status).toBe('paused');
    expect(stdout).not.toContain(loadGuides().en.messages.paused);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      `The interview is paused and your answers are saved. To resume it: sme-interview chat --resume ${stored?.meta.id}`,
    );
  });

  it('refuses bad options and unknown interviews with a clear line', async () => {
    const dataDir = tempDataDir();
    const bad = await runChat(['chat', '--lang', 'de'], [], dataDir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang takes fr or en');
    const missing = await runChat(['chat', '--resume', 'nope'], [], dataDir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no interview 'nope'");
  });
});

describe('sme-interview chat, binary data piped in', () => {
  // A PNG's signature and first chunk, as a file piped in starts: "\x89PNG\r\n\x1a\n", then "IHDR".
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ]);

  it.each([
    ['fr', 'oui', png],
    ['en', 'yes', Buffer.from('We sell bread.\u0000\u0001\u0002 And cakes.\n')],
  ] as const)(
    'refuses it with one line, pauses the interview and stores none of it (%s)',
    async (lang, consent, bytes) => {
      const dataDir = tempDataDir();
      const chat = openChat(['chat', '--lang', lang, '--profile', 'manager'], dataDir);
      chat.say(consent);
      chat.stdin.end(bytes);
      expect(await chat.exited).toBe(1);
      const errors = chat.output.stderr.trim().split('\n');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^sme-interview chat: input line 2 is not UTF-8 text .*nothing of it was stored.* paused, continue with: sme-interview chat --resume /,
      );
      const [stored] = await storedInterviews(dataDir);
      expect(stored?.meta.status).toBe('paused');
      const answers = stored?.turns.filter((t) => t.kind === 'answer' || t.kind === 'amend') ?? [];
      expect(answers.map((t) => t.questionId)).toEqual(['opening.consent']);
    },
  );
});

describe('sme-interview chat, once the interview is over', () => {
  it.each([
    ['fr', FR_ANSWERS, FR_MORE, 'non', 'démarrer'],
    ['en', EN_ANSWERS, EN_MORE, 'no', 'start'],
  ] as const)(
    'ends after the closing with exit code 0, reads no further line and says how to read the summary (%s)',
    async (lang, answers, more, no, start) => {
      const dataDir = tempDataDir();
      // A person at a terminal: the input stays open, and lines typed after the end are never answered.
      const chat = openChat(['chat', '--lang', lang, '--profile', 'manager'], dataDir);
      for (const line of [...answers, ...Array.from({ length: 24 }, () => more), no, no, start, '1'])
        chat.say(line);
      expect(await chat.exited).toBe(0);
      chat.stdin.end();
      const [only, ...others] = await storedInterviews(dataDir);
      expect(others).toHaveLength(0);
      expect(only?.meta.status).toBe('completed');
      const printed = chat.output.stdout.trimEnd().split('\n');
      const thanks = loadGuides()[lang].closing.thanks;
      expect(printed.slice(printed.indexOf(thanks))).toEqual([
        thanks,
        fill(loadTerminalPrompts()[lang].summaryAfterCompletion, {
          command: `sme-interview summary ${only?.meta.id}`,
        }),
      ]);
      expect(chat.output.stdout).not.toContain(loadGuides()[lang].bot.welcome);
      expect(chat.output.stderr).toBe(`interview ${only?.meta.id} completed\n`);
    },
  );

  it('refuses to resume a completed interview, pointing to its summary', async () => {
    const dataDir = tempDataDir();
    await runChat(
      ['chat', '--lang', 'en', '--profile', 'manager'],
      [...EN_ANSWERS, ...Array.from({ length: 24 }, () => EN_MORE), 'no', 'no'],
      dataDir,
    );
    const [done] = await storedInterviews(dataDir);
    expect(done?.meta.status).toBe('completed');
    const again = await runChat(['chat', '--resume', done?.meta.id ?? ''], ['start'], dataDir);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr.trim().split('\n')).toEqual([
      `sme-interview chat: interview ${done?.meta.id} is completed; 'sme-interview summary ${done?.meta.id}' shows its summary`,
    ]);
    expect(await storedInterviews(dataDir)).toHaveLength(1);
  });
});

describe('sme-interview chat, a very long answer', () => {
  it.each([
    [
      'fr',
      'oui',
      'Nous fabriquons des meubles en bois massif pour les hôtels de la région. ',
      '4\u202f000 caractères',
    ],
    ['en', 'yes', 'We make solid wood furniture for the hotels of the region. ', '4,000 characters'],
  ] as const)(
    'says where it was cut with the figure written the %s way',
    async (lang, consent, sentence, figure) => {
      const dataDir = tempDataDir();
      const { stdout } = await runChat(
        ['chat', '--lang', lang, '--profile', 'manager'],
        [consent, sentence.repeat(80)],
        dataDir,
      );
      expect(stdout).toContain(figure);
      expect(stdout).not.toContain('4000');
    },
  );
});

describe("sme-interview chat, worded in the terminal reader's language", () => {
  it.each([
    [{ LANG: 'en_GB.UTF-8' }, 'en'],
    [{ LANG: 'fr_FR.UTF-8' }, 'fr'],
    [{ LANG: 'fr_FR.UTF-8', LC_ALL: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'fr'],
  ] as const)('greets and asks the language as %o says', async (env, lang) => {
    const guides = loadGuides();
    const { stdout } = await runChat(['chat'], [], tempDataDir(), env);
    expect(stdout).toContain(guides[lang].bot.chooseLanguage);
    expect(stdout).not.toContain(guides[lang === 'fr' ? 'en' : 'fr'].bot.chooseLanguage);
  });
});
