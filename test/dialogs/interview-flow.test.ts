import { describe, expect, it } from 'vitest';
import { BOT_EVENT_RESUME } from '../../src/bot/events.js';
import { BotHarness } from './harness.js';

const SCRIPTS = {
  fr: {
    start: 'démarrer',
    language: '1',
    profile: '1',
    consent: 'oui',
    answer:
      "Nous avons installé un ERP avec nos fournisseurs : j'ai décidé de le faire, nos clients en profitent et nous gagnons du temps.",
    review: 'non',
    progress: ['Thème 1 sur 3', 'Thème 2 sur 3', 'Thème 3 sur 3'],
  },
  en: {
    start: 'start',
    language: '2',
    profile: '2',
    consent: 'yes',
    answer:
      'We decided to set up an ERP with our suppliers and a network club: customers benefit and we save time.',
    review: 'no',
    progress: ['Theme 1 of 3', 'Theme 2 of 3', 'Theme 3 of 3'],
  },
} as const;

describe.each(['fr', 'en'] as const)('a whole interview through the dialogs (%s)', (lang) => {
  it('goes from the start command to the closing and completes the interview', async () => {
    const script = SCRIPTS[lang];
    const bot = new BotHarness();
    const guide = bot.guides[lang];
    expect(await bot.say(script.start)).toEqual([bot.guides.fr.bot.chooseLanguage]);
    expect(await bot.say(script.language)).toEqual([guide.bot.chooseProfile]);
    const opening = await bot.say(script.profile);
    expect(opening).toEqual([
      lang === 'fr' ? guide.opening.intro.manager : guide.opening.intro.expert,
      guide.opening.consentQuestion,
    ]);
    const transcript: string[] = [...(await bot.say(script.consent))];
    let guard = 0;
    for (;;) {
      const { meta, turns } = await bot.interview();
      if (meta.status === 'completed' || guard > 40) break;
      guard += 1;
      const pending = [...turns].reverse().find((t) => t.kind === 'question');
      transcript.push(
        ...(await bot.say(pending?.questionId === 'closing.review' ? script.review : script.answer)),
      );
    }
    const { meta, turns } = await bot.interview();
    expect(meta.status).toBe('completed');
    expect(meta.language).toBe(lang);
    expect(meta.guideVersion).toBe(guide.version);
    expect(meta.consentVersion).toBe(guide.opening.consentVersion);
    for (const line of script.progress) expect(transcript.some((r) => r.startsWith(line))).toBe(true);
    expect(transcript.at(-1)).toBe(guide.closing.thanks);
    const answered = turns.filter((t) => t.kind === 'answer');
    const themeOrder = answered
      .map((t) => t.section)
      .filter((s) => ['meaning', 'tools', 'value'].includes(s));
    expect(themeOrder.indexOf('meaning')).toBe(0);
    expect(themeOrder.indexOf('tools')).toBeGreaterThan(themeOrder.lastIndexOf('meaning'));
    expect(themeOrder.indexOf('value')).toBeGreaterThan(themeOrder.lastIndexOf('tools'));
    const themeAnswers = answered.filter(
      (t) => themeOrder.length > 0 && ['meaning', 'tools', 'value'].includes(t.section),
    );
    expect(themeAnswers.every((t) => t.tags?.tools.some((tool) => tool.id === 'erp'))).toBe(true);
    // Every question asked once; each answer follows its question.
    const askedIds = turns.filter((t) => t.kind === 'question').map((t) => t.questionId);
    expect(new Set(askedIds).size).toBe(askedIds.length);

    // A correction sent after the end is told the interview is over, not greeted as a newcomer.
    const late = await bot.say(lang === 'fr' ? 'enlève la valeur hédonique' : 'remove value hedonic');
    expect(late).toEqual([guide.bot.afterCompleted]);
    expect((await bot.interview()).turns).toHaveLength(turns.length);
  });
});

describe('bot-level behaviour', () => {
  it('greets a new member once, and the user who installs the bot, which Teams tells by adding the bot alone', async () => {
    const bot = new BotHarness();
    const join = {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-1', name: 'Claire' }],
      recipient: { id: 'bot', name: 'bot' },
    };
    expect(await bot.send(join)).toEqual([bot.guides.fr.bot.welcome]);
    expect(await bot.send(join)).toEqual([]);
    const installed = new BotHarness();
    const install = { ...join, membersAdded: [{ id: 'bot', name: 'bot' }] };
    expect(await installed.send(install)).toEqual([bot.guides.fr.bot.welcome]);
    // The user then joins too (the web chat says both): still one welcome.
    expect(await installed.send(join)).toEqual([]);
  });

  it('pauses and resumes through the base dialog, and the summary lists answers with their tags worded', async () => {
    const bot = new BotHarness();
    await bot.say('start');
    await bot.say('english');
    await bot.say('manager');
    await bot.say('yes');
    await bot.say('We make furniture with an ERP, 25 people, in Savoie.');
    expect(await bot.say('pause')).toEqual([bot.guides.en.messages.paused]);
    expect((await bot.interview()).meta.status).toBe('paused');
    expect(await bot.say('anything')).toEqual([bot.guides.en.messages.pausedNotRecorded]);
    const resumed = await bot.say('resume');
    expect(resumed).toEqual([bot.guides.en.messages.resumed, bot.guides.en.presentation.questions[1]?.text]);
    const summary = await bot.say('summary');
    // One message: the header, then each answer with its tags as the exports word them.
    expect(summary).toHaveLength(1);
    expect(summary[0]?.startsWith(bot.guides.en.bot.summaryHeader)).toBe(true);
    expect(summary[0]).toContain('[Tools and schemes: ERP]');
  });

  it('deletes the data after confirmation only', async () => {
    const bot = new BotHarness();
    await bot.say('démarrer');
    await bot.say('français');
    await bot.say('dirigeant');
    await bot.say('oui');
    expect(await bot.say('supprimer mes données')).toEqual([bot.guides.fr.bot.deleteConfirm]);
    expect(await bot.say('non')).toEqual([
      bot.guides.fr.bot.deleteCancelled,
      bot.guides.fr.messages.repeatQuestion,
      bot.guides.fr.presentation.questions[0]?.text,
    ]);
    expect(await bot.store.listInterviews()).toHaveLength(1);
    await bot.say('supprimer mes données');
    expect(await bot.say('oui')).toEqual([bot.guides.fr.bot.deleted]);
    expect(await bot.store.listInterviews()).toHaveLength(0);
    expect(await bot.say('Bonjour')).toEqual([bot.guides.fr.bot.welcome]);
  });

  it('a new terminal conversation resumes an interview by id at its pending question, nothing re-asked', async () => {
    const first = new BotHarness();
    await first.say('démarrer');
    await first.say('1');
    await first.say('1');
    await first.say('oui');
    await first.say('Nous fabriquons des meubles, 25 salariés, en Savoie.');
    const { meta, turns } = await first.interview();
    const second = new BotHarness(first.store, undefined, 'conv-2', { trusted: true });
    const replies = await second.send({
      type: 'event',
      name: BOT_EVENT_RESUME,
      value: { interviewId: meta.id },
    });
    expect(replies).toEqual([first.guides.fr.presentation.questions[1]?.text]);
    expect(await first.store.getTurns(meta.id)).toHaveLength(turns.length);
    await second.say('Je suis la gérante.');
    const after = await first.store.getTurns(meta.id);
    expect(after.find((t) => t.kind === 'answer' && t.text === 'Je suis la gérante.')?.questionId).toBe(
      'presentation.role',
    );
  });

  it('refuses to hand an interview to another conversation that names its id over the network', async () => {
    const first = new BotHarness();
    for (const line of ['démarrer', '1', '1', 'oui', 'Nous fabriquons des meubles, 25 salariés, en Savoie.'])
      await first.say(line);
    const { meta, turns } = await first.interview();
    const stranger = new BotHarness(first.store, undefined, 'conv-stranger');
    expect(
      await stranger.send({ type: 'event', name: BOT_EVENT_RESUME, value: { interviewId: meta.id } }),
    ).toEqual([first.guides.fr.bot.nothingToResume]);
    const seen = [...(await stranger.say('retour')), ...(await stranger.say('résumé'))].join('\n');
    expect(seen).not.toContain('meubles');
    expect(await first.store.getTurns(meta.id)).toHaveLength(turns.length);
    expect((await first.store.getInterview(meta.id))?.conversationKey).toBe(meta.conversationKey);
    // The interview's own conversation still may.
    expect(
      await first.send({ type: 'event', name: BOT_EVENT_RESUME, value: { interviewId: meta.id } }),
    ).toContain(first.guides.fr.presentation.questions[1]?.text);
  });

  it('refusing consent erases the interview', async () => {
    const bot = new BotHarness();
    await bot.say('start');
    await bot.say('2');
    await bot.say('1');
    expect(await bot.say('no')).toEqual([bot.guides.en.opening.consentDeclined]);
    expect(await bot.store.listInterviews()).toHaveLength(0);
  });
});
