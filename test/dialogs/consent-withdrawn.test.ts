import { describe, expect, it } from 'vitest';
import { BotHarness } from './harness.js';

const SCRIPTS = {
  fr: {
    opening: ['démarrer', '1', '1', 'oui', 'Nous sommes une boulangerie de huit personnes à Rennes.'],
    withdrawals: ['je ne veux plus participer, effacez tout', 'Je retire mon consentement.'],
    othersRecorded: 'Je ne veux pas que nos clients soient enregistrés.',
  },
  en: {
    opening: ['start', '2', '1', 'yes', 'We are a bakery of eight people in Leeds.'],
    withdrawals: ['I withdraw my consent', "Stop, I don't want to take part."],
    othersRecorded: "I don't want the customers to be recorded.",
  },
} as const;

async function underWay(lang: 'fr' | 'en'): Promise<BotHarness> {
  const bot = new BotHarness();
  for (const text of SCRIPTS[lang].opening) await bot.say(text);
  return bot;
}

async function answerTexts(bot: BotHarness): Promise<string[]> {
  const { turns } = await bot.interview();
  return turns.filter((turn) => turn.kind === 'answer').map((turn) => turn.text);
}

describe.each(['fr', 'en'] as const)('consent taken back through the bot (%s)', (lang) => {
  it.each(SCRIPTS[lang].withdrawals)(
    'while the interview is paused, "%s" stops it and says how to erase',
    async (withdrawal) => {
      const bot = await underWay(lang);
      const { messages, opening } = bot.guides[lang];
      expect(await bot.say('pause')).toEqual([messages.paused]);
      const before = await answerTexts(bot);
      expect(await bot.say(withdrawal)).toEqual([opening.consentWithdrawn]);
      const { meta, turns } = await bot.interview();
      expect(meta.status).toBe('paused');
      expect(turns.at(-1)).toMatchObject({ kind: 'event', data: { event: 'stop', consent: 'withdrawn' } });
      expect(await answerTexts(bot)).toEqual(before);
      // Anything else typed while it stays stopped is still answered with the reminder.
      expect(await bot.say('Nous avons un site web.')).toEqual([messages.pausedReminder]);
    },
  );

  it("a refusal about other people's recording is an answer, and the interview goes on", async () => {
    const bot = await underWay(lang);
    const role = bot.guides[lang].presentation.questions[1]?.text;
    const replies = await bot.say(SCRIPTS[lang].othersRecorded);
    expect(replies).not.toContain(bot.guides[lang].opening.consentWithdrawn);
    expect(replies.at(-1)).not.toBe(role);
    expect(await answerTexts(bot)).toContain(SCRIPTS[lang].othersRecorded);
    expect((await bot.interview()).meta.status).toBe('in_progress');
  });
});
