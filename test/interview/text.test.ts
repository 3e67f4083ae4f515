import { describe, expect, it } from 'vitest';
import { matchesPhrase, normalize, restsAfterOpenings, saysPhrase } from '../../src/core/interview/text.js';

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

describe('matchesPhrase with polite words', () => {
  it('reads a phrase with or without apostrophes and spaces, and with courtesy around it when asked to', () => {
    const done = ["c'est bon", 'all good'];
    const courtesy = ['merci', 'merci beaucoup', 'thanks', "s'il vous plait"];
    expect(matchesPhrase('cest bon', done)).toBe(true);
    expect(matchesPhrase('C est bon !', done)).toBe(true);
    expect(matchesPhrase("c'est bon merci", done)).toBe(false);
    expect(matchesPhrase("c'est bon merci", done, courtesy)).toBe(true);
    expect(matchesPhrase('Merci, cest bon, merci beaucoup !', done, courtesy)).toBe(true);
    expect(matchesPhrase('all good sil vous plait', done, courtesy)).toBe(true);
    expect(matchesPhrase('merci', done, courtesy)).toBe(false);
    expect(matchesPhrase("c'est bon pour le CRM", done, courtesy)).toBe(false);
  });

  it('gives what follows each opening phrase', () => {
    expect(restsAfterOpenings('Non, rien à corriger.', ['non', 'no', 'non rien'])).toEqual([
      'rien a corriger',
      'a corriger',
    ]);
    expect(restsAfterOpenings('Non.', ['non'])).toEqual([]);
    expect(restsAfterOpenings('nonobstant tout', ['non'])).toEqual([]);
  });
});

describe('saysPhrase', () => {
  it('reads a guide phrase word by word, a few words where "…" stands, with or without apostrophes', () => {
    expect(saysPhrase('Je suis la co-gérante.', 'je suis … gérant')).toBe(true);
    expect(saysPhrase('je suis gerante', 'je suis … gérant')).toBe(true);
    expect(saysPhrase("Je suis l'une des associées", 'je suis … associé')).toBe(true);
    expect(saysPhrase('jai fondé la boîte', "j'ai fondé")).toBe(true);
    expect(saysPhrase("I'm the owner", "i'm … owner")).toBe(true);
    expect(saysPhrase('Im the owner', "i'm … owner")).toBe(true);
    expect(saysPhrase('je suis allée voir le gérant', 'je suis … gérant')).toBe(false);
    expect(saysPhrase('les gérants et je suis', 'je suis … gérant')).toBe(false);
    expect(saysPhrase("Jai repris l'entreprise", "j'ai repris … entreprise")).toBe(true);
    expect(saysPhrase('I run a bakery', 'i run')).toBe(true);
    expect(saysPhrase('we run a shop', 'i run')).toBe(false);
  });
});
