import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { findIntroducedNames } from '../../src/core/privacy/introduced-names.js';
import { pseudonymizeText } from '../../src/core/privacy/pseudonymize.js';
import { presentedThenLater } from './helpers.js';

const KEY = 'study-key-one';

/** The presentation and a later answer, pseudonymised with the names found in the presentation. */
const both = (presentation: string, later: string, lang: Language = 'fr'): string =>
  presentedThenLater(presentation, later, KEY, lang);

const pseudonyms = (text: string, label: string) =>
  new Set(text.match(new RegExp(`\\[${label}-[0-9A-F]{6}\\]`, 'g')));

describe('names written with an apostrophe', () => {
  it.each([
    [
      "Bonjour, je suis Fatou N'Diaye, gérante d'une boulangerie.",
      "Mme N'Diaye répond.",
      "N'Diaye",
      'PERSONNE',
    ],
    ['Je suis gérant de la SARL N’Guessan.', "On travaille chez N'Guessan.", 'Guessan', 'ENTREPRISE'],
    ["Je dirige la boulangerie N'Dour.", 'Chez N’Dour on vend en ligne.', 'Dour', 'ENTREPRISE'],
    ["JE SUIS FATOU N'DIAYE, GÉRANTE D'UNE BOULANGERIE.", "C'est N'Diaye qui répond.", 'Diaye', 'PERSONNE'],
  ])('"%s" then "%s": no %s, one pseudonym', (presentation, later, name, label) => {
    const text = both(presentation, later);
    expect(text).not.toContain(name);
    expect(pseudonyms(text, label).size).toBe(1);
  });

  it('finds them in English', () => {
    const text = both(
      "I run M'Bengue Logistics Ltd. I'm Sean O'Brien.",
      "M'Bengue uses Xero, O'Brien says.",
      'en',
    );
    expect(text).not.toMatch(/Bengue|Brien/);
    expect(pseudonyms(text, 'COMPANY').size).toBe(1);
  });

  it('keeps pronouns and verbs with an apostrophe out of names, in capitals too', () => {
    expect(
      findIntroducedNames(
        "C'est Sage. S'il le faut, N'importe quoi. Qu'on dise. J'utilise Excel, we're small.",
      ),
    ).toEqual([]);
    const found = findIntroducedNames(
      "C'EST MOI QUI GÈRE. JE M'APPELLE ANNE ROUX, WE'RE SMALL, N'EST-CE PAS.",
    );
    expect(found.map((name) => name.text).join(' ')).not.toMatch(/C'EST|M'APPELLE|WE'RE|N'EST/);
    expect(found).toContainEqual(expect.objectContaining({ kind: 'person', text: 'ANNE ROUX' }));
  });
});

describe('particles of a surname', () => {
  it.each([
    [
      'JE SUIS YANN LE GOFF, BOULANGER À QUIMPER.',
      'Le Goff a un site. LE GOFF aussi, Yann répond.',
      /Goff|Yann/i,
    ],
    [
      "JE M'APPELLE MARIE DE LA TOUR ET JE DIRIGE UNE BOULANGERIE",
      'Mme De La Tour, DE LA TOUR, Marie, la Tour.',
      /Tour|Marie/i,
    ],
    ["I'm Jan van der Berg and I run a shop.", 'Van der Berg, or Berg, or Jan.', /Berg|Jan/],
  ])('"%s" then "%s": one person, one pseudonym', (presentation, later, name) => {
    const text = both(presentation, later);
    expect(text).not.toMatch(name);
    expect(pseudonyms(text, 'PERSONNE').size).toBe(1);
  });

  it('keeps a sentence that goes on after a firm in capitals out of its name', () => {
    const text = both(
      'JE DIRIGE LA MENUISERIE KERGUELEN. CHEZ KERGUELEN LA COMPTA EST SUR SAGE.',
      'la compta',
    );
    expect(text).toMatch(/LA COMPTA EST SUR SAGE\.\nla compta$/);
  });
});

describe('a name in lower case after "je m\'appelle" or "my name is"', () => {
  it.each([
    ['my name is david basically i run a bakery', 'Basically, we use Excel. David does the books.', 'en'],
    ['my name is sarah okay so we sell cakes', 'okay so we started in 2010, sarah did', 'en'],
    ["je m'appelle julien boulanger à lyon", 'je suis boulanger depuis 2010, julien gère tout', 'fr'],
    ["je m'appelle paul bon alors je dirige une conserverie", 'bon, alors paul a tout informatisé', 'fr'],
  ] as const)('"%s": the name only, not "%s"', (presentation, later, lang) => {
    const result = pseudonymizeText(later, findIntroducedNames(presentation), KEY, lang).text;
    expect(result).toMatch(/\[PERS/);
    expect(result).not.toMatch(/david|sarah|julien|paul/i);
    for (const word of ['Basically', 'okay so', 'boulanger', 'bon, alors'])
      if (later.includes(word)) expect(result).toContain(word);
  });
});

describe('particles join a first name to its surname, never a full name to what follows', () => {
  it('keeps the institution, the town hall and the town after a full name', () => {
    expect(both('Je suis Claire Martin de la CCI.', 'La CCI nous aide.')).toMatch(
      /^Je suis \[PERSONNE-[0-9A-F]{6}\] de la CCI\.\nLa CCI nous aide\.$/,
    );
    expect(both('JE SUIS JEAN DUPONT DE LA MAIRIE', 'ON TRAVAILLE AVEC LA MAIRIE')).toContain(
      'ON TRAVAILLE AVEC LA MAIRIE',
    );
    const rochelle = both('JE SUIS GÉRANT DE LA SARL DUPONT DE LA ROCHELLE', 'La Rochelle, Dupont');
    expect(rochelle).toContain('La Rochelle');
    expect(rochelle).not.toContain('Dupont');
  });

  it('keeps a person and the firm they come from apart', () => {
    const text = both('Je suis Paul de la Boulangerie Martin.', 'Paul répond, Martin vend.');
    expect(pseudonyms(text, 'PERSONNE').size).toBe(1);
    expect(text).not.toMatch(/Paul|Martin/);
  });
});

describe('a first name after "moi c" typed casually', () => {
  it.each([
    ['slt moi c Sandrine, jai un salon de coiffure a lorient', 'Sandrine'],
    ['moi cest Paul, garagiste à Vannes', 'Paul'],
  ])('"%s": %s is replaced', (presentation, name) => {
    const text = both(presentation, `${name} répond aux avis Google.`);
    expect(text).not.toContain(name);
    expect(pseudonyms(text, 'PERSONNE').size).toBe(1);
  });

  it('"moi c pareil" and "moi c Internet qui me fait peur" name nobody', () => {
    for (const text of ['moi c pareil, on a un CRM', 'Moi c Internet qui me fait peur.'])
      expect(findIntroducedNames(text)).toEqual([]);
  });
});
