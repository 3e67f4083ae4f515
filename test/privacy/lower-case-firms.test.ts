import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { findIntroducedNames } from '../../src/core/privacy/introduced-names.js';
import { buildSummary, renderSummary } from '../../src/core/summary/index.js';
import { SUMMARY_FORMATS } from '../../src/export/index.js';
import { unescapeXml, unzip } from '../export/helpers.js';
import { metaFor, TurnLog } from '../summary/helpers.js';
import { presentedThenLater } from './helpers.js';

const KEY = 'd'.repeat(64);

const replaced = (presentation: string, later: string, lang: Language): string =>
  presentedThenLater(presentation, later, KEY, lang);

const firmPseudonyms = (text: string): Set<string> =>
  new Set(text.match(/\[(?:ENTREPRISE|COMPANY)-[0-9A-F]{6}\]/g));

describe('a firm named in lower case after its trade, in an answer typed in both cases', () => {
  it.each([
    [
      'Je dirige la menuiserie kerguelen à Brest, on est 8.',
      'Chez kerguelen on a un ERP.',
      'kerguelen',
      'à Brest',
      'fr',
    ],
    [
      'On est une petite boulangerie, la boulangerie pichon, huit salariés à Lorient.',
      'Chez Pichon on vend sur Shopify, et pichon facture avec Sage.',
      'pichon',
      'sur Shopify',
      'fr',
    ],
    [
      "je suis gérante de l'entreprise de plomberie morvan depuis 2012, à quimper",
      'morvan a pris un logiciel de devis',
      'morvan',
      'à quimper',
      'fr',
    ],
    [
      'Depuis 2015, on travaille à deux à la crêperie kerhuel, sur le port.',
      'À la crêperie kerhuel, tout se réserve en ligne.',
      'kerhuel',
      'sur le port',
      'fr',
    ],
    [
      'I run the café tresillian near Truro, six of us.',
      'At tresillian we take bookings online; Tresillian has a website.',
      'tresillian',
      'near Truro',
      'en',
    ],
  ] as const)('"%s" then "%s": no %s, one pseudonym, %s kept', (presentation, later, name, kept, lang) => {
    const text = replaced(presentation, later, lang);
    expect(text.toLowerCase()).not.toContain(name);
    expect(text).toContain(kept);
    expect(firmPseudonyms(text).size).toBe(1);
  });

  it('reads two capitalised words after a trade and "du" / "des" as its name, one as a place', () => {
    const text = replaced(
      "alors nous c'est la brasserie du Vieux Moulin a Namur, une micro brasserie quoi, on est 5.",
      'Au Vieux Moulin on vend sur Shopify.',
      'fr',
    );
    expect(text).not.toContain('Vieux Moulin');
    expect(text).toContain('a Namur');
    expect(text).toContain('la brasserie du [ENTREPRISE-');
    expect(
      findIntroducedNames('Je suis gérant de la boulangerie des Quatre Vents à Lyon.').map((n) => n.text),
    ).toContain('Quatre Vents');
    expect(findIntroducedNames('On est une fromagerie du Jura, douze salariés.')).toEqual([]);
  });

  it('gives the firm the pseudonym it has when its name is capitalised', () => {
    expect(replaced('Je dirige la menuiserie kerguelen à Brest.', 'Chez kerguelen on a un ERP.', 'fr')).toBe(
      replaced('Je dirige la menuiserie Kerguelen à Brest.', 'Chez Kerguelen on a un ERP.', 'fr'),
    );
  });

  it('keeps ordinary words after a trade, and brands', () => {
    for (const [presentation, later, lang] of [
      ['Je dirige la menuiserie du coin, on est 8.', 'La menuiserie du coin a un ERP.', 'fr'],
      [
        'Je tiens la boulangerie artisanale de mes parents.',
        'La boulangerie artisanale vend en ligne.',
        'fr',
      ],
      ['Notre menuiserie familiale fabrique des escaliers.', 'Une menuiserie familiale, ça compte.', 'fr'],
      ['Je dirige la boulangerie bio du quartier.', 'Le bio, ça marche ici.', 'fr'],
      ['Nous sommes la menuiserie industrielle du secteur.', 'Le secteur est industriel.', 'fr'],
      ["Je gère l'agence immobilière principale de Vannes.", 'Vannes, une ville principale.', 'fr'],
      ['Je dirige la boutique shopify de la boulangerie.', 'On vend sur shopify.', 'fr'],
      ['I run the bakery down the road, twelve of us.', 'The bakery down the road uses Xero.', 'en'],
      ['We are the organic bakery in town.', 'Organic sells well.', 'en'],
      [
        'La boulangerie existe depuis 1990 et la menuiserie appartient à mon oncle.',
        'Elle existe encore.',
        'fr',
      ],
      ['The bakery became a limited company in 2019.', 'It became easier.', 'en'],
      ['Je tiens le bar tabac du village depuis 2015.', 'Le tabac, on le vend moins.', 'fr'],
      ['Je dirige la boulangerie haut de gamme du centre.', 'Le haut de gamme se vend en ligne.', 'fr'],
      ['Je dirige une menuiserie aluminium et PVC à Vannes.', "L'aluminium coûte cher.", 'fr'],
      ['Je dirige la pâtisserie végane de Lorient.', 'Le végane attire des clients.', 'fr'],
    ] as const) {
      expect(findIntroducedNames(presentation), presentation).toEqual([]);
      expect(replaced(presentation, later, lang)).toBe(`${presentation}\n${later}`);
    }
  });

  it('reads a typo of an ordinary word after a trade as a name: a missed name is worse', () => {
    const text = replaced('Je tiens la boulangerie artisanalle, à Brest.', 'Elle est artisanalle.', 'fr');
    expect(text).not.toContain('artisanalle');
    expect(text).toContain('à Brest');
  });
});

describe('a summary of an interview naming its firm in lower case', () => {
  const log = new TurnLog('itv-lower-case', 'fr');
  log.qa(
    'presentation',
    'presentation.company',
    'Pouvez-vous présenter votre entreprise ?',
    'Je dirige la menuiserie kerguelen à Brest, on est 8.',
  );
  log.qa(
    'tools',
    'tools.acquired',
    'Quels outils utilisez-vous ?',
    'Chez kerguelen on a un ERP, et Sage pour la comptabilité.',
    { tools: [['erp', 'ERP']] },
  );
  const summary = buildSummary(metaFor('itv-lower-case', 'fr'), log.turns, { pseudonymKey: KEY });

  it.each(SUMMARY_FORMATS)(
    'leaves the firm out of the %s export, and keeps the town and the brand',
    (format) => {
      const { body } = renderSummary(summary, format, 'fr', { createdAt: '2025-03-05T09:00:00.000Z' });
      const text = unescapeXml(typeof body === 'string' ? body : [...unzip(body).values()].join('\n'));
      expect(text).not.toMatch(/kerguelen/i);
      if (format === 'csv') return;
      expect(text).toContain('Brest');
      expect(text).toContain('Sage');
    },
  );
});
