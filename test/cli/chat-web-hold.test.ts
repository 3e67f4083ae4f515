import { describe, expect, it } from 'vitest';
import { KeyValueBotStorage } from '../../src/bot/bot-storage.js';
import { loadConfig } from '../../src/config.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { openStore } from '../../src/store/open.js';
import { BotHarness } from '../dialogs/harness.js';
import { EN_ANSWERS, FR_ANSWERS, openChat, tempDataDir, until } from './chat-helpers.js';

const guides = loadGuides();

const RESPONDENTS = {
  fr: {
    opening: ['démarrer', '1', '1', ...FR_ANSWERS.slice(0, 2)],
    inTerminal: FR_ANSWERS[2] ?? '',
    inBrowserMeanwhile: 'Je suis la directrice commerciale.',
    comingBack: 'Bonjour, je reprends ici.',
    nextAnswer: FR_ANSWERS[3] ?? '',
  },
  en: {
    opening: ['start', '2', '1', ...EN_ANSWERS.slice(0, 2)],
    inTerminal: EN_ANSWERS[2] ?? '',
    inBrowserMeanwhile: 'I am the sales director.',
    comingBack: "Hello, I'm carrying on here.",
    nextAnswer: EN_ANSWERS[3] ?? '',
  },
} as const;

describe.each(['fr', 'en'] as const)(
  'an interview begun in Teams or the web chat, resumed in a terminal (%s)',
  (lang) => {
    it('is not written from its own conversation while the terminal chat runs, and goes on there after it', async () => {
      const respondent = RESPONDENTS[lang];
      const guide = guides[lang];
      const dataDir = tempDataDir();
      // The server's side of the same store: a Teams-like conversation, its state kept in the store.
      const store = await openStore(loadConfig({ DATA_DIR: dataDir }));
      try {
        const conversation = new BotHarness(store, new KeyValueBotStorage(store.kv), 'teams-conversation');
        for (const line of respondent.opening) await conversation.say(line);
        const { meta } = await conversation.interview();
        const answersOf = async () =>
          (await store.getTurns(meta.id)).filter((t) => t.kind === 'answer').map((t) => t.text);
        const pendingQuestion = async () =>
          (await store.getTurns(meta.id)).filter((t) => t.kind === 'question').at(-1);
        const role = await pendingQuestion();

        const chat = openChat(['chat', '--resume', meta.id], dataDir);
        await until(() => chat.output.stdout.includes(role?.text ?? '?'), 'the terminal to ask');
        expect(await conversation.say(respondent.inBrowserMeanwhile)).toEqual([
          guide.messages.heldInTerminal,
        ]);
        chat.say(respondent.inTerminal);
        await until(async () => (await answersOf()).includes(respondent.inTerminal), 'the terminal answer');
        const reached = await pendingQuestion();
        await until(
          () => chat.output.stdout.includes(reached?.text ?? '?'),
          'the next question in the terminal',
        );
        expect(await conversation.say(respondent.inBrowserMeanwhile)).toEqual([
          guide.messages.heldInTerminal,
        ]);
        chat.stdin.end();
        expect(await chat.exited).toBe(0);

        const back = await conversation.say(respondent.comingBack);
        expect(back[0]).toBe(guide.messages.carriesOnHere);
        expect(back.at(-1)).toBe(reached?.text);
        await conversation.say(respondent.nextAnswer);
        expect(await answersOf()).toEqual([
          ...respondent.opening.slice(3),
          respondent.inTerminal,
          respondent.nextAnswer,
        ]);
        const turns = await store.getTurns(meta.id);
        expect(turns.find((t) => t.text === respondent.nextAnswer)?.questionId).toBe(reached?.questionId);
        const asked = turns.filter((t) => t.kind === 'question').map((t) => t.questionId);
        expect(new Set(asked).size).toBe(asked.length);
      } finally {
        await store.close();
      }
    });
  },
);
