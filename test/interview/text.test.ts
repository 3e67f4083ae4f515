import { describe, expect, it } from 'vitest';
import { matchesPhrase, normalize } from '../../src/core/interview/text.js';

describe('normalize', () => {
  it('folds plain ASCII and accented text the same way', () => {
    expect(normalize('  Hello,   World!! ')).toBe('hello world');
    expect(normalize('Cest  BON ;-)')).toBe('cest bon )');
    expect(normalize('it`s (2) a^b ?')).toBe('its (2) ab ?');
    expect(normalize('C’est  BON !')).toBe("c'est bon");
    expect(normalize('Sécurité\u00a0et  Été')).toBe('securite et ete');
    expect(normalize('\tTab\nand\r\nlines')).toBe('tab and lines');
  });
});

/** The full Unicode folding, applied to every text before plain ASCII took a shorter path. */
function unicodeFolding(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^\p{L}\p{N}'?/()]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('normalize on plain ASCII', () => {
  it('gives what the full Unicode folding gives, on every printable character and seeded random strings', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const samples = Array.from({ length: 95 }, (_, i) => `a${String.fromCharCode(32 + i)}b`);
    for (let n = 0; n < 2000; n += 1) {
      const length = next() % 24;
      samples.push(Array.from({ length }, () => String.fromCharCode(32 + (next() % 95))).join(''));
    }
    for (const sample of samples)
      expect([sample, normalize(sample)]).toEqual([sample, unicodeFolding(sample)]);
  });
});

describe('matchesPhrase', () => {
  it('compares whole messages after folding, across successive lists and messages', () => {
    const yes = ['oui', "d'accord"];
    const no = ['non'];
    expect(matchesPhrase('D’ACCORD !', yes)).toBe(true);
    expect(matchesPhrase('D’ACCORD !', no)).toBe(false);
    expect(matchesPhrase('Non.', no)).toBe(true);
    expect(matchesPhrase('non merci', no)).toBe(false);
    expect(matchesPhrase('?', ['?'])).toBe(true);
    expect(matchesPhrase('/aide', ['aide'])).toBe(true);
    expect(matchesPhrase('', [''])).toBe(false);
  });
});
