import { describe, expect, it } from 'vitest';
import { attributeToTools } from '../../src/core/attribution.js';
import { readProbeAnswer } from '../../src/core/interview/probe-answer.js';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();

function rolesByTool(text: string, subjectTool: string | null = null) {
  const credited = attributeToTools(text, tagger.tag(text), subjectTool);
  return Object.fromEntries(
    [...credited].map(([id, a]) => [
      id,
      { initiators: [...a.initiators], beneficiaries: [...a.beneficiaries] },
    ]),
  );
}

describe('who started a tool and who gains from it, tool by tool', () => {
  it('credits a role to the tool named in its own sentence, not to every tool of the answer', () => {
    const roles = rolesByTool(
      "Notre expert-comptable nous a poussés à prendre un ERP. L'EDI, on l'a mis pour la grande distribution.",
    );
    expect(roles.erp?.initiators).toEqual(['accountants']);
    expect(roles.edi?.initiators).not.toContain('accountants');
  });

  it('credits a sentence naming no tool to the tool the question was about', () => {
    const roles = rolesByTool("C'est notre expert-comptable qui nous a poussés.", 'erp');
    expect(roles.erp?.initiators).toEqual(['accountants']);
  });

  it('credits it to the one tool of the answer, and to none when several could be meant', () => {
    expect(
      rolesByTool("On a pris un ERP l'an dernier. C'est notre expert-comptable qui nous a poussés.").erp
        ?.initiators,
    ).toEqual(['accountants']);
    const several = rolesByTool(
      "On a un ERP et un site vitrine. C'est notre expert-comptable qui nous a poussés.",
    );
    expect(several.erp?.initiators).toEqual([]);
    expect(several.showcase_website?.initiators).toEqual([]);
  });
});

describe('short answers to "who started it?" and "who gains from it?"', () => {
  const actorsOf = (text: string, asks: 'initiator' | 'beneficiary' | 'both') =>
    readProbeAnswer(tagger.tag(text), text, asks).actors.map((a) => `${a.id}:${a.role}`);

  it('reads "me" or "us" as the firm itself, in the role asked for', () => {
    expect(actorsOf('Me. I built it myself over a weekend in March 2020.', 'initiator')).toEqual([
      'organisation:initiator',
    ]);
    expect(actorsOf('Moi.', 'both')).toEqual(['organisation:initiator']);
    // "c est" typed without its apostrophe, "it's me".
    expect(actorsOf('C est moi, pendant le covid, avec un tuto.', 'initiator')).toContain(
      'organisation:initiator',
    );
    expect(actorsOf("It's me, I found it on a forum.", 'initiator')).toContain('organisation:initiator');
    expect(actorsOf('Mine, during lockdown when the shop was shut.', 'initiator')).toContain(
      'organisation:initiator',
    );
    expect(actorsOf("C'était moi, pendant le confinement.", 'initiator')).toContain('organisation:initiator');
    expect(actorsOf('Nous, surtout : on gagne du temps.', 'beneficiary')).toContain(
      'organisation:beneficiary',
    );
  });

  it('gives an actor merely named the role the question asked for', () => {
    expect(actorsOf('Nos clients surtout.', 'beneficiary')).toEqual(['clients:beneficiary']);
    expect(actorsOf('Our customers, mostly.', 'initiator')).toEqual(['clients:initiator']);
    // Asked both at once, a bare name says neither for sure.
    expect(actorsOf('Nos clients surtout.', 'both')).toEqual(['clients:mentioned']);
  });

  it('reads "me" then an actor a sentence later as who started it, then who gains', () => {
    expect(actorsOf('moi. les clients', 'both')).toEqual(['clients:beneficiary', 'organisation:initiator']);
    expect(actorsOf('Me. Our customers, mostly.', 'both')).toEqual([
      'clients:beneficiary',
      'organisation:initiator',
    ]);
    // In one breath, the second actor's half is not said.
    expect(actorsOf('Moi et les clients.', 'both')).toEqual(['clients:mentioned', 'organisation:initiator']);
  });

  it('keeps who a tool serves as its beneficiary even when asked who started it', () => {
    expect(actorsOf('Ça sert aux clients surtout.', 'initiator')).toEqual(['clients:beneficiary']);
    expect(actorsOf('Bof, ça profite aux salariés.', 'initiator')).toEqual(['employees:beneficiary']);
    expect(actorsOf('It mostly serves our customers.', 'initiator')).toEqual(['clients:beneficiary']);
  });

  it('reads an answer to both questions at once in their order: a cleft, or two actors a sentence apart', () => {
    expect(actorsOf("C'est le comptable.", 'both')).toEqual(['accountants:initiator']);
    expect(actorsOf('c mon comptable', 'both')).toEqual(['accountants:initiator']);
    expect(actorsOf('It was our accountant.', 'both')).toEqual(['accountants:initiator']);
    expect(actorsOf('Notre comptable. Et nos clients, un peu.', 'both')).toEqual([
      'accountants:initiator',
      'clients:beneficiary',
    ]);
    expect(actorsOf('Our accountant. Our customers, mostly.', 'both')).toEqual([
      'accountants:initiator',
      'clients:beneficiary',
    ]);
    // Said again, impatiently: the actor it opens with started it.
    expect(actorsOf("le comptable!! je vous l'ai dit deux fois.", 'both')).toEqual(['accountants:initiator']);
    expect(actorsOf('Well, the accountant, like I said.', 'both')).toEqual(['accountants:initiator']);
    // A list in one breath names who, not which half.
    expect(actorsOf('Nos clients et nos fournisseurs.', 'both')).toEqual([
      'clients:mentioned',
      'suppliers:mentioned',
    ]);
  });

  it('reads who put the firm on a tool as its initiator', () => {
    expect(rolesByTool('Le comptable nous a mis sur QuickBooks.').dematerialization?.initiators).toEqual([
      'accountants',
    ]);
    expect(rolesByTool('The accountant put us on Xero.').dematerialization?.initiators).toEqual([
      'accountants',
    ]);
  });

  it('keeps the roles the answer states', () => {
    expect(
      actorsOf("C'est notre expert-comptable qui nous a poussés, et nos clients en profitent.", 'initiator'),
    ).toEqual(expect.arrayContaining(['accountants:initiator']));
  });
});
