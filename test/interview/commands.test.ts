import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { parseBotCommand, parseInterviewCommand } from '../../src/core/interview/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { CoreSession } from './session.js';

const guides = loadGuides();
const both = [guides.fr, guides.en];

function atPresentation(lang: 'fr' | 'en'): CoreSession {
  const session = new CoreSession(guides, createFakeTagger(), lang, 'manager');
  session.start();
  session.say(lang === 'fr' ? 'oui' : 'yes');
  return session;
}

describe('command parser', () => {
  it('recognises the commands in both languages, whole messages only', () => {
    expect(parseInterviewCommand(both, 'Aide')).toBe('help');
    expect(parseInterviewCommand(both, 'help!')).toBe('help');
    expect(parseInterviewCommand(both, 'Je préfère ne pas répondre.')).toBe('skip');
    expect(parseInterviewCommand(both, "I'd rather not answer")).toBe('skip');
    // Spoken French drops the "ne".
    expect(parseInterviewCommand(both, 'je prefere pas en parler')).toBe('skip');
    expect(parseInterviewCommand(both, 'Je veux pas répondre.')).toBe('skip');
    expect(parseInterviewCommand(both, 'RETOUR')).toBe('back');
    expect(parseInterviewCommand(both, 'Arrêter')).toBe('stop');
    expect(parseInterviewCommand(both, 'reprendre')).toBe('resume');
    expect(parseInterviewCommand(both, "J'ai besoin d'aide pour former mes salariés")).toBeNull();
    expect(parseInterviewCommand(both, 'We had to stop using paper')).toBeNull();
  });

  it('reads a pause asked for in a sentence, with courtesy words, as the pause command', () => {
    for (const text of [
      'on peut faire une pause ?',
      'On fait une petite pause svp',
      'je reprendrai plus tard, merci',
      'can we take a break?',
      "Let's pause here, thanks",
      "I'll finish this later",
    ])
      expect(parseInterviewCommand(both, text), text).toBe('pause');
    // Said of the firm, a pause is an answer.
    expect(parseInterviewCommand(both, 'On a fait une pause dans le projet de site')).toBeNull();
    expect(parseInterviewCommand(both, 'We took a break from social media last year')).toBeNull();
  });

  it.each([
    ['fr', "on peut faire une pause ? la farine vient d'arriver"],
    ['en', 'can we take a break? got a customer'],
  ] as const)('%s: a pause asked with why, "%s", pauses and records nothing', (lang, text) => {
    const session = atPresentation(lang);
    const before = session.turns.length;
    expect(session.say(text)).toEqual([guides[lang].messages.paused]);
    expect(session.meta.status).toBe('paused');
    expect(session.turns.filter((t) => t.kind === 'answer')).toHaveLength(
      session.turns.slice(0, before).filter((t) => t.kind === 'answer').length,
    );
  });

  it.each([
    ['fr', "on peut passer celle la ? j'ai pas le temps pour les clubs"],
    ['en', "can we skip this one? I'm not a joiner"],
  ] as const)('%s: a skip asked with why, "%s", declines the question and keeps no answer', (lang, text) => {
    const session = atPresentation(lang);
    const pending = session.pendingId();
    session.say(text);
    expect(session.pendingId()).not.toBe(pending);
    expect(session.turns.some((t) => t.kind === 'answer' && t.text === text)).toBe(false);
    expect(session.turns.some((t) => t.kind === 'skip')).toBe(true);
  });

  it.each([
    ['fr', 'Je préfère ne pas répondre, mais on utilise Sage pour la compta'],
    ['en', "I'd rather not answer that, but we use Sage for the books"],
  ] as const)('%s: a skip followed by a tool, "%s", is an answer', (lang, text) => {
    const session = new CoreSession(guides, createTagger(), lang, 'manager');
    session.start();
    session.say(lang === 'fr' ? 'oui' : 'yes');
    session.say(text);
    expect(session.turns.some((t) => t.kind === 'answer' && t.text === text)).toBe(true);
  });

  it('reads bot commands and invitation codes', () => {
    expect(parseBotCommand(both, 'code ab12cd')).toEqual({ kind: 'code', code: 'AB12CD' });
    expect(parseBotCommand(both, 'code ABCDEF')).toBeNull();
    expect(parseBotCommand(both, 'Supprimer mes données')).toEqual({ kind: 'delete' });
    expect(parseBotCommand(both, 'delete my data')).toEqual({ kind: 'delete' });
    expect(parseBotCommand(both, 'démarrer')).toEqual({ kind: 'start' });
    expect(parseBotCommand(both, 'summary')).toEqual({ kind: 'summary' });
    expect(parseBotCommand(both, 'résumé')).toEqual({ kind: 'resume' });
  });
});

describe.each(['fr', 'en'] as const)('respondent commands (%s)', (lang) => {
  const g = guides[lang];
  const words =
    lang === 'fr'
      ? { help: 'aide', skip: 'passer', back: 'retour', pause: 'pause', resume: 'reprendre', stop: 'arrêter' }
      : { help: 'help', skip: 'skip', back: 'back', pause: 'pause', resume: 'resume', stop: 'stop' };

  it('a slash command we do not have ("/foo") is answered as unknown, recorded nowhere, and the question waits', () => {
    const session = atPresentation(lang);
    const before = session.turns.length;
    const replies = session.say('/foo');
    expect(replies[0]).toContain('/foo');
    expect(replies[0]).toContain(
      lang === 'fr' ? 'Je ne connais pas la commande' : "I don't know the command",
    );
    expect(replies.at(-1)).toBe(g.presentation.questions[0]?.text);
    expect(session.turns).toHaveLength(before);
    // Ours, typed the same way, still work; a slash inside an answer is an answer.
    expect(session.say('/help')[0]).toBe(g.messages.help);
    session.say('Menuiserie / agencement, 12 salariés à Brest.');
    expect(session.turns.some((t) => t.kind === 'answer' && t.text.startsWith('Menuiserie /'))).toBe(true);
  });

  it('help explains and repeats the question without recording anything', () => {
    const session = atPresentation(lang);
    const before = session.turns.length;
    const replies = session.say(words.help);
    expect(replies[0]).toBe(g.messages.help);
    expect(replies.at(-1)).toBe(g.presentation.questions[0]?.text);
    expect(session.turns).toHaveLength(before);
  });

  it('skip records a skip and moves on', () => {
    const session = atPresentation(lang);
    session.say(words.skip);
    expect(session.turns.at(-2)).toMatchObject({ kind: 'skip', questionId: 'presentation.company' });
    expect(session.pendingId()).toBe('presentation.role');
  });

  it('back lets the next message replace the previous answer, stored as an amend', () => {
    const session = atPresentation(lang);
    session.say('We make wooden furniture, 25 people, in Savoie, since 1998.');
    const answerSeq = session.turns.find(
      (t) => t.kind === 'answer' && t.questionId === 'presentation.company',
    )?.seq;
    const replies = session.say(words.back);
    expect(replies[0]).toContain('25 people');
    session.say('We make wooden furniture and kitchens, 30 people, in Savoie.');
    expect(session.turns.find((t) => t.kind === 'amend')).toMatchObject({
      refSeq: answerSeq,
      questionId: 'presentation.company',
    });
    expect(session.pendingId()).toBe('presentation.role');
    expect(session.last?.replies.at(-1)).toBe(g.presentation.questions[1]?.text);
  });

  it('a back left waiting over a pause, a stop or a restart still replaces the answer it was for', () => {
    for (const interruption of [words.pause, words.stop, null]) {
      let session = atPresentation(lang);
      session.say(lang === 'fr' ? 'non' : 'no');
      expect(session.pendingId()).toBe('presentation.company.example');
      const amendPrompt = session.say(words.back);
      if (interruption) {
        session.say(interruption);
        expect(session.say(words.resume)).toEqual([g.messages.resumed, ...amendPrompt]);
      } else {
        const restarted = new CoreSession(guides, createFakeTagger(), lang, 'manager');
        restarted.meta = session.meta;
        restarted.turns = [...session.turns];
        expect(restarted.start()).toEqual(amendPrompt);
        session = restarted;
      }
      const replacement =
        lang === 'fr'
          ? 'Nous fabriquons des meubles en bois, 25 salariés, en Savoie.'
          : 'We make wooden furniture, 25 people, in Cumbria.';
      expect(session.say(replacement)[0]).toBe(g.messages.amended);
      const answer = session.turns.find(
        (t) => t.kind === 'answer' && t.questionId === 'presentation.company',
      );
      expect(session.turns.filter((t) => t.kind === 'amend')).toMatchObject([
        { refSeq: answer?.seq, text: replacement },
      ]);
      expect(session.turns.some((t) => t.kind === 'answer' && t.text === replacement)).toBe(false);
    }
  });

  it('pause holds every answer until resume, then repeats the pending question', () => {
    const session = atPresentation(lang);
    session.say(words.pause);
    expect(session.meta.status).toBe('paused');
    const before = session.turns.length;
    expect(session.say('We make furniture in Savoie with 25 people.')).toEqual([
      g.messages.pausedNotRecorded,
    ]);
    expect(session.turns).toHaveLength(before);
    const replies = session.say(words.resume);
    expect(session.meta.status).toBe('in_progress');
    expect(replies).toEqual([g.messages.resumed, g.presentation.questions[0]?.text]);
  });

  it('stop pauses the interview and says how to resume or erase', () => {
    const session = atPresentation(lang);
    expect(session.say(words.stop)).toEqual([g.messages.stopped]);
    expect(session.meta.status).toBe('paused');
  });

  it('empty, gibberish and off-topic input get one polite re-ask, then are accepted', () => {
    const session = atPresentation(lang);
    expect(session.say('   ')[0]).toBe(g.messages.reaskEmpty);
    expect(session.say('')).toContain(g.messages.skipped);
    expect(session.pendingId()).toBe('presentation.role');
    expect(session.say('qsdfghjk')[0]).toBe(g.messages.reaskGibberish);
    expect(session.turns.at(-1)).toMatchObject({ kind: 'event', tags: null });
    session.say('xcvbnm');
    expect(session.turns.find((t) => t.kind === 'answer' && t.text === 'xcvbnm')).toBeDefined();
  });

  it('keyboard mash and a string of digits get one polite re-ask, then are accepted', () => {
    const session = atPresentation(lang);
    const question = g.presentation.questions[0]?.text;
    expect(session.say('asdfgh qsdkj')).toEqual([g.messages.reaskGibberish, question]);
    session.say('lkjqsd mlkqsjd');
    expect(session.turns.filter((t) => t.kind === 'answer').map((t) => t.text)).toContain('lkjqsd mlkqsjd');
    const next = session.last?.replies.at(-1);
    expect(session.say('123456789')).toEqual([g.messages.reaskGibberish, next]);
  });

  it('punctuation alone gets the same re-ask, then the question is skipped', () => {
    const session = atPresentation(lang);
    expect(session.say('...')[0]).toBe(g.messages.reaskGibberish);
    expect(session.say('!!!')).toContain(g.messages.skipped);
    expect(session.turns.at(-2)).toMatchObject({ kind: 'skip', questionId: 'presentation.company' });
  });

  it('takes short genuine answers, abbreviations and names at once', () => {
    const answers =
      lang === 'fr'
        ? ['SMS', 'Pdg', 'hmm', 'jsp', 'Ploërmel', 'bof', 'pas vraiment', '45 salariés', 'logitiel']
        : ['SMS', 'CEO', 'hmm', 'idk', 'Dunno', 'Yes, mostly', 'Knutange', '45', 'custmers'];
    for (const answer of answers) {
      const session = atPresentation(lang);
      const replies = session.say(answer);
      expect([answer, replies[0]]).not.toEqual([answer, g.messages.reaskGibberish]);
      expect(session.turns.find((t) => t.kind === 'answer' && t.text === answer)).toBeDefined();
    }
  });

  it('an off-topic theme answer is re-asked once', () => {
    const session = atPresentation(lang);
    session.say('We make wooden furniture, 25 people, in Savoie, since 1998.');
    session.say('I am the managing director and the founder of the firm.');
    const offTopic =
      lang === 'fr'
        ? 'Il pleut beaucoup à Annecy ces jours-ci, vraiment.'
        : 'It rains a lot in Annecy these days, really.';
    expect(session.say(offTopic)[0]).toBe(g.messages.reaskOffTopic);
    session.say(offTopic);
    expect(session.turns.filter((t) => t.kind === 'answer' && t.section === 'meaning')).toHaveLength(1);
  });
});
