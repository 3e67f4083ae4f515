import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const facetIds = (text: string) => tagger.tag(text).facets.map((f) => f.id);

describe('a cue in a phrase where it means something else is no cue', () => {
  it('reads time saved as no time needed, and time needed as a resource', () => {
    expect(facetIds("Pour nous c'est surtout gagner du temps et toucher de nouveaux clients.")).not.toContain(
      'resource',
    );
    expect(facetIds('Ça nous a permis de dégager du temps pour les clients.')).not.toContain('resource');
    expect(facetIds('It mostly saves time and brings in new customers.')).not.toContain('resource');
    expect(facetIds("Il faut du temps pour former les gars de l'atelier.")).toContain('resource');
  });
});
