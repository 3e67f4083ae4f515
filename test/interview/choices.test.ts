import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { parseLanguageChoice, parseProfileChoice } from '../../src/core/interview/index.js';
import { createFakeTagger } from './fake-tagger.js';
import { CoreSession } from './session.js';

const guides = loadGuides();
const both = [guides.fr, guides.en];

function atConsent(lang: Language): CoreSession {
  const session = new CoreSession(guides, createFakeTagger(), lang, 'manager');
  session.start();
  return session;
}

describe.each(['fr', 'en'] as const)('the consent reply (%s interview)', (lang) => {
  const { opening } = guides[lang];

  it('takes the yes respondents write, in either language', () => {
    const replies = [
      "oui d'accord",
      'Oui, j’accepte',
      "Oui je suis d'accord",
      'ouais',
      'OUI DACCORD !',
      'Euh… oui, bien sûr',
      'ok pour moi, merci',
      "ouin c'est correct",
      'I agree',
      'yes, I consent',
      'yep',
      'sure',
      'Yeah, go ahead.',
      "yes ma'am",
      'sweet as',
      'ok can',
    ];
    for (const reply of replies) {
      const session = atConsent(lang);
      expect([reply, session.say(reply)[0]]).toEqual([reply, opening.consentThanks]);
      expect(session.meta.consentVersion).toBe(opening.consentVersion);
      expect(session.pendingId()).toBe('presentation.company');
    }
  });

  it('ends the interview on a refusal, however it is put', () => {
    for (const reply of [
      'non',
      "pas d'accord",
      'Non, pas du tout.',
      'je ne suis pas d’accord',
      "I don't agree",
      'no thanks',
      'nope',
    ]) {
      const session = atConsent(lang);
      session.say(reply);
      expect([reply, session.last?.outcome]).toEqual([reply, 'declined']);
      expect(session.meta.consentAt).toBeNull();
    }
  });

  it('asks again, briefly, after a hesitation or a mixed reply, and never takes it for consent', () => {
    const replies = [
      'oui mais non',
      'not yet',
      'je ne sais pas',
      'peut-être',
      "I don't know",
      'oui… enfin non',
      'yes but not now',
      'ça dépend',
      'non, pas de souci',
    ];
    for (const reply of replies) {
      const session = atConsent(lang);
      const before = session.turns.length;
      expect([reply, session.say(reply)]).toEqual([reply, [opening.consentReask, opening.consentQuestion]]);
      expect(session.turns).toHaveLength(before);
      expect(session.meta.consentAt).toBeNull();
    }
  });
});

describe('the language and profile choices', () => {
  it('read a language named in a sentence, with or without accents and polite words', () => {
    const cases = [
      ['en français svp', 'fr'],
      ['francais', 'fr'],
      ['Français.', 'fr'],
      ['je préfère répondre en français si possible', 'fr'],
      ['English please', 'en'],
      ['in English', 'en'],
      ["I'd rather answer in English, thanks", 'en'],
      ['plutôt en anglais', 'en'],
      ['2', 'en'],
      ['1 merci', 'fr'],
    ] as const;
    for (const [reply, language] of cases)
      expect([reply, parseLanguageChoice(both, reply)]).toEqual([reply, language]);
  });

  it('read who the respondent is from how they say it', () => {
    const cases = [
      ["je suis gérant d'une PME", 'manager'],
      ['Je suis la gérante', 'manager'],
      ['I run a small firm', 'manager'],
      ['je dirige une menuiserie de 12 salariés', 'manager'],
      ['I own a bakery in Leeds', 'manager'],
      ['I just own the shop', 'manager'],
      ['je suis poissonniere, jai un banc au marché et une petite boutique', 'manager'],
      ['chu le boss', 'manager'],
      ['je suis conseillère à la CCI', 'expert'],
      ["I'm an adviser", 'expert'],
      ['chargée de mission numérique au conseil régional', 'expert'],
      ['business adviser at the growth hub', 'expert'],
      ['Experte', 'expert'],
      ['1', 'manager'],
    ] as const;
    for (const [reply, profile] of cases)
      expect([reply, parseProfileChoice(both, reply)]).toEqual([reply, profile]);
  });

  it('read who the respondent is from their organisation before the verb they use', () => {
    const cases = [
      ['I manage a business network in Cornwall', 'expert'],
      ["je dirige un réseau d'entreprises", 'expert'],
      ['I run a cluster of food firms', 'expert'],
      ['je suis animatrice du pôle numérique', 'expert'],
      ['cluster manager', 'expert'],
      ["Je suis directrice de l'agence de développement du Morbihan", 'expert'],
      ['je dirige une PME de 20 personnes', 'manager'],
      ['I manage a bakery', 'manager'],
      ['manager of my own business', 'manager'],
    ] as const;
    for (const [reply, profile] of cases)
      expect([reply, parseProfileChoice(both, reply)]).toEqual([reply, profile]);
    for (const reply of [
      "je suis gérante de ma société et je préside le réseau d'entreprises du canton",
      'I run my own firm and chair the chamber of commerce',
      'I work in Cornwall',
    ])
      expect([reply, parseProfileChoice(both, reply)]).toEqual([reply, null]);
  });

  it('read nothing from a reply that names both choices, negates one, or names none', () => {
    for (const reply of ['pas en anglais', 'je parle anglais et français', "I don't speak French", 'bonjour'])
      expect([reply, parseLanguageChoice(both, reply)]).toEqual([reply, null]);
    for (const reply of [
      'je ne suis pas dirigeant',
      "I'm not a manager",
      "je suis gérant et j'accompagne d'autres PME",
      'je ne sais pas trop',
      'les deux',
    ])
      expect([reply, parseProfileChoice(both, reply)]).toEqual([reply, null]);
  });
});
