import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { buildSummary } from '../../src/core/summary/build.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { type CoreSession, pastPresentation } from './session.js';

const guides = loadGuides();
const tagger = createTagger();

const SCRIPT: Record<Language, { meaning: string; facets: string; tools: string; dropped: string }> = {
  fr: {
    meaning: 'Pour moi c’est vendre sur Instagram et sur Facebook, nos clientes nous suivent là-dessus.',
    facets: 'Du temps surtout, et un peu de formation.',
    tools: 'Un site vitrine, Instagram et Facebook pour montrer les bouquets.',
    dropped: 'En fait on a arrêté Instagram le mois dernier, ça marchait pas.',
  },
  en: {
    meaning: 'For me it means selling on Instagram and Facebook, our customers follow us there.',
    facets: 'Time mostly, and some training.',
    tools: 'A showcase website, Instagram and Facebook to show the bouquets.',
    dropped: 'Actually we stopped using Instagram last month, it was not working.',
  },
};

/** An interview in which `tools` answered the tools question and `next` the one after it. */
function interview(lang: Language, next: string): CoreSession {
  const script = SCRIPT[lang];
  const session = pastPresentation(guides, tagger, lang);
  session.say(script.meaning);
  for (let guard = 0; !session.pendingId()?.startsWith('tools.'); guard += 1) {
    if (guard > 10) throw new Error('theme 2 never reached');
    session.say(script.facets);
  }
  session.say(script.tools);
  session.say(next);
  return session;
}

/** The questions asked after the answer `text`. */
function askedAfter(session: CoreSession, text: string): string[] {
  const at = session.turns.findIndex((t) => t.kind === 'answer' && t.text === text);
  return session.turns
    .slice(at)
    .filter((t) => t.kind === 'question')
    .map((t) => t.text);
}

describe('a tool an answer says was dropped', () => {
  it.each(['fr', 'en'] as const)(
    '%s: is taken out of the summary by its name, the rest of its class stays',
    (lang) => {
      const session = interview(lang, SCRIPT[lang].dropped);
      const summary = buildSummary(session.meta, session.turns);
      expect(summary.tools.map((t) => t.id)).toContain('social_media');
      const socialWords = summary.themes
        .flatMap((theme) => theme.answers)
        .flatMap((answer) => answer.tags.tools.filter((t) => t.id === 'social_media'))
        .flatMap((t) => t.evidence.map((e) => e.text));
      expect(socialWords).toContain('Facebook');
      expect(socialWords).not.toContain('Instagram');
      expect(summary.corrections.map((c) => c.correction)).toEqual([
        {
          action: 'remove',
          target: 'tool',
          id: 'social_media',
          said: 'Instagram',
          scope: 'named',
          from: 'answer',
        },
      ]);
      expect(renderMarkdown(summary)).toMatch(
        lang === 'fr'
          ? /Dit abandonné pendant l'entretien \(outil\)\u00a0: «\u00a0Instagram\u00a0»/
          : /Said to be dropped during the interview \(tool\): “Instagram”/,
      );
    },
  );

  it('is dropped when named by its nickname', () => {
    const session = interview('fr', 'On a arrêté insta, trop de temps perdu.');
    expect(session.turns.filter((t) => t.kind === 'correction').map((t) => t.data)).toEqual([
      expect.objectContaining({ id: 'social_media', said: 'Instagram', from: 'answer' }),
    ]);
  });

  it('is never asked about afterwards', () => {
    const session = interview('fr', SCRIPT.fr.dropped);
    expect(askedAfter(session, SCRIPT.fr.dropped).join('\n')).not.toMatch(/Instagram/);
  });

  it.each([
    ['fr', 'On a arrêté le papier, maintenant tout passe par Instagram.'],
    ['fr', 'On a fermé le site de production de Lyon, tout est ici maintenant.'],
    ['fr', 'Instagram, on a gardé, mais on a arrêté les flyers.'],
    ['en', 'We stopped printing flyers, it all goes through Instagram now.'],
  ] as const)('%s: "%s" drops nothing', (lang, text) => {
    const session = interview(lang, text);
    expect(session.turns.filter((t) => t.kind === 'correction')).toEqual([]);
  });
});
