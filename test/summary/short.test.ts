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
    expect(recap).toContain('Valeurs principales\u00a0: aucune.');
    expect(recap).toContain('Leviers\u00a0: aucun.');
  });

  it('says none in English', () => {
    const log = new TurnLog('itv-recap-en', 'en');
    log.qa('meaning', 'meaning.general', 'What does digital mean to you?', 'Not much, honestly.');
    const recap = buildShortSummary(buildSummary(metaFor('itv-recap-en', 'en'), log.turns), 'en');
    expect(recap).toContain('Main values: none.');
  });
});
