import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const toolsOf = (text: string, lang: Language) => tagger.tag(text, { lang }).tools.map((t) => t.id);

describe('tools described by what they do rather than named', () => {
  it.each([
    [
      'Dans le fournil on a mis des sondes, je vois la température de la chambre de pousse.',
      'fr',
      'machine_programming',
    ],
    [
      'La plieuse est programmable, on rentre les cotes et elle enchaîne les pièces.',
      'fr',
      'machine_programming',
    ],
    ['Les meubles sont dessinés en 3D avant de partir en fabrication.', 'fr', 'machine_programming'],
    ['We fitted probes in every freezer last spring.', 'en', 'machine_programming'],
    ['The vats are PLC-controlled and the brewer sets the steps on the panel.', 'en', 'machine_programming'],
    ['Our foreman does the CAM programming for the lathe himself.', 'en', 'machine_programming'],
    ["Quand la pompe décroche, l'alerte remonte chez nous dans la minute.", 'fr', 'remote_maintenance'],
    ['Le fabricant voit les codes défaut de la chaudière avant même de venir.', 'fr', 'remote_maintenance'],
    ['When the chiller trips, the alert pops up before anyone notices.', 'en', 'remote_maintenance'],
    ['Their support people can log in and change the settings.', 'en', 'remote_maintenance'],
    [
      'Avec le réseau des garagistes on se retrouve deux fois par an pour parler métier.',
      'fr',
      'network_meetings',
    ],
    ['Les petits-déj du club, une fois par mois, on y apprend plein de choses.', 'fr', 'network_meetings'],
    ["Our members' breakfast is where the real deals happen.", 'en', 'network_meetings'],
    ['On a ouvert un espace familles où les parents suivent les absences.', 'fr', 'collaboration_platform'],
    [
      'Sur Teams on a un canal par chantier, les photos y sont postées le jour même.',
      'fr',
      'collaboration_platform',
    ],
    [
      'The drivers see their day before leaving home and swap slots between them.',
      'en',
      'collaboration_platform',
    ],
    ["Chaque commande devient un ordre de fab, imprimé pour l'atelier.", 'fr', 'production_software'],
    ['Every harness gets a job card, and the herd software keeps the rest.', 'en', 'production_software'],
    ['Le module qualité garde chaque relevé pour les audits.', 'fr', 'quality_software'],
    ['Every hygiene check goes into the compliance module now.', 'en', 'quality_software'],
    ['The lab moved all its samples into a LIMS last year.', 'en', 'quality_software'],
  ] as const)('%s → %s', (text, lang, tool) => {
    expect(toolsOf(text, lang)).toContain(tool);
  });

  it('keeps the described tool out of what is not in use', () => {
    expect(toolsOf("On n'a pas de sondes dans les frigos, on note tout à la main.", 'fr')).not.toContain(
      'machine_programming',
    );
    expect(toolsOf('Our competitor has probes in every cold room.', 'en')).not.toContain(
      'machine_programming',
    );
  });

  it('reads a word of another sense as no tool', () => {
    expect(toolsOf('On imprime en grand format pour les bâches de chantier.', 'fr')).not.toContain(
      'digital_training',
    );
    expect(toolsOf('Of course we still answer the phone ourselves.', 'en')).not.toContain('digital_training');
    expect(toolsOf('The production site is in Leeds, the office in York.', 'en')).not.toContain(
      'showcase_website',
    );
    // The training itself stays a tool.
    expect(toolsOf('Les gars ont suivi une formation en ligne sur le nouveau logiciel.', 'fr')).toContain(
      'digital_training',
    );
  });

  it('reads a merchant site named with a possessive as the e-commerce site', () => {
    expect(toolsOf('Notre site marchand fait maintenant un tiers des ventes.', 'fr')).toEqual([
      'ecommerce_website',
    ]);
  });
});

describe('trades outside the usual sectors: their tools, and their words that name none', () => {
  it.each([
    ['Le tiers payant avec les mutuelles passe en télétransmission maintenant.', 'fr', 'edi'],
    ["On a une borne de téléconsultation dans l'officine depuis l'an dernier.", 'fr', 'videoconference'],
    ['Les demandes arrivent par des comparateurs, on paye au lead.', 'fr', 'marketplace'],
    ['We get most of our work through comparison sites now.', 'en', 'marketplace'],
    ["The oxygen alarm texts my phone, so I'm not sleeping down at the tanks.", 'en', 'remote_maintenance'],
    ['Le scanner de grumes calcule le meilleur débit pour chaque tronc.', 'fr', 'machine_programming'],
    ['We started livestreaming services when Covid hit and never stopped.', 'en', 'video'],
    ['Les clientes réservent sur mon lien de réservation, le soir surtout.', 'fr', 'ecommerce_website'],
  ] as const)('"%s" (%s) names %s', (text, lang, tool) => {
    expect(toolsOf(text, lang)).toContain(tool);
  });

  it.each([
    ['The cloud cover came in around noon and we pulled every kid off the mountain.', 'en'],
    ['Heavy cloud all night, the lads walked the perimeter with torches.', 'en'],
    ["On a refait la devanture, l'application de la lasure a pris deux jours.", 'fr'],
    ["L'application du fart sur les skis de location, c'est encore à la main.", 'fr'],
    ['Je passe mes journées sur le site, le chantier quoi, pas devant l’ordi.', 'fr'],
  ] as const)('"%s" (%s) names no tool', (text, lang) => {
    expect(toolsOf(text, lang)).toEqual([]);
  });
});

describe('a tool named, then said in a few words not to be used', () => {
  it.each([
    ['la prise en main à distance, j’en fais pas', 'fr'],
    ['Untappd, les applis de notes de bières, on y est pas.', 'fr'],
    ['Bookshop.org, we looked at it, and an Amazon storefront, no way.', 'en'],
    ['g pa de site, juste le bouche à oreille', 'fr'],
  ] as const)('"%s" (%s) names no tool in use', (text, lang) => {
    expect(toolsOf(text, lang)).toEqual([]);
  });

  it('keeps a tool said to be used, however it is put', () => {
    expect(toolsOf('Facebook, on y est, ça marche bien.', 'fr')).toContain('social_media');
    expect(toolsOf('Shopify, no way we would go back to a market stall only.', 'en')).toContain(
      'ecommerce_website',
    );
  });
});
