import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { answerLanguage } from '../../src/core/interview/answer-language.js';
import { createTagger } from '../../src/core/tagger/index.js';
import type { Tagger } from '../../src/core/tagger/types.js';
import { emptyTags, type Tags } from '../../src/core/tags.js';
import { createFakeTagger } from './fake-tagger.js';
import { type CoreSession, pastPresentation } from './session.js';

const guides = loadGuides();

/** A tagger that reads one language only, as a lexicon of that language does: in the other, nothing. */
function readingOnly(language: Language): Tagger & { asked: (Language | undefined)[] } {
  const fake = createFakeTagger();
  const asked: (Language | undefined)[] = [];
  return {
    asked,
    tag(text, options): Tags {
      asked.push(options?.lang);
      return options?.lang === language ? fake.tag(text, options) : emptyTags(options?.lang ?? language);
    },
  };
}

function atMeaning(lang: Language, tagger: Tagger): CoreSession {
  const session = pastPresentation(guides, tagger, lang);
  expect(session.pendingId()).toBe('meaning.main');
  return session;
}

function lastAnswer(session: CoreSession) {
  return session.turns.filter((t) => t.kind === 'answer').at(-1);
}

describe('an answer in the other language than the interview’s keeps its tags', () => {
  it('English interview, French answer: tagged as the tagger alone reads it', () => {
    const tagger = createTagger();
    const session = atMeaning('en', tagger);
    const text = 'Oui bien sûr, trouver de nouveaux clients grâce à internet et gagner du temps.';
    session.say(text);
    const alone = tagger.tag(text);
    expect(alone.lang).toBe('fr');
    expect(alone.facets.length + alone.values.length).toBeGreaterThan(0);
    expect(lastAnswer(session)?.tags).toEqual(alone);
  });

  it.each([
    [
      'en',
      'fr',
      "C'est une opportunité pour nous, on peut vendre dans toute la France et on gagne du temps sur les devis.",
    ],
    [
      'fr',
      'en',
      "It's an opportunity for us: we can sell all over the country and we save time on all of our quotes.",
    ],
  ] as const)(
    '%s interview, %s answer: the probe on what it already said is not asked',
    (lang, written, text) => {
      const tagger = readingOnly(written);
      const session = atMeaning(lang, tagger);
      session.say(text);
      expect(tagger.asked.at(-1)).toBe(written);
      expect(lastAnswer(session)?.tags?.facets.map((f) => f.id)).toEqual(['opportunity']);
      expect(session.askedIds()).not.toContain('meaning.probe.opportunity');
      expect(session.pendingId()).toBe('meaning.probe.threat');
    },
  );

  it.each([
    ['en', 'Plus de clients.'],
    ['en', 'Oui, we sell online now.'],
    ['en', 'Déjà.'],
    ['en', 'CRM, ERP, EDI.'],
    ['fr', 'Yes, on vend en ligne.'],
    ['fr', 'We sell online.'],
    ['fr', 'CRM, ERP, EDI.'],
  ] as const)('%s interview: "%s", short or mixed, stays in the interview’s language', (lang, text) => {
    expect(answerLanguage(text, lang)).toBe(lang);
    const tagger = readingOnly(lang);
    const session = atMeaning(lang, tagger);
    session.say(text);
    expect(tagger.asked.at(-1)).toBe(lang);
  });

  it('an answer in the interview’s own language is never read as the other', () => {
    expect(answerLanguage("No, we don't have a CRM yet, it's all on paper.", 'en')).toBe('en');
    expect(answerLanguage("Non, on n'a pas encore de CRM, tout est sur papier.", 'fr')).toBe('fr');
    expect(answerLanguage('Pas vraiment, on est trop petits pour ça et on manque de temps.', 'en')).toBe(
      'fr',
    );
    expect(answerLanguage('Not really, we are too small for that and we lack the time.', 'fr')).toBe('en');
  });
});
