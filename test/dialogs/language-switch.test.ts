import { describe, expect, it } from 'vitest';
import { BotHarness } from './harness.js';

describe('changing language through the dialogs', () => {
  it('at the profile choice, "english please" asks the profile in English and the interview is held in English', async () => {
    const bot = new BotHarness();
    const { fr, en } = bot.guides;
    await bot.say('démarrer');
    expect(await bot.say('français')).toEqual([fr.bot.chooseProfile]);
    expect(await bot.say('english please')).toEqual([en.messages.languageSwitched, en.bot.chooseProfile]);
    expect(await bot.say('1')).toEqual([en.opening.intro.manager, en.opening.consentQuestion]);
    expect((await bot.interview()).meta.language).toBe('en');
  });

  it('at the language choice asked in French, "can we change language?" chooses English', async () => {
    const bot = new BotHarness();
    expect(await bot.say('démarrer')).toEqual([bot.guides.fr.bot.chooseLanguage]);
    expect(await bot.say('can we change language?')).toEqual([bot.guides.en.bot.chooseProfile]);
  });

  it('at consent, "can we continue in English?" asks consent again in English', async () => {
    const bot = new BotHarness();
    const { en } = bot.guides;
    for (const line of ['démarrer', '1', '1']) await bot.say(line);
    expect(await bot.say('can we continue in English?')).toEqual([
      en.messages.languageSwitched,
      en.opening.intro.manager,
      en.opening.consentQuestion,
    ]);
    expect(await bot.say('yes')).toEqual([en.opening.consentThanks, en.presentation.questions[0]?.text]);
  });

  it('mid-interview, records no answer, asks the question again in English, and keeps English after a restart', async () => {
    const first = new BotHarness();
    const { en } = first.guides;
    for (const line of ['démarrer', '1', '1', 'oui', 'Nous fabriquons des meubles, 25 salariés, en Savoie.'])
      await first.say(line);
    const before = await first.interview();

    expect(await first.say('sorry can we continue in english?')).toEqual([
      en.messages.languageSwitched,
      en.presentation.questions[1]?.text,
    ]);
    const { meta, turns } = await first.interview();
    expect(meta.language).toBe('en');
    expect(turns.filter((t) => t.kind === 'answer')).toHaveLength(
      before.turns.filter((t) => t.kind === 'answer').length,
    );

    // A restart: a new bot over the same store and conversation state (a new message id: not a redelivery).
    const restarted = new BotHarness(first.store, first.storage);
    const replies = await restarted.send({
      type: 'message',
      id: 'after-restart',
      text: 'I am the owner and I founded the firm.',
    });
    expect(replies.some((line) => line.startsWith('Theme 1 of 3'))).toBe(true);
    const answer = (await restarted.interview()).turns.findLast((t) => t.kind === 'answer');
    expect(answer?.text).toBe('I am the owner and I founded the firm.');
    expect(answer?.tags?.lang).toBe('en');
  });

  it('an answer naming a language is stored as the answer and the interview stays in French', async () => {
    const bot = new BotHarness();
    for (const line of ['démarrer', '1', '1', 'oui']) await bot.say(line);
    await bot.say('Nous vendons des logiciels, notre site est en anglais.');
    const { meta, turns } = await bot.interview();
    expect(meta.language).toBe('fr');
    expect(turns.findLast((t) => t.kind === 'answer')?.text).toBe(
      'Nous vendons des logiciels, notre site est en anglais.',
    );
  });
});
