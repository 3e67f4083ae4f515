import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const toolIds = (text: string, lang?: 'fr' | 'en') =>
  tagger.tag(text, lang ? { lang } : {}).tools.map((t) => t.id);

describe('a tool said to be none, taken back, advised or a competitor is not in use', () => {
  it('reads "no CRM" and "zero CRM" as no CRM, in a short answer read as French too', () => {
    expect(toolIds('No CRM yet, just a big spreadsheet.')).not.toContain('crm');
    expect(toolIds('Zero CRM here, I keep the customers in a notebook by the till.')).not.toContain('crm');
    expect(toolIds('Zéro logiciel de caisse chez nous, tout se fait encore sur le carnet.', 'fr')).toEqual(
      [],
    );
    // "zéro" in a tool's own name, or before a value, denies nothing.
    expect(toolIds('On est passés au zéro papier, tout est dans le cloud maintenant.', 'fr')).toContain(
      'dematerialization',
    );
    const fewerErrors = tagger.tag("Zéro erreur de saisie depuis qu'on a mis l'EDI avec la centrale.", {
      lang: 'fr',
    });
    expect(fewerErrors.tools.map((t) => t.id)).toContain('edi');
    expect(fewerErrors.values.map((v) => v.id)).toContain('functional');
  });

  it('leaves out a tool the speaker takes back in a self-correction', () => {
    expect(
      toolIds(
        'We take bookings on our website and on Booking.com... sorry, not Booking.com, that was my last job, just the website.',
        'en',
      ),
    ).toEqual(['ecommerce_website']);
    expect(
      toolIds("On a un ERP et un CRM... non pardon, pas de CRM, c'est juste l'ERP qui fait tout.", 'fr'),
    ).toEqual(['erp']);
    // Correcting the brand of one tool keeps the tool.
    expect(
      toolIds(
        "On a mis un petit CRM, Axonaut je crois, non attendez c'est Sellsy, on note les anniversaires des clients.",
        'fr',
      ),
    ).toContain('crm');
  });

  it('leaves out a tool advised to the firm and not taken up', () => {
    expect(
      toolIds(
        "Ma comptable m'a conseillé Pennylane pour les notes de frais, mais on n'a pas encore franchi le pas.",
        'fr',
      ),
    ).not.toContain('dematerialization');
    expect(
      toolIds('My accountant keeps recommending Xero, but we have not taken the plunge yet.', 'en'),
    ).not.toContain('dematerialization');
    expect(
      toolIds(
        "Mon expert-comptable m'a conseillé Pennylane et depuis on scanne tous les justificatifs, on gagne un temps fou.",
        'fr',
      ),
    ).toContain('dematerialization');
  });

  it('does not take the platform a shop struggles to survive against for its own', () => {
    expect(
      toolIds(
        "On est une petite librairie indépendante, on essaie de survivre face à Amazon avec nos conseils et nos rencontres d'auteurs.",
        'fr',
      ),
    ).not.toContain('marketplace');
    expect(
      toolIds(
        'As a small bookshop we are trying to survive against Amazon with author events and good advice.',
        'en',
      ),
    ).not.toContain('marketplace');
    expect(toolIds('On vend aussi sur Amazon, ça fait un tiers du chiffre.', 'fr')).toContain('marketplace');
  });
});
