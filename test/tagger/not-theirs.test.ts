import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const toolIds = (text: string, lang: Language) => tagger.tag(text, { lang }).tools.map((t) => t.id);

describe('tools the speaker does not use are not tagged (GUIDELINES.md, Tools)', () => {
  it("leaves out a competitor's or a neighbouring shop's tools", () => {
    expect(toolIds("Le boucher d'à côté a un site de commande en ligne et il est débordé.", 'fr')).toEqual(
      [],
    );
    expect(toolIds("Notre concurrent direct a lancé sa boutique en ligne l'an dernier.", 'fr')).toEqual([]);
    expect(
      toolIds("The bakery across the road has an online ordering site and it's doing really well.", 'en'),
    ).toEqual([]);
    expect(toolIds('Our main competitor has an online shop, we only sell over the counter.', 'en')).toEqual(
      [],
    );
    // The speaker's own site named after a neighbour's is still theirs.
    expect(
      toolIds("Le fleuriste d'à côté n'a rien, nous on a notre site de commande en ligne.", 'fr'),
    ).toContain('ecommerce_website');
  });

  it('leaves out a tool an adviser says hardly any of their firms have', () => {
    expect(
      toolIds(
        'Among the firms I support, a few have a showcase site, hardly anyone takes bookings online.',
        'en',
      ),
    ).toEqual(['showcase_website']);
    expect(toolIds("Very few have a proper ERP, it's mostly spreadsheets.", 'en')).toEqual([]);
    expect(
      toolIds(
        "Chez les artisans que j'accompagne, très peu ont un logiciel de devis, presque personne vend en ligne.",
        'fr',
      ),
    ).toEqual([]);
  });

  it('leaves out a page dropped, said without an apostrophe or accents', () => {
    expect(
      toolIds(
        "On avait monté une page Facebook mais on la laisse tomber, on n'avait pas le temps de poster.",
        'fr',
      ),
    ).toEqual([]);
    expect(toolIds('Le site on la arrete, ca coutait trop cher.', 'fr')).toEqual([]);
    for (const text of ["on a arrete instagram l'an dernier", "on a arrêté instagram l'an dernier"])
      expect(toolIds(text, 'fr')).toEqual([]);
    // Nobody visiting a site does not take it back: the firm still has it.
    expect(
      toolIds('On a un site vitrine fait par une agence, mais je crois que personne ne le regarde.', 'fr'),
    ).toContain('showcase_website');
  });

  it("reads ordering on a supplier's website as no website of the firm's", () => {
    expect(
      toolIds(
        "Les rouleaux de papier, on les commande sur le site du grossiste, et on n'a pas de site à nous.",
        'fr',
      ),
    ).toEqual([]);
    expect(
      toolIds("We haven't got a website. We order the parts on the wholesaler's website.", 'en'),
    ).toEqual([]);
  });
});

describe('what an adviser teaches is a topic, the training is the tool (GUIDELINES.md)', () => {
  it('reads a programme of workshops on websites and social media as training, in English as in French', () => {
    expect(
      toolIds(
        'At the chamber we run a six-week programme of evening workshops on websites, online shops and social media for retailers.',
        'en',
      ),
    ).toEqual(['digital_training']);
    expect(
      toolIds(
        'On anime des ateliers sur les sites internet et les réseaux sociaux pour les commerçants du centre-ville.',
        'fr',
      ),
    ).toEqual(['digital_training']);
  });

  it('reads what a training is given on as a tool in use, not a topic', () => {
    expect(toolIds('We run half-day training sessions on Zoom for the members.', 'en')).toEqual(
      expect.arrayContaining(['digital_training', 'videoconference']),
    );
  });
});
