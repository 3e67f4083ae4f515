import { describe, expect, it } from 'vitest';
import { fill, loadGuides } from '../../src/core/guide/index.js';
import { derivePosition, handleInput, promptNext } from '../../src/core/interview/index.js';
import { readLanguageRequest } from '../../src/core/interview/language-switch.js';
import { buildSummary } from '../../src/core/summary/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { answerUntilReview, CoreSession, pastPresentation, REVIEW_ID } from './session.js';

const guides = loadGuides();
const both = [guides.fr, guides.en];
const tagger = createFakeTagger();

describe('a request to go on in the other language', () => {
  it.each([
    ['english please', 'en'],
    ['sorry can we continue in english?', 'en'],
    ['Can we continue in English?', 'en'],
    ['in english', 'en'],
    ['English, please.', 'en'],
    ['switch to English', 'en'],
    ['je préfère en anglais', 'en'],
    ["Désolée, on peut passer à l'anglais ?", 'en'],
    ['en français svp', 'fr'],
    ['on peut continuer en français ?', 'fr'],
    ['switch to French', 'fr'],
    ['Sorry, could we do the rest in French?', 'fr'],
    ['Je suis plus à l’aise en français', 'fr'],
    // A short reason that speaks of a language may follow.
    ['can we continue in French? my English is getting tired', 'fr'],
    ["on peut passer en anglais ? mon français n'est pas terrible", 'en'],
    // Or a reason that says why in other words: someone will help answer.
    ["actually can we switch to French? Marc is going to help me answer and his English isn't great", 'fr'],
    ['can we switch to French? my partner will help me answer', 'fr'],
    ["on peut passer en anglais ? mon associé va m'aider", 'en'],
    ['can we do French? my colleague will help me', 'fr'],
    [
      'sorry I meant can we do it in French please, my colleague Marie speaks French better than me and she will help',
      'fr',
    ],
  ] as const)('"%s" asks for %s', (text, language) => {
    expect(readLanguageRequest(both, text, 'fr')).toBe(language);
  });

  it.each([
    ['back to French please', 'en', 'fr'],
    ['revenons en français svp', 'en', 'fr'],
    ['on repasse en français', 'en', 'fr'],
    ['retour au français', 'en', 'fr'],
    ['en fait non, revenons en francais svp', 'en', 'fr'],
    ['english again please', 'fr', 'en'],
    ['back to english please', 'fr', 'en'],
    // A few words leading to a request that says what to do.
    ["ok she's gone, back to english please", 'fr', 'en'],
    ['bon elle est partie, on repasse en français', 'en', 'fr'],
    // A reason over two clauses.
    [
      "can we carry on in french? my wife does the books and she's french, she'll answer this bit",
      'en',
      'fr',
    ],
  ] as const)('"%s", said in an interview gone %s, goes back to %s', (text, current, language) => {
    expect(readLanguageRequest(both, text, current)).toBe(language);
  });

  it('"change language" asks for the other one', () => {
    expect(readLanguageRequest(both, 'can we change language?', 'fr')).toBe('en');
    expect(readLanguageRequest(both, 'on peut changer de langue ?', 'en')).toBe('fr');
  });

  it('takes a request followed by an answer as the answer, nothing of it lost', () => {
    expect(
      readLanguageRequest(
        both,
        'can we switch to French? We are a bakery in Leeds with twelve people and two shops',
        'en',
      ),
    ).toBeNull();
  });

  it.each([
    'nos clients parlent anglais',
    'we sell to French customers',
    'We sell abroad, in English',
    'On vend en Suisse, en allemand',
    'notre site est en anglais',
    'Notre site est en anglais, merci.',
    'pas en anglais',
    'en français ou en anglais',
    'On travaille en anglais avec nos fournisseurs',
    'We speak English with our suppliers.',
    'nos clients reviennent en français',
    'non, pas en anglais',
    'No, we sell in English too',
    // An answer after the request is not dropped as a reason: the message is taken as an answer.
    'Can we continue in French? For us digital means selling to English buyers online.',
    'can we continue in French? we use Sage and Shopify',
  ])('"%s" is no such request', (text) => {
    expect(readLanguageRequest(both, text, 'fr')).toBeNull();
  });
});

describe('changing language mid-interview', () => {
  it('goes on in English after "sorry can we continue in english?": no answer recorded, the question asked again in English', () => {
    const session = pastPresentation(guides, tagger, 'fr');
    const pending = session.pendingId();
    const question = guides.en.themes[0]?.questions[0];
    expect(pending).toBe(question?.id);
    const answersBefore = session.turns.filter((t) => t.kind === 'answer').length;

    const replies = session.say('sorry can we continue in english?');

    expect(replies).toEqual([guides.en.messages.languageSwitched, question?.text]);
    expect(session.meta.language).toBe('en');
    expect(session.turns.filter((t) => t.kind === 'answer')).toHaveLength(answersBefore);
    expect(session.pendingId()).toBe(pending);
    expect(session.turns.at(-1)?.data).toMatchObject({ event: 'language', language: 'en', from: 'fr' });

    // The next message answers the question, in English, tagged in English.
    session.say('It means selling online and moving our quotes to software.');
    const answer = session.turns.findLast((t) => t.kind === 'answer');
    expect(answer?.questionId).toBe(question?.id);
    expect(answer?.tags?.lang).toBe('en');
    // What follows is in English.
    const next = session.turns.findLast((t) => t.kind === 'question');
    const englishTexts = JSON.stringify(guides.en);
    expect(englishTexts).toContain(JSON.stringify(next?.text).slice(1, -1));
  });

  it('an answer only naming a language is taken as the answer, and the interview stays in French', () => {
    const session = pastPresentation(guides, tagger, 'fr');
    const pending = session.pendingId();
    session.say('Pour nous, notre site est en anglais et nos clients parlent anglais.');
    expect(session.meta.language).toBe('fr');
    expect(session.turns.findLast((t) => t.kind === 'answer')?.questionId).toBe(pending);
  });

  it('asking for the language already spoken says so, records nothing, and asks the question again', () => {
    const session = pastPresentation(guides, tagger, 'en');
    const count = session.turns.length;
    expect(session.say('english please')).toEqual([
      guides.en.messages.languageSwitched,
      guides.en.themes[0]?.questions[0]?.text,
    ]);
    expect(session.turns).toHaveLength(count);
  });

  it('keeps the new language once the state is rebuilt from the log', () => {
    const session = pastPresentation(guides, tagger, 'en');
    session.say('en français svp');
    const question = guides.fr.themes[0]?.questions[0]?.text;
    expect(derivePosition(session.turns).pending?.text).toBe(question);
    // As after a restart: the stored interview, asked where it stands.
    const restarted = promptNext(guides[session.meta.language], session.meta, session.turns, {
      now: new Date(),
    });
    expect(restarted.replies).toEqual([question]);
  });

  it('at consent, asks consent again in the new language with its introduction', () => {
    const session = new CoreSession(guides, tagger, 'fr', 'manager');
    session.start();
    expect(session.say('english please')).toEqual([
      guides.en.messages.languageSwitched,
      guides.en.opening.intro.manager,
      guides.en.opening.consentQuestion,
    ]);
    expect(session.say('yes')).toContain(guides.en.presentation.questions[0]?.text);
    expect(session.meta.consentVersion).toBe(guides.en.opening.consentVersion);
  });

  it('after `back`, still waits for the new text, now asked for in the new language, the question quoted in it', () => {
    const session = pastPresentation(guides, tagger, 'fr');
    session.say('retour');
    const role = session.turns.findLast((t) => t.kind === 'answer');
    const inEnglish = guides.en.presentation.questions.find((q) => q.id === role?.questionId)?.text;
    expect(inEnglish).toBeDefined();
    expect(session.say('in English please')).toEqual([
      guides.en.messages.languageSwitched,
      fill(guides.en.messages.amendPrompt, { question: inEnglish ?? '', answer: role?.text ?? '' }),
    ]);
    session.say('I am the owner.');
    expect(session.turns.findLast((t) => t.kind === 'amend')?.text).toBe('I am the owner.');
  });

  it('`back` after the switch quotes the French answer under its question worded in English', () => {
    const session = pastPresentation(guides, tagger, 'fr');
    const role = session.turns.findLast((t) => t.kind === 'answer');
    const inFrench = guides.fr.presentation.questions.find((q) => q.id === role?.questionId)?.text;
    const inEnglish = guides.en.presentation.questions.find((q) => q.id === role?.questionId)?.text;
    session.say('english please');
    const replies = session.say('back');
    expect(replies).toEqual([
      fill(guides.en.messages.amendPrompt, { question: inEnglish ?? '', answer: role?.text ?? '' }),
    ]);
    expect(replies.join('\n')).not.toContain(inFrench ?? '-');
  });

  it('an interview switched to English has its review and its summary in English', () => {
    const session = pastPresentation(guides, tagger, 'fr');
    session.say('english please');
    const replies = answerUntilReview(
      session,
      'We decided to set up an ERP with our suppliers: customers benefit and we save time.',
    );
    expect(session.pendingId()).toBe(REVIEW_ID);
    expect(replies.at(-1)).toBe(guides.en.closing.questions.find((q) => q.id === REVIEW_ID)?.text);
    const summary = buildSummary(session.meta, session.turns);
    expect(summary.interview.language).toBe('en');
    expect(summary.respondent.language).toBe('en');
  });

  it('files the answer given after the switch under the question as it was asked again, in English', () => {
    const session = pastPresentation(guides, tagger, 'fr');
    const pendingId = session.pendingId();
    session.say('english please');
    session.say('For us it means less paper and quicker invoices.');
    const summary = buildSummary(session.meta, session.turns);
    const answer = summary.themes.flatMap((t) => t.answers).find((a) => a.questionId === pendingId);
    const inEnglish = guides.en.themes[0]?.questions.find((q) => q.id === pendingId)?.text;
    expect(inEnglish).toBeDefined();
    expect(answer?.question).toBe(inEnglish);
  });

  it('asks a theme for an example once, whichever language it was asked in', () => {
    const session = new CoreSession(guides, tagger, 'fr', 'manager');
    session.start();
    session.say('oui');
    expect(session.say('Boulangerie.')).toEqual([guides.fr.presentation.exampleProbe?.text]);
    session.say('Nous faisons du pain et des gâteaux, avec une douzaine de salariés.');
    session.say('english please');
    const replies = session.say('The owner.');
    expect(replies).not.toContain(guides.en.presentation.exampleProbe?.text);
    expect(session.askedIds().filter((id) => id.endsWith('.example'))).toHaveLength(1);
  });

  it('help says how to go on in the other language, in both guides', () => {
    expect(guides.fr.messages.help).toContain('in English');
    expect(guides.en.messages.help).toContain('en français');
    const session = pastPresentation(guides, tagger, 'fr');
    expect(session.say('aide')[0]).toBe(guides.fr.messages.help);
  });

  it('while paused, switches and reminds how to resume in the new language', () => {
    const session = pastPresentation(guides, tagger, 'fr');
    session.say('pause');
    const result = handleInput(session.guide, session.meta, session.turns, 'english please', tagger, {
      now: new Date(),
      guides,
    });
    expect(result.replies).toEqual([guides.en.messages.languageSwitched, guides.en.messages.pausedReminder]);
    expect(result.outcome).toBe('paused');
    expect(result.patch).toEqual({ language: 'en' });
  });
});
