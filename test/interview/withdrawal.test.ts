import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { normalize } from '../../src/core/interview/text.js';
import { createFakeTagger } from './fake-tagger.js';
import { CoreSession, MANAGER_OPENING, pastPresentation } from './session.js';

const guides = loadGuides();

const SCRIPT = MANAGER_OPENING;

/** An interview under way, its first theme question waiting. */
function underWay(lang: Language): CoreSession {
  const session = pastPresentation(guides, createFakeTagger(), lang);
  expect(session.pendingId()).toBe('meaning.main');
  return session;
}

function answers(session: CoreSession): string[] {
  return session.turns.filter((t) => t.kind === 'answer' || t.kind === 'amend').map((t) => t.text);
}

describe('consent taken back during the interview', () => {
  it.each([
    ['fr', "Finalement je ne suis plus d'accord pour que mes réponses soient enregistrées."],
    ['fr', 'je retire mon consentement'],
    ['fr', "Je ne suis plus d'accord."],
    ['fr', 'je ne suis plus daccord'],
    ['fr', 'Je ne veux plus que vous utilisiez mes reponses'],
    ['fr', 'je refuse d etre enregistree finalement'],
    ['en', 'I withdraw my consent'],
    ['en', "I don't agree anymore to be recorded"],
    ['en', 'i dont agree anymore'],
    ['en', 'Actually I no longer agree.'],
    ['en', "I don't want my answers used."],
    ['fr', 'je ne veux plus être enregistré'],
    ['fr', 'Je ne veux plus participer, effacez tout.'],
    ['fr', 'Je ne veux plus que vous utilisiez mes réponses.'],
    ['en', "I don't want to be recorded any more"],
    ['en', "stop, I don't want to take part"],
    ['en', "I don't want you to record me."],
    // In the other language than the interview's.
    ['en', 'je retire mon consentement'],
    ['fr', 'I withdraw my consent.'],
  ] as const)('%s: "%s" stops the interview and records no answer', (lang, text) => {
    const session = underWay(lang);
    session.say(SCRIPT[lang].meaning);
    const pending = session.pendingId();
    const before = answers(session);
    const replies = session.say(text);
    expect(replies).toEqual([guides[lang].opening.consentWithdrawn]);
    expect(answers(session)).toEqual(before);
    expect(session.meta.status).toBe('paused');
    expect(session.last?.outcome).toBe('paused');
    expect(session.pendingId()).toBe(pending);
    expect(session.turns.at(-1)).toMatchObject({
      kind: 'event',
      data: { event: 'stop', consent: 'withdrawn' },
    });
    // Nothing typed afterwards is taken while it stays stopped.
    expect(session.say(SCRIPT[lang].meaning)).toEqual([guides[lang].messages.pausedReminder]);
    expect(answers(session)).toEqual(before);
  });

  it.each(['fr', 'en'] as const)(
    '%s: says how to have the data erased, in the interview language',
    (lang) => {
      const message = normalize(guides[lang].opening.consentWithdrawn);
      const erase = lang === 'fr' ? 'effacer mes donnees' : 'delete my data';
      expect(guides[lang].botCommands.delete).toContain(erase);
      expect(message).toContain(erase);
    },
  );

  it.each([
    ['fr', "Nos clients ne sont pas d'accord pour payer en ligne, ils préfèrent le chèque."],
    ['fr', "Je ne suis pas d'accord avec l'idée que le numérique règle tout."],
    ['fr', 'Nos salariés ne veulent pas être enregistrés par la pointeuse.'],
    ['en', "Our customers don't agree to pay online, they prefer cheques."],
    ['en', "I don't agree that going digital solves everything."],
    // Someone else's recording, or what an answer holds: the respondent's own participation is not refused.
    ['fr', 'Je ne veux pas que nos clients soient enregistrés.'],
    ['fr', "Je ne veux pas qu'on filme les salariés."],
    ['fr', 'Je ne veux pas que vous enregistriez les noms de mes clients.'],
    ['en', "I don't want the customers to be recorded."],
    ['en', "I don't want our staff being recorded on camera."],
    ['en', "I don't want you recording customer names."],
  ] as const)('%s: "%s" is an answer, not a withdrawal', (lang, text) => {
    const session = underWay(lang);
    const replies = session.say(text);
    expect(replies).not.toContain(guides[lang].opening.consentWithdrawn);
    expect(answers(session)).toContain(text);
    expect(session.meta.status).toBe('in_progress');
  });

  it('is never taken as the text that replaces an answer after « retour »', () => {
    const session = underWay('fr');
    session.say(SCRIPT.fr.meaning);
    session.say('retour');
    expect(session.say('Je retire mon consentement.')).toEqual([guides.fr.opening.consentWithdrawn]);
    expect(answers(session)).not.toContain('Je retire mon consentement.');
    expect(session.meta.status).toBe('paused');
  });

  it('stops the closing review too, without recording a correction', () => {
    const session = underWay('en');
    for (let guard = 0; session.pendingId() !== 'closing.review'; guard += 1) {
      if (guard > 40) throw new Error('the closing review was never reached');
      session.say(SCRIPT.en.meaning);
    }
    expect(session.say('I withdraw my consent.')).toEqual([guides.en.opening.consentWithdrawn]);
    expect(session.turns.some((t) => t.kind === 'correction')).toBe(false);
    expect(session.meta.status).toBe('paused');
  });

  it('asks consent again on `resume`, recording nothing until it is given', () => {
    const session = underWay('en');
    session.say('I withdraw my consent.');
    const before = session.turns.filter((t) => t.kind !== 'event').length;
    expect(session.say('resume')).toEqual([guides.en.opening.consentAgain]);
    expect(session.say('More customers ordering online.')).toEqual([guides.en.opening.consentAgain]);
    expect(session.turns.filter((t) => t.kind !== 'event')).toHaveLength(before);
    expect(session.meta.status).toBe('paused');
    const replies = session.say('yes');
    expect(replies.slice(0, 2)).toEqual([guides.en.opening.consentThanks, guides.en.messages.resumed]);
    expect(replies.at(-1)).toBe(guides.en.themes[0]?.questions[0]?.text);
    expect(session.meta.status).toBe('in_progress');
    session.say(SCRIPT.en.meaning);
    expect(answers(session)).toContain(SCRIPT.en.meaning);
  });

  it('keeps the interview stopped when consent is refused again', () => {
    const session = underWay('fr');
    session.say('Je retire mon consentement.');
    expect(session.say('reprendre')).toEqual([guides.fr.opening.consentAgain]);
    expect(session.say('non')).toEqual([guides.fr.opening.consentStillWithdrawn]);
    expect(session.meta.status).toBe('paused');
    expect(session.say('Vendre en ligne.')).toEqual([guides.fr.messages.pausedReminder]);
    expect(answers(session)).not.toContain('Vendre en ligne.');
  });

  it('at the consent question, is a refusal: nothing is kept', () => {
    const session = new CoreSession(guides, createFakeTagger(), 'fr', 'manager');
    session.start();
    expect(session.say('Je retire mon consentement.')).toEqual([guides.fr.opening.consentDeclined]);
    expect(session.last?.outcome).toBe('declined');
  });

  it('lives in the guide data, both languages', () => {
    for (const guide of [guides.fr, guides.en]) {
      const { withdrawal } = guide.opening;
      for (const list of [withdrawal.phrases, withdrawal.alone, withdrawal.refusals, withdrawal.objects])
        expect(list.length).toBeGreaterThan(0);
    }
    // A guide without the sentence's phrases reads it as an answer.
    const bare = structuredClone(guides.fr);
    bare.opening.withdrawal = {
      phrases: ['zz'],
      alone: ['zz'],
      edges: ['zz'],
      refusals: ['zz'],
      objects: ['zz'],
    };
    const session = new CoreSession(
      { fr: bare, en: { ...guides.en, opening: bare.opening } },
      createFakeTagger(),
      'fr',
      'manager',
    );
    session.start();
    session.say('oui');
    session.say('Je retire mon consentement pour le CRM, finalement on garde le tableur.');
    expect(session.meta.status).toBe('in_progress');
  });
});
