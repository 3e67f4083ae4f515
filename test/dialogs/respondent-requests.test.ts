import { describe, expect, it } from 'vitest';
import { fill } from '../../src/core/guide/template.js';
import { buildSummary } from '../../src/core/summary/build.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { steppingClock } from '../store/contract.js';
import { BotHarness } from './harness.js';

const SCRIPTS = {
  fr: {
    start: ['démarrer', '1', '1', 'oui'],
    company: 'Nous sommes une boulangerie à Rennes, six salariés.',
    companyWithRole: 'Nous sommes une boulangerie à Rennes, six salariés, et je suis la gérante.',
    erasures: [
      'je veux effacer mes données',
      'Pouvez-vous supprimer mes données ?',
      "Je voudrais que vous supprimiez toutes mes données s'il vous plaît.",
    ],
    contentAboutDeleting: 'on a supprimé les données papier',
    privacyQuestions: ['Qui va lire mes réponses ?', 'Où sont stockées mes données ?'],
    privacyHint: 'qui va lire mes réponses',
    meaning: 'Vendre en ligne surtout.',
    yes: 'oui',
    no: 'non',
    typo: 'aied',
    typoWord: 'aide',
    notACommand: 'Correct',
    recap: 'récapitulatif',
    misspeltLanguage: 'francias',
    reviewReplies: [
      'ajoute le levier réseau',
      'retire le site marchand, on ne vend pas en ligne',
      "c'est bon",
    ],
    addAnswer: 'Rien de plus, merci.',
  },
  en: {
    start: ['start', '2', '1', 'yes'],
    company: 'We are a bakery in York, 6 staff.',
    companyWithRole: "We are a bakery in York, 6 staff, I'm the boss.",
    erasures: ['I want to delete my data', 'please delete my data', 'can you erase everything about me?'],
    contentAboutDeleting: 'the ERP deletes old data automatically',
    privacyQuestions: ['what happens to my data?', 'where are my answers stored?'],
    privacyHint: 'who will read my answers',
    meaning: 'Selling online mostly.',
    yes: 'yes',
    no: 'no',
    typo: 'hlep',
    typoWord: 'help',
    notACommand: 'Correct',
    recap: 'recap',
    misspeltLanguage: 'englsih',
    reviewReplies: ['add lever networks', 'remove e-commerce website, we dont sell online', 'ok'],
    addAnswer: 'Nothing more, thanks.',
  },
} as const;

type Lang = keyof typeof SCRIPTS;

async function started(lang: Lang, bot = new BotHarness()): Promise<BotHarness> {
  for (const text of SCRIPTS[lang].start) await bot.say(text);
  return bot;
}

async function pendingQuestion(bot: BotHarness) {
  const { turns } = await bot.interview();
  return [...turns].reverse().find((t) => t.kind === 'question');
}

/** At the role question: the presentation of the firm answered without the role. */
async function atRoleQuestion(lang: Lang): Promise<BotHarness> {
  const bot = await started(lang);
  await bot.say(SCRIPTS[lang].company);
  expect((await pendingQuestion(bot))?.questionId).toBe('presentation.role');
  return bot;
}

describe.each(['fr', 'en'] as const)('what respondents ask for in their own words (%s)', (lang) => {
  const script = SCRIPTS[lang];

  it('reads an erasure request said in a sentence as "delete my data", and an answer about deleting as an answer', async () => {
    for (const request of script.erasures) {
      const bot = await atRoleQuestion(lang);
      const guide = bot.guides[lang];
      expect(await bot.say(request), request).toEqual([guide.bot.deleteConfirm]);
      const { turns } = await bot.interview();
      expect(turns.some((t) => t.text === request)).toBe(false);
      await bot.say(script.yes);
      expect(await bot.store.listInterviews()).toEqual([]);
    }
    const bot = await atRoleQuestion(lang);
    const replies = await bot.say(script.contentAboutDeleting);
    expect(replies).not.toContain(bot.guides[lang].bot.deleteConfirm);
    expect((await bot.interview()).meta.status).toBe('in_progress');
  });

  it('answers a question about what becomes of the answers, records nothing and asks the question again', async () => {
    const bot = await atRoleQuestion(lang);
    const guide = bot.guides[lang];
    const role = await pendingQuestion(bot);
    const before = (await bot.interview()).turns.length;
    for (const question of [...script.privacyQuestions, script.privacyQuestions[0]]) {
      expect(await bot.say(question), question).toEqual([
        guide.messages.privacy,
        guide.messages.repeatQuestion,
        role?.text,
      ]);
    }
    expect((await bot.interview()).turns).toHaveLength(before);
    expect(guide.messages.privacy).toContain(lang === 'fr' ? 'effacer mes données' : 'delete my data');
    const help = await bot.say(lang === 'fr' ? 'aide' : 'help');
    expect(help[0]).toContain(script.privacyHint);
  });

  it('takes `back` after `skip` to the question just skipped, and a second `back` leaves the amend', async () => {
    const bot = await started(lang);
    const guide = bot.guides[lang];
    await bot.say(script.companyWithRole);
    const meaning = await pendingQuestion(bot);
    expect(meaning?.questionId).toBe('meaning.main');
    await bot.say(lang === 'fr' ? 'passer' : 'skip');
    const next = await pendingQuestion(bot);
    expect(await bot.say(lang === 'fr' ? 'retour' : 'back')).toEqual([
      fill(guide.messages.amendSkippedPrompt, { question: meaning?.text ?? '' }),
    ]);
    const replies = await bot.say(script.meaning);
    // A first answer to the skipped question: noted, not "corrected".
    expect(replies[0]).toBe(guide.messages.answeredLate);
    expect(replies.at(-1)).toBe(next?.text);
    const { turns } = await bot.interview();
    expect(turns.some((t) => t.kind === 'amend')).toBe(false);
    expect(turns.find((t) => t.kind === 'answer' && t.questionId === 'presentation.company')?.text).toBe(
      script.companyWithRole,
    );
    expect(turns.find((t) => t.kind === 'answer' && t.questionId === 'meaning.main')?.text).toBe(
      script.meaning,
    );
    // The summary files the late answer under its question, which is no longer declined.
    const summary = buildSummary((await bot.interview()).meta, turns);
    expect(summary.declined.map((d) => d.questionId)).not.toContain('meaning.main');
    expect(summary.themes.flatMap((t) => t.answers).find((a) => a.text === script.meaning)?.questionId).toBe(
      'meaning.main',
    );

    // `back` then `back`: the answer stays as it was, and the question waiting is asked again.
    await bot.say(lang === 'fr' ? 'retour' : 'back');
    const cancelled = await bot.say(lang === 'fr' ? 'retour' : 'back');
    expect(cancelled[0]).toBe(guide.messages.amendCancelled);
    expect(cancelled.at(-1)).toBe(next?.text);
    const after = await bot.say(script.company);
    expect(after).not.toContain(guide.messages.amended);
    const { turns: later } = await bot.interview();
    expect(later.some((t) => t.kind === 'amend')).toBe(false);
    expect(later.find((t) => t.kind === 'answer' && t.questionId === 'meaning.main')?.text).toBe(
      script.meaning,
    );
  });

  it('does not ask the role question once `back` amended the presentation to say the role', async () => {
    const bot = await atRoleQuestion(lang);
    const guide = bot.guides[lang];
    await bot.say(lang === 'fr' ? 'retour' : 'back');
    const replies = await bot.say(script.companyWithRole);
    expect(replies[0]).toBe(guide.messages.amended);
    expect(replies.at(-1)).toBe(guide.themes[0]?.questions[0]?.text);
    const { turns } = await bot.interview();
    expect(turns.some((t) => t.kind === 'event' && t.questionId === 'presentation.role')).toBe(true);
    expect((await pendingQuestion(bot))?.questionId).toBe('meaning.main');
  });

  it("gives the review's own help, and `back` there amends nothing", async () => {
    const bot = await started(lang);
    const guide = bot.guides[lang];
    for (let guard = 0; guard < 40; guard += 1) {
      const pending = await pendingQuestion(bot);
      if (pending?.questionId === 'closing.review') break;
      await bot.say(
        pending?.questionId === 'closing.add' ? script.addAnswer : lang === 'fr' ? 'passer' : 'skip',
      );
    }
    expect(await bot.say(lang === 'fr' ? 'aide' : 'help')).toEqual([guide.closing.help]);
    const [add, correction, done] = script.reviewReplies;
    await bot.say(add);
    expect(await bot.say(lang === 'fr' ? 'retour' : 'back')).toEqual([guide.closing.backAtReview]);
    await bot.say(correction);
    await bot.say(done);
    const { meta, turns } = await bot.interview();
    expect(meta.status).toBe('completed');
    expect(turns.some((t) => t.kind === 'amend' || t.data?.event === 'amend_request')).toBe(false);
    expect(turns.find((t) => t.kind === 'answer' && t.questionId === 'closing.add')?.text).toBe(
      script.addAnswer,
    );
  });

  it('asks "did you mean…?" of a command typed a letter off, runs it on a yes, keeps the word on a no', async () => {
    const bot = await atRoleQuestion(lang);
    const guide = bot.guides[lang];
    const role = await pendingQuestion(bot);
    expect(await bot.say(script.typo)).toEqual([
      fill(guide.messages.didYouMean, { command: script.typoWord }),
    ]);
    const help = await bot.say(script.yes);
    expect(help[0]).toBe(guide.messages.help);
    expect(help.at(-1)).toBe(role?.text);
    await bot.say(script.typo);
    await bot.say(script.no);
    const { turns } = await bot.interview();
    expect(turns.find((t) => t.kind === 'answer' && t.questionId === 'presentation.role')?.text).toBe(
      script.typo,
    );
  });

  it('after a yes to "did you mean help?", keeps the next message as the answer it is', async () => {
    const bot = await atRoleQuestion(lang);
    const guide = bot.guides[lang];
    await bot.say(script.typo);
    await bot.say(script.yes);
    const next = await bot.say(script.meaning);
    expect(next).not.toContain(fill(guide.messages.didYouMean, { command: script.typoWord }));
    const { turns } = await bot.interview();
    expect(turns.find((t) => t.kind === 'answer' && t.questionId === 'presentation.role')?.text).toBe(
      script.meaning,
    );
  });

  it('after a no, does not ask "did you mean…?" again of the same word', async () => {
    const bot = await atRoleQuestion(lang);
    const guide = bot.guides[lang];
    await bot.say(script.typo);
    expect(await bot.say(script.no)).not.toContain(
      fill(guide.messages.didYouMean, { command: script.typoWord }),
    );
  });

  it('paused, asks of a misspelt resume without offering to keep it as an answer, and takes a no at once', async () => {
    const bot = await atRoleQuestion(lang);
    const guide = bot.guides[lang];
    await bot.say('pause');
    const typo = lang === 'fr' ? 'reprende' : 'resme';
    expect(await bot.say(typo)).toEqual([
      fill(guide.messages.didYouMeanPaused, { command: lang === 'fr' ? 'reprendre' : 'resume' }),
    ]);
    expect(await bot.say(script.no)).toEqual([guide.messages.pausedNotRecorded]);
    expect((await bot.interview()).meta.status).toBe('paused');
  });

  it('answers a photo sent without words that it cannot read it, records nothing and counts no empty answer', async () => {
    const bot = await atRoleQuestion(lang);
    const guide = bot.guides[lang];
    const before = (await bot.interview()).turns.length;
    const photo = { contentType: 'image/jpeg', contentUrl: 'http://127.0.0.1:9/till.jpg', name: 'till.jpg' };
    for (let i = 0; i < 3; i++)
      expect(await bot.send({ type: 'message', attachments: [photo] })).toEqual([guide.bot.attachmentOnly]);
    expect((await bot.interview()).turns).toHaveLength(before);
    expect((await pendingQuestion(bot))?.questionId).toBe('presentation.role');
  });

  it('answers a photo sent at the language choice that it cannot read it, and asks the choice again', async () => {
    const bot = new BotHarness();
    const guide = bot.guides[lang];
    await bot.say(lang === 'fr' ? 'démarrer' : 'start');
    const photo = { contentType: 'image/png', contentUrl: 'http://127.0.0.1:9/logo.png', name: 'logo.png' };
    const replies = await bot.send({ type: 'message', attachments: [photo] });
    expect(replies[0]).toBe(bot.guides.fr.bot.attachmentOnly);
    expect(replies).toHaveLength(2);
    expect(replies[1]).toContain('English');
    expect(replies.join('\n')).not.toContain(guide.bot.choiceReask);
  });

  it('takes "Correct" as an answer, not as `back`', async () => {
    const bot = await atRoleQuestion(lang);
    const replies = await bot.say(script.notACommand);
    expect(replies.join('\n')).not.toContain(script.company);
    const { turns } = await bot.interview();
    expect(turns.some((t) => t.kind === 'event' && t.data?.event === 'amend_request')).toBe(false);
  });

  it('ends the recap with the question still waiting', async () => {
    const bot = await atRoleQuestion(lang);
    const guide = bot.guides[lang];
    const role = await pendingQuestion(bot);
    const recap = (await bot.say(script.recap)).join('\n');
    expect(recap.endsWith(fill(guide.bot.summaryPending, { question: role?.text ?? '' }))).toBe(true);
  });

  it('reads a misspelt language at the language choice', async () => {
    const bot = new BotHarness();
    await bot.say(lang === 'fr' ? 'démarrer' : 'start');
    expect(await bot.say(script.misspeltLanguage)).toEqual([bot.guides[lang].bot.chooseProfile]);
  });

  it('leaves an invitation code usable after consent is refused, as it was made', async () => {
    // A clock that moves on every reading: an invitation made again would show a later date.
    const store = createMemoryStore({ now: steppingClock().now });
    const created = await store.createInvitation({
      code: '7US4TL83',
      interviewerId: 'interviewer-3',
      interviewerAddress: {},
      profile: 'manager',
      language: lang,
    });
    const bot = new BotHarness(store);
    const guide = bot.guides[lang];
    expect((await bot.say('code 7US4TL83')).at(-1)).toBe(guide.opening.consentQuestion);
    expect(await bot.say(script.no)).toEqual([guide.opening.consentDeclined]);
    expect(await store.listInterviews()).toEqual([]);
    // Still the invitation the interviewer made: same date, so the dashboard lists it where it was.
    expect(await store.getInvitation('7US4TL83')).toEqual(created);
    expect((await bot.say('code 7US4TL83')).at(-1)).toBe(guide.opening.consentQuestion);
    await bot.say(script.yes);
    const { meta } = await bot.interview();
    expect((await store.getInvitation('7US4TL83'))?.interviewId).toBe(meta.id);
    expect(meta.interviewerId).toBe('interviewer-3');
  });
});
