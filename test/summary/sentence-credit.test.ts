import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../src/core/summary/index.js';
import { sentenceAround } from '../../src/core/summary/text.js';
import { metaFor, TurnLog } from './helpers.js';

function toolsOf(log: TurnLog) {
  const summary = buildSummary(metaFor(log.interviewId, log.lang), log.turns);
  return Object.fromEntries(
    summary.tools.map((t) => [
      t.id,
      { values: t.values, initiators: t.initiators, beneficiaries: t.beneficiaries, quotes: t.quotes },
    ]),
  );
}

describe('what a sentence says before the one tool of the answer is named is not said of that tool', () => {
  it('gives the club no personalisation and no clients said in the sentence before it (fr)', () => {
    const log = new TurnLog('itv-sentence-fr', 'fr');
    const text =
      "Les clients ils ont un suivi plus personnalisé, on leur montre leur cuisine en 3D… Le réseau, on fait partie du club d'entreprises de Quimperlé…";
    log.qa('value', 'value.partners', 'Et pour vos partenaires ?', text, {
      tools: [['network_meetings', "club d'entreprises"]],
      values: [
        ['personalization', 'suivi plus personnalisé'],
        ['socialization', 'fait partie'],
      ],
      actors: [['clients', 'beneficiary', 'clients']],
    });
    expect(toolsOf(log).network_meetings).toEqual({
      values: ['socialization'],
      initiators: [],
      beneficiaries: [],
      quotes: ["Le réseau, on fait partie du club d'entreprises de Quimperlé…"],
    });
  });

  it('gives e-invoicing no customers, territory or localisation said in the sentence before it (en)', () => {
    const log = new TurnLog('itv-sentence-en', 'en');
    const text = 'Customers can order any time, from anywhere… Suppliers get paid quicker with e-invoicing.';
    log.qa('value', 'value.partners', 'And for your partners?', text, {
      tools: [['dematerialization', 'e-invoicing']],
      values: [
        ['localization', 'from anywhere'],
        ['functional', 'quicker'],
      ],
      actors: [
        ['clients', 'beneficiary', 'Customers'],
        ['territory', 'beneficiary', 'anywhere'],
        ['suppliers', 'beneficiary', 'Suppliers get paid'],
      ],
    });
    expect(toolsOf(log).dematerialization).toMatchObject({
      values: ['functional'],
      beneficiaries: ['suppliers'],
    });
  });

  it('gives secure payment the no-shows of its own sentence, not the booking at midnight before it (en)', () => {
    const log = new TurnLog('itv-sentence-en-payment', 'en');
    const text =
      'Customers, they can book at midnight... And us, fewer no-shows since we take a deposit by card.';
    log.qa('value', 'value.company', 'What have these tools done for you?', text, {
      tools: [['secure_payment', 'deposit by card']],
      values: [
        ['localization', 'at midnight'],
        ['security', 'fewer no-shows'],
      ],
      actors: [['clients', 'beneficiary', 'Customers, they can']],
    });
    expect(toolsOf(log).secure_payment).toEqual({
      values: ['security'],
      initiators: [],
      beneficiaries: [],
      quotes: ['And us, fewer no-shows since we take a deposit by card.'],
    });
  });

  it('still credits the one tool with what a later sentence says of it (fr, en)', () => {
    const fr = new TurnLog('itv-sentence-after-fr', 'fr');
    const frText =
      "On a pris un ERP l'an dernier… Ça nous fait gagner du temps, c'est le comptable qui l'a voulu.";
    fr.qa('tools', 'tools.acquired', 'Quels outils ?', frText, {
      tools: [['erp', 'ERP']],
      values: [['functional', 'gagner du temps']],
      actors: [['accountants', 'initiator', 'comptable']],
    });
    expect(toolsOf(fr).erp).toMatchObject({ values: ['functional'], initiators: ['accountants'] });
    const en = new TurnLog('itv-sentence-after-en', 'en');
    const enText = 'We took an ERP last year... It saves us time, our accountant wanted it.';
    en.qa('tools', 'tools.acquired', 'Which tools?', enText, {
      tools: [['erp', 'ERP']],
      values: [['functional', 'saves us time']],
      actors: [['accountants', 'initiator', 'accountant']],
    });
    expect(toolsOf(en).erp).toMatchObject({ values: ['functional'], initiators: ['accountants'] });
  });
});

describe('an ellipsis ends a sentence unless a comma goes on with it', () => {
  it('keeps "…," and "...," inside their sentence, and "..." whole at its end', () => {
    const fr = "L'extranet ? Surtout le fournisseur…, ça lui évite de ressaisir… Voilà.";
    expect(sentenceAround(fr, fr.indexOf('ressaisir'), fr.indexOf('ressaisir') + 9)).toBe(
      'Surtout le fournisseur…, ça lui évite de ressaisir…',
    );
    const en = 'Customers can order from anywhere... Suppliers, they get paid..., quicker.';
    expect(sentenceAround(en, 0, 9)).toBe('Customers can order from anywhere...');
    expect(sentenceAround(en, en.indexOf('quicker'), en.indexOf('quicker') + 7)).toBe(
      'Suppliers, they get paid..., quicker.',
    );
  });
});

describe("a tool's quote says something of it, never only its name said back nor a question", () => {
  it('quotes what the answer to a probe on the extranet says of it, not « L’extranet ? » (fr)', () => {
    const log = new TurnLog('itv-quote-fr', 'fr');
    log.qa('tools', 'tools.acquired', 'Quels outils ?', 'On a un extranet pour les commandes.', {
      tools: [['collaboration_platform', 'extranet']],
    });
    log.ask('tools', 'tools.probe.actors.collaboration_platform', "Pour l'extranet : qui en bénéficie ?");
    const turn = log.turns.at(-1);
    if (turn) turn.data = { kind: 'probe', tool: 'collaboration_platform' };
    const text = "L'extranet ? Surtout le fournisseur…, ça lui évite de ressaisir les commandes.";
    log.answer('tools', 'tools.probe.actors.collaboration_platform', text, {
      tools: [['collaboration_platform', 'extranet']],
      values: [['functional', 'évite de ressaisir']],
      actors: [['suppliers', 'beneficiary', 'fournisseur']],
    });
    const echo = new TurnLog('itv-quote-fr-echo', 'fr');
    echo.qa('tools', 'tools.acquired', 'Quels outils ?', "Oui, l'extranet. Et puis c'est tout.", {
      tools: [['collaboration_platform', 'extranet']],
    });
    expect(toolsOf(log).collaboration_platform).toEqual({
      values: ['functional'],
      initiators: [],
      beneficiaries: ['suppliers'],
      quotes: [
        'On a un extranet pour les commandes.',
        'Surtout le fournisseur…, ça lui évite de ressaisir les commandes.',
      ],
    });
    expect(toolsOf(echo).collaboration_platform?.quotes).toEqual([]);
  });

  it('quotes "That\'s us, the Chamber set it up…", not "The peer network?" (en)', () => {
    const log = new TurnLog('itv-quote-en', 'en');
    const text = "The peer network? That's us, the Chamber set it up… Members swap tips every month.";
    log.qa('tools', 'tools.networks', 'Who started the peer network?', text, {
      tools: [['network_meetings', 'peer network']],
      values: [['epistemic', 'swap tips']],
      actors: [['cci', 'initiator', 'the Chamber set it up']],
    });
    expect(toolsOf(log).network_meetings).toEqual({
      values: ['epistemic'],
      initiators: ['cci'],
      beneficiaries: [],
      quotes: ["That's us, the Chamber set it up…", 'Members swap tips every month.'],
    });
  });

  it('quotes neither "The ERP, you mean Xero?" nor "Our ERP, yes." (en)', () => {
    const log = new TurnLog('itv-quote-en-erp', 'en');
    const text = 'The ERP, you mean Xero? Our ERP, yes. Our accountant got us onto it.';
    log.qa('tools', 'tools.acquired', 'Which tools?', text, {
      tools: [['erp', 'ERP']],
      actors: [['accountants', 'initiator', 'accountant got us onto it']],
    });
    const erp = log.turns.at(-1)?.tags?.tools[0];
    const echoed = text.indexOf('ERP, yes');
    erp?.evidence.push(
      { start: text.indexOf('Xero'), end: text.indexOf('Xero') + 4, text: 'Xero' },
      { start: echoed, end: echoed + 3, text: 'ERP' },
    );
    expect(toolsOf(log).erp).toMatchObject({
      initiators: ['accountants'],
      quotes: ['Our accountant got us onto it.'],
    });
  });
});
