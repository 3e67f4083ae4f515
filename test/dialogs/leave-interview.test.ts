import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.js';
import type { InterviewStore } from '../../src/store/types.js';
import { BotHarness } from './harness.js';

/** The last question the interview asked, as the store holds it. */
async function pendingQuestion(bot: BotHarness): Promise<string> {
  const { turns } = await bot.interview();
  return turns.filter((turn) => turn.kind === 'question').at(-1)?.text ?? '';
}

async function invite(store: InterviewStore, code: string): Promise<void> {
  await store.createInvitation({
    code,
    interviewerId: 'interviewer-9',
    interviewerAddress: {},
    profile: 'manager',
    language: 'en',
  });
}

describe('starting another interview in the middle of one', () => {
  it('asks first, saying where it stands; no goes back to the question, yes pauses it and reprendre brings it back', async () => {
    const bot = new BotHarness();
    const { bot: words, messages } = bot.guides.fr;
    for (const text of [
      'démarrer',
      '1',
      '1',
      'oui',
      'Nous sommes une boulangerie de huit personnes à Rennes.',
    ])
      await bot.say(text);
    const question = await pendingQuestion(bot);

    const asked = await bot.say('démarrer');
    expect(asked).toHaveLength(1);
    // One answer: the presentation; consent is not counted.
    expect(asked[0]).toContain(words.leaveAnswers.one);
    expect(asked[0]).toContain(`«\u00a0${bot.guides.fr.presentation.title}\u00a0»`);
    expect(asked[0]).toContain('(oui / non)');
    const back = await bot.say('non');
    expect(back[0]).toBe(words.leaveCancelled);
    expect(back.at(-1)).toBe(question);
    expect((await bot.interview()).meta.status).toBe('in_progress');

    await bot.say('démarrer');
    expect(await bot.say('oui')).toEqual([words.leaveKept, words.chooseLanguage]);
    const [left] = await bot.store.listInterviews();
    expect(left?.status).toBe('paused');

    const resumed = await bot.say('reprendre');
    expect(resumed).toContain(messages.resumed);
    expect(resumed.at(-1)).toBe(question);
    expect(await bot.store.listInterviews()).toEqual([expect.objectContaining({ status: 'in_progress' })]);
    // The answer to the question it came back to goes to that interview.
    await bot.say('Nous vendons surtout en boutique, un peu en ligne.');
    const { turns } = await bot.interview();
    expect(turns.some((turn) => turn.text === 'Nous vendons surtout en boutique, un peu en ligne.')).toBe(
      true,
    );
  });

  it('asks too while the interview is paused, and before a code opens an invitation (English)', async () => {
    const store = createMemoryStore();
    await invite(store, 'M6P3QX8K');
    const bot = new BotHarness(store);
    const { bot: words, messages, opening } = bot.guides.en;
    for (const text of ['start', '2', '1', 'yes', 'We are a bakery of eight people in Leeds.', 'pause'])
      await bot.say(text);

    expect((await bot.say('start'))[0]).toContain('(yes / no)');
    expect(await bot.say('no')).toEqual([words.leaveCancelled, messages.pausedReminder]);
    expect((await bot.interview()).meta.status).toBe('paused');

    expect((await bot.say('code M6P3QX8K'))[0]).toContain('(yes / no)');
    expect(await bot.say('yes')).toEqual([words.leaveKept, opening.intro.manager, opening.consentQuestion]);
    const interviews = await store.listInterviews();
    expect(interviews.map((meta) => meta.status)).toEqual(['in_progress', 'paused']);
    expect(interviews[0]?.interviewerId).toBe('interviewer-9');
  });
});

describe('a code sent alone or in a sentence', () => {
  it.each([
    ['fr', 'K7M2QX9P', 'fr-FR'],
    ['fr', 'mon code est K7M2QX9P', 'fr-FR'],
    ['en', 'my code is K7M2QX9P, thanks', 'en-GB'],
  ] as const)('opens the invitation when no question waits (%s: "%s")', async (lang, text, locale) => {
    const store = createMemoryStore();
    await invite(store, 'K7M2QX9P');
    const bot = new BotHarness(store);
    expect((await bot.send({ type: 'message', text, locale })).at(-1)).toBe(
      bot.guides.en.opening.consentQuestion,
    );
    expect((await bot.interview()).meta.interviewerId).toBe('interviewer-9');
    // An unknown one is said to be unknown, in the reader's language.
    expect(await bot.send({ type: 'message', text: 'code 3F568GDD', locale: `${lang}-XX` })).not.toEqual([]);
  });

  it('says an unknown code is not valid, at the welcome and at the language choice', async () => {
    const bot = new BotHarness();
    const { bot: words } = bot.guides.fr;
    expect(await bot.say('3F568GDD')).toEqual([words.invitationUnknown]);
    await bot.say('démarrer');
    expect(await bot.say('mon code est 3F568GDD')).toEqual([words.invitationUnknown]);
    expect(await bot.say('1')).toEqual([words.chooseProfile]);
    expect(await bot.store.listInterviews()).toEqual([]);
  });

  it('stays an answer to an interview question', async () => {
    const bot = new BotHarness();
    for (const text of ['start', '2', '1', 'yes']) await bot.say(text);
    await bot.say('Our product line is called 3F568GDD.');
    const { turns } = await bot.interview();
    expect(turns.some((turn) => turn.text === 'Our product line is called 3F568GDD.')).toBe(true);
  });
});
