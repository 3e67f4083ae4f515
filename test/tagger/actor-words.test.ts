import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const rolesOf = (text: string, lang: Language) =>
  tagger.tag(text, { lang }).actors.map((a) => `${a.id}:${a.role}`);

describe('the customers a subcontractor works for are clients, in English as in French', () => {
  it.each([
    ['Our main contractor pushed us onto the portal.'],
    ['The primes required it, we had no say.'],
    ['The tier ones imposed the barcode labels.'],
    ['The Safran tier-ones imposed it on the whole chain.'],
    ['The OEMs imposed EDI on every supplier.'],
  ])('%s', (text) => {
    expect(rolesOf(text, 'en')).toContain('clients:initiator');
  });

  it('reads the French "donneurs d\'ordre" so too', () => {
    expect(rolesOf("Nos donneurs d'ordre nous ont imposé le portail.", 'fr')).toContain('clients:initiator');
  });
});

describe('"c" typed for "c\'est"', () => {
  it('reads "c" and "cest" before the one who proposed a tool as "c\'est"', () => {
    for (const text of [
      'On est passés à un nouveau logiciel de caisse, c mon comptable qui m’en a parlé.',
      'On est passés à un nouveau logiciel de caisse, cest mon comptable qui men a parlé.',
      "On est passés à un nouveau logiciel de caisse, c'est mon comptable qui m'en a parlé.",
    ])
      expect(rolesOf(text, 'fr')).toContain('accountants:initiator');
    expect(rolesOf("la facturation en ligne c ma banque qui me l'a proposée", 'fr')).toContain(
      'banks:initiator',
    );
  });
});

describe('an answer that only names actors gives them no role', () => {
  it.each([
    ['The owner.', 'en', ['organisation:mentioned']],
    ['Mostly the owner.', 'en', ['organisation:mentioned']],
    ['The owner and the accountant.', 'en', ['accountants:mentioned', 'organisation:mentioned']],
    ['Le comptable, surtout.', 'fr', ['accountants:mentioned']],
  ] as const)('%s', (text, lang, expected) => {
    expect(rolesOf(text, lang).sort()).toEqual(expected);
  });

  it('still reads a role said with a verb', () => {
    expect(rolesOf('On a décidé.', 'fr')).toEqual(['organisation:initiator']);
    expect(rolesOf('The accountant pushed for it.', 'en')).toEqual(['accountants:initiator']);
  });
});

describe('the customers and staff of trades, in their own words', () => {
  it.each([
    ['fr', "C'est moi qui l'ai voulu. Ça profite aux familles surtout.", 'clients:beneficiary'],
    ['fr', 'Les parents adorent, les élèves aussi.', 'clients:beneficiary'],
    ['en', 'The learners benefit most.', 'clients:beneficiary'],
    ['en', "That was the instructors' idea, it helps everybody.", 'employees:initiator'],
    ['fr', "C'était l'idée de nos moniteurs.", 'employees:initiator'],
  ] as const)('%s: "%s" gives %s', (lang, text, role) => {
    expect(rolesOf(text, lang)).toContain(role);
  });

  it('reads a family business as no customers', () => {
    expect(rolesOf('We are nine shops, all owned by the same family.', 'en')).not.toContain(
      'clients:mentioned',
    );
    expect(rolesOf('Une entreprise de famille, trois générations.', 'fr')).toEqual([]);
  });
});

describe('words that only look like actors', () => {
  const actorsOf = (text: string) => tagger.tag(text, { lang: 'fr' }).actors.map((a) => a.id);

  it.each([
    'On déneige des stationnements commerciaux à Lévis.',
    'On a pas de réseau cellulaire dans le rang, alors le GPS décroche.',
    'Le matin je preparais les sacs pour le marché.',
  ])('"%s" names no staff and no network', (text) => {
    expect(actorsOf(text)).not.toContain('employees');
    expect(actorsOf(text)).not.toContain('networks');
  });

  it('still reads the sales staff and the buyers as people', () => {
    expect(actorsOf('Nos commerciaux ont tous une tablette.')).toContain('employees');
    expect(actorsOf('Les acheteurs des centrales passent par le portail.')).toContain('clients');
  });
});
