import { describe, expect, it } from 'vitest';
import { PERTURBATIONS } from '../../bench/perturb.js';
import { isGibberish } from '../../src/core/interview/gibberish.js';
import { CORPUS_SPLITS, loadCorpus } from '../../src/core/tagger/corpus.js';

const MASH = [
  'asdfgh qsdkj',
  'zzzzzz',
  'lkjqsd mlkqsjd',
  'qsdfghjklm',
  'Azerty uiop',
  'qwerty',
  'jhgfds',
  'sdfsdfsdf',
  'xcvbn wxcv',
  'fhdjskal',
  'xjqzv',
  'wwcb gdsf gdsfsa',
  'dfghj, poiuytr !',
  'ok qsdfghjk',
  '123456789',
  '1111',
  '0612345678',
  '!!!???',
  '...',
  '😀😀',
];

const GENUINE = [
  ...['oui', 'non', 'ERP', 'CRM', 'Sage', 'CRM et EDI', 'je ne sais pas', 'jsp', 'chai pas', 'jai pas'],
  ...['45 salariés', '45', '1998', '12 personnes', '1 200 000 €', '44000', '06 12 34 56 78', 'B2B'],
  ...['Loire-Atlantique', 'Plougastel-Daoulas', 'Schiltigheim', 'Kerguelen', 'Ploërmel', 'Metz', 'Caen'],
  ...['pas vraiment', 'ok', 'bof', 'bah oui', 'mouais', 'euh', 'hmm', 'pff', 'grave', 'nickel', 'merci'],
  ...['Yes, mostly', 'not really', 'Nope', 'yep', 'I guess', 'dunno', 'idk', 'no idea', 'Of course'],
  ...['RGPD', 'rgpd', 'SMS', 'PME', 'TPE', 'Pdg', 'DSI', 'DAF', 'SAV', 'Ehpad', 'Kbis', 'CNIL', 'DGCCRF'],
  ...['Qonto', 'Shopify', 'Pennylane', 'Axonaut', 'Dolibarr', 'Odoo', 'Sellsy', 'HubSpot', 'Zapier', 'Qlik'],
  ...['WhatsApp', 'Wix', 'Canva', 'Teams', 'Zoom', 'Google Drive', 'Trello', 'Kizeo', 'Batappli', 'Jtekt'],
  ...['Würth, Knauf et Schneider', 'gérant', 'cogérant', 'la boite', 'cest ca', "j'sais pas", 'CEO'],
  ...['dématérialsation', 'marketplce', 'sécurtié', 'entreprize', 'logitiel', 'numériqe', 'custmers'],
];

describe('gibberish', () => {
  it('reads keyboard mash, noise, strings of digits and punctuation alone as gibberish', () => {
    expect(MASH.filter((text) => !isGibberish(text))).toEqual([]);
  });

  it('never reads a short genuine answer in French or English as gibberish', () => {
    expect(GENUINE.filter(isGibberish)).toEqual([]);
  });

  it('reads none of the corpus answers, their sentences or their clauses as gibberish, however typed', () => {
    const texts = CORPUS_SPLITS.flatMap((split) => loadCorpus(split)).flatMap((item) => [
      item.text,
      ...item.text.split(/[.,;:!?()«»"—–\n]+/u).filter((part) => /[\p{L}\p{N}]/u.test(part)),
    ]);
    expect(texts.length).toBeGreaterThan(30_000);
    const untidy = Object.values(PERTURBATIONS).flatMap((perturb) => texts.map(perturb));
    expect([...texts, ...untidy].filter(isGibberish)).toEqual([]);
  });
});
