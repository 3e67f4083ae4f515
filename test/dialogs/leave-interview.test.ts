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

const TAKE_UP = {
  fr: {
    start: 'démarrer',
    first: ['démarrer', '1', '1', 'oui', 'Nous sommes une boulangerie de huit personnes à Rennes.'],
    yes: 'oui',
    answer: "Nous avons un ERP avec nos fournisseurs : j'ai décidé de le faire, nos clients en profitent.",
    review: 'non',
    resume: 'reprendre',
    next: 'Je suis la gérante.',
  },
  en: {
    start: 'start',
    first: ['start', '2', '1', 'yes', 'We are a bakery of eight people in Leeds.'],
    yes: 'yes',
    answer: 'We set up an ERP with our suppliers: I decided it, our customers benefit from it.',
    review: 'no',
    resume: 'resume',
    next: 'I run the bakery.',
  },
} as const;

/** An interview left for an invitation's, which was then done: the conversation's newest is completed. */
async function leftForCompletedInvitation(lang: 'fr' | 'en') {
  const script = TAKE_UP[lang];
  const store = createMemoryStore();
  await store.createInvitation({
    code: 'W4N7RT2K',
    interviewerId: 'interviewer-9',
    interviewerAddress: {},
    profile: 'manager',
    language: lang,
  });
  const bot = new BotHarness(store);
  const guide = bot.guides[lang];
  for (const text of script.first) await bot.say(text);
  const left = await pendingQuestion(bot);
  expect((await bot.say('code W4N7RT2K'))[0]).toContain(guide.bot.leaveConfirm.slice(0, 12));
  await bot.say(script.yes);
  await bot.say(script.yes);
  for (let guard = 0; (await bot.interview()).meta.status !== 'completed'; guard += 1) {
    if (guard > 40) throw new Error("the invitation's interview never completed");
    const review = (await pendingQuestion(bot)) === guide.closing.questions.at(-1)?.text;
    await bot.say(review ? script.review : script.answer);
  }
  return { bot, store, left };
}

describe.each(['fr', 'en'] as const)('the interview left for an invitation (%s)', (lang) => {
  const script = TAKE_UP[lang];

  it.each([
    ['the language question', []],
    ['the profile question', ['1']],
  ] as const)('is taken up by resume at %s, once the invitation is done', async (_at, choices) => {
    const { bot, store, left } = await leftForCompletedInvitation(lang);
    // Asked in French: the test channel sends no locale.
    expect(await bot.say(script.start)).toEqual([bot.guides.fr.bot.chooseLanguage]);
    for (const choice of choices) await bot.say(choice);
    expect(await bot.say(script.resume)).toEqual([bot.guides[lang].messages.resumed, left]);
    expect((await store.listInterviews()).map((meta) => meta.status)).toEqual(['completed', 'in_progress']);
    await bot.say(script.next);
    const [, first] = await store.listInterviews();
    const turns = first ? await store.getTurns(first.id) : [];
    expect(turns.some((turn) => turn.kind === 'answer' && turn.text === script.next)).toBe(true);
  });

  it('is taken up by resume alone, once the invitation is done', async () => {
    const { bot, store, left } = await leftForCompletedInvitation(lang);
    expect(await bot.say(script.resume)).toEqual([bot.guides[lang].messages.resumed, left]);
    await bot.say(script.next);
    const [, first] = await store.listInterviews();
    const turns = first ? await store.getTurns(first.id) : [];
    expect(turns.some((turn) => turn.kind === 'answer' && turn.text === script.next)).toBe(true);
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
