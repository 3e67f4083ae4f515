import { describe, expect, it } from 'vitest';
import { attributeToTools } from '../../src/core/attribution.js';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const rolesOf = (text: string) => tagger.tag(text).actors.map((a) => `${a.id}:${a.role}`);

describe('who started a tool and who gains from it, read from the whole answer', () => {
  it('gives no role to an actor denied in the cue itself ("c\'est pas le comptable qui")', () => {
    expect(rolesOf("C'est pas le comptable qui l'a installé, c'est mon fils.")).not.toContain(
      'accountants:initiator',
    );
    expect(rolesOf("C'est le comptable qui l'a installé.")).toContain('accountants:initiator');
  });

  it('reads who offered a tool as the one who started it', () => {
    const text = 'The bank offered us the payment terminal and our customers like paying contactless.';
    expect(rolesOf(text)).toContain('banks:initiator');
    expect(rolesOf(text)).toContain('clients:beneficiary');
    // The tools table credits the bank with starting the terminal.
    const tags = tagger.tag(text);
    const credited = [...attributeToTools(text, tags, null).values()].flatMap((a) => [...a.initiators]);
    expect(credited).toContain('banks');
  });

  it('does not make a supplier who sends its invoices through a platform the one who gains', () => {
    const text =
      'Notre fournisseur de farine nous envoie ses factures par la plateforme, on gagne du temps à la compta.';
    expect(rolesOf(text)).not.toContain('suppliers:beneficiary');
    expect(rolesOf(text)).toContain('organisation:beneficiary');
  });

  it('keeps the roles the answer states outright, and quotes where each actor is named', () => {
    const text = "C'est notre expert-comptable qui nous a poussés vers la facture électronique.";
    expect(rolesOf(text)).toEqual(['accountants:initiator']);
    const quoted = tagger
      .tag(text)
      .actors[0]?.evidence.map((e) => text.slice(e.start, e.end))
      .join(' ');
    expect(quoted).toMatch(/expert-comptable/);
    expect(rolesOf("Un ERP ? On n'en a pas, et le comptable ne nous en a jamais parlé.")).not.toContain(
      'accountants:initiator',
    );
  });
});

describe('who was pushed into a tool did not start it', () => {
  it('reads the one pushed as such, and the one pushing as who started it', () => {
    const french = rolesOf("Les petits fournisseurs ont été poussés vers l'EDI par la grande distribution.");
    expect(french).not.toContain('suppliers:initiator');
    expect(french).toContain('clients:initiator');
    const english = rolesOf('The small producers I advise were pushed into EDI by their big customers.');
    expect(english).not.toContain('suppliers:initiator');
    expect(english).not.toContain('organisation:initiator');
    expect(english).toContain('clients:initiator');
  });
});
