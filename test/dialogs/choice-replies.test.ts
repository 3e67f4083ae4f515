import { describe, expect, it } from 'vitest';
import { fill } from '../../src/core/guide/index.js';
import { BotHarness } from './harness.js';

describe('the start of an interview as respondents write it', () => {
  it('takes a language, a profile and a consent said in sentences, in French', async () => {
    const bot = new BotHarness();
    const { fr } = bot.guides;
    await bot.say('démarrer');
    expect(await bot.say('en français svp')).toEqual([fr.bot.chooseProfile]);
    expect((await bot.say('je suis conseillère à la CCI')).at(-1)).toBe(fr.opening.consentQuestion);
    expect(await bot.say("Oui je suis d'accord")).toEqual([
      fr.opening.consentThanks,
      fr.presentation.questions.find((q) => q.id === 'presentation.institution')?.text,
    ]);
    const { meta } = await bot.interview();
    expect(meta).toMatchObject({ language: 'fr', profile: 'expert' });
    expect(meta.consentAt).not.toBeNull();
  });

  it('takes them in English, and asks again a choice it cannot read', async () => {
    const bot = new BotHarness();
    const { en, fr } = bot.guides;
    await bot.say('start');
    expect(await bot.say('not French')).toEqual([fr.bot.choiceReask]);
    expect(await bot.say('English please')).toEqual([en.bot.chooseProfile]);
    expect(await bot.say("I'm a manager and an adviser")).toEqual([en.bot.choiceReask]);
    expect((await bot.say('I run a small firm')).at(-1)).toBe(en.opening.consentQuestion);
    expect(await bot.say('not yet')).toEqual([en.opening.consentReask, en.opening.consentQuestion]);
    expect((await bot.say('yes, I consent'))[0]).toBe(en.opening.consentThanks);
    expect((await bot.interview()).meta).toMatchObject({ language: 'en', profile: 'manager' });
  });

  it('interviews as an expert a respondent who manages a business network, and asks a cluster manager nothing more', async () => {
    const bot = new BotHarness();
    const { en } = bot.guides;
    await bot.say('start');
    await bot.say('English please');
    const told = await bot.say('I manage a business network in Cornwall');
    expect(told).toContain(en.opening.intro.expert);
    expect(told).not.toContain(en.opening.intro.manager);
    expect((await bot.say('yes'))[1]).toBe(
      en.presentation.questions.find((q) => q.id === 'presentation.institution')?.text,
    );
    const other = new BotHarness();
    for (const text of ['démarrer', 'en français svp']) await other.say(text);
    expect((await other.say('cluster manager')).at(-1)).toBe(other.guides.fr.opening.consentQuestion);
    expect((await other.interview()).meta).toMatchObject({ profile: 'expert' });
  });

  it('answers a question asked back about the question and records nothing for it', async () => {
    const bot = new BotHarness();
    const { fr } = bot.guides;
    for (const text of ['démarrer', '1', '1', 'oui']) await bot.say(text);
    const company = fr.presentation.questions[0];
    expect(await bot.say('vous pouvez reformuler ?')).toEqual([
      fill(fr.messages.rephrased, { question: company?.rephrase ?? '' }),
    ]);
    const answer = 'Une boulangerie de 8 personnes à Vannes, ouverte en 2015.';
    await bot.say(answer);
    const answers = (await bot.interview()).turns.filter((t) => t.kind === 'answer');
    expect(answers.map((t) => [t.questionId, t.text])).toEqual([
      ['opening.consent', 'oui'],
      ['presentation.company', answer],
    ]);
  });
});
