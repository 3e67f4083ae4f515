import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { buildSummary } from '../../src/core/summary/index.js';
import { metaFor, type TagSpec, TurnLog } from './helpers.js';

/** The quotes of each tool of an interview where a probe asked about `tool` and got `answer`. */
function quotesAfterProbe(lang: Language, tool: string, question: string, answer: string, spec: TagSpec) {
  const log = new TurnLog(`itv-quotes-${lang}-${tool}`, lang);
  log.ask('tools', `tools.probe.actors.${tool}`, question);
  const probe = log.turns.at(-1);
  if (probe) probe.data = { kind: 'probe', tool };
  log.answer('tools', `tools.probe.actors.${tool}`, answer, spec);
  const summary = buildSummary(metaFor(log.interviewId, lang), log.turns);
  return Object.fromEntries(summary.tools.map((t) => [t.id, t.quotes]));
}

describe("a tool's quotes are the sentences that speak of it, not those that go on about another tool", () => {
  it('quotes no sentence about the quoting software on the social media row (en)', () => {
    const answer =
      'My daughter set it up, customers love seeing the kitchens. We also bought a quoting software. And the quotes go out in two days instead of a week and a half.';
    const quotes = quotesAfterProbe('en', 'social_media', 'For Facebook: who pushed it?', answer, {
      tools: [['erp', 'quoting software']],
      values: [
        ['hedonic', 'love seeing'],
        ['functional', 'instead of a week'],
      ],
      actors: [['clients', 'beneficiary', 'customers']],
    });
    expect(quotes.social_media).toEqual(['My daughter set it up, customers love seeing the kitchens.']);
    expect(quotes.erp).toEqual(['We also bought a quoting software.']);
  });

  it('quotes no sentence about going paperless on the CAD/CAM row (fr)', () => {
    const answer =
      "Le fournisseur de la machine, on la programme depuis les plans CAO. On est passés au zéro papier aussi, avec des tablettes à l'atelier. Et se débarrasser du papier, ça soulage, les fiches de travail traînaient partout.";
    const quotes = quotesAfterProbe('fr', 'machine_programming', 'Pour la CAO : qui l’a poussée ?', answer, {
      tools: [
        ['machine_programming', 'CAO'],
        ['dematerialization', 'zéro papier'],
        ['mobile_app', 'tablettes'],
      ],
      values: [['functional', 'ça soulage']],
      actors: [['suppliers', 'initiator', 'Le fournisseur']],
    });
    expect(quotes.machine_programming).toEqual([
      'Le fournisseur de la machine, on la programme depuis les plans CAO.',
    ]);
  });

  it('still quotes what the answer to a probe says of its tool before naming any other (fr, en)', () => {
    const fr = quotesAfterProbe(
      'fr',
      'erp',
      'Pour l’ERP : qui en profite ?',
      'Surtout la compta, ça lui fait gagner une journée par mois. Pour le reste on a Facebook.',
      {
        tools: [['social_media', 'Facebook']],
        values: [['functional', 'gagner une journée']],
        actors: [['accountants', 'beneficiary', 'la compta']],
      },
    );
    expect(fr.erp).toEqual(['Surtout la compta, ça lui fait gagner une journée par mois.']);
    const en = quotesAfterProbe(
      'en',
      'crm',
      'For the CRM: who benefits?',
      'The sales team mostly. It saves them an hour a day.',
      {
        values: [['functional', 'saves them an hour']],
        actors: [['employees', 'beneficiary', 'sales team']],
      },
    );
    expect(en.crm).toEqual(['The sales team mostly.', 'It saves them an hour a day.']);
  });

  it('still quotes a sentence that goes on about the one tool named just before it (en)', () => {
    const log = new TurnLog('itv-quotes-en-after', 'en');
    const text = 'We post our jobs on Instagram every week. Customers love seeing the kitchens.';
    log.qa('tools', 'tools.acquired', 'Which tools do you use?', text, {
      tools: [['social_media', 'Instagram']],
      values: [['hedonic', 'love seeing']],
      actors: [['clients', 'beneficiary', 'Customers']],
    });
    const summary = buildSummary(metaFor(log.interviewId, 'en'), log.turns);
    expect(summary.tools.find((t) => t.id === 'social_media')?.quotes).toEqual([
      'Customers love seeing the kitchens.',
      'We post our jobs on Instagram every week.',
    ]);
  });
});
