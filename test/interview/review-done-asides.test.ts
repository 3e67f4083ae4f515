import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { buildSummary } from '../../src/core/summary/build.js';
import { createFakeTagger } from './fake-tagger.js';
import { answerUntilReview, CoreSession } from './session.js';

const guides = loadGuides();

const ANSWER = {
  fr: "Nous avons installé un ERP et un CRM avec nos fournisseurs, c'est une question de sécurité.",
  en: 'We installed an ERP and a CRM with our suppliers; it is about security.',
} as const;

function atReview(lang: 'fr' | 'en'): CoreSession {
  const session = new CoreSession(guides, createFakeTagger(), lang, 'manager');
  session.start();
  session.say(lang === 'fr' ? 'oui' : 'yes');
  answerUntilReview(session, ANSWER[lang]);
  return session;
}

const ENDINGS = {
  fr: [
    "ok c'est tout bon pour moi",
    "c'est tout bon de mon côté",
    "alors c'est bon pour ma part",
    'Ok, rien à corriger de mon côté, merci',
    "ok alors c'est tout bon pour moi",
    'Tout est juste en ce qui me concerne.',
  ],
  en: [
    'ok all good for me',
    "that's fine on my side",
    'all good from my side, thanks',
    'ok so nothing to correct on my end',
    'Looks right to me, as far as I am concerned.',
  ],
} as const;

const CORRECTIONS = {
  fr: ['ok mais retire le CRM', 'pour moi, retire le CRM', "c'est tout bon pour moi mais retire le CRM"],
  en: ['ok but remove the CRM', 'for me, remove the CRM', 'all good on my side but remove the CRM'],
} as const;

describe.each(['fr', 'en'] as const)('closing review, done said with words around it (%s)', (lang) => {
  const guide = guides[lang];

  it('ends the review when a done phrase comes with "for me", "on my side", "ok", "so"', () => {
    for (const ending of ENDINGS[lang]) {
      const session = atReview(lang);
      expect([ending, session.say(ending)]).toEqual([ending, [guide.closing.thanks]]);
      expect(session.meta.status).toBe('completed');
      expect(buildSummary(session.meta, session.turns).unreadCorrections).toEqual([]);
    }
  });

  it('still reads a correction said with those words as a correction', () => {
    for (const reply of CORRECTIONS[lang]) {
      const session = atReview(lang);
      expect([reply, session.say(reply)[0]]).toEqual([reply, expect.stringMatching(/^(C'est noté|Noted)/)]);
      expect(session.meta.status).toBe('in_progress');
      expect(session.turns.filter((t) => t.kind === 'correction').map((t) => t.data)).toMatchObject([
        { action: 'remove', target: 'tool', id: 'crm' },
      ]);
    }
  });
});
