import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { buildSummary } from '../../src/core/summary/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { renderHtml } from '../../src/export/html.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { CoreSession } from '../interview/session.js';

const guides = loadGuides();
const tagger = createTagger();

function presented(lang: 'fr' | 'en', presentation: string): CoreSession {
  const session = new CoreSession(guides, tagger, lang, 'manager');
  session.start();
  session.say(lang === 'fr' ? 'oui' : 'yes');
  session.say(presentation);
  return session;
}

describe('a question the respondent had already answered', () => {
  it.each([
    ['fr', "Je suis la gérante d'une boulangerie de 12 salariés à Nantes.", 'Questions non posées'],
    ['en', "I run a bakery in Leeds with 12 staff; I'm the owner.", 'Questions not asked'],
  ] as const)(
    'is listed in the %s summary as not asked, apart from those declined',
    (lang, presentation, heading) => {
      const session = presented(lang, presentation);
      const role = guides[lang].presentation.questions.find((q) => q.id === 'presentation.role');
      const summary = buildSummary(session.meta, session.turns);
      const answer = summary.themes[0]?.answers[0];
      expect(summary.covered).toEqual([
        {
          questionId: 'presentation.role',
          question: role?.text,
          section: 'presentation',
          answerSeq: answer?.seq,
        },
      ]);
      expect(summary.declined).toEqual([]);
      const markdown = renderMarkdown(summary);
      expect(markdown).toContain(`## ${heading}`);
      expect(markdown.slice(markdown.indexOf(`## ${heading}`))).toContain(`- ${role?.text}`);
      expect(renderHtml(summary)).toContain(heading);
    },
  );

  it.each([
    [
      'fr',
      'Nous sommes une boulangerie de 12 salariés à Nantes, je suis la gérante.',
      'retour',
      'Une boulangerie-pâtisserie de 14 salariés à Nantes.',
    ],
    [
      'en',
      "I run a bakery in Leeds with 12 staff; I'm the owner.",
      'back',
      'A bakery and cake shop in Leeds with 14 staff.',
    ],
  ] as const)(
    'is no longer listed once the answer that said it is amended without it (%s)',
    (lang, first, back, amended) => {
      const session = presented(lang, first);
      expect(buildSummary(session.meta, session.turns).covered).toHaveLength(1);
      session.say(back);
      session.say(amended);
      const summary = buildSummary(session.meta, session.turns);
      expect(summary.covered).toEqual([]);
      expect(renderMarkdown(summary)).not.toContain(
        lang === 'fr' ? 'Questions non posées' : 'Questions not asked',
      );
    },
  );

  it('is not listed when the question was asked', () => {
    const session = presented('fr', 'Une boulangerie de 12 salariés à Nantes.');
    const summary = buildSummary(session.meta, session.turns);
    expect(summary.covered).toEqual([]);
    expect(renderMarkdown(summary)).not.toContain('Questions non posées');
  });
});
