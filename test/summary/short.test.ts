import { describe, expect, it } from 'vitest';
import { buildShortSummary, buildSummary } from '../../src/core/summary/index.js';
import { metaFor, TurnLog } from './helpers.js';

describe('the closing recap', () => {
  it('says none in French agreeing with each list it reads out', () => {
    const log = new TurnLog('itv-recap-fr', 'fr');
    log.qa(
      'meaning',
      'meaning.general',
      'Que signifie pour vous le numérique ?',
      'Pas grand-chose, honnêtement.',
    );
    const recap = buildShortSummary(buildSummary(metaFor('itv-recap-fr', 'fr'), log.turns), 'fr');
    expect(recap).toContain('Outils\u00a0: aucun.');
    expect(recap).toContain('Valeurs\u00a0: aucune.');
    expect(recap).toContain('Leviers\u00a0: aucun.');
  });

  it('says none in English', () => {
    const log = new TurnLog('itv-recap-en', 'en');
    log.qa('meaning', 'meaning.general', 'What does digital mean to you?', 'Not much, honestly.');
    const recap = buildShortSummary(buildSummary(metaFor('itv-recap-en', 'en'), log.turns), 'en');
    expect(recap).toContain('Values: none.');
  });

  it('names every value read, most evidenced first, so the respondent corrects what was understood', () => {
    const log = new TurnLog('itv-recap-values', 'en');
    const first = 'It saves us time, our customers trust us more and we learn a lot from the club.';
    log.qa('value', 'value.company', 'What have these tools done for your business?', first, {
      values: [
        ['functional', 'saves us time'],
        ['benevolence', 'trust us more'],
        ['epistemic', 'we learn a lot'],
      ],
    });
    const second = 'Our backups make us feel safe, and it saves time for the customers too.';
    log.qa('value', 'value.partners', 'And for your partners?', second, {
      values: [
        ['security', 'make us feel safe'],
        ['functional', 'saves time'],
        ['hedonic', 'feel safe'],
      ],
    });
    const recap = buildShortSummary(buildSummary(metaFor('itv-recap-values', 'en'), log.turns), 'en');
    expect(recap).toContain('Values: Functional, Hedonic, Epistemic, Security, Benevolence.');
  });
});
