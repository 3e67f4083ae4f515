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

describe('words of hiring and of owning a phone name no tool', () => {
  const toolIds = (text: string) => tagger.tag(text).tools.map((t) => t.id);
  it('reads "on recrute" and "we recruit" as hiring, not as recruiting online', () => {
    expect(toolIds('On recrute deux plaquistes en ce moment, mais on trouve personne.')).not.toContain(
      'recruitment',
    );
    expect(toolIds("We recruit every spring for the season, it's always a struggle.")).not.toContain(
      'recruitment',
    );
    // Recruiting through a named channel is still the tool.
    expect(toolIds('On recrute sur Indeed depuis deux ans.')).toContain('recruitment');
  });

  it('reads customers owning a smartphone as no mobile app of the firm', () => {
    expect(toolIds('Nos clients ont presque tous un smartphone maintenant.')).not.toContain('mobile_app');
    expect(toolIds('Our customers all have smartphones these days.')).not.toContain('mobile_app');
    expect(toolIds('Les livreurs ont tout sur leur smartphone avec l’appli.')).toContain('mobile_app');
  });
});
