import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { findIntroducedNames } from '../../src/core/privacy/introduced-names.js';
import { createPseudonymizer } from '../../src/core/privacy/tagged-text.js';
import { presentedThenLater } from './helpers.js';

const KEY = 'study-key-relations';

const pseudonyms = (text: string, label: string) =>
  new Set(text.match(new RegExp(`\\[${label}-[0-9A-F]{6}\\]`, 'g')));

describe('people the respondent introduces by who they are to them', () => {
  it.each<[Language, string, string, string[], string]>([
    [
      'fr',
      'Je dirige la menuiserie Kerguelen avec mon associé, Marc Le Bihan. Notre comptable s’appelle Sophie Garnier. Ma femme, Claire Dupont, fait la compta.',
      "Marc s'occupe de l'atelier et Sophie Garnier nous a conseillé l'ERP.",
      ['Marc', 'Bihan', 'Sophie', 'Garnier', 'Claire', 'Dupont'],
      'PERSONNE',
    ],
    [
      'en',
      'I run a joinery in Hull with my business partner, John Hartley. Our accountant is called Susan Pickford.',
      'Susan Pickford pushed us to Xero and John does the quotes.',
      ['John', 'Hartley', 'Susan', 'Pickford'],
      'PERSON',
    ],
  ])(
    '(%s) are pseudonymised as persons, in the presentation and later',
    (lang, presentation, later, hidden, label) => {
      const text = presentedThenLater(presentation, later, KEY, lang);
      for (const name of hidden) expect(text).not.toContain(name);
      expect(pseudonyms(text, label).size).toBeGreaterThanOrEqual(2);
      expect(text).not.toMatch(
        lang === 'fr' ? /\[ENTREPRISE-[0-9A-F]{6}\] nous a conseillé/ : /\[COMPANY-[0-9A-F]{6}\] pushed/,
      );
    },
  );

  it.each<[Language, string, string, string[], string]>([
    [
      'fr',
      'Boulangerie-pâtisserie à Vannes, deux boutiques, onze salariés.',
      "Ah ok. C'est une vendeuse, Julie Marec, elle adore ça, c'est elle qui poste les photos le matin.",
      ['Julie', 'Marec'],
      'PERSONNE',
    ],
    [
      'en',
      'An independent bookshop in Hay-on-Wye, five of us.',
      'One of the booksellers, Anna Price, does the Instagram; a manager, Tom, runs the website.',
      ['Anna', 'Price', 'Tom'],
      'PERSON',
    ],
  ])(
    '(%s) hides one of the staff named after their job, in any answer',
    (lang, presentation, later, hidden, label) => {
      const text = createPseudonymizer(KEY, [presentation], lang, [later]).text(later);
      for (const name of hidden) expect(text).not.toContain(name);
      expect(pseudonyms(text, label).size).toBeGreaterThanOrEqual(1);
    },
  );

  it('reads a job without a name after it as no name', () => {
    expect(findIntroducedNames('We have a manager, and he does the rota.')).toEqual([]);
    expect(findIntroducedNames('On a une vendeuse, elle fait les photos.')).toEqual([]);
  });

  it('reads a relation without a name after it as no name', () => {
    expect(
      findIntroducedNames('Avec mon associé, on a repris en 2019. Notre comptable est très présent.'),
    ).toEqual([]);
    expect(findIntroducedNames('My partner, to be honest, does the books. Our accountant is great.')).toEqual(
      [],
    );
  });
});

describe('names a user found in clear, or hidden where they were none', () => {
  it('hides a relative named right after who they are, and a firm named "It\'s …" with "of" inside', () => {
    const text = presentedThenLater(
      "Sure. It's Hartley School of Motoring, a driving school in Sheffield. There's me and four other instructors, plus my sister Karen who does the admin part time.",
      'Karen set up the WhatsApp groups and Hartley School of Motoring got a new logo.',
      KEY,
      'en',
    );
    for (const name of ['Karen', 'Hartley', 'Motoring']) expect(text).not.toContain(name);
    expect(text).toMatch(/my sister \[PERSON-[0-9A-F]{6}\]/);
  });

  it("keeps trade words of a firm's name readable where they mean the trade", () => {
    const fr = presentedThenLater(
      'Je dirige les Pompes Funèbres Le Bihan, à Quimper, 9 personnes.',
      "c'est notre fédération, le réseau de pompes funèbres indépendantes, qui nous l'a proposé.",
      KEY,
      'fr',
    );
    expect(fr).toContain('le réseau de pompes funèbres indépendantes');
    expect(fr).not.toContain('Bihan');
    const en = presentedThenLater(
      "We're Inkwell Print & Copy Ltd, a print shop in Bristol.",
      'we look more professional than the corner copy shop',
      KEY,
      'en',
    );
    expect(en).toContain('the corner copy shop');
    expect(en).not.toContain('Inkwell');
  });
});

describe('people and firms a user found in clear in every export', () => {
  it('hides a firm named "c\'est l\'Hôtel-Restaurant …" and apprentices named in a list', () => {
    const fr = presentedThenLater(
      "Alors nous c'est l'Hôtel-Restaurant Le Chamois d'Or, à Valloire en Savoie, 14 personnes.",
      'Au Chamois on a tout mis sur le PMS.',
      KEY,
      'fr',
    );
    expect(fr).not.toContain('Chamois');
    const en = presentedThenLater(
      "I'm Declan Byrne, Byrne Electrical. It's myself and two apprentices, Conor and Jack, so three of us.",
      'Conor does the quotes on Tradify and Jack the invoices.',
      KEY,
      'en',
    );
    for (const name of ['Conor', 'Jack', 'Declan', 'Byrne']) expect(en).not.toContain(name);
  });

  it('hides a relative introduced in a later answer, there and wherever named again', () => {
    const p = createPseudonymizer(KEY, ['Un hôtel de 14 personnes à Valloire.'], 'fr', [
      "C'est ma fille Léa qui gère Instagram.",
    ]);
    expect(p.text("C'est ma fille Léa qui gère Instagram.")).toMatch(
      /ma fille \[PERSONNE-[0-9A-F]{6}\] qui gère/,
    );
    expect(p.text('Léa poste tous les jours.')).not.toContain('Léa');
    // A word of a sentence is no name: nothing else changes.
    expect(p.text('Le planning est sur la tablette.')).toBe('Le planning est sur la tablette.');
  });

  it('hides names given in any answer with a title, a job or "name\'s", and firms with a legal form', () => {
    const later = [
      "Owner. Name's Dave Kerr.",
      'Just me and two mechanics, Tama Ngata and Hemi.',
      'Our freelance designer, Priya Nair, works from Google Drive.',
      "ok I'm back, Mrs. Thibodeaux has roaches again",
      'Our accountant, Mr Goh from Goh & Partners, push us to use.',
    ];
    const p = createPseudonymizer(KEY, ['A bike shop in Whanganui.'], 'en', later);
    const all = later.map((text) => p.text(text)).join('\n');
    for (const name of ['Dave', 'Kerr', 'Tama', 'Ngata', 'Hemi', 'Priya', 'Nair', 'Thibodeaux', 'Goh'])
      expect(all).not.toContain(name);
    expect(p.text('Priya asked for it.')).toMatch(/^\[PERSON-[0-9A-F]{6}\] asked for it\.$/);
    // The firm keeps a firm's pseudonym, not its partner's.
    expect(p.text('Mr Goh from Goh & Partners')).toMatch(
      /^Mr \[PERSON-[0-9A-F]{6}\] from \[COMPANY-[0-9A-F]{6}\]$/,
    );
    // Software, programmes and a controller named with a capital stay.
    const kept = 'Drawn in Cabinet Vision, run by a Siemens PLC, with Team France Export.';
    expect(p.text(kept)).toBe(kept);
  });

  it('hides a name after the role and a stop, staff listed with "dont" or ", and", kin and markup', () => {
    const p = createPseudonymizer(
      KEY,
      ['Toitures Lambotte, à Liège. Couvreur.', 'Le patron. Jean-Marc Lambotte.'],
      'fr',
      ['Boulangerie à Brest, deux vendeuses, dont Léa Martin, et moi.'],
    );
    const fr = [
      'Toitures Lambotte, à Liège.',
      'Le patron. Jean-Marc Lambotte.',
      'deux vendeuses, dont Léa Martin',
    ].map((text) => p.text(text));
    for (const name of ['Lambotte', 'Jean-Marc', 'Léa', 'Martin']) expect(fr.join(' ')).not.toContain(name);
    const later = [
      'three seamstresses, Efua, Adjoa and Akosua, and Kwame who does the cutting',
      'My nephew Yaw does the Instagram, Auntie Esi sells at the market.',
    ];
    const en = createPseudonymizer(KEY, ['A tailoring workshop in Accra.'], 'en', later);
    const shown = later.map((text) => en.text(text)).join(' ');
    for (const name of ['Efua', 'Adjoa', 'Akosua', 'Kwame', 'Yaw', 'Esi']) expect(shown).not.toContain(name);
    expect(
      createPseudonymizer(KEY, ['Je dirige la menuiserie **Dupuis** à Vannes.'], 'fr').text('Dupuis'),
    ).toMatch(/^\[ENTREPRISE-[0-9A-F]{6}\]$/);
  });

  it('keeps the trade words of a firm readable in the name of another body ("Garden Centre Association")', () => {
    const text = presentedThenLater(
      "We're Greenfields Garden Centre, near Bath.",
      "We're members of the Garden Centre Association.",
      KEY,
      'en',
    );
    expect(text).toContain('the Garden Centre Association');
    expect(text).not.toContain('Greenfields');
  });
});
