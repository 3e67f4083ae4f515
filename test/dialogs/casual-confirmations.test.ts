import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { BotHarness } from './harness.js';

const START: Record<Language, string[]> = {
  fr: ['démarrer', '1', '1', 'oui', 'Boulangerie à Quimper, sept salariés.'],
  en: ['start', '2', '1', 'yes', 'A bakery in Hull, seven staff.'],
};

/** A manager's interview in the web chat, its role question waiting. */
async function underWay(lang: Language): Promise<BotHarness> {
  const bot = new BotHarness();
  for (const text of START[lang]) await bot.say(text);
  return bot;
}

describe('erasure asked casually, as typed on a phone', () => {
  it.each([
    ['fr', 'jveux que vous effaciez mes donnees'],
    ['fr', 'supprimez tout svp'],
    ['fr', "j'veux effacer mes données"],
    ['en', 'please delete it all'],
  ] as const)('%s: "%s" asks for confirmation and is not stored as an answer', async (lang, text) => {
    const bot = await underWay(lang);
    expect(await bot.say(text)).toEqual([bot.guides[lang].bot.deleteConfirm]);
    expect((await bot.interview()).turns.some((turn) => turn.text === text)).toBe(false);
  });

  it('keeps an answer about deleting papers as an answer', async () => {
    const bot = await underWay('fr');
    const replies = await bot.say('on a supprimé les données papier, tout est sur le logiciel');
    expect(replies).not.toContain(bot.guides.fr.bot.deleteConfirm);
  });
});

describe('the erase confirmation', () => {
  it.each([
    ['fr', 'ouiii'],
    ['fr', 'ouii'],
    ['fr', 'oui oui'],
    ['en', 'yesss'],
    ['en', 'yep'],
  ] as const)('%s: a stretched or doubled yes, "%s", erases', async (lang, yes) => {
    const bot = await underWay(lang);
    await bot.say(lang === 'fr' ? 'effacer mes données' : 'delete my data');
    expect(await bot.say(yes)).toEqual([bot.guides[lang].bot.deleted]);
    expect(await bot.store.listInterviews()).toEqual([]);
  });

  it.each([
    ['fr', 'euh'],
    ['en', 'hmm not sure'],
  ] as const)(
    '%s: a reply that is neither yes nor no, "%s", gets the question again, once',
    async (lang, unclear) => {
      const bot = await underWay(lang);
      const { bot: words } = bot.guides[lang];
      await bot.say(lang === 'fr' ? 'effacer mes données' : 'delete my data');
      expect(await bot.say(unclear)).toEqual([words.confirmReask, words.deleteConfirm]);
      expect(await bot.store.listInterviews()).toHaveLength(1);
      // Asked again, a yes erases.
      expect(await bot.say(lang === 'fr' ? 'oui' : 'yes')).toEqual([words.deleted]);
      expect(await bot.store.listInterviews()).toEqual([]);
    },
  );

  it('reads a second reply that is neither as a no: nothing is erased, the interview goes on', async () => {
    const bot = await underWay('fr');
    const { bot: words } = bot.guides.fr;
    await bot.say('effacer mes données');
    await bot.say('euh');
    const replies = await bot.say('je sais pas');
    expect(replies[0]).toBe(words.deleteCancelled);
    expect((await bot.interview()).meta.status).toBe('in_progress');
  });
});

describe('the confirmation before leaving an unfinished interview', () => {
  it('asks again on a reply that is neither yes nor no, and a stretched yes leaves it', async () => {
    const bot = await underWay('fr');
    const { bot: words } = bot.guides.fr;
    const asked = await bot.say('démarrer');
    expect(await bot.say('hmm')).toEqual([words.confirmReask, ...asked]);
    expect((await bot.interview()).meta.status).toBe('in_progress');
    expect(await bot.say('ouiii')).toEqual([words.leaveKept, words.chooseLanguage]);
  });
});
