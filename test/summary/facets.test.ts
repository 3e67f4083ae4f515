import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { buildSummary, renderSummary } from '../../src/core/summary/index.js';
import { createTagger } from '../../src/core/tagger/index.js';
import { pastPresentation } from '../interview/session.js';
import { metaFor, TurnLog } from './helpers.js';

describe('opportunities, threats and resources list only what the tagger asserts', () => {
  it('leaves out a resource read with little confidence, keeps one read clearly (en)', () => {
    const log = new TurnLog('itv-facets-en', 'en');
    const unsure =
      'Time mostly. We got a voucher from the local enterprise office. And money - the planner licence wasn’t cheap.';
    log.qa('meaning', 'resource', 'What resources does going digital take?', unsure, {
      facets: [['resource', 'money', 0.29]],
    });
    const clear = 'We would need someone who knows the software, a few hours a week.';
    log.qa('meaning', 'meaning', 'Anything else it takes?', clear, {
      facets: [['resource', 'someone who knows the software', 0.6]],
    });
    const summary = buildSummary(metaFor(log.interviewId, 'en'), log.turns);
    expect(summary.facets.resources).toEqual([clear]);
    const markdown = String(renderSummary(summary, 'md').body);
    const resourcesSection = markdown.slice(markdown.indexOf('### Resources needed')).split('\n## ')[0];
    expect(resourcesSection).not.toContain('planner licence');
    expect(resourcesSection).toContain('a few hours a week');
  });

  it('leaves out an opportunity and a threat read with little confidence (fr)', () => {
    const log = new TurnLog('itv-facets-fr', 'fr');
    const text =
      "Peut-être toucher des clients plus loin, je ne sais pas. Les pannes d'internet, ça peut arriver. Surtout, le site nous amène des commandes de Nantes.";
    log.qa('meaning', 'meaning', 'Que signifie pour vous la transition numérique ?', text, {
      facets: [
        ['opportunity', 'toucher des clients plus loin', 0.35],
        ['threat', "pannes d'internet", 0.24],
        ['opportunity', 'nous amène des commandes', 0.84],
      ],
    });
    const summary = buildSummary(metaFor(log.interviewId, 'fr'), log.turns);
    expect(summary.facets).toEqual({
      opportunities: ['Surtout, le site nous amène des commandes de Nantes.'],
      threats: [],
      resources: [],
    });
  });
});

describe('an answer to the question that asks for a facet', () => {
  const tagger = createTagger();

  it.each([
    [
      'en',
      'Time mostly. We got a voucher from the local enterprise office, and I did an evening course. And money - the planner licence wasn’t cheap.',
    ],
    [
      'fr',
      'Surtout du temps. On a eu un chèque de la région, et j’ai suivi une formation le soir. Et un peu d’argent, la licence coûtait cher.',
    ],
  ] as const)('%s: is listed whole among the resources, not cut to one uncertain clause', (lang, text) => {
    const session = pastPresentation(loadGuides(), tagger, lang);
    for (let guard = 0; session.pendingId() !== 'meaning.probe.resource'; guard += 1) {
      if (guard > 6) throw new Error('the resources question was never asked');
      session.say(
        lang === 'fr'
          ? 'Ça veut dire travailler autrement, avec des logiciels et moins de papier pour toute l’équipe.'
          : 'It means working differently, with software and less paper for the whole team.',
      );
    }
    session.say(text);
    const summary = buildSummary(session.meta, session.turns);
    expect(summary.facets.resources.join(' ')).toContain(lang === 'fr' ? 'Surtout du temps' : 'Time mostly');
    expect(summary.facets.resources.join(' ')).toContain(lang === 'fr' ? 'la licence' : 'planner licence');
  });
});
