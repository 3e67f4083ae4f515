import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const valueIds = (text: string) => tagger.tag(text).values.map((v) => v.id);

describe('a chore said to be unchanged is no value gained', () => {
  it.each([
    'On mettait trois jours à boucler la paie, et rien n’a changé.',
    'Les devis nous prenaient une demi-journée, ça n’a pas bougé depuis.',
    'La saisie des commandes prenait deux heures par jour, c’est toujours pareil.',
    'Invoicing took us three days a month and it is still the same.',
    'Stock-taking used to take two days, nothing has changed.',
    'Quotes took half a day to write, same as ever.',
  ])('%s → not functional', (text) => {
    expect(valueIds(text)).not.toContain('functional');
  });

  it('keeps a gain said in another sentence or after a contrast', () => {
    expect(
      valueIds(
        'Pour la paie, rien n’a changé. Mais les devis, on les fait en dix minutes au lieu d’une heure.',
      ),
    ).toContain('functional');
    expect(
      valueIds('The payroll is still the same, but the app saves us two hours a day on the orders.'),
    ).toContain('functional');
  });
});
