import { describe, expect, it } from 'vitest';
import { firmLine } from '../../src/core/summary/firm-line.js';

const KEY = 'firm-line-test-key';

describe('the line that tells an interview apart in the dashboard list', () => {
  it('passes over a first sentence that only greets and gives a name', () => {
    const line = firmLine(
      ['Bonjour, Sylvie Gagnon. Je suis la propriétaire de Déneigement Gagnon, on est douze à Lévis.'],
      KEY,
      'fr',
    );
    expect(line).toMatch(/^Je suis la propriétaire de \[ENTREPRISE-[0-9A-F]{6}\], on est douze à Lévis$/);
    expect(firmLine(["Hi there. Name's Dave Kerr. Bike repairs in Whanganui, three of us."], KEY, 'en')).toBe(
      'Bike repairs in Whanganui, three of us',
    );
  });

  it('keeps the first sentence when it says what the firm does', () => {
    expect(firmLine(['Miellerie familiale en Dordogne, 2 personnes. Bonjour.'], KEY, 'fr')).toBe(
      'Miellerie familiale en Dordogne, 2 personnes',
    );
  });
});
