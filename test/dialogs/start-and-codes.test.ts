import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.js';
import { BotHarness } from './harness.js';

/** A message as Teams or the web page sends it, with the reader's locale. */
function typed(text: string, locale: string) {
  return { type: 'message', text, locale };
}

describe('invitation codes that open nothing', () => {
  it('says a code not of the right shape, or unknown, is not valid and how to get one, in French', async () => {
    const store = createMemoryStore();
    await store.createInvitation({
      code: 'R4T8W2QZ',
      interviewerId: 'interviewer-7',
      interviewerAddress: {},
      profile: 'expert',
      language: 'en',
    });
    const bot = new BotHarness(store);
    const { bot: words } = bot.guides.fr;
    expect(await bot.say('code ZZZZZZ')).toEqual([words.invitationUnknown]);
    expect(await bot.say('Code : 12-34')).toEqual([words.invitationUnknown]);
    expect(await bot.say('code ZZ99ZZ99')).toEqual([words.invitationUnknown]);
    expect(await bot.say('code')).toEqual([words.invitationCodeMissing]);
    expect(words.invitationUnknown).toContain('6 à 10');
    expect(words.invitationCodeMissing).toContain('code K7M2QX9P');
    expect(await bot.store.listInterviews()).toEqual([]);
    // The real code, typed in lower case, still opens its interview.
    expect((await bot.say('code r4t8w2qz')).at(-1)).toBe(bot.guides.en.opening.consentQuestion);
  });

  it('speaks English to a reader whose front door says so', async () => {
    const bot = new BotHarness();
    const { bot: words } = bot.guides.en;
    expect(await bot.send(typed('code ABCDEFGH', 'en-GB'))).toEqual([words.invitationUnknown]);
    expect(await bot.send(typed('code', 'en-US'))).toEqual([words.invitationCodeMissing]);
    expect(await bot.send(typed('code', 'fr-FR'))).toEqual([bot.guides.fr.bot.invitationCodeMissing]);
  });

  it('answers a mistyped code at the language choice, which then still waits; a question takes "code barre" as an answer', async () => {
    const bot = new BotHarness();
    await bot.say('démarrer');
    expect(await bot.say('code 1234')).toEqual([bot.guides.fr.bot.invitationUnknown]);
    expect(await bot.say('1')).toEqual([bot.guides.fr.bot.chooseProfile]);
    for (const text of ['1', 'oui']) await bot.say(text);
    await bot.say('code barre');
    const { turns } = await bot.interview();
    expect(turns.some((turn) => turn.text === 'code barre')).toBe(true);
  });
});

describe.each([
  {
    lang: 'fr',
    start: 'démarrer',
    language: '1',
    help: 'aide',
    stop: 'arrêter',
    pause: 'pause',
    resume: 'reprendre',
  },
  { lang: 'en', start: 'start', language: '2', help: 'help', stop: 'stop', pause: 'pause', resume: 'resume' },
] as const)(
  'commands at the language and profile choice ($lang)',
  ({ lang, start, language, help, stop, pause, resume }) => {
    it('resume with no interview to take up says so, then asks the choice again', async () => {
      const bot = new BotHarness();
      const { fr } = bot.guides;
      const guide = bot.guides[lang];
      await bot.say(start);
      expect(await bot.say(resume)).toEqual([fr.bot.nothingToResume, fr.bot.chooseLanguage]);
      expect(await bot.say(language)).toEqual([guide.bot.chooseProfile]);
      expect(await bot.say(resume)).toEqual([guide.bot.nothingToResume, guide.bot.chooseProfile]);
      expect(await bot.store.listInterviews()).toEqual([]);
      expect((await bot.say('1')).at(-1)).toBe(guide.opening.consentQuestion);
    });

    it('help explains the choice, then asks it again', async () => {
      const bot = new BotHarness();
      const { fr } = bot.guides;
      const guide = bot.guides[lang];
      await bot.say(start);
      expect(await bot.say(help)).toEqual([fr.bot.languageChoiceHelp, fr.bot.chooseLanguage]);
      expect(await bot.say(language)).toEqual([guide.bot.chooseProfile]);
      expect(await bot.say(help)).toEqual([guide.bot.profileChoiceHelp, guide.bot.chooseProfile]);
      expect(guide.bot.profileChoiceHelp).not.toBe(guide.bot.choiceReask);
      expect((await bot.say('1')).at(-1)).toBe(guide.opening.consentQuestion);
    });

    it('stop or pause leaves the start with nothing recorded, and the bot can be started again', async () => {
      const bot = new BotHarness();
      await bot.say(start);
      expect(await bot.say(stop)).toEqual([bot.guides.fr.bot.startCancelled]);
      expect(await bot.say('1')).toEqual([bot.guides.fr.bot.welcome]);
      await bot.say(start);
      await bot.say(language);
      expect(await bot.say(pause)).toEqual([bot.guides[lang].bot.startCancelled]);
      expect(await bot.store.listInterviews()).toEqual([]);
      await bot.say(start);
      await bot.say(language);
      expect((await bot.say('2')).at(-1)).toBe(bot.guides[lang].opening.consentQuestion);
      expect(await bot.store.listInterviews()).toHaveLength(1);
    });
  },
);

describe.each([
  {
    lang: 'fr',
    start: 'démarrer',
    language: '1',
    skip: ['passer', 'je préfère ne pas répondre'],
    yes: 'oui',
  },
  { lang: 'en', start: 'start', language: '2', skip: ['skip', "I'd rather not answer"], yes: 'yes' },
] as const)('skipping the consent question ($lang)', ({ lang, start, language, skip, yes }) => {
  it('gets the short re-ask, not the whole introduction again, and consent is still asked', async () => {
    const bot = new BotHarness();
    const { opening } = bot.guides[lang];
    for (const text of [start, language, '1']) await bot.say(text);
    const before = (await bot.interview()).turns.length;
    for (const text of skip)
      expect(await bot.say(text)).toEqual([opening.consentReask, opening.consentQuestion]);
    const { meta, turns } = await bot.interview();
    expect(turns).toHaveLength(before);
    expect(meta.consentAt).toBeNull();
    expect((await bot.say(yes))[0]).toBe(opening.consentThanks);
  });
});

describe("the welcome and the start's choices, in the language Teams or the page says the reader reads", () => {
  const cases = [
    { lang: 'en', locale: 'en-US', start: 'start', member: 'reader-en' },
    { lang: 'en', locale: 'en-GB', start: 'démarrer', member: 'reader-gb' },
    { lang: 'fr', locale: 'fr-FR', start: 'démarrer', member: 'lecteur-fr' },
  ] as const;

  it.each(cases)(
    'greets and asks the language in $lang for a reader in $locale',
    async ({ lang, locale, start, member }) => {
      const bot = new BotHarness();
      const guide = bot.guides[lang];
      const joined = await bot.send({
        type: 'conversationUpdate',
        membersAdded: [{ id: member, name: 'Respondent' }],
        locale,
      });
      expect(joined).toEqual([guide.bot.welcome]);
      // The language is still asked: the locale only says which words to ask it in.
      expect(await bot.send(typed(start, locale))).toEqual([guide.bot.chooseLanguage]);
      expect(await bot.send(typed('aide', locale))).toEqual([
        guide.bot.languageChoiceHelp,
        guide.bot.chooseLanguage,
      ]);
      expect(await bot.send(typed('2', locale))).toEqual([bot.guides.en.bot.chooseProfile]);
    },
  );

  it('speaks French to a reader whose locale is no language of the guide, or who sends none', async () => {
    const bot = new BotHarness();
    const fr = bot.guides.fr.bot;
    expect(
      await bot.send({
        type: 'conversationUpdate',
        membersAdded: [{ id: 'u-de', name: 'Leser' }],
        locale: 'de-DE',
      }),
    ).toEqual([fr.welcome]);
    expect(await bot.send({ type: 'message', text: 'start', locale: '' })).toEqual([fr.chooseLanguage]);
  });
});

describe('a start asked in a sentence or typed a letter off, where no interview runs', () => {
  it.each([
    ['en-GB', "let's start"],
    ['en-GB', 'can we begin?'],
    ['en-GB', 'start please'],
    ['en-GB', 'strat'],
    ['fr-FR', 'demarer'],
    ['fr-FR', 'on peut commencer ?'],
    ['fr-FR', "c'est parti"],
    ['en-GB', "ok let's start"],
    ['en-GB', 'Let’s get started I reckon'],
    ['en-GB', 'start lah'],
    ['fr-FR', 'bon ben on y va'],
  ] as const)('(%s) "%s" starts, asking the language', async (locale, text) => {
    const bot = new BotHarness();
    const lang = locale.startsWith('fr') ? 'fr' : 'en';
    expect(await bot.send(typed(text, locale))).toEqual([bot.guides[lang].bot.chooseLanguage]);
  });

  it('takes "hlep" for help, and anything else still gets the welcome', async () => {
    const bot = new BotHarness();
    expect(await bot.send(typed('hlep', 'en-GB'))).toEqual([bot.guides.en.bot.help]);
    expect(await bot.send(typed('hello, I got a message to do an interview', 'en-GB'))).toEqual([
      bot.guides.en.bot.welcome,
    ]);
  });

  it('reads none of it during an interview: "c\'est parti" at consent is no new start', async () => {
    const bot = new BotHarness();
    for (const text of ['démarrer', '1', '1']) await bot.say(text);
    const replies = await bot.say("c'est parti");
    expect(replies).not.toContain(bot.guides.fr.bot.chooseLanguage);
    expect((await bot.store.listInterviews()).length).toBe(1);
  });
});
