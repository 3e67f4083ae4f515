import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';
import { loadLexicon } from '../../src/core/tagger/lexicon.js';
import { stemmerFor } from '../../src/core/tagger/stemmers.js';
import { languageModels } from '../../src/core/tagger/tagger.js';
import { tokenize } from '../../src/core/tagger/text.js';
import { LEXICON_DIR } from '../../src/paths.js';

const tagger = createTagger();
const toolIds = (text: string) => tagger.tag(text).tools.map((t) => t.id);

describe('answers typed or dictated without punctuation', () => {
  it('ends a negation where the speaker starts a new clause, in French and in English', () => {
    const fr = toolIds(
      'bon alors nous on voulait rester indépendants pas de marketplace pas de commission on vend sur notre propre site depuis deux ans et ça marche bien',
    );
    expect(fr).toContain('ecommerce_website');
    expect(fr).not.toContain('marketplace');
    const en = toolIds(
      'so we wanted to stay independent no marketplace no commission we sell on our own website now and honestly it works fine for us',
    );
    expect(en).toContain('ecommerce_website');
    expect(en).not.toContain('marketplace');
  });

  it('keeps a conditional to its own clause', () => {
    expect(
      toolIds(
        'la Région a financé la moitié du robot de palettisation sans ça on ne l aurait jamais acheté et maintenant il tourne jour et nuit',
      ),
    ).toContain('machine_programming');
  });

  it('still reads a negation inside a short unpunctuated answer', () => {
    expect(toolIds('on n a pas de CRM tout est dans un carnet')).not.toContain('crm');
  });
});

describe('answers written all in lower case or all in capitals', () => {
  it('reads a brand name whatever its case', () => {
    expect(toolIds('on fait les devis et les factures sur ebp depuis deux ans')).toContain('erp');
    expect(toolIds('ON FAIT LES DEVIS ET LES FACTURES SUR EBP DEPUIS DEUX ANS')).toContain('erp');
    expect(toolIds('the clients book their slot through calendly, no more phone tag')).toContain(
      'ecommerce_website',
    );
  });

  it('does not read a common word as the brand or acronym it spells', () => {
    expect(toolIds('je fais mes devis le soir et mes plannings le week-end')).not.toContain(
      'production_software',
    );
    expect(toolIds('our teams on the early shift hand over to the late shift at one')).not.toContain(
      'videoconference',
    );
    expect(toolIds("on a mis l'accent sur le service, le reste suit")).not.toContain('erp');
  });

  it('keeps case meaningful in an answer that uses it', () => {
    expect(toolIds('Je fais mes devis le soir, et le MES suit la production.')).toContain(
      'production_software',
    );
  });
});

describe('answers typed without apostrophes', () => {
  it('reads a French elision glued to its word when the answer has no apostrophe at all', () => {
    expect(
      toolIds('Depuis quon a mis lERP, on ne ressaisit plus les commandes et cest bien moins derreurs.'),
    ).toEqual(['erp']);
    expect(
      toolIds('Les techniciens remplissent leurs rapports sur lappli, cest plus rapide quavant.'),
    ).toContain('mobile_app');
    expect(toolIds('jai perdu confiance dans lhebergeur depuis la panne, on a tout rapatrié')).toContain(
      'cloud_virtualization',
    );
  });

  it('reads an elision typed with a space for its apostrophe', () => {
    expect(toolIds('Nos techniciens ont tout sur l application, même les plans des chantiers.')).toContain(
      'mobile_app',
    );
  });

  it('quotes the word itself, without the elision glued to it', () => {
    const text = 'On a branché lEDI avec nos deux plus gros clients.';
    const edi = tagger.tag(text).tools.find((t) => t.id === 'edi');
    expect(edi?.evidence.map((e) => e.text)).toEqual(['EDI']);
    expect(edi?.evidence[0]?.start).toBe(text.indexOf('EDI'));
  });

  it('leaves whole French words whole', () => {
    const words = languageModels(loadLexicon(LEXICON_DIR))('fr').words;
    const read = (text: string) => tokenize(text, 'fr', stemmerFor('fr'), words).map((t) => t.norm);
    expect(read('il savait que celle du net couvre tout cest sur')).toEqual([
      'il',
      'savait',
      'que',
      'celle',
      'du',
      'net',
      'couvre',
      'tout',
      'ce',
      'est',
      'sur',
    ]);
    // An answer that uses apostrophes has none missing.
    expect(read("cest ce qu'il savait")).toEqual(['cest', 'ce', 'que', 'il', 'savait']);
  });

  it('reads English negations typed without their apostrophe', () => {
    expect(toolIds('We dont have a website, people find us by word of mouth.')).not.toContain(
      'showcase_website',
    );
    expect(toolIds('They didnt want the scheduling app, so we kept the paper rota.')).not.toContain(
      'mobile_app',
    );
  });
});
