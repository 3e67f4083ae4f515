import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/domain.js';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const tagsOf = (text: string, lang: Language) => {
  const tags = tagger.tag(text, { lang });
  return { tools: tags.tools.map((t) => t.id), levers: tags.levers.map((l) => l.id) };
};

describe("a tool not in use brings no lever (GUIDELINES.md: a competitor's tool is not the firm's)", () => {
  it("gives no lever for a competitor's shop, platform or newsletter", () => {
    for (const [text, lang] of [
      ['Nos concurrents font tous de la vente en ligne.', 'fr'],
      ['Mon concurrent envoie une newsletter à ses clients tous les mois.', 'fr'],
      ['Our competitors all have an online booking system.', 'en'],
      ['Our competitors all sell online.', 'en'],
      ["Un concurrent à moi est au club d'entreprises de la zone.", 'fr'],
    ] as const) {
      expect(tagsOf(text, lang), text).toEqual({ tools: [], levers: [] });
    }
  });

  it('gives no lever for a tool dropped or taken back', () => {
    expect(tagsOf('On faisait une newsletter mais on a laissé tomber.', 'fr').levers).not.toContain(
      'product_market',
    );
    expect(tagsOf('We had an online booking page, we closed it down last year.', 'en').levers).not.toContain(
      'product_market',
    );
  });

  it('keeps the lever of the firm’s own tool named beside a competitor’s', () => {
    expect(
      tagsOf(
        'Nos concurrents vendent tous sur Amazon, alors on a lancé notre propre boutique en ligne.',
        'fr',
      ),
    ).toEqual({ tools: ['ecommerce_website'], levers: ['product_market'] });
    expect(
      tagsOf('Our competitors all have an online shop, so we started selling online too last year.', 'en'),
    ).toEqual({ tools: ['ecommerce_website'], levers: ['product_market'] });
  });

  it("reads the possessive of a competitor as the competitor's, not the firm's", () => {
    expect(tagsOf('Nos concurrents ont un site marchand.', 'fr').tools).toEqual([]);
    expect(tagsOf('Our competitors have a website.', 'en').tools).toEqual([]);
    // The firm's own site after the competitors' stays the firm's.
    expect(tagsOf('Nos concurrents sont partout, mais notre site marchand tourne bien.', 'fr').tools).toEqual(
      ['ecommerce_website'],
    );
  });
});
