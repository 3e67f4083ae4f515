import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const ids = (text: string) => {
  const tags = tagger.tag(text);
  return {
    tools: tags.tools.map((t) => t.id),
    values: tags.values.map((v) => v.id),
    facets: tags.facets.map((f) => f.id),
  };
};

describe('a threat named before the fear is a threat, not a tool in use nor a value gained', () => {
  it('reads what comes before "ça nous fait peur" or "are the threat" as feared', () => {
    const french = ids('Les virus, les faux mails de livraison, tout ça, ça nous fait peur.');
    expect(french.tools).not.toContain('email');
    expect(french.values).not.toContain('security');
    expect(french.facets).toContain('threat');
    const english = ids('Ransomware and phishing are the threat for a small shop like ours.');
    expect(english.values).not.toContain('security');
    expect(english.facets).toContain('threat');
  });

  it('reads what comes after "le risque c\'est" or "the risk is" as feared', () => {
    const french = ids(
      'Le gros risque pour nous, c’est les arnaques par mail, on a failli payer une fausse facture.',
    );
    expect(french.tools).not.toContain('email');
    expect(french.values).not.toContain('security');
    expect(french.facets).toContain('threat');
    const english = ids(
      'The biggest risk is scam emails: last spring we almost paid a fake supplier invoice.',
    );
    expect(english.tools).not.toContain('email');
    expect(english.facets).toContain('threat');
    // A risk the firm's tool took away is not feared: the tool is in use.
    expect(ids("Grâce à l'ERP on a réduit le risque d'erreur sur les commandes.").tools).toContain('erp');
  });

  it('keeps what the firm did about the fear', () => {
    const french = ids(
      'On a peur du piratage, donc on a mis des sauvegardes sur un disque réseau, on est tranquilles.',
    );
    expect(french.values).toContain('security');
    const english = ids(
      'Hackers scare me, so we back everything up to the cloud every night and sleep better.',
    );
    expect(english.values).toContain('security');
    expect(english.tools).toContain('cloud_virtualization');
  });
});

describe('a danger named in other words of fear is a threat, not the security value', () => {
  it('reads "voilà ce qui m\'inquiète", "ça m\'angoisse", "that\'s what I\'m afraid of" and "my fear is" as fears', () => {
    for (const text of [
      'Les rançongiciels, le phishing, franchement voilà ce qui m’inquiète le plus.',
      'Le piratage des comptes, les fausses factures, ça m’angoisse.',
      'J’ai peur du piratage, des faux sites de paiement.',
      'Ransomware and phishing mails, that’s what I’m afraid of.',
      'My biggest fear is hackers getting into the accounts.',
      'Data theft and scams are a concern for every shop on this street.',
    ]) {
      const tags = ids(text);
      expect(tags.values, text).not.toContain('security');
      expect(tags.facets, text).toContain('threat');
    }
  });
});

describe('the topics of training an adviser gives are not tools in use', () => {
  it('keeps the training and leaves out what it is about', () => {
    const french = ids(
      'À la chambre, on propose des formations sur le CRM, la facture électronique et la boutique en ligne.',
    );
    expect(french.tools).toContain('digital_training');
    expect(french.tools).not.toContain('crm');
    expect(french.tools).not.toContain('ecommerce_website');
    const english = ids('We run free workshops on online stores and CRM for the shops in town.');
    expect(english.tools).toContain('digital_training');
    expect(english.tools).not.toContain('crm');
    expect(english.tools).not.toContain('ecommerce_website');
    // A firm trained on its own tool still has it.
    expect(
      ids('Les vendeuses ont suivi une formation sur notre logiciel de caisse, on s’en sert tous les jours.')
        .tools,
    ).toContain('erp');
  });
});

describe('what it takes is a resource, not a tool in use', () => {
  it('reads "il faut de la formation" as a need', () => {
    const french = ids('Pour se lancer il faut du temps et de la formation, et un peu de budget.');
    expect(french.facets).toContain('resource');
    expect(french.tools).not.toContain('digital_training');
    const english = ids('What it takes is training and a bit of money, honestly.');
    expect(english.facets).toContain('resource');
    expect(english.tools).not.toContain('digital_training');
  });
});

describe('booking on the site is the e-commerce site (GUIDELINES.md), not a showcase site', () => {
  it('reads an appointment taken on the site as online booking', () => {
    expect(ids('Les patients prennent rendez-vous sur le site, ça évite le téléphone.').tools).toEqual([
      'ecommerce_website',
    ]);
    expect(ids('Clients book their appointments on our website now.').tools).toEqual(['ecommerce_website']);
  });
});

describe('"us to" is not "used to"', () => {
  it('keeps a tool the accountant pushed the firm to take', () => {
    expect(ids('Our accountant pushed us to the new ERP last year.').tools).toContain('erp');
  });
});
