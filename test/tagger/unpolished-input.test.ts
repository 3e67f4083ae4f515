import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

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
