import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { buildSummary } from '../../src/core/summary/build.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { type CoreSession, pastPresentation } from './session.js';

const guides = loadGuides();
const tagger = createTagger();

interface Case {
  tools: string;
  /** The tool the first probe asks about, and how it names it. */
  tool: string;
  probe: RegExp;
  denial: string;
  ack: RegExp;
  /** The words the tool was read from, as the summary's correction quotes them. */
  said: string;
}

const FACETS: Record<Language, string> = {
  fr: 'Du temps surtout, et un peu de formation.',
  en: 'Time mostly, and some training.',
};
const MEANING: Record<Language, string> = {
  fr: 'Pour moi c’est moins de papier et plus de temps pour les clients.',
  en: 'For me it means less paper and more time for customers.',
};

const CASES: Record<string, { lang: Language } & Case> = {
  'a garage asked about the machine programming read from its diagnostic kit': {
    lang: 'en',
    tools: 'We bought a Bosch diagnostic kit for the cars.',
    tool: 'machine_programming',
    probe: /your Bosch diagnostic kit/,
    denial: 'what machine programming? we dont program machines',
    ack: /^Noted: I'm leaving your Bosch diagnostic kit out of what I noted\.$/,
    said: 'diagnostic kit',
  },
  'a shop asked about the connected till read as the cloud': {
    lang: 'fr',
    tools: 'On a une caisse connectée depuis deux ans, pour la boutique.',
    tool: 'cloud_virtualization',
    probe: /votre caisse connectée/,
    denial: "Non on n'en a pas, c'est un simple tiroir-caisse.",
    ack: /^C'est noté\u00a0: je retire votre caisse connectée de ce que j'ai relevé\.$/,
    said: 'caisse connectée',
  },
};

const INTERFACES: Record<Language, string> = {
  fr: 'Les clients passent surtout par là, chaque jour.',
  en: 'Customers mostly come through that, every day.',
};

/** An interview through theme 1, with `tools` answering the tools question, at the first probe on a tool. */
function atFirstProbe(lang: Language, tools: string): CoreSession {
  const session = pastPresentation(guides, tagger, lang);
  session.say(MEANING[lang]);
  for (let guard = 0; !session.pendingId()?.startsWith('tools.'); guard += 1) {
    if (guard > 10) throw new Error('theme 2 never reached');
    session.say(FACETS[lang]);
  }
  session.say(tools);
  session.say(INTERFACES[lang]);
  return session;
}

describe('asked about a tool, the respondent says the firm has no such thing', () => {
  it.each(Object.entries(CASES))(
    '%s: the reading is taken out, said so, and not asked about again',
    (_, c) => {
      const session = atFirstProbe(c.lang, c.tools);
      const probe = session.turns.at(-1);
      expect(probe?.kind).toBe('question');
      expect(probe?.text).toMatch(c.probe);
      const replies = session.say(c.denial);
      expect(replies[0]).toMatch(c.ack);
      // The interview goes on, never back to that tool.
      for (let guard = 0; guard < 6 && session.pendingId()?.startsWith('tools.'); guard += 1) {
        expect(session.turns.at(-1)?.text).not.toMatch(c.probe);
        session.say(c.lang === 'fr' ? 'Les clients surtout.' : 'The customers mostly.');
      }
      const summary = buildSummary(session.meta, session.turns);
      expect(summary.tools.map((t) => t.id)).not.toContain(c.tool);
      // The answer is kept as typed, under the question it answered.
      const answer = summary.themes.flatMap((t) => t.answers).find((a) => a.text === c.denial);
      expect(answer?.question).toBe(probe?.text);
      expect(summary.corrections.map((x) => x.correction)).toContainEqual({
        action: 'remove',
        target: 'tool',
        id: c.tool,
        said: c.said,
        scope: 'named',
        from: 'probe',
      });
      expect(renderMarkdown(summary)).toContain(
        c.lang === 'fr'
          ? `Non utilisé, a dit la personne interrogée (outil)\u00a0: «\u00a0${c.said}\u00a0»`
          : `Not in use, said the respondent when asked about it (tool): “${c.said}”`,
      );
    },
  );

  it.each([
    ['fr', "On n'en a pas parlé avec les salariés, c'est moi qui l'ai voulue."],
    ['fr', 'Pas de souci, ce sont les clients qui en profitent.'],
    ['en', "I don't know, the diagnostic kit was my son's idea."],
    ['en', "We don't have a choice, the customers asked for it."],
    ['en', 'Not us, the customers pushed for it.'],
  ] as const)('%s: "%s" answers the probe, the tool stays', (lang, answer) => {
    const c = Object.values(CASES).find((x) => x.lang === lang);
    if (!c) throw new Error('no case');
    const session = atFirstProbe(lang, c.tools);
    const replies = session.say(answer);
    expect(replies.join('\n')).not.toMatch(/noté : je retire|Noted: I'm leaving/);
    expect(buildSummary(session.meta, session.turns).tools.map((t) => t.id)).toContain(c.tool);
  });

  it.each(Object.entries(CASES))('%s: going back and rewriting the denial puts the tool back', (_, c) => {
    const session = atFirstProbe(c.lang, c.tools);
    session.say(c.denial);
    session.say(c.lang === 'fr' ? 'retour' : 'back');
    const rewritten =
      c.lang === 'fr'
        ? "Ah si pardon, c'est le comptable qui l'a voulue."
        : 'Oh wait, yes, my son wanted it.';
    session.say(rewritten);
    const summary = buildSummary(session.meta, session.turns);
    expect(summary.tools.map((t) => t.id)).toContain(c.tool);
    expect(summary.corrections).toEqual([]);
    expect(summary.themes.flatMap((t) => t.answers).map((a) => a.text)).toContain(rewritten);
    expect(summary.themes.flatMap((t) => t.answers).map((a) => a.text)).not.toContain(c.denial);
  });

  it.each(Object.entries(CASES))('%s: a rewritten answer that denies the tool takes it out', (_, c) => {
    const session = atFirstProbe(c.lang, c.tools);
    session.say(c.lang === 'fr' ? 'Les clients surtout.' : 'The customers mostly.');
    session.say(c.lang === 'fr' ? 'retour' : 'back');
    session.say(c.denial);
    const summary = buildSummary(session.meta, session.turns);
    expect(summary.tools.map((t) => t.id)).not.toContain(c.tool);
    expect(new Set(summary.corrections.map((x) => x.correction.id))).toEqual(new Set([c.tool]));
  });
});
