import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { buildSummary } from '../../src/core/summary/build.js';
import { summaryPrompts } from '../../src/core/summary/labels.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { createFakeTagger } from './fake-tagger.js';
import { CoreSession, MANAGER_OPENING, pastPresentation } from './session.js';

const guides = loadGuides();

const SCRIPT = MANAGER_OPENING;

/** The bullets under the summary's « Opportunités » heading, as the Markdown export shows them. */
function opportunitiesShown(session: CoreSession): string[] {
  const lang = session.meta.language;
  const lines = renderMarkdown(summaryOf(session)).split('\n');
  const from = lines.indexOf(`### ${summaryPrompts(lang).facets.opportunity}`);
  const to = lines.findIndex((line, i) => i > from && line.startsWith('#'));
  return lines.slice(from + 1, to).filter((line) => line.startsWith('- '));
}

function noneShown(lang: Language): string[] {
  return [`- ${summaryPrompts(lang).none.opportunity}`];
}

/** At the theme-1 probe on opportunities: the answer to the main question named no facet. */
function atOpportunities(lang: Language, guide = guides[lang]): CoreSession {
  const session = pastPresentation(guides, createFakeTagger(), lang, guide);
  session.say(SCRIPT[lang].meaning);
  expect(session.pendingId()).toBe('meaning.probe.opportunity');
  return session;
}

function summaryOf(session: CoreSession) {
  return buildSummary(session.meta, session.turns);
}

function lastAnswer(session: CoreSession) {
  return session.turns.filter((t) => t.kind === 'answer').at(-1);
}

describe('an answer to a question asking for one facet carries it', () => {
  it.each([
    ['fr', 'Plus de clients.', 'Plus de clients'],
    [
      'fr',
      'bof, ptet gagner du tps sur les commandes de pieces',
      'ptet gagner du tps sur les commandes de pieces',
    ],
    ['fr', 'Oui bien sûr : de nouveaux marchés à l’export.', 'de nouveaux marchés à l’export'],
    ['fr', 'Des clients en plus.', 'Des clients en plus'],
    ['en', 'More customers.', 'More customers'],
    ['en', 'Yes, reaching buyers abroad.', 'reaching buyers abroad'],
  ] as const)('%s: "%s" is listed under opportunities', (lang, text, evidence) => {
    const session = atOpportunities(lang);
    session.say(text);
    expect(lastAnswer(session)?.tags?.facets).toEqual([
      expect.objectContaining({ id: 'opportunity', evidence: [expect.objectContaining({ text: evidence })] }),
    ]);
    expect(summaryOf(session).facets.opportunities.join(' ')).toContain(evidence);
    expect(opportunitiesShown(session)).not.toEqual(noneShown(lang));
    expect(opportunitiesShown(session).join(' ')).toContain(evidence);
    // Said, so not asked for again: the next probe is on threats.
    expect(session.pendingId()).toBe('meaning.probe.threat');
  });

  it.each([
    ['fr', 'Le piratage, clairement.', 'threats', 'Le piratage'],
    ['en', 'Getting hacked, clearly.', 'threats', 'Getting hacked'],
    ['fr', "Du temps et de l'argent.", 'resources', 'Du temps'],
    ['en', 'Time and money.', 'resources', 'Time and money'],
  ] as const)('%s: "%s" to the next probes is listed under %s', (lang, text, key, quote) => {
    const session = atOpportunities(lang);
    session.say(SCRIPT[lang].meaning);
    if (key === 'resources') session.say(lang === 'fr' ? 'Les arnaques en ligne.' : 'Online scams.');
    session.say(text);
    expect(summaryOf(session).facets[key].join(' ')).toContain(quote);
  });

  it.each([
    ['fr', 'Non.'],
    ['fr', 'Pas vraiment.'],
    ['fr', 'Je ne sais pas.'],
    ['fr', 'Euh, je sais pas trop.'],
    ['fr', 'Aucune pour l’instant.'],
    ['fr', 'Pas vraiment, on est trop petits pour ça.'],
    ['fr', "Non, franchement on n'en voit pas."],
    ['fr', 'Bof.'],
    ['fr', 'Oui.'],
    // Quebec French for "not at all".
    ['fr', 'pantoute'],
    ['en', 'No.'],
    ['en', 'Not really.'],
    ['en', "I don't know."],
    ['en', 'None that I can see.'],
    ['en', "Not really, we're too small for that."],
    ['en', 'Nope, nothing really.'],
  ] as const)('%s: "%s" leaves the summary with no opportunity', (lang, text) => {
    const session = atOpportunities(lang);
    session.say(text);
    expect(lastAnswer(session)?.text).toBe(text);
    expect(lastAnswer(session)?.tags?.facets).toEqual([]);
    expect(summaryOf(session).facets.opportunities).toEqual([]);
    expect(opportunitiesShown(session)).toEqual(noneShown(lang));
  });

  it.each([
    ['fr', 'Oui.', 'Lesquelles, par exemple\u202f?', 'De nouveaux clients à Lyon.'],
    ['fr', 'oui oui', 'Lesquelles, par exemple\u202f?', 'De nouveaux clients à Lyon.'],
    ['en', 'Yes.', 'Which ones, for example?', 'New customers in Lyon.'],
    // A yes hedged with nothing more is a yes too.
    [
      'fr',
      'bof, oui sûrement, pour certaines',
      'Lesquelles, par exemple\u202f?',
      'De nouveaux clients à Lyon.',
    ],
    ['en', 'yes, probably, for some of them', 'Which ones, for example?', 'New customers in Lyon.'],
  ] as const)(
    '%s: a bare "%s" is asked which ones, once, and the reply is listed',
    (lang, yes, which, reply) => {
      const session = atOpportunities(lang);
      expect(session.say(yes).at(-1)).toBe(which);
      expect(session.pendingId()).toBe('meaning.probe.opportunity.which');
      session.say(reply);
      expect(summaryOf(session).facets.opportunities.join(' ')).toContain(reply.replace(/\.$/, ''));
      expect(session.pendingId()).toBe('meaning.probe.threat');
    },
  );

  it('asks which ones only once, and not after a yes that says which', () => {
    const session = atOpportunities('fr');
    session.say('Oui.');
    session.say('Oui.');
    expect(session.pendingId()).toBe('meaning.probe.threat');
    const other = atOpportunities('fr');
    other.say('Oui, vendre en ligne.');
    expect(other.pendingId()).toBe('meaning.probe.threat');
  });

  it('keeps the facet the tagger read, once', () => {
    const session = atOpportunities('fr');
    session.say('Une vraie opportunité pour vendre plus loin.');
    expect(lastAnswer(session)?.tags?.facets.map((f) => [f.id, f.evidence[0]?.text])).toEqual([
      ['opportunity', 'opportunit'],
    ]);
  });

  it('carries the facet an amended answer gives, and drops it when the amendment gives nothing', () => {
    const session = atOpportunities('en');
    session.say('Not really.');
    session.say('back');
    session.say('Actually, new customers online.');
    expect(summaryOf(session).facets.opportunities.join(' ')).toContain('new customers online');
    session.say('back');
    session.say('No, none.');
    expect(summaryOf(session).facets.opportunities).toEqual([]);
  });

  it('reads the facet from the probe in the guide, not from the words of its question', () => {
    const reworded = structuredClone(guides.fr);
    const probe = reworded.themes[0]?.probes.find((p) => p.id === 'opportunity');
    if (probe?.when !== 'facet_missing') throw new Error('no opportunity probe in the French guide');
    probe.text = 'Et du côté positif, que voyez-vous venir ?';
    const session = atOpportunities('fr', reworded);
    session.say('Plus de clients.');
    expect(summaryOf(session).facets.opportunities.join(' ')).toContain('Plus de clients');
  });

  it('does not give a main question one facet', () => {
    const session = new CoreSession(guides, createFakeTagger(), 'fr', 'manager');
    session.start();
    for (const text of [SCRIPT.fr.consent, SCRIPT.fr.company, SCRIPT.fr.role]) session.say(text);
    session.say('Plus de clients, plus de ventes en ligne et moins de papier.');
    expect(lastAnswer(session)?.tags?.facets).toEqual([]);
  });
});

describe('an answer to what is needed names needs, not tools in use', () => {
  const tagger = createTagger();

  /** At theme 1's probe `probe` ("resource", "threat"), the answers before it giving other facets. */
  function atProbe(lang: Language, probe: 'resource' | 'threat'): CoreSession {
    const session = pastPresentation(guides, tagger, lang);
    session.say(SCRIPT[lang].meaning);
    const other =
      probe === 'resource'
        ? { fr: 'Plus de clients, et le piratage.', en: 'More customers, and hackers.' }
        : { fr: 'Plus de clients.', en: 'More customers.' };
    for (let guard = 0; session.pendingId() !== `meaning.probe.${probe}`; guard += 1) {
      if (guard > 5) throw new Error(`the ${probe} probe never came`);
      session.say(other[lang]);
    }
    return session;
  }

  it.each([
    ['fr', 'du temps surtt et un peu de formation', 'formation'],
    ['en', 'training mostly, and a bit of cash for the new scanner', 'training'],
  ] as const)('%s: "%s" is a resource needed, no training tool nor its lever', (lang, text, word) => {
    const session = atProbe(lang, 'resource');
    session.say(text);
    const tags = lastAnswer(session)?.tags;
    expect(tags?.tools).toEqual([]);
    expect(tags?.levers).toEqual([]);
    const evidence = tags?.facets.find((f) => f.id === 'resource')?.evidence ?? [];
    // Quoted from the answer itself, at its own offsets.
    expect(evidence.map((e) => text.slice(e.start, e.end))).toEqual(evidence.map((e) => e.text));
    expect(evidence.map((e) => e.text).join(' ')).toContain(word);
  });

  it.each([
    ['fr', 'Surtout du temps. Et une formation sur la compta en ligne.'],
    ['en', 'Time, mostly. And then a course on the online accounts.'],
  ] as const)('%s: "%s" names a training needed in its second sentence too', (lang, text) => {
    const session = atProbe(lang, 'resource');
    session.say(text);
    expect(lastAnswer(session)?.tags?.tools).toEqual([]);
    expect(lastAnswer(session)?.tags?.facets.map((f) => f.id)).toContain('resource');
  });

  it.each([
    ['en', 'Amazon, obviously. And scams, we get fake emails every week.', []],
    ['fr', "Les arnaques. On a notre site et j'ai peur qu'il soit piraté.", ['showcase_website']],
  ] as const)(
    '%s: at the threats probe, "%s" names what is feared, not tools in use but the firm\'s own',
    (lang, text, tools) => {
      const session = atProbe(lang, 'threat');
      session.say(text);
      const tags = lastAnswer(session)?.tags;
      expect(tags?.tools.map((t) => t.id)).toEqual(tools);
      // A threat named is no value gained: fake emails are no security.
      expect(tags?.values.map((v) => v.id)).not.toContain('security');
      expect(tags?.facets.map((f) => f.id)).toContain('threat');
    },
  );

  it('still reads a training taken, named in answer to the tools question, as a tool', () => {
    expect(
      tagger
        .tag('On a fait une formation au numérique avec la CCI le printemps dernier.')
        .tools.map((t) => t.id),
    ).toContain('digital_training');
  });
});
