import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { findIntroducedNames } from '../../src/core/privacy/introduced-names.js';
import { presentedThenLater } from './helpers.js';

const KEY = 'e'.repeat(64);

const replaced = (presentation: string, later: string, lang: Language): string =>
  presentedThenLater(presentation, later, KEY, lang);

const firmPseudonyms = (text: string): Set<string> =>
  new Set(text.match(/\[(?:ENTREPRISE|COMPANY)-[0-9A-F]{6}\]/g));

describe('a surname in lower case after a trade', () => {
  it.each([
    [
      'Je dirige la menuiserie le floch à Brest, on est 8.',
      "Le Floch c'est mon grand-père, et chez le floch on a un ERP.",
      'floch',
      'à Brest',
      'fr',
    ],
    [
      'Je tiens la boulangerie le gall depuis 2010, à Quimper.',
      'Chez Le Gall, le pain se commande en ligne.',
      'gall',
      'à Quimper',
      'fr',
    ],
    ["j'ai repris la crêperie l'hostis, sur le port", "l'hostis a un site", 'hostis', 'sur le port', 'fr'],
    [
      'Je tiens la boulangerie martin à Quimper.',
      'Chez martin on vend sur Shopify, Martin facture avec Sage.',
      'martin',
      'sur Shopify',
      'fr',
    ],
    [
      'Je dirige le garage martin et fils à Vannes.',
      'Martin et Fils a un site, et chez martin on répare tout.',
      'martin',
      'à Vannes',
      'fr',
    ],
    [
      'Je dirige la boulangerie le gall & fils à Morlaix.',
      'Le Gall & Fils vend en ligne.',
      'gall',
      'à Morlaix',
      'fr',
    ],
    [
      'Nous avons repris la menuiserie kerhuel frères en 2012.',
      'Kerhuel Frères a vingt salariés.',
      'kerhuel',
      'en 2012',
      'fr',
    ],
    [
      'I run the joinery firm pickering brothers in Leeds.',
      'Pickering Brothers has a website; at pickering we use Xero.',
      'pickering',
      'in Leeds',
      'en',
    ],
    [
      'I own the bakery hastings and sons near York.',
      'Hastings and Sons sells online.',
      'hastings',
      'near York',
      'en',
    ],
    ['We run the garage turner & co in Hull.', 'Turner & Co has an app.', 'turner', 'in Hull', 'en'],
  ] as const)('"%s" then "%s": no %s, one pseudonym, %s kept', (presentation, later, name, kept, lang) => {
    const text = replaced(presentation, later, lang);
    expect(text.toLowerCase()).not.toContain(name);
    expect(text).toContain(kept);
    expect(firmPseudonyms(text).size).toBe(1);
  });

  it('keeps the family ending a word of its own', () => {
    const text = replaced(
      'Je dirige le garage martin et fils à Vannes.',
      'Mon fils travaille avec moi.',
      'fr',
    );
    expect(text).toContain('Mon fils travaille avec moi.');
  });

  it('gives the firm the pseudonym it has when its name is capitalised', () => {
    for (const [lower, capitalised, later, lang] of [
      ['Je dirige la menuiserie le floch.', 'Je dirige la menuiserie Le Floch.', 'Le Floch a un ERP.', 'fr'],
      ['Je dirige le garage martin et fils.', 'Je dirige le garage Martin et Fils.', 'Martin répare.', 'fr'],
      [
        'I run the joinery pickering brothers.',
        'I run the joinery Pickering Brothers.',
        'Pickering is ok.',
        'en',
      ],
    ] as const)
      expect(replaced(lower, later, lang)).toBe(replaced(capitalised, later, lang));
  });

  it('reads "le" or "la" with a capitalised name after a trade as the name', () => {
    const text = replaced('Je dirige la menuiserie le Floch à Brest.', 'Le Floch a un ERP.', 'fr');
    expect(text).not.toMatch(/floch/i);
    expect(text).toContain('à Brest');
  });
});

describe('"le" or "la" after a trade that introduces no name', () => {
  it('keeps when, how much and what the firm does', () => {
    for (const [presentation, later, lang] of [
      ['Je tiens la boulangerie le matin, on ouvre à 6h.', 'Le matin, on vend du pain.', 'fr'],
      ['Je tiens la boulangerie le midi avec ma femme.', 'Le midi, on a du monde.', 'fr'],
      ["Je gère le restaurant le soir et l'hiver.", "L'hiver est calme.", 'fr'],
      ['Je dirige la boulangerie la plus ancienne de Brest.', 'La plus ancienne, oui.', 'fr'],
      ['Je dirige le garage le moins cher du coin.', 'Le moins cher, oui.', 'fr'],
      ['Je tiens la boutique la semaine et le week-end.', 'La semaine, on vend peu.', 'fr'],
      ['La boulangerie le propose depuis 2019.', 'On le propose en ligne.', 'fr'],
      ['La menuiserie la fabrique.', 'On la fabrique ici.', 'fr'],
      ['Je dirige le garage renault de la ville.', 'Renault, on en vend.', 'fr'],
      ['Je dirige la boulangerie du coin.', 'La boulangerie du coin vend en ligne.', 'fr'],
      ['Je dirige la menuiserie moderne et fils de mon oncle.', 'Moderne, oui.', 'fr'],
      ['I run the bakery with my brothers in Leeds.', 'My brothers bake.', 'en'],
      ['We run the bakery young and old love.', 'Young people come.', 'en'],
    ] as const) {
      expect(findIntroducedNames(presentation), presentation).toEqual([]);
      expect(replaced(presentation, later, lang)).toBe(`${presentation}\n${later}`);
    }
  });
});

describe('a listed surname or a family ending after a trade, with no cue before it', () => {
  it.each([
    [
      'Ma sœur tient la boulangerie martin à Quimper.',
      'Chez martin on vend en ligne.',
      'martin',
      'à Quimper',
      'fr',
    ],
    [
      'Mon frère a le garage kerbrat et fils à Vannes.',
      'Kerbrat et Fils a un site.',
      'kerbrat',
      'à Vannes',
      'fr',
    ],
    [
      'My uncle owns the bakery hollis and sons in York.',
      'Hollis and Sons sells online.',
      'hollis',
      'in York',
      'en',
    ],
  ] as const)('"%s" then "%s": no %s, %s kept', (presentation, later, name, kept, lang) => {
    const text = replaced(presentation, later, lang);
    expect(text.toLowerCase()).not.toContain(name);
    expect(text).toContain(kept);
    expect(firmPseudonyms(text).size).toBe(1);
  });

  it('still reads a word that may be a verb after a trade as no name', () => {
    for (const presentation of ['La boulangerie existe depuis 1990.', 'La boulangerie le pétrit à la main.'])
      expect(findIntroducedNames(presentation), presentation).toEqual([]);
  });
});
