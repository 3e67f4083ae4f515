import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../src/core/summary/index.js';
import { metaFor, TurnLog } from './helpers.js';

function toolsTable(log: TurnLog) {
  const summary = buildSummary(metaFor(log.interviewId, log.lang), log.turns);
  return Object.fromEntries(summary.tools.map((t) => [t.id, { initiators: t.initiators, values: t.values }]));
}

describe('the tools table credits each tool with what its own clause says', () => {
  it('does not spread a role said of one tool over the others named later in the sentence', () => {
    const log = new TurnLog('itv-table-fr', 'fr');
    const text =
      "L'ERP, c'est notre comptable qui l'a amené, et on a aussi Instagram et une page web qu'on gère nous-mêmes.";
    log.qa('tools', 'tools.acquired', 'Quels outils utilisez-vous ?', text, {
      tools: [
        ['erp', 'ERP'],
        ['social_media', 'Instagram'],
        ['showcase_website', 'page web'],
      ],
      actors: [['accountants', 'initiator', "notre comptable qui l'a amené"]],
      values: [['actualization', 'nous-mêmes']],
    });
    const table = toolsTable(log);
    expect(table.erp).toEqual({ initiators: ['accountants'], values: [] });
    expect(table.social_media).toEqual({ initiators: [], values: ['actualization'] });
    expect(table.showcase_website).toEqual({ initiators: [], values: ['actualization'] });
  });

  it('keeps a list of tools together, and a clause with no tool goes to the tools of its sentence', () => {
    const log = new TurnLog('itv-table-en', 'en');
    const text =
      'Our big customers pushed us into EDI, and we built the online shop ourselves. The CRM and the ERP, the accountant brought both in, and it saves us hours.';
    log.qa('tools', 'tools.acquired', 'Which tools do you use?', text, {
      tools: [
        ['edi', 'EDI'],
        ['ecommerce_website', 'online shop'],
        ['crm', 'CRM'],
        ['erp', 'ERP'],
      ],
      actors: [
        ['clients', 'initiator', 'big customers pushed us'],
        ['organisation', 'initiator', 'we built'],
        ['accountants', 'initiator', 'the accountant brought'],
      ],
      values: [['functional', 'saves us hours']],
    });
    const table = toolsTable(log);
    expect(table.edi?.initiators).toEqual(['clients']);
    expect(table.ecommerce_website?.initiators).toEqual(['organisation']);
    expect(table.crm).toEqual({ initiators: ['accountants'], values: ['functional'] });
    expect(table.erp).toEqual({ initiators: ['accountants'], values: ['functional'] });
  });
});

describe('one website read twice', () => {
  it('is the online shop when "le site" said in passing is all that made it a showcase site', () => {
    const log = new TurnLog('itv-one-site', 'fr');
    log.qa(
      'tools',
      'tools.acquired',
      'Quels outils utilisez-vous ?',
      'Les clients commandent en ligne sur le site.',
      {
        tools: [['ecommerce_website', 'commandent en ligne']],
      },
    );
    log.qa('tools', 'tools.probe', 'Qui a poussé ?', "Le site, c'est moi qui l'ai voulu.", {
      tools: [['showcase_website', 'site']],
      actors: [['organisation', 'initiator', "c'est moi qui l'ai voulu"]],
    });
    const summary = buildSummary(metaFor(log.interviewId, 'fr'), log.turns);
    expect(summary.tools.map((t) => t.id)).toEqual(['ecommerce_website']);
    expect(summary.tools[0]?.initiators).toEqual(['organisation']);
  });

  it('stays two sites when one is called a showcase site', () => {
    const log = new TurnLog('itv-two-sites', 'fr');
    log.qa('tools', 'tools.acquired', 'Quels outils ?', 'Un site vitrine, et la vente en ligne sur Etsy.', {
      tools: [
        ['showcase_website', 'site vitrine'],
        ['ecommerce_website', 'vente en ligne'],
      ],
    });
    const ids = buildSummary(metaFor(log.interviewId, 'fr'), log.turns).tools.map((t) => t.id);
    expect(ids.sort()).toEqual(['ecommerce_website', 'showcase_website']);
  });
});
